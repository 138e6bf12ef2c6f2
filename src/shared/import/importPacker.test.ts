// ImportPacker: an import checked and packed event by event, as its rows are read, comes to exactly
// what checking the importer's whole dataset (validateDataset) and then packing it (packDataset)
// come to: the same bytes, columns, header, ranges, warnings and left-out events, for every format
// and fixture (files with broken rows, and an ACLED file whose importer starts over, included).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFixture, IMPORT_FIXTURES } from '../../../tests/support/importFixtures';
import { completeHeader } from '../../../tests/support/importStandIn';
import { expectSameArray, expectSameColumns } from '../../../tests/support/sameColumns';
import { syntheticAcledCsv } from '../../../tests/support/syntheticAcled';
import { fastEventCheck } from '../../main/dataset/fastEventCheck';
import { loadDatasetBytes } from '../dataset/loadDatasetBytes';
import { packDataset, type PackedDataset } from '../dataset/packDataset';
import { capProblems, type Problem } from '../dataset/problems';
import type { DatasetInput } from '../dataset/schema';
import { validateDataset } from '../dataset/validateDataset';
import { MAX_ERRORS } from '../dataset/validator';
import { ImportPacker, type PackedImport } from './importPacker';
import { importText } from './importText';
import type { ImportOptions, ImportOutcome, ImportResult } from './types';

interface Opened {
  readonly packed: PackedDataset;
  readonly offered: number;
  readonly kept: number;
  readonly skipped: Problem[];
}

function imported(outcome: ImportOutcome): ImportResult {
  if (outcome.status !== 'imported') throw new Error(`expected an import, got ${outcome.status}`);
  return outcome.result;
}

/** A generic table's options: the mapping its headers suggest. */
function optionsFor(text: string, file: string): ImportOptions {
  const first = importText(text, file);
  return first.status === 'needs-mapping' ? { mapping: first.preview.guess } : {};
}

/** Checked and packed event by event (the app's way). */
function streamed(text: string, file: string, options: ImportOptions, fast: boolean): Opened | Problem[] {
  const packer = new ImportPacker(file, { ...(fast ? { fastCheck: fastEventCheck() } : {}) });
  const result = imported(importText(text, file, { ...options, sink: packer }));
  expect(result.dataset.events).toEqual([]);
  const checked = packer.finish(result.dataset);
  if (!checked.ok) return checked.problems;
  const warnings = result.problems.filter((p) => p.severity !== 'error');
  const image = checked.image();
  return { packed: { bytes: image.bytes, loaded: { ...checked.loaded, eventRanges: image.ranges, warnings: capProblems([...warnings, ...checked.warnings]) } }, offered: checked.offered, kept: checked.kept, skipped: checked.skipped };
}

/** The whole dataset checked, then packed. */
function whole(text: string, file: string, options: ImportOptions, fast: boolean): Opened | Problem[] {
  const result = imported(importText(text, file, options));
  const check = validateDataset(result.dataset, file, undefined, { lineOfEvent: result.lineOfEvent, skipInvalidEvents: true, ...(fast ? { fastCheck: fastEventCheck() } : {}) });
  if (!check.ok) return check.problems;
  const warnings = result.problems.filter((p) => p.severity !== 'error');
  return { packed: packDataset(check.dataset, capProblems([...warnings, ...check.warnings])), offered: result.dataset.events.length, kept: check.dataset.events.length, skipped: check.skipped ?? [] };
}

function expectSame(a: Opened | Problem[], b: Opened | Problem[]): void {
  if (Array.isArray(a) || Array.isArray(b)) {
    expect(a).toEqual(b);
    return;
  }
  expectSameArray(a.packed.bytes, b.packed.bytes, 'bytes');
  expectSameColumns(a.packed.loaded.columns, b.packed.loaded.columns);
  expectSameArray(a.packed.loaded.eventRanges, b.packed.loaded.eventRanges, 'eventRanges');
  expect(a.packed.loaded.header).toEqual(b.packed.loaded.header);
  expect(a.packed.loaded.warnings).toEqual(b.packed.loaded.warnings);
  expect([a.offered, a.kept]).toEqual([b.offered, b.kept]);
  expect(a.skipped).toEqual(b.skipped);
}

const FIXTURES = readdirSync(IMPORT_FIXTURES);

describe('ImportPacker: the same as checking the whole dataset, then packing it', () => {
  for (const name of FIXTURES) {
    it(name, () => {
      const text = importFixture(name);
      const options = optionsFor(text, name);
      const outcome = importText(text, name, options);
      if (outcome.status !== 'imported') {
        // A file no importer can use fails before anything is packed, sink or not.
        expect(importText(text, name, { ...options, sink: new ImportPacker(name) })).toEqual(outcome);
        return;
      }
      // The compiled check fills in defaults in place (after the fields there), zod makes new
      // objects in the schema's order: each way is compared with itself.
      expectSame(streamed(text, name, options, true), whole(text, name, options, true));
      expectSame(streamed(text, name, options, false), whole(text, name, options, false));
    });
  }

  it('a synthetic ACLED export of 5,000 rows, whose image loads back as a native file', () => {
    const text = syntheticAcledCsv(5000, 3);
    const reference = whole(text, 'synthetic.csv', {}, true);
    const opened = streamed(text, 'synthetic.csv', {}, true);
    expectSame(opened, reference);
    if (Array.isArray(opened)) throw new Error('expected it to open');
    const back = loadDatasetBytes(opened.packed.bytes, 'synthetic.csv');
    if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 3)));
    expectSameColumns(back.loaded.columns, opened.packed.loaded.columns);
    expectSameArray(back.loaded.eventRanges, opened.packed.loaded.eventRanges, 'eventRanges');
  });

  it('an ACLED export with day-first numeric dates, whose importer reads the rows again from the start', () => {
    // The streaming read stops at the first numeric date (its order needs the whole column) and
    // starts over on the whole table: the events handed over before that are dropped.
    const text = importFixture('acled-us-dates.csv');
    const result = imported(importText(text, 'x.csv'));
    const packer = new ImportPacker('x.csv');
    const begins: number[] = [];
    const counting = { begin: (h: Parameters<ImportPacker['begin']>[0]) => (begins.push(1), packer.begin(h)), add: packer.add.bind(packer) };
    imported(importText(text, 'x.csv', { sink: counting }));
    expect(begins.length).toBeGreaterThanOrEqual(1);
    const checked = packer.finish(result.dataset);
    if (!checked.ok) throw new Error('expected it to open');
    expect(checked.offered).toBe(result.dataset.events.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Events the check refuses, handed over as an importer would.

const header: Omit<DatasetInput, 'events'> = {
  format: 'frontline-dataset',
  version: 1,
  metadata: { title: 'Stand-in', theatres: [] },
  sources: [{ id: 'wire', kind: 'news', publisher: 'Wire', title: 'Report' } as DatasetInput['sources'][number]]
};
const event = (id: string, day: string, extra: Record<string, unknown> = {}) => ({ id, type: 'capture' as const, title: `Event ${id}`, start: { value: day, precision: 'day' as const }, citations: [{ source: 'wire' }], ...extra });

function pack(events: readonly Record<string, unknown>[], head: Omit<DatasetInput, 'events'> = header): PackedImport {
  const packer = new ImportPacker('stand-in.csv', { fastCheck: fastEventCheck() });
  packer.begin(completeHeader(head));
  events.forEach((e, i) => packer.add(e as DatasetInput['events'][number], 10 + i));
  return packer.finish({ ...head, events: [] });
}

describe('ImportPacker: events the check refuses', () => {
  it('leaves them out, naming their line, and packs the rest', () => {
    const r = pack([event('a', '2017-11-03'), event('b', '2017-02-30'), event('a', '2017-11-04'), event('c', '2017-11-05', { citations: [{ source: 'nowhere' }] }), event('d', '2017-11-06')]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect([r.offered, r.kept]).toEqual([5, 2]);
    expect(r.skipped.map((p) => [p.line, p.field])).toEqual([
      [11, 'events[1] (id "b").start.value'],
      [12, 'events[2] (id "a").id'],
      [13, 'events[3] (id "c").citations[0].source']
    ]);
    expect(r.loaded.columns.count).toBe(2);
    const image = r.image();
    const back = loadDatasetBytes(image.bytes, 'stand-in.csv');
    expect(back.ok && back.loaded.columns).toEqual(r.loaded.columns);
    expect(back.ok && back.loaded.eventRanges).toEqual(image.ranges);
  });

  it('fails when every event is refused, with their problems', () => {
    const r = pack([event('a', '2017-02-30')]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toMatchObject([{ severity: 'error', line: 10, field: 'events[0] (id "a").start.value' }]);
  });

  it('fails on a header the format refuses (an importer bug), with nothing packed', () => {
    const r = pack([event('a', '2017-11-03')], { ...header, metadata: { title: '', theatres: [] } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.field)).toContain('metadata.title');
  });

  it('stops looking after so many errors that the file fails anyway', () => {
    const events = Array.from({ length: MAX_ERRORS + 50 }, (_, i) => event(`e${i}`, '2017-02-30'));
    const r = pack(events);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.at(-1)?.message).toMatch(/checking stopped after/);
  });

  it('cleans invisible characters as the check of a native file does, with a warning', () => {
    const r = pack([event('a', '2017-11-03', { title: 'Deir\u202Eal-Zour' })]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.warnings).toMatchObject([{ severity: 'warning', line: 10, field: 'events[0] (id "a").title' }]);
    expect(new TextDecoder().decode(r.image().bytes)).toContain('"title":"Deiral-Zour"');
  });

  it('reports its progress every few thousand events, with the line reached', () => {
    const calls: [number, number][] = [];
    const packer = new ImportPacker('stand-in.csv', { onEvents: (n, line) => calls.push([n, line]) });
    packer.begin(completeHeader(header));
    for (let i = 0; i < 9000; i++) packer.add(event(`e${i}`, '2017-11-03') as DatasetInput['events'][number], 2 + i);
    expect(calls).toEqual([
      [4096, 4097],
      [8192, 8193]
    ]);
  });
});
