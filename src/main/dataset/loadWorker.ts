// Worker thread entry: loads one dataset file off the main process's event loop, posting progress,
// then the result with its buffers transferred (not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { columnBuffers } from '../../shared/dataset/columns';
import { loadDatasetFile } from './loadDatasetFile';
import type { WorkerReply, WorkerRequest } from './workerRunLoad';

const port = parentPort;
if (!port) throw new Error('loadWorker must run as a worker thread');
const request = workerData as WorkerRequest;
let lastProgress = 0;
const outcome = await loadDatasetFile(request.path, request.displayName, (progress) => {
  const now = Date.now();
  if (now - lastProgress < 50 && progress.done < progress.total) return;
  lastProgress = now;
  port.postMessage({ type: 'progress', progress } satisfies WorkerReply);
});
if (!outcome.ok) {
  port.postMessage({ type: 'done', outcome } satisfies WorkerReply);
} else {
  // A Buffer may share its ArrayBuffer with others (Node's pool); transfer only what it owns.
  const own = (a: Uint8Array) => a.byteOffset === 0 && a.byteLength === a.buffer.byteLength;
  const bytes = own(outcome.bytes) ? outcome.bytes : outcome.bytes.slice();
  const transfer = [...columnBuffers(outcome.loaded.columns), outcome.loaded.eventRanges.buffer, bytes.buffer] as ArrayBuffer[];
  port.postMessage({ type: 'done', outcome: { ...outcome, bytes } } satisfies WorkerReply, [...new Set(transfer)]);
}
