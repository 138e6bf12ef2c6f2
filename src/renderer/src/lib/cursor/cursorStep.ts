// The time cursor's arithmetic: a cursor is a UTC calendar day (the ms of its start), stepped by a
// day, a week or a month through the one calendar (src/shared/time/calendar.ts), so no step depends
// on the machine's time zone or daylight saving. A month step keeps the day of the month it started
// on where the month has it (31 January → 28 or 29 February → 31 March), else the month's last day.
// And where the visible window must go for the cursor to stay in view. Pure: tested under Node.
import { calendarFloor, calendarNext, DAY_MS, MONTHS_LONG, utcDay } from '../../../../shared/time/calendar';
import type { TimeRange } from '../view/windowMath';

export const CURSOR_UNITS = ['day', 'week', 'month'] as const;
export type CursorUnit = (typeof CURSOR_UNITS)[number];

/** The start of the UTC day holding `t`. */
export function dayOf(t: number): number {
  return calendarFloor(t, 'day');
}

/** Day of the month (1–31) of a day. */
export function dayOfMonth(day: number): number {
  return new Date(day).getUTCDate();
}

/** Days in the month holding `day`. */
function daysInMonth(day: number): number {
  const first = calendarFloor(day, 'month');
  return Math.round((calendarNext(first, 'month') - first) / DAY_MS);
}

/**
 * The day `months` months after (or before, when negative) `day`, on day `anchor` of that month
 * (default: `day`'s own), or the month's last day when it is shorter.
 */
export function addMonths(day: number, months: number, anchor = dayOfMonth(day)): number {
  const d = new Date(day);
  const first = utcDay(d.getUTCFullYear(), d.getUTCMonth() + 1 + months, 1);
  return first + (Math.min(anchor, daysInMonth(first)) - 1) * DAY_MS;
}

/**
 * One step of the cursor from `day` (a day's start) by `unit`, forward (1) or back (-1). `anchor`:
 * the day of the month month steps keep to (the day the stepping started on).
 */
export function stepDay(day: number, unit: CursorUnit, direction: 1 | -1, anchor?: number): number {
  const from = dayOf(day);
  switch (unit) {
    case 'day':
      return from + direction * DAY_MS;
    case 'week':
      return from + direction * 7 * DAY_MS;
    case 'month':
      return addMonths(from, direction, anchor);
  }
}

/** The first and last days a dataset's range [start, end) covers, or undefined for none. */
export function dataDays(range: TimeRange | undefined): { first: number; last: number } | undefined {
  if (!range || !(range.end > range.start)) return undefined;
  return { first: dayOf(range.start), last: dayOf(range.end - 1) };
}

/** `day` kept within the data's days. */
export function clampDay(day: number, days: { first: number; last: number }): number {
  return Math.min(days.last, Math.max(days.first, dayOf(day)));
}

/** Where in the window a cursor moving forward is kept while the window glides with it, and the margin behind. */
export const GLIDE_AHEAD = 0.75;
export const GLIDE_BEHIND = 0.25;
/** Where in the window the cursor lands when the window jumps a page (reduced motion). */
export const PAGE_AT = 0.1;

/**
 * The window that keeps the cursor's day in view, or undefined when the window may stay as it is.
 * 'glide' (the window moves with the cursor, animated): the cursor is kept between a quarter and
 * three quarters of the window's width, so playing forward scrolls the window a step at a time.
 * 'page' (prefers-reduced-motion: no motion): the window stays put until the day leaves it, then
 * jumps a whole window at once so the day is near its start (near its end when going back). The
 * window's width never changes.
 */
export function windowFollowing(window: TimeRange, day: number, mode: 'glide' | 'page'): TimeRange | undefined {
  const span = window.end - window.start;
  if (!(span > 0)) return undefined;
  // The line is drawn at the day's middle: that is what must be in view.
  const at = day + DAY_MS / 2;
  if (mode === 'page') {
    if (at >= window.start && at < window.end) return undefined;
    const start = at >= window.end ? at - PAGE_AT * span : at - (1 - PAGE_AT) * span;
    return { start, end: start + span };
  }
  const ahead = window.start + GLIDE_AHEAD * span;
  const behind = window.start + GLIDE_BEHIND * span;
  if (at > ahead) return { start: at - GLIDE_AHEAD * span, end: at - GLIDE_AHEAD * span + span };
  if (at < behind) return { start: at - GLIDE_BEHIND * span, end: at - GLIDE_BEHIND * span + span };
  return undefined;
}

/** "3 November 2017", for the cursor's label (UTC, whatever the machine's locale). */
export function cursorLabel(day: number): string {
  const d = new Date(day);
  return `${d.getUTCDate()} ${MONTHS_LONG[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "2017-11-03", for a date input. */
export function isoOfDay(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}
