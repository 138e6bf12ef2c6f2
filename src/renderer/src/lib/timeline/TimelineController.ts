// The adapter around vis-timeline: the only module that talks to it (with feeder.ts, which fills
// its data sets). vis-timeline draws the axis, the lanes and the items it is given, and handles
// dragging; the feed policy (feedPolicy.ts) decides what it is given, itemLayout.ts where labels
// go, densityLayer.ts what dense lanes show. This module wires them: the data, lanes and index,
// the window's motion (requests, wheel, fit, reveal, presenting), and redrawing everything at once
// when the timeline's size or the screen's pixel ratio changes.
import { DataSet } from 'vis-data/esnext';
import type { Timeline } from 'vis-timeline/esnext';
import type { DatasetHeader, EventColumns, LaneInfo } from '../../../../shared/dataset/columns';
import type { LaneMode } from '../../../../shared/timeline/laneAssignment';
import type { ViewRequest } from '../view/viewRequest';
import { panWindow, zoomWindow, type TimeRange } from '../view/windowMath';
import { EventFocus } from './eventFocus';
import { revealWindow } from './feedPolicy';
import { Feeder, type Item } from './feeder';
import { fitView } from './framing';
import { maxLabelPx } from './itemLayout';
import type { LaneGroup } from './laneLabel';
import { watchSize } from './sizeWatch';
import { createTimeline } from './visTimeline';
import { StagedSetup } from './stagedSetup';
import { TimelineData } from './timelineData';
import { attachWheel } from './wheel';
import { LinkLayer } from './linkLayer';
import type { ResolvedLink } from '../../../../shared/dataset/links';
import { CursorLine } from './cursorLine';

export type { LaneMode, TimeRange };

export interface TimelineCallbacks {
  /** The user selected an event (click, tap, Enter), or cleared the selection: its column index. */
  onselect(index: number | undefined): void;
  /** The visible window changed (at most once per frame while panning or zooming). */
  onrange(range: TimeRange): void;
  /** The timeline's size changed (CSS px). */
  onsize?(size: { width: number; height: number }): void;
  /** The pointer or the keyboard focus is on an event (undefined: on none). */
  onhover?(index: number | undefined): void;
  /** The time under the pointer (undefined: the pointer left). */
  oncursor?(time: number | undefined): void;
  /** An edge marker was pressed: show the whole range. */
  onshowall?(): void;
  /** The time cursor's line was dragged and dropped at this time. */
  ontimecursor?(time: number): void;
}

/**
 * Datasets this large are set up in tasks of their own (the lanes and their index, then the first
 * feed), so that no task holds the page for long when one arrives (a million events: about
 * 100 ms each instead of 250 ms in one).
 */
export const STAGED_SETUP_EVENTS = 10_000;
/** Zooming is done when no range change came for this long; then items are laid out again. */
const SETTLE_MS = 140;
/** How long a presentation takes to glide from one step's window to the next. */
const PRESENT_GLIDE_MS = 450;

export class TimelineController {
  readonly #container: HTMLElement;
  readonly #callbacks: TimelineCallbacks;
  readonly #timeline: Timeline;
  readonly #items = new DataSet<Item, 'id'>();
  readonly #groups = new DataSet<LaneGroup, 'id'>();
  readonly #feeder: Feeder;
  readonly #focus: EventFocus;
  readonly #staged = new StagedSetup();
  readonly #cleanup: (() => void)[] = [];

  readonly #data = new TimelineData();
  /** Links between events, drawn over the lanes after every redraw of vis. */
  readonly #links: LinkLayer;
  readonly #cursorLine: CursorLine;

  #refeedFrame = 0;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #rangeFrame = 0;
  /** The window at the last range event: a tooltip stays while the window does not move. */
  #lastWindow: TimeRange | undefined;
  #presentTimer: ReturnType<typeof setTimeout> | undefined;
  #destroyed = false;
  /** Where an animated zoom or pan is heading: repeated keys add up from there, not from mid-flight. */
  #target: TimeRange | undefined;
  /** Set while the view is as a fit left it; a resize then fits again instead of keeping the dates. */
  #fitted: 'frame' | 'all' | undefined;
  #size = { width: 0, height: 0 };

  constructor(container: HTMLElement, callbacks: TimelineCallbacks) {
    this.#container = container;
    this.#callbacks = callbacks;
    this.#timeline = createTimeline(container, this.#items, this.#groups, (item) => this.#feeder.render(item));
    this.#cursorLine = new CursorLine(this.#timeline, (time) => callbacks.ontimecursor?.(time));
    // The lane names scroll when the lanes are taller than the view: a keyboard user scrolls them
    // from there (a scrolling region must be reachable, WCAG 2.1.1).
    const names = container.querySelector<HTMLElement>('.vis-panel.vis-left');
    if (names) {
      names.tabIndex = 0;
      names.setAttribute('role', 'region');
      names.setAttribute('aria-label', 'Lane names (the arrow keys scroll the lanes)');
    }
    this.#feeder = new Feeder(container, this.#items, this.#groups, {
      getWindow: () => this.getWindow(),
      centreWidth: () => this.#centreWidth(),
      onshowall: () => callbacks.onshowall?.(),
      onhover: (index) => callbacks.onhover?.(index),
      drawn: () => this.#afterFeed()
    });
    this.#links = new LinkLayer(container, {
      getWindow: () => this.getWindow(),
      columns: () => this.#data.cols,
      laneOf: (i) => (this.#data.index ? this.#data.laneOf[i] : undefined),
      element: (i) => this.#feeder.element(i)
    });
    this.#timeline.on('changed', () => this.#links.draw());
    this.#focus = new EventFocus(container, {
      inView: () => this.#feeder.inView(),
      element: (i) => this.#feeder.element(i),
      neighbour: (i, direction) => this.#data.neighbour(i, direction),
      reveal: (i) => this.#reveal(i, true),
      open: (i) => {
        this.#feeder.selected = i;
        this.#feeder.applySelection(this.#timeline);
        callbacks.onselect(i);
      },
      focused: (i) => this.#feeder.focused(i)
    });
    this.#timeline.on('select', (props: { items: (string | number)[] }) => {
      const id = props.items[0];
      const index = typeof id === 'string' && id.startsWith('e') ? Number(id.slice(1)) : undefined;
      this.#feeder.selected = index;
      callbacks.onselect(index);
    });
    this.#timeline.on('rangechange', (props: { byUser?: boolean }) => {
      if (props.byUser) {
        this.#fitted = undefined;
        this.#target = undefined;
      }
      this.#afterRangeChange(false);
    });
    this.#timeline.on('rangechanged', () => {
      this.#target = undefined;
      this.#afterRangeChange(true);
    });
    this.#timeline.on('mouseMove', (props: { group: string | null; time: Date; event: MouseEvent }) => {
      this.#feeder.hoverDensity(props, this.#data.header?.figureUnit?.label);
      callbacks.oncursor?.(props.time.valueOf());
    });
    this.#timeline.on('click', (props: { group: string | null; time: Date; item: string | null }) => {
      const bin = this.#feeder.densityBinAt(props);
      if (bin) {
        const pad = (bin.end - bin.start) * 0.5;
        this.#go({ start: bin.start - pad, end: bin.end + pad }, 300);
      }
    });
    const onleave = () => {
      this.#feeder.hideTooltips();
      callbacks.oncursor?.(undefined);
    };
    container.addEventListener('mouseleave', onleave);
    this.#cleanup.push(() => container.removeEventListener('mouseleave', onleave));
    this.#cleanup.push(
      attachWheel(container, {
        window: () => this.getWindow(),
        pan: (fraction) => this.#go(panWindow(this.#target ?? this.getWindow(), fraction), 0),
        zoom: (factor, around) => this.#go(zoomWindow(this.#target ?? this.getWindow(), factor, around), 0)
      })
    );
    this.#cleanup.push(watchSize(container, () => this.#resized()));
    // Label widths depend on the web fonts; measure again once they have loaded.
    void document.fonts?.ready.then(() => {
      if (!this.#destroyed && this.#data.cols) this.remeasure();
    });
  }

  // -------------------------------------------------------------------------------------------
  // Data

  /**
   * Replace the data shown. The window frames where the events are. Resolves once the data is
   * fed to vis (at once for a small dataset; a large one is set up in tasks of its own, see
   * STAGED_SETUP_EVENTS, and anything asked of the controller meanwhile finishes that first);
   * never, when other data replaces it first.
   */
  setData(header: DatasetHeader, cols: EventColumns, laneMode: LaneMode): Promise<void> {
    this.#staged.drop();
    this.#links.set([]);
    this.#data.reset(header, cols, laneMode);
    this.#feeder.reset(cols, header);
    const feed = () => {
      this.#fit('frame', 0);
      this.#refeed();
      // The lane-label column only gets its width when vis redraws; fit again to the final width.
      this.#afterVisRedraw(() => {
        if (this.#fitted) this.#fit(this.#fitted, 0);
      });
    };
    if (cols.count < STAGED_SETUP_EVENTS) {
      this.#rebuildLanes();
      feed();
      return Promise.resolve();
    }
    // Nothing of the previous dataset stays in vis meanwhile (its items name its events).
    this.#feeder.forgetFed();
    this.#groups.clear();
    return this.#staged.stage([() => this.#rebuildLanes(), feed]);
  }

  setLaneMode(mode: LaneMode): void {
    this.#staged.finish();
    if (mode === this.#data.laneMode || !this.#data.cols) return;
    this.#data.laneMode = mode;
    this.#rebuildLanes();
    this.#refeed();
  }

  /** Show only events for which `include` is true (undefined: all). Answers in O(n) once. */
  setFilter(include: ((i: number) => boolean) | undefined): void {
    this.#staged.finish();
    this.#data.setFilter(include);
    if (!this.#data.cols) return;
    this.#feeder.setEras(this.#data.eras, include);
    this.#refeed();
  }

  /** Select an event by column index (or clear); bringing it into view is a request ('reveal'). */
  select(index: number | undefined): void {
    if (this.#feeder.selected === index) return;
    this.#feeder.selected = index;
    // Still being set up (a large dataset): the feed to come draws it.
    if (!this.#data.index) return;
    // A selected event is drawn even in a lane showing density: feed it if it is not.
    if (index !== undefined && !this.#feeder.isFed(index)) this.#scheduleRefeed();
    this.#feeder.applySelection(this.#timeline);
  }

  /** The time cursor's day as a vertical line (undefined: none). */
  setTimeCursor(day: number | undefined): void {
    this.#cursorLine.set(day);
  }

  /** The links to draw between events (column indices of this data); none when empty. */
  setLinks(links: readonly ResolvedLink[]): void {
    this.#links.set(links);
  }

  /** Another view points at an event: mark it here too. */
  highlight(index: number | undefined): void {
    this.#feeder.highlight(index);
  }

  /** Do what the viewer asks of the views that show time. */
  request(r: ViewRequest): void {
    this.#staged.finish();
    if (!this.#data.cols) return;
    const base = this.#target ?? this.getWindow();
    switch (r.kind) {
      case 'zoom':
        return this.#go(zoomWindow(base, r.factor, r.around), r.animate ? 200 : 0);
      case 'pan':
        return this.#go(panWindow(base, r.fraction), r.animate ? 200 : 0);
      case 'window':
        return this.#go(r.window, r.animate ? 300 : 0);
      case 'fit':
        return this.#fit(r.which, r.animate ? 300 : 0);
      case 'reveal':
        return this.#reveal(r.index, r.animate);
      case 'present':
        return this.#present(r.index, r.window, r.animate);
    }
  }

  /** Type sizes changed (the projector theme, a presentation): measure the labels again and lay them out anew. */
  remeasure(): void {
    this.#staged.finish();
    if (this.#destroyed || !this.#data.cols) return;
    this.#feeder.remeasure();
    this.#afterVisRedraw(() => {
      this.#refeed();
      if (this.#fitted) this.#fit(this.#fitted, 0);
    });
  }

  /** The event that had the keyboard focus takes it again (its details closed). */
  restoreFocus(): void {
    this.#focus.restore();
  }

  /** Lanes currently shown, with the events each holds. */
  lanes(): readonly (LaneInfo & { readonly size: number; readonly density: boolean })[] {
    this.#staged.finish();
    const { lanes, index } = this.#data;
    return lanes.map((l, i) => ({ ...l, size: index?.laneSize(i) ?? 0, density: this.#feeder.isDensity(i) }));
  }

  /** Current visible window. */
  getWindow(): TimeRange {
    const w = this.#timeline.getWindow();
    return { start: w.start.valueOf(), end: w.end.valueOf() };
  }

  /** Column indices of the events drawn as items inside the visible window. */
  visibleIndices(): number[] {
    this.#staged.finish();
    return [...this.#feeder.inView()].sort((a, b) => a - b);
  }

  destroy(): void {
    this.#destroyed = true;
    cancelAnimationFrame(this.#refeedFrame);
    cancelAnimationFrame(this.#rangeFrame);
    clearTimeout(this.#settleTimer);
    clearTimeout(this.#presentTimer);
    this.#staged.stop();
    for (const stop of this.#cleanup) stop();
    this.#focus.destroy();
    this.#links.destroy();
    this.#timeline.destroy();
    this.#feeder.destroy();
  }

  // -------------------------------------------------------------------------------------------
  // Lanes and feeding vis

  #rebuildLanes(): void {
    const data = this.#data;
    data.buildLanes();
    this.#feeder.forgetFed();
    this.#groups.clear();
    this.#groups.add(data.lanes.map((l, order) => ({ id: `lane${order}`, content: l.label, order, className: 'lane-items', total: data.index?.laneSize(order) ?? 0 })));
    this.#feeder.setEras(data.eras, data.include);
  }

  #scheduleRefeed(): void {
    if (this.#refeedFrame !== 0) return;
    this.#refeedFrame = requestAnimationFrame(() => {
      this.#refeedFrame = 0;
      if (!this.#destroyed) this.#refeed();
    });
  }

  /** Give vis what the window around the view needs, laid out for the view as it is now. */
  #refeed(): void {
    const { cols, index, lanes, laneOf, include } = this.#data;
    if (!cols || !index || this.#destroyed) return;
    this.#feeder.feed(index, lanes, laneOf, include, this.#timeline);
  }

  /** After each feed, once vis has drawn it: the keyboard's Tab stop among the events in view. */
  #afterFeed(): void {
    requestAnimationFrame(() => {
      if (!this.#destroyed) this.#focus.refresh();
    });
  }

  // -------------------------------------------------------------------------------------------
  // The window

  #go(w: TimeRange, durationMs: number): void {
    this.#fitted = undefined;
    this.#setWindow(w, durationMs);
  }

  #setWindow(w: TimeRange, durationMs: number): void {
    this.#target = durationMs > 0 ? w : undefined;
    this.#timeline.setWindow(w.start, w.end, { animation: durationMs > 0 ? { duration: durationMs, easingFunction: 'easeInOutQuad' } : false });
  }

  /** Frame where the events are (the default view), or show the whole range; labels measured at the current type size. */
  #fit(which: 'frame' | 'all', durationMs: number): void {
    this.#staged.finish();
    const cols = this.#data.cols;
    if (!cols) return;
    const widthPx = this.#centreWidth();
    const w = fitView(which, { cols, include: this.#data.include, widthPx, labels: this.#feeder.labels, cap: maxLabelPx(widthPx) });
    if (!w) return;
    this.#fitted = which;
    this.#setWindow(w, durationMs);
  }

  /** Bring an event into view, zoomed in far enough that its lane shows events, not density. */
  #reveal(index: number, animate: boolean): void {
    const { cols, index: lanes, laneOf } = this.#data;
    if (!cols || !lanes) return;
    const window = this.getWindow();
    const layout = this.#feeder.layoutOf(index);
    if (this.#feeder.isFed(index) && layout && layout.boxStart >= window.start && Math.min(layout.boxEnd, cols.start[index]! + 1) <= window.end) {
      this.#timeline.focus(`e${index}`, { zoom: false, animation: false });
      return;
    }
    const event = { start: cols.start[index]!, end: cols.end[index]! };
    this.#go(revealWindow(lanes, laneOf[index] ?? 0, event, window, this.#centreWidth(), this.#feeder.labels.typical()), animate ? 300 : 0);
  }

  /**
   * A presentation step: select the event, glide to the window given (or, without one, reveal it),
   * then bring its lane into view vertically and centre its label once it is drawn.
   */
  #present(index: number, window: TimeRange | undefined, animate: boolean): void {
    clearTimeout(this.#presentTimer);
    this.#feeder.selected = index;
    this.#feeder.applySelection(this.#timeline);
    if (window) this.#go(window, animate ? PRESENT_GLIDE_MS : 0);
    else this.#reveal(index, animate);
    this.#presentTimer = setTimeout(
      () => {
        if (this.#destroyed || this.#feeder.selected !== index) return;
        if (!this.#feeder.isFed(index)) this.#refeed();
        if (!this.#feeder.isFed(index)) return;
        this.#timeline.focus(`e${index}`, { zoom: false, animation: animate ? { duration: 250, easingFunction: 'easeInOutQuad' } : false });
        this.#feeder.applySelection(this.#timeline);
      },
      (animate ? PRESENT_GLIDE_MS : 0) + SETTLE_MS + 40
    );
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
    // offsetWidth: the width vis-timeline scales time by (clientWidth leaves out its borders).
    return Math.max(200, centre?.offsetWidth ?? this.#container.clientWidth);
  }

  #afterRangeChange(settled: boolean): void {
    const window = this.getWindow();
    const last = this.#lastWindow;
    // vis also reports ranges that did not move (a redraw): the pointer is still on the same event.
    if (!last || last.start !== window.start || last.end !== window.end) this.#feeder.hideTooltips();
    this.#lastWindow = window;
    if (!this.#data.cols) return;
    const span = window.end - window.start;
    const fed = this.#feeder.fedWindow;
    if (this.#feeder.scaleChanged(span / this.#centreWidth())) {
      // Zooming: lay out again once it settles; meanwhile refill if the view outruns the fed window.
      clearTimeout(this.#settleTimer);
      this.#settleTimer = setTimeout(() => this.#refeed(), SETTLE_MS);
      if (!fed || window.start < fed.start || window.end > fed.end) this.#scheduleRefeed();
    } else if (settled || !fed || window.start < fed.start + span * 0.25 || window.end > fed.end - span * 0.25) {
      // Panned: labels near the view's edges may read forward now, or must go before their marks.
      this.#scheduleRefeed();
    }
    this.#feeder.stickLabels();
    if (this.#rangeFrame === 0) {
      this.#rangeFrame = requestAnimationFrame(() => {
        this.#rangeFrame = 0;
        if (!this.#destroyed) this.#callbacks.onrange(this.getWindow());
      });
    }
  }

  /**
   * Any change of the timeline's size (the window, maximising, a panel opening or closing) or of
   * the screen's pixel ratio (another screen) redraws everything at once, once vis has its new
   * size: items laid out anew, density drawn at the new width and ratio, and a fitted view
   * fitted again.
   */
  #resized(): void {
    if (this.#destroyed) return;
    // vis-timeline's redraw is throttled to the next frame: measure after it.
    this.#afterVisRedraw(() => {
      const size = { width: this.#container.clientWidth, height: this.#container.clientHeight };
      if (size.width !== this.#size.width || size.height !== this.#size.height) this.#callbacks.onsize?.(size);
      this.#size = size;
      if (!this.#data.cols) return;
      this.#staged.finish();
      if (this.#fitted) this.#fit(this.#fitted, 0);
      this.#refeed();
      this.#callbacks.onrange(this.getWindow());
    });
  }
}

