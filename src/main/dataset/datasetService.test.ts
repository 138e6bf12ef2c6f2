// DatasetService: a load replaces the held dataset only on success; failures, cancellation and superseded loads keep it; awaitCurrent, event() and progress forwarding.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../shared/dataset/schema';
import { parseDatasetText } from '../../shared/dataset/validateDataset';
import type { AppError, DatasetPayload, FileRef, LoadProgress, OpenOutcome, Result } from '../../shared/ipc/contract';
import { DatasetService, inlineRunLoad, pendingImage, readyImage, type PendingImage, type RunLoad } from './datasetService';
import type { FileProgress } from './loadDatasetFile';
import { cancelledOpen, datasetOf, imageNow, openDatasetFile, withImage, type ReadOutcome } from './openDatasetFile';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const BROKEN = fileURLToPath(new URL('../../../tests/fixtures/broken-syntax.frontline', import.meta.url));
const INVALID_REFS = fileURLToPath(new URL('../../../tests/fixtures/invalid-refs.frontline', import.meta.url));

let tmp: string;
let bundledText: string;
let otherPath: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-service-'));
  bundledText = await readFile(BUNDLED, 'utf8');
  otherPath = join(tmp, 'other.frontline');
  await writeFile(otherPath, bundledText.replace('"title": "IS loses Deir al-Zour and al-Qaim"', '"title": "Another dataset"'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function error(result: Result<unknown>): AppError {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

/** The dataset an open held. */
function opened(outcome: OpenOutcome): DatasetPayload {
  if (outcome.kind !== 'opened') throw new Error(`expected it to open, got ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome.dataset;
}

/** Why an open failed. */
function failed(outcome: OpenOutcome): AppError {
  if (outcome.kind !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome.error;
}

interface PendingLoad {
  readonly file: FileRef;
  readonly signal: AbortSignal;
  readonly onProgress: (p: FileProgress) => void;
  /** Finish the load with this outcome (ignored once it has ended). */
  finish(outcome: ReadOutcome<PendingImage>): void;
}

/**
 * A RunLoad whose loads wait until the test finishes them. `honourAbort`: an aborted load ends at
 * once as cancelled (as the worker does); otherwise it runs on until finished.
 */
function controlledRunLoad(honourAbort = true): { runLoad: RunLoad; loads: PendingLoad[] } {
  const loads: PendingLoad[] = [];
  const runLoad: RunLoad = (file, onProgress, signal) =>
    new Promise<ReadOutcome<PendingImage>>((resolve) => {
      loads.push({ file, signal, onProgress, finish: resolve });
      if (honourAbort) signal.addEventListener('abort', () => resolve(cancelledOpen(file)), { once: true });
    });
  return { runLoad, loads };
}

/** A real successful outcome, read through the same loader the app uses. */
async function realOutcome(path: string): Promise<ReadOutcome<PendingImage>> {
  const outcome = await openDatasetFile(path);
  if (outcome.kind === 'failed') throw new Error('fixture did not load');
  return withImage(outcome, (image) => readyImage(imageNow(image)));
}

/** Let pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('loading', () => {
  it('a successful load becomes the held dataset, with its file described', async () => {
    const service = new DatasetService(inlineRunLoad);
    expect(service.current).toBeUndefined();
    const payload = opened(await service.load(BUNDLED, { displayName: 'Bundled.frontline', bundled: true }));
    expect(service.current).toBe(payload);
    expect(payload.columns.count).toBe(BUNDLED_EVENT_COUNT);
    expect(payload.header.metadata.title).toBe('IS loses Deir al-Zour and al-Qaim');
    expect(payload.warnings).toEqual([]);
    expect(payload.file).toEqual({ path: BUNDLED, displayName: 'Bundled.frontline', bundled: true, bytes: Buffer.byteLength(bundledText), format: 'native', fromCache: false });
    expect(service.loading).toBe(false);
    expect(service.heldBytes()).toBeGreaterThan(Buffer.byteLength(bundledText));
  });

  it('a second successful load replaces the first', async () => {
    const service = new DatasetService(inlineRunLoad);
    const first = opened(await service.load(BUNDLED, { displayName: 'a', bundled: true }));
    const second = opened(await service.load(otherPath, { displayName: 'b', bundled: false }));
    expect(second).not.toBe(first);
    expect(service.current).toBe(second);
    expect(second.header.metadata.title).toBe('Another dataset');
    expect(second.file).toMatchObject({ path: otherPath, displayName: 'b', bundled: false });
    expect(value(await service.awaitCurrent())).toBe(second);
  });

  it('a failed load returns its problems and keeps the previous dataset exactly', async () => {
    const service = new DatasetService(inlineRunLoad);
    const before = opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));
    const failure = failed(await service.load(INVALID_REFS, { displayName: 'refs.frontline', bundled: false }));
    expect(failure.code).toBe('invalid-data');
    expect(failure.message).toBe('refs.frontline could not be opened.');
    expect(failure.problems?.map((p) => p.field)).toEqual(['events[0] (id "is-holds-deir-al-zour").start.value', 'events[1] (id "is-area-2015-01").places[2]', 'events[3] (id "raqqa-taken").id']);
    expect(failure.problems?.every((p) => p.file === 'refs.frontline')).toBe(true);
    expect(service.current).toBe(before);
    expect(value(await service.awaitCurrent())).toBe(before);
  });

  it('a missing file fails the same way, naming it', async () => {
    const service = new DatasetService(inlineRunLoad);
    const before = opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));
    const failure = failed(await service.load(join(tmp, 'absent.frontline'), { displayName: 'absent.frontline', bundled: false }));
    expect(failure).toEqual({ code: 'invalid-data', message: 'absent.frontline could not be opened.', problems: [{ severity: 'error', file: 'absent.frontline', message: 'cannot be read: no such file' }] });
    expect(service.current).toBe(before);
  });

  it('when the first load fails, awaitCurrent returns that error', async () => {
    const service = new DatasetService(inlineRunLoad);
    const failure = failed(await service.load(BROKEN, { displayName: 'broken.frontline', bundled: true }));
    expect(failure.code).toBe('invalid-data');
    expect(error(await service.awaitCurrent())).toEqual(failure);
    expect(service.current).toBeUndefined();
  });

  it('a later success clears the first error; a later failure does not bring it back', async () => {
    const service = new DatasetService(inlineRunLoad);
    failed(await service.load(BROKEN, { displayName: 'broken', bundled: true }));
    const payload = opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));
    failed(await service.load(BROKEN, { displayName: 'broken again', bundled: false }));
    expect(value(await service.awaitCurrent())).toBe(payload);
  });

  it('awaitCurrent with nothing loaded and nothing tried is not-found', async () => {
    const service = new DatasetService(inlineRunLoad);
    expect(error(await service.awaitCurrent())).toEqual({ code: 'not-found', message: 'No dataset is loaded.' });
  });

  it('awaitCurrent waits for the load that is running', async () => {
    const { runLoad, loads } = controlledRunLoad();
    const service = new DatasetService(runLoad);
    const loading = service.load(BUNDLED, { displayName: 'bundled', bundled: true });
    let answered: Result<DatasetPayload> | undefined;
    void service.awaitCurrent().then((r) => (answered = r));
    await settle();
    expect(answered).toBeUndefined();
    expect(service.loading).toBe(true);
    loads[0]!.finish(await realOutcome(BUNDLED));
    const payload = opened(await loading);
    await settle();
    expect(answered && value(answered)).toBe(payload);
    expect(service.loading).toBe(false);
  });

  it('awaitCurrent during a failing first load returns its error', async () => {
    const { runLoad, loads } = controlledRunLoad();
    const service = new DatasetService(runLoad);
    const loading = service.load(BROKEN, { displayName: 'broken', bundled: true });
    const waiting = service.awaitCurrent();
    const broken = await openDatasetFile(BROKEN, 'broken', { strict: true });
    if (broken.kind !== 'failed') throw new Error('expected the broken fixture to fail');
    loads[0]!.finish(broken);
    const failure = failed(await loading);
    expect(error(await waiting)).toEqual(failure);
  });
});

describe('cancelling', () => {
  it('cancel() during a load resolves it as cancelled and keeps the previous dataset', async () => {
    // The first load runs inline; the next one waits until the test lets it go.
    const { runLoad, loads } = controlledRunLoad();
    let calls = 0;
    const service = new DatasetService((...args) => (calls++ === 0 ? inlineRunLoad(...args) : runLoad(...args)));
    const held = opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));

    const loading = service.load(otherPath, { displayName: 'other.frontline', bundled: false });
    await settle();
    expect(service.loading).toBe(true);
    expect(loads).toHaveLength(1);
    expect(loads[0]!.signal.aborted).toBe(false);
    expect(service.cancel()).toBe(true);
    expect(loads[0]!.signal.aborted).toBe(true);
    expect(await loading).toMatchObject({ kind: 'cancelled', message: 'Opening other.frontline was cancelled.' });
    expect(service.current).toBe(held);
    expect(service.loading).toBe(false);
    expect(value(await service.awaitCurrent())).toBe(held);
    expect((await service.event(0))?.id).toBe('is-holds-deir-al-zour');
    // Nothing is running any more.
    expect(service.cancel()).toBe(false);
  });

  it('cancel() with nothing loading says so', () => {
    expect(new DatasetService(inlineRunLoad).cancel()).toBe(false);
  });

  it('a cancelled first load leaves nothing loaded, and says it was cancelled', async () => {
    const { runLoad } = controlledRunLoad();
    const service = new DatasetService(runLoad);
    const loading = service.load(BUNDLED, { displayName: 'bundled', bundled: true });
    service.cancel();
    expect((await loading).kind).toBe('cancelled');
    expect(service.current).toBeUndefined();
    expect(error(await service.awaitCurrent())).toEqual({ code: 'cancelled', message: 'Opening bundled was cancelled.' });
  });

  it('a load that ignores the abort and finishes anyway is discarded', async () => {
    const { runLoad, loads } = controlledRunLoad(false);
    const service = new DatasetService(runLoad);
    const loading = service.load(BUNDLED, { displayName: 'bundled', bundled: true });
    service.cancel();
    loads[0]!.finish(await realOutcome(BUNDLED));
    expect((await loading).kind).toBe('cancelled');
    expect(service.current).toBeUndefined();
  });

  it('a second load cancels the first; the second is the one held', async () => {
    const { runLoad, loads } = controlledRunLoad();
    const service = new DatasetService(runLoad);
    const first = service.load(BUNDLED, { displayName: 'first', bundled: true });
    const second = service.load(otherPath, { displayName: 'second', bundled: false });
    expect(loads).toHaveLength(2);
    expect(loads[0]!.signal.aborted).toBe(true);
    expect(loads[1]!.signal.aborted).toBe(false);
    expect(await first).toMatchObject({ kind: 'cancelled', message: 'Opening first was cancelled.' });
    // The first settling does not end the second.
    expect(service.loading).toBe(true);
    loads[1]!.finish(await realOutcome(otherPath));
    const payload = opened(await second);
    expect(service.current).toBe(payload);
    expect(payload.header.metadata.title).toBe('Another dataset');
    expect(service.loading).toBe(false);
  });

  it('a superseded load that finishes late never replaces the newer dataset', async () => {
    const { runLoad, loads } = controlledRunLoad(false);
    const service = new DatasetService(runLoad);
    const first = service.load(BUNDLED, { displayName: 'first', bundled: true });
    const second = service.load(otherPath, { displayName: 'second', bundled: false });
    loads[1]!.finish(await realOutcome(otherPath));
    const payload = opened(await second);
    loads[0]!.finish(await realOutcome(BUNDLED));
    expect((await first).kind).toBe('cancelled');
    expect(service.current).toBe(payload);
  });

  it('awaitCurrent waiting on a load that is then replaced answers with the replacement', async () => {
    const { runLoad, loads } = controlledRunLoad();
    const service = new DatasetService(runLoad);
    void service.load(BUNDLED, { displayName: 'first', bundled: true });
    const waiting = service.awaitCurrent();
    const second = service.load(otherPath, { displayName: 'second', bundled: false });
    await settle();
    loads[1]!.finish(await realOutcome(otherPath));
    const payload = opened(await second);
    // Source bug (datasetService.awaitCurrent): it awaits only the load running when called, so
    // it answers "not-found" as soon as the first load is cancelled, while the second still runs.
    expect(value(await waiting)).toBe(payload);
  });
});

describe('a loader that throws', () => {
  it('keeps the held dataset for callers waiting in awaitCurrent', async () => {
    let calls = 0;
    const runLoad: RunLoad = async (...args) => {
      if (calls++ === 0) return inlineRunLoad(...args);
      throw new TypeError('loader crashed');
    };
    const service = new DatasetService(runLoad);
    const before = opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));
    const loading = service.load(otherPath, { displayName: 'other', bundled: false });
    const waiting = service.awaitCurrent();
    await loading.catch(() => undefined);
    expect(service.current).toBe(before);
    expect(service.loading).toBe(false);
    // Source bug (datasetService): a rejected RunLoad rejects load() and every awaitCurrent() made
    // while it ran, so getDataset answers "internal" although a dataset is held.
    await expect(waiting).resolves.toEqual({ ok: true, value: before });
  });
});

describe('event()', () => {
  it('returns the full cleaned event at a position of the file, defaults filled in', async () => {
    const service = new DatasetService(inlineRunLoad);
    const payload = opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));
    const whole = parseDatasetText(bundledText, 'bundled');
    if (!whole.ok) throw new Error('bundled dataset invalid');
    for (let i = 0; i < whole.dataset.events.length; i++) expect(await service.event(i)).toEqual(whole.dataset.events[i]);
    // Through the columns: sourceIndex leads from a drawn event to its details.
    for (let k = 0; k < payload.columns.count; k++) {
      const event = (await service.event(payload.columns.sourceIndex[k]!)) as TimelineEvent;
      expect(event.id).toBe(new TextDecoder().decode(payload.columns.ids.bytes.subarray(payload.columns.ids.offsets[k], payload.columns.ids.offsets[k + 1])));
    }
  });

  it('cleans invisible characters out of the event it returns', async () => {
    const path = join(tmp, 'bidi-event.frontline');
    await writeFile(path, bundledText.replace('"title": "Mosul taken from IS', '"title": "Mosul\u202E taken from IS'));
    const service = new DatasetService(inlineRunLoad);
    const payload = opened(await service.load(path, { displayName: 'bidi', bundled: false }));
    expect(payload.warnings.map((w) => w.field)).toEqual(['events[2] (id "mosul-taken").title']);
    expect((await service.event(2))?.title).toBe('Mosul taken from IS after months of fighting');
  });

  it('is undefined past the last event, and before anything is loaded', async () => {
    const service = new DatasetService(inlineRunLoad);
    expect(await service.event(0)).toBeUndefined();
    opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));
    expect(await service.event(BUNDLED_EVENT_COUNT - 1)).toBeDefined();
    expect(await service.event(BUNDLED_EVENT_COUNT)).toBeUndefined();
    expect(await service.event(1e9)).toBeUndefined();
  });

  it('reads from the held dataset, not from a load that failed', async () => {
    const service = new DatasetService(inlineRunLoad);
    opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));
    const id = (await service.event(3))?.id;
    failed(await service.load(INVALID_REFS, { displayName: 'refs', bundled: false }));
    expect((await service.event(3))?.id).toBe(id);
  });
});

describe('progress', () => {
  it('is forwarded with the display name of the file', async () => {
    const progress: LoadProgress[] = [];
    const service = new DatasetService(inlineRunLoad, (p) => progress.push(p));
    opened(await service.load(BUNDLED, { displayName: 'Shown name.frontline', bundled: true }));
    const size = Buffer.byteLength(bundledText);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((p) => p.file.displayName === 'Shown name.frontline' && p.total === size)).toBe(true);
    expect(progress[0]).toEqual({ file: { path: BUNDLED, displayName: 'Shown name.frontline' }, phase: 'reading', done: 0, total: size, events: 0 });
    expect(progress.at(-1)).toEqual({ file: { path: BUNDLED, displayName: 'Shown name.frontline' }, phase: 'checking', done: size, total: size, events: BUNDLED_EVENT_COUNT });
  });

  it('passes on whatever the loader reports, as it arrives', async () => {
    const progress: LoadProgress[] = [];
    const { runLoad, loads } = controlledRunLoad();
    const service = new DatasetService(runLoad, (p) => progress.push(p));
    const loading = service.load(BUNDLED, { displayName: 'named', bundled: true });
    loads[0]!.onProgress({ phase: 'reading', done: 0, total: 100, events: 0 });
    expect(progress).toEqual([{ file: { path: BUNDLED, displayName: 'named' }, phase: 'reading', done: 0, total: 100, events: 0 }]);
    loads[0]!.onProgress({ phase: 'checking', done: 50, total: 100, events: 7 });
    expect(progress.at(-1)).toEqual({ file: { path: BUNDLED, displayName: 'named' }, phase: 'checking', done: 50, total: 100, events: 7 });
    service.cancel();
    await loading;
  });
});

describe('open: review, mapping and reload', () => {
  const CSV_TEXT = 'when,what\n2017-11-03,Town taken\n';

  /**
   * The inline loader, except that a table read with a mapping comes back as the bundled dataset
   * read "as csv": the service is tested apart from the importers (tested on their own).
   */
  function withFakeImport(): { runLoad: RunLoad; requests: { path: string; request: unknown }[] } {
    const requests: { path: string; request: unknown }[] = [];
    const runLoad: RunLoad = async (file, onProgress, signal, request) => {
      requests.push({ path: file.path, request });
      if (request?.mapping) {
        const outcome = await realOutcome(BUNDLED);
        if (outcome.kind !== 'opened') throw new Error('bundled did not load');
        return { ...outcome, file, dataset: { ...outcome.dataset, format: 'csv', mapping: request.mapping } };
      }
      return inlineRunLoad(file, onProgress, signal, request);
    };
    return { runLoad, requests };
  }

  async function started(runLoad: RunLoad = inlineRunLoad): Promise<{ service: DatasetService; before: DatasetPayload }> {
    const service = new DatasetService(runLoad);
    const before = opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));
    return { service, before };
  }

  function outcome<K extends OpenOutcome['kind']>(v: OpenOutcome, kind: K): Extract<OpenOutcome, { kind: K }> {
    if (v.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(v).slice(0, 300)}`);
    return v as Extract<OpenOutcome, { kind: K }>;
  }

  it('a valid file opens at once and is held, with where it came from', async () => {
    const { service } = await started();
    const opened = outcome(await service.open(otherPath), 'opened');
    expect(service.current).toBe(opened.dataset);
    expect(opened.dataset.file).toEqual({ path: otherPath, displayName: 'other.frontline', bundled: false, bytes: Buffer.byteLength(bundledText) - Buffer.byteLength('IS loses Deir al-Zour and al-Qaim') + Buffer.byteLength('Another dataset'), format: 'native', fromCache: false });
    expect(service.currentFile).toEqual({ path: otherPath, displayName: 'other.frontline', bundled: false, format: 'native' });
    expect(service.pending).toBeUndefined();
  });

  it('a file with invalid events waits for review; the held dataset stays until accepted', async () => {
    const { service, before } = await started();
    const review = outcome(await service.open(INVALID_REFS), 'needs-review');
    expect(review).toMatchObject({ kind: 'needs-review', file: { path: INVALID_REFS, displayName: 'invalid-refs.frontline' }, format: 'native', rows: { total: 23, imported: 20, skipped: 3 } });
    expect(review.token).toMatch(/^[0-9a-f]{32}$/);
    expect(review.problems.map((p) => p.field)).toEqual(['events[0] (id "is-holds-deir-al-zour").start.value', 'events[1] (id "is-area-2015-01").places[2]', 'events[3] (id "raqqa-taken").id']);
    expect(service.current).toBe(before);
    expect(value(await service.awaitCurrent())).toBe(before);
    expect(service.pending).toBe('needs-review');
    const accepted = outcome(await service.resolveReview(review.token, true), 'opened');
    expect(accepted.dataset.columns.count).toBe(20);
    expect(accepted.dataset.file).toMatchObject({ path: INVALID_REFS, displayName: 'invalid-refs.frontline', bundled: false, format: 'native' });
    expect(service.current).toBe(accepted.dataset);
    expect(service.currentFile?.path).toBe(INVALID_REFS);
    // Details of a kept event come from the file by its position.
    expect((await service.event(accepted.dataset.columns.sourceIndex[0]!))?.id).toBeDefined();
    // The token is used up.
    expect(failed(await service.resolveReview(review.token, true)).code).toBe('not-found');
  });

  it('declining a review keeps the held dataset exactly', async () => {
    const { service, before } = await started();
    const review = outcome(await service.open(INVALID_REFS), 'needs-review');
    expect(await service.resolveReview(review.token, false)).toEqual({ kind: 'dismissed' });
    expect(service.current).toBe(before);
    expect(service.currentFile).toMatchObject({ path: BUNDLED, bundled: true });
    expect(failed(await service.resolveReview(review.token, true)).code).toBe('not-found');
    expect(service.current).toBe(before);
  });

  it('an unknown token, or a token of another kind, is not-found and leaves the review waiting', async () => {
    const { service } = await started();
    const review = outcome(await service.open(INVALID_REFS), 'needs-review');
    expect(failed(await service.resolveReview('0'.repeat(32), true))).toEqual({ code: 'not-found', message: expect.stringMatching(/no longer waiting/) });
    expect(failed(await service.openWithMapping(review.token, { date: 0 })).code).toBe('not-found');
    expect(service.pending).toBe('needs-review');
    expect((await service.resolveReview(review.token, true)).kind).toBe('opened');
  });

  it('a new open drops the review waiting', async () => {
    const { service } = await started();
    const review = outcome(await service.open(INVALID_REFS), 'needs-review');
    outcome(await service.open(otherPath), 'opened');
    expect(service.pending).toBeUndefined();
    expect(failed(await service.resolveReview(review.token, true)).code).toBe('not-found');
    expect(service.current?.header.metadata.title).toBe('Another dataset');
  });

  it('a file that cannot be opened is an error with every problem; the held dataset stays', async () => {
    const { service, before } = await started();
    const failure = failed(await service.open(BROKEN));
    expect(failure.code).toBe('invalid-data');
    expect(failure.message).toBe('broken-syntax.frontline could not be opened.');
    expect(failure.problems?.some((p) => p.line === 6 && p.column === 18)).toBe(true);
    expect(service.current).toBe(before);
    expect(value(await service.awaitCurrent())).toBe(before);
    expect(failed(await service.open(join(tmp, 'absent.csv'))).problems).toEqual([{ severity: 'error', file: 'absent.csv', message: 'cannot be read: no such file' }]);
    expect(service.current).toBe(before);
  });

  it('a generic table waits for its mapping, then opens with it; Reload reads it the same way', async () => {
    const { runLoad, requests } = withFakeImport();
    const { service, before } = await started(runLoad);
    const csv = join(tmp, 'table.csv');
    await writeFile(csv, CSV_TEXT);
    const mapping = outcome(await service.open(csv), 'needs-mapping');
    expect(mapping).toMatchObject({ kind: 'needs-mapping', file: { path: csv, displayName: 'table.csv' }, preview: { headers: ['when', 'what'], rowCount: 1 } });
    expect(mapping.token).toMatch(/^[0-9a-f]{32}$/);
    expect(service.current).toBe(before);
    expect(failed(await service.openWithMapping('f'.repeat(32), { date: 0, title: 1 })).code).toBe('not-found');
    expect(failed(await service.resolveReview(mapping.token, true)).code).toBe('not-found');
    expect(failed(await service.openWithMapping(mapping.token, {}))).toMatchObject({ code: 'bad-arguments' });
    const opened = outcome(await service.openWithMapping(mapping.token, { date: 0, title: 1 }), 'opened');
    expect(requests.at(-1)).toEqual({ path: csv, request: { format: 'csv', mapping: { date: 0, title: 1 } } });
    expect(opened.dataset.file).toMatchObject({ path: csv, displayName: 'table.csv', format: 'csv' });
    expect(service.currentFile).toEqual({ path: csv, displayName: 'table.csv', bundled: false, format: 'csv', mapping: { date: 0, title: 1 } });
    expect(failed(await service.openWithMapping(mapping.token, { date: 0, title: 1 })).code).toBe('not-found');
    outcome(await service.reload(), 'opened');
    expect(requests.at(-1)).toEqual({ path: csv, request: { format: 'csv', mapping: { date: 0, title: 1 } } });
  });

  it('Reload reads the file again from disk; if it has broken since, the held dataset stays', async () => {
    const { service } = await started();
    const path = join(tmp, 'reloaded.frontline');
    await writeFile(path, bundledText);
    const first = outcome(await service.open(path), 'opened');
    await writeFile(path, bundledText.replace('"title": "IS loses Deir al-Zour and al-Qaim"', '"title": "Edited"'));
    const second = outcome(await service.reload(), 'opened');
    expect(second.dataset.header.metadata.title).toBe('Edited');
    expect(second.dataset).not.toBe(first.dataset);
    await writeFile(path, '{ broken');
    expect(failed(await service.reload()).code).toBe('invalid-data');
    expect(service.current).toBe(second.dataset);
    // Reload of a native file asks for the native format, not detection.
    expect(service.currentFile?.format).toBe('native');
  });

  it('Reload with nothing held is not-found', async () => {
    expect(await new DatasetService(inlineRunLoad).reload()).toEqual({ kind: 'failed', error: { code: 'not-found', message: 'No file is open to reload.' } });
  });

  it('the startup load is strict: a file with invalid events fails whole (no review)', async () => {
    const service = new DatasetService(inlineRunLoad);
    const failure = failed(await service.load(INVALID_REFS, { displayName: 'refs', bundled: true }));
    expect(failure.problems).toHaveLength(3);
    expect(service.pending).toBeUndefined();
  });

  it('an open cancelled while it runs is a cancelled error; nothing waits for review', async () => {
    const { runLoad, loads } = controlledRunLoad();
    let calls = 0;
    const service = new DatasetService((...args) => (calls++ === 0 ? inlineRunLoad(...args) : runLoad(...args)));
    const before = opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));
    const opening = service.open(INVALID_REFS);
    await settle();
    expect(loads).toHaveLength(1);
    service.cancel();
    expect(await opening).toMatchObject({ kind: 'cancelled', message: 'Opening invalid-refs.frontline was cancelled.' });
    expect(service.pending).toBeUndefined();
    expect(service.current).toBe(before);
    // A cancelled user open does not become the error getDataset answers with.
    expect(value(await service.awaitCurrent())).toBe(before);
  });
});

describe("an import's file image, written after its timeline is held", () => {
  /** A real outcome whose file image comes when the test says (as from the load worker). */
  async function deferredOutcome(path: string): Promise<{ outcome: ReadOutcome<PendingImage>; deliver: () => void; fail: (message: string) => void; cancelled: () => boolean }> {
    const opened = await openDatasetFile(path);
    const read = datasetOf(opened);
    if (!read) throw new Error('fixture did not load');
    let wasCancelled = false;
    const pending = pendingImage({
      cancel: () => {
        wasCancelled = true;
        pending.reject(new Error('the file image was not needed any more'));
      }
    });
    return {
      outcome: withImage(opened, () => pending.image),
      deliver: () => pending.resolve(imageNow(read.dataset.image)),
      fail: (message) => pending.reject(new Error(message)),
      cancelled: () => wasCancelled
    };
  }

  /** A service holding the bundled dataset, whose next loads the test finishes. */
  async function serviceWithControlledLoads(): Promise<{ service: DatasetService; loads: PendingLoad[] }> {
    const { runLoad, loads } = controlledRunLoad();
    let calls = 0;
    const service = new DatasetService((...args) => (calls++ === 0 ? inlineRunLoad(...args) : runLoad(...args)));
    opened(await service.load(BUNDLED, { displayName: 'bundled', bundled: true }));
    return { service, loads };
  }

  /** Open `path` on `service`, its load finished with an outcome whose file image the test delivers. */
  async function openDeferred(service: DatasetService, loads: PendingLoad[], path: string) {
    const opening = service.open(path);
    await settle();
    const { outcome, deliver, fail, cancelled } = await deferredOutcome(path);
    loads.at(-1)!.finish(outcome);
    return { opened: await opening, deliver, fail, cancelled };
  }

  it('is held at once; event details and Save As wait for the image, which then serves them', async () => {
    const { service, loads } = await serviceWithControlledLoads();
    const image = await openDeferred(service, loads, otherPath);
    expect(image.opened.kind).toBe('opened');
    const columnsOnly = service.heldBytes();
    let details: TimelineEvent | undefined;
    const waiting = service.event(0).then((e) => (details = e));
    const whole = service.held();
    await settle();
    expect(details).toBeUndefined();
    image.deliver();
    await waiting;
    expect(details?.id).toBe('is-holds-deir-al-zour');
    const held = await whole;
    expect(held?.payload).toBe(service.current);
    expect(held?.ranges.length).toBe(2 * BUNDLED_EVENT_COUNT);
    expect(service.heldBytes()).toBeGreaterThan(columnsOnly);
  });

  it('an image that cannot be written fails details and Save As with the reason and the file, and the timeline stays', async () => {
    const { service, loads } = await serviceWithControlledLoads();
    const image = await openDeferred(service, loads, otherPath);
    const held = service.current;
    expect(held?.file.displayName).toBe('other.frontline');
    image.fail('the loader stopped unexpectedly (exit code 5)');
    await expect(service.event(0)).rejects.toThrow('other.frontline could not be made ready for details and saving (the loader stopped unexpectedly (exit code 5))');
    await expect(service.held()).rejects.toThrow(/could not be made ready/);
    expect(service.current).toBe(held);
  });

  it('is not written on when no longer needed: another dataset held, a review declined, an open superseded', async () => {
    const { service, loads } = await serviceWithControlledLoads();
    // Held, then replaced before its image came.
    const replaced = await openDeferred(service, loads, otherPath);
    const next = await openDeferred(service, loads, BUNDLED);
    expect(replaced.cancelled()).toBe(true);
    expect(next.cancelled()).toBe(false);

    // Waiting for review, then declined.
    const reviewed = await openDeferred(service, loads, INVALID_REFS);
    if (reviewed.opened.kind !== 'needs-review') throw new Error('expected a review');
    await service.resolveReview(reviewed.opened.token, false);
    expect(reviewed.cancelled()).toBe(true);

    // Waiting for review, then another file opened.
    const dropped = await openDeferred(service, loads, INVALID_REFS);
    const superseding = service.open(otherPath);
    expect(dropped.cancelled()).toBe(true);
    service.cancel();
    await superseding;
    expect(next.cancelled()).toBe(false);
  });
});
