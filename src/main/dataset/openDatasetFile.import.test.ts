// openDatasetFile's import path with the importer replaced by a stand-in (the real importers are
// tested on their own): what an importer makes is checked again like a native file, packed into
// a native file image, and rows it or the check left out come back for review.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDatasetBytes, readEvent } from '../../shared/dataset/loadDatasetBytes';
import type { DatasetInput } from '../../shared/dataset/schema';
import type { Problem } from '../../shared/dataset/problems';
import type { ImportFormat, ImportOptions, ImportOutcome } from '../../shared/import/types';
import { standInImport, type ImportTextFn } from '../../../tests/support/importStandIn';
import { datasetOf, imageNow, openDatasetFile, type ReadOutcome } from './openDatasetFile';

const importText = vi.hoisted(() => vi.fn<(text: string, file: string, options?: ImportOptions) => ImportOutcome>());
vi.mock('../../shared/import/importText', async (original) => ({ ...(await original<typeof import('../../shared/import/importText')>()), importText }));

let tmp: string;
let csvPath: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-open-import-'));
  csvPath = join(tmp, 'acled.csv');
  await writeFile(csvPath, 'event_date,notes\n2017-11-03,x\n2017-11-04,y\n2017-11-05,z\n');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  importText.mockReset();
});

const event = (id: string, day: string) => ({ id, type: 'capture' as const, title: `Event ${id}`, start: { value: day, precision: 'day' as const }, citations: [{ source: 'wire' }] });

function dataset(events: DatasetInput['events']): DatasetInput {
  return { format: 'frontline-dataset', version: 1, metadata: { title: 'Imported' }, sources: [{ id: 'wire', kind: 'news', publisher: 'Wire', title: 'Report' } as DatasetInput['sources'][number]], events };
}

function imported(events: DatasetInput['events'], extra: { problems?: Problem[]; total?: number; skipped?: number; format?: ImportFormat } = {}): ImportTextFn {
  return standInImport(dataset(events), extra);
}

/** What opened (or opened but for the rows left out for review), with those rows, flattened for the assertions. */
function opened(result: ReadOutcome) {
  if (result.kind !== 'opened' && result.kind !== 'needs-review') throw new Error(`expected the file to open, got ${JSON.stringify(result).slice(0, 500)}`);
  const read = datasetOf(result)!;
  return { ...read.dataset, skipped: read.skipped, file: result.file };
}

describe('an import', () => {
  it('is held as a native file image that loads back to the same columns', async () => {
    importText.mockImplementation(imported([event('a', '2017-11-03'), event('b', '2017-11-04'), event('c', '2017-11-05')]));
    const r = opened(await openDatasetFile(csvPath, 'acled.csv', { format: 'acled' }));
    expect(importText).toHaveBeenCalledWith(expect.stringContaining('event_date'), 'acled.csv', { format: 'acled', sink: expect.anything() });
    expect(r.format).toBe('acled');
    expect(r.rows).toEqual({ total: 3, imported: 3, skipped: 0 });
    expect(r.skipped).toEqual([]);
    expect(r.mapping).toBeUndefined();
    // The file image is written when asked (after the columns are handed over).
    expect(typeof r.image).toBe('function');
    const image = imageNow(r.image);
    const back = loadDatasetBytes(image.bytes, 'acled.csv');
    if (!back.ok) throw new Error('the packed image did not load');
    expect(back.loaded.columns).toEqual(r.columns);
    expect(back.loaded.eventRanges).toEqual(image.ranges);
    expect(readEvent(image.bytes, image.ranges, 1, 'acled.csv')?.id).toBe('b');
  });

  it('rows the importer skipped come back for review, with its counts', async () => {
    const skippedRow = { severity: 'error' as const, file: 'acled.csv', line: 4, field: 'event_date', message: 'no date' };
    const warning = { severity: 'warning' as const, file: 'acled.csv', line: 2, field: 'notes', message: 'trimmed' };
    importText.mockImplementation(imported([event('a', '2017-11-03'), event('b', '2017-11-04')], { problems: [skippedRow, warning], total: 3, skipped: 1 }));
    const r = opened(await openDatasetFile(csvPath, 'acled.csv'));
    expect(r.rows).toEqual({ total: 3, imported: 2, skipped: 1 });
    expect(r.skipped).toEqual([skippedRow]);
    expect(r.warnings).toEqual([warning]);
  });

  it('an event the importer let through but the check refuses is left out too, at its line', async () => {
    importText.mockImplementation(imported([event('a', '2017-11-03'), event('b', '2017-02-30'), event('c', '2017-11-05')]));
    const r = opened(await openDatasetFile(csvPath, 'acled.csv'));
    expect(r.rows).toEqual({ total: 3, imported: 2, skipped: 1 });
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatchObject({ severity: 'error', file: 'acled.csv', line: 3 });
    expect(r.columns.count).toBe(2);
  });

  it('an event of a JSON file (no lines) the check refuses is named by its place in the events, with no line', async () => {
    importText.mockImplementation(standInImport(dataset([event('a', '2017-11-03'), event('b', '2017-02-30')]), { lines: [undefined, undefined], format: 'timelinejs-json' }));
    const r = opened(await openDatasetFile(csvPath, 'timeline.json'));
    expect(r.skipped).toEqual([{ severity: 'error', file: 'timeline.json', field: 'events[1] (id "b").start.value', message: expect.stringContaining('2017-02-30') }]);
  });

  it('strict: any row left out fails the whole file with those problems', async () => {
    const skippedRow = { severity: 'error' as const, file: 'acled.csv', line: 4, message: 'no date' };
    importText.mockImplementation(imported([event('a', '2017-11-03')], { problems: [skippedRow], total: 2, skipped: 1 }));
    expect(await openDatasetFile(csvPath, 'acled.csv', { strict: true })).toEqual({ kind: 'failed', file: { path: csvPath, displayName: 'acled.csv' }, error: { code: 'invalid-data', message: 'acled.csv could not be opened.', problems: [skippedRow] } });
  });

  it('nothing usable fails with the reasons', async () => {
    const skippedRow = { severity: 'error' as const, file: 'acled.csv', line: 2, message: 'no date' };
    importText.mockImplementation(imported([], { problems: [skippedRow], total: 1, skipped: 1 }));
    expect(await openDatasetFile(csvPath, 'acled.csv')).toMatchObject({ kind: 'failed', error: { problems: [skippedRow] } });
    importText.mockImplementation(imported([]));
    expect(await openDatasetFile(csvPath, 'acled.csv')).toMatchObject({ kind: 'failed', error: { problems: [{ severity: 'error', file: 'acled.csv', message: 'has no rows that could be read as events' }] } });
  });

  it('a failed import passes its problems on', async () => {
    const problem = { severity: 'error' as const, file: 'acled.csv', line: 1, message: 'not an ACLED export' };
    importText.mockReturnValue({ status: 'failed', problems: [problem] });
    expect(await openDatasetFile(csvPath, 'acled.csv')).toEqual({ kind: 'failed', file: { path: csvPath, displayName: 'acled.csv' }, error: { code: 'invalid-data', message: 'acled.csv could not be opened.', problems: [problem] } });
  });

  it('a generic table read with a mapping keeps the mapping (for Reload)', async () => {
    importText.mockImplementation(imported([event('a', '2017-11-03')], { format: 'csv' }));
    const r = opened(await openDatasetFile(csvPath, 'acled.csv', { format: 'csv', mapping: { date: 0, title: 1 } }));
    expect(importText).toHaveBeenCalledWith(expect.any(String), 'acled.csv', { format: 'csv', mapping: { date: 0, title: 1 }, sink: expect.anything() });
    expect(r.format).toBe('csv');
    expect(r.mapping).toEqual({ date: 0, title: 1 });
  });
});
