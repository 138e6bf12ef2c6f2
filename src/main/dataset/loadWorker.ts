// Worker thread entry: opens one file (any supported format: openDatasetFile) off the main
// process's event loop, posting progress, then the result with its buffers transferred (not copied).
// An import's file image is written after that result is posted, when main asks for it (once the
// timeline shows, or when something needs it), and posted on its own. It warms up (modules loaded,
// the schema check compiled) as soon as it starts, then waits for its request: main keeps one such
// worker ready, so opening a file does not pay for starting one.
import { parentPort, workerData } from 'node:worker_threads';
import { columnBuffers } from '../../shared/dataset/columns';
import type { FileImage } from '../../shared/dataset/packDataset';
import { fastEventCheck } from './fastEventCheck';
import { datasetOf, openDatasetFile, withImage, withoutDataset } from './openDatasetFile';
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
  const outcome = await openDatasetFile(request.file.path, request.file.displayName, request.request ?? {}, (progress) => {
    const now = Date.now();
    if (now - lastProgress < 50 && progress.done < progress.total) return;
    lastProgress = now;
    port!.postMessage({ type: 'progress', progress } satisfies WorkerReply);
  });
  const bare = withoutDataset(outcome);
  if (bare) {
    port!.postMessage({ type: 'done', outcome: bare } satisfies WorkerReply);
    return;
  }
  const { dataset } = datasetOf(outcome)!;
  const columns = columnBuffers(dataset.columns) as ArrayBuffer[];
  const { image } = dataset;
  if (typeof image !== 'function') {
    const ready = transferable(image);
    port!.postMessage({ type: 'done', outcome: withImage(outcome, () => ready.image) } satisfies WorkerReply, [...new Set([...columns, ...ready.buffers])]);
    return;
  }
  port!.postMessage({ type: 'done', outcome: withImage(outcome, () => 'follows' as const) } satisfies WorkerReply, [...new Set(columns)]);
  await new Promise<void>((resolve) => port!.once('message', (message: WriteImage) => message.type === 'write-image' && resolve()));
  let written: FileImage;
  try {
    written = image();
  } catch (err) {
    port!.postMessage({ type: 'image-failed', message: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
    return;
  }
  const ready = transferable(written);
  port!.postMessage({ type: 'image', image: ready.image } satisfies WorkerReply, ready.buffers);
}

if (workerData) {
  await run(workerData as WorkerRequest);
} else {
  fastEventCheck();
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
  port.once('message', (request: WorkerRequest) => void run(request));
}
