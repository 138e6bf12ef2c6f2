// Runs loads in a worker thread, so parsing a large file never blocks the main process. One worker
// is kept started and warm for the next load; cancelling terminates the running one outright, and
// nothing it half-built survives.
import type { Worker } from 'node:worker_threads';
import type { LoadOutcome, RunLoad } from './datasetService';
import type { FileProgress } from './loadDatasetFile';
import type { OpenedFile, OpenRequest } from './openDatasetFile';

export interface WorkerRequest {
  readonly path: string;
  readonly displayName: string;
  /** How to read the file (format, mapping, strict); absent, its format is detected. */
  readonly request?: OpenRequest;
}

export type WorkerReply = { type: 'ready' } | { type: 'progress'; progress: FileProgress } | { type: 'done'; outcome: OpenedFile };

export interface WorkerPool {
  readonly runLoad: RunLoad;
  /** Stop the spare worker (when the app quits). */
  dispose(): void;
}

/** `spawn` starts a worker that waits for its request (the built loadWorker.js, or the TypeScript one under tsx). */
export function workerRunLoad(spawn: () => Worker): RunLoad {
  return workerPool(spawn).runLoad;
}

export function workerPool(spawn: () => Worker): WorkerPool {
  let spare: Worker | undefined;
  let disposed = false;
  const prepare = (): void => {
    if (disposed || spare) return;
    const worker = spawn();
    worker.on('error', () => {
      if (spare === worker) spare = undefined;
    });
    worker.on('exit', () => {
      if (spare === worker) spare = undefined;
    });
    spare = worker;
  };
  prepare();

  const runLoad: RunLoad = (path, displayName, onProgress, signal, request) =>
    new Promise<LoadOutcome>((resolve) => {
      if (!spare) prepare();
      const worker = spare!;
      spare = undefined;
      let settled = false;
      const settle = (outcome: LoadOutcome) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
        void worker.terminate();
        // Ready the next one once this load is over (not during it: the cores are busy).
        setTimeout(prepare, 0);
      };
      const onAbort = () => settle({ ok: false, cancelled: true, path, name: displayName });
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') onProgress(reply.progress);
        else if (reply.type === 'done') settle(reply.outcome);
      });
      worker.on('error', (err) =>
        settle({ ok: false, path, name: displayName, problems: [{ severity: 'error', file: displayName, message: `could not be loaded: ${err.message}` }] })
      );
      worker.on('exit', (code) => {
        if (!settled) settle({ ok: false, path, name: displayName, problems: [{ severity: 'error', file: displayName, message: `the loader stopped unexpectedly (exit code ${code})` }] });
      });
      worker.postMessage({ path, displayName, ...(request ? { request } : {}) } satisfies WorkerRequest);
    });

  return {
    runLoad,
    dispose: () => {
      disposed = true;
      void spare?.terminate();
      spare = undefined;
    }
  };
}

/**
 * Heap for the loader: a million-event file needs more than Node's default; a larger young
 * generation means fewer scavenges while millions of short-lived event objects are parsed.
 */
export const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: 64 };
