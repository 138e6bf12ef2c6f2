// FileSession with the real dataset service, settings file and writes, and fake dialogs: every way
// of opening (dialog, drop, recent, reload, main's own), the recent list, review and mapping
// through it, and Save As (native subset that loads back, spreadsheet-safe CSV, errors).
import Papa from 'papaparse';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringAt, type EventColumns } from '../../shared/dataset/columns';
import type { AppCommand, OpenOutcome, Result, SaveFormat } from '../../shared/ipc/contract';
import { DatasetService, inlineRunLoad, pendingImage, type RunLoad } from '../dataset/datasetService';
import { datasetOf, imageNow, openDatasetFile, withImage, type ReadDataset } from '../dataset/openDatasetFile';
import { FileSession, checkRegularFile, startDatasets } from './fileSession';
import { SettingsStore } from './settingsStore';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const INVALID_REFS = fileURLToPath(new URL('../../../tests/fixtures/invalid-refs.frontline', import.meta.url));
const BROKEN = fileURLToPath(new URL('../../../tests/fixtures/broken-syntax.frontline', import.meta.url));
const HOSTILE = fileURLToPath(new URL('../../../tests/fixtures/hostile.frontline', import.meta.url));

let tmp: string;
let bundledText: string;
let n = 0;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-session-'));
  bundledText = await readFile(BUNDLED, 'utf8');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A session over a service that has loaded the bundled dataset, with dialogs the test answers. */
async function session(options: { load?: boolean; runLoad?: RunLoad } = {}) {
  const dir = join(tmp, `s${n++}`);
  await mkdir(dir);
  const service = new DatasetService(options.runLoad ?? inlineRunLoad);
  const settings = new SettingsStore(join(dir, 'settings.json'));
  const openAnswers: (string | undefined)[] = [];
  const saveAnswers: (string | undefined)[] = [];
  const dialogs = {
    showOpen: vi.fn(async () => openAnswers.shift()),
    showSave: vi.fn(async (_o: { defaultName: string; format: SaveFormat }) => saveAnswers.shift())
  };
  const sent: AppCommand[] = [];
  const onRecentChanged = vi.fn();
  const files = new FileSession({ service, settings, dialogs, sendCommand: (c) => sent.push(c), onRecentChanged });
  if (options.load !== false) await service.load(BUNDLED, { displayName: 'deir-al-zour-al-qaim-2017.frontline', bundled: true });
  return { dir, service, settings, dialogs, openAnswers, saveAnswers, sent, onRecentChanged, files };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function status(outcome: OpenOutcome): OpenOutcome['kind'] {
  return outcome.kind;
}

/** A saved file opened again: what opened, or undefined when it did not; rows left out in `skipped`. */
async function reopened(path: string): Promise<(ReadDataset & { skipped: readonly unknown[] }) | undefined> {
  const read = datasetOf(await openDatasetFile(path));
  return read && { ...read.dataset, skipped: read.skipped };
}

async function copy(dir: string, from: string, name: string, edit: (text: string) => string = (t) => t): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, edit(await readFile(from, 'utf8')));
  return path;
}

describe('opening', () => {
  it('File > Open cancelled is dismissed; nothing is loaded', async () => {
    const { files, service, openAnswers } = await session();
    const before = service.current;
    openAnswers.push(undefined);
    expect((await files.openDialog())).toEqual({ kind: 'dismissed' });
    expect(service.current).toBe(before);
  });

  it('File > Open opens the file picked and puts it first in the recent list', async () => {
    const { files, service, openAnswers, dir, onRecentChanged } = await session();
    const path = await copy(dir, BUNDLED, 'picked.frontline');
    openAnswers.push(path);
    expect(status(await files.openDialog())).toBe('opened');
    expect(service.currentFile?.path).toBe(path);
    expect(value(await files.recentFiles())).toEqual([{ path, available: true }]);
    expect(onRecentChanged).toHaveBeenCalledTimes(1);
  });

  it('a file that fails is an error and never joins the recent list', async () => {
    const { files, service, openAnswers } = await session();
    const before = service.current;
    openAnswers.push(BROKEN);
    const result = await files.openDialog();
    expect(result.kind).toBe('failed');
    expect(service.current).toBe(before);
    expect(value(await files.recentFiles())).toEqual([]);
  });

  it('a review joins the recent list only once accepted', async () => {
    const { files } = await session();
    const review = (await files.openDropped(INVALID_REFS));
    if (review.kind !== 'needs-review') throw new Error('expected review');
    expect(value(await files.recentFiles())).toEqual([]);
    expect(status(await files.resolveReview(review.token, false))).toBe('dismissed');
    expect(value(await files.recentFiles())).toEqual([]);
    const again = (await files.openDropped(INVALID_REFS));
    if (again.kind !== 'needs-review') throw new Error('expected review');
    expect(status(await files.resolveReview(again.token, true))).toBe('opened');
    expect(value(await files.recentFiles())).toEqual([{ path: INVALID_REFS, available: true }]);
  });

  it('a mapping that then fails leaves everything as it was', async () => {
    const { files, service, dir } = await session();
    const before = service.current;
    const csv = join(dir, 'table.csv');
    await writeFile(csv, 'when,what\n2017-11-03,Town taken\n');
    const mapping = (await files.openDropped(csv));
    if (mapping.kind !== 'needs-mapping') throw new Error('expected mapping');
    // Column 9 does not exist: whatever the importer makes of it, the held dataset stays unless it opens.
    const result = await files.openWithMapping(mapping.token, { date: 9, title: 9 });
    if (result.kind !== 'opened') expect(service.current).toBe(before);
  });

  it('a dropped file must be a full path to an existing regular file', async () => {
    const { files, service, dir } = await session();
    const before = service.current;
    expect(await files.openDropped('relative.frontline')).toEqual({ kind: 'failed', file: { path: 'relative.frontline', displayName: 'relative.frontline' }, error: { code: 'bad-arguments', message: '"relative.frontline" is not a full path to a file.' } });
    expect(await files.openDropped(join(dir, 'absent.csv'))).toEqual({ kind: 'failed', file: { path: join(dir, 'absent.csv'), displayName: 'absent.csv' }, error: { code: 'not-found', message: `${join(dir, 'absent.csv')} cannot be opened: no such file.` } });
    expect(await files.openDropped(dir)).toMatchObject({ kind: 'failed', error: { code: 'bad-arguments', message: `${dir} cannot be opened: it is a folder, not a file.` } });
    expect(service.current).toBe(before);
    expect(status(await files.openDropped(await copy(dir, BUNDLED, 'dropped.frontline')))).toBe('opened');
  });

  it.skipIf(process.platform === 'win32')('a dropped device is refused', async () => {
    expect(await checkRegularFile('/dev/null')).toEqual({ ok: false, error: { code: 'bad-arguments', message: '/dev/null cannot be opened: it is not a regular file.' } });
  });

  it('openRecent accepts only paths on the list; a missing one fails and stays listed', async () => {
    const { files, service, dir } = await session();
    const a = await copy(dir, BUNDLED, 'a.frontline');
    const b = await copy(dir, BUNDLED, 'b.frontline');
    expect(await files.openRecent(a)).toEqual({ kind: 'failed', file: { path: a, displayName: 'a.frontline' }, error: { code: 'not-found', message: `${a} is not in the list of recent files.` } });
    expect(status(await files.openDropped(a))).toBe('opened');
    expect(status(await files.openDropped(b))).toBe('opened');
    expect(value(await files.recentFiles()).map((f) => f.path)).toEqual([b, a]);
    expect(status(await files.openRecent(a))).toBe('opened');
    expect(service.currentFile?.path).toBe(a);
    expect(value(await files.recentFiles()).map((f) => f.path)).toEqual([a, b]);
    await rm(b);
    const held = service.current;
    const missing = await files.openRecent(b);
    expect(missing.kind).toBe('failed');
    expect(missing.kind === 'failed' && missing.error.problems).toEqual([{ severity: 'error', file: 'b.frontline', message: 'cannot be read: no such file' }]);
    expect(service.current).toBe(held);
    expect(value(await files.recentFiles())).toEqual([
      { path: a, available: true },
      { path: b, available: false }
    ]);
  });

  it('the bundled dataset never joins the recent list, even when reloaded', async () => {
    const { files } = await session();
    expect(status(await files.reload())).toBe('opened');
    expect(value(await files.recentFiles())).toEqual([]);
  });

  it('Reload reads the current file again', async () => {
    const { files, service, dir } = await session();
    const path = await copy(dir, BUNDLED, 'edited.frontline');
    expect(status(await files.openDropped(path))).toBe('opened');
    await writeFile(path, bundledText.replace('"title": "IS loses Deir al-Zour and al-Qaim"', '"title": "Edited"'));
    expect(status(await files.reload())).toBe('opened');
    expect(service.current?.header.metadata.title).toBe('Edited');
  });
});

describe('imports through the session (the real importers and their fixtures)', () => {
  const IMPORTS = fileURLToPath(new URL('../../../tests/fixtures/import/', import.meta.url));

  it('an ACLED export with broken rows: review, accept, then Save As Frontline opens cleanly', async () => {
    const { files, service, saveAnswers, dir } = await session();
    const review = (await files.openDropped(join(IMPORTS, 'acled-broken.csv')));
    if (review.kind !== 'needs-review') throw new Error(`expected review, got ${review.kind}`);
    expect(review.format).toBe('acled');
    expect(review.rows.skipped).toBeGreaterThan(0);
    expect(review.problems.every((p) => p.file === 'acled-broken.csv' && p.line !== undefined)).toBe(true);
    const opened = (await files.resolveReview(review.token, true));
    expect(opened.kind === 'opened' && opened.dataset.file).toMatchObject({ displayName: 'acled-broken.csv', format: 'acled', bundled: false });
    expect(service.currentFile).toMatchObject({ format: 'acled' });
    saveAnswers.push(join(dir, 'from-acled.frontline'));
    const saved = value(await files.saveAs('frontline', null));
    expect(saved).toEqual({ path: join(dir, 'from-acled.frontline'), events: review.rows.imported });
    const back = await reopened(join(dir, 'from-acled.frontline'));
    expect(back?.skipped).toEqual([]);
    expect(back?.columns).toEqual(service.current!.columns);
  });

  it('a generic table: mapping with the guess, then opened (or reviewed); Reload reads it the same way', async () => {
    const { files, service } = await session();
    const mapping = (await files.openDropped(join(IMPORTS, 'generic-comma.csv')));
    if (mapping.kind !== 'needs-mapping') throw new Error(`expected mapping, got ${mapping.kind}`);
    let next = (await files.openWithMapping(mapping.token, mapping.preview.guess));
    if (next.kind === 'needs-review') next = (await files.resolveReview(next.token, true));
    expect(next.kind).toBe('opened');
    expect(service.currentFile).toMatchObject({ format: 'csv', mapping: mapping.preview.guess });
    const reloaded = (await files.reload());
    expect(reloaded.kind).toBe('needs-review');
  });

  it('a TimelineJS JSON file opens at once', async () => {
    const { files, service } = await session();
    expect(status(await files.openDropped(join(IMPORTS, 'timelinejs-normal.json')))).toBe('opened');
    expect(service.current?.file.format).toBe('timelinejs-json');
  });
});

describe('files main opens by itself', () => {
  it('sends main-open; the renderer takes the outcome once', async () => {
    const { files, sent, dir, service } = await session();
    const path = await copy(dir, BUNDLED, 'argv.frontline');
    const running = files.openFromMain(path);
    expect(sent).toEqual(['main-open']);
    const taken = (await files.takeMainOpen());
    expect(taken.kind).toBe('opened');
    expect(await running).toBe(taken);
    expect(service.currentFile?.path).toBe(path);
    expect((await files.takeMainOpen())).toEqual({ kind: 'dismissed' });
    expect(value(await files.recentFiles()).map((f) => f.path)).toEqual([path]);
  });

  it('takeMainOpen with nothing opened by main is dismissed', async () => {
    const { files } = await session();
    expect((await files.takeMainOpen())).toEqual({ kind: 'dismissed' });
  });

  it('a failure comes back through takeMainOpen as the error, with the bundled dataset kept', async () => {
    const { files, service } = await session({ load: false });
    const startup = startDatasets(service, files, { path: BUNDLED, displayName: 'bundled.frontline' }, BROKEN);
    const taken = await files.takeMainOpen();
    expect(taken.kind === 'failed' && taken.error.code).toBe('invalid-data');
    expect((await startup).kind).toBe('opened');
    expect(service.currentFile).toMatchObject({ path: BUNDLED, bundled: true });
    const dataset = await service.awaitCurrent();
    expect(dataset.ok && dataset.value.file.displayName).toBe('bundled.frontline');
  });

  it('at startup the command-line file opens after the bundled dataset, and is what is held', async () => {
    const { files, service, dir } = await session({ load: false });
    const path = await copy(dir, BUNDLED, 'cli.frontline', (t) => t.replace('"title": "IS loses Deir al-Zour and al-Qaim"', '"title": "From the command line"'));
    const startup = startDatasets(service, files, { path: BUNDLED, displayName: 'bundled.frontline' }, path);
    expect((await startup).kind).toBe('opened');
    const taken = (await files.takeMainOpen());
    expect(taken.kind === 'opened' && taken.dataset.header.metadata.title).toBe('From the command line');
    expect(service.current?.header.metadata.title).toBe('From the command line');
  });

  it('a file with rows to review comes back as a review the renderer resolves', async () => {
    const { files, service } = await session();
    const before = service.current;
    void files.openFromMain(INVALID_REFS);
    const review = (await files.takeMainOpen());
    if (review.kind !== 'needs-review') throw new Error('expected review');
    expect(service.current).toBe(before);
    expect(status(await files.resolveReview(review.token, true))).toBe('opened');
    expect(service.current?.columns.count).toBe(20);
  });
});

describe('Save As', () => {
  const idsOf = (columns: EventColumns) => Array.from({ length: columns.count }, (_, i) => stringAt(columns.ids, i));

  it('with nothing held: not-found, no dialog', async () => {
    const { files, dialogs } = await session({ load: false });
    expect(await files.saveAs('csv', null)).toEqual({ ok: false, error: { code: 'not-found', message: 'No dataset is open to save.' } });
    expect(dialogs.showSave).not.toHaveBeenCalled();
  });

  it('offers a file name made from the title; cancelling writes nothing', async () => {
    const { files, dialogs, saveAnswers, dir } = await session();
    saveAnswers.push(undefined);
    expect(value(await files.saveAs('frontline', null))).toEqual({ dismissed: true });
    expect(dialogs.showSave).toHaveBeenCalledWith({ defaultName: 'IS loses Deir al-Zour and al-Qaim.frontline', format: 'frontline' });
    saveAnswers.push(undefined);
    await files.saveAs('csv', null);
    expect(dialogs.showSave).toHaveBeenLastCalledWith({ defaultName: 'IS loses Deir al-Zour and al-Qaim.csv', format: 'csv' });
    expect((await readdir(dir)).filter((f) => f !== 'settings.json')).toEqual([]);
  });

  it('refuses indices past the last event before asking where to save', async () => {
    const { files, dialogs } = await session();
    const result = await files.saveAs('frontline', Uint32Array.of(0, BUNDLED_EVENT_COUNT));
    expect(result).toEqual({ ok: false, error: { code: 'bad-arguments', message: `The dataset has ${BUNDLED_EVENT_COUNT} events; the events to save must be among them.` } });
    expect(dialogs.showSave).not.toHaveBeenCalled();
  });

  it('writes the whole dataset as a native file that opens to the same dataset', async () => {
    const { files, saveAnswers, dir, service } = await session();
    const target = join(dir, 'all.frontline');
    saveAnswers.push(target);
    // The bundled dataset's local copy stays in data/, which Save As says (its SHA-256 is written).
    expect(value(await files.saveAs('frontline', null))).toEqual({
      path: target,
      events: BUNDLED_EVENT_COUNT,
      warnings: [`The local copies stay in ${dirname(BUNDLED)}: copy the file its source names (localCopy) beside all.frontline for them to be found and verified there.`]
    });
    const back = await reopened(target);
    if (!back) throw new Error('the saved file did not open');
    expect(back.skipped).toEqual([]);
    expect(back.header).toEqual(service.current!.header);
    expect(back.columns).toEqual(service.current!.columns);
    const image = imageNow(back.image);
    for (let i = 0; i < BUNDLED_EVENT_COUNT; i++) expect(JSON.parse(new TextDecoder().decode(image.bytes.subarray(image.ranges[2 * i], image.ranges[2 * i + 1])))).toEqual(JSON.parse(bundledText).events[i]);
  });

  it('writes only the events at the indices given, in file order, adding the extension', async () => {
    const { files, saveAnswers, dir, service } = await session();
    const cols = service.current!.columns;
    const picked = Uint32Array.of(5, 1, 17, 1);
    saveAnswers.push(join(dir, 'subset'));
    expect(value(await files.saveAs('frontline', picked))).toMatchObject({ path: join(dir, 'subset.frontline'), events: 3 });
    const back = await reopened(join(dir, 'subset.frontline'));
    if (!back) throw new Error('the saved file did not open');
    const expected = [...new Set(picked)].map((i) => cols.sourceIndex[i]!).sort((a, b) => a - b).map((s) => (JSON.parse(bundledText) as { events: { id: string }[] }).events[s]!.id);
    const saved = (JSON.parse(await readFile(join(dir, 'subset.frontline'), 'utf8')) as { events: { id: string }[] }).events.map((e) => e.id);
    expect(saved).toEqual(expected);
    expect(idsOf(back.columns).sort()).toEqual([...expected].sort());
    // Metadata, sources, places and actors are kept whole.
    expect(back.header.sources).toEqual(service.current!.header.sources);
    expect(back.header.places).toEqual(service.current!.header.places);
  });

  it('a dataset opened after review saves without the events left out', async () => {
    const { files, saveAnswers, dir } = await session();
    const review = (await files.openDropped(INVALID_REFS));
    if (review.kind !== 'needs-review') throw new Error('expected review');
    (await files.resolveReview(review.token, true));
    saveAnswers.push(join(dir, 'reviewed.frontline'));
    expect(value(await files.saveAs('frontline', null))).toMatchObject({ events: 20 });
    const back = await reopened(join(dir, 'reviewed.frontline'));
    expect(back?.skipped).toEqual([]);
    expect(back?.columns.count).toBe(20);
  });

  it('a dataset with warnings saves and opens again', async () => {
    const { files, saveAnswers, dir } = await session();
    (await files.openDropped(HOSTILE));
    saveAnswers.push(join(dir, 'hostile-copy.frontline'));
    expect(value(await files.saveAs('frontline', null))).toMatchObject({ events: 3 });
    expect((await openDatasetFile(join(dir, 'hostile-copy.frontline'))).kind).toBe('opened');
  });

  it('writes CSV with a BOM, one row per event in the order given, formulas neutralised', async () => {
    const { files, saveAnswers, dir, service } = await session();
    const path = await copy(dir, BUNDLED, 'formula.frontline', (t) => t.replace('"title": "IS loses Deir al-Zour and al-Qaim"', '"title": "=cmd|calc"'));
    (await files.openDropped(path));
    const raw = JSON.parse(await readFile(path, 'utf8')) as { events: { id: string; title: string }[] };
    raw.events[0]!.title = '=HYPERLINK("https://evil.example","x")';
    raw.events[1]!.title = '+1 attack';
    raw.events[2]!.title = '@SUM(A1)';
    await writeFile(path, JSON.stringify(raw, null, 2));
    (await files.reload());
    const cols = service.current!.columns;
    const order = Uint32Array.from({ length: cols.count }, (_, i) => cols.count - 1 - i);
    saveAnswers.push(join(dir, 'events.csv'));
    expect(value(await files.saveAs('csv', order))).toEqual({ path: join(dir, 'events.csv'), events: cols.count });
    const text = await readFile(join(dir, 'events.csv'), 'utf8');
    expect(text.startsWith('\uFEFFid,type,title,')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(cols.count + 1);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...order].map((i) => stringAt(cols.ids, i)));
    const titles = new Map(rows.slice(1).map((r) => [r[0], r[2]]));
    expect(titles.get(raw.events[0]!.id)).toBe(`'=HYPERLINK("https://evil.example","x")`);
    expect(titles.get(raw.events[1]!.id)).toBe(`'+1 attack`);
    expect(titles.get(raw.events[2]!.id)).toBe(`'@SUM(A1)`);
    expect(await readdir(dir)).not.toContainEqual(expect.stringContaining('frontline-tmp'));
  });

  it('a dataset whose file image could not be written: nothing saved, the reason said, for events and stories alike', async () => {
    // The loader hands the dataset over, but its file image fails (as when the load worker dies writing it).
    const failing: RunLoad = async (...args) => {
      const outcome = await inlineRunLoad(...args);
      const pending = pendingImage();
      pending.reject(new Error('the loader stopped unexpectedly (exit code 5)'));
      return withImage(outcome, () => pending.image);
    };
    const { files, saveAnswers, dir, service } = await session({ runLoad: failing });
    expect(service.current?.columns.count).toBe(BUNDLED_EVENT_COUNT);
    saveAnswers.push(join(dir, 'x.frontline'));
    const why = 'deir-al-zour-al-qaim-2017.frontline could not be made ready for details and saving (the loader stopped unexpectedly (exit code 5))';
    expect(await files.saveAs('frontline', null)).toEqual({ ok: false, error: { code: 'io', message: `Nothing was saved: ${why}. Open the file again.` } });
    saveAnswers.push(join(dir, 'x.frontline'));
    expect(await files.saveStories([])).toEqual({ ok: false, error: { code: 'io', message: `The stories were not saved: ${why}. Open the file again.` } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('a path that cannot be written: an io error naming the path and the reason, nothing left behind', async () => {
    const { files, saveAnswers, dir } = await session();
    const target = join(dir, 'no-such-folder', 'x.csv');
    saveAnswers.push(target);
    expect(await files.saveAs('csv', null)).toEqual({ ok: false, error: { code: 'io', message: `${target} could not be written: no such file` } });
    saveAnswers.push(join(dir, 'no-such-folder', 'x.frontline'));
    expect(await files.saveAs('frontline', null)).toEqual({ ok: false, error: { code: 'io', message: `${join(dir, 'no-such-folder', 'x.frontline')} could not be written: no such file` } });
  });

  it('a relative path from the dialog is refused', async () => {
    const { files, saveAnswers } = await session();
    saveAnswers.push('x.csv');
    expect(await files.saveAs('csv', null)).toEqual({ ok: false, error: { code: 'bad-arguments', message: 'x.csv is not a full path to save to.' } });
  });

  it('saving over an existing file replaces it whole', async () => {
    const { files, saveAnswers, dir } = await session();
    const target = join(dir, 'over.frontline');
    await writeFile(target, 'x'.repeat(100_000));
    saveAnswers.push(target);
    value(await files.saveAs('frontline', Uint32Array.of(0)));
    const back = await reopened(target);
    expect(back?.columns.count).toBe(1);
  });
});
