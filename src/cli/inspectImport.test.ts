// inspect on an import, with the importer replaced by a stand-in (the importers are tested on
// their own): the summary says what it was read as and how many rows; rows left out are listed
// and make the exit status 1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../shared/dataset/problems';
import type { DatasetInput } from '../shared/dataset/schema';
import type { ImportOptions, ImportOutcome } from '../shared/import/types';
import { standInImport, type ImportTextFn } from '../../tests/support/importStandIn';
import { inspect } from './inspect';

const importText = vi.hoisted(() => vi.fn<(text: string, file: string, options?: ImportOptions) => ImportOutcome>());
vi.mock('../shared/import/importText', async (original) => ({ ...(await original<typeof import('../shared/import/importText')>()), importText }));

let tmp: string;
let path: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-inspect-import-'));
  path = join(tmp, 'export.csv');
  await writeFile(path, 'event_date,notes\n2017-11-03,x\n');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const event = (id: string, day: string) => ({ id, type: 'capture' as const, title: `Event ${id}`, start: { value: day, precision: 'day' as const }, citations: [{ source: 'wire' }] });

function imported(events: DatasetInput['events'], problems: Problem[] = [], skipped = 0): ImportTextFn {
  return standInImport({ format: 'frontline-dataset', version: 1, metadata: { title: 'ACLED export' }, sources: [{ id: 'wire', publisher: 'ACLED', title: 'Export' }], events }, { problems, skipped });
}

describe('inspect on an import', () => {
  it('prints what it was read as, its rows and the summary; exit 0', async () => {
    importText.mockImplementation(imported([event('a', '2017-11-03'), event('b', '2017-11-04')]));
    const out = await inspect([path, '--format', 'acled']);
    expect(importText).toHaveBeenLastCalledWith(expect.any(String), path, { format: 'acled', sink: expect.anything() });
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain(`${path}: ACLED export (CSV), read as a Frontline dataset`);
    expect(out.stdout).toMatch(/^Rows: {6}2 \(2 events\)$/m);
    expect(out.stdout).toMatch(/^Events: {4}2 \(0 spans\)$/m);
  });

  it('rows left out: the summary of the rest, each problem, and exit 1', async () => {
    const problem: Problem = { severity: 'error', file: path, line: 3, field: 'event_date', message: 'is not a date' };
    importText.mockImplementation(imported([event('a', '2017-11-03')], [problem], 1));
    const out = await inspect([path, '--format', 'acled']);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toMatch(/^Rows: {6}2 \(1 event, 1 left out\)$/m);
    expect(out.stderr).toBe(`${path}:3: error: event_date: is not a date\n${path}: 1 row of 2 left out (1 problem)\n`);
  });

  it('--json reports format, rows and the problems', async () => {
    const problem: Problem = { severity: 'error', file: path, line: 3, message: 'no date' };
    importText.mockImplementation(imported([event('a', '2017-11-03')], [problem], 1));
    const report = JSON.parse((await inspect([path, '--json', '--format', 'acled'])).stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ valid: false, format: 'acled', rows: { total: 2, imported: 1, skipped: 1 }, problems: [problem] });
  });

  it('--map passes the mapping to the generic importer', async () => {
    importText.mockImplementation(imported([event('a', '2017-11-03')]));
    await inspect([path, '--map', 'date=0,title=1']);
    expect(importText).toHaveBeenLastCalledWith(expect.any(String), path, { format: 'csv', mapping: { date: 0, title: 1 }, sink: expect.anything() });
  });

  it('a failed import prints its problems; exit 1', async () => {
    importText.mockReturnValue({ status: 'failed', problems: [{ severity: 'error', file: path, line: 1, message: 'not an ACLED export' }] });
    const out = await inspect([path, '--format', 'acled']);
    expect(out).toEqual({ exitCode: 1, stdout: '', stderr: `${path}:1: error: not an ACLED export\n${path}: invalid (1 problem)\n` });
  });
});
