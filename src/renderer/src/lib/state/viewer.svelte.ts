// What the viewer shows: the loaded dataset (replaced whole, never mutated, so held raw: big data
// never goes through Svelte's deep reactivity), the lane mode, the selection and the window.
import { EVENT_TYPES, type EventType } from '../../../../shared/dataset/eventTypes';
import { eventView, type EventView } from '../../../../shared/dataset/columns';
import type { Problem } from '../../../../shared/dataset/problems';
import type { Actor, Place, Source, TimelineEvent } from '../../../../shared/dataset/schema';
import type { AppError, DatasetPayload, LoadProgress } from '../../../../shared/ipc/contract';
import { getApi } from '../api';
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
  window = $state.raw<TimeRange | undefined>(undefined);
  showShortcuts = $state(false);
  /** Event types switched off in the legend. */
  hiddenTypes = $state.raw<ReadonlySet<EventType>>(new Set());

  readonly eventCount: number = $derived(this.payload?.columns.count ?? 0);
  readonly typeCounts: Partial<Record<EventType, number>> = $derived.by(() => {
    const cols = this.payload?.columns;
    const counts: Partial<Record<EventType, number>> = {};
    if (!cols) return counts;
    const byCode = new Uint32Array(EVENT_TYPES.length);
    for (let i = 0; i < cols.count; i++) byCode[cols.type[i]!]!++;
    EVENT_TYPES.forEach((t, k) => {
      if (byCode[k]! > 0) counts[t] = byCode[k];
    });
    return counts;
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

  async load(): Promise<void> {
    this.loading = true;
    const api = getApi();
    const stop = api.onLoadProgress((p) => (this.progress = p));
    try {
      const result = await api.getDataset();
      if (result.ok) {
        // Marks for the benchmark: from here to the first painted frame of the timeline.
        performance.mark('frontline:dataset-received');
        // Indexing starts in a task of its own, after the one that delivered the data.
        await new Promise((resolve) => setTimeout(resolve, 0));
        this.hiddenTypes = new Set();
        this.payload = result.value;
        this.loadError = undefined;
        this.selectedIndex = undefined;
        this.selectedEvent = undefined;
      } else {
        this.loadError = result.error;
      }
    } catch (err) {
      this.loadError = { code: 'internal', message: err instanceof Error ? err.message : String(err) };
    } finally {
      stop();
      this.loading = false;
      this.progress = undefined;
    }
  }

  async cancelLoad(): Promise<void> {
    await getApi().cancelLoad();
  }

  toggleType(type: EventType): void {
    const next = new Set(this.hiddenTypes);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    this.hiddenTypes = next;
  }

  /** The filter the timeline applies (undefined: everything), as a test on column indices. */
  readonly include: ((i: number) => boolean) | undefined = $derived.by(() => {
    const cols = this.payload?.columns;
    if (!cols || this.hiddenTypes.size === 0) return undefined;
    const hidden = new Uint8Array(EVENT_TYPES.length);
    EVENT_TYPES.forEach((t, k) => (hidden[k] = this.hiddenTypes.has(t) ? 1 : 0));
    const types = cols.type;
    return (i: number) => hidden[types[i]!] === 0;
  });

  /** Select an event by column index and fetch its details. */
  async select(index: number | undefined): Promise<void> {
    this.selectedIndex = index;
    this.selectedEvent = undefined;
    const cols = this.payload?.columns;
    if (index === undefined || !cols) return;
    const result = await getApi().getEvent(cols.sourceIndex[index]!);
    if (this.selectedIndex === index && result.ok) this.selectedEvent = result.value;
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
