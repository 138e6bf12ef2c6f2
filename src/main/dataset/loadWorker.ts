// Worker thread entry: opens one file (any supported format: openDatasetFile, through the cache
// when main gives one) off the main process's event loop, posting progress, then the result with
// its buffers transferred (not copied). An import's file image is written after that result is
// posted, when main asks for it (once the timeline shows, or when something needs it), and posted
// on its own (a native file's too when it is to be cached: just after, once hashed); what opened
// is then written into the cache. It warms up (modules loaded, the schema check compiled) as soon
// as it starts, then waits for its request: main keeps one such worker ready, so opening a file
// does not pay for starting one.
import { parentPort, workerData } from 'node:worker_threads';
import { columnBuffers } from '../../shared/dataset/columns';
import type { FileImage } from '../../shared/dataset/packDataset';
import { fastEventCheck } from './fastEventCheck';
import { openThroughCache } from '../cache/cachedOpen';
import type { CacheNote } from '../cache/openCache';
import type { FileProgress } from './loadDatasetFile';
import { datasetOf, withImage, withoutDataset } from './openDatasetFile';
import type { WorkerReply, WorkerRequest, WriteImage } from './workerRunLoad';

const port = parentPort;
if (!port) throw new Error('loadWorker must run as a worker thread');

/** The image with bytes that own their whole buffer (a Buffer may share Node's pool), and its buffers to transfer. */
function transferable(image: FileImage): { image: FileImage; buffers: ArrayBuffer[] } {
  const owns = image.bytes.byteOffset === 0 && image.bytes.byteLength === image.bytes.buffer.byteLength;
  // A copy, not Buffer#slice (which would share the memory).
  const bytes = owns ? image.bytes : new Uint8Array(image.bytes);
  return { image: { bytes, ranges: image.ranges }, buffers: [bytes.buffer as ArrayBuffer, image.ranges.buffer as ArrayBuffer] };
}

async function run(request: WorkerRequest): Promise<void> {
  let lastProgress = 0;
  const onProgress = (progress: FileProgress) => {
    const now = Date.now();
    if (now - lastProgress < 50 && progress.done < progress.total) return;
    lastProgress = now;
    port!.postMessage({ type: 'progress', progress } satisfies WorkerReply);
  };
  // What the cache keeps is copied before the arrays are handed over to main.
  const { outcome, entry, note } = await openThroughCache(request.file, request.request ?? {}, request.cache?.config, { copy: true, onProgress });
  const bare = withoutDataset(outcome);
  if (bare) {
    port!.postMessage({ type: 'done', outcome: bare, ...(note ? { note } : {}) } satisfies WorkerReply);
    return;
  }
  const { dataset } = datasetOf(outcome)!;
  const columns = columnBuffers(dataset.columns) as ArrayBuffer[];
  const { image } = dataset;
  const caching = entry !== undefined;
  if (typeof image !== 'function' && entry) {
    // A native file to cache: the columns go at once; the image (the file's bytes) right after,
    // once the entry has what it needs of them (their hash), so hashing is not on the open's way.
    port!.postMessage({ type: 'done', outcome: withImage(outcome, () => 'follows' as const), caching, ...(note ? { note } : {}) } satisfies WorkerReply, [...new Set(columns)]);
    const toCache = entry.withImage(image);
    const ready = transferable(image);
    port!.postMessage({ type: 'image', image: ready.image } satisfies WorkerReply, ready.buffers);
    // Written a moment later: the first paint comes first.
    await writeCache(toCache, request.cache?.delayMs ?? 0);
    return;
  }
  if (typeof image !== 'function') {
    const ready = transferable(image);
    port!.postMessage({ type: 'done', outcome: withImage(outcome, () => ready.image), caching, ...(note ? { note } : {}) } satisfies WorkerReply, [...new Set([...columns, ...ready.buffers])]);
    return;
  }
  port!.postMessage({ type: 'done', outcome: withImage(outcome, () => 'follows' as const), caching, ...(note ? { note } : {}) } satisfies WorkerReply, [...new Set(columns)]);
  await new Promise<void>((resolve) => port!.once('message', (message: WriteImage) => message.type === 'write-image' && resolve()));
  let written: FileImage;
  try {
    written = image();
  } catch (err) {
    port!.postMessage({ type: 'image-failed', message: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
    return;
  }
  const toCache = entry?.withImage(written);
  const ready = transferable(written);
  port!.postMessage({ type: 'image', image: ready.image } satisfies WorkerReply, ready.buffers);
  if (toCache) await writeCache(toCache, 0);
}

/** Write the cache entry after `delayMs`, and say how that went (a failure only means it is not cached). */
async function writeCache(entry: { write(): Promise<CacheNote> }, delayMs: number): Promise<void> {
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const note = await entry.write();
  port!.postMessage({ type: 'cached', note } satisfies WorkerReply);
}

if (workerData) {
  await run(workerData as WorkerRequest);
} else {
  fastEventCheck();
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
  port.once('message', (request: WorkerRequest) => void run(request));
}
