// Worker thread entry: opens one file (any supported format: openDatasetFile) off the main
// process's event loop, posting progress, then the result with its buffers transferred (not copied). It warms up (modules loaded, the
// schema check compiled) as soon as it starts, then waits for its request: main keeps one such
// worker ready, so opening a file does not pay for starting one.
import { parentPort, workerData } from 'node:worker_threads';
import { columnBuffers } from '../../shared/dataset/columns';
import { fastEventCheck } from './fastEventCheck';
import { openDatasetFile } from './openDatasetFile';
import type { WorkerReply, WorkerRequest } from './workerRunLoad';

const port = parentPort;
if (!port) throw new Error('loadWorker must run as a worker thread');

async function run(request: WorkerRequest): Promise<void> {
  let lastProgress = 0;
  const outcome = await openDatasetFile(request.path, request.displayName, request.request ?? {}, (progress) => {
    const now = Date.now();
    if (now - lastProgress < 50 && progress.done < progress.total) return;
    lastProgress = now;
    port!.postMessage({ type: 'progress', progress } satisfies WorkerReply);
  });
  if (!outcome.ok) {
    port!.postMessage({ type: 'done', outcome } satisfies WorkerReply);
    return;
  }
  // A Buffer may share its ArrayBuffer with others (Node's pool); transfer only what it owns.
  const own = (a: Uint8Array) => a.byteOffset === 0 && a.byteLength === a.buffer.byteLength;
  // A copy, not Buffer#slice (which would share the memory).
  const bytes = own(outcome.bytes) ? outcome.bytes : new Uint8Array(outcome.bytes);
  const transfer = [...columnBuffers(outcome.loaded.columns), outcome.loaded.eventRanges.buffer, bytes.buffer] as ArrayBuffer[];
  port!.postMessage({ type: 'done', outcome: { ...outcome, bytes } } satisfies WorkerReply, [...new Set(transfer)]);
}

if (workerData) {
  await run(workerData as WorkerRequest);
} else {
  fastEventCheck();
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
  port.once('message', (request: WorkerRequest) => void run(request));
}
