// Finding what matters: the facet filter and the search over the dataset on show. The filter
// engine is built once per dataset (typed arrays, held raw); the mask, the counts beside every
// option and the list of shown events are derived from the filter, so the timeline, the legend,
// the filter panel and the table all update together from one place.
import type { DatasetPayload } from '../../../../shared/ipc/contract';
import { FilterEngine, isEmptyFilter, maskIndices, normalizeFilter, toggleValue, withRange, type EventFilter, type FacetCounts, type FacetId } from '../../../../shared/filter/eventFilter';
import type { SearchResult } from '../../../../shared/search/searchIndex';
import { SearchClient } from '../search/searchClient';
import type { Explanations } from '../search/searchMessages';
import { areaMask, type AreaBox } from './area';

/** Results listed under the search box; the count says how many there are in all. */
export const LISTED_RESULTS = 200;
/** Results found only by completing the last word, listed apart below the others. */
export const LISTED_COMPLETED = 50;

/** What the search finds besides its whole-word matches, for the list under the box. */
export interface SearchAlso {
  /** The query these answers (and `matches`) are for. */
  readonly query: string | undefined;
  /** Events found only by completing the last word being typed, that the filter lets through, in start order. */
  readonly completed: Uint32Array | undefined;
  /** What the last word was completed to. */
  readonly completions: readonly string[];
  /** Terms searched under other names too (alias groups, compounds). */
  readonly expansions: SearchResult['expansions'];
}

/** Datasets up to this size get their filter engine and search index as soon as they open. */
export const EAGER_EVENTS = 200_000;
/** From this size on, they are built when the page is next idle, not in the task that receives the dataset. */
export const EAGER_TASK_EVENTS = 10_000;

export class FinderState {
  engine = $state.raw<FilterEngine | undefined>(undefined);
  filter = $state.raw<EventFilter>({});
  /** What the user typed. */
  query = $state('');
  /** Events matching the query, whole words (column indices, ascending), whatever the filter; undefined: no query. */
  matches = $state.raw<Uint32Array | undefined>(undefined);
  /** What else the search found: see SearchAlso (unfiltered). */
  found = $state.raw<(Omit<SearchResult, 'exact'> & { readonly query: string }) | undefined>(undefined);
  searching = $state(false);
  searchError = $state<string | undefined>(undefined);
  /** Show only the search matches on the timeline and in the table. */
  onlyMatches = $state(false);
  /** An area the events must have a place in (set by a map), if any. */
  area = $state.raw<AreaBox | undefined>(undefined);
  /** Told after every change of what is shown (the viewer drops a selection filtered out). */
  onchange: (() => void) | undefined;
  #client: SearchClient | undefined;
  #count = 0;
  #payload = $state.raw<DatasetPayload | undefined>(undefined);
  #indexed = false;

  /**
   * A new dataset: everything starts afresh. Up to EAGER_EVENTS events the filter engine and the
   * search index are built straight away (past EAGER_TASK_EVENTS, once the page is idle: after
   * the timeline has drawn the data, unless something needs them sooner); beyond that (a million
   * events take a few hundred ms) they are built when first used, so opening a huge file never
   * blocks the page for that long.
   */
  setDataset(payload: DatasetPayload): void {
    this.#payload = payload;
    this.#count = payload.columns.count;
    this.engine = undefined;
    this.filter = {};
    this.query = '';
    this.matches = undefined;
    this.found = undefined;
    this.onlyMatches = false;
    this.area = undefined;
    this.searchError = undefined;
    this.#indexed = false;
    if (this.#count > EAGER_EVENTS) return;
    const build = () => {
      if (this.#payload !== payload) return;
      this.ensureEngine();
      this.#ensureIndex();
    };
    if (this.#count < EAGER_TASK_EVENTS) build();
    else if (typeof requestIdleCallback === 'function') requestIdleCallback(build, { timeout: 1000 });
    else setTimeout(build, 100);
  }

  /** The filter engine, built now if it was put off. */
  ensureEngine(): FilterEngine | undefined {
    if (!this.engine && this.#payload) this.engine = new FilterEngine(this.#payload.columns, this.#payload.header);
    return this.engine;
  }

  #ensureIndex(): void {
    if (this.#indexed || !this.#payload) return;
    this.#client ??= new SearchClient();
    this.#client.index(this.#payload.columns, this.#payload.header);
    this.#indexed = true;
  }

  readonly #areaMask: Uint8Array | undefined = $derived(this.area && this.#payload ? areaMask(this.#payload.columns, this.#payload.header.places, this.area) : undefined);

  /** The events the view is limited to besides the facets: the search matches (if only those), and the area. */
  readonly #within: Uint32Array | Uint8Array | undefined = $derived.by(() => {
    const matches = this.onlyMatches && this.matches ? this.matches : undefined;
    const area = this.#areaMask;
    if (!area) return matches;
    if (!matches) return area;
    const both = new Uint8Array(area.length);
    for (const i of matches) both[i] = area[i]!;
    return both;
  });

  readonly active: boolean = $derived(!isEmptyFilter(this.filter) || this.#within !== undefined);

  /** Which events pass (undefined: all of them). */
  readonly mask: Uint8Array | undefined = $derived(this.engine && this.active ? this.engine.mask(this.filter, this.#within) : undefined);

  /** The timeline's test on column indices (undefined: show everything). */
  readonly include: ((i: number) => boolean) | undefined = $derived.by(() => {
    const mask = this.mask;
    return mask ? (i: number) => mask[i] === 1 : undefined;
  });

  /** Column indices of the events shown, in start order. */
  readonly shown: Uint32Array = $derived.by(() => {
    if (this.mask) return maskIndices(this.mask);
    const all = new Uint32Array(this.engine?.count ?? 0);
    for (let i = 0; i < all.length; i++) all[i] = i;
    return all;
  });

  readonly counts: FacetCounts | undefined = $derived(this.engine?.counts(this.filter, this.#within));

  /** Facets with something ticked (the date range counts as one). */
  readonly activeFacets: number = $derived(
    Object.entries(normalizeFilter(this.filter)).filter(([k]) => k !== 'from' && k !== 'to').length + (this.filter.from !== undefined || this.filter.to !== undefined ? 1 : 0) + (this.area ? 1 : 0)
  );

  /** The filter's mask for search results (undefined: no filter). */
  readonly #filterMask: Uint8Array | undefined = $derived(this.engine && !isEmptyFilter(this.filter) ? this.engine.mask(this.filter) : undefined);

  /** Search matches the filter lets through, in start order. */
  readonly results: Uint32Array | undefined = $derived.by(() => {
    const matches = this.matches;
    const mask = this.#filterMask;
    if (!matches || !mask) return matches;
    return matches.filter((i) => mask[i] === 1);
  });

  readonly also: SearchAlso = $derived.by(() => {
    const found = this.found;
    const mask = this.#filterMask;
    const completed = found && mask ? found.prefix.filter((i) => mask[i] === 1) : found?.prefix;
    return { query: found?.query, completed, completions: found?.completions ?? [], expansions: found?.expansions ?? [] };
  });

  toggle(facet: FacetId, key: string): void {
    this.ensureEngine();
    this.filter = toggleValue(this.filter, facet, key);
    this.onchange?.();
  }

  setFacet(facet: FacetId, keys: readonly string[]): void {
    this.ensureEngine();
    this.filter = normalizeFilter({ ...this.filter, [facet]: keys });
    this.onchange?.();
  }

  setRange(from: number | undefined, to: number | undefined): void {
    this.ensureEngine();
    this.filter = withRange(this.filter, from, to);
    this.onchange?.();
  }

  /** Limit the view to events with a place inside `box` (undefined: anywhere). */
  setArea(box: AreaBox | undefined): void {
    this.ensureEngine();
    this.area = box;
    this.onchange?.();
  }

  /** Show only the search matches, or every event the filters show. */
  setOnlyMatches(only: boolean): void {
    this.onlyMatches = only;
    this.onchange?.();
  }

  clear(): void {
    this.filter = {};
    this.onlyMatches = false;
    this.area = undefined;
    this.onchange?.();
  }

  /** Run a search (debounced by the caller); an empty query clears it. */
  async search(query: string): Promise<void> {
    this.query = query;
    if (query.trim() === '' || !this.#client) {
      this.matches = undefined;
      this.found = undefined;
      this.onlyMatches = false;
      this.searching = false;
      return;
    }
    this.searching = true;
    this.#ensureIndex();
    this.ensureEngine();
    try {
      const found = await this.#client.search(query);
      if (found === undefined || this.query !== query) return;
      const { exact, ...rest } = found;
      this.matches = exact;
      this.found = { ...rest, query };
      this.searchError = undefined;
      if (this.onlyMatches) this.onchange?.();
    } catch (err) {
      this.searchError = err instanceof Error ? err.message : String(err);
    } finally {
      if (this.query === query) this.searching = false;
    }
  }

  /**
   * Why the events listed match the current query: `exact` among the whole-word results,
   * `completed` among those found by completing the last word. Undefined when overtaken.
   */
  async explain(exact: readonly number[], completed: readonly number[]): Promise<Explanations | undefined> {
    const query = this.query;
    if (!this.#client || query.trim() === '') return undefined;
    const answer = await this.#client.explain(query, exact, completed);
    return this.query === query ? answer : undefined;
  }

  /** Events in the dataset (for "N of M"). */
  get total(): number {
    return this.#count;
  }

  dispose(): void {
    this.#client?.dispose();
  }
}
