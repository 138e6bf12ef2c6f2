// The adapter around vis-timeline: the only module that talks to it. vis-timeline lays items out
// and stacks them; we draw each item ourselves (itemElement), decide where its label goes
// (itemLayout) and drive zoom, pan and selection.
// Every item is a left-aligned 'box': vis stacks range items by their bar width, so a short
// range's label would overlap its neighbours; a box is stacked by its real width.
import moment from 'moment';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import {
  laneIdOf,
  lanesFor,
  theatresOf,
  type LaneMode,
  type ResolvedEvent,
  type TimeRange,
  type TimelineModel
} from '../../../../shared/dataset/timelineModel';
import { buildItemElement, buildLabel } from './itemElement';
import { fitWindow, layoutItem, type ItemLayout } from './itemLayout';

/**
 * vis-timeline keeps items in plain objects keyed by id, so a dataset id such as "constructor" or
 * "__proto__" would collide with Object.prototype. Items get our own ids ("ev0", "ev1", ...) and
 * carry the dataset id in `event` (drawn as data-event).
 */
interface Item {
  id: string;
  event: string;
  group: string;
  /** Where vis places the box; the event's own start unless its label sits to the left. */
  start: number;
  type: 'box';
  className: string;
  content: string;
  /** Stacking order: chronological, then dataset order. */
  order: number;
}

interface Group {
  id: string;
  content: string;
  order: number;
  count: number;
}

export interface TimelineCallbacks {
  /** The user selected an event (click or tap), or cleared the selection. */
  onselect(id: string | undefined): void;
  /** The visible window changed (every frame while panning or zooming). */
  onrange(range: TimeRange): void;
}

const MIN_WINDOW_MS = 6 * 3_600_000;
const MAX_WINDOW_MS = 500 * 365.25 * 86_400_000;

export class TimelineController {
  readonly #container: HTMLElement;
  readonly #callbacks: TimelineCallbacks;
  readonly #timeline: Timeline;
  readonly #items = new DataSet<Item, 'id'>();
  readonly #groups = new DataSet<Group, 'id'>();
  readonly #measure: HTMLElement;
  readonly #labelPx = new Map<string, number>();
  readonly #layouts = new Map<string, ItemLayout>();
  /** vis item id of each event of the current model. */
  #visIds = new Map<ResolvedEvent, string>();
  #model: TimelineModel | undefined;
  #laneMode: LaneMode = 'theatre';
  #msPerPx = 86_400_000;
  readonly #onWheel: (event: WheelEvent) => void;
  #relayoutFrame = 0;
  #destroyed = false;
  readonly #resizeObserver: ResizeObserver;
  /** Where an animated zoom or pan is heading: repeated keys add up from there, not from mid-flight. */
  #target: TimeRange | undefined;
  /** Set while the view is as fit() left it; a resize then fits again instead of keeping the dates. */
  #fitted: 'story' | 'all' | undefined;

  constructor(container: HTMLElement, callbacks: TimelineCallbacks) {
    this.#container = container;
    this.#callbacks = callbacks;
    this.#measure = document.createElement('div');
    this.#measure.className = 'ev-measure';
    this.#measure.setAttribute('aria-hidden', 'true');
    container.appendChild(this.#measure);
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
      template: (item: Item) => this.#renderItem(item),
      groupTemplate: (group: Group) => renderGroup(group),
      zoomMin: MIN_WINDOW_MS,
      zoomMax: MAX_WINDOW_MS,
      height: '100%'
    } as TimelineOptions;
    this.#timeline = new Timeline(container, this.#items, this.#groups, options);
    this.#timeline.on('select', (props: { items: (string | number)[] }) => {
      const id = props.items[0];
      this.#callbacks.onselect(id === undefined ? undefined : this.#eventIdOf(String(id)));
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
    this.#onWheel = (event) => this.#handleWheel(event);
    // Capture phase: our wheel handling replaces vis-timeline's (zoom on wheel and pinch, pan on horizontal swipes).
    container.addEventListener('wheel', this.#onWheel, { capture: true, passive: false });
    // The detail panel opening or the window resizing changes the width, hence the scale.
    this.#resizeObserver = new ResizeObserver(() => this.#afterVisRedraw(() => (this.#fitted ? this.fit(this.#fitted, false) : this.#relayout())));
    this.#resizeObserver.observe(container);
    // Label widths depend on the web fonts; measure again once they have loaded.
    void document.fonts?.ready.then(() => {
      if (this.#destroyed || !this.#model) return;
      this.#labelPx.clear();
      this.#relayout();
    });
  }

  /** Replace the data shown. The window is fitted to the story range. */
  setData(model: TimelineModel, laneMode: LaneMode): void {
    this.#model = model;
    this.#laneMode = laneMode;
    this.#labelPx.clear();
    this.#rebuild();
    this.fit('story', false);
    // The lane-label column only gets its width when vis redraws; fit again to the final width.
    this.#afterVisRedraw(() => {
      if (this.#fitted) this.fit(this.#fitted, false);
    });
  }

  /** vis-timeline redraws on the next animation frame; run `then` once it has (sizes are final). */
  #afterVisRedraw(then: () => void): void {
    this.#timeline.redraw();
    requestAnimationFrame(() => {
      if (!this.#destroyed) then();
    });
  }

  setLaneMode(mode: LaneMode): void {
    if (mode === this.#laneMode) return;
    this.#laneMode = mode;
    const selection = this.#timeline.getSelection();
    this.#rebuild();
    this.#timeline.setSelection(selection);
  }

  #visIdOf(eventId: string): string | undefined {
    const e = this.#model?.byId.get(eventId);
    return e ? this.#visIds.get(e) : undefined;
  }

  #eventIdOf(visId: string): string | undefined {
    return this.#items.get(visId)?.event;
  }

  /** Current visible window. */
  getWindow(): TimeRange {
    const w = this.#timeline.getWindow();
    return { start: w.start.valueOf(), end: w.end.valueOf() };
  }

  /** Zoom by a factor around a point in time (default: the window's middle). factor < 1 zooms in. */
  zoom(factor: number, around?: number, animate = true): void {
    const { start, end } = this.#target ?? this.getWindow();
    const centre = around ?? (start + end) / 2;
    const span = Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, (end - start) * factor));
    const newStart = centre - span * ((centre - start) / (end - start));
    this.#fitted = undefined;
    this.#setWindow(newStart, newStart + span, animate ? 200 : 0);
  }

  /** Pan by a fraction of the window width (negative: back in time). */
  pan(fraction: number, animate = true): void {
    const { start, end } = this.#target ?? this.getWindow();
    const shift = (end - start) * fraction;
    this.#fitted = undefined;
    this.#setWindow(start + shift, end + shift, animate ? 200 : 0);
  }

  /**
   * Fit the window to the story (every event except far-off historical context) or to all events,
   * labels included.
   */
  fit(which: 'story' | 'all', animate = true): void {
    const model = this.#model;
    if (!model?.fullRange) return;
    const events = which === 'story' ? model.events.filter((e) => e.event.type !== 'context') : model.events;
    const window = fitWindow(events.length > 0 ? events : model.events, (e) => this.#labelWidth(e), this.#centreWidth(), model.fullRange.end);
    if (!window) return;
    this.#fitted = which;
    this.#setWindow(window.start, window.end, animate ? 300 : 0);
  }

  /** Select an event (or clear), optionally scrolling it into view. vis emits no 'select' for this. */
  select(id: string | undefined, reveal: boolean): void {
    const visId = id === undefined ? undefined : this.#visIdOf(id);
    this.#timeline.setSelection(visId === undefined ? [] : [visId]);
    if (id === undefined || visId === undefined || !reveal) return;
    const e = this.#model?.byId.get(id);
    const layout = this.#layouts.get(id);
    if (!e || !layout) return;
    const { start, end } = this.getWindow();
    const visible = layout.boxStart >= start && Math.min(layout.boxEnd, e.start + 1) <= end;
    if (!visible) {
      this.#fitted = undefined;
      this.#timeline.focus(visId, { zoom: false, animation: { duration: 300, easingFunction: 'easeInOutQuad' } });
    }
  }

  /** Ids of the events vis-timeline currently draws in the window. */
  visibleIds(): string[] {
    return this.#timeline.getVisibleItems().flatMap((visId) => this.#eventIdOf(String(visId)) ?? []);
  }

  destroy(): void {
    this.#destroyed = true;
    this.#resizeObserver.disconnect();
    cancelAnimationFrame(this.#relayoutFrame);
    this.#container.removeEventListener('wheel', this.#onWheel, { capture: true });
    this.#timeline.destroy();
    this.#measure.remove();
  }

  #setWindow(start: number, end: number, durationMs: number): void {
    this.#target = durationMs > 0 ? { start, end } : undefined;
    this.#timeline.setWindow(start, end, { animation: durationMs > 0 ? { duration: durationMs, easingFunction: 'easeInOutQuad' } : false });
  }

  #centreWidth(): number {
    const centre = this.#container.querySelector<HTMLElement>('.vis-panel.vis-center');
    return Math.max(200, centre?.clientWidth ?? this.#container.clientWidth);
  }

  /** Rendered width of an event's label, measured once in a hidden box with the same styles. */
  #labelWidth(e: ResolvedEvent): number {
    let px = this.#labelPx.get(e.event.id);
    if (px === undefined) {
      const label = buildLabel(e);
      this.#measure.appendChild(label);
      px = Math.ceil(label.getBoundingClientRect().width);
      label.remove();
      this.#labelPx.set(e.event.id, px);
    }
    return px;
  }

  #layoutFor(e: ResolvedEvent): ItemLayout {
    const layout = layoutItem(e, this.#labelWidth(e), this.#msPerPx, this.#model?.fullRange?.end ?? e.end);
    this.#layouts.set(e.event.id, layout);
    return layout;
  }

  #rebuild(): void {
    const model = this.#model;
    if (!model) return;
    this.#msPerPx = this.#currentMsPerPx();
    const countries = theatresOf(model).map((t) => t.country);
    const lanes = lanesFor(model, this.#laneMode, model.events);
    const counts = new Map<string, number>();
    this.#visIds = new Map(model.events.map((e, order) => [e, `ev${order}`]));
    const items: Item[] = model.events.map((e, order) => {
      const group = laneIdOf(e, this.#laneMode, countries);
      counts.set(group, (counts.get(group) ?? 0) + 1);
      return {
        id: `ev${order}`,
        event: e.event.id,
        group,
        start: this.#layoutFor(e).boxStart,
        type: 'box',
        className: `fl-item fl-type-${e.event.type}`,
        content: '',
        order
      };
    });
    this.#items.clear();
    this.#groups.clear();
    this.#groups.add(lanes.map((l, order) => ({ id: l.id, content: l.label, order, count: counts.get(l.id) ?? 0 })));
    this.#items.add(items);
  }

  /** Bar widths and label sides depend on zoom: lay items out again, at most once per frame. */
  #relayout(): void {
    if (this.#relayoutFrame !== 0) return;
    this.#relayoutFrame = requestAnimationFrame(() => {
      this.#relayoutFrame = 0;
      const model = this.#model;
      if (!model || this.#destroyed) return;
      this.#msPerPx = this.#currentMsPerPx();
      // Updating every item makes vis call the template again (new bar width) and re-stack.
      this.#items.update(model.events.map((e, order) => ({ id: `ev${order}`, start: this.#layoutFor(e).boxStart })));
      this.#timeline.redraw();
      this.#stickLabels();
    });
  }

  #currentMsPerPx(): number {
    const { start, end } = this.getWindow();
    return Math.max(1, (end - start) / this.#centreWidth());
  }

  #renderItem(item: Item): HTMLElement {
    const e = this.#model?.byId.get(item.event);
    if (!e) return document.createElement('div');
    const layout = this.#layouts.get(item.event) ?? this.#layoutFor(e);
    return buildItemElement(e, layout, this.#labelWidth(e), this.#msPerPx);
  }

  #afterRangeChange(): void {
    const scale = this.#currentMsPerPx();
    if (Math.abs(scale - this.#msPerPx) / this.#msPerPx > 0.002) this.#relayout();
    else this.#stickLabels();
    this.#callbacks.onrange(this.getWindow());
  }

  /**
   * Keep the label of a long bar that starts left of the window in view, as vis does for ranges.
   * Reads the drawn elements: vis keeps an item's old DOM when its content is unchanged.
   */
  #stickLabels(): void {
    const windowStart = this.getWindow().start;
    for (const root of this.#container.querySelectorAll<HTMLElement>('.ev.ev-side-overlay')) {
      const label = root.querySelector<HTMLElement>('.ev-label');
      const start = Number(root.dataset['start']);
      const barPx = Number(root.dataset['bar']);
      if (!label || !Number.isFinite(start)) continue;
      const hidden = (windowStart - start) / this.#msPerPx;
      const room = barPx - label.offsetWidth - 8;
      const offset = hidden > 0 && room > 0 ? Math.min(hidden, room) : 0;
      label.style.transform = offset > 0 ? `translateX(${offset.toFixed(1)}px)` : '';
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
  root.className = 'lane-label';
  root.dataset['lane'] = group.id;
  const name = document.createElement('span');
  name.className = 'lane-name';
  name.textContent = group.content;
  const count = document.createElement('span');
  count.className = 'lane-count';
  count.textContent = `${group.count} ${group.count === 1 ? 'event' : 'events'}`;
  root.append(name, count);
  return root;
}
