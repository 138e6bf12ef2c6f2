// Compact date wording for lists and tables, from the drawn window of an event and its precision:
// "3 Nov 2017", "c. 3 Nov 2017", "wk of 30 Oct 2017", "Nov 2017", "2017", and spans "2014 – 3 Nov 2017".
import type { EventView } from './columns';
import type { DatePrecision } from './dates';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function day(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A date of this precision whose window starts at `ms`. */
export function shortDate(ms: number, precision: DatePrecision): string {
  const d = new Date(ms);
  switch (precision) {
    case 'day':
      return day(ms);
    case 'approximate':
      return `c. ${day(ms)}`;
    case 'week':
      return `wk of ${day(ms)}`;
    case 'month':
      return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    case 'year':
      return String(d.getUTCFullYear());
  }
}

/** When an event happened, compactly: its start, and its end for spans. */
export function shortWhen(e: Pick<EventView, 'start' | 'startPrecision' | 'endPrecision' | 'endWindowStart'>): string {
  const start = shortDate(e.start, e.startPrecision);
  if (e.endPrecision === undefined || e.endWindowStart === undefined) return start;
  return `${start} – ${shortDate(e.endWindowStart, e.endPrecision)}`;
}
