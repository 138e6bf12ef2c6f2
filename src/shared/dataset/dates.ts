// Strict calendar dates with a precision. A date value names a window of time (a day, an ISO
// week, a month, a year); it is never silently rolled over the way `new Date('2017-02-30')` is.

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year', 'approximate'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Half-open window of UTC milliseconds: [start, end). */
export interface DateWindow {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const YEAR_RE = /^(\d{4})$/;

/** Which written form each precision takes. `approximate` is anchored on a day. */
export const PRECISION_FORMAT: Readonly<Record<DatePrecision, string>> = {
  day: 'YYYY-MM-DD',
  approximate: 'YYYY-MM-DD',
  week: 'YYYY-Www (ISO week)',
  month: 'YYYY-MM',
  year: 'YYYY'
};

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** UTC milliseconds of a proleptic Gregorian date; works for years 1–99 too (Date.UTC maps them to 19xx). */
export function utcDay(year: number, month: number, day: number): number {
  // Date.UTC is fast but maps years 0-99 to 1900-1999; those take the slow road.
  if (year >= 100) return Date.UTC(year, month - 1, day);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
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

/**
 * Parse a date value written for the given precision and return the window it names.
 * Reasons are plain language, for people who typed the file by hand.
 */
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

export function parseDateValue(value: string, precision: DatePrecision): DateParse {
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

/** Precision from finest to coarsest; `approximate` counts as coarser than a day but is not a fixed size. */
const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = {
  day: 0,
  approximate: 1,
  week: 2,
  month: 3,
  year: 4
};

export function coarserPrecision(a: DatePrecision, b: DatePrecision): DatePrecision {
  return PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? '';
}

function formatDay(ms: number, withWeekday: boolean): string {
  const d = new Date(ms);
  const text = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return withWeekday ? `${WEEKDAYS[d.getUTCDay()]} ${text}` : text;
}

/** Human wording of a resolved date value, e.g. "Friday 3 November 2017", "October 2017", "week of 23–29 October 2017". */
export function describeDateValue(value: string, precision: DatePrecision): string {
  const parsed = parseDateValue(value, precision);
  if (!parsed.ok) return value;
  const { start, end } = parsed.window;
  switch (precision) {
    case 'day':
      return formatDay(start, true);
    case 'approximate':
      return `around ${formatDay(start, false)}`;
    case 'week': {
      const last = new Date(end - DAY_MS);
      const first = new Date(start);
      const sameYear = first.getUTCFullYear() === last.getUTCFullYear();
      const sameMonth = sameYear && first.getUTCMonth() === last.getUTCMonth();
      const firstText = !sameYear
        ? formatDay(start, false)
        : sameMonth
          ? `${first.getUTCDate()}`
          : `${first.getUTCDate()} ${MONTHS[first.getUTCMonth()]}`;
      return `week of ${firstText}–${formatDay(end - DAY_MS, false)}`;
    }
    case 'month': {
      const d = new Date(start);
      return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
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

export { DAY_MS };
