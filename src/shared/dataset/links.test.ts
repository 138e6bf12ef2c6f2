// Links between events in the native format: optional, checked (kinds, ends that exist, no link to
// itself, no link twice, citations naming known sources), with the same words whether the file is
// validated whole or streamed; resolved to column indices and read both ways.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringAt } from './columns';
import { linkedEvents, LinkIndex, linkKey, linksForEvents, linkWords, LINK_KINDS } from './links';
import { loadDatasetBytes } from './loadDatasetBytes';
import { nativeHead, NATIVE_TAIL } from './packDataset';
import { parseDatasetText } from './validateDataset';
import type { Dataset } from './schema';

const BUNDLED_TEXT = readFileSync(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url), 'utf8');
const encode = (text: string) => new TextEncoder().encode(text);

function withLinks(links: unknown): string {
  const raw = JSON.parse(BUNDLED_TEXT) as Record<string, unknown>;
  if (links === undefined) delete raw['links'];
  else raw['links'] = links;
  return JSON.stringify(raw, null, 2);
}

/** The same problems (field and message) from both paths. */
function problems(text: string): { field: string | undefined; message: string }[] {
  const whole = parseDatasetText(text, 'links.frontline');
  const streamed = loadDatasetBytes(encode(text), 'links.frontline');
  expect(whole.ok).toBe(false);
  expect(streamed.ok).toBe(false);
  if (whole.ok || streamed.ok) return [];
  const out = whole.problems.map((p) => ({ field: p.field, message: p.message }));
  expect(streamed.problems.map((p) => ({ field: p.field, message: p.message }))).toEqual(out);
  return out;
}

const LED = { from: 'al-qaim-offensive', to: 'al-qaim-recaptured', kind: 'leads-to' };

describe('links in the format', () => {
  it('are optional: a dataset without them has none in its header', () => {
    const loaded = loadDatasetBytes(encode(withLinks(undefined)), 'none.frontline');
    expect(loaded.ok && loaded.loaded.header.links).toEqual([]);
  });

  it('reach the header in order, with their note and citation, their text cleaned', () => {
    const text = withLinks([
      { ...LED, note: '  The operation was to retake the city\u200b ', citation: { source: 'bbc-2017-11-03', quote: 'The operation to retake the city and the surrounding area was launched last week.' } },
      { from: 'mosul-taken', to: 'raqqa-taken', kind: 'related-to' }
    ]);
    const loaded = loadDatasetBytes(encode(text), 'ok.frontline');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.loaded.header.links).toEqual([
      { ...LED, note: 'The operation was to retake the city', citation: { source: 'bbc-2017-11-03', quote: 'The operation to retake the city and the surrounding area was launched last week.' } },
      { from: 'mosul-taken', to: 'raqqa-taken', kind: 'related-to' }
    ]);
    expect(loaded.loaded.warnings.map((w) => w.field)).toEqual(['links[0].note']);
    const whole = parseDatasetText(text, 'ok.frontline');
    expect(whole.ok && whole.dataset.links).toEqual(loaded.loaded.header.links);
  });

  it('refuses a link to an event the dataset does not have, naming the end', () => {
    expect(problems(withLinks([LED, { from: 'raqqa-taken', to: 'fall-of-baghdad', kind: 'leads-to' }, { from: 'nowhere', to: 'raqqa-taken', kind: 'part-of' }]))).toEqual([
      { field: 'links[1].to', message: 'refers to event "fall-of-baghdad", which the dataset does not define' },
      { field: 'links[2].from', message: 'refers to event "nowhere", which the dataset does not define' }
    ]);
  });

  it('refuses a link from an event to itself', () => {
    expect(problems(withLinks([LED, { from: 'raqqa-taken', to: 'raqqa-taken', kind: 'same-as' }]))).toEqual([
      { field: 'links[1].to', message: 'a link cannot go from an event to itself ("raqqa-taken")' }
    ]);
  });

  it('refuses the same link twice (either way round for a kind without direction), naming the first', () => {
    expect(problems(withLinks([LED, { from: 'mosul-taken', to: 'raqqa-taken', kind: 'same-as' }, { ...LED, note: 'again' }, { from: 'raqqa-taken', to: 'mosul-taken', kind: 'same-as' }]))).toEqual([
      { field: 'links[2].to', message: 'duplicate link: links[0] already joins "al-qaim-offensive" and "al-qaim-recaptured" with kind "leads-to"' },
      { field: 'links[3].to', message: 'duplicate link: links[1] already joins "raqqa-taken" and "mosul-taken" with kind "same-as"' }
    ]);
    // The other way round is another link when the kind has a direction.
    const loaded = loadDatasetBytes(encode(withLinks([LED, { from: LED.to, to: LED.from, kind: 'leads-to' }])), 'ok.frontline');
    expect(loaded.ok).toBe(true);
  });

  it('refuses an unknown kind, a missing end, an unknown field, and a citation of an unknown source', () => {
    expect(problems(withLinks([{ ...LED, kind: 'causes' }]))).toEqual([
      { field: 'links[0].kind', message: `the text "causes" is not allowed here; use one of ${LINK_KINDS.map((k) => `"${k}"`).join(', ')}` }
    ]);
    expect(problems(withLinks([{ from: 'raqqa-taken', kind: 'leads-to' }]))).toEqual([{ field: 'links[0].to', message: 'is required but missing (expected string)' }]);
    expect(problems(withLinks([{ ...LED, because: 'x' }]))).toEqual([{ field: 'links[0].because', message: 'unknown field "because" (check the spelling)' }]);
    expect(problems(withLinks([{ ...LED, citation: { source: 'reuters', quote: 'x' } }]))).toEqual([
      { field: 'links[0].citation.source', message: 'refers to source "reuters", which the dataset does not define' }
    ]);
    expect(problems(withLinks({ from: 'a' })).map((p) => p.field)).toEqual(['links']);
  });

  it('says where a bad link is in the file', () => {
    const text = withLinks([LED, { from: 'raqqa-taken', to: 'raqqa-taken', kind: 'same-as' }]);
    const streamed = loadDatasetBytes(encode(text), 'links.frontline');
    if (streamed.ok) throw new Error('loaded');
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => l.includes('"to": "raqqa-taken"') && lines[i - 1]?.includes('"from": "raqqa-taken"')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(streamed.problems[0]).toMatchObject({ line, field: 'links[1].to' });
  });
});

describe('links written', () => {
  it('a native head carries the links (only when there are some)', () => {
    const parsed = parseDatasetText(withLinks([LED]), 'x.frontline');
    if (!parsed.ok) throw new Error('invalid');
    const ds: Dataset = parsed.dataset;
    expect((JSON.parse(`${nativeHead(ds)}${NATIVE_TAIL}`) as { links?: unknown }).links).toEqual([LED]);
    expect(JSON.parse(`${nativeHead({ ...ds, links: [] })}${NATIVE_TAIL}`)).not.toHaveProperty('links');
  });

  it('a subset of the events keeps the links whose two events it keeps', () => {
    const links = [LED, { from: 'raqqa-taken', to: 'mosul-taken', kind: 'same-as' as const }];
    expect(linksForEvents(links, new Set(['al-qaim-offensive', 'al-qaim-recaptured', 'raqqa-taken']))).toEqual([LED]);
  });
});

describe('links read both ways', () => {
  const loaded = loadDatasetBytes(encode(withLinks([LED, { from: 'deir-al-zour-taken', to: 'is-confined-deir-al-zour', kind: 'disputes' }, { from: 'raqqa-taken', to: 'mosul-taken', kind: 'same-as' }])), 'x.frontline');
  if (!loaded.ok) throw new Error('invalid');
  const { columns, header } = loaded.loaded;
  const ids = Array.from({ length: columns.count }, (_, i) => stringAt(columns.ids, i));
  const indexOf = (id: string) => (ids.includes(id) ? ids.indexOf(id) : undefined);
  const index = new LinkIndex(header.links, indexOf);
  const at = (id: string) => indexOf(id)!;

  it('each event lists its links, outgoing and incoming, with the other event', () => {
    expect(index.of(at('al-qaim-offensive'))).toEqual([{ link: 0, kind: 'leads-to', direction: 'outgoing', other: at('al-qaim-recaptured') }]);
    expect(index.of(at('al-qaim-recaptured'))).toEqual([{ link: 0, kind: 'leads-to', direction: 'incoming', other: at('al-qaim-offensive') }]);
    expect(index.of(at('sykes-picot'))).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('reads in plain words from either end', () => {
    expect(linkWords('leads-to', 'outgoing')).toBe('Led to');
    expect(linkWords('leads-to', 'incoming')).toBe('Followed from');
    expect(linkWords('disputes', 'outgoing')).toBe('Disputes');
    expect(linkWords('disputes', 'incoming')).toBe('Disputed by');
    expect(linkWords('part-of', 'outgoing')).toBe('Part of');
    expect(linkWords('responds-to', 'outgoing')).toBe('Responds to');
    expect(linkWords('same-as', 'incoming')).toBe('Same as');
  });

  it('draws the selected event\'s links, or all, where both ends pass the filter', () => {
    const offensive = at('al-qaim-offensive');
    expect(index.shown(offensive, false, undefined).map((l) => l.link)).toEqual([0]);
    expect(index.shown(undefined, false, undefined)).toEqual([]);
    expect(index.shown(undefined, true, undefined).map((l) => l.link)).toEqual([0, 1, 2]);
    const withoutMosul = (i: number) => i !== at('mosul-taken');
    expect(index.shown(undefined, true, withoutMosul).map((l) => l.link)).toEqual([0, 1]);
  });

  it('leaves out a link whose event is not loaded', () => {
    const partial = new LinkIndex(header.links, (id) => (id === 'mosul-taken' ? undefined : indexOf(id)));
    expect(partial.links.map((l) => l.link)).toEqual([0, 1]);
    expect(partial.has(at('raqqa-taken'))).toBe(false);
  });

  it('marks the events with a link whose other end is loaded', () => {
    const marked = linkedEvents(header.links, columns.count, (i) => ids[i]!);
    const withLink = ids.filter((_, i) => marked[i] === 1).sort();
    expect(withLink).toEqual(['al-qaim-offensive', 'al-qaim-recaptured', 'deir-al-zour-taken', 'is-confined-deir-al-zour', 'mosul-taken', 'raqqa-taken']);
    const dangling = linkedEvents([{ from: 'raqqa-taken', to: 'gone' }], columns.count, (i) => ids[i]!);
    expect(dangling.every((v) => v === 0)).toBe(true);
  });

  it('a kind without direction is the same link either way round', () => {
    expect(linkKey({ from: 'a', to: 'b', kind: 'same-as' })).toBe(linkKey({ from: 'b', to: 'a', kind: 'same-as' }));
    expect(linkKey({ from: 'a', to: 'b', kind: 'leads-to' })).not.toBe(linkKey({ from: 'b', to: 'a', kind: 'leads-to' }));
  });
});
