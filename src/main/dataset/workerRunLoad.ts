// Runs loads in a worker thread, so parsing a large file never blocks the main process. One worker
// is kept started and warm for the next load; cancelling terminates the running one outright, and
// nothing it half-built survives. An import's result comes before its file image: the worker
// writes the image a moment later (the first paint comes first) or as soon as something asks for
// it, and is let go once it has sent it.
import type { Worker } from 'node:worker_threads';
import type { FileImage } from '../../shared/dataset/packDataset';
import type { FileRef } from '../../shared/ipc/contract';
import { pendingImage, readyImage, type PendingImage, type RunLoad } from './datasetService';
import type { FileProgress } from './loadDatasetFile';
import { cancelledOpen, datasetOf, failedOpen, withImage, withoutDataset, type OpenRequest, type ReadOutcome } from './openDatasetFile';

export interface WorkerRequest {
  readonly file: FileRef;
  /** How to read the file (format, mapping, strict); absent, its format is detected. */
  readonly request?: OpenRequest;
}

/** Main to the worker, after an import's result: write its file image now. */
export interface WriteImage {
  readonly type: 'write-image';
}

/**
 * How long after an import's result its file image is started when nothing asks for it sooner:
 * the renderer draws the timeline and builds its indexes meanwhile, with both cores.
 */
export const IMAGE_DELAY_MS = 1000;

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; progress: FileProgress }
  /** The outcome; its file image in it, or 'follows': the image comes in a message of its own. */
  | { type: 'done'; outcome: ReadOutcome<FileImage | 'follows'> }
  | { type: 'image'; image: FileImage }
  | { type: 'image-failed'; message: string };

export interface WorkerPool {
  readonly runLoad: RunLoad;
  /** Stop the spare worker (when the app quits). */
  dispose(): void;
}

/**
 * `spawn` starts a worker that waits for its request (the built loadWorker.js, or the TypeScript
 * one under tsx). `imageDelayMs`: see IMAGE_DELAY_MS.
 */
export function workerRunLoad(spawn: () => Worker, imageDelayMs = IMAGE_DELAY_MS): RunLoad {
  return workerPool(spawn, imageDelayMs).runLoad;
}

export function workerPool(spawn: () => Worker, imageDelayMs = IMAGE_DELAY_MS): WorkerPool {
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

  const runLoad: RunLoad = (file, onProgress, signal, request) =>
    new Promise<ReadOutcome<PendingImage>>((resolve) => {
      if (!spare) prepare();
      const worker = spare!;
      spare = undefined;
      let settled = false;
      let released = false;
      /** Starts an import's file image when nothing asked for it sooner. */
      let imageTimer: ReturnType<typeof setTimeout> | undefined;
      /** Let the worker go (the load and its image are over) and ready the next one. */
      const release = () => {
        clearTimeout(imageTimer);
        if (released) return;
        released = true;
        void worker.terminate();
        // Ready the next one once this load is over (not during it: the cores are busy).
        setTimeout(prepare, 0);
      };
      /** Settled while the worker still writes the file image: its end, or its failure. */
      let image: { resolve: (image: FileImage) => void; reject: (err: Error) => void } | undefined;
      const settle = (outcome: ReadOutcome<PendingImage>, keepWorker = false) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
        if (!keepWorker) release();
      };
      const imageFailed = (message: string) => {
        image?.reject(new Error(message));
        image = undefined;
        release();
      };
      const onAbort = () => settle(cancelledOpen(file));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') onProgress(reply.progress);
        else if (reply.type === 'image') {
          image?.resolve(reply.image);
          image = undefined;
          release();
        } else if (reply.type === 'image-failed') imageFailed(reply.message);
        else if (reply.type === 'done') {
          const { outcome } = reply;
          const bare = withoutDataset(outcome);
          if (bare) return settle(bare);
          // An import's image follows: written when asked for, or after a moment, whichever comes
          // first (ready() starts it once); the worker is kept until then.
          let later: PendingImage | undefined;
          if (datasetOf(outcome)?.dataset.image === 'follows') {
            const write = () => {
              clearTimeout(imageTimer);
              if (!released) worker.postMessage({ type: 'write-image' } satisfies WriteImage);
            };
            const pending = pendingImage({ start: write, cancel: () => imageFailed('the file image was not needed any more') });
            imageTimer = setTimeout(() => void pending.image.ready(), imageDelayMs);
            image = pending;
            later = pending.image;
          }
          settle(withImage(outcome, (sent) => (sent === 'follows' ? later! : readyImage(sent))), later !== undefined);
        }
      });
      const failed = (message: string) => {
        settle(failedOpen(file, [{ severity: 'error', file: file.displayName, message }]));
        imageFailed(message);
      };
      worker.on('error', (err) => failed(`could not be loaded: ${err.message}`));
      worker.on('exit', (code) => {
        if (!settled || image) failed(`the loader stopped unexpectedly (exit code ${code})`);
      });
      worker.postMessage({ file, ...(request ? { request } : {}) } satisfies WorkerRequest);
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
