// The dataset main holds, the one load that may be running, and the one open that waits for the
// user (a review of skipped rows, or a table's column mapping). A load replaces the held dataset
// only once it has fully validated (and the user accepted what was left out); a failed, cancelled
// or declined open leaves it exactly as it was. An import's file image (event details, Save As)
// may still be being written when it is held: what needs it waits for it.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { columnBytes } from '../../shared/dataset/columns';
import { readEvent } from '../../shared/dataset/loadDatasetBytes';
import type { FileImage } from '../../shared/dataset/packDataset';
import type { TimelineEvent } from '../../shared/dataset/schema';
import { fail, ok, type AppError, type DatasetPayload, type FileRef, type LoadProgress, type OpenOutcome, type Result } from '../../shared/ipc/contract';
import type { CsvMapping, ImportFormat } from '../../shared/import/types';
import type { CacheConfig } from '../cache/openCache';
import type { FileProgress } from './loadDatasetFile';
import { cancelledOpen, datasetOf, failedOpen, imageNow, withImage, withoutDataset, type OpenRequest, type ReadDataset, type ReadOutcome } from './openDatasetFile';

/**
 * A file image that may still have to be written (an import's: written once its timeline shows,
 * so the first paint has the machine to itself, or at once when something needs it).
 */
export interface PendingImage {
  /**
   * The image, once written (asking starts the writing if it has not started); rejects when it
   * cannot be written (its writer failed, or it was not needed any more).
   */
  ready(): Promise<FileImage>;
  /** The image if it is written already (asking this starts nothing). */
  written(): FileImage | undefined;
  /** Not needed any more (another dataset is held, the review was declined): stop writing it. */
  cancel(): void;
}

/** An image there already. */
export function readyImage(image: FileImage): PendingImage {
  const ready = Promise.resolve(image);
  return { ready: () => ready, written: () => image, cancel: () => {} };
}

/**
 * An image still to come: settle it with resolve or reject. `start` is called (once) when it is
 * first asked for, `cancel` when it is not needed.
 */
export function pendingImage(hooks: { start?: () => void; cancel?: () => void } = {}): { image: PendingImage; resolve: (image: FileImage) => void; reject: (err: Error) => void } {
  let resolve!: (image: FileImage) => void;
  let reject!: (err: Error) => void;
  let done: FileImage | undefined;
  const ready = new Promise<FileImage>((res, rej) => {
    resolve = (image) => {
      done = image;
      res(image);
    };
    reject = rej;
  });
  // Nobody may be waiting when it fails (a cancelled image): that is no unhandled rejection.
  ready.catch(() => {});
  let started = false;
  const image: PendingImage = {
    ready: () => {
      if (!started) {
        started = true;
        hooks.start?.();
      }
      return ready;
    },
    written: () => done,
    cancel: () => hooks.cancel?.()
  };
  return { image, resolve, reject };
}

/**
 * Runs one load (in a worker, or inline for tests and the command line). `request` says how to
 * read the file (format, mapping, strict); absent, the file's format is detected.
 */
export type RunLoad = (file: FileRef, onProgress: (p: FileProgress) => void, signal: AbortSignal, request?: OpenRequest) => Promise<ReadOutcome<PendingImage>>;

/** Where the held dataset came from, and how it was read (for Reload and the recent list). */
export interface HeldFile extends FileRef {
  readonly bundled: boolean;
  readonly format: ImportFormat;
  readonly mapping?: CsvMapping;
}

/** The held dataset: what the renderer got, plus the native file image its events are read from. */
export interface HeldDataset {
  readonly payload: DatasetPayload;
  /** The native file image (the file itself, or an import converted). */
  readonly bytes: Uint8Array;
  /** Byte range of each event in `bytes`, by its position in the file. */
  readonly ranges: Uint32Array;
  readonly file: HeldFile;
}

/** What is held: the payload at once, the file image when it is written. */
interface Held {
  readonly payload: DatasetPayload;
  readonly image: PendingImage;
  readonly file: HeldFile;
}

export interface OpenOptions {
  /** How problems and the window name the file (default: its name without the folder). */
  readonly displayName?: string;
  readonly bundled?: boolean;
  readonly request?: OpenRequest;
}

type Opened = ReadDataset<PendingImage>;

type Pending =
  | { readonly kind: 'needs-review'; readonly token: string; readonly opened: Opened; readonly file: HeldFile }
  | { readonly kind: 'needs-mapping'; readonly token: string; readonly file: FileRef; readonly bundled: boolean };

/** Tokens are 32 hex digits (the argument schema accepts 16 to 64). */
export function newToken(): string {
  return randomBytes(16).toString('hex');
}

export class DatasetService {
  #current: Held | undefined;
  #loading: { promise: Promise<unknown>; abort: AbortController } | undefined;
  #lastError: AppError | undefined;
  #pending: Pending | undefined;

  constructor(
    private readonly runLoad: RunLoad,
    private readonly emitProgress: (p: LoadProgress) => void = () => {}
  ) {}

  get current(): DatasetPayload | undefined {
    return this.#current?.payload;
  }

  /**
   * The held dataset with its file image, for Save As: waits for the image (an import's may still
   * be being written). Throws when it cannot be written.
   */
  async held(): Promise<HeldDataset | undefined> {
    const held = this.#current;
    if (!held) return undefined;
    const image = await this.#imageOf(held);
    return { payload: held.payload, bytes: image.bytes, ranges: image.ranges, file: held.file };
  }

  async #imageOf(held: Held): Promise<FileImage> {
    try {
      return await held.image.ready();
    } catch (err) {
      throw new Error(`${held.file.displayName} could not be made ready for details and saving (${err instanceof Error ? err.message : String(err)})`, { cause: err });
    }
  }

  /** Where the held dataset came from. */
  get currentFile(): HeldFile | undefined {
    return this.#current?.file;
  }

  get loading(): boolean {
    return this.#loading !== undefined;
  }

  /** The kind of open waiting for the user, if any (for tests and diagnostics). */
  get pending(): Pending['kind'] | undefined {
    return this.#pending?.kind;
  }

  /**
   * Load a file strictly (nothing may be left out; no review, no mapping) and hold it on success:
   * the startup dataset. Comes back opened, failed or cancelled. One load at a time: a new one
   * cancels the old.
   */
  load(path: string, options: { displayName: string; bundled: boolean }): Promise<OpenOutcome> {
    const file: FileRef = { path, displayName: options.displayName };
    return this.#exclusive(file, { strict: true }, (outcome): OpenOutcome => {
      switch (outcome.kind) {
        case 'opened':
          return { kind: 'opened', file, dataset: this.#install(outcome.dataset, heldFile(outcome.dataset, { ...file, bundled: options.bundled })) };
        case 'needs-review':
          // A strict load leaves nothing out; were rows left out all the same, it fails with them.
          outcome.dataset.image.cancel();
          return this.#failed(file, { code: 'invalid-data', message: `${file.displayName} could not be opened.`, problems: outcome.problems });
        case 'needs-mapping':
          return this.#failed(file, { code: 'invalid-data', message: `${file.displayName} is a table whose columns must be matched to what they hold: open it with File > Open.` });
        case 'failed':
          return this.#failed(file, outcome.error);
        case 'cancelled':
          return this.#failed(file, { code: 'cancelled', message: outcome.message });
      }
    });
  }

  /**
   * Open a file the user asked for. Comes back opened (now held), needing review (some rows were
   * left out: resolveReview), needing its columns mapped (openWithMapping), failed with every
   * problem, or cancelled; only 'opened' changes what is held. Any open drops the one waiting for
   * the user.
   */
  open(path: string, options: OpenOptions = {}): Promise<OpenOutcome> {
    const file: FileRef = { path, displayName: options.displayName ?? basename(path) };
    const bundled = options.bundled ?? false;
    this.#dropPending();
    return this.#exclusive(file, options.request ?? {}, (outcome): OpenOutcome => {
      switch (outcome.kind) {
        case 'opened':
          return { kind: 'opened', file, dataset: this.#install(outcome.dataset, heldFile(outcome.dataset, { ...file, bundled })) };
        case 'needs-review': {
          const token = newToken();
          this.#pending = { kind: 'needs-review', token, opened: outcome.dataset, file: heldFile(outcome.dataset, { ...file, bundled }) };
          const { dataset: _held, ...review } = outcome;
          return { ...review, token };
        }
        case 'needs-mapping': {
          const token = newToken();
          this.#pending = { kind: 'needs-mapping', token, file, bundled };
          return { ...outcome, token };
        }
        case 'failed':
        case 'cancelled':
          return outcome;
      }
    });
  }

  /** After a review: hold what was opened (accept) or keep what was held (decline: 'dismissed'). */
  async resolveReview(token: string, accept: boolean): Promise<OpenOutcome> {
    const pending = this.#pending;
    if (pending?.kind !== 'needs-review' || pending.token !== token) {
      return { kind: 'failed', error: { code: 'not-found', message: 'That file is no longer waiting to be opened (another was opened since). Open it again.' } };
    }
    this.#pending = undefined;
    if (!accept) {
      pending.opened.image.cancel();
      return { kind: 'dismissed' };
    }
    const { path, displayName } = pending.file;
    return { kind: 'opened', file: { path, displayName }, dataset: this.#install(pending.opened, pending.file) };
  }

  /** Open the table waiting for its mapping, with the columns mapped as the user confirmed. */
  async openWithMapping(token: string, mapping: CsvMapping): Promise<OpenOutcome> {
    const pending = this.#pending;
    if (pending?.kind !== 'needs-mapping' || pending.token !== token) {
      return { kind: 'failed', error: { code: 'not-found', message: 'That table is no longer waiting for its columns (another file was opened since). Open it again.' } };
    }
    if (Object.keys(mapping).length === 0) return { kind: 'failed', file: pending.file, error: { code: 'bad-arguments', message: 'No column was matched to anything: match at least the date and the title.' } };
    this.#dropPending();
    return this.open(pending.file.path, { displayName: pending.file.displayName, bundled: pending.bundled, request: { format: 'csv', mapping } });
  }

  /** Read the held dataset's file again, the same way it was read. */
  async reload(): Promise<OpenOutcome> {
    const file = this.#current?.file;
    if (!file) return { kind: 'failed', error: { code: 'not-found', message: 'No file is open to reload.' } };
    return this.open(file.path, { displayName: file.displayName, bundled: file.bundled, request: { format: file.format, ...(file.mapping ? { mapping: file.mapping } : {}) } });
  }

  /**
   * Run one load, cancelling the one running, and `finish` with what it came to (failed for a
   * loader that throws, cancelled for a cancelled or superseded one). The load counts as running
   * until `finish` has run, so whoever waits for it (awaitCurrent) sees its result held.
   */
  #exclusive<T>(file: FileRef, request: OpenRequest, finish: (outcome: ReadOutcome<PendingImage>) => T): Promise<T> {
    this.#loading?.abort.abort();
    const abort = new AbortController();
    const promise = (async (): Promise<T> => {
      let outcome: ReadOutcome<PendingImage>;
      try {
        outcome = await this.runLoad(file, (p) => this.emitProgress({ ...p, file }), abort.signal, request);
      } catch (err) {
        // A loader that throws is a bug, but what the user had stays and they get a message.
        return finish({ kind: 'failed', file, error: { code: 'internal', message: `${file.displayName} could not be opened: ${err instanceof Error ? err.message : String(err)}` } });
      }
      // Cancelled, or superseded by a newer load: never held, never waiting for review.
      if (outcome.kind === 'cancelled' || abort.signal.aborted) {
        datasetOf(outcome)?.dataset.image.cancel();
        return finish(cancelledOpen(file));
      }
      return finish(outcome);
    })().finally(() => {
      if (this.#loading?.abort === abort) this.#loading = undefined;
    });
    this.#loading = { promise, abort };
    return promise;
  }

  /** The startup load failed or was cancelled: what getDataset answers with while nothing is held. */
  #failed(file: FileRef, error: AppError): OpenOutcome {
    if (!this.#current) this.#lastError = error;
    return error.code === 'cancelled' ? { kind: 'cancelled', file, message: error.message } : { kind: 'failed', file, error };
  }

  #install(opened: Opened, file: HeldFile): DatasetPayload {
    const payload: DatasetPayload = {
      header: opened.header,
      columns: opened.columns,
      control: opened.control,
      warnings: opened.warnings,
      file: { path: file.path, displayName: file.displayName, bundled: file.bundled, bytes: opened.bytes, format: opened.format, fromCache: opened.fromCache }
    };
    const previous = this.#current;
    if (previous && previous.image !== opened.image) previous.image.cancel();
    this.#current = { payload, image: opened.image, file };
    this.#lastError = undefined;
    return payload;
  }

  /** Forget the open waiting for the user (its file image is not needed). */
  #dropPending(): void {
    if (this.#pending?.kind === 'needs-review') this.#pending.opened.image.cancel();
    this.#pending = undefined;
  }

  /** Cancel the running load, if any. */
  cancel(): boolean {
    if (!this.#loading) return false;
    this.#loading.abort.abort();
    return true;
  }

  /** The held dataset, waiting for a running load first. */
  async awaitCurrent(): Promise<Result<DatasetPayload>> {
    // A newer load may have replaced the one awaited: wait until none is running.
    while (this.#loading) await this.#loading.promise;
    if (this.#current) return ok(this.#current.payload);
    if (this.#lastError) return { ok: false, error: this.#lastError };
    return fail('not-found', 'No dataset is loaded.');
  }

  /**
   * The full event at `sourceIndex` of the held dataset's file (waiting for an import's file image
   * if it is still being written). Throws when the image cannot be written.
   */
  async event(sourceIndex: number): Promise<TimelineEvent | undefined> {
    const held = this.#current;
    if (!held) return undefined;
    const image = await this.#imageOf(held);
    if (sourceIndex >= image.ranges.length / 2) return undefined;
    return readEvent(image.bytes, image.ranges, sourceIndex, held.file.displayName);
  }

  /** Size of what is held, for diagnostics (the file image once written). */
  heldBytes(): number {
    const held = this.#current;
    if (!held) return 0;
    const image = held.image.written();
    return (image ? image.bytes.byteLength + image.ranges.byteLength : 0) + columnBytes(held.payload.columns);
  }
}

function heldFile(opened: Opened, file: FileRef & { bundled: boolean }): HeldFile {
  return { ...file, format: opened.format, ...(opened.mapping ? { mapping: opened.mapping } : {}) };
}

/**
 * Runs the load in this thread (tests, the command line), the file image written at once.
 * Cancellation is honoured between stages.
 */
export const inlineRunLoad: RunLoad = async (file, onProgress, signal, request) => {
  const { openDatasetFile } = await import('./openDatasetFile');
  return imageWritten(file, await openDatasetFile(file.path, file.displayName, request, onProgress), signal);
};

/**
 * Loading in this thread through a cache (the e2e bridge, tests): each entry is written after the
 * result, in the background; `idle` resolves once none is being written.
 */
export function inlineCachedLoader(cache: CacheConfig, log: (message: string) => void = () => {}): { runLoad: RunLoad; idle(): Promise<void> } {
  const writing = new Set<Promise<void>>();
  const runLoad: RunLoad = async (file, onProgress, signal, request) => {
    const { openThroughCache } = await import('../cache/cachedOpen');
    const { outcome, entry, note } = await openThroughCache(file, request ?? {}, cache, { copy: false, onProgress });
    if (note) log(note);
    const loaded = imageWritten(file, outcome, signal);
    const image = datasetOf(loaded)?.dataset.image.written();
    if (entry && image) {
      const written = entry
        .withImage(image)
        .write()
        .then((n) => log(n.message));
      writing.add(written);
      void written.finally(() => writing.delete(written));
    }
    return loaded;
  };
  return {
    runLoad,
    idle: async () => {
      while (writing.size > 0) await Promise.all(writing);
    }
  };
}

/** What opened, its file image written now (or cancelled, if the signal says so). */
function imageWritten(file: FileRef, outcome: ReadOutcome, signal: AbortSignal): ReadOutcome<PendingImage> {
  if (signal.aborted) return cancelledOpen(file);
  const bare = withoutDataset(outcome);
  if (bare) return bare;
  let image: FileImage;
  try {
    image = imageNow(datasetOf(outcome)!.dataset.image);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return failedOpen(file, [{ severity: 'error', file: file.displayName, message: `is too large once converted: ${err.message}` }]);
  }
  return withImage(outcome, () => readyImage(image));
}
