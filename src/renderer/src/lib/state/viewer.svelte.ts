// The viewer's one state: the dataset on show, the visible window, the selection and hover, the
// filters and search (finder), the lanes, the panels, the presentation and the theme, with the
// notices. Every view reads it and changes it only through its methods (intents); none keeps a
// copy. Values computed from it ($derived) are never stored twice.
//
// How a view plugs in (the timeline, legend, status bar, table and presentation do; a map would):
// a component calls getViewer() (lib/state/context.ts) and
//  - reads `window` (the visible time window), `include` (the filter's test on column indices),
//    `selectedIndex`, `hovered`, `cursor` (a time the user points at), `payload` (the columns);
//  - calls `select(i)`, `hover(i)`, `setCursor(t)`, `finder.setFacet(…)` / `finder.setArea(…)`
//    (filters), `showWindow(…)`, and answers `request` (ViewRequest: zoom, pan, fit, reveal,
//    present) if it shows time;
//  - never talks to another view: the timeline reaches the map because both read `selectedIndex`.
// Adding a view adds a component and changes no other view.
import { EVENT_TYPES, type EventType } from '../../../../shared/dataset/eventTypes';
import { eventView, stringAt, type EventView } from '../../../../shared/dataset/columns';
import type { Problem } from '../../../../shared/dataset/problems';
import type { Actor, Place, Source, Story, TimelineEvent } from '../../../../shared/dataset/schema';
import type { DatasetPayload, SaveFormat } from '../../../../shared/ipc/contract';
import { laneModesFor, type LaneMode } from '../../../../shared/timeline/laneAssignment';
import { getApi } from '../api';
import type { ExportContext } from '../export/exportOptions';
import { MapLayoutState } from '../map/mapLayout.svelte';
import { MapOverlays } from '../map/overlays.svelte';
import type { ViewRequest, ViewRequestKind } from '../view/viewRequest';
import { covers, zoomAnchor, type TimeRange } from '../view/windowMath';
import { FinderState } from './finder.svelte';
import { LinksState } from './links.svelte';
import { countStarting, shownPrefix } from './inView';
import { Notices } from './notices.svelte';
import { OpeningState } from './opening.svelte';
import { PresentingState } from './presenting.svelte';
import { ControlState } from './control.svelte';
import { ControlLayerState } from './controlLayer.svelte';
import { TimeCursorState } from './timeCursor.svelte';
import { controlHost, cursorHost, layerHost } from './timeHooks';

export type Panel = 'filters' | 'table' | 'stories' | 'export' | 'page' | 'shortcuts';

/** Where the focus goes when an event is selected: its details, or nowhere (a list keeps it). */
export type SelectFocus = 'details' | 'stay';

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class ViewerState {
  readonly notices = new Notices();
  /** Filters and search over the dataset on show. */
  readonly finder = new FinderState();
  readonly opening = new OpeningState(this.notices, (payload) => this.#reset(payload));
  readonly presenting = new PresentingState(this);
  /** Links between events: which the timeline draws (the selected event's, or all: Shift+L). */
  readonly links = new LinksState(this);
  /** Where the map view sits (beside or below the timeline), its size, and whether it is open (M). */
  readonly mapLayout = new MapLayoutState();
  /** Layers drawn on the map under the events (control at a date, control layers…): see lib/map/overlays.svelte.ts. */
  readonly mapOverlays = new MapOverlays();
  /** The time cursor (set, step, play), control at its date, and the control layer: for the map (see their modules). */
  readonly timeCursor = new TimeCursorState(cursorHost(this));
  readonly control = new ControlState(controlHost(this));
  readonly layer = new ControlLayerState(layerHost(this));

  laneMode = $state<LaneMode>('theatre');
  /** Column index of the selected event. */
  selectedIndex = $state<number | undefined>(undefined);
  /** Everything about the selected event, fetched from main. */
  selectedEvent = $state.raw<TimelineEvent | undefined>(undefined);
  /** Why the selected event's details could not be fetched, if they could not. */
  selectedError = $state.raw<string | undefined>(undefined);
  /** Whether the detail panel takes the focus when it opens (not while moving through a list). */
  detailFocus = $state(true);
  /** The event under the pointer (or the keyboard focus) in any view. */
  hovered = $state<number | undefined>(undefined);
  /** A time the user points at (the timeline under the pointer), for views that follow time. */
  cursor = $state<number | undefined>(undefined);
  /** The visible time window, as the timeline last drew it. */
  window = $state.raw<TimeRange | undefined>(undefined);
  /** The timeline's size on screen, in CSS px (what "the current view" is exported at). */
  timelineSize = $state.raw<{ readonly width: number; readonly height: number } | undefined>(undefined);
  /** The latest request to the views that show time. */
  request = $state.raw<ViewRequest | undefined>(undefined);
  /** A dataset delivered but not yet drawn: the view stays covered meanwhile (no old axis under a new legend). */
  drawing = $state(false);
  panels = $state<Record<Panel, boolean>>({ filters: false, table: false, stories: false, export: false, page: false, shortcuts: false });
  /** The table should take the focus to its current row (T from the keyboard); it clears this when it has. */
  tableFocus = $state(false);
  /** Bumped when the search box should take the focus (/ or Ctrl+F). */
  focusSearch = $state(0);
  storiesSaving = $state(false);
  #seq = 0;

  constructor() {
    this.finder.onchange = () => this.#filterChanged();
  }

  // ---------------------------------------------------------------------------------------------
  // Derived

  get payload(): DatasetPayload | undefined {
    return this.opening.payload;
  }

  readonly eventCount: number = $derived(this.opening.payload?.columns.count ?? 0);
  /** The filter the views apply (undefined: everything), as a test on column indices. */
  readonly include: ((i: number) => boolean) | undefined = $derived(this.finder.include);
  /** Column index of each event id (stories name events by id). */
  readonly indexOfId: ReadonlyMap<string, number> = $derived.by(() => {
    const cols = this.payload?.columns;
    const map = new Map<string, number>();
    if (cols) for (let i = 0; i < cols.count; i++) map.set(stringAt(cols.ids, i), i);
    return map;
  });
  readonly laneModes: readonly LaneMode[] = $derived(this.payload ? laneModesFor(this.payload.header, this.payload.columns) : ['theatre', 'type']);
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
    const out: EventView[] = [];
    if (!p) return out;
    // Plain locals in the loop (a million events: no reactive read per event).
    const far = farContext(p);
    for (let i = 0; i < p.columns.count && out.length < 50; i++) if (far(i)) out.push(eventView(p.columns, i));
    return out;
  });
  /** Shown events before each column index (see inView.ts): follows the filter, never the window. */
  readonly #prefix: Uint32Array | undefined = $derived(this.payload ? shownPrefix(this.eventCount, this.payload.columns.flags, this.include) : undefined);
  /** Events the filters show that start in the visible window: always the window and filter of now. */
  readonly inView: number = $derived(this.payload && this.window ? countStarting(this.payload.columns.start, this.#prefix, this.window.start, this.window.end) : 0);
  /** Whether the visible window holds the dataset's whole range (then "show whole range" has nothing to add). */
  readonly wholeRangeShown: boolean = $derived.by(() => {
    const range = this.payload?.header.fullRange;
    return !range || (this.window !== undefined && covers(this.window, range));
  });
  /** What "the current view" is, for exports: the window, lanes, filtered events, and the timeline's size on screen. */
  readonly exportContext: ExportContext = $derived({
    window: this.window,
    laneMode: this.laneMode,
    indices: this.finder.active ? this.finder.shown : null,
    screen: this.timelineSize,
    selected: this.selectedIndex,
    allLinks: this.links.showAll
  });

  /** A test for context events far outside the story (the 1916 agreement in a 2014–2017 story). */
  readonly isFarContext: (i: number) => boolean = $derived(this.payload ? farContext(this.payload) : () => false);

  // ---------------------------------------------------------------------------------------------
  // Datasets

  /** A newly opened dataset: filters, selection, search and presentation start afresh. */
  #reset(payload: DatasetPayload): void {
    this.finder.setDataset(payload);
    this.selectedIndex = undefined;
    this.selectedEvent = undefined;
    this.selectedError = undefined;
    this.hovered = undefined;
    this.presenting.stop();
    this.timeCursor.reset();
    // A lane mode the new dataset cannot offer (no actors, no regions…) falls back to theatres.
    if (!laneModesFor(payload.header, payload.columns).includes(this.laneMode)) this.laneMode = 'theatre';
    this.drawing = true;
  }

  /** The timeline has drawn this dataset for the first time. */
  drawn(payload: DatasetPayload): void {
    if (payload === this.payload) this.drawing = false;
  }

  async save(format: SaveFormat): Promise<void> {
    await this.opening.save(format, this.finder.active ? this.finder.shown : null);
  }

  async saveStories(stories: Story[]): Promise<void> {
    this.storiesSaving = true;
    const before = this.payload;
    try {
      await this.opening.open(() => getApi().saveStories(stories));
    } finally {
      this.storiesSaving = false;
    }
    // Saved and opened again (not cancelled, not refused): say where.
    const after = this.payload;
    if (!after || after === before) return;
    const n = after.header.stories.length;
    this.notices.show(`Saved ${n} ${n === 1 ? 'story' : 'stories'} in ${after.file.displayName}.`);
  }

  // ---------------------------------------------------------------------------------------------
  // Selection and hover

  /**
   * Select an event by column index (or clear), fetch its details, and optionally bring it into
   * view. `focus: 'stay'` keeps the focus where it is (a list the user is moving through).
   */
  select(index: number | undefined, options: { reveal?: boolean; focus?: SelectFocus } = {}): void {
    this.detailFocus = (options.focus ?? 'details') === 'details';
    void this.#fetch(index);
    if (index !== undefined && options.reveal) this.#ask({ kind: 'reveal', index });
  }

  async #fetch(index: number | undefined): Promise<void> {
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

  closeDetails(): void {
    this.select(undefined);
  }

  /** Select the event before or after the selection, in time order, among those the filter shows. */
  step(direction: 1 | -1): void {
    const n = this.eventCount;
    if (n === 0) return;
    const include = this.include ?? (() => true);
    const current = this.selectedIndex;
    let i = current === undefined ? (direction === 1 ? 0 : n - 1) : current + direction;
    while (i >= 0 && i < n && !include(i)) i += direction;
    this.select(i < 0 || i >= n ? current : i, { reveal: true });
  }

  /** Select the first or last event the filter shows. */
  jumpTo(which: 'first' | 'last'): void {
    const n = this.eventCount;
    const include = this.include ?? (() => true);
    const direction = which === 'first' ? 1 : -1;
    for (let i = which === 'first' ? 0 : n - 1; i >= 0 && i < n; i += direction) {
      if (include(i)) return this.select(i, { reveal: true });
    }
  }

  hover(index: number | undefined): void {
    if (this.hovered !== index) this.hovered = index;
  }

  setCursor(time: number | undefined): void {
    this.cursor = time;
  }

  #filterChanged(): void {
    const selected = this.selectedIndex;
    const include = this.include;
    if (selected !== undefined && include && !include(selected)) this.closeDetails();
  }

  // ---------------------------------------------------------------------------------------------
  // The window (answered by the views that show time: see viewRequest.ts)

  #ask(request: ViewRequestKind, animate = !prefersReducedMotion()): void {
    this.request = { ...request, seq: ++this.#seq, animate };
  }

  /** Keyboard and button zoom keep the selected event in place when it is in view. */
  zoom(direction: 'in' | 'out'): void {
    const w = this.window;
    const around = w ? zoomAnchor(w, this.selectedView) : undefined;
    this.#ask({ kind: 'zoom', factor: direction === 'in' ? 0.5 : 2, ...(around !== undefined ? { around } : {}) });
  }

  pan(fraction: number): void {
    this.#ask({ kind: 'pan', fraction });
  }

  /** Frame where the events are (the default view), or show the whole range. */
  fit(which: 'frame' | 'all' = 'frame'): void {
    this.#ask({ kind: 'fit', which });
  }

  /** Show a window (`animate`: glide there; default unless the user prefers reduced motion). */
  showWindow(window: TimeRange, animate?: boolean): void {
    this.#ask({ kind: 'window', window }, animate);
  }

  /** The timeline moved (the user, an animation, a resize): what it shows now. */
  reportWindow(window: TimeRange): void {
    const w = this.window;
    if (!w || w.start !== window.start || w.end !== window.end) this.window = window;
  }

  reportSize(size: { width: number; height: number }): void {
    const s = this.timelineSize;
    if (!s || s.width !== size.width || s.height !== size.height) this.timelineSize = size;
  }

  // ---------------------------------------------------------------------------------------------
  // Lanes, types, panels

  setLanes(mode: LaneMode): void {
    if (!this.laneModes.includes(mode)) {
      this.notices.show('This dataset has nothing to make those lanes from.');
      return;
    }
    this.laneMode = mode;
  }

  cycleLanes(): void {
    const at = this.laneModes.indexOf(this.laneMode);
    this.setLanes(this.laneModes[(at + 1) % this.laneModes.length]!);
  }

  /**
   * The legend's switch: hide or show one type (through the type filter). The last type shown
   * cannot be hidden: the answer would be an empty timeline and no way to tell why.
   */
  toggleType(type: EventType): void {
    performance.mark('frontline:filter-start');
    const engine = this.finder.ensureEngine();
    if (!engine) return;
    const present = engine.facets.type.values.map((v) => v.key);
    const shown = new Set(this.finder.filter.type && this.finder.filter.type.length > 0 ? this.finder.filter.type : present);
    if (shown.has(type)) {
      if (shown.size === 1) {
        this.notices.show('At least one type stays shown. Use Filters to narrow further.');
        return;
      }
      shown.delete(type);
    } else shown.add(type);
    this.finder.setFacet('type', shown.size === present.length ? [] : [...shown]);
  }

  /** Open or close a panel (toggle when `open` is not given). */
  toggle(panel: Panel, open = !this.panels[panel]): void {
    if (open && panel === 'filters') this.finder.ensureEngine();
    if (open && (panel === 'export' || panel === 'page' || panel === 'filters' || panel === 'stories' || panel === 'table') && this.presenting.active) return;
    this.panels[panel] = open;
  }

  /** Open the table and put the focus on its current row (T from the keyboard). */
  toggleTableWithFocus(): void {
    const open = !this.panels.table;
    this.toggle('table', open);
    this.tableFocus = open;
  }

  // ---------------------------------------------------------------------------------------------
  // Presenting (the presentation's own state is in presenting.svelte.ts)

  enterPresentation(): void {
    this.panels.filters = false;
    this.notices.dismiss();
    (document.activeElement as HTMLElement | null)?.blur?.();
  }

  leavePresentation(): void {
    const index = this.selectedIndex;
    if (index !== undefined) this.#ask({ kind: 'reveal', index });
  }

  showPresentationStep(index: number, window: TimeRange | undefined): void {
    this.detailFocus = false;
    void this.#fetch(index);
    this.#ask({ kind: 'present', index, window });
  }
}

const CONTEXT_CODE = EVENT_TYPES.indexOf('context');

/** Whether event i is a context event far outside the story (the 1916 agreement in a 2014–2017 story). */
function farContext(p: DatasetPayload): (i: number) => boolean {
  const story = p.header.storyRange;
  const { type, start, end } = p.columns;
  if (!story) return () => false;
  return (i) => type[i] === CONTEXT_CODE && (end[i]! <= story.start || start[i]! >= story.end);
}
