// A time index over columnar events, per lane: "which events overlap [t0, t1) in this lane, at most
// N of them" in O(log n + k), and "how many start in [t0, t1), and what do their figures add up
// to" in O(log n). Density displays and the windowed timeline are drawn from it every frame.
// Events whose date is a window of possible dates wider than a day are also kept apart per lane
// (spread.ts), so density can spread them over their windows instead of counting them at its start.
//
// Overlap queries need to know how far back an event that overlaps t0 may start. Events are split
// by duration into classes (up to 1 day, 4 days, 16 days, ...): in class k every event lasts at
// most D_k, so only events starting after t0 - D_k can reach t0.
import type { EventColumns } from '../dataset/columns';
import { DATE_PRECISIONS } from '../dataset/dates';
import { lowerBound } from './sortedSearch';
import { isUncertainWindow, WindowSpread, windowLengthOf } from './spread';

export { lowerBound } from './sortedSearch';

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
  /** Its events dated only to a window of possible dates wider than a day; undefined when none. */
  /**
   * Its events dated only to a window of possible dates, by start: their windows and figures,
   * spread (WindowSpread) when density first asks, so lanes showing events never pay for it.
   */
  readonly windows: { starts: Float64Array; lengths: Float64Array; figures: Float64Array; spread?: WindowSpread } | undefined;
}

/** classOf bit: the event's date is a window of possible dates wider than a day (see spread.ts). */
const UNCERTAIN = 0x80;
/** Code of the precision 'day' in the columns (DATE_PRECISIONS). */
const DAY_PRECISION = DATE_PRECISIONS.indexOf('day');
/** classOf value: the event is left out (filters). */
const LEFT_OUT = 0xff;

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
    const startPrecision = cols.startPrecision;
    const windowLength = windowLengthOf(cols);
    const classCount = DURATION_CLASSES.length;
    // Pass 1: the class of every event (with the UNCERTAIN bit; LEFT_OUT), and the sizes of every
    // (lane, class). Plain loops over typed arrays: this runs over every event when a dataset arrives.
    const classSize = new Uint32Array(laneCount * classCount);
    const uncertainSize = new Uint32Array(laneCount);
    const classOf = new Uint8Array(n);
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (include !== undefined && !include(i)) {
        classOf[i] = LEFT_OUT;
        continue;
      }
      const duration = ends[i]! - starts[i]!;
      let k = 0;
      while (duration > DURATION_CLASSES[k]!) k++;
      // Most events are of a single day: only others need their window measured (a day never
      // has a window of its own: only approximate days and "between" do).
      const uncertain = startPrecision[i] !== DAY_PRECISION && isUncertainWindow(windowLength(i));
      classOf[i] = uncertain ? k | UNCERTAIN : k;
      classSize[laneOf[i]! * classCount + k]!++;
      if (uncertain) uncertainSize[laneOf[i]!]!++;
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
    // The uncertain events of each lane, by start: their windows and figures.
    const uStarts: Float64Array[] = [];
    const uLengths: Float64Array[] = [];
    const uFigures: Float64Array[] = [];
    for (let l = 0; l < laneCount; l++) {
      uStarts.push(new Float64Array(uncertainSize[l]!));
      uLengths.push(new Float64Array(uncertainSize[l]!));
      uFigures.push(new Float64Array(uncertainSize[l]!));
    }
    const uFill = new Uint32Array(laneCount);
    const laneFill = new Uint32Array(laneCount);
    const classFill = new Uint32Array(laneCount * classCount);
    const maxDuration = new Float64Array(laneCount * classCount);
    for (let i = 0; i < n; i++) {
      const code = classOf[i]!;
      if (code === LEFT_OUT) continue;
      const k = code & ~UNCERTAIN;
      const lane = laneOf[i]!;
      const start = starts[i]!;
      if (code & UNCERTAIN) {
        const u = uFill[lane]!++;
        uStarts[lane]![u] = start;
        uLengths[lane]![u] = windowLength(i);
        uFigures[lane]![u] = figures[i]!;
      }
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
      const windows = uncertainSize[l]! > 0 ? { starts: uStarts[l]!, lengths: uLengths[l]!, figures: uFigures[l]! } : undefined;
      out.push({ events: laneEvents[l]!, starts: laneStarts[l]!, figurePrefix: lanePrefix[l]!, classes, windows });
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
   * The lane's events dated only to a window of possible dates wider than a day (a week, a month,
   * a day give or take some days, "sometime between"; a span whose first day is such a window),
   * to spread over their windows; undefined when it has none.
   */
  spread(lane: number): WindowSpread | undefined {
    const w = this.#lanes[lane]?.windows;
    if (!w) return undefined;
    w.spread ??= new WindowSpread(w.starts, w.lengths, w.figures);
    return w.spread;
  }

  /** Events in the lane starting in [t0, t1) whose date (a span's first day) is a single day. */
  certainStarting(lane: number, t0: number, t1: number): number {
    const spread = this.spread(lane);
    return this.countStarting(lane, t0, t1) - (spread ? spread.startingIn(t0, t1) : 0);
  }

  /**
   * Events of the lane of a single day (a span: its first day) starting before t, and the sum of
   * their figures, into out[0] and out[1]; `scratch` is written over.
   */
  certainBefore(lane: number, t: number, out: Float64Array, scratch: Float64Array): void {
    const l = this.#lanes[lane];
    if (!l) {
      out[0] = 0;
      out[1] = 0;
      return;
    }
    const a = lowerBound(l.starts, t);
    out[0] = a;
    out[1] = l.figurePrefix[a]!;
    const spread = this.spread(lane);
    if (spread) {
      spread.startingBefore(t, scratch);
      out[0] -= scratch[0]!;
      out[1] -= scratch[1]!;
    }
  }

  /** Sum of their figures. */
  certainFigureSum(lane: number, t0: number, t1: number): number {
    const spread = this.spread(lane);
    return this.figureSum(lane, t0, t1) - (spread ? spread.figuresStartingIn(t0, t1) : 0);
  }

  /**
   * Events of the lane dated in [t0, t1): those of a single day (a span: its first day) starting
   * there, and the share of every window of possible dates that falls there (`uncertain`: that
   * part), with their figures spread the same way.
   */
  datedIn(lane: number, t0: number, t1: number): { count: number; uncertain: number; sum: number } {
    const spread = this.spread(lane);
    const uncertain = spread ? Math.max(0, spread.before(t1) - spread.before(t0)) : 0;
    const sum = this.certainFigureSum(lane, t0, t1) + (spread ? spread.figuresBefore(t1) - spread.figuresBefore(t0) : 0);
    return { count: this.certainStarting(lane, t0, t1) + uncertain, uncertain, sum };
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
