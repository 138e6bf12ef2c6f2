// What the timeline hands vis-timeline, as pure functions over the event index: which lanes show
// their events as items and which show density, which events (within an item budget vis draws
// smoothly), how many long events span the view, and how far in to zoom to show one event as an
// item. Tested alone (feedPolicy.test.ts); the adapter only applies the plan.
import type { TimeRange } from '../view/windowMath';
import { MIN_WINDOW_MS } from '../view/windowMath';

/**
 * A lane shows its events as items when they fit in about this many rows of labels across the
 * view (events in view × average label width ÷ view width); denser lanes show density instead.
 */
export const MAX_LABEL_ROWS = 4;
/** Datasets this small always show every event as an item (a story, not a data dump). */
export const SMALL_DATASET = 200;
/** Most events a lane holds as items across the fed window (three screens), whatever the rows say. */
export const MAX_LANE_ITEMS = 150;
/** Most items vis-timeline holds at once, whatever the number of lanes. */
export const MAX_ITEMS = 600;
/**
 * In a large dataset, events lasting longer than this many view widths are not drawn as items
 * (they would cover every row without saying anything about the view); the lane counts them.
 */
export const LONG_EVENT_SPANS = 3;
/** Label width assumed before any label has been measured. */
export const TYPICAL_LABEL_PX = 240;

/** The parts of the EventIndex the policy asks (see src/shared/timeline/eventIndex.ts). */
export interface LaneQueries {
  /** Events indexed (those the filters show). */
  readonly size: number;
  overlapping(lane: number, t0: number, t1: number, limit: number, out: number[], duration?: { max?: number; min?: number }): number;
}

export interface FeedInput {
  readonly index: LaneQueries;
  readonly laneCount: number;
  /** The visible window. */
  readonly window: TimeRange;
  /** Width of the time axis, px. */
  readonly widthPx: number;
  /** Average label width, px. */
  readonly labelPx: number;
  /** The selected event, drawn even in a lane showing density (a search jumped to it). */
  readonly selected?: { readonly index: number; readonly start: number; readonly end: number; readonly shown: boolean } | undefined;
}

export interface FeedPlan {
  /** The window vis holds items for: the view and a view either side (ready for panning). */
  readonly fedWindow: TimeRange;
  /** Events each lane shows as items (column indices, start order); empty for density lanes. */
  readonly items: readonly (readonly number[])[];
  /** Lanes showing density. */
  readonly density: ReadonlySet<number>;
  /** Per lane: events lasting longer than LONG_EVENT_SPANS views that overlap the view (large datasets). */
  readonly spanning: readonly number[];
  /** Every event fed as an item. */
  readonly wanted: ReadonlySet<number>;
}

/** How many label rows' worth of events a lane may show across the view. */
export function maxInView(widthPx: number, labelPx: number): number {
  return Math.max(1, Math.floor((MAX_LABEL_ROWS * widthPx) / Math.max(1, labelPx)));
}

export function planFeed(input: FeedInput): FeedPlan {
  const { index, window } = input;
  const span = window.end - window.start;
  const fedWindow = { start: window.start - span, end: window.end + span };
  const small = index.size <= SMALL_DATASET;
  const rows = maxInView(input.widthPx, input.labelPx);
  const local = small ? {} : { max: LONG_EVENT_SPANS * span };
  const items: number[][] = [];
  const density = new Set<number>();
  const spanning: number[] = [];
  for (let l = 0; l < input.laneCount; l++) {
    const inView = small ? 0 : index.overlapping(l, window.start, window.end, rows, [], local);
    const out: number[] = [];
    const count = inView > rows ? MAX_LANE_ITEMS + 1 : index.overlapping(l, fedWindow.start, fedWindow.end, small ? SMALL_DATASET : MAX_LANE_ITEMS, out, local);
    const dense = !small && count > MAX_LANE_ITEMS;
    items.push(dense ? [] : out);
    if (dense) density.add(l);
    spanning.push(small ? 0 : index.overlapping(l, window.start, window.end, 999, [], { min: LONG_EVENT_SPANS * span }));
  }
  // Keep the total within what vis draws smoothly: the busiest lanes turn to density first.
  if (!small) {
    let total = items.reduce((n, a) => n + a.length, 0);
    const byLoad = items.map((a, l) => ({ l, n: a.length })).sort((a, b) => b.n - a.n);
    for (const { l, n } of byLoad) {
      if (total <= MAX_ITEMS) break;
      density.add(l);
      items[l] = [];
      total -= n;
    }
  }
  const wanted = new Set<number>();
  for (const list of items) for (const i of list) wanted.add(i);
  const s = input.selected;
  if (s && s.shown && s.start < fedWindow.end && s.end > fedWindow.start) wanted.add(s.index);
  return { fedWindow, items, density, spanning, wanted };
}

/**
 * The window that reveals an event: centred on it, zoomed in from `window`'s width until its lane
 * shows events rather than density by planFeed's test (rows of labels in view, items across the
 * fed window), but never narrower than the event. Where even that is too dense, planFeed draws the
 * selected event over the density all the same.
 */
export function revealWindow(index: LaneQueries, lane: number, event: TimeRange, window: TimeRange, widthPx: number, labelPx: number): TimeRange {
  let span = window.end - window.start;
  const centre = event.start + Math.min(event.end - event.start, span) / 2;
  const rows = maxInView(widthPx, labelPx);
  const small = index.size <= SMALL_DATASET;
  const narrowest = Math.max(MIN_WINDOW_MS, 1.5 * (event.end - event.start));
  for (let tries = 0; tries < 30 && !small && span / 2 >= narrowest; tries++) {
    const local = { max: LONG_EVENT_SPANS * span };
    const inView = index.overlapping(lane, centre - span / 2, centre + span / 2, rows, [], local);
    const count = inView > rows ? MAX_LANE_ITEMS + 1 : index.overlapping(lane, centre - 1.5 * span, centre + 1.5 * span, MAX_LANE_ITEMS, [], local);
    if (count <= MAX_LANE_ITEMS) break;
    span /= 2;
  }
  return { start: centre - span / 2, end: centre + span / 2 };
}
