// Density at wide zoom: events counted in calendar bins (hours, days, ISO weeks, months, quarters,
// years, decades) per lane, with their figures summed. Bins are aligned to the calendar, so they do
// not shift while the view pans, and the counts of a lane's bins add up to its events in range.
import { approxUnitMs, calendarFloor, calendarNext, MONTHS_LONG } from '../time/calendar';
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
  /** counts[k]: events starting in [edges[k], edges[k+1]). */
  readonly counts: Uint32Array;
  /** sums[k]: their figures added up. */
  readonly sums: Float64Array;
  readonly maxCount: number;
  readonly total: number;
  readonly totalSum: number;
}

export function laneDensity(index: EventIndex, lane: number, edges: Float64Array): LaneDensity {
  const bins = Math.max(0, edges.length - 1);
  const counts = new Uint32Array(bins);
  const sums = new Float64Array(bins);
  let maxCount = 0;
  let total = 0;
  let totalSum = 0;
  for (let k = 0; k < bins; k++) {
    const c = index.countStarting(lane, edges[k]!, edges[k + 1]!);
    counts[k] = c;
    if (c > 0) {
      const s = index.figureSum(lane, edges[k]!, edges[k + 1]!);
      sums[k] = s;
      totalSum += s;
    }
    total += c;
    if (c > maxCount) maxCount = c;
  }
  return { counts, sums, maxCount, total, totalSum };
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
