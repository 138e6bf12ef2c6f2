// Where a long range is cut into the pages of a PDF: so each page holds a fair share of the events
// (by count, not by equal stretches of time, which left pages near-empty or crammed when events
// bunch up), with the cuts moved to the start of a month or a day where that changes no page's
// events, and to a day's start in any case, so no day is split between pages.
import { calendarFloor, calendarNext } from '../time/calendar';

export interface Window {
  readonly start: number;
  readonly end: number;
}

const DAY = 86_400_000;

/**
 * Equal stretches of time (for a range without events), cut at the nearest month's start where
 * pages are two months or longer, else at a day's start where they are days long.
 */
function splitEqually(window: Window, n: number): Window[] {
  const step = (window.end - window.start) / n;
  const snap = (t: number): number => {
    if (step >= 60 * DAY) {
      const here = calendarFloor(t, 'month');
      const next = calendarNext(here, 'month');
      return t - here <= next - t ? here : next;
    }
    return step >= 2 * DAY ? Math.round(t / DAY) * DAY : t;
  };
  const edges = [window.start];
  for (let k = 1; k < n; k++) {
    const raw = window.start + k * step;
    const snapped = snap(raw);
    edges.push(snapped > edges[k - 1]! && snapped < window.end ? snapped : raw);
  }
  edges.push(window.end);
  return Array.from({ length: n }, (_, k) => ({ start: edges[k]!, end: edges[k + 1]! }));
}

/** How many of the sorted `times` lie before `t`. */
function countBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Split `window` into at most `pages` pages. `times`: where each event shown in the window stands
 * (e.g. its start, or the window's start for one that began before it), in any order. Each page
 * gets about an equal number of events; a page is never empty, so there are fewer pages when there
 * are fewer days with events than pages asked for. Without events: equal stretches of time.
 */
export function splitWindow(window: Window, pages: number, times?: readonly number[]): Window[] {
  const n = Math.max(1, Math.floor(pages));
  if (n === 1) return [{ start: window.start, end: window.end }];
  const sorted = (times ?? []).map((t) => Math.min(Math.max(t, window.start), window.end - 1)).sort((a, b) => a - b);
  if (sorted.length === 0) return splitEqually(window, n);
  const total = sorted.length;
  const edges: number[] = [window.start];
  for (let k = 1; k < n; k++) {
    const target = Math.round((k * total) / n);
    const previous = edges[edges.length - 1]!;
    const already = countBefore(sorted, previous);
    if (target <= already || target >= total) continue;
    // The cut lies between the event ending the share and the one after it: at a month's start
    // there if one falls between them, else at the day after the earlier one.
    const before = sorted[target - 1]!;
    const after = sorted[target]!;
    const month = calendarNext(calendarFloor(before, 'month'), 'month');
    const dayAfter = calendarNext(calendarFloor(before, 'day'), 'day');
    let cut: number;
    if (month <= after) cut = month;
    else if (dayAfter <= after) cut = dayAfter;
    else {
      // Both on one day: the nearer of that day's start and the next, by how fair the shares stay.
      const dayStart = calendarFloor(after, 'day');
      cut = Math.abs(countBefore(sorted, dayStart) - target) <= Math.abs(countBefore(sorted, dayAfter) - target) && dayStart > previous ? dayStart : dayAfter;
    }
    // Never an empty page: the cut keeps at least one event on each side.
    if (cut <= previous || cut >= window.end || countBefore(sorted, cut) <= already || countBefore(sorted, cut) >= total) continue;
    edges.push(cut);
  }
  edges.push(window.end);
  return edges.slice(0, -1).map((start, k) => ({ start, end: edges[k + 1]! }));
}
