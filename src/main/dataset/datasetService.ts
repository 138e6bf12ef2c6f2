// The dataset main holds, and the one load that may be running. A load replaces the held dataset
// only once it has fully validated; a failed or cancelled load leaves it exactly as it was.
import { columnBytes } from '../../shared/dataset/columns';
import { readEvent } from '../../shared/dataset/loadDatasetBytes';
import type { TimelineEvent } from '../../shared/dataset/schema';
import { fail, ok, type AppError, type DatasetPayload, type LoadProgress, type Result } from '../../shared/ipc/contract';
import type { FileProgress, LoadedFile } from './loadDatasetFile';

export type LoadOutcome = LoadedFile | { ok: false; cancelled: true; path: string; name: string };

/** Runs one load (in a worker, or inline for tests and the command line). */
export type RunLoad = (path: string, displayName: string, onProgress: (p: FileProgress) => void, signal: AbortSignal) => Promise<LoadOutcome>;

interface Held {
  readonly payload: DatasetPayload;
  readonly bytes: Uint8Array;
  readonly ranges: Uint32Array;
  readonly path: string;
}

export class DatasetService {
  #current: Held | undefined;
  #loading: { promise: Promise<Result<DatasetPayload>>; abort: AbortController } | undefined;
  #lastError: AppError | undefined;

  constructor(
    private readonly runLoad: RunLoad,
    private readonly emitProgress: (p: LoadProgress) => void = () => {}
  ) {}

  get current(): DatasetPayload | undefined {
    return this.#current?.payload;
  }

  get loading(): boolean {
    return this.#loading !== undefined;
  }

  /** Load a file; on success it becomes the held dataset. One load at a time: a new one cancels the old. */
  load(path: string, options: { displayName: string; bundled: boolean }): Promise<Result<DatasetPayload>> {
    this.#loading?.abort.abort();
    const abort = new AbortController();
    const promise = this.#run(path, options, abort).finally(() => {
      if (this.#loading?.abort === abort) this.#loading = undefined;
    });
    this.#loading = { promise, abort };
    return promise;
  }

  async #run(path: string, options: { displayName: string; bundled: boolean }, abort: AbortController): Promise<Result<DatasetPayload>> {
    let outcome: LoadOutcome;
    try {
      outcome = await this.runLoad(path, options.displayName, (p) => this.emitProgress({ ...p, file: options.displayName }), abort.signal);
    } catch (err) {
      // A loader that throws is a bug, but what the user had stays and they get a message.
      const error: AppError = { code: 'internal', message: `${options.displayName} could not be opened: ${err instanceof Error ? err.message : String(err)}` };
      if (!this.#current) this.#lastError = error;
      return { ok: false, error };
    }
    if (!outcome.ok) {
      if ('cancelled' in outcome) {
        const cancelled: AppError = { code: 'cancelled', message: `Opening ${options.displayName} was cancelled.` };
        if (!this.#current) this.#lastError = cancelled;
        return { ok: false, error: cancelled };
      }
      const error: AppError = { code: 'invalid-data', message: `${options.displayName} could not be opened.`, problems: outcome.problems };
      if (!this.#current) this.#lastError = error;
      return { ok: false, error };
    }
    if (abort.signal.aborted) return fail('cancelled', `Opening ${options.displayName} was cancelled.`);
    const { loaded } = outcome;
    const payload: DatasetPayload = {
      header: loaded.header,
      columns: loaded.columns,
      warnings: loaded.warnings,
      file: { name: options.displayName, bundled: options.bundled, bytes: outcome.size }
    };
    this.#current = { payload, bytes: outcome.bytes, ranges: loaded.eventRanges, path };
    this.#lastError = undefined;
    return ok(payload);
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

  /** The full event at `sourceIndex` of the held dataset's file. */
  event(sourceIndex: number): TimelineEvent | undefined {
    const held = this.#current;
    if (!held || sourceIndex >= held.ranges.length / 2) return undefined;
    return readEvent(held.bytes, held.ranges, sourceIndex, held.payload.file.name);
  }

  /** Size of what is held, for diagnostics. */
  heldBytes(): number {
    const held = this.#current;
    return held ? held.bytes.byteLength + held.ranges.byteLength + columnBytes(held.payload.columns) : 0;
  }
}

/** Runs the load in this thread (tests, the command line). Cancellation is honoured between stages. */
export const inlineRunLoad: RunLoad = async (path, displayName, onProgress, signal) => {
  const { loadDatasetFile } = await import('./loadDatasetFile');
  const outcome = await loadDatasetFile(path, displayName, onProgress);
  if (signal.aborted) return { ok: false, cancelled: true, path, name: displayName };
  return outcome;
};
