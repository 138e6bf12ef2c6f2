// How many events start in the visible window, among those the filters show (eras aside: they
// are drawn behind the lanes, not as events). Columns are in start order, so the events starting
// in a window are one run of indices; a prefix count of the shown events answers in O(log n).
import { FLAG_ERA } from '../../../../shared/dataset/columns';
import { lowerBound } from '../../../../shared/timeline/sortedSearch';

/**
 * Shown events before each index (length n + 1), or undefined when every event counts (no
 * filter, no era): then a run's length is its count. O(n), once per filter.
 */
export function shownPrefix(count: number, flags: Uint8Array, include: ((i: number) => boolean) | undefined): Uint32Array | undefined {
  let eras = false;
  for (let i = 0; i < count && !eras; i++) eras = (flags[i]! & FLAG_ERA) !== 0;
  if (!include && !eras) return undefined;
  const prefix = new Uint32Array(count + 1);
  let n = 0;
  for (let i = 0; i < count; i++) {
    if ((flags[i]! & FLAG_ERA) === 0 && (!include || include(i))) n++;
    prefix[i + 1] = n;
  }
  return prefix;
}

/** Shown events starting in [start, end). */
export function countStarting(starts: Float64Array, prefix: Uint32Array | undefined, start: number, end: number): number {
  const lo = lowerBound(starts, start);
  const hi = Math.max(lo, lowerBound(starts, end));
  return prefix ? prefix[hi]! - prefix[lo]! : hi - lo;
}
