// Events whose date is a window of possible dates wider than a day (an ISO week, a month, a year,
// a day give or take a margin, "sometime between" two days) are counted in density as spread
// evenly over their window: each adds to a bin the share of its window that falls there, so a
// week's events are not piled on its Monday, and the shares of one event add up to exactly 1.
//
// "How many are dated before t", Σ min(1, max(0, t − s) / L), is answered in O(log n): windows
// ending by t count whole (their ends sorted), and each window t falls inside adds (t − s) / L,
// which summed is t·Σ(1/L) − Σ(s/L) over them: prefix sums over windows starting before t, less
// the same sums over windows ending by t. Times are counted in days from the first window's
// start, and the prefix sums are compensated (Neumaier), so the difference of two large sums stays
// within about 1e-6 of an event even for a million windows.
import { NO_END, windowEndFrom, type EventColumns } from '../dataset/columns';
import { DATE_PRECISIONS } from '../dataset/dates';
import { DAY_MS } from '../time/calendar';
import { lowerBound, upperBound } from './sortedSearch';

const WEEK = DATE_PRECISIONS.indexOf('week');
const MONTH = DATE_PRECISIONS.indexOf('month');
const YEAR = DATE_PRECISIONS.indexOf('year');

/**
 * Length (ms) of the window of possible dates event i is counted by in density: the window its
 * start's precision names (a point event's whole window), never a span's duration: a span
 * lasted, so it is counted where it began, spread only over the days it may have begun on. A
 * function over the columns' arrays, so a pass over every event reads them directly.
 */
export function windowLengthOf(cols: EventColumns): (i: number) => number {
  const { start, end, startDays, startPrecision, endPrecision } = cols;
  return (i) => {
    const s = start[i]!;
    const e = end[i]!;
    const days = startDays[i]!;
    const code = startPrecision[i]!;
    let length: number;
    if (days > 0) length = days * DAY_MS;
    else if (code === WEEK) length = 7 * DAY_MS;
    else if (code === MONTH || code === YEAR) length = endPrecision[i] === NO_END ? e - s : windowEndFrom(s, DATE_PRECISIONS[code]!) - s;
    else length = DAY_MS; // a day, or an approximate day without a margin
    return Math.min(length, e - s);
  };
}

/** Whether a window of this length (ms) is uncertain: wider than a day. */
export const isUncertainWindow = (length: number): boolean => length > DAY_MS;

/**
 * Prefix sums over the windows taken in `order` (identity when undefined): Σ 1/L, Σ s/L and,
 * with figures, Σ f, Σ f/L, Σ f·s/L. Each sum compensated (Neumaier: the low part
 * each addition loses is kept apart and added back), written out since this runs per dataset.
 */
function prefixSums(starts: Float64Array, lengths: Float64Array, origin: number, figures: Float64Array | undefined, order?: Uint32Array): Float64Array[] {
  const n = starts.length;
  const p1 = new Float64Array(n + 1);
  const p2 = new Float64Array(n + 1);
  let s1 = 0;
  let c1 = 0;
  let s2 = 0;
  let c2 = 0;
  for (let k = 0; k < n; k++) {
    const j = order ? order[k]! : k;
    const a = DAY_MS / lengths[j]!;
    const b = ((starts[j]! - origin) / DAY_MS) * a;
    let t = s1 + a;
    c1 += Math.abs(s1) >= Math.abs(a) ? s1 - t + a : a - t + s1;
    s1 = t;
    p1[k + 1] = s1 + c1;
    t = s2 + b;
    c2 += Math.abs(s2) >= Math.abs(b) ? s2 - t + b : b - t + s2;
    s2 = t;
    p2[k + 1] = s2 + c2;
  }
  if (!figures) return [p1, p2];
  const f0 = new Float64Array(n + 1);
  const f1 = new Float64Array(n + 1);
  const f2 = new Float64Array(n + 1);
  // Figures are whole numbers, mostly: Σ f is exact as it is; the others are compensated.
  let s0 = 0;
  s1 = c1 = s2 = c2 = 0;
  for (let k = 0; k < n; k++) {
    const j = order ? order[k]! : k;
    const f = Number.isNaN(figures[j]!) ? 0 : figures[j]!;
    s0 += f;
    f0[k + 1] = s0;
    const inv = DAY_MS / lengths[j]!;
    const a = f * inv;
    const b = f * ((starts[j]! - origin) / DAY_MS) * inv;
    let t = s1 + a;
    c1 += Math.abs(s1) >= Math.abs(a) ? s1 - t + a : a - t + s1;
    s1 = t;
    f1[k + 1] = s1 + c1;
    t = s2 + b;
    c2 += Math.abs(s2) >= Math.abs(b) ? s2 - t + b : b - t + s2;
    s2 = t;
    f2[k + 1] = s2 + c2;
  }
  return [p1, p2, f0, f1, f2];
}

/** At most this many lengths: windows are merged by length rather than sorted. */
const MERGE_LENGTHS = 16;

/**
 * Positions of the windows in order of their ends. Windows of one length that are in start order
 * are in end order too; datasets have few lengths (a week, months of 28 to 31 days, ACLED's 7 and
 * 31 days, years), so the windows of each length are merged. Many lengths ("between" windows of
 * every size): sorted, as whole days and position packed in one number (every dataset date is a
 * whole day), or else compared.
 */
function endOrder(starts: Float64Array, lengths: Float64Array, origin: number): Uint32Array {
  const n = starts.length;
  const order = new Uint32Array(n);
  const distinct: number[] = [];
  for (let k = 0; k < n && distinct.length <= MERGE_LENGTHS; k++) if (!distinct.includes(lengths[k]!)) distinct.push(lengths[k]!);
  if (distinct.length <= MERGE_LENGTHS) {
    mergeByLength(starts, lengths, distinct, order);
    return order;
  }
  let scale = 1;
  while (scale < n) scale *= 2;
  const keys = new Float64Array(n);
  let packed = true;
  for (let k = 0; k < n; k++) {
    const days = (starts[k]! + lengths[k]! - origin) / DAY_MS;
    if (!Number.isInteger(days) || days * scale >= 2 ** 52) {
      packed = false;
      break;
    }
    keys[k] = days * scale + k;
  }
  if (packed) {
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = keys[k]! % scale;
  } else {
    for (let k = 0; k < n; k++) order[k] = k;
    order.sort((a, b) => starts[a]! + lengths[a]! - (starts[b]! + lengths[b]!) || a - b);
  }
  return order;
}

/** endOrder for few lengths: each length's windows (in start order, so in end order) merged. */
function mergeByLength(starts: Float64Array, lengths: Float64Array, distinct: readonly number[], order: Uint32Array): void {
  const n = starts.length;
  const groups = distinct.length;
  const size = new Uint32Array(groups);
  const groupOf = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const g = distinct.indexOf(lengths[k]!);
    groupOf[k] = g;
    size[g]!++;
  }
  // Each group's positions, one after the other; heads[g] walks group g, whose next end is headEnd[g].
  const first = new Uint32Array(groups + 1);
  for (let g = 0; g < groups; g++) first[g + 1] = first[g]! + size[g]!;
  const members = new Uint32Array(n);
  const fill = first.slice(0, groups);
  for (let k = 0; k < n; k++) members[fill[groupOf[k]!]!++] = k;
  const heads = first.slice(0, groups);
  const headEnd = new Float64Array(groups);
  for (let g = 0; g < groups; g++) headEnd[g] = size[g]! > 0 ? starts[members[heads[g]!]!]! + distinct[g]! : Infinity;
  for (let out = 0; out < n; out++) {
    let best = 0;
    for (let g = 1; g < groups; g++) if (headEnd[g]! < headEnd[best]!) best = g;
    const at = heads[best]!++;
    order[out] = members[at]!;
    headEnd[best] = at + 1 < first[best + 1]! ? starts[members[at + 1]!]! + distinct[best]! : Infinity;
  }
}

interface FigureSums {
  /** By start: Σ f, Σ f/L, Σ f·s/L. */
  readonly f0: Float64Array;
  readonly f1: Float64Array;
  readonly f2: Float64Array;
  /** By end: the same. */
  readonly g0: Float64Array;
  readonly g1: Float64Array;
  readonly g2: Float64Array;
}

/** One lane's windows of possible dates, spread evenly over their days. */
export class WindowSpread {
  readonly size: number;
  /** The shortest window (ms), for saying how loosely the lane's uncertain events are dated. */
  readonly shortest: number;
  readonly #origin: number;
  readonly #starts: Float64Array;
  readonly #ends: Float64Array;
  /** By start: Σ 1/L and Σ s/L (days from the origin). */
  readonly #p1: Float64Array;
  readonly #p2: Float64Array;
  /** By end: the same. */
  readonly #q1: Float64Array;
  readonly #q2: Float64Array;
  readonly #figures: FigureSums | undefined;

  /**
   * `starts`: the windows' starts (ms), ascending (kept, not copied); `lengths`: their lengths
   * (ms, each > 0); `figures`: each event's figure, NaN for none.
   */
  constructor(starts: Float64Array, lengths: Float64Array, figures?: Float64Array) {
    const n = starts.length;
    this.size = n;
    const origin = n > 0 ? starts[0]! : 0;
    this.#origin = origin;
    this.#starts = starts;
    let shortest = Infinity;
    for (let k = 0; k < n; k++) if (lengths[k]! < shortest) shortest = lengths[k]!;
    this.shortest = n > 0 ? shortest : 0;
    const order = endOrder(starts, lengths, origin);
    const ends = new Float64Array(n);
    for (let k = 0; k < n; k++) ends[k] = starts[order[k]!]! + lengths[order[k]!]!;
    this.#ends = ends;
    let anyFigure = false;
    if (figures) for (let k = 0; k < n && !anyFigure; k++) if (!Number.isNaN(figures[k]!)) anyFigure = true;
    const byStart = prefixSums(starts, lengths, origin, anyFigure ? figures : undefined);
    const byEnd = prefixSums(starts, lengths, origin, anyFigure ? figures : undefined, order);
    this.#p1 = byStart[0]!;
    this.#p2 = byStart[1]!;
    this.#q1 = byEnd[0]!;
    this.#q2 = byEnd[1]!;
    if (anyFigure) this.#figures = { f0: byStart[2]!, f1: byStart[3]!, f2: byStart[4]!, g0: byEnd[2]!, g1: byEnd[3]!, g2: byEnd[4]! };
  }

  /** Windows starting in [t0, t1) (their events are not counted at their start). */
  startingIn(t0: number, t1: number): number {
    return Math.max(0, lowerBound(this.#starts, t1) - lowerBound(this.#starts, t0));
  }

  /** Sum of the figures of the windows starting in [t0, t1). */
  figuresStartingIn(t0: number, t1: number): number {
    const f = this.#figures;
    if (!f) return 0;
    const a = lowerBound(this.#starts, t0);
    const b = lowerBound(this.#starts, t1);
    return b > a ? f.f0[b]! - f.f0[a]! : 0;
  }

  /** Windows starting before t, and the sum of their figures, into out[0] and out[1]. */
  startingBefore(t: number, out: Float64Array): void {
    const a = lowerBound(this.#starts, t);
    out[0] = a;
    out[1] = this.#figures ? this.#figures.f0[a]! : 0;
  }

  /** before(t) and figuresBefore(t) at once, into out[0] and out[1] (one search for both). */
  at(t: number, out: Float64Array): void {
    const a = lowerBound(this.#starts, t);
    if (a === 0) {
      out[0] = 0;
      out[1] = 0;
      return;
    }
    const b = upperBound(this.#ends, t);
    const f = this.#figures;
    const inside = a - b;
    if (inside <= 0) {
      out[0] = b;
      out[1] = f ? f.g0[b]! : 0;
      return;
    }
    const x = (t - this.#origin) / DAY_MS;
    const shares = x * (this.#p1[a]! - this.#q1[b]!) - (this.#p2[a]! - this.#q2[b]!);
    out[0] = b + Math.min(inside, Math.max(0, shares));
    out[1] = f ? f.g0[b]! + x * (f.f1[a]! - f.g1[b]!) - (f.f2[a]! - f.g2[b]!) : 0;
  }

  /** How many events are dated before t: each window counted by the share of it before t. */
  before(t: number): number {
    const a = lowerBound(this.#starts, t);
    if (a === 0) return 0;
    const b = upperBound(this.#ends, t);
    const inside = a - b;
    if (inside <= 0) return b;
    const x = (t - this.#origin) / DAY_MS;
    const shares = x * (this.#p1[a]! - this.#q1[b]!) - (this.#p2[a]! - this.#q2[b]!);
    return b + Math.min(inside, Math.max(0, shares));
  }

  /** Their figures likewise: each event's figure times the share of its window before t. */
  figuresBefore(t: number): number {
    const f = this.#figures;
    if (!f) return 0;
    const a = lowerBound(this.#starts, t);
    if (a === 0) return 0;
    const b = upperBound(this.#ends, t);
    if (a - b <= 0) return f.g0[b]!;
    const x = (t - this.#origin) / DAY_MS;
    return f.g0[b]! + x * (f.f1[a]! - f.g1[b]!) - (f.f2[a]! - f.g2[b]!);
  }
}
