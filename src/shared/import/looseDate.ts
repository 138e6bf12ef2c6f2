// Dates as people type them in spreadsheets ("3 November 2017", "Nov 3, 2017", "03/11/2017",
// "2017-11", "2017-11-03T14:00"), read into a native date value with its precision. Impossible
// dates are refused, never rolled over; numeric day/month order is decided for a whole column.
//
// Policies:
// - A time of day after a date (ISO "2017-11-03T14:00", "2017-11-03 00:00:00.000", "03/11/2017
//   14:00", with or without a zone) is dropped and the calendar date AS WRITTEN is kept: it is
//   never converted to another zone, since a date without a zone is local to whoever wrote it, and
//   one with a zone most often names the local day of the event anyway. The result says what
//   was dropped so the caller can warn.
// - Numeric dates with the year last (03/11/2017, 3.11.2017, 03-11-2017) are read in one order
//   per column: decideDayMonthOrder looks at every value. A value that can only be read one way
//   decides it; when none can, day-first is assumed and the decision says so (callers report
//   it). A value that reads both ways with no order given is refused as ambiguous.
// - Two-digit years are refused unless the caller knows the year (e.g. from a year column).
// - Years before 1 CE ("44 BC", "-50", year 0) are refused: the native format cannot hold them.
// - "c. 2017", "about 3 November 2017", "~2017-11-03": a day becomes precision "approximate";
//   a coarser date keeps its precision (a month or year is already a window) and is flagged.
import { daysInMonth, MAX_YEAR, MIN_YEAR, monthName, type DatePrecision } from '../dataset/dates';
import { clip } from '../text/clip';

/** A cell as quoted in a message: a date is short, so anything longer is cut. */
const shown = (text: string) => clip(text, 60);

export type DayMonthOrder = 'dmy' | 'mdy';

export interface LooseDate {
  /** The native value, in the form its precision takes (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY). */
  readonly value: string;
  readonly precision: DatePrecision;
  /** The time of day (and zone) written after the date, which was dropped. */
  readonly droppedTime?: string;
  /** Written as approximate ("c.", "about", "~"). */
  readonly approximate?: boolean;
  /** Set when the value read both ways and the given order decided it. */
  readonly orderUsed?: DayMonthOrder;
  /** Something the caller should tell the user (time dropped, weekday that does not match). */
  readonly warning?: string;
}

export type LooseDateResult = { readonly ok: true; readonly date: LooseDate } | { readonly ok: false; readonly reason: string };

export interface LooseDateOptions {
  /** Order for numeric dates such as 03/11/2017, decided for the whole column (decideDayMonthOrder). */
  readonly order?: DayMonthOrder | undefined;
  /** The year the date is known to fall in (a year column): lets "3-Nov-17" be read. */
  readonly year?: number | undefined;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ...Array.from({ length: 12 }, (_, i) => monthName(i + 1).toLowerCase()).flatMap((name, i): [string, number][] => [
    [name, i + 1],
    [name.slice(0, 3), i + 1]
  ]),
  ['sept', 9]
]);

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  WEEKDAY_NAMES.flatMap((name, i) => [
    [name.toLowerCase(), i],
    [name.slice(0, 3).toLowerCase(), i]
  ])
);

/** Month number of an English month name or abbreviation ("Nov", "Nov.", "Sept"), or undefined. */
export function monthNumber(word: string): number | undefined {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, ''));
}

const APPROX_PREFIX = /^(?:~\s*|(?:c|ca|approx)\.\s*|(?:circa|about|around|approximately|approx)\s+)/i;
const BCE = /^-\s*\d|\d\s*(?:b\.?\s?c\.?(?:\s?e\.?)?|bce)$/i;
const TIME = /^(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?)\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO = /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$/;
const ISO_WEEK = /^(\d{4})-?W(\d{2})$/i;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;

/** The parts of a numeric date with the year last (03/11/2017), or undefined. */
function numericParts(text: string): { a: number; b: number } | undefined {
  const m = NUMERIC.exec(splitTime(text.trim()).date);
  return m ? { a: Number(m[1]), b: Number(m[3]) } : undefined;
}

/** "2017-11-03T14:00:00Z" → date "2017-11-03", time "14:00:00Z". */
function splitTime(text: string): { date: string; time: string | undefined } {
  const t = /^(\d{4}-\d{1,2}-\d{1,2})T(.+)$/i.exec(text);
  if (t && TIME.test(t[2]!)) return { date: t[1]!, time: t[2]! };
  const space = /^(\S+)\s+(.+)$/.exec(text);
  if (space && TIME.test(space[2]!) && /^\d/.test(space[1]!)) return { date: space[1]!, time: space[2]! };
  return { date: text, time: undefined };
}

export interface DayMonthDecision {
  /** Order to read numeric dates with; undefined when the column uses both (only values that read one way are read). */
  readonly order: DayMonthOrder | undefined;
  /**
   * evidence: some value reads only one way; assumed: every numeric value reads both ways, so
   * day-first is assumed; mixed: some values read only day-first, others only month-first;
   * none: no numeric dates.
   */
  readonly basis: 'evidence' | 'assumed' | 'mixed' | 'none';
  /** Index of the first value that reads only day-first, or -1. */
  readonly dayFirstAt: number;
  /** Index of the first value that reads only month-first, or -1. */
  readonly monthFirstAt: number;
  /** Index of the first value that reads both ways (day ≠ month, both ≤ 12), or -1. */
  readonly ambiguousAt: number;
}

/** Decide the day/month order of numeric dates for a whole column of values. */
export function decideDayMonthOrder(values: Iterable<string>): DayMonthDecision {
  let dayFirstAt = -1;
  let monthFirstAt = -1;
  let ambiguousAt = -1;
  let i = 0;
  for (const value of values) {
    const p = numericParts(value);
    if (p) {
      if (p.a > 12 && p.b <= 12) {
        if (dayFirstAt < 0) dayFirstAt = i;
      } else if (p.b > 12 && p.a <= 12) {
        if (monthFirstAt < 0) monthFirstAt = i;
      } else if (p.a !== p.b && p.a <= 12 && p.b <= 12 && ambiguousAt < 0) {
        ambiguousAt = i;
      }
    }
    i++;
  }
  const base = { dayFirstAt, monthFirstAt, ambiguousAt };
  if (dayFirstAt >= 0 && monthFirstAt >= 0) return { order: undefined, basis: 'mixed', ...base };
  if (dayFirstAt >= 0) return { order: 'dmy', basis: 'evidence', ...base };
  if (monthFirstAt >= 0) return { order: 'mdy', basis: 'evidence', ...base };
  if (ambiguousAt >= 0) return { order: 'dmy', basis: 'assumed', ...base };
  return { order: undefined, basis: 'none', ...base };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function yearProblem(year: number, text: string): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return `"${shown(text)}": the year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  return null;
}

function dayValue(year: number, month: number, day: number, text: string): LooseDateResult {
  const y = yearProblem(year, text);
  if (y) return { ok: false, reason: y };
  if (month < 1 || month > 12) return { ok: false, reason: `"${shown(text)}" has no month ${month}` };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return { ok: false, reason: `"${shown(text)}" does not exist: ${monthName(month)} ${year} has ${days} days` };
  }
  return { ok: true, date: { value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, precision: 'day' } };
}

function monthValue(year: number, month: number, text: string): LooseDateResult {
  const y = yearProblem(year, text);
  if (y) return { ok: false, reason: y };
  if (month < 1 || month > 12) return { ok: false, reason: `"${shown(text)}" has no month ${month}` };
  return { ok: true, date: { value: `${pad(year, 4)}-${pad(month, 2)}`, precision: 'month' } };
}

function yearValue(year: number, text: string): LooseDateResult {
  const y = yearProblem(year, text);
  if (y) return { ok: false, reason: y };
  return { ok: true, date: { value: pad(year, 4), precision: 'year' } };
}

/** A year as written: four digits, or two digits when the caller knows the year. */
function readYear(digits: string, text: string, known: number | undefined): number | string {
  if (digits.length === 4) return Number(digits);
  if (digits.length === 2) {
    if (known !== undefined && known % 100 === Number(digits)) return known;
    return known !== undefined
      ? `"${shown(text)}": the two-digit year ${digits} does not match the year ${known}`
      : `"${shown(text)}" has a two-digit year; write the year in full (e.g. 2017)`;
  }
  return `"${shown(text)}" is not a date this app can read`;
}

/** Read one date as people type it. See the policies at the top of this file. */
export function parseLooseDate(input: string, options: LooseDateOptions = {}): LooseDateResult {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, reason: 'the date is empty' };
  let body = text;
  let approximate = false;
  const prefix = APPROX_PREFIX.exec(body);
  if (prefix) {
    approximate = true;
    body = body.slice(prefix[0].length);
  }
  if (body.endsWith('~')) {
    approximate = true;
    body = body.slice(0, -1).trim();
  }
  if (BCE.test(body)) return { ok: false, reason: `"${shown(text)}" is before the Common Era; dates before the year 1 are not supported` };
  const era = /^(?:ad|a\.d\.)\s*(\d{1,4})$|^(\d{1,4})\s*(?:ad|a\.d\.|ce|c\.e\.)$/i.exec(body);
  if (era) {
    const year = yearValue(Number(era[1] ?? era[2]), text);
    return year.ok && approximate ? { ok: true, date: { ...year.date, approximate: true } } : year;
  }

  const { date, time } = splitTime(body);
  const read = readDate(date, text, options);
  if (!read.ok) return read;
  let result: LooseDate = read.date;
  if (time !== undefined) {
    if (result.precision !== 'day') return { ok: false, reason: `"${shown(text)}" gives a time without a day` };
    result = {
      ...result,
      droppedTime: time,
      warning: `the time "${time}" was dropped; the date is taken as written (${result.value}), without converting time zones`
    };
  }
  if (approximate) {
    result = { ...result, approximate: true, ...(result.precision === 'day' ? { precision: 'approximate' as const } : {}) };
  }
  return { ok: true, date: result };
}

function readDate(date: string, text: string, options: LooseDateOptions): LooseDateResult {
  const week = ISO_WEEK.exec(date);
  if (week) {
    const year = Number(week[1]);
    const y = yearProblem(year, text);
    if (y) return { ok: false, reason: y };
    const w = Number(week[2]);
    // Existence of week 53 is checked by parseDateValue downstream; weeks 1–53 are plausible here.
    if (w < 1 || w > 53) return { ok: false, reason: `"${shown(text)}" has no week ${w}` };
    return { ok: true, date: { value: `${pad(year, 4)}-W${pad(w, 2)}`, precision: 'week' } };
  }
  const iso = ISO.exec(date);
  if (iso) {
    const year = Number(iso[1]);
    if (iso[3] === undefined) return yearValue(year, text);
    if (iso[4] === undefined) return monthValue(year, Number(iso[3]), text);
    return dayValue(year, Number(iso[3]), Number(iso[4]), text);
  }
  const numeric = NUMERIC.exec(date);
  if (numeric) return readNumeric(Number(numeric[1]), Number(numeric[3]), numeric[4]!, text, options);
  return readWords(date, text, options);
}

function readNumeric(a: number, b: number, yearDigits: string, text: string, options: LooseDateOptions): LooseDateResult {
  const year = readYear(yearDigits, text, options.year);
  if (typeof year === 'string') return { ok: false, reason: year };
  if (a > 12 && b > 12) return { ok: false, reason: `"${shown(text)}" has no month: neither ${a} nor ${b} is a month` };
  let order: DayMonthOrder;
  let orderUsed: DayMonthOrder | undefined;
  if (options.order) {
    order = options.order;
    if (a !== b && a <= 12 && b <= 12) orderUsed = order;
  } else if (a > 12) {
    order = 'dmy';
  } else if (b > 12 || a === b) {
    order = 'mdy';
  } else {
    return {
      ok: false,
      reason: `"${shown(text)}" is ambiguous: it could be ${a} ${monthName(b)} or ${monthName(a)} ${b}, and its column does not show which order it uses`
    };
  }
  const [day, month] = order === 'dmy' ? [a, b] : [b, a];
  if (month > 12) {
    return { ok: false, reason: `"${shown(text)}" has no month ${month} (this column writes the ${order === 'dmy' ? 'day first' : 'month first'})` };
  }
  const r = dayValue(year, month, day, text);
  return r.ok && orderUsed ? { ok: true, date: { ...r.date, orderUsed } } : r;
}

/** "3 November 2017", "Nov 3, 2017", "November 2017", "Friday 3rd of Nov. 2017", "3-Nov-17". */
function readWords(date: string, text: string, options: LooseDateOptions): LooseDateResult {
  const tokens = date
    .toLowerCase()
    .replace(/,/g, ' ')
    .split(/[\s/-]+/)
    .filter((t) => t !== '' && t !== 'of' && t !== 'the');
  let weekday: number | undefined;
  const first = tokens[0]?.replace(/\.$/, '');
  if (first !== undefined && WEEKDAYS.has(first)) {
    weekday = WEEKDAYS.get(first);
    tokens.shift();
  }
  const unreadable: LooseDateResult = { ok: false, reason: `"${shown(text)}" is not a date this app can read (write it as YYYY-MM-DD, e.g. 2017-11-03)` };
  const kinds = tokens.map((t) => {
    if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(t)) return 'd';
    if (/^\d{4}$/.test(t)) return 'y';
    if (/^\d{2}$/.test(t)) return 'd';
    if (monthNumber(t) !== undefined) return 'm';
    return '?';
  });
  const pattern = kinds.join('');
  const num = (t: string) => Number(t.replace(/\D/g, ''));
  let result: LooseDateResult;
  switch (pattern) {
    case 'dmy':
    case 'dmd': {
      // "3 November 2017", or "3-Nov-17" (a two-digit year looks like a day).
      const year = pattern === 'dmy' ? num(tokens[2]!) : readYear(tokens[2]!, text, options.year);
      if (typeof year === 'string') return { ok: false, reason: year };
      result = dayValue(year, monthNumber(tokens[1]!)!, num(tokens[0]!), text);
      break;
    }
    case 'mdy':
      result = dayValue(num(tokens[2]!), monthNumber(tokens[0]!)!, num(tokens[1]!), text);
      break;
    case 'ymd':
      result = dayValue(num(tokens[0]!), monthNumber(tokens[1]!)!, num(tokens[2]!), text);
      break;
    case 'my':
      result = monthValue(num(tokens[1]!), monthNumber(tokens[0]!)!, text);
      break;
    case 'ym':
      result = monthValue(num(tokens[0]!), monthNumber(tokens[1]!)!, text);
      break;
    default:
      return unreadable;
  }
  if (result.ok && weekday !== undefined && result.date.precision === 'day') {
    const [y, m, d] = result.date.value.split('-').map(Number) as [number, number, number];
    const real = weekdayOf(y, m, d);
    if (real !== weekday) {
      const warning = `"${shown(text)}": ${result.date.value} is a ${WEEKDAY_NAMES[real]}, not a ${WEEKDAY_NAMES[weekday]}; the date is kept and the weekday ignored`;
      return { ok: true, date: { ...result.date, warning } };
    }
  }
  return result;
}

/** Day of the week (0 = Sunday) of a proleptic Gregorian date (Sakamoto's method). */
function weekdayOf(year: number, month: number, day: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1]! + day) % 7;
}
