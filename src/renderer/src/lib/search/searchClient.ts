// The renderer's side of search: one worker per window, one index per dataset. Only the newest
// query's answer (and the newest explanation's) is delivered; if workers are unavailable, the
// index is built on this thread. The interactive page searches on its own thread: a page opened from
// file:// cannot start a worker from a file, and its CSP allows none.
import type { DatasetHeader, EventColumns } from '../../../../shared/dataset/columns';
import { SearchIndex, type SearchResult } from '../../../../shared/search/searchIndex';
import { READ_ONLY_PAGE } from '../target';
import type { Explanations, SearchReply, SearchRequest } from './searchMessages';

type Kind = 'search' | 'explain';
type Pending = { kind: Kind; resolve: (value: SearchResult | Explanations | undefined) => void; reject: (err: Error) => void };

export class SearchClient {
  #worker: Worker | undefined;
  #local: SearchIndex | undefined;
  #localSource: { cols: EventColumns; header: DatasetHeader } | undefined;
  #generation = 0;
  #nextId = 0;
  #pending = new Map<number, Pending>();
  #ready: Promise<void> = Promise.resolve();
  #markReady: (() => void) | undefined;

  constructor() {
    if (READ_ONLY_PAGE) return;
    try {
      this.#worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module', name: 'frontline-search' });
      this.#worker.onmessage = (e: MessageEvent<SearchReply>) => this.#receive(e.data);
      this.#worker.onerror = () => this.#fallBack();
    } catch {
      this.#worker = undefined;
    }
  }

  /** Index a new dataset; queries wait for it. */
  index(cols: EventColumns, header: DatasetHeader): void {
    this.#generation++;
    this.#drop();
    this.#local = undefined;
    this.#localSource = { cols, header };
    if (!this.#worker) return;
    this.#ready = new Promise((resolve) => (this.#markReady = resolve));
    const request: SearchRequest = { kind: 'index', generation: this.#generation, columns: cols, header };
    this.#worker.postMessage(request);
  }

  /**
   * What `query` finds (see SearchIndex.find); undefined when a newer query or dataset has
   * replaced this one before it was answered.
   */
  async search(query: string): Promise<SearchResult | undefined> {
    return (await this.#ask('search', (id, generation) => ({ kind: 'search', id, generation, query }), (index) => index.find(query))) as SearchResult | undefined;
  }

  /** Why the events listed match `query` (whole words, and completing its last word); undefined when overtaken. */
  async explain(query: string, exact: readonly number[], prefix: readonly number[]): Promise<Explanations | undefined> {
    return (await this.#ask(
      'explain',
      (id, generation) => ({ kind: 'explain', id, generation, query, exact, prefix }),
      (index) => ({ exact: index.explain(query, exact), prefix: index.explain(query, prefix, true) })
    )) as Explanations | undefined;
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  async #ask(kind: Kind, request: (id: number, generation: number) => SearchRequest, here: (index: SearchIndex) => SearchResult | Explanations): Promise<SearchResult | Explanations | undefined> {
    const generation = this.#generation;
    if (!this.#worker) return this.#here(here);
    await this.#ready;
    if (generation !== this.#generation) return undefined;
    if (!this.#worker) return this.#here(here);
    this.#drop(kind);
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { kind, resolve, reject });
      this.#worker!.postMessage(request(id, generation));
    });
  }

  /** Answer the pending requests (of a kind, or all) with undefined: they are overtaken. */
  #drop(kind?: Kind): void {
    for (const [id, p] of this.#pending) {
      if (kind !== undefined && p.kind !== kind) continue;
      p.resolve(undefined);
      this.#pending.delete(id);
    }
  }

  #receive(reply: SearchReply): void {
    if (reply.kind === 'indexed') {
      if (reply.generation === this.#generation) this.#markReady?.();
      return;
    }
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.kind === 'error') pending.reject(new Error(reply.message));
    else if (reply.generation !== this.#generation) pending.resolve(undefined);
    else pending.resolve(reply.kind === 'result' ? reply.result : reply.explanations);
  }

  /** The worker could not start or died: search on this thread from now on. */
  #fallBack(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#markReady?.();
    this.#drop();
  }

  #here<T>(answer: (index: SearchIndex) => T): T | undefined {
    const source = this.#localSource;
    if (!source) return undefined;
    this.#local ??= new SearchIndex(source.cols, source.header);
    return answer(this.#local);
  }
}
