// Runs loads in a worker thread, so parsing a large file never blocks the main process. Cancel
// terminates the worker outright: nothing it half-built survives.
import { Worker } from 'node:worker_threads';
import type { LoadOutcome, RunLoad } from './datasetService';
import type { FileProgress, LoadedFile } from './loadDatasetFile';

export interface WorkerRequest {
  readonly path: string;
  readonly displayName: string;
}

export type WorkerReply = { type: 'progress'; progress: FileProgress } | { type: 'done'; outcome: LoadedFile };

/** `spawn` creates the worker for a request (the built loadWorker.js, or the TypeScript one under tsx). */
export function workerRunLoad(spawn: (request: WorkerRequest) => Worker): RunLoad {
  return (path, displayName, onProgress, signal) =>
    new Promise<LoadOutcome>((resolve) => {
      const worker = spawn({ path, displayName });
      let settled = false;
      const settle = (outcome: LoadOutcome) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const onAbort = () => {
        void worker.terminate();
        settle({ ok: false, cancelled: true, path, name: displayName });
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') onProgress(reply.progress);
        else {
          settle(reply.outcome);
          void worker.terminate();
        }
      });
      worker.on('error', (err) =>
        settle({ ok: false, path, name: displayName, problems: [{ severity: 'error', file: displayName, message: `could not be loaded: ${err.message}` }] })
      );
      worker.on('exit', (code) => {
        if (!settled) settle({ ok: false, path, name: displayName, problems: [{ severity: 'error', file: displayName, message: `the loader stopped unexpectedly (exit code ${code})` }] });
      });
    });
}

/**
 * Heap for the loader: a million-event file needs more than Node's default; a larger young
 * generation means fewer scavenges while millions of short-lived event objects are parsed.
 */
export const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: 64 };
