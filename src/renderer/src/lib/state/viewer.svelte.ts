// What the viewer shows: the loaded dataset (replaced whole, never mutated, so held raw: big data
// never goes through Svelte's deep reactivity), the lane mode, the selection and the window.
import { EVENT_TYPES, type EventType } from '../../../../shared/dataset/eventTypes';
import { eventView, type EventView } from '../../../../shared/dataset/columns';
import type { Problem } from '../../../../shared/dataset/problems';
import type { Actor, Place, Source, TimelineEvent } from '../../../../shared/dataset/schema';
import type { AppError, DatasetPayload, LoadProgress, NeedsMapping, NeedsReview, OpenOutcome, RecentFile, Result, SaveFormat } from '../../../../shared/ipc/contract';
import { FORMAT_LABEL } from '../../../../shared/import/types';
import { getApi } from '../api';
import { FinderState } from './finder.svelte';
import type { LaneMode, TimeRange } from '../timeline/TimelineController';

export class ViewerState {
  payload = $state.raw<DatasetPayload | undefined>(undefined);
  loadError = $state.raw<AppError | undefined>(undefined);
  loading = $state(true);
  progress = $state.raw<LoadProgress | undefined>(undefined);
  laneMode = $state<LaneMode>('theatre');
  /** Column index of the selected event. */
  selectedIndex = $state<number | undefined>(undefined);
  /** Everything about the selected event, fetched from main. */
  selectedEvent = $state.raw<TimelineEvent | undefined>(undefined);
  /** Why the selected event's details could not be fetched, if they could not. */
  selectedError = $state.raw<string | undefined>(undefined);
  window = $state.raw<TimeRange | undefined>(undefined);
  showShortcuts = $state(false);
  /** Filters and search over the dataset on show. */
  readonly finder = new FinderState();
  /** A file that could not be opened (the previous dataset stays). */
  openError = $state.raw<AppError | undefined>(undefined);
  /** A file with rows that could not be used: open the rest, or keep what was open. */
  review = $state.raw<NeedsReview | undefined>(undefined);
  /** A generic table whose columns the user confirms. */
  mapping = $state.raw<NeedsMapping | undefined>(undefined);
  recent = $state.raw<readonly RecentFile[]>([]);
  /** A short message in the corner ("Opened …", "Saved …"). */
  notice = $state<string | undefined>(undefined);

  readonly eventCount: number = $derived(this.payload?.columns.count ?? 0);
  /** Events of each type that pass the filters other than the type filter (the legend's counts). */
  readonly typeCounts: Partial<Record<EventType, number>> = $derived.by(() => {
    const counts: Partial<Record<EventType, number>> = {};
    const engine = this.finder.engine;
    const facetCounts = this.finder.counts;
    if (!engine || !facetCounts) {
      // No engine yet (a huge dataset, before any filter): the types in the whole dataset.
      const cols = this.payload?.columns;
      if (!cols) return counts;
      const byCode = new Uint32Array(EVENT_TYPES.length);
      for (let i = 0; i < cols.count; i++) byCode[cols.type[i]!]!++;
      EVENT_TYPES.forEach((t, k) => {
        if (byCode[k]! > 0) counts[t] = byCode[k];
      });
      return counts;
    }
    engine.facets.type.values.forEach((v, k) => (counts[v.key as EventType] = facetCounts.counts.type[k]!));
    return counts;
  });
  /** Types present in the dataset but left out by the type filter. */
  readonly hiddenTypes: ReadonlySet<EventType> = $derived.by(() => {
    const engine = this.finder.engine;
    const ticked = this.finder.filter.type;
    if (!engine || !ticked || ticked.length === 0) return new Set<EventType>();
    return new Set(engine.facets.type.values.map((v) => v.key as EventType).filter((t) => !ticked.includes(t)));
  });
  readonly selectedView: EventView | undefined = $derived(
    this.payload && this.selectedIndex !== undefined && this.selectedIndex < this.payload.columns.count ? eventView(this.payload.columns, this.selectedIndex) : undefined
  );
  readonly places: ReadonlyMap<string, Place> = $derived(new Map((this.payload?.header.places ?? []).map((p) => [p.id, p])));
  readonly actors: ReadonlyMap<string, Actor> = $derived(new Map((this.payload?.header.actors ?? []).map((a) => [a.id, a])));
  readonly sources: ReadonlyMap<string, Source> = $derived(new Map((this.payload?.header.sources ?? []).map((s) => [s.id, s])));
  readonly warnings: readonly Problem[] = $derived(this.payload?.warnings ?? []);
  /** Historical-context events outside the story's range (e.g. 1916 in a 2014–2017 story). */
  readonly offStory: readonly EventView[] = $derived.by(() => {
    const p = this.payload;
    const story = p?.header.storyRange;
    if (!p || !story) return [];
    const contextCode = EVENT_TYPES.indexOf('context');
    const out: EventView[] = [];
    for (let i = 0; i < p.columns.count && out.length < 50; i++) {
      if (p.columns.type[i] !== contextCode) continue;
      if (p.columns.end[i]! <= story.start || p.columns.start[i]! >= story.end) out.push(eventView(p.columns, i));
    }
    return out;
  });

  /** Listen for load progress for as long as the window lives; returns the unsubscribe. */
  listen(): () => void {
    return getApi().onLoadProgress((p) => {
      if (this.loading) this.progress = p;
    });
  }

  /** The dataset main holds at start (the bundled one), then whatever main opened by itself. */
  async load(): Promise<void> {
    this.loading = true;
    const api = getApi();
    try {
      const result = await api.getDataset();
      if (result.ok) {
        await this.#show(result.value);
      } else {
        this.loadError = result.error;
      }
    } catch (err) {
      this.loadError = { code: 'internal', message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.loading = false;
      this.progress = undefined;
    }
    void this.refreshRecent();
    await this.open(() => api.takeMainOpen());
  }

  /** Replace what is shown with a newly opened dataset: filters, selection and search start afresh. */
  async #show(payload: DatasetPayload): Promise<void> {
    // Marks for the benchmark: from here to the first painted frame of the timeline.
    performance.mark('frontline:dataset-received');
    // Indexing starts in a task of its own, after the one that delivered the data.
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.finder.setDataset(payload);
    this.payload = payload;
    this.loadError = undefined;
    this.selectedIndex = undefined;
    this.selectedEvent = undefined;
    this.selectedError = undefined;
  }

  /**
   * Open a file through one of the API's open calls (dialog, drop, recent, reload, mapping,
   * review) and act on what came of it. Nothing shown changes unless a dataset was opened.
   */
  async open(call: () => Promise<Result<OpenOutcome>>): Promise<void> {
    if (this.loading) return;
    try {
      await this.#open(call);
    } finally {
      // Main opened a file by itself (a second instance, the OS) while this was running.
      if (this.#mainOpenWaiting) {
        this.#mainOpenWaiting = false;
        void this.open(() => getApi().takeMainOpen());
      }
    }
  }

  #mainOpenWaiting = false;

  /** Main has opened a file by itself: fetch the outcome now, or as soon as the running open ends. */
  openFromMain(): void {
    if (this.loading) this.#mainOpenWaiting = true;
    else void this.open(() => getApi().takeMainOpen());
  }

  async #open(call: () => Promise<Result<OpenOutcome>>): Promise<void> {
    this.loading = true;
    this.progress = undefined;
    let result: Result<OpenOutcome>;
    try {
      result = await call();
    } catch (err) {
      result = { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
    } finally {
      this.loading = false;
      this.progress = undefined;
    }
    this.review = undefined;
    this.mapping = undefined;
    // An IPC error (a refused call) is shown as an open that failed.
    const outcome: OpenOutcome = result.ok ? result.value : { kind: 'failed', error: result.error };
    switch (outcome.kind) {
      case 'opened': {
        await this.#show(outcome.dataset);
        const file = outcome.dataset.file;
        const skipped = outcome.dataset.warnings.length;
        this.notice = `Opened ${file.displayName} (${FORMAT_LABEL[file.format]}): ${outcome.dataset.columns.count.toLocaleString('en-GB')} events${skipped > 0 ? `, ${skipped} warning${skipped === 1 ? '' : 's'}` : ''}${file.fromCache ? ', from the cache (unchanged since last opened)' : ''}.`;
        void this.refreshRecent();
        return;
      }
      case 'needs-review':
        this.review = outcome;
        return;
      case 'needs-mapping':
        this.mapping = outcome;
        return;
      case 'failed':
        this.openError = outcome.error;
        return;
      case 'cancelled':
        this.notice = outcome.message;
        return;
      case 'dismissed':
        return;
    }
  }

  async refreshRecent(): Promise<void> {
    const result = await getApi().getRecentFiles();
    if (result.ok) this.recent = result.value;
  }

  /** Save the events at these column indices (all: null) as a native file or CSV. */
  async save(format: SaveFormat, indices: Uint32Array | null): Promise<void> {
    let result;
    try {
      result = await getApi().saveAs(format, indices);
    } catch (err) {
      this.notice = `Could not save: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    if (!result.ok) {
      this.notice = result.error.message;
      return;
    }
    if ('dismissed' in result.value) return;
    const { path, events } = result.value;
    this.notice = `Saved ${events.toLocaleString('en-GB')} event${events === 1 ? '' : 's'} to ${path}.`;
  }

  /** File > Clear Cache: empty main's cache of opened files, and say what went. */
  async clearCache(): Promise<void> {
    let result;
    try {
      result = await getApi().clearCache();
    } catch (err) {
      this.notice = `Could not clear the cache: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    if (!result.ok) {
      this.notice = result.error.message;
      return;
    }
    const { entries, bytes } = result.value;
    this.notice =
      entries === 0
        ? 'The cache of opened files was already empty.'
        : `Cleared the cache of opened files: ${entries.toLocaleString('en-GB')} file${entries === 1 ? '' : 's'}, ${(bytes / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB. Files open from disk again next time.`;
  }

  async cancelLoad(): Promise<void> {
    await getApi().cancelLoad();
  }

  /**
   * The legend's switch: hide or show one type (through the type filter). The last type shown
   * cannot be hidden: the answer would be an empty timeline and no way to tell why.
   */
  toggleType(type: EventType): boolean {
    const engine = this.finder.ensureEngine();
    if (!engine) return false;
    const present = engine.facets.type.values.map((v) => v.key);
    const shown = new Set(this.finder.filter.type && this.finder.filter.type.length > 0 ? this.finder.filter.type : present);
    if (shown.has(type)) {
      if (shown.size === 1) return false;
      shown.delete(type);
    } else shown.add(type);
    this.finder.setFacet('type', shown.size === present.length ? [] : [...shown]);
    return true;
  }

  /** The filter the timeline applies (undefined: everything), as a test on column indices. */
  get include(): ((i: number) => boolean) | undefined {
    return this.finder.include;
  }

  /** Select an event by column index and fetch its details. */
  async select(index: number | undefined): Promise<void> {
    this.selectedIndex = index;
    this.selectedEvent = undefined;
    this.selectedError = undefined;
    const cols = this.payload?.columns;
    if (index === undefined || !cols) return;
    const result = await getApi().getEvent(cols.sourceIndex[index]!);
    if (this.selectedIndex !== index) return;
    if (result.ok) this.selectedEvent = result.value;
    else this.selectedError = result.error.message;
  }

  /** The event before or after the selection, in time order, among those the filter shows. */
  neighbour(direction: 1 | -1): number | undefined {
    const n = this.eventCount;
    if (n === 0) return undefined;
    const include = this.include ?? (() => true);
    const current = this.selectedIndex;
    let i = current === undefined ? (direction === 1 ? 0 : n - 1) : current + direction;
    while (i >= 0 && i < n && !include(i)) i += direction;
    if (i < 0 || i >= n) return current;
    return i;
  }

  /** The first or last event the filter shows. */
  edge(which: 'first' | 'last'): number | undefined {
    const n = this.eventCount;
    const include = this.include ?? (() => true);
    const direction = which === 'first' ? 1 : -1;
    for (let i = which === 'first' ? 0 : n - 1; i >= 0 && i < n; i += direction) if (include(i)) return i;
    return undefined;
  }
}
