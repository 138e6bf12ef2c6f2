// The adapter around vis-timeline: the only module that talks to it. vis-timeline draws the axis,
// the lanes and the items it is given, and handles dragging; we decide what it is given.
//
// Scale: vis-timeline slows to a crawl beyond a few thousand items, so it only ever holds what is
// drawable: the events of the visible window plus one window either side ("fed" window), taken from
// the EventIndex in O(log n + k). A lane with too many events there shows a density display
// instead (a canvas in a background item), counts per calendar bin, redrawn when the zoom settles;
// events dated only to a window of possible dates are spread over it there (density.ts), drawn
// paler on top of each bar, and counted apart in the tooltip and the lane label.
//
// Every event is a vis 'range' covering exactly what we draw (its bar and its label, see
// itemLayout), so vis stacks items by their real extent and knows whether one is in view before
// it has ever been drawn (a 'box' only knows its width once rendered, so a box starting left of
// the window never appears).
import moment from 'moment';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { eventView, FLAG_ERA, stringAt, type DatasetHeader, type EventColumns, type EventView, type LaneInfo } from '../../../../shared/dataset/columns';
import { EVENT_TYPE_STYLES } from '../../../../shared/dataset/eventTypes';
import { assignLanes, type LaneMode } from '../../../../shared/timeline/laneAssignment';
import { binEdges, binUnitFor, describeBin, describeUncertainty, formatCount, laneDensity, shownCounts, type BinUnit, type LaneDensity } from '../../../../shared/timeline/density';
import { EventIndex, lowerBound } from '../../../../shared/timeline/eventIndex';
import { buildItemElement, buildLabel } from './itemElement';
import { fitWindow, layoutItem, type ItemLayout } from './itemLayout';

export type { LaneMode };

export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

/**
 * vis-timeline keeps items in plain objects keyed by id, so a dataset id such as "constructor"
 * would collide with Object.prototype. Items get our own ids ("e<column index>", "d<lane>") and
 * carry the dataset id in `event` (drawn as data-event).
 */
interface Item {
  id: string;
  /** None for eras: a background item without a group spans every lane. */
  group?: string;
  start: number;
  end?: number;
  /** Wide divs are fine here; vis would otherwise clamp the range and shift our content. */
  limitSize?: boolean;
  type: 'range' | 'background';
  className: string;
  content: string;
  /** Column index of the event (start order) for boxes; used for stacking order. */
  order: number;
  event?: string;
  /** Bumped to make vis redraw the item. */
  rev: number;
}

interface Group {
  id: string;
  content: string;
  order: number;
  className: string;
  /** Events in the lane, and in density lanes what is in view. */
  total: number;
  density?: LaneInView;
  /** Long events overlapping the view that are not drawn as items here. */
  spanning?: number;
}

/** What a density lane's label says is in view: events (spread, see density.ts), how many of them are dated only loosely, their figures. */
interface LaneInView {
  total: number;
  uncertain: number;
  /** How loosely: "a week or more". */
  loosely: string;
  sum: number;
  unit: string | undefined;
}

/** A density lane's bins: the counts, and the counts as shown (adding up, see shownCounts). */
interface DensityBins {
  edges: Float64Array;
  data: LaneDensity;
  shown: { counts: Float64Array; uncertain: Float64Array };
  unit: BinUnit;
  inView: { count: number; uncertain: number; sum: number };
}

export interface TimelineCallbacks {
  /** The user selected an event (click or tap), or cleared the selection: its column index. */
  onselect(index: number | undefined): void;
  /** The visible window changed (at most once per frame while panning or zooming). */
  onrange(range: TimeRange): void;
}

/**
 * A lane shows its events as items when they fit in about this many rows of labels across the
 * view (events in view × average label width ÷ view width); denser lanes show density instead.
 */
export const MAX_LABEL_ROWS = 4;
/** Datasets this small always show every event as an item (a story, not a data dump). */
export const SMALL_DATASET = 200;
/**
 * Datasets this large are set up in tasks of their own (the lanes and their index, then the first
 * feed), so that no task holds the page for long when one arrives (a million events: about
 * 100 ms each instead of 250 ms in one).
 */
export const STAGED_SETUP_EVENTS = 10_000;
/** Most events a lane holds as items across the fed window (three screens), whatever the rows say. */
export const MAX_LANE_ITEMS = 150;
/** Most items vis-timeline holds at once, whatever the number of lanes. */
export const MAX_ITEMS = 600;
/** Label width assumed before any label has been measured. */
const TYPICAL_LABEL_PX = 240;
/** Dataset dates are days: a view narrower than a day shows nothing more. */
const MIN_WINDOW_MS = 86_400_000;
/**
 * In a large dataset, events lasting longer than this many view widths are not drawn as items
 * (they would cover every row without saying anything about the view); the lane counts them.
 */
export const LONG_EVENT_SPANS = 3;
const MAX_WINDOW_MS = 500 * 365.25 * 86_400_000;
/** Zooming is done when no range change came for this long; then items are laid out again. */
const SETTLE_MS = 140;
/** How long a presentation takes to glide from one step's window to the next. */
const PRESENT_GLIDE_MS = 450;

export class TimelineController {
  readonly #container: HTMLElement;
  readonly #callbacks: TimelineCallbacks;
  readonly #timeline: Timeline;
  readonly #items = new DataSet<Item, 'id'>();
  readonly #groups = new DataSet<Group, 'id'>();
  readonly #measure: HTMLElement;
  readonly #tooltip: HTMLElement;
  readonly #resizeObserver: ResizeObserver;
  readonly #onWheel: (event: WheelEvent) => void;

  #header: DatasetHeader | undefined;
  #cols: EventColumns | undefined;
  #laneMode: LaneMode = 'theatre';
  #lanes: LaneInfo[] = [];
  #laneOf: Uint16Array = new Uint16Array(0);
  #index: EventIndex | undefined;
  #include: ((i: number) => boolean) | undefined;
  /** Column indices of eras (TimelineJS eras): drawn behind every lane, never as items. */
  #eras: number[] = [];

  /** What vis holds: event column indices shown as items, and the window they were taken from. */
  #fed = new Set<number>();
  #fedWindow: TimeRange | undefined;
  #fedScale = 0;
  #densityLanes = new Set<number>();
  #density = new Map<number, DensityBins>();
  /** Per lane: events lasting longer than LONG_EVENT_SPANS views that overlap the view. */
  readonly #spanning = new Map<number, number>();
  readonly #views = new Map<number, EventView>();
  readonly #labels = new Map<number, { el: HTMLElement; width: number }>();
  readonly #layouts = new Map<number, ItemLayout>();
  #rev = 0;
  #msPerPx = 86_400_000;
  #selected: number | undefined;

  #presentTimer: ReturnType<typeof setTimeout> | undefined;
  #refeedFrame = 0;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #rangeFrame = 0;
  #destroyed = false;
  /** Where an animated zoom or pan is heading: repeated keys add up from there, not from mid-flight. */
  #target: TimeRange | undefined;
  /** Set while the view is as fit() left it; a resize then fits again instead of keeping the dates. */
  #fitted: 'story' | 'all' | undefined;
  /** What setData left for later tasks (a large dataset), in order; and when it is done. */
  #staged: (() => void)[] = [];
  #stagedTimer: ReturnType<typeof setTimeout> | undefined;
  #stagedDone: (() => void) | undefined;

  constructor(container: HTMLElement, callbacks: TimelineCallbacks) {
    this.#container = container;
    this.#callbacks = callbacks;
    this.#measure = document.createElement('div');
    this.#measure.className = 'ev-measure';
    this.#measure.setAttribute('aria-hidden', 'true');
    this.#tooltip = document.createElement('div');
    this.#tooltip.className = 'density-tooltip';
    this.#tooltip.setAttribute('role', 'status');
    this.#tooltip.hidden = true;
    container.append(this.#measure, this.#tooltip);
    const options: TimelineOptions = {
      // Dataset dates are calendar dates in UTC; show them as such whatever the machine's zone.
      moment: (date: moment.MomentInput) => moment(date).utc(),
      align: 'left',
      stack: true,
      orientation: { axis: 'top', item: 'top' },
      margin: { axis: 6, item: { horizontal: 6, vertical: 3 } },
      verticalScroll: true,
      horizontalScroll: false,
      zoomable: false, // wheel and pinch are handled in #handleWheel
      moveable: true,
      selectable: true,
      multiselect: false,
      showCurrentTime: false,
      showTooltips: false,
      groupHeightMode: 'auto',
      dataAttributes: ['event'],
      order: (a: Item, b: Item) => a.order - b.order,
      groupOrder: 'order',
      template: (item: Item) => (item.type !== 'background' ? this.#renderItem(item) : item.id.startsWith('era') ? this.#renderEra(item) : this.#renderDensity(item)),
      groupTemplate: (group: Group) => renderGroup(group),
      zoomMin: MIN_WINDOW_MS,
      zoomMax: MAX_WINDOW_MS,
      height: '100%'
    } as TimelineOptions;
    this.#timeline = new Timeline(container, this.#items, this.#groups, options);
    this.#timeline.on('select', (props: { items: (string | number)[] }) => {
      const id = props.items[0];
      const index = typeof id === 'string' && id.startsWith('e') ? Number(id.slice(1)) : undefined;
      this.#selected = index;
      this.#callbacks.onselect(index);
    });
    this.#timeline.on('rangechange', (props: { byUser?: boolean }) => {
      if (props.byUser) {
        this.#fitted = undefined;
        this.#target = undefined;
      }
      this.#afterRangeChange();
    });
    this.#timeline.on('rangechanged', () => {
      this.#target = undefined;
      this.#afterRangeChange();
    });
    this.#timeline.on('mouseMove', (props: { group: string | null; time: Date; event: MouseEvent; what: string | null }) => this.#hover(props));
    this.#timeline.on('click', (props: { group: string | null; time: Date; item: string | null; what: string | null }) => this.#densityClick(props));
    container.addEventListener('mouseleave', () => (this.#tooltip.hidden = true));
    this.#onWheel = (event) => this.#handleWheel(event);
    // Capture phase: our wheel handling replaces vis-timeline's (zoom on wheel and pinch, pan on horizontal swipes).
    container.addEventListener('wheel', this.#onWheel, { capture: true, passive: false });
    // The detail panel opening or the window resizing changes the width, hence the scale.
    this.#resizeObserver = new ResizeObserver(() => this.#afterVisRedraw(() => (this.#fitted ? this.fit(this.#fitted, false) : this.#scheduleRefeed())));
    this.#resizeObserver.observe(container);
    // Label widths depend on the web fonts; measure again once they have loaded.
    void document.fonts?.ready.then(() => {
      if (this.#destroyed || !this.#cols) return;
      this.#labels.clear();
      this.#refeed(true);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Public

  /**
   * Replace the data shown. The window is fitted to the story range. Resolves once the data is
   * fed to vis (at once for a small dataset; a large one is set up in tasks of its own, see
   * STAGED_SETUP_EVENTS, and anything asked of the controller meanwhile finishes that first);
   * never, when other data replaces it first.
   */
  setData(header: DatasetHeader, cols: EventColumns, laneMode: LaneMode): Promise<void> {
    // What was left of the previous dataset's setup is moot: it is replaced whole.
    this.#dropStaged();
    this.#header = header;
    this.#cols = cols;
    this.#laneMode = laneMode;
    this.#include = undefined;
    this.#selected = undefined;
    this.#eras = [];
    for (let i = 0; i < cols.count && this.#eras.length < 500; i++) if (cols.flags[i]! & FLAG_ERA) this.#eras.push(i);
    this.#clearCaches();
    const feed = () => {
      this.fit('story', false);
      this.#refeed(true);
      // The lane-label column only gets its width when vis redraws; fit again to the final width.
      this.#afterVisRedraw(() => {
        if (this.#fitted) this.fit(this.#fitted, false);
      });
    };
    if (cols.count < STAGED_SETUP_EVENTS) {
      this.#rebuildLanes();
      feed();
      return Promise.resolve();
    }
    // Nothing of the previous dataset stays in vis meanwhile (its items name its events).
    this.#index = undefined;
    this.#lanes = [];
    this.#forgetFed();
    this.#groups.clear();
    return this.#stage([() => this.#rebuildLanes(), feed]);
  }

  /** Run `steps` in tasks of their own, one after the other; resolves when the last has run. */
  #stage(steps: (() => void)[]): Promise<void> {
    this.#staged = steps;
    const next = () => {
      this.#stagedTimer = undefined;
      if (this.#destroyed) return;
      this.#staged.shift()?.();
      if (this.#staged.length > 0) this.#stagedTimer = setTimeout(next, 0);
      else this.#settledStaged();
    };
    this.#stagedTimer = setTimeout(next, 0);
    return new Promise((resolve) => (this.#stagedDone = resolve));
  }

  /** Run at once whatever setData left for later: whoever calls needs the lanes and the feed. */
  #finishStaged(): void {
    if (this.#stagedTimer === undefined) return;
    clearTimeout(this.#stagedTimer);
    this.#stagedTimer = undefined;
    const steps = this.#staged;
    this.#staged = [];
    for (const step of steps) step();
    this.#settledStaged();
  }

  /**
   * Forget what setData left for later (new data replaces it, or the controller goes). Its promise
   * never resolves: the data it was for is never shown.
   */
  #dropStaged(): void {
    clearTimeout(this.#stagedTimer);
    this.#stagedTimer = undefined;
    this.#staged = [];
    this.#stagedDone = undefined;
  }

  #settledStaged(): void {
    const done = this.#stagedDone;
    this.#stagedDone = undefined;
    done?.();
  }

  setLaneMode(mode: LaneMode): void {
    this.#finishStaged();
    if (mode === this.#laneMode || !this.#cols) return;
    this.#laneMode = mode;
    this.#rebuildLanes();
    this.#refeed(true);
  }

  /** Show only events for which `include` is true (undefined: all). Answers in O(n) once. */
  setFilter(include: ((i: number) => boolean) | undefined): void {
    this.#finishStaged();
    this.#include = include;
    if (!this.#cols) return;
    // Same lanes, new index; refeeding then adds and removes only what changed.
    this.#index = new EventIndex(this.#cols, { laneOf: this.#laneOf, laneCount: this.#lanes.length }, this.#indexInclude());
    if (this.#eras.length > 0) {
      this.#items.remove(this.#eras.map((i) => `era${i}`));
      this.#items.add(this.#eraItems());
    }
    this.#refeed(false);
  }

  /** Lanes currently shown, with the events each holds. */
  lanes(): readonly (LaneInfo & { readonly size: number; readonly density: boolean })[] {
    this.#finishStaged();
    return this.#lanes.map((l, i) => ({ ...l, size: this.#index?.laneSize(i) ?? 0, density: this.#densityLanes.has(i) }));
  }

  /** Current visible window. */
  getWindow(): TimeRange {
    const w = this.#timeline.getWindow();
    return { start: w.start.valueOf(), end: w.end.valueOf() };
  }

  /** Zoom by a factor around a point in time (default: the window's middle). factor < 1 zooms in. */
  zoom(factor: number, around?: number, animate = true): void {
    this.#finishStaged();
    const { start, end } = this.#target ?? this.getWindow();
    const centre = around ?? (start + end) / 2;
    const span = Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, (end - start) * factor));
    const newStart = centre - span * ((centre - start) / (end - start));
    this.#fitted = undefined;
    this.#setWindow(newStart, newStart + span, animate ? 200 : 0);
  }

  /** Pan by a fraction of the window width (negative: back in time). */
  pan(fraction: number, animate = true): void {
    this.#finishStaged();
    const { start, end } = this.#target ?? this.getWindow();
    const shift = (end - start) * fraction;
    this.#fitted = undefined;
    this.#setWindow(start + shift, end + shift, animate ? 200 : 0);
  }

  setWindow(start: number, end: number, animate = true): void {
    this.#finishStaged();
    this.#fitted = undefined;
    this.#setWindow(start, end, animate ? 300 : 0);
  }

  /**
   * Fit the window to the story (every event except far-off historical context) or to all events.
   * With few events, labels are fitted too; with many, the data range is.
   */
  fit(which: 'story' | 'all', animate = true): void {
    this.#finishStaged();
    const header = this.#header;
    const cols = this.#cols;
    const range = which === 'story' ? header?.storyRange : header?.fullRange;
    if (!header?.fullRange || !cols || !range) return;
    const width = this.#centreWidth();
    let window: TimeRange | undefined;
    if (cols.count <= 200) {
      const events: EventView[] = [];
      for (let i = 0; i < cols.count; i++) {
        if (this.#include && !this.#include(i)) continue;
        const view = this.#view(i);
        if (which === 'story' && view.type === 'context') continue;
        events.push(view);
      }
      this.#measureLabels(events.map((e) => e.index));
      window = fitWindow(events.length > 0 ? events : [this.#view(0)], (e) => this.#labels.get(e.index)?.width ?? 200, width, header.fullRange.end);
    } else {
      const pad = (range.end - range.start) * 0.02;
      window = { start: range.start - pad, end: range.end + pad };
    }
    if (!window) return;
    this.#fitted = which;
    this.#setWindow(window.start, window.end, animate ? 300 : 0);
  }

  /** Select an event by column index (or clear), optionally bringing it into view (animated unless told not to). */
  select(index: number | undefined, reveal: boolean, animate = true): void {
    this.#finishStaged();
    this.#selected = index;
    this.#applySelection();
    if (index === undefined || !reveal || !this.#cols) return;
    const { start, end } = this.getWindow();
    const e = this.#view(index);
    const layout = this.#layouts.get(index);
    const inView = this.#fed.has(index) && layout !== undefined && layout.boxStart >= start && Math.min(layout.boxEnd, e.start + 1) <= end;
    if (inView) {
      this.#timeline.focus(`e${index}`, { zoom: false, animation: false });
      return;
    }
    // Centre on it, zoomed in far enough that its lane shows events rather than density, by the
    // test #refeed applies (rows of labels in view, items across the fed window), but not narrower
    // than the event. Where even that is too dense, #refeed draws the selected event over the
    // density all the same.
    let span = end - start;
    const lane = this.#laneOf[index] ?? 0;
    const centre = e.start + Math.min(e.end - e.start, span) / 2;
    const maxInView = Math.max(1, Math.floor((MAX_LABEL_ROWS * this.#centreWidth()) / this.#typicalLabelPx()));
    const small = (this.#index?.size ?? 0) <= SMALL_DATASET;
    const narrowest = Math.max(MIN_WINDOW_MS, 1.5 * (e.end - e.start));
    for (let tries = 0; tries < 30 && !small && span / 2 >= narrowest; tries++) {
      const local = { max: LONG_EVENT_SPANS * span };
      const inView = this.#index?.overlapping(lane, centre - span / 2, centre + span / 2, maxInView, [], local) ?? 0;
      const count = inView > maxInView ? MAX_LANE_ITEMS + 1 : (this.#index?.overlapping(lane, centre - 1.5 * span, centre + 1.5 * span, MAX_LANE_ITEMS, [], local) ?? 0);
      if (count <= MAX_LANE_ITEMS) break;
      span /= 2;
    }
    this.#fitted = undefined;
    this.#setWindow(centre - span / 2, centre + span / 2, animate ? 300 : 0);
  }

  /**
   * A presentation step: select the event, glide to the window given (or, without one, reveal it
   * as select does), then bring its lane into view vertically and centre its label once it is
   * drawn. No animation when `animate` is false (reduced motion).
   */
  present(index: number, window: TimeRange | undefined, animate: boolean): void {
    this.#finishStaged();
    clearTimeout(this.#presentTimer);
    if (window) {
      this.#selected = index;
      this.#applySelection();
      this.#fitted = undefined;
      this.#setWindow(window.start, window.end, animate ? PRESENT_GLIDE_MS : 0);
    } else this.select(index, true, animate);
    this.#presentTimer = setTimeout(
      () => {
        if (this.#destroyed || this.#selected !== index) return;
        if (!this.#fed.has(index)) this.#refeed(true);
        if (!this.#fed.has(index)) return;
        this.#timeline.focus(`e${index}`, { zoom: false, animation: animate ? { duration: 250, easingFunction: 'easeInOutQuad' } : false });
        this.#applySelection();
      },
      (animate ? PRESENT_GLIDE_MS : 0) + SETTLE_MS + 40
    );
  }

  /** Type sizes changed (the projector theme, a presentation): measure the labels again and lay them out anew. */
  remeasure(): void {
    this.#finishStaged();
    if (this.#destroyed || !this.#cols) return;
    this.#labels.clear();
    this.#afterVisRedraw(() => {
      this.#refeed(true);
      if (this.#fitted) this.fit(this.#fitted, false);
    });
  }

  /** Column indices of the events drawn as items inside the visible window. */
  visibleIndices(): number[] {
    this.#finishStaged();
    const { start, end } = this.getWindow();
    return [...this.#fed].filter((i) => this.#cols!.start[i]! < end && this.#cols!.end[i]! > start).sort((a, b) => a - b);
  }

  /** Events starting in the visible window, over all lanes (what the status bar reports). */
  countInView(): number {
    const { start, end } = this.getWindow();
    let n = 0;
    for (let l = 0; l < this.#lanes.length; l++) n += this.#index?.countStarting(l, start, end) ?? 0;
    return n;
  }

  destroy(): void {
    this.#destroyed = true;
    this.#resizeObserver.disconnect();
    cancelAnimationFrame(this.#refeedFrame);
    cancelAnimationFrame(this.#rangeFrame);
    clearTimeout(this.#settleTimer);
    clearTimeout(this.#presentTimer);
    this.#dropStaged();
    this.#container.removeEventListener('wheel', this.#onWheel, { capture: true });
    this.#timeline.destroy();
    this.#measure.remove();
    this.#tooltip.remove();
  }

  // -------------------------------------------------------------------------------------------
  // Lanes and feeding vis

  #clearCaches(): void {
    this.#views.clear();
    this.#labels.clear();
    this.#layouts.clear();
    this.#fed.clear();
    this.#fedWindow = undefined;
    this.#densityLanes.clear();
    this.#density.clear();
    this.#items.clear();
  }

  /** vis holds no items any more (nor density). */
  #forgetFed(): void {
    this.#fed.clear();
    this.#fedWindow = undefined;
    this.#densityLanes.clear();
    this.#density.clear();
    this.#items.clear();
  }

  #rebuildLanes(): void {
    const cols = this.#cols;
    const header = this.#header;
    if (!cols || !header) return;
    const assignment = assignLanes(this.#laneMode, header, cols);
    this.#lanes = [...assignment.lanes];
    this.#laneOf = assignment.laneOf;
    this.#index = new EventIndex(cols, { laneOf: this.#laneOf, laneCount: this.#lanes.length }, this.#indexInclude());
    this.#forgetFed();
    this.#groups.clear();
    this.#groups.add(this.#lanes.map((l, order) => ({ id: `lane${order}`, content: l.label, order, className: 'lane-items', total: this.#index?.laneSize(order) ?? 0 })));
    this.#items.add(this.#eraItems());
  }

  /** The filter the lanes' index applies: the user's, and never eras (drawn behind the lanes). */
  #indexInclude(): ((i: number) => boolean) | undefined {
    const include = this.#include;
    const cols = this.#cols;
    if (this.#eras.length === 0 || !cols) return include;
    const flags = cols.flags;
    return include ? (i) => (flags[i]! & FLAG_ERA) === 0 && include(i) : (i) => (flags[i]! & FLAG_ERA) === 0;
  }

  #eraItems(): Item[] {
    const cols = this.#cols;
    if (!cols) return [];
    return this.#eras
      .filter((i) => !this.#include || this.#include(i))
      .map((i, k) => ({ id: `era${i}`, start: cols.start[i]!, end: cols.end[i]!, type: 'background', className: `era-band era-${k % 2}`, content: '', order: -2, event: stringAt(cols.ids, i), rev: 0 }));
  }

  #renderEra(item: Item): HTMLElement {
    const el = document.createElement('div');
    el.className = 'era-label';
    el.textContent = this.#cols ? stringAt(this.#cols.titles, Number(item.id.slice(3))) : '';
    return el;
  }

  #view(index: number): EventView {
    let view = this.#views.get(index);
    if (!view) {
      view = eventView(this.#cols!, index);
      this.#views.set(index, view);
    }
    return view;
  }

  /** Build and measure the labels of these events in one layout pass. */
  #measureLabels(indices: readonly number[]): void {
    const fresh: { index: number; el: HTMLElement }[] = [];
    for (const i of indices) {
      if (this.#labels.has(i)) continue;
      const el = buildLabel(this.#view(i));
      this.#measure.appendChild(el);
      fresh.push({ index: i, el });
    }
    for (const f of fresh) this.#labels.set(f.index, { el: f.el, width: Math.ceil(f.el.getBoundingClientRect().width) });
    for (const f of fresh) f.el.remove();
  }

  /** Average measured label width (what a lane of unseen events will need). */
  #typicalLabelPx(): number {
    if (this.#labels.size < 10) return TYPICAL_LABEL_PX;
    let sum = 0;
    for (const l of this.#labels.values()) sum += l.width;
    return sum / this.#labels.size;
  }

  #layoutFor(index: number): ItemLayout {
    const label = this.#labels.get(index);
    const layout = layoutItem(this.#view(index), label?.width ?? 200, this.#msPerPx, this.#header?.fullRange?.end ?? Infinity);
    this.#layouts.set(index, layout);
    return layout;
  }

  #scheduleRefeed(): void {
    if (this.#refeedFrame !== 0) return;
    this.#refeedFrame = requestAnimationFrame(() => {
      this.#refeedFrame = 0;
      if (!this.#destroyed) this.#refeed(false);
    });
  }

  /**
   * Give vis what the window around the view needs: items for lanes with few events there,
   * density for the others. `relayout` recomputes every item (the zoom changed).
   */
  #refeed(relayout: boolean): void {
    const cols = this.#cols;
    const index = this.#index;
    if (!cols || !index || this.#destroyed) return;
    const window = this.getWindow();
    const span = window.end - window.start;
    const fedWindow = { start: window.start - span, end: window.end + span };
    const scale = span / this.#centreWidth();
    const scaleChanged = Math.abs(scale - this.#fedScale) / Math.max(1, this.#fedScale) > 0.002;
    this.#msPerPx = scale;

    // Which lanes show items, and which events.
    const perLane: number[][] = [];
    const wanted = new Set<number>();
    const density = new Set<number>();
    const small = index.size <= SMALL_DATASET;
    const maxInView = Math.max(1, Math.floor((MAX_LABEL_ROWS * this.#centreWidth()) / this.#typicalLabelPx()));
    const local = small ? {} : { max: LONG_EVENT_SPANS * span };
    this.#spanning.clear();
    for (let l = 0; l < this.#lanes.length; l++) {
      const inView = small ? 0 : index.overlapping(l, window.start, window.end, maxInView, [], local);
      const out: number[] = [];
      const count = inView > maxInView ? MAX_LANE_ITEMS + 1 : index.overlapping(l, fedWindow.start, fedWindow.end, small ? SMALL_DATASET : MAX_LANE_ITEMS, out, local);
      const dense = !small && count > MAX_LANE_ITEMS;
      perLane.push(dense ? [] : out);
      if (dense) density.add(l);
      if (!small) this.#spanning.set(l, index.overlapping(l, window.start, window.end, 999, [], { min: LONG_EVENT_SPANS * span }));
    }
    // Keep the total within what vis draws smoothly: the busiest lanes turn to density first.
    let total = perLane.reduce((n, a) => n + a.length, 0);
    const byLoad = perLane.map((a, l) => ({ l, n: a.length })).sort((a, b) => b.n - a.n);
    for (const { l, n } of byLoad) {
      if (total <= MAX_ITEMS || small) break;
      density.add(l);
      perLane[l] = [];
      total -= n;
    }
    for (const list of perLane) for (const i of list) wanted.add(i);
    // The selected event is drawn even in a lane showing density (a search jumped to it).
    const selected = this.#selected;
    if (selected !== undefined && !wanted.has(selected) && (!this.#include || this.#include(selected)) && cols.start[selected]! < fedWindow.end && cols.end[selected]! > fedWindow.start) wanted.add(selected);

    this.#measureLabels([...wanted]);
    const remove: string[] = [];
    for (const i of this.#fed) if (!wanted.has(i)) remove.push(`e${i}`);
    const add: Item[] = [];
    const update: Partial<Item>[] = [];
    const rev = relayout || scaleChanged ? ++this.#rev : this.#rev;
    for (const i of wanted) {
      const before = this.#layouts.get(i);
      const layout = this.#fed.has(i) && !relayout && !scaleChanged && before ? before : this.#layoutFor(i);
      if (!this.#fed.has(i)) {
        const view = this.#view(i);
        add.push({
          id: `e${i}`,
          event: view.id,
          group: `lane${this.#laneOf[i]}`,
          start: layout.boxStart,
          end: layout.boxEnd,
          limitSize: false,
          type: 'range',
          className: `fl-item fl-type-${view.type}`,
          content: '',
          order: i,
          rev
        });
      } else if (relayout || scaleChanged) {
        update.push({ id: `e${i}`, start: layout.boxStart, end: layout.boxEnd, rev });
      }
    }
    // Forget what is no longer fed (labels, views, layouts) so memory follows the view.
    for (const i of this.#fed) {
      if (wanted.has(i) || i === this.#selected) continue;
      this.#labels.delete(i);
      this.#views.delete(i);
      this.#layouts.delete(i);
    }
    this.#fed = wanted;

    // Density items: one background item per dense lane, covering the fed window.
    const densityItems: Item[] = [];
    this.#density.clear();
    const unit = binUnitFor(scale, 6);
    const edges = binEdges(fedWindow.start, fedWindow.end, unit);
    for (const l of density) {
      const data = laneDensity(index, l, edges);
      this.#density.set(l, { edges, data, shown: shownCounts(data), unit, inView: index.datedIn(l, window.start, window.end) });
      densityItems.push({ id: `d${l}`, group: `lane${l}`, start: edges[0]!, end: edges[edges.length - 1]!, type: 'background', className: 'fl-density', content: '', order: -1, rev });
    }
    const oldDensity = [...this.#densityLanes].map((l) => `d${l}`);
    this.#densityLanes = density;
    this.#fedWindow = fedWindow;
    this.#fedScale = scale;

    this.#items.remove([...remove, ...oldDensity]);
    if (update.length > 0) this.#items.update(update);
    this.#items.add([...add, ...densityItems]);
    // What vis holds, on the container: tests check the drawing against the data with these.
    this.#container.dataset['fedStart'] = String(fedWindow.start);
    this.#container.dataset['fedEnd'] = String(fedWindow.end);
    this.#container.dataset['viewStart'] = String(window.start);
    this.#container.dataset['viewEnd'] = String(window.end);
    this.#container.dataset['binUnit'] = unit;
    this.#updateGroups();
    this.#applySelection();
  }

  #updateGroups(): void {
    const unit = this.#header?.figureUnit?.unit;
    const updates: Partial<Group>[] = this.#lanes.map((_, l) => {
      const density = this.#density.get(l);
      const d = density?.inView;
      return {
        id: `lane${l}`,
        // Never empty: vis-timeline crashes when a group's className changes to '' (it passes null on).
        className: d ? 'lane-density' : 'lane-items',
        total: this.#index?.laneSize(l) ?? 0,
        density: d ? { total: d.count, uncertain: d.uncertain, loosely: describeUncertainty(density!.data.shortestWindow), sum: d.sum, unit } : undefined,
        spanning: this.#spanning.get(l) ?? 0
      };
    });
    this.#groups.update(updates);
  }

  #applySelection(): void {
    const i = this.#selected;
    this.#timeline.setSelection(i !== undefined && this.#fed.has(i) ? [`e${i}`] : []);
  }

  // -------------------------------------------------------------------------------------------
  // Drawing

  #renderItem(item: Item): HTMLElement {
    const i = item.order;
    if (!this.#cols) return document.createElement('div');
    const view = this.#view(i);
    let label = this.#labels.get(i);
    if (!label) {
      this.#measureLabels([i]);
      label = this.#labels.get(i)!;
    }
    const layout = this.#layouts.get(i) ?? this.#layoutFor(i);
    return buildItemElement(view, label.el, layout, label.width, this.#msPerPx);
  }

  #renderDensity(item: Item): HTMLElement {
    const lane = Number(item.id.slice(1));
    const density = this.#density.get(lane);
    const canvas = document.createElement('canvas');
    canvas.className = 'density';
    if (!density) return canvas;
    const { edges, data, shown } = density;
    const width = Math.max(1, Math.round((edges[edges.length - 1]! - edges[0]!) / this.#msPerPx));
    const height = 56;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    // Canvases wider than ~32k pixels fail to allocate; the fed window is three screens, far less.
    canvas.width = Math.min(32_000, Math.round(width * ratio));
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    // What the bars say, for tests: exact totals, and each bin's count as shown.
    canvas.dataset['lane'] = String(lane);
    canvas.dataset['total'] = String(data.total);
    canvas.dataset['uncertain'] = String(data.totalUncertain);
    canvas.dataset['shown'] = shown.counts.join(',');
    canvas.dataset['shownUncertain'] = shown.uncertain.join(',');
    canvas.dataset['from'] = String(edges[0]);
    canvas.dataset['to'] = String(edges[edges.length - 1]);
    canvas.dataset['bins'] = String(data.counts.length);
    const ctx = canvas.getContext('2d');
    if (!ctx) return canvas;
    ctx.scale(ratio, ratio);
    const colour = this.#laneColour(lane);
    let max = 1;
    for (const d of this.#density.values()) max = Math.max(max, d.data.maxCount);
    const top = 14;
    const usable = height - top - 2;
    ctx.font = '600 10px "IBM Plex Sans Variable", sans-serif';
    ctx.textAlign = 'center';
    for (let k = 0; k < data.counts.length; k++) {
      const c = data.counts[k]!;
      if (c <= 0) continue;
      const x0 = (edges[k]! - edges[0]!) / this.#msPerPx;
      const x1 = (edges[k + 1]! - edges[0]!) / this.#msPerPx;
      // Square-root scale, shared by every lane: lanes stay comparable, and a bin of 3 events
      // beside a spike of 3,000 is still visible.
      const h = Math.max(2, Math.sqrt(c / max) * usable);
      // Events dated only to a window of possible dates (their shares of this bin): paler, on top.
      const loose = Math.min(h, (data.uncertain[k]! / c) * h);
      ctx.fillStyle = colour;
      ctx.fillRect(x0 + 0.5, height - 2 - h + loose, Math.max(1, x1 - x0 - 1), h - loose);
      if (loose > 0) {
        ctx.globalAlpha = 0.4;
        ctx.fillRect(x0 + 0.5, height - 2 - h, Math.max(1, x1 - x0 - 1), loose);
        ctx.globalAlpha = 1;
      }
      if (x1 - x0 >= 26) {
        const n = shown.counts[k]!;
        const label = n >= 10_000 ? `${Math.round(n / 1000)}k` : formatCount(n);
        if (ctx.measureText(label).width <= x1 - x0 - 2) {
          ctx.fillStyle = '#1b1d20';
          ctx.fillText(label, (x0 + x1) / 2, height - 4 - h);
        }
      }
    }
    return canvas;
  }

  #laneColour(lane: number): string {
    const id = this.#lanes[lane]?.id ?? '';
    if (id.startsWith('type:')) {
      const type = id.slice(5) as keyof typeof EVENT_TYPE_STYLES;
      return EVENT_TYPE_STYLES[type]?.colour ?? '#4a6fa5';
    }
    return '#4a6fa5';
  }

  #hover(props: { group: string | null; time: Date; event: MouseEvent }): void {
    const lane = props.group?.startsWith('lane') ? Number(props.group.slice(4)) : -1;
    const density = this.#density.get(lane);
    if (!density) {
      this.#tooltip.hidden = true;
      return;
    }
    const t = props.time.valueOf();
    const k = lowerBound(density.edges, t + 1) - 1;
    const count = density.shown.counts[k];
    if (count === undefined || k < 0) {
      this.#tooltip.hidden = true;
      return;
    }
    this.#tooltip.textContent = densityTooltip(density, k, this.#header?.figureUnit?.label);
    this.#tooltip.dataset['lane'] = String(lane);
    this.#tooltip.dataset['binStart'] = String(density.edges[k]);
    this.#tooltip.dataset['binEnd'] = String(density.edges[k + 1]);
    const rect = this.#container.getBoundingClientRect();
    this.#tooltip.style.left = `${props.event.clientX - rect.left + 12}px`;
    this.#tooltip.style.top = `${props.event.clientY - rect.top + 12}px`;
    this.#tooltip.hidden = false;
  }

  /** A click on a density bin zooms into it (clusters open on click, as on zoom). */
  #densityClick(props: { group: string | null; time: Date; item: string | null }): void {
    if (props.item !== null && !String(props.item).startsWith('d')) return;
    const lane = props.group?.startsWith('lane') ? Number(props.group.slice(4)) : -1;
    const density = this.#density.get(lane);
    if (!density) return;
    const k = lowerBound(density.edges, props.time.valueOf() + 1) - 1;
    const start = density.edges[k];
    const end = density.edges[k + 1];
    if (start === undefined || end === undefined) return;
    const pad = (end - start) * 0.5;
    this.setWindow(start - pad, end + pad);
  }

  // -------------------------------------------------------------------------------------------
  // Range changes

  #setWindow(start: number, end: number, durationMs: number): void {
    this.#target = durationMs > 0 ? { start, end } : undefined;
    this.#timeline.setWindow(start, end, { animation: durationMs > 0 ? { duration: durationMs, easingFunction: 'easeInOutQuad' } : false });
  }

  /** vis-timeline redraws on the next animation frame; run `then` once it has (sizes are final). */
  #afterVisRedraw(then: () => void): void {
    this.#timeline.redraw();
    requestAnimationFrame(() => {
      if (!this.#destroyed) then();
    });
  }

  #centreWidth(): number {
    const centre = this.#container.querySelector<HTMLElement>('.vis-panel.vis-center');
    return Math.max(200, centre?.clientWidth ?? this.#container.clientWidth);
  }

  #afterRangeChange(): void {
    this.#tooltip.hidden = true;
    if (!this.#cols) return;
    const window = this.getWindow();
    const span = window.end - window.start;
    const scale = span / this.#centreWidth();
    const fed = this.#fedWindow;
    if (Math.abs(scale - this.#fedScale) / Math.max(1, this.#fedScale) > 0.002) {
      // Zooming: lay out again once it settles; meanwhile refill if the view outruns the fed window.
      clearTimeout(this.#settleTimer);
      this.#settleTimer = setTimeout(() => this.#refeed(true), SETTLE_MS);
      if (!fed || window.start < fed.start || window.end > fed.end) this.#scheduleRefeed();
    } else if (!fed || window.start < fed.start + span * 0.25 || window.end > fed.end - span * 0.25) {
      this.#scheduleRefeed();
    }
    this.#stickLabels(window.start);
    if (this.#rangeFrame === 0) {
      this.#rangeFrame = requestAnimationFrame(() => {
        this.#rangeFrame = 0;
        if (!this.#destroyed) this.#callbacks.onrange(this.getWindow());
      });
    }
  }

  /** Keep the label of a long bar that starts left of the window in view, as vis does for ranges. */
  #stickLabels(windowStart: number): void {
    for (const i of this.#fed) {
      const layout = this.#layouts.get(i);
      if (!layout || layout.side !== 'overlay') continue;
      const label = this.#labels.get(i);
      if (!label) continue;
      const hidden = (windowStart - this.#cols!.start[i]!) / this.#msPerPx;
      const room = layout.barPx - label.width - 8;
      const offset = hidden > 0 && room > 0 ? Math.min(hidden, room) : 0;
      label.el.style.transform = offset > 0 ? `translateX(${offset.toFixed(1)}px)` : '';
    }
  }

  #handleWheel(event: WheelEvent): void {
    // Wheel over the lane labels keeps its native vertical scrolling.
    if (!(event.target instanceof Element) || !event.target.closest('.vis-panel.vis-center, .vis-panel.vis-top, .vis-panel.vis-bottom')) return;
    event.preventDefault();
    event.stopPropagation();
    const unit = event.deltaMode === 1 ? 40 : event.deltaMode === 2 ? 800 : 1;
    const dx = event.deltaX * unit;
    const dy = event.deltaY * unit;
    const centre = this.#container.querySelector<HTMLElement>('.vis-panel.vis-center');
    const rect = (centre ?? this.#container).getBoundingClientRect();
    if (Math.abs(dx) > Math.abs(dy) || (event.shiftKey && !event.ctrlKey)) {
      // Horizontal swipe (trackpad) or Shift+wheel: pan.
      const delta = Math.abs(dx) > Math.abs(dy) ? dx : dy;
      this.pan(delta / Math.max(1, rect.width), false);
      return;
    }
    // Vertical wheel, or pinch (reported as ctrl+wheel): zoom around the pointer.
    const { start, end } = this.getWindow();
    const at = start + ((event.clientX - rect.left) / Math.max(1, rect.width)) * (end - start);
    const factor = Math.exp(dy * (event.ctrlKey ? 0.01 : 0.0015));
    this.zoom(factor, at, false);
  }
}

function renderGroup(group: Group): HTMLElement {
  const root = document.createElement('div');
  root.className = group.density ? 'lane-label lane-label-density' : 'lane-label';
  root.dataset['lane'] = group.id;
  const name = document.createElement('span');
  name.className = 'lane-name';
  name.textContent = group.content;
  const count = document.createElement('span');
  count.className = 'lane-count';
  count.textContent = `${group.total.toLocaleString('en-GB')} ${group.total === 1 ? 'event' : 'events'}`;
  root.append(name, count);
  if (group.spanning) {
    const spanning = document.createElement('span');
    spanning.className = 'lane-spanning';
    spanning.dataset['spanning'] = String(group.spanning);
    spanning.textContent = `+${group.spanning > 999 ? '999+' : group.spanning.toLocaleString('en-GB')} longer event${group.spanning === 1 ? '' : 's'} across the view`;
    spanning.title = 'Events lasting much longer than the view. Zoom out to see them drawn.';
    root.append(spanning);
  }
  if (group.density) {
    const inView = document.createElement('span');
    inView.className = 'lane-density-summary';
    const sum = group.density.unit && group.density.sum > 0 ? `, ${Math.round(group.density.sum).toLocaleString('en-GB')} ${group.density.unit}` : '';
    inView.textContent = `${Math.round(group.density.total).toLocaleString('en-GB')} in view${sum}`;
    root.append(inView);
    const uncertain = Math.round(group.density.uncertain);
    if (uncertain > 0) {
      const loose = document.createElement('span');
      loose.className = 'lane-density-summary lane-density-uncertain';
      loose.dataset['uncertain'] = String(uncertain);
      loose.textContent = `${uncertain.toLocaleString('en-GB')} with uncertain dates`;
      loose.title = `${uncertain.toLocaleString('en-GB')} of the events in view are dated only to ${group.density.loosely} (a window of possible dates). The bars spread each over the days it may fall on, drawn paler.`;
      root.append(loose);
    }
  }
  return root;
}

/**
 * What a density bin holds, in words: "Week of 30 October 2017: 212 events (38 of them dated only
 * to a week or more; spread over the days they may fall on) · 1,204 killed (…spread likewise).
 * Click to zoom in." Counts as shown (shownCounts), so the bins' add up.
 */
function densityTooltip(density: DensityBins, k: number, figureLabel: string | undefined): string {
  const { data, shown } = density;
  const count = shown.counts[k]!;
  const uncertain = shown.uncertain[k]!;
  const bin = describeBin(density.edges[k]!, density.unit);
  let text = `${bin.charAt(0).toUpperCase()}${bin.slice(1)}: ${formatCount(count)} event${count === 1 ? '' : 's'}`;
  if (uncertain > 0) text += ` (${formatCount(uncertain)} of them dated only to ${describeUncertainty(data.shortestWindow)}; spread over the days they may fall on)`;
  const sum = data.sums[k] ?? 0;
  if (figureLabel && sum > 0) {
    text += ` · ${Math.round(sum).toLocaleString('en-GB')} ${figureLabel}`;
    if (uncertain > 0 && data.spreadSums) text += ' (the figures of events of uncertain date spread likewise)';
  }
  return `${text}. Click to zoom in.`;
}
