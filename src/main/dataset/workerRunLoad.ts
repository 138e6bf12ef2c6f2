// Runs loads in a worker thread, so parsing a large file never blocks the main process. One worker
// is kept started and warm for the next load; cancelling terminates the running one outright, and
// nothing it half-built survives. An import's result comes before its file image: the worker
// writes the image a moment later (the first paint comes first) or as soon as something asks for
// it. With a cache, the worker then writes what it opened into it (a moment after the result, for
// the same reason) and is let go once that is done; the next load has its own worker meanwhile.
import type { Worker } from 'node:worker_threads';
import type { FileImage } from '../../shared/dataset/packDataset';
import type { FileRef } from '../../shared/ipc/contract';
import type { CacheConfig, CacheNote } from '../cache/openCache';
import { pendingImage, readyImage, type PendingImage, type RunLoad } from './datasetService';
import type { FileProgress } from './loadDatasetFile';
import { cancelledOpen, datasetOf, failedOpen, withImage, withoutDataset, type OpenRequest, type ReadOutcome } from './openDatasetFile';

export interface WorkerRequest {
  readonly file: FileRef;
  /** How to read the file (format, mapping, strict); absent, its format is detected. */
  readonly request?: OpenRequest;
  /** The cache to open through and keep what opened in, written `delayMs` after the result at the soonest. */
  readonly cache?: { readonly config: CacheConfig; readonly delayMs: number };
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
  /**
   * The outcome; its file image in it, or 'follows': the image comes in a message of its own.
   * `caching`: an entry will be written into the cache ('cached' says when); `note`: what the cache made of the file.
   */
  | { type: 'done'; outcome: ReadOutcome<FileImage | 'follows'>; caching?: boolean; note?: string }
  | { type: 'image'; image: FileImage }
  | { type: 'image-failed'; message: string }
  | { type: 'cached'; note: CacheNote };

export interface WorkerPool {
  readonly runLoad: RunLoad;
  /** Resolves once no worker is still writing into the cache. */
  idle(): Promise<void>;
  /** Stop the spare worker (when the app quits). */
  dispose(): void;
}

export interface PoolOptions {
  /** See IMAGE_DELAY_MS; also how long after a result its cache entry is written at the soonest. */
  readonly imageDelayMs?: number;
  /** Open through this cache and keep what opened in it. */
  readonly cache?: CacheConfig;
  /** What the cache did, for the log. */
  readonly log?: (message: string) => void;
}

/**
 * `spawn` starts a worker that waits for its request (the built loadWorker.js, or the TypeScript
 * one under tsx).
 */
export function workerRunLoad(spawn: () => Worker, options: PoolOptions = {}): RunLoad {
  return workerPool(spawn, options).runLoad;
}

export function workerPool(spawn: () => Worker, options: PoolOptions = {}): WorkerPool {
  const imageDelayMs = options.imageDelayMs ?? IMAGE_DELAY_MS;
  const log = options.log ?? (() => {});
  let spare: Worker | undefined;
  let disposed = false;
  /** Workers still writing into the cache: each settles when its worker is done. */
  const writing = new Set<Promise<void>>();
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
      let over = false;
      let terminated = false;
      /** The worker writes an entry into the cache after the load: it is kept until then. */
      let caching: { done: () => void } | undefined;
      /** Starts an import's file image when nothing asked for it sooner. */
      let imageTimer: ReturnType<typeof setTimeout> | undefined;
      const terminate = () => {
        clearTimeout(imageTimer);
        caching?.done();
        caching = undefined;
        if (terminated) return;
        terminated = true;
        void worker.terminate();
      };
      /** The load and its image are over: ready the next worker, and let this one go unless it still writes the cache. */
      const release = () => {
        clearTimeout(imageTimer);
        if (!over) {
          over = true;
          // Ready the next one once this load is over (not during it: the cores are busy).
          setTimeout(prepare, 0);
        }
        if (!caching) terminate();
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
      /** Nothing more is wanted of this worker (the image failed or is not needed, the load was cancelled). */
      const abandon = () => {
        release();
        terminate();
      };
      const imageFailed = (message: string) => {
        image?.reject(new Error(message));
        image = undefined;
        abandon();
      };
      const onAbort = () => {
        settle(cancelledOpen(file));
        abandon();
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') onProgress(reply.progress);
        else if (reply.type === 'image') {
          image?.resolve(reply.image);
          image = undefined;
          release();
        } else if (reply.type === 'image-failed') imageFailed(reply.message);
        else if (reply.type === 'cached') {
          log(reply.note.message);
          terminate();
        } else if (reply.type === 'done') {
          const { outcome } = reply;
          if (reply.note) log(reply.note);
          if (reply.caching) {
            let done!: () => void;
            const written = new Promise<void>((res) => (done = res));
            writing.add(written);
            void written.then(() => writing.delete(written));
            caching = { done };
          }
          const bare = withoutDataset(outcome);
          if (bare) return settle(bare);
          // An import's image follows: written when asked for, or after a moment, whichever comes
          // first (ready() starts it once); the worker is kept until then.
          let later: PendingImage | undefined;
          if (datasetOf(outcome)?.dataset.image === 'follows') {
            const write = () => {
              clearTimeout(imageTimer);
              if (!terminated) worker.postMessage({ type: 'write-image' } satisfies WriteImage);
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
        // A worker that stops while writing the cache leaves no entry (the write is atomic): nothing lost.
        caching?.done();
        caching = undefined;
      });
      worker.postMessage({ file, ...(request ? { request } : {}), ...(options.cache ? { cache: { config: options.cache, delayMs: imageDelayMs } } : {}) } satisfies WorkerRequest);
    });

  return {
    runLoad,
    idle: async () => {
      while (writing.size > 0) await Promise.all(writing);
    },
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
