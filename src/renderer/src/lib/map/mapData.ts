// What the map draws, before any drawing: where each place is and which events are drawn at it
// (once per dataset), and which of them the timeline shows now: the events starting in its visible
// window that the filters let through, eras aside — the same events the status bar counts as
// "in view". Columns are in start order, so the window is one run of indices: counting it by place
// is one pass over that run, and a place's events in it are found by binary search.
import { FLAG_ERA, type DatasetHeader, type EventColumns } from '../../../../shared/dataset/columns';
import type { FramePoint } from '../../../../shared/map/projection';
import { activePlaces, eventAnchors, eventsByPlace, placePositions, type PlaceCounts, type PlaceEvents, type PlacePositions } from '../../../../shared/map/mapAggregate';
import { DEFAULT_UNCERTAINTY_KM } from '../../../../shared/map/mapSvg';
import { lowerBound } from '../../../../shared/timeline/sortedSearch';

export interface MapIndex {
  readonly positions: PlacePositions;
  /** The place each event is drawn at (its first place with coordinates), or -1. */
  readonly anchors: Int32Array;
  /** Each place's events, in column (start) order. */
  readonly byPlace: PlaceEvents;
  /** 1 where the place's coordinates are approximate (drawn as a soft area, never a pin). */
  readonly approximate: Uint8Array;
  /** Radius of an approximate place's area, km (its stated uncertainty, or the default). */
  readonly radiusKm: Float32Array;
}

/** Once per dataset: O(events + places). */
export function buildMapIndex(header: Pick<DatasetHeader, 'places'>, cols: EventColumns): MapIndex {
  const positions = placePositions(header.places);
  const anchors = eventAnchors(cols, positions);
  const approximate = new Uint8Array(header.places.length);
  const radiusKm = new Float32Array(header.places.length);
  header.places.forEach((p, k) => {
    if (p.coordinates?.precision !== 'approximate') return;
    approximate[k] = 1;
    radiusKm[k] = p.coordinates.uncertaintyKm ?? DEFAULT_UNCERTAINTY_KM;
  });
  return { positions, anchors, byPlace: eventsByPlace(anchors, header.places.length), approximate, radiusKm };
}

export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** Which events pass the filters: a mask (1 = shown; fastest), or a test, or undefined for all. */
export type Shown = Uint8Array | ((i: number) => boolean) | undefined;

export interface WindowCounts extends PlaceCounts {
  /** Events in the window that the filters show (eras aside): located + unlocated. */
  readonly events: number;
  /** The window's run of column indices: [lo, hi). */
  readonly lo: number;
  readonly hi: number;
}

/** The window's run of column indices: events starting in [start, end). */
export function windowRun(cols: Pick<EventColumns, 'start'>, window: TimeWindow): { lo: number; hi: number } {
  const lo = lowerBound(cols.start, window.start);
  return { lo, hi: Math.max(lo, lowerBound(cols.start, window.end)) };
}

const passes = (shown: Shown, i: number): boolean => (shown === undefined ? true : typeof shown === 'function' ? shown(i) : shown[i] === 1);

/** Whether event i is one the map draws when its start is in the window: shown by the filters, not an era. */
export const eventShown = (cols: Pick<EventColumns, 'flags'>, shown: Shown, i: number): boolean => (cols.flags[i]! & FLAG_ERA) === 0 && passes(shown, i);

/**
 * The events in view, counted by the place they are drawn at: one pass over the window's run.
 * At a million events in view with a filter, a few milliseconds.
 */
export function countInWindow(index: MapIndex, cols: Pick<EventColumns, 'start' | 'flags'>, window: TimeWindow, shown: Shown): WindowCounts {
  const { lo, hi } = windowRun(cols, window);
  const placeCount = index.positions.count;
  const counts = new Uint32Array(placeCount);
  const anchors = index.anchors;
  const flags = cols.flags;
  let unlocated = 0;
  const mask = shown instanceof Uint8Array ? shown : undefined;
  const test = typeof shown === 'function' ? shown : undefined;
  for (let i = lo; i < hi; i++) {
    if ((flags[i]! & FLAG_ERA) !== 0) continue;
    if (mask ? mask[i] !== 1 : test ? !test(i) : false) continue;
    const a = anchors[i]!;
    if (a >= 0) counts[a]!++;
    else unlocated++;
  }
  const { active, located } = activePlaces(counts);
  return { counts, active, located, unlocated, events: located + unlocated, lo, hi };
}

/** The first index in `list` (ascending) that is >= x. */
function firstAtLeast(list: Uint32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The events in view drawn at `place`, in time order, at most `limit`: O(log n + k). */
export function eventsInViewAt(index: MapIndex, cols: Pick<EventColumns, 'flags'>, place: number, run: { lo: number; hi: number }, shown: Shown, limit = Infinity): number[] {
  const { offsets, events } = index.byPlace;
  const from = firstAtLeast(events, offsets[place]!, offsets[place + 1]!, run.lo);
  const out: number[] = [];
  for (let k = from; k < offsets[place + 1]! && out.length < limit; k++) {
    const e = events[k]!;
    if (e >= run.hi) break;
    if (eventShown(cols, shown, e)) out.push(e);
  }
  return out;
}

/** Every event in view, in column order (for small views and tests): O(run). */
export function eventsInView(cols: Pick<EventColumns, 'start' | 'flags'>, window: TimeWindow, shown: Shown): number[] {
  const { lo, hi } = windowRun(cols, window);
  const out: number[] = [];
  for (let i = lo; i < hi; i++) if (eventShown(cols, shown, i)) out.push(i);
  return out;
}

/**
 * What "Fit map" frames: the places of the events in view, weighted by their events, approximate
 * ones with their uncertainty; every place with coordinates when none is in view.
 */
export function framePoints(index: MapIndex, counts: WindowCounts | undefined): FramePoint[] {
  const { lon, lat, count } = index.positions;
  const inView = counts !== undefined && counts.active.length > 0;
  const points: FramePoint[] = [];
  for (let p = 0; p < count; p++) {
    if (inView ? counts.counts[p] === 0 : lon[p] !== lon[p]) continue;
    points.push({ lon: lon[p]!, lat: lat[p]!, radiusKm: index.approximate[p] ? index.radiusKm[p]! : 0, weight: inView ? counts.counts[p]! : 1 });
  }
  return points;
}
