// The search index lives in a worker: building it for a million events takes a second or so,
// and queries run while the user types. The renderer sends the columns once per dataset, then
// queries; each answer carries the query's id so stale answers can be dropped.
import type { DatasetHeader, EventColumns } from '../../../../shared/dataset/columns';
import { SearchIndex } from '../../../../shared/search/searchIndex';
import type { SearchReply, SearchRequest } from './searchMessages';

let index: SearchIndex | undefined;
let generation = -1;

const post = (reply: SearchReply, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'index') {
      index = undefined;
      generation = request.generation;
      index = new SearchIndex(request.columns as EventColumns, request.header as DatasetHeader);
      post({ kind: 'indexed', generation });
      return;
    }
    if (!index || request.generation !== generation) {
      post({ kind: 'error', id: request.id, message: 'The search index is not ready.' });
      return;
    }
    if (request.kind === 'explain') {
      const explanations = { exact: index.explain(request.query, request.exact), prefix: index.explain(request.query, request.prefix, true) };
      post({ kind: 'explained', id: request.id, generation, explanations });
      return;
    }
    const result = index.find(request.query);
    post({ kind: 'result', id: request.id, generation, result }, [result.exact.buffer, result.prefix.buffer]);
  } catch (err) {
    post({ kind: 'error', id: request.kind === 'index' ? -1 : request.id, message: err instanceof Error ? err.message : String(err) });
  }
};
