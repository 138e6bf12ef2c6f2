// Density at wide zoom: events counted in calendar bins (hours, days, ISO weeks, months, quarters,
// years, decades) per lane, with their figures summed. Bins are aligned to the calendar, so they do
// not shift while the view pans, and the counts of a lane's bins add up to its events in range.
// An event dated only to a window of possible dates (a week, a month, "sometime between") is
// spread over the bins its window overlaps, by the share of it in each (spread.ts), and each bin
// knows how much of its count is such shares.
import { approxUnitMs, calendarFloor, calendarNext, DAY_MS, MONTHS_LONG } from '../time/calendar';
import type { EventIndex } from './eventIndex';

export type BinUnit = 'hour' | '3 hours' | '6 hours' | '12 hours' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade';

/** Units from finest to coarsest, with their typical length (for choosing one). */
const UNITS: readonly { unit: BinUnit; approx: number }[] = (['hour', '3 hours', '6 hours', '12 hours', 'day', 'week', 'month', 'quarter', 'year', 'decade'] as const).map((unit) => ({
  unit,
  approx: approxUnitMs(unit)
}));

/**
 * The finest calendar unit whose bins are at least `minPx` wide at this zoom, and never finer
 * than `finest`: dataset dates have no time of day, so bins of hours would put a whole day's
 * events in its first hour.
 */
export function binUnitFor(msPerPx: number, minPx = 6, finest: BinUnit = 'day'): BinUnit {
  const from = UNITS.findIndex((u) => u.unit === finest);
  for (const u of UNITS.slice(Math.max(0, from))) if (u.approx / msPerPx >= minPx) return u.unit;
  return 'decade';
}

/** Bin edges covering [t0, t1): edges[0] <= t0 and edges[last] >= t1. */
export function binEdges(t0: number, t1: number, unit: BinUnit, maxBins = 20_000): Float64Array {
  const edges: number[] = [calendarFloor(t0, unit)];
  while (edges[edges.length - 1]! < t1 && edges.length <= maxBins) edges.push(calendarNext(edges[edges.length - 1]!, unit));
  return Float64Array.from(edges);
}

export interface LaneDensity {
  /**
   * counts[k]: events dated in [edges[k], edges[k+1]): those of a single day (a span: its first
   * day) starting there, plus the share of every window of possible dates that falls there (a
   * week's event gives 1/7 to each of its days), so a bin's count may be fractional; the counts
   * of a lane's bins add up to its events in range.
   */
  readonly counts: Float64Array;
  /** uncertain[k]: the part of counts[k] that comes from windows of possible dates wider than a day. */
  readonly uncertain: Float64Array;
  /** sums[k]: the figures of those events, a window's spread the same way as its event. */
  readonly sums: Float64Array;
  readonly maxCount: number;
  readonly total: number;
  readonly totalUncertain: number;
  readonly totalSum: number;
  /** Whether some of the figures counted come from windows of possible dates (and so are spread). */
  readonly spreadSums: boolean;
  /** The shortest window of possible dates among the lane's events (ms); 0 when it has none. */
  readonly shortestWindow: number;
}

export function laneDensity(index: EventIndex, lane: number, edges: Float64Array): LaneDensity {
  const bins = Math.max(0, edges.length - 1);
  const counts = new Float64Array(bins);
  const uncertain = new Float64Array(bins);
  const sums = new Float64Array(bins);
  const spread = index.spread(lane);
  let maxCount = 0;
  let total = 0;
  let totalUncertain = 0;
  let totalSum = 0;
  let spreadSums = false;
  // How many events (and what figures) are dated before each edge, exact ones and windows apart;
  // a bin gets the differences. Each edge is looked up once.
  const certain = new Float64Array(2);
  const windows = new Float64Array(2);
  const scratch = new Float64Array(2);
  if (bins > 0) {
    index.certainBefore(lane, edges[0]!, certain, scratch);
    spread?.at(edges[0]!, windows);
  }
  for (let k = 0; k < bins; k++) {
    const certainCount = certain[0]!;
    const certainSum = certain[1]!;
    const windowCount = windows[0]!;
    const windowSum = windows[1]!;
    index.certainBefore(lane, edges[k + 1]!, certain, scratch);
    spread?.at(edges[k + 1]!, windows);
    const u = Math.max(0, windows[0]! - windowCount);
    const uSum = windows[1]! - windowSum;
    const c = certain[0]! - certainCount + u;
    // The certain figures' difference is taken only where events start, so an empty bin sums to 0 exactly.
    const s = (certain[0]! > certainCount ? certain[1]! - certainSum : 0) + uSum;
    counts[k] = c;
    uncertain[k] = u;
    sums[k] = s;
    if (uSum !== 0) spreadSums = true;
    totalSum += s;
    total += c;
    totalUncertain += u;
    if (c > maxCount) maxCount = c;
  }
  return { counts, uncertain, sums, maxCount, total, totalUncertain, totalSum, spreadSums, shortestWindow: spread?.shortest ?? 0 };
}

/**
 * Values as shown, in tenths, adding up to their total as shown (largest remainders): a bin of
 * 2.43 events and one of 0.57 show 2.4 and 0.6, never 2.4 and 0.5 under a total of 3.
 */
export function shownTenths(values: Float64Array): Float64Array {
  const tenths = wholeTenths(values);
  for (let k = 0; k < tenths.length; k++) tenths[k] = tenths[k]! / 10;
  return tenths;
}

/** shownTenths, counted in tenths (whole numbers). */
function wholeTenths(values: Float64Array): Float64Array {
  const n = values.length;
  const tenths = new Float64Array(n);
  const remainders: { k: number; r: number }[] = [];
  let total = 0;
  let floored = 0;
  for (let k = 0; k < n; k++) {
    const x = values[k]! * 10;
    total += x;
    const f = Math.floor(x);
    tenths[k] = f;
    floored += f;
    // Remainders to a millionth: equal shares (a seventh, a seventh) reached by different sums are
    // equal, and go first to the earlier bin, not by rounding noise.
    if (x - f > 0) remainders.push({ k, r: Math.round((x - f) * 1e6) });
  }
  let missing = Math.round(total) - floored;
  remainders.sort((a, b) => b.r - a.r || a.k - b.k);
  for (const { k } of remainders) {
    if (missing <= 0) break;
    tenths[k]!++;
    missing--;
  }
  return tenths;
}

/**
 * The counts of a lane's bins as shown: the events of a single day as they are (whole), the
 * shares of windows in tenths that add up (shownTenths); `uncertain` the part of each shown count
 * from windows of possible dates. Shown counts add up to the lane's total as shown.
 */
export function shownCounts(d: LaneDensity): { counts: Float64Array; uncertain: Float64Array } {
  const uncertain = wholeTenths(d.uncertain);
  const counts = new Float64Array(d.counts.length);
  for (let k = 0; k < counts.length; k++) {
    // Divided last, so a count reads 12.3, never 12.299999999999999.
    counts[k] = (Math.round(d.counts[k]! - d.uncertain[k]!) * 10 + uncertain[k]!) / 10;
    uncertain[k] = uncertain[k]! / 10;
  }
  return { counts, uncertain };
}

/** One formatter for every count: toLocaleString with options builds a new one on each call. */
const TENTHS = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A count as shown: whole numbers as they are, shares of windows to a tenth ("2.4"). */
export function formatCount(n: number): string {
  return TENTHS.format(n);
}

/**
 * How loosely the uncertain events are dated, from the shortest window among them: "a week or
 * more", "a month or more", "a year or more", "3 days or more".
 */
export function describeUncertainty(shortestMs: number): string {
  const days = Math.round(shortestMs / DAY_MS);
  if (days >= 365) return 'a year or more';
  if (days >= 28) return 'a month or more';
  if (days === 7) return 'a week or more';
  return `${days} days or more`;
}

/** How a bin reads: "week of 23 October 2017", "October 2017", "2017". */
export function describeBin(start: number, unit: BinUnit): string {
  const d = new Date(start);
  const month = MONTHS_LONG[d.getUTCMonth()]!;
  const day = `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
  switch (unit) {
    case 'hour':
    case '3 hours':
    case '6 hours':
    case '12 hours':
      return `${day}, ${String(d.getUTCHours()).padStart(2, '0')}:00 UTC (${unit})`;
    case 'day':
      return day;
    case 'week':
      return `week of ${day}`;
    case 'month':
      return `${month} ${d.getUTCFullYear()}`;
    case 'quarter':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
    case 'year':
      return String(d.getUTCFullYear());
    case 'decade':
      return `${d.getUTCFullYear()}s`;
  }
}
