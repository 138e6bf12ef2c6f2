// A time index over columnar events, per lane: "which events overlap [t0, t1) in this lane, at most
// N of them" in O(log n + k), and "how many start in [t0, t1), and what do their figures add up
// to" in O(log n). Density displays and the windowed timeline are drawn from it every frame.
//
// Overlap queries need to know how far back an event that overlaps t0 may start. Events are split
// by duration into classes (up to 1 day, 4 days, 16 days, ...): in class k every event lasts at
// most D_k, so only events starting after t0 - D_k can reach t0.
import type { EventColumns } from '../dataset/columns';

const DAY = 86_400_000;
/** Upper duration bound of each class; the last class holds everything longer. */
export const DURATION_CLASSES = [DAY, 4 * DAY, 16 * DAY, 64 * DAY, 256 * DAY, 1024 * DAY, 4096 * DAY, Infinity] as const;

interface DurationClass {
  /** Longest duration in this class (ms), measured, so the look-back is as short as possible. */
  readonly maxDuration: number;
  /** Every event in the class lasts longer than this (the previous class's bound). */
  readonly above: number;
  /** Event indices (into the columns), by start. */
  readonly events: Uint32Array;
  readonly starts: Float64Array;
}

interface LaneIndex {
  /** Event indices in the lane, by start. */
  readonly events: Uint32Array;
  readonly starts: Float64Array;
  /** figurePrefix[k] = sum of figures of events[0..k). */
  readonly figurePrefix: Float64Array;
  readonly classes: readonly DurationClass[];
}

/** First position in `a` whose value is >= x. */
export function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface LaneAssignment {
  /** Lane of each event (by column index). */
  readonly laneOf: ArrayLike<number>;
  readonly laneCount: number;
}

export class EventIndex {
  readonly cols: EventColumns;
  readonly laneCount: number;
  /** How many events passed the mask. */
  readonly size: number;
  readonly #lanes: LaneIndex[];

  /**
   * Build the index. `include(i)` decides whether event i is indexed at all (filters); events are
   * visited in column order, which is start order, so every per-lane list comes out sorted.
   */
  constructor(cols: EventColumns, lanes: LaneAssignment, include?: (i: number) => boolean) {
    this.cols = cols;
    const laneCount = lanes.laneCount;
    this.laneCount = laneCount;
    const n = cols.count;
    const laneOf = lanes.laneOf;
    const starts = cols.start;
    const ends = cols.end;
    const figures = cols.figure;
    const classCount = DURATION_CLASSES.length;
    // Pass 1: the class of every event (255: left out), and the sizes of every (lane, class).
    // Plain loops over typed arrays: this runs over every event when a dataset arrives.
    const classSize = new Uint32Array(laneCount * classCount);
    const classOf = new Uint8Array(n);
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (include !== undefined && !include(i)) {
        classOf[i] = 255;
        continue;
      }
      const duration = ends[i]! - starts[i]!;
      let k = 0;
      while (duration > DURATION_CLASSES[k]!) k++;
      classOf[i] = k;
      classSize[laneOf[i]! * classCount + k]!++;
      size++;
    }
    this.size = size;
    // Pass 2: fill each lane's lists and each (lane, class)'s, in column (start) order.
    const laneEvents: Uint32Array[] = [];
    const laneStarts: Float64Array[] = [];
    const lanePrefix: Float64Array[] = [];
    const classEvents: Uint32Array[] = [];
    const classStarts: Float64Array[] = [];
    for (let l = 0; l < laneCount; l++) {
      let m = 0;
      for (let k = 0; k < classCount; k++) {
        const c = classSize[l * classCount + k]!;
        m += c;
        classEvents.push(new Uint32Array(c));
        classStarts.push(new Float64Array(c));
      }
      laneEvents.push(new Uint32Array(m));
      laneStarts.push(new Float64Array(m));
      lanePrefix.push(new Float64Array(m + 1));
    }
    const laneFill = new Uint32Array(laneCount);
    const classFill = new Uint32Array(laneCount * classCount);
    const maxDuration = new Float64Array(laneCount * classCount);
    for (let i = 0; i < n; i++) {
      const k = classOf[i]!;
      if (k === 255) continue;
      const lane = laneOf[i]!;
      const start = starts[i]!;
      const at = laneFill[lane]!++;
      laneEvents[lane]![at] = i;
      laneStarts[lane]![at] = start;
      const figure = figures[i]!;
      const prefix = lanePrefix[lane]!;
      prefix[at + 1] = prefix[at]! + (Number.isNaN(figure) ? 0 : figure);
      const c = lane * classCount + k;
      const cat = classFill[c]!++;
      classEvents[c]![cat] = i;
      classStarts[c]![cat] = start;
      const duration = ends[i]! - start;
      if (duration > maxDuration[c]!) maxDuration[c] = duration;
    }
    const out: LaneIndex[] = [];
    for (let l = 0; l < laneCount; l++) {
      const classes: DurationClass[] = [];
      for (let k = 0; k < classCount; k++) {
        const c = l * classCount + k;
        if (classEvents[c]!.length > 0) classes.push({ events: classEvents[c]!, starts: classStarts[c]!, maxDuration: maxDuration[c]!, above: k === 0 ? 0 : DURATION_CLASSES[k - 1]! });
      }
      out.push({ events: laneEvents[l]!, starts: laneStarts[l]!, figurePrefix: lanePrefix[l]!, classes });
    }
    this.#lanes = out;
  }

  /** Number of indexed events in a lane. */
  laneSize(lane: number): number {
    return this.#lanes[lane]?.events.length ?? 0;
  }

  /** Events in the lane starting in [t0, t1). */
  countStarting(lane: number, t0: number, t1: number): number {
    const l = this.#lanes[lane];
    if (!l) return 0;
    return Math.max(0, lowerBound(l.starts, t1) - lowerBound(l.starts, t0));
  }

  /** Sum of the figures of events in the lane starting in [t0, t1). */
  figureSum(lane: number, t0: number, t1: number): number {
    const l = this.#lanes[lane];
    if (!l) return 0;
    const a = lowerBound(l.starts, t0);
    const b = lowerBound(l.starts, t1);
    return b > a ? l.figurePrefix[b]! - l.figurePrefix[a]! : 0;
  }

  /**
   * Events of the lane that overlap [t0, t1) (start < t1 and end > t0), in start order. Collects at
   * most `limit` into `out`; returns how many there are, counting no further than limit + 1, so a
   * caller can tell "all of them" from "too many". `duration` keeps only events lasting at most
   * `max` (or, with `min`, longer than it).
   */
  overlapping(lane: number, t0: number, t1: number, limit: number, out: number[], duration: { max?: number; min?: number } = {}): number {
    const l = this.#lanes[lane];
    if (!l) return 0;
    const cols = this.cols;
    const found: number[] = [];
    const maxDuration = duration.max ?? Infinity;
    const minDuration = duration.min ?? -1;
    for (const c of l.classes) {
      if (c.above >= maxDuration || c.maxDuration <= minDuration) continue;
      let k = lowerBound(c.starts, t0 - c.maxDuration);
      const stop = lowerBound(c.starts, t1);
      for (; k < stop; k++) {
        const i = c.events[k]!;
        const length = cols.end[i]! - cols.start[i]!;
        if (cols.end[i]! > t0 && length <= maxDuration && length > minDuration) {
          found.push(i);
          if (found.length > limit) break;
        }
      }
      if (found.length > limit) break;
    }
    if (found.length > limit) return limit + 1;
    // Merging the classes by column index restores start order (columns are sorted by start).
    found.sort((a, b) => a - b);
    for (const i of found) out.push(i);
    return found.length;
  }

  /** Every event index of the lane, in start order (for tests and exports). */
  laneEvents(lane: number): Uint32Array {
    return this.#lanes[lane]?.events ?? new Uint32Array(0);
  }
}
