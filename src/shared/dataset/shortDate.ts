// Compact date wording for lists and tables, from the drawn window of an event and its precision:
// "3 Nov 2017", "c. 3 Nov 2017", "c. 3 Nov 2017 ±3 d", "wk of 30 Oct 2017", "Nov 2017", "2017",
// "betw. 7 Apr – 31 May 2017", and spans "2014 – 3 Nov 2017".
import type { EventView } from './columns';
import type { DatePrecision } from './dates';
import { DAY_MS, MONTHS_SHORT as MONTHS } from '../time/calendar';

function day(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * A date of this precision whose window of possible dates is [start, end). An approximate day is
 * the middle of its window (a margin lies evenly either side of it), never the window's start.
 */
export function shortDate(start: number, end: number, precision: DatePrecision): string {
  const d = new Date(start);
  switch (precision) {
    case 'day':
      return day(start);
    case 'approximate': {
      const days = Math.max(1, Math.round((end - start) / DAY_MS));
      const margin = Math.floor(days / 2);
      return margin > 0 ? `c. ${day(start + margin * DAY_MS)} ±${margin} d` : `c. ${day(start)}`;
    }
    case 'between':
      return `betw. ${day(start)} – ${day(end - DAY_MS)}`;
    case 'week':
      return `wk of ${day(start)}`;
    case 'month':
      return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    case 'year':
      return String(d.getUTCFullYear());
  }
}

/** When an event happened, compactly: its start, and its end for spans. */
export function shortWhen(e: Pick<EventView, 'start' | 'startWindowEnd' | 'startPrecision' | 'end' | 'endPrecision' | 'endWindowStart'>): string {
  const start = shortDate(e.start, e.startWindowEnd, e.startPrecision);
  if (e.endPrecision === undefined || e.endWindowStart === undefined) return start;
  return `${start} – ${shortDate(e.endWindowStart, e.end, e.endPrecision)}`;
}
