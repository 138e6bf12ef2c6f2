// Strict calendar dates with a precision. A date value names a window of time in which the date
// lies (a day, an ISO week, a month, a year, a day give or take some days, or any days between
// two dates); it is never silently rolled over the way `new Date('2017-02-30')` is.
import { DAY_MS, MONTHS_LONG, utcDay } from '../time/calendar';


// New precisions go at the end: columns store a precision as its index here.
export const DATE_PRECISIONS = ['day', 'week', 'month', 'year', 'approximate', 'between'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * Half-open window of UTC milliseconds, [start, end), in which the date lies: a window of
 * possible dates, not a duration. `anchor`: for a day give or take a margin, the start of that day
 * (what the source coded), which a dataset's date range is made of rather than the margin.
 */
export interface DateWindow {
  readonly start: number;
  readonly end: number;
  readonly anchor?: number;
}

/** Most days either side of an approximate day, and most days a "between" window may span. */
export const MAX_MARGIN_DAYS = 366;
export const MAX_BETWEEN_DAYS = 36_600;

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const YEAR_RE = /^(\d{4})$/;
const BETWEEN_RE = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;

/** Which written form each precision takes. `approximate` is anchored on a day. */
export const PRECISION_FORMAT: Readonly<Record<DatePrecision, string>> = {
  day: 'YYYY-MM-DD',
  approximate: 'YYYY-MM-DD',
  week: 'YYYY-Www (ISO week)',
  month: 'YYYY-MM',
  year: 'YYYY',
  between: 'YYYY-MM-DD/YYYY-MM-DD (first and last possible day)'
};

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function isoWeeksInYear(year: number): number {
  const jan1 = new Date(utcDay(year, 1, 1)).getUTCDay(); // 0 = Sunday
  const thursday = jan1 === 4 || (jan1 === 3 && isLeapYear(year));
  return thursday ? 53 : 52;
}

/** Monday that starts ISO week `week` of ISO year `year`. */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = utcDay(year, 1, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - jan4Weekday * DAY_MS + (week - 1) * 7 * DAY_MS;
}

function checkYear(year: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return `year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR} (BCE dates are not supported)`;
  }
  return null;
}

export type DateParse = { ok: true; window: DateWindow } | { ok: false; reason: string };

/** Digits at value[from, from+count) as a number, or -1 when any is not a digit. */
function digits(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Parse a date value written for the given precision and return the window it names. `margin`:
 * for an approximate day, how many days either side it may be (the window grows by as many).
 */
export function parseDateValue(value: string, precision: DatePrecision, margin?: number): DateParse {
  if (margin !== undefined) {
    if (precision !== 'approximate') return { ok: false, reason: `a margin of days is only for an approximate date (this one's precision is "${precision}")` };
    if (!Number.isInteger(margin) || margin < 1 || margin > MAX_MARGIN_DAYS) return { ok: false, reason: `the margin must be a whole number of days from 1 to ${MAX_MARGIN_DAYS}` };
    const day = parseDateValue(value, 'approximate');
    if (!day.ok) return day;
    return { ok: true, window: { start: day.window.start - margin * DAY_MS, end: day.window.end + margin * DAY_MS, anchor: day.window.start } };
  }
  // Fast path for the common case, a plausible YYYY-MM-DD day; anything else takes the full road.
  if ((precision === 'day' || precision === 'approximate') && value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const year = digits(value, 0, 4);
    const month = digits(value, 5, 2);
    const day = digits(value, 8, 2);
    if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      const start = Date.UTC(year, month - 1, day);
      return { ok: true, window: { start, end: start + DAY_MS } };
    }
  }
  switch (precision) {
    case 'day':
    case 'approximate': {
      const m = DAY_RE.exec(value);
      if (!m) return { ok: false, reason: `"${value}" is not a date written as YYYY-MM-DD` };
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const yearProblem = checkYear(year);
      if (yearProblem) return { ok: false, reason: yearProblem };
      if (month < 1 || month > 12) return { ok: false, reason: `"${value}" has no month ${m[2]}` };
      if (day < 1 || day > daysInMonth(year, month)) {
        return { ok: false, reason: `"${value}" does not exist: month ${m[2]} of ${year} has ${daysInMonth(year, month)} days` };
      }
      const start = utcDay(year, month, day);
      return { ok: true, window: { start, end: start + DAY_MS } };
    }
    case 'week': {
      const m = WEEK_RE.exec(value);
      if (!m) return { ok: false, reason: `"${value}" is not an ISO week written as YYYY-Www (e.g. 2017-W43)` };
      const [year, week] = [Number(m[1]), Number(m[2])];
      const yearProblem = checkYear(year);
      if (yearProblem) return { ok: false, reason: yearProblem };
      const weeks = isoWeeksInYear(year);
      if (week < 1 || week > weeks) return { ok: false, reason: `"${value}" does not exist: ${year} has ${weeks} ISO weeks` };
      const start = isoWeekStart(year, week);
      return { ok: true, window: { start, end: start + 7 * DAY_MS } };
    }
    case 'month': {
      const m = MONTH_RE.exec(value);
      if (!m) return { ok: false, reason: `"${value}" is not a month written as YYYY-MM` };
      const [year, month] = [Number(m[1]), Number(m[2])];
      const yearProblem = checkYear(year);
      if (yearProblem) return { ok: false, reason: yearProblem };
      if (month < 1 || month > 12) return { ok: false, reason: `"${value}" has no month ${m[2]}` };
      const start = utcDay(year, month, 1);
      const end = month === 12 ? utcDay(year + 1, 1, 1) : utcDay(year, month + 1, 1);
      return { ok: true, window: { start, end } };
    }
    case 'between': {
      const m = BETWEEN_RE.exec(value);
      if (!m) return { ok: false, reason: `"${value}" is not a window of dates written as YYYY-MM-DD/YYYY-MM-DD (first and last possible day)` };
      const first = parseDateValue(m[1]!, 'day');
      if (!first.ok) return first;
      const last = parseDateValue(m[2]!, 'day');
      if (!last.ok) return last;
      if (last.window.start <= first.window.start) return { ok: false, reason: `"${value}": the last possible day must come after the first (a single day has precision "day")` };
      if (last.window.end - first.window.start > MAX_BETWEEN_DAYS * DAY_MS) return { ok: false, reason: `"${value}" spans more than ${MAX_BETWEEN_DAYS.toLocaleString('en-GB')} days; write a year or a span instead` };
      return { ok: true, window: { start: first.window.start, end: last.window.end } };
    }
    case 'year': {
      const m = YEAR_RE.exec(value);
      if (!m) return { ok: false, reason: `"${value}" is not a year written as YYYY` };
      const year = Number(m[1]);
      const yearProblem = checkYear(year);
      if (yearProblem) return { ok: false, reason: yearProblem };
      return { ok: true, window: { start: utcDay(year, 1, 1), end: utcDay(year + 1, 1, 1) } };
    }
  }
}

/**
 * Precision from finest to coarsest; `approximate` and `between` are not of a fixed size: they
 * rank where they usually fall (a few days either side; a window of days to weeks).
 */
const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = {
  day: 0,
  approximate: 1,
  week: 2,
  between: 3,
  month: 4,
  year: 5
};

export function coarserPrecision(a: DatePrecision, b: DatePrecision): DatePrecision {
  return PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function monthName(month: number): string {
  return MONTHS_LONG[month - 1] ?? '';
}

function formatDay(ms: number, withWeekday: boolean): string {
  const d = new Date(ms);
  const text = `${d.getUTCDate()} ${MONTHS_LONG[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return withWeekday ? `${WEEKDAYS[d.getUTCDay()]} ${text}` : text;
}

/** "7 April–31 May 2017", "28 December 2016–3 January 2017", "3–9 May 2017": the days of [start, end). */
export function describeDays(start: number, end: number): string {
  const first = new Date(start);
  const last = new Date(end - DAY_MS);
  const sameYear = first.getUTCFullYear() === last.getUTCFullYear();
  const sameMonth = sameYear && first.getUTCMonth() === last.getUTCMonth();
  const firstText = !sameYear ? formatDay(start, false) : sameMonth ? `${first.getUTCDate()}` : `${first.getUTCDate()} ${MONTHS_LONG[first.getUTCMonth()]}`;
  return `${firstText}–${formatDay(end - DAY_MS, false)}`;
}

/**
 * Human wording of a resolved date value, e.g. "Friday 3 November 2017", "October 2017", "week of
 * 23–29 October 2017", "around 3 May 2017 (give or take 3 days)", "sometime between 7 April and 31 May 2017".
 */
export function describeDateValue(value: string, precision: DatePrecision, margin?: number): string {
  const parsed = parseDateValue(value, precision, margin);
  if (!parsed.ok) return value;
  const { start, end } = parsed.window;
  switch (precision) {
    case 'day':
      return formatDay(start, true);
    case 'approximate': {
      const anchor = parsed.window.anchor ?? start;
      return margin ? `around ${formatDay(anchor, false)} (give or take ${margin} day${margin === 1 ? '' : 's'}: ${describeDays(start, end)})` : `around ${formatDay(anchor, false)}`;
    }
    case 'between': {
      const [from, to] = describeDays(start, end).split('–');
      return `sometime between ${from} and ${to}`;
    }
    case 'week':
      return `week of ${describeDays(start, end)}`;
    case 'month': {
      const d = new Date(start);
      return `${MONTHS_LONG[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    }
    case 'year':
      return String(new Date(start).getUTCFullYear());
  }
}

/** ISO calendar date (YYYY-MM-DD) of a UTC millisecond instant. */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export { DAY_MS, utcDay };
