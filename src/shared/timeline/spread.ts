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
 * Length (ms) of the window of possible dates an event is counted by in density: the window its
 * start's precision names (a point event's whole window), never a span's duration: a span
 * lasted, so it is counted where it began, spread only over the days it may have begun on.
 */
export function dateWindowLength(cols: EventColumns, i: number): number {
  const start = cols.start[i]!;
  const end = cols.end[i]!;
  const days = cols.startDays[i]!;
  const code = cols.startPrecision[i]!;
  let length: number;
  if (days > 0) length = days * DAY_MS;
  else if (code === WEEK) length = 7 * DAY_MS;
  else if (code === MONTH || code === YEAR) length = cols.endPrecision[i] === NO_END ? end - start : windowEndFrom(start, DATE_PRECISIONS[code]!) - start;
  else length = DAY_MS; // a day, or an approximate day without a margin
  return Math.min(length, end - start);
}

/** Whether a window of this length (ms) is uncertain: wider than a day. */
export const isUncertainWindow = (length: number): boolean => length > DAY_MS;

/**
 * Add v to the compensated (Neumaier) sum kept in acc[2j] with its lost low part in acc[2j + 1];
 * returns the sum so far, corrected.
 */
function addTo(acc: Float64Array, j: number, v: number): number {
  const sum = acc[2 * j]!;
  const t = sum + v;
  acc[2 * j + 1]! += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
  acc[2 * j] = t;
  return t + acc[2 * j + 1]!;
}

/**
 * Prefix sums over the windows taken in `order` (identity when undefined): Σ 1/L, Σ s/L and,
 * with figures, Σ f, Σ f/L, Σ f·s/L. One pass, compensated.
 */
function prefixSums(inv: Float64Array, sOver: Float64Array, figures: Float64Array | undefined, order?: Uint32Array): Float64Array[] {
  const n = inv.length;
  const out = Array.from({ length: figures ? 5 : 2 }, () => new Float64Array(n + 1));
  const [p1, p2, f0, f1, f2] = out as [Float64Array, Float64Array, Float64Array?, Float64Array?, Float64Array?];
  const acc = new Float64Array(10);
  for (let k = 0; k < n; k++) {
    const j = order ? order[k]! : k;
    const a = inv[j]!;
    const b = sOver[j]!;
    p1[k + 1] = addTo(acc, 0, a);
    p2[k + 1] = addTo(acc, 1, b);
    if (figures) {
      const f = Number.isNaN(figures[j]!) ? 0 : figures[j]!;
      f0![k + 1] = addTo(acc, 2, f);
      f1![k + 1] = addTo(acc, 3, f * a);
      f2![k + 1] = addTo(acc, 4, f * b);
    }
  }
  return out;
}

/**
 * Positions of the windows in order of their ends. Dataset dates are whole days, so the end (in
 * days from the origin) and the position pack into one exactly representable number, which
 * sorts natively and fast; otherwise a comparison sort.
 */
function endOrder(starts: Float64Array, lengths: Float64Array, origin: number): Uint32Array {
  const n = starts.length;
  const order = new Uint32Array(n);
  let sorted = true;
  for (let k = 1; k < n && sorted; k++) if (starts[k]! + lengths[k]! < starts[k - 1]! + lengths[k - 1]!) sorted = false;
  if (sorted) {
    for (let k = 0; k < n; k++) order[k] = k;
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
    const inv = new Float64Array(n);
    const sOver = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      inv[k] = DAY_MS / lengths[k]!;
      sOver[k] = ((starts[k]! - origin) / DAY_MS) * inv[k]!;
    }
    const order = endOrder(starts, lengths, origin);
    const ends = new Float64Array(n);
    for (let k = 0; k < n; k++) ends[k] = starts[order[k]!]! + lengths[order[k]!]!;
    this.#ends = ends;
    let anyFigure = false;
    if (figures) for (let k = 0; k < n && !anyFigure; k++) if (!Number.isNaN(figures[k]!)) anyFigure = true;
    const byStart = prefixSums(inv, sOver, anyFigure ? figures : undefined);
    const byEnd = prefixSums(inv, sOver, anyFigure ? figures : undefined, order);
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
