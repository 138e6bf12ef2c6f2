// Where a long range is cut into the pages of a PDF: so each page holds a fair share of the events
// (by count, not by equal stretches of time, which left pages near-empty or crammed when events
// bunch up), cut between days (a day's events stay on one page), at the start of a month where
// one falls between two pages' events.
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

/** Group indices where pages begin (after the first), for pages of groups with these counts. */
function balancedCuts(counts: readonly number[], pages: number): number[] {
  const d = counts.length;
  const prefix = [0];
  for (const c of counts) prefix.push(prefix[prefix.length - 1]! + c);
  const total = prefix[d]!;
  const share = total / pages;
  if (d <= 300) {
    // Fewest squared differences from an equal share, over every way of cutting (linear partition).
    const cost = (i: number, j: number) => (prefix[j]! - prefix[i]! - share) ** 2;
    let best = Array.from({ length: d + 1 }, (_, j) => (j === 0 ? 0 : Infinity));
    const from: number[][] = [];
    for (let k = 1; k <= pages; k++) {
      const next = new Array<number>(d + 1).fill(Infinity);
      const back = new Array<number>(d + 1).fill(-1);
      for (let j = k; j <= d - (pages - k); j++) {
        for (let i = k - 1; i < j; i++) {
          const c = best[i]! + cost(i, j);
          if (c < next[j]!) {
            next[j] = c;
            back[j] = i;
          }
        }
      }
      best = next;
      from.push(back);
    }
    const cuts: number[] = [];
    let j = d;
    for (let k = pages; k > 1; k--) {
      j = from[k - 1]![j]!;
      cuts.unshift(j);
    }
    return cuts;
  }
  // Many days: each cut where the share of the pages left is reached, leaving a day for each of them.
  const cuts: number[] = [];
  let at = 0;
  for (let k = 1; k < pages; k++) {
    const target = prefix[at]! + (total - prefix[at]!) / (pages - k + 1);
    let g = at + 1;
    while (g + 1 <= d - (pages - k) && Math.abs(prefix[g + 1]! - target) <= Math.abs(prefix[g]! - target)) g++;
    cuts.push(g);
    at = g;
  }
  return cuts;
}

/**
 * Split `window` into at most `pages` pages. `times`: where each event shown in the window stands
 * (e.g. its start, or the window's start for one that began before it), in any order. Pages hold
 * as equal a share of the events as whole days allow (a day's events stay on one page); a page is
 * never empty, so there are fewer pages when fewer days have events than pages are asked for. A
 * page begins on the first of a month where one falls between its first day and the day before,
 * else at the start of its first day. Without events: equal stretches of time.
 */
export function splitWindow(window: Window, pages: number, times?: readonly number[]): Window[] {
  const n = Math.max(1, Math.floor(pages));
  if (n === 1) return [{ start: window.start, end: window.end }];
  if (!times || times.length === 0) return splitEqually(window, n);
  // Events by day, in order.
  const days: number[] = [];
  const counts: number[] = [];
  for (const t of [...times].map((t) => Math.min(Math.max(t, window.start), window.end - 1)).sort((a, b) => a - b)) {
    const day = calendarFloor(t, 'day');
    if (days[days.length - 1] === day) counts[counts.length - 1]!++;
    else {
      days.push(day);
      counts.push(1);
    }
  }
  const m = Math.min(n, days.length);
  if (m === 1) return [{ start: window.start, end: window.end }];
  const edges = [window.start];
  for (const g of balancedCuts(counts, m)) {
    const previousDay = days[g - 1]!;
    const month = calendarNext(calendarFloor(previousDay, 'month'), 'month');
    const cut = month <= days[g]! ? month : days[g]!;
    edges.push(Math.max(cut, edges[edges.length - 1]! + 1));
  }
  edges.push(window.end);
  return edges.slice(0, -1).map((start, k) => ({ start, end: edges[k + 1]! }));
}
