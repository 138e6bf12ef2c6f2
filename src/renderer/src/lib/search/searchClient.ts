// The renderer's side of search: one worker per window, one index per dataset. Only the newest
// query's answer is delivered; if workers are unavailable, the index is built on this thread.
import type { DatasetHeader, EventColumns } from '../../../../shared/dataset/columns';
import { SearchIndex } from '../../../../shared/search/searchIndex';
import type { SearchReply, SearchRequest } from './searchMessages';

type Pending = { resolve: (indices: Uint32Array | undefined) => void; reject: (err: Error) => void };

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
    for (const p of this.#pending.values()) p.resolve(undefined);
    this.#pending.clear();
    this.#local = undefined;
    this.#localSource = { cols, header };
    if (!this.#worker) return;
    this.#ready = new Promise((resolve) => (this.#markReady = resolve));
    const request: SearchRequest = { kind: 'index', generation: this.#generation, columns: cols, header };
    this.#worker.postMessage(request);
  }

  /**
   * Column indices of the events matching `query`, ascending; undefined when a newer query or
   * dataset has replaced this one before it was answered.
   */
  async search(query: string): Promise<Uint32Array | undefined> {
    const generation = this.#generation;
    if (!this.#worker) return this.#searchHere(query);
    await this.#ready;
    if (generation !== this.#generation) return undefined;
    if (!this.#worker) return this.#searchHere(query);
    for (const p of this.#pending.values()) p.resolve(undefined);
    this.#pending.clear();
    const id = ++this.#nextId;
    return new Promise<Uint32Array | undefined>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const request: SearchRequest = { kind: 'search', id, generation, query };
      this.#worker!.postMessage(request);
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  #receive(reply: SearchReply): void {
    if (reply.kind === 'indexed') {
      if (reply.generation === this.#generation) this.#markReady?.();
      return;
    }
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.kind === 'result') pending.resolve(reply.generation === this.#generation ? reply.indices : undefined);
    else pending.reject(new Error(reply.message));
  }

  /** The worker could not start or died: search on this thread from now on. */
  #fallBack(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#markReady?.();
    for (const p of this.#pending.values()) p.resolve(undefined);
    this.#pending.clear();
  }

  #searchHere(query: string): Uint32Array | undefined {
    const source = this.#localSource;
    if (!source) return undefined;
    this.#local ??= new SearchIndex(source.cols, source.header);
    return this.#local.search(query);
  }
}
