// openDatasetFile on real files: native fixtures (valid, broken, with invalid events left out for
// review, strict), size limits checked before reading, a folder, a missing file, a generic table
// that needs its columns mapped, format detection and progress.
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileProgress } from './loadDatasetFile';
import { MAX_DATASET_BYTES } from './loadDatasetFile';
import { datasetOf, imageNow, MAX_IMPORT_BYTES, openDatasetFile, type ReadOutcome } from './openDatasetFile';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const fixture = (name: string) => fileURLToPath(new URL(`../../../tests/fixtures/${name}`, import.meta.url));
const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const BROKEN = fixture('broken-syntax.frontline');
const INVALID_REFS = fixture('invalid-refs.frontline');
const HOSTILE = fixture('hostile.frontline');

let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-open-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** What opened (or opened but for the rows left out for review), with those rows, flattened for the assertions. */
function opened(result: ReadOutcome) {
  if (result.kind !== 'opened' && result.kind !== 'needs-review') throw new Error(`expected the file to open, got ${JSON.stringify(result).slice(0, 500)}`);
  const read = datasetOf(result)!;
  return { ...read.dataset, skipped: read.skipped, file: result.file };
}

function problemsOf(result: ReadOutcome) {
  if (result.kind !== 'failed') throw new Error(`expected problems, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.error.problems ?? [];
}

async function write(name: string, data: string | Uint8Array): Promise<string> {
  const path = join(tmp, name);
  await writeFile(path, data);
  return path;
}

describe('native files', () => {
  it('opens the bundled dataset whole, with nothing to review', async () => {
    const r = opened(await openDatasetFile(BUNDLED));
    expect(r.format).toBe('native');
    expect(r.rows).toEqual({ total: BUNDLED_EVENT_COUNT, imported: BUNDLED_EVENT_COUNT, skipped: 0 });
    expect(r.skipped).toEqual([]);
    expect(r.columns.count).toBe(BUNDLED_EVENT_COUNT);
    expect(r.file).toEqual({ path: BUNDLED, displayName: 'deir-al-zour-al-qaim-2017.frontline' });
    // A native file is its own file image, there at once.
    const image = r.image;
    if (typeof image === 'function') throw new Error('a native file image should be there at once');
    expect(Buffer.from(image.bytes).equals(await readFile(BUNDLED))).toBe(true);
    expect(r.bytes).toBe(image.bytes.byteLength);
    expect(r.mapping).toBeUndefined();
  });

  it('opens a file whose only problems are invalid events, leaving them out for review', async () => {
    const r = opened(await openDatasetFile(INVALID_REFS, 'refs.frontline'));
    expect(r.rows).toEqual({ total: 23, imported: 20, skipped: 3 });
    expect(r.columns.count).toBe(20);
    expect(r.skipped.map((p) => p.field)).toEqual(['events[0] (id "is-holds-deir-al-zour").start.value', 'events[1] (id "is-area-2015-01").places[2]', 'events[3] (id "raqqa-taken").id']);
    for (const p of r.skipped) {
      expect(p).toMatchObject({ severity: 'error', file: 'refs.frontline' });
      expect(p.line).toBeGreaterThan(0);
    }
    // Positions in the file are kept: the left-out events are simply not among the columns.
    expect([...r.columns.sourceIndex].sort((a, b) => a - b)).not.toContain(0);
    expect(imageNow(r.image).ranges.length / 2).toBe(23);
  });

  it('strict: the same file fails whole, with the same problems', async () => {
    const lenient = opened(await openDatasetFile(INVALID_REFS, 'refs.frontline'));
    const problems = problemsOf(await openDatasetFile(INVALID_REFS, 'refs.frontline', { strict: true }));
    expect(problems).toEqual(lenient.skipped);
  });

  it('a syntax error fails the whole file, naming line and column', async () => {
    const problems = problemsOf(await openDatasetFile(BROKEN));
    expect(problems).toContainEqual({
      severity: 'error',
      file: 'broken-syntax.frontline',
      line: 6,
      column: 18,
      field: 'events[0]',
      message: 'the file is not valid JSON: expected a field name in double quotes'
    });
  });

  it('opens the hostile fixture with its warnings (not skipped rows)', async () => {
    const r = opened(await openDatasetFile(HOSTILE));
    expect(r.skipped).toEqual([]);
    expect(r.warnings.length).toBeGreaterThan(0);
  });

  it('tells a native file from its contents whatever its name, and reads --format native', async () => {
    const text = await readFile(BUNDLED);
    const asJson = await write('export.json', text);
    expect(opened(await openDatasetFile(asJson)).format).toBe('native');
    const asTxt = await write('export.txt', text);
    expect(opened(await openDatasetFile(asTxt, 'export.txt', { format: 'native' })).columns.count).toBe(BUNDLED_EVENT_COUNT);
  });

  it('accepts UTF-16 with a byte-order mark', async () => {
    const text = await readFile(BUNDLED, 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = opened(await openDatasetFile(await write('utf16.frontline', utf16)));
    expect(r.columns.count).toBe(BUNDLED_EVENT_COUNT);
    expect(r.bytes).toBe(utf16.byteLength);
  });

  it('reports progress: reading first, checking last, up to the whole file', async () => {
    const progress: FileProgress[] = [];
    opened(await openDatasetFile(BUNDLED, 'b', {}, (p) => progress.push(p)));
    const size = (await readFile(BUNDLED)).byteLength;
    expect(progress[0]).toEqual({ phase: 'reading', done: 0, total: size, events: 0 });
    expect(progress.at(-1)).toEqual({ phase: 'checking', done: size, total: size, events: BUNDLED_EVENT_COUNT });
  });
});

describe('files that cannot be opened', () => {
  it('a missing file', async () => {
    const path = join(tmp, 'absent.csv');
    expect(await openDatasetFile(path)).toEqual({
      kind: 'failed',
      file: { path, displayName: 'absent.csv' },
      error: { code: 'invalid-data', message: 'absent.csv could not be opened.', problems: [{ severity: 'error', file: 'absent.csv', message: 'cannot be read: no such file' }] }
    });
  });

  it('a folder', async () => {
    const path = join(tmp, 'folder.frontline');
    await mkdir(path, { recursive: true });
    expect(problemsOf(await openDatasetFile(path))).toEqual([{ severity: 'error', file: 'folder.frontline', message: 'is a folder, not a file' }]);
  });

  it('a native file over the size limit, refused before reading (a sparse file)', async () => {
    const path = await write('huge.frontline', '');
    await truncate(path, MAX_DATASET_BYTES + 1);
    const progress: FileProgress[] = [];
    const problems = problemsOf(await openDatasetFile(path, 'huge.frontline', {}, (p) => progress.push(p)));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^is too large to open: 536,870,913 bytes \(512\.0 MB\), over the limit of 536,870,912 bytes$/);
    expect(progress).toEqual([]);
  });

  it('a table over the lower import limit, refused before reading, saying why', async () => {
    const path = await write('huge.csv', 'date,title\n');
    await truncate(path, MAX_IMPORT_BYTES + 1);
    const progress: FileProgress[] = [];
    const problems = problemsOf(await openDatasetFile(path, 'huge.csv', {}, (p) => progress.push(p)));
    expect(problems[0]!.message).toMatch(/^is too large to import: .* over the limit of 268,435,456 bytes \(Frontline datasets may be up to 512\.0 MB\)$/);
    expect(progress).toEqual([]);
  });

  it('a table that is not valid UTF-8 names the line', async () => {
    const path = await write('latin1.csv', Buffer.concat([Buffer.from('date,title\n2017-01-01,caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const problems = problemsOf(await openDatasetFile(path));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'latin1.csv', line: 2 });
    expect(problems[0]!.message).toMatch(/not valid UTF-8/);
  });

  it('an empty file', async () => {
    const path = await write('empty.frontline', '');
    expect(problemsOf(await openDatasetFile(path)).length).toBeGreaterThan(0);
  });
});

describe('generic tables', () => {
  it('a small CSV without a mapping needs its columns mapped, with a preview', async () => {
    const path = await write('events.csv', 'when,what,where\n2017-11-03,Town taken,Deir al-Zour\n2017-11-09,Border crossing taken,al-Qaim\n');
    const r = await openDatasetFile(path);
    if (r.kind !== 'needs-mapping') throw new Error(`expected needs-mapping, got ${JSON.stringify(r).slice(0, 300)}`);
    expect(r.file).toEqual({ path, displayName: 'events.csv' });
    expect(r.preview.delimiter).toBe(',');
    expect(r.preview.headers).toEqual(['when', 'what', 'where']);
    expect(r.preview.sample[0]).toEqual(['2017-11-03', 'Town taken', 'Deir al-Zour']);
    expect(r.preview.rowCount).toBe(2);
  });

  it('a TSV likewise', async () => {
    const path = await write('events.tsv', 'when\twhat\n2017-11-03\tTown taken\n');
    const r = await openDatasetFile(path);
    if (r.kind !== 'needs-mapping') throw new Error('expected needs-mapping');
    expect(r.preview.delimiter).toBe('\t');
  });
});
