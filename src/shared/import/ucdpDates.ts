// UCDP GED dates: date_start and date_end are the first and last day the event may have happened
// on (a window of possible dates, never a duration), date_prec how precisely UCDP knows the day.
import { daysInMonth, describeDateValue, parseDateValue } from '../dataset/dates';
import type { DatePoint } from '../dataset/schema';
import { dayWords, isoWeekOf } from './rowDates';
import { clip } from './importBuilder';

/**
 * date_prec as the UCDP GED codebook defines it: 1 the exact day is known; 2 the day is known
 * within 2–6 days; 3 only the week; 4 within 8–30 days or only the month; 5 within more than a
 * month, up to a year, or only the year.
 */
export const DATE_PREC_WORDS: Readonly<Record<string, string>> = {
  '1': 'the exact day is known',
  '2': 'the day is known within 2–6 days',
  '3': 'only the week is known',
  '4': 'the day is known within 8–30 days, or only the month',
  '5': 'the day is known only within more than a month, up to a year'
};

/** What a window of precision 2–5 is, in the note beside it. */
const WINDOW_WORDS: Readonly<Record<string, string>> = {
  '2': 'sometime in this window of 2 to 6 days',
  '3': 'sometime in this window of about a week',
  '4': 'sometime in this window of up to a month',
  '5': 'sometime in this window of more than a month, up to a year'
};

/** Is this a UCDP date precision (1 to 5)? */
export function isDatePrec(text: string): boolean {
  return DATE_PREC_WORDS[text] !== undefined;
}

/** An event's date made from a UCDP row: one point (a window has no end), and what it means. */
export type UcdpWhen = { readonly ok: true; readonly start: DatePoint; readonly note?: string } | { readonly ok: false; readonly reason: string };

/**
 * The date of a row whose first and last possible days are `first` and `last` (YYYY-MM-DD,
 * first ≤ last), with date_prec `prec` ('' when the row gives none) and the cells as written.
 *
 * - One day at precision 1 (or none): that day.
 * - One day at precision 2–5: UCDP says it does not know the day, yet gives a single one. The
 *   codebook gives the size of the window but not where that day lies in it, so any margin
 *   would be made up: an approximate day ("around 3 November 2017") with a note saying so.
 * - Two days: sometime between them ('between', no end), or the calendar month, ISO week or
 *   year when the window is exactly that; precision 1 with two days is read the same way (the
 *   codebook's dates are always the first and last possible day), with a note.
 */
export function ucdpWhen(first: string, last: string, prec: string, firstText: string, lastText: string): UcdpWhen {
  if (first === last) return oneDay(first, prec, firstText);
  const point = windowPoint(first, last, `${clip(firstText, 240)} to ${clip(lastText, 240)}`);
  const parsed = parseDateValue(point.value, point.precision);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const window = describeDateValue(point.value, point.precision);
  const note =
    WINDOW_WORDS[prec] !== undefined
      ? `UCDP date precision ${prec}: ${WINDOW_WORDS[prec]} (${window})`
      : prec === '1'
        ? `UCDP date precision 1 says the exact day is known, but date_start and date_end differ: taken as ${window}, not as lasting that long`
        : `UCDP gives no date precision: date_start and date_end are the first and last possible day, ${window}`;
  return { ok: true, start: point, note };
}

function oneDay(day: string, prec: string, text: string): UcdpWhen {
  const asWritten = text !== '' && text !== day ? { asWritten: clip(text, 500) } : {};
  if (prec === '' || prec === '1') return { ok: true, start: { value: day, precision: 'day', ...asWritten } };
  return {
    ok: true,
    start: { value: day, precision: 'approximate', ...asWritten },
    note: `UCDP date precision ${prec} (${DATE_PREC_WORDS[prec]}), yet date_start and date_end are both ${dayWords(day)}: around that day, how far off UCDP does not say`
  };
}

/** The window [first, last] as the one point that says it: a year, month or ISO week when it is exactly one, else between. */
function windowPoint(first: string, last: string, asWritten: string): DatePoint {
  const y = first.slice(0, 4);
  const m = first.slice(5, 7);
  if (first.endsWith('-01-01') && last === `${y}-12-31`) return { value: y, precision: 'year', asWritten };
  if (first.endsWith('-01') && last.slice(0, 7) === first.slice(0, 7) && Number(last.slice(8, 10)) === daysInMonth(Number(y), Number(m))) {
    return { value: first.slice(0, 7), precision: 'month', asWritten };
  }
  const week = isoWeekOf(first);
  if (isoWeekOf(last) === week && dayOfWeek(first) === 0 && dayOfWeek(last) === 6) return { value: week, precision: 'week', asWritten };
  return { value: `${first}/${last}`, precision: 'between', asWritten };
}

/** Monday 0 … Sunday 6 of a day written YYYY-MM-DD. */
function dayOfWeek(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}
