// Fills vis-timeline's data sets from a feed plan (feedPolicy.ts): event items laid out for the
// view as it is now (itemLayout.ts), a density item per dense lane (densityLayer.ts), the eras
// behind the lanes, the lane labels; and draws each item when vis asks (its template). Only what
// changed is handed to vis: new events added, gone ones removed, moved ones updated.
import type { DataSet } from 'vis-data/esnext';
import type { Timeline } from 'vis-timeline/esnext';
import { stringAt, type DatasetHeader, type EventColumns, type LaneInfo } from '../../../../shared/dataset/columns';
import { describeUncertainty } from '../../../../shared/timeline/density';
import type { EventIndex } from '../../../../shared/timeline/eventIndex';
import { extentKind } from '../../../../shared/render/extent';
import type { TimeRange } from '../view/windowMath';
import { binAt, densityBins, densityTooltip, drawDensity, laneColour, type DensityBins } from './densityLayer';
import { EdgeMarkers } from './edgeMarkers';
import { planFeed } from './feedPolicy';
import { outside } from './framing';
import { buildItemElement, describeEvent } from './itemElement';
import { layoutItem, maxLabelPx, sameLayout, type ItemLayout } from './itemLayout';
import { LabelCache } from './labels';
import type { LaneGroup } from './laneLabel';
import { Tooltip } from './tooltip';

/**
 * vis-timeline keeps items in plain objects keyed by id, so a dataset id such as "constructor"
 * would collide with Object.prototype. Items get our own ids ("e<column index>", "d<lane>",
 * "era<index>") and carry the dataset id in `event` (drawn as data-event).
 */
export interface Item {
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
  /** Column index of the event (start order) for items; used for stacking order. */
  order: number;
  event?: string;
  /** Bumped to make vis redraw the item. */
  rev: number;
}

/** Edge markers count the events outside the view up to this dataset size (an O(n) count per feed). */
const MARKER_EVENTS = 50_000;

export interface FeederHost {
  getWindow(): TimeRange;
  centreWidth(): number;
  onshowall(): void;
  onhover(index: number | undefined): void;
  /** A feed was handed to vis. */
  drawn(): void;
}

export class Feeder {
  readonly labels: LabelCache;
  readonly #container: HTMLElement;
  readonly #items: DataSet<Item, 'id'>;
  readonly #groups: DataSet<LaneGroup, 'id'>;
  readonly #host: FeederHost;
  readonly #densityTip: Tooltip;
  readonly #eventTip: Tooltip;
  readonly #markers: EdgeMarkers;
  readonly #onpointer: (e: PointerEvent) => void;

  #cols: EventColumns | undefined;
  #header: DatasetHeader | undefined;
  #fed = new Set<number>();
  #fedWindow: TimeRange | undefined;
  #fedScale = 0;
  #densityLanes = new Set<number>();
  #density = new Map<number, DensityBins>();
  readonly #layouts = new Map<number, ItemLayout>();
  #eraIds: string[] = [];
  #rev = 0;
  #msPerPx = 86_400_000;
  #highlighted: number | undefined;
  /** The widest a label is drawn at the current width (maxLabelPx). */
  #labelCap = Infinity;
  /** Lane ids of the last feed, for the density bars' colours (lanes by type take their type's). */
  #laneIds: string[] = [];
  /** The selected event (column index), drawn even in a density lane. */
  selected: number | undefined;

  constructor(container: HTMLElement, items: DataSet<Item, 'id'>, groups: DataSet<LaneGroup, 'id'>, host: FeederHost) {
    this.#container = container;
    this.#items = items;
    this.#groups = groups;
    this.#host = host;
    this.labels = new LabelCache(container);
    this.#densityTip = new Tooltip(container, 'density-tooltip', 'status');
    this.#eventTip = new Tooltip(container, 'event-tooltip', 'tooltip');
    this.#markers = new EdgeMarkers(container, () => host.onshowall());
    // Hovering an event shows its title and date (text only), and tells the other views.
    this.#onpointer = (e) => {
      // Not while dragging the timeline: nothing to read then, and every frame counts.
      if (e.buttons !== 0) return;
      const el = e.target instanceof Element ? e.target.closest<HTMLElement>('.ev[data-index]') : null;
      if (e.type === 'pointerover' && el) {
        const index = Number(el.dataset['index']);
        this.#eventTip.show(describeEvent(this.labels.view(index)), e.clientX, e.clientY, { event: el.dataset['event'] ?? '' });
        host.onhover(index);
      } else if (e.type === 'pointerout' && el && !(e.relatedTarget instanceof Node && el.contains(e.relatedTarget))) {
        this.#eventTip.hide();
        host.onhover(undefined);
      }
    };
    container.addEventListener('pointerover', this.#onpointer);
    container.addEventListener('pointerout', this.#onpointer);
  }

  get fedWindow(): TimeRange | undefined {
    return this.#fedWindow;
  }

  reset(cols: EventColumns, header: DatasetHeader): void {
    this.#cols = cols;
    this.#header = header;
    this.selected = undefined;
    this.labels.reset(cols);
    this.#layouts.clear();
    this.forgetFed();
  }

  /** vis holds no items any more (nor density). */
  forgetFed(): void {
    this.#fed.clear();
    this.#fedWindow = undefined;
    this.#densityLanes.clear();
    this.#density.clear();
    this.#eraIds = [];
    this.#items.clear();
  }

  /** Eras behind every lane: those the filter shows. */
  setEras(eras: readonly number[], include: ((i: number) => boolean) | undefined): void {
    const cols = this.#cols;
    if (!cols) return;
    this.#items.remove(this.#eraIds);
    const items: Item[] = eras
      .filter((i) => !include || include(i))
      .map((i, k) => ({ id: `era${i}`, start: cols.start[i]!, end: cols.end[i]!, type: 'background', className: `era-band era-${k % 2}`, content: '', order: -2, event: stringAt(cols.ids, i), rev: 0 }));
    this.#eraIds = items.map((item) => item.id);
    this.#items.add(items);
  }

  scaleChanged(msPerPx: number): boolean {
    return Math.abs(msPerPx - this.#fedScale) / Math.max(1, this.#fedScale) > 0.002;
  }

  isFed(index: number): boolean {
    return this.#fed.has(index);
  }

  isDensity(lane: number): boolean {
    return this.#densityLanes.has(lane);
  }

  layoutOf(index: number): ItemLayout | undefined {
    return this.#layouts.get(index);
  }

  /** Feed vis for the view as it is now. */
  feed(index: EventIndex, lanes: readonly LaneInfo[], laneOf: Uint16Array, include: ((i: number) => boolean) | undefined, timeline: Timeline): void {
    const cols = this.#cols!;
    const window = this.#host.getWindow();
    const width = this.#host.centreWidth();
    const scale = (window.end - window.start) / width;
    this.#msPerPx = scale;
    this.#laneIds = lanes.map((l) => l.id);
    const s = this.selected;
    const plan = planFeed({
      index,
      laneCount: lanes.length,
      window,
      widthPx: width,
      labelPx: this.labels.typical(),
      selected: s === undefined ? undefined : { index: s, start: cols.start[s]!, end: cols.end[s]!, shown: !include || include(s) }
    });
    this.labels.measure(plan.wanted);
    const remove: string[] = [];
    for (const i of this.#fed) if (!plan.wanted.has(i)) remove.push(`e${i}`);
    const add: Item[] = [];
    const update: Partial<Item>[] = [];
    const rev = ++this.#rev;
    this.#labelCap = maxLabelPx(width);
    for (const i of plan.wanted) {
      const view = this.labels.view(i);
      const layout = layoutItem({ start: view.start, end: view.end, kind: extentKind(view) }, this.#labelWidth(i), scale, window);
      const before = this.#layouts.get(i);
      this.#layouts.set(i, layout);
      if (!this.#fed.has(i)) {
        add.push({ id: `e${i}`, event: view.id, group: `lane${laneOf[i]}`, start: layout.boxStart, end: layout.boxEnd, limitSize: false, type: 'range', className: `fl-item fl-type-${view.type}`, content: '', order: i, rev });
      } else if (!before || !sameLayout(before, layout, scale) || this.scaleChanged(scale)) {
        update.push({ id: `e${i}`, start: layout.boxStart, end: layout.boxEnd, rev });
      }
    }
    // Forget what is no longer fed (labels, views, layouts) so memory follows the view.
    for (const i of this.#fed) {
      if (plan.wanted.has(i) || i === this.selected) continue;
      this.labels.forget(i);
      this.#layouts.delete(i);
    }
    this.#fed = new Set(plan.wanted);

    // Density: one background item per dense lane, covering the fed window, drawn at this zoom.
    const { unit, bins } = densityBins(index, plan.density, plan.fedWindow, window, scale);
    this.#density = bins;
    const densityItems: Item[] = [...bins].map(([l, d]) => ({ id: `d${l}`, group: `lane${l}`, start: d.edges[0]!, end: d.edges[d.edges.length - 1]!, type: 'background', className: 'fl-density', content: '', order: -1, rev }));
    const oldDensity = [...this.#densityLanes].map((l) => `d${l}`);
    this.#densityLanes = new Set(plan.density);
    this.#fedWindow = plan.fedWindow;
    this.#fedScale = scale;

    this.#items.remove([...remove, ...oldDensity]);
    if (update.length > 0) this.#items.update(update);
    this.#items.add([...add, ...densityItems]);
    // What vis holds, on the container: tests check the drawing against the data with these.
    const data = this.#container.dataset;
    data['fedStart'] = String(plan.fedWindow.start);
    data['fedEnd'] = String(plan.fedWindow.end);
    data['viewStart'] = String(window.start);
    data['viewEnd'] = String(window.end);
    data['binUnit'] = unit;
    data['msPerPx'] = String(scale);
    this.#updateGroups(lanes, index, plan.spanning);
    this.applySelection(timeline);
    if (cols.count <= MARKER_EVENTS) {
      const { before, after } = outside({ cols, include }, window);
      this.#markers.update(before, after);
    } else this.#markers.update(0, 0);
    this.#host.drawn();
  }

  #updateGroups(lanes: readonly LaneInfo[], index: EventIndex, spanning: readonly number[]): void {
    const unit = this.#header?.figureUnit?.unit;
    this.#groups.update(
      lanes.map((_, l) => {
        const density = this.#density.get(l);
        const d = density?.inView;
        return {
          id: `lane${l}`,
          // Never empty: vis-timeline crashes when a group's className changes to '' (it passes null on).
          className: d ? 'lane-density' : 'lane-items',
          total: index.laneSize(l),
          density: d ? { total: d.count, uncertain: d.uncertain, loosely: describeUncertainty(density!.data.shortestWindow), sum: d.sum, unit } : undefined,
          spanning: spanning[l] ?? 0
        };
      })
    );
  }

  applySelection(timeline: Timeline): void {
    const i = this.selected;
    timeline.setSelection(i !== undefined && this.#fed.has(i) ? [`e${i}`] : []);
    for (const j of this.#fed) this.labels.drawn(j)?.setAttribute('aria-current', String(j === i));
  }

  /** Another view points at this event (the map's hover): mark it. */
  highlight(index: number | undefined): void {
    if (this.#highlighted !== undefined) this.labels.drawn(this.#highlighted)?.classList.remove('ev-hovered');
    this.#highlighted = index;
    if (index !== undefined) this.labels.drawn(index)?.classList.add('ev-hovered');
  }

  /** The keyboard focus is on an event: its title and date show beside it, as on hover. */
  focused(index: number | undefined): void {
    const el = index === undefined ? undefined : this.labels.drawn(index);
    if (!el || index === undefined) {
      this.#eventTip.hide();
      this.#host.onhover(undefined);
      return;
    }
    const box = el.getBoundingClientRect();
    this.#eventTip.show(describeEvent(this.labels.view(index)), box.left, box.bottom - 8, { event: el.dataset['event'] ?? '' });
    this.#host.onhover(index);
  }

  /** Events drawn in the visible window, in time order. */
  inView(): number[] {
    const cols = this.#cols;
    if (!cols) return [];
    const { start, end } = this.#host.getWindow();
    return [...this.#fed].filter((i) => cols.start[i]! < end && cols.end[i]! > start && this.labels.drawn(i) !== undefined).sort((a, b) => cols.start[a]! - cols.start[b]! || a - b);
  }

  element(index: number): HTMLElement | undefined {
    return this.labels.drawn(index);
  }

  remeasure(): void {
    this.labels.remeasure();
  }

  /** What vis asks to draw: an event, a lane's density, or an era. */
  render(item: Item): HTMLElement {
    if (item.type !== 'background') return this.#renderEvent(item.order);
    if (item.id.startsWith('era')) {
      const el = document.createElement('div');
      el.className = 'era-label';
      el.textContent = this.#cols ? stringAt(this.#cols.titles, Number(item.id.slice(3))) : '';
      return el;
    }
    const lane = Number(item.id.slice(1));
    const canvas = document.createElement('canvas');
    const d = this.#density.get(lane);
    if (!d) return canvas;
    let max = 1;
    for (const other of this.#density.values()) max = Math.max(max, other.data.maxCount);
    drawDensity(canvas, lane, d, this.#msPerPx, laneColour(this.#laneIds[lane] ?? ''), max);
    return canvas;
  }

  /** A label's width as drawn: as measured, up to the cap (a longer title is shortened). */
  #labelWidth(i: number): number {
    return Math.min(this.labels.width(i), this.#labelCap);
  }

  #renderEvent(i: number): HTMLElement {
    if (!this.#cols) return document.createElement('div');
    const view = this.labels.view(i);
    const label = this.labels.label(i);
    const width = this.#labelWidth(i);
    const layout = this.#layouts.get(i) ?? layoutItem({ start: view.start, end: view.end, kind: extentKind(view) }, width, this.#msPerPx, this.#host.getWindow());
    this.#layouts.set(i, layout);
    const root = buildItemElement(this.labels.root(i), view, label.el, layout, width, this.#msPerPx);
    label.el.classList.toggle('ev-label-cut', width < label.width);
    label.el.style.maxWidth = width < label.width ? `${width}px` : '';
    this.#stickLabel(i);
    root.classList.toggle('ev-hovered', i === this.#highlighted);
    root.setAttribute('aria-current', String(i === this.selected));
    return root;
  }

  /** Keep the label of a long mark that starts left of the window in view, as vis does for ranges. */
  stickLabels(): void {
    for (const i of this.#fed) this.#stickLabel(i);
  }

  #stickLabel(i: number): void {
    const layout = this.#layouts.get(i);
    if (!layout || layout.side !== 'overlay') return;
    const label = this.labels.label(i);
    const hidden = (this.#host.getWindow().start - layout.markStart) / this.#msPerPx;
    const room = layout.barPx - this.#labelWidth(i) - 8;
    const offset = hidden > 0 && room > 0 ? Math.min(hidden, room) : 0;
    label.el.style.transform = offset > 0 ? `translateX(${offset.toFixed(1)}px)` : '';
  }

  // -------------------------------------------------------------------------------------------
  // Density under the pointer

  hoverDensity(props: { group: string | null; time: Date; event: MouseEvent }, figureLabel: string | undefined): void {
    if (props.event.buttons !== 0) {
      // Dragging the timeline: no tooltip to follow.
      this.#densityTip.hide();
      return;
    }
    const lane = props.group?.startsWith('lane') ? Number(props.group.slice(4)) : -1;
    const d = this.#density.get(lane);
    const k = d ? binAt(d, props.time.valueOf()) : -1;
    if (!d || k < 0) {
      this.#densityTip.hide();
      return;
    }
    this.#densityTip.show(densityTooltip(d, k, figureLabel), props.event.clientX, props.event.clientY, {
      lane: String(lane),
      binStart: String(d.edges[k]),
      binEnd: String(d.edges[k + 1])
    });
  }

  /** The density bin under a click, if it was on one (a click zooms into it). */
  densityBinAt(props: { group: string | null; time: Date; item: string | null }): TimeRange | undefined {
    if (props.item !== null && !String(props.item).startsWith('d')) return undefined;
    const lane = props.group?.startsWith('lane') ? Number(props.group.slice(4)) : -1;
    const d = this.#density.get(lane);
    const k = d ? binAt(d, props.time.valueOf()) : -1;
    if (!d || k < 0) return undefined;
    return { start: d.edges[k]!, end: d.edges[k + 1]! };
  }

  hideTooltips(): void {
    this.#densityTip.hide();
    this.#eventTip.hide();
  }

  destroy(): void {
    this.#container.removeEventListener('pointerover', this.#onpointer);
    this.#container.removeEventListener('pointerout', this.#onpointer);
    this.labels.destroy();
    this.#densityTip.destroy();
    this.#eventTip.destroy();
    this.#markers.destroy();
  }
}

