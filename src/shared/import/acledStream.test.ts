// importAcledText (rows imported as they are read) against readCsv then importAcled (the whole
// table first): the same outcome for every ACLED fixture and for large synthetic exports.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticAcledCsv } from '../../../tests/support/syntheticAcled';
import { importAcled, importAcledText, isAcledHeader } from './acled';
import { readCsv } from './csvTable';
import { importText } from './importText';
import type { ImportOutcome } from './types';
import { importFixture as fixture, IMPORT_FIXTURES } from '../../../tests/support/importFixtures';

const ACLED_FIXTURES = readdirSync(IMPORT_FIXTURES).filter((name) => name.startsWith('acled-'));

/** The outcome of reading the whole table first. */
function wholeTable(text: string, file: string): ImportOutcome {
  const read = readCsv(text, file, { isHeader: isAcledHeader });
  return read.ok ? importAcled(read.table) : { status: 'failed', problems: [...read.problems] };
}

/** Streamed, or (when the dates need their whole column) the whole table, as importText does. */
function streamedOrWhole(text: string, file: string): { outcome: ImportOutcome; streamed: boolean } {
  const streamed = importAcledText(text, file);
  return streamed ? { outcome: streamed, streamed: true } : { outcome: wholeTable(text, file), streamed: false };
}

describe('importAcledText', () => {
  it.each(ACLED_FIXTURES)('gives the same outcome as the whole table for %s', (name) => {
    const text = fixture(name);
    const { outcome } = streamedOrWhole(text, name);
    expect(outcome).toEqual(wholeTable(text, name));
    expect(importText(text, name, { format: 'acled' })).toEqual(wholeTable(text, name));
  });

  it('streams the fixtures whose dates need no day/month order', () => {
    expect(importAcledText(fixture('acled-current.csv'), 'acled-current.csv')).toBeDefined();
    expect(importAcledText(fixture('acled-hxl-preamble.csv'), 'acled-hxl-preamble.csv')).toBeDefined();
    expect(importAcledText(fixture('acled-broken.csv'), 'acled-broken.csv')).toBeDefined();
  });

  it('reads every ACLED fixture (at least the 19 there are)', () => {
    expect(ACLED_FIXTURES.length).toBeGreaterThanOrEqual(19);
  });

  it.each(['acled-truncated.csv', 'acled-short-row.csv', 'acled-unclosed-quote.csv'])('streams %s, leaving out the broken row as the whole table does', (name) => {
    const streamed = importAcledText(fixture(name), name);
    expect(streamed?.status === 'imported' && streamed.result.rows).toEqual({ total: 3, imported: 2, skipped: 1 });
  });

  it('leaves numeric dates (a day/month order to decide) to the whole table', () => {
    const text = fixture('acled-us-dates.csv');
    expect(importAcledText(text, 'acled-us-dates.csv')).toBeUndefined();
    const outcome = importText(text, 'acled-us-dates.csv', { format: 'acled' });
    expect(outcome.status).toBe('imported');
    expect(outcome).toEqual(wholeTable(text, 'acled-us-dates.csv'));
  });

  it.each([
    ['ISO dates', syntheticAcledCsv(3000, 7)],
    ['dates in words, CRLF', syntheticAcledCsv(3000, 11, { dateStyle: 'words', newline: '\r\n' })]
  ])('gives the same dataset as the whole table on 3,000 synthetic rows (%s)', (_, text) => {
    const streamed = importAcledText(text, 'synthetic.csv');
    expect(streamed?.status).toBe('imported');
    expect(streamed).toEqual(wholeTable(text, 'synthetic.csv'));
  });

  it('gives the same outcome when a quote is never closed, and when a row has a numeric date late in the file', () => {
    const text = syntheticAcledCsv(200, 3);
    const lines = text.split('\n');
    // On the last row: the quote must find no other to close it.
    const last = lines.length - 2;
    const unclosed = [...lines.slice(0, last), lines[last]!.replace(/,([^,]*)$/, ',"$1'), ...lines.slice(last + 1)].join('\n');
    const u = streamedOrWhole(unclosed, 'u.csv');
    expect(u.streamed).toBe(true);
    expect(JSON.stringify(u.outcome)).toContain('never closed');
    expect(u.outcome).toEqual(wholeTable(unclosed, 'u.csv'));
    const numeric = [...lines.slice(0, 150), lines[150]!.replace(/,(\d{4})-(\d{2})-(\d{2}),/, ',$3/$2/$1,'), ...lines.slice(151)].join('\n');
    expect(numeric).not.toBe(text);
    const r = streamedOrWhole(numeric, 'n.csv');
    expect(r.streamed).toBe(false);
    expect(r.outcome).toEqual(wholeTable(numeric, 'n.csv'));
  });

  it('fails as the whole table does without a header or data rows', () => {
    for (const text of ['just,a,table\n1,2,3\n', `${syntheticAcledCsv(1, 1).split('\n')[0]!}\n`, '']) {
      expect(streamedOrWhole(text, 'x.csv').outcome).toEqual(wholeTable(text, 'x.csv'));
    }
  });
});
