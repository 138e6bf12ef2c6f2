// Density at wide zoom: events counted in calendar bins (hours, days, ISO weeks, months, quarters,
// years, decades) per lane, with their figures summed. Bins are aligned to the calendar, so they do
// not shift while the view pans, and the counts of a lane's bins add up to its events in range.
import { utcDay } from '../dataset/dates';
import type { EventIndex } from './eventIndex';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type BinUnit = 'hour' | '3 hours' | '6 hours' | '12 hours' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade';

/** Units from finest to coarsest, with their typical length (for choosing one). */
const UNITS: readonly { unit: BinUnit; approx: number }[] = [
  { unit: 'hour', approx: HOUR },
  { unit: '3 hours', approx: 3 * HOUR },
  { unit: '6 hours', approx: 6 * HOUR },
  { unit: '12 hours', approx: 12 * HOUR },
  { unit: 'day', approx: DAY },
  { unit: 'week', approx: 7 * DAY },
  { unit: 'month', approx: 30.44 * DAY },
  { unit: 'quarter', approx: 91.3 * DAY },
  { unit: 'year', approx: 365.25 * DAY },
  { unit: 'decade', approx: 3652.5 * DAY }
];

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

/** Start of the bin of `unit` containing `t`. */
export function binFloor(t: number, unit: BinUnit): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'hour':
    case '3 hours':
    case '6 hours':
    case '12 hours': {
      const hours = unit === 'hour' ? 1 : Number.parseInt(unit, 10);
      return Math.floor(t / (hours * HOUR)) * hours * HOUR;
    }
    case 'day':
      return Math.floor(t / DAY) * DAY;
    case 'week': {
      // ISO weeks start on Monday; 1970-01-01 was a Thursday.
      const monday = Math.floor((t - 4 * DAY) / (7 * DAY)) * 7 * DAY + 4 * DAY;
      return monday > t ? monday - 7 * DAY : monday;
    }
    case 'month':
      return utcDay(y, m + 1, 1);
    case 'quarter':
      return utcDay(y, m - (m % 3) + 1, 1);
    case 'year':
      return utcDay(y, 1, 1);
    case 'decade':
      return utcDay(y - (((y % 10) + 10) % 10), 1, 1);
  }
}

/** The bin after the one starting at `start`. */
export function binNext(start: number, unit: BinUnit): number {
  const d = new Date(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'hour':
      return start + HOUR;
    case '3 hours':
      return start + 3 * HOUR;
    case '6 hours':
      return start + 6 * HOUR;
    case '12 hours':
      return start + 12 * HOUR;
    case 'day':
      return start + DAY;
    case 'week':
      return start + 7 * DAY;
    case 'month':
      return utcDay(y, m + 2, 1);
    case 'quarter':
      return utcDay(y, m + 4, 1);
    case 'year':
      return utcDay(y + 1, 1, 1);
    case 'decade':
      return utcDay(y + 10, 1, 1);
  }
}

/** Bin edges covering [t0, t1): edges[0] <= t0 and edges[last] >= t1. */
export function binEdges(t0: number, t1: number, unit: BinUnit, maxBins = 20_000): Float64Array {
  const edges: number[] = [binFloor(t0, unit)];
  while (edges[edges.length - 1]! < t1 && edges.length <= maxBins) edges.push(binNext(edges[edges.length - 1]!, unit));
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
  const month = d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
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
