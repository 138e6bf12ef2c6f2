// The one calendar of the app, in UTC: units from an hour to a millennium, the start of the unit
// holding an instant, the next one, and English month names (written out so no output depends on
// the machine's locale). The time axis, density bins, date wording and export pages use it.

/** UTC milliseconds of a proleptic Gregorian date; works for years 1–99 too (Date.UTC maps them to 19xx). */
export function utcDay(year: number, month: number, day: number): number {
  // Date.UTC is fast but maps years 0-99 to 1900-1999; those take the slow road.
  if (year >= 100) return Date.UTC(year, month - 1, day);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export const CALENDAR_UNITS = [
  'hour',
  '3 hours',
  '6 hours',
  '12 hours',
  'day',
  'week',
  'month',
  'quarter',
  'year',
  '5 years',
  'decade',
  '50 years',
  'century',
  '500 years',
  'millennium'
] as const;
export type CalendarUnit = (typeof CALENDAR_UNITS)[number];

/** Hours in a unit of hours; years in a unit of years; 0 for days, weeks, months and quarters. */
const HOURS: Partial<Record<CalendarUnit, number>> = { hour: 1, '3 hours': 3, '6 hours': 6, '12 hours': 12 };
const YEARS: Partial<Record<CalendarUnit, number>> = { year: 1, '5 years': 5, decade: 10, '50 years': 50, century: 100, '500 years': 500, millennium: 1000 };

/** Typical length of a unit, for choosing one at a zoom level. */
export function approxUnitMs(unit: CalendarUnit): number {
  const hours = HOURS[unit];
  if (hours !== undefined) return hours * HOUR_MS;
  const years = YEARS[unit];
  if (years !== undefined) return years * 365.25 * DAY_MS;
  switch (unit) {
    case 'day':
      return DAY_MS;
    case 'week':
      return 7 * DAY_MS;
    case 'month':
      return 30.44 * DAY_MS;
    default:
      return 91.3 * DAY_MS;
  }
}

/**
 * Start of the unit holding `t`: the hour, the day, the ISO week (Monday), the month, the
 * quarter, or the year, five years, decade… (years counted from year 0, never before year 1).
 */
export function calendarFloor(t: number, unit: CalendarUnit): number {
  const hours = HOURS[unit];
  if (hours !== undefined) return Math.floor(t / (hours * HOUR_MS)) * hours * HOUR_MS;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const years = YEARS[unit];
  if (years !== undefined) return utcDay(Math.max(1, y - (((y % years) + years) % years)), 1, 1);
  switch (unit) {
    case 'day':
      return Math.floor(t / DAY_MS) * DAY_MS;
    case 'week': {
      // ISO weeks start on Monday; 1970-01-01 was a Thursday.
      const monday = Math.floor((t - 4 * DAY_MS) / (7 * DAY_MS)) * 7 * DAY_MS + 4 * DAY_MS;
      return monday > t ? monday - 7 * DAY_MS : monday;
    }
    case 'month':
      return utcDay(y, m + 1, 1);
    default:
      return utcDay(y, m - (m % 3) + 1, 1);
  }
}

/** Start of the unit after the one starting at `start` (a value calendarFloor gave). */
export function calendarNext(start: number, unit: CalendarUnit): number {
  const hours = HOURS[unit];
  if (hours !== undefined) return start + hours * HOUR_MS;
  const d = new Date(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const years = YEARS[unit];
  if (years !== undefined) return utcDay(y + years, 1, 1);
  switch (unit) {
    case 'day':
      return start + DAY_MS;
    case 'week':
      return start + 7 * DAY_MS;
    case 'month':
      return utcDay(y, m + 2, 1);
    default:
      return utcDay(y, m + 4, 1);
  }
}
