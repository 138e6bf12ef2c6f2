// Lists shared by the events of an import (sharedLists.ts): one list per pair of actor entries and
// per set of tags, and never a list the dataset check would change in place (a tag with spaces to
// trim or invisible characters): such tags stay each event's own, so every event is still cleaned
// and warned about as before.
import { describe, expect, it } from 'vitest';
import { ACLED_HEADER, syntheticAcledCsv } from '../../../tests/support/syntheticAcled';
import { validateDataset } from '../dataset/validateDataset';
import { importAcledText } from './acled';
import { readCsv } from './csvTable';
import { madeTag, PairLists, TagLists } from './sharedLists';
import type { ImportOutcome } from './types';

const a = { actor: 'actor-a', role: 'participant' };
const b = { actor: 'actor-b', role: 'target' };

describe('PairLists', () => {
  it('gives one list per pair, in the order given, without the missing items', () => {
    const lists = new PairLists<typeof a>();
    expect(lists.of(a, b)).toEqual([a, b]);
    expect(lists.of(a, b)).toBe(lists.of(a, b));
    expect(lists.of(b, a)).toEqual([b, a]);
    expect(lists.of(b, a)).not.toBe(lists.of(a, b));
    expect(lists.of(a, undefined)).toEqual([a]);
    expect(lists.of(undefined, a)).toBe(lists.of(a, undefined));
    expect(lists.of(undefined, undefined)).toEqual([]);
    expect(lists.of(undefined, undefined)).toBe(lists.of(undefined, undefined));
  });

  it('keeps the same item twice (the same actor on both sides)', () => {
    expect(new PairLists<typeof a>().of(a, a)).toEqual([a, a]);
  });
});

describe('madeTag', () => {
  it('is clean when the dataset check would leave it as it is', () => {
    expect(madeTag('acled disorder: Political violence')).toEqual({ tag: 'acled disorder: Political violence', clean: true });
    expect(madeTag('acled: دير الزور').clean).toBe(true);
    for (const tag of ['', ' acled', 'acled ', 'acled\t', 'acled:\u200bbattles', 'acled: \u202ebattles', 'acled\u0007']) expect(madeTag(tag).clean, JSON.stringify(tag)).toBe(false);
  });
});

describe('TagLists', () => {
  const disorder = madeTag('acled disorder: Political violence');

  it('shares a list per first tag, second tag and flag', () => {
    const tags = new TagLists('flag');
    expect(tags.of('first', disorder, false)).toEqual(['first', 'acled disorder: Political violence']);
    expect(tags.of('first', disorder, false)).toBe(tags.of('first', disorder, false));
    expect(tags.of('first', disorder, true)).toEqual(['first', 'acled disorder: Political violence', 'flag']);
    expect(tags.of('first', disorder, true)).toBe(tags.of('first', disorder, true));
    expect(tags.of('first', undefined, false)).toEqual(['first']);
    expect(tags.of('other', undefined, false)).toEqual(['other']);
    expect(tags.of('other', undefined, false)).not.toBe(tags.of('first', undefined, false));
  });

  it('gives a list of its own each time a tag is not clean', () => {
    const tags = new TagLists('flag');
    const unclean = madeTag('acled disorder: Political\u200b violence');
    expect(tags.of('first', unclean, false)).toEqual(['first', 'acled disorder: Political\u200b violence']);
    expect(tags.of('first', unclean, false)).not.toBe(tags.of('first', unclean, false));
    expect(tags.of('first ', disorder, true)).not.toBe(tags.of('first ', disorder, true));
  });
});

function imported(outcome: ImportOutcome | undefined) {
  if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

/** A synthetic ACLED export with some of its cells changed (`edit` gets each data row's cells by column name). */
function editedAcled(rows: number, seed: number, edit: (cell: (name: string, value?: string) => string) => void): string {
  const read = readCsv(syntheticAcledCsv(rows, seed), 'synthetic.csv');
  if (!read.ok) throw new Error('the synthetic export does not read');
  const { headers, rows: data } = read.table;
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const lines = data.map(({ cells }) => {
    const out = [...cells];
    edit((name, value) => {
      const at = headers.indexOf(name);
      if (value !== undefined) out[at] = value;
      return out[at] ?? '';
    });
    return out.map(quote).join(',');
  });
  return `${headers.join(',')}\n${lines.join('\n')}\n`;
}

describe('an ACLED import', () => {
  it('shares one actors list among the events of each pair without associates, and one tags list among those with the same tags', () => {
    const text = editedAcled(2000, 7, (cell) => {
      cell('assoc_actor_1', '');
      cell('assoc_actor_2', '');
      cell('tags', '');
    });
    const { events } = imported(importAcledText(text, 'shared.csv')).dataset;
    expect(events).toHaveLength(2000);
    const distinct = <T,>(lists: T[]) => new Set(lists.map((l) => JSON.stringify(l))).size;
    expect(new Set(events.map((e) => e.actors)).size).toBe(distinct(events.map((e) => e.actors)));
    expect(new Set(events.map((e) => e.tags)).size).toBe(distinct(events.map((e) => e.tags)));
    // Far fewer lists than events.
    expect(distinct(events.map((e) => e.actors))).toBeLessThan(1000);
    expect(distinct(events.map((e) => e.tags))).toBeLessThan(100);
  });

  it('gives an event with associates or a tags cell lists of its own', () => {
    const text = editedAcled(50, 5, (cell) => {
      cell('assoc_actor_1', 'Civilians (Syria)');
      cell('tags', 'crowd size=no report');
    });
    const { events } = imported(importAcledText(text, 'own.csv')).dataset;
    expect(new Set(events.map((e) => e.actors)).size).toBe(50);
    expect(new Set(events.map((e) => e.tags)).size).toBe(50);
  });

  it('still cleans and warns about a tag with an invisible character in every event that has it', () => {
    const rows = syntheticAcledCsv(30, 3).split('\n').slice(1).filter((line) => line !== '');
    const disorder = ACLED_HEADER.split(',').indexOf('disorder_type');
    // The disorder type is the fifth cell, before any quoted one.
    const text = [ACLED_HEADER, ...rows.map((line) => line.split(',').map((cell, i) => (i === disorder ? 'Political\u200b violence' : cell)).join(','))].join('\n');
    const result = imported(importAcledText(text, 'zw.csv'));
    const checked = validateDataset(result.dataset, 'zw.csv', undefined, { lineOfEvent: result.lineOfEvent });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const cleaned = checked.dataset.events.map((e) => e.tags.find((t) => t.startsWith('acled disorder:')));
    expect(cleaned).toEqual(rows.map(() => 'acled disorder: Political violence'));
    const warned = checked.warnings.filter((w) => w.message.includes('invisible control character'));
    expect(warned).toHaveLength(30);
  });
});
