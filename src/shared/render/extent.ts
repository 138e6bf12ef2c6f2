// How an event's time is drawn, on screen and in exports alike: an exact day, a window of
// possible dates (a week, month or year, or any days between two dates), a day known only roughly
// (give or take a margin), or a span of time the event lasted. Windows are never drawn as spans.
//
// How each kind looks (exports follow this in eventMarks.ts; the screen follows it too):
//  - exact:  a solid mark on its day, in the type's colour.
//  - window: sometime within a week, month, year or between two dates (UCDP's windows, TimelineJS
//            months): diagonal hatching between square brackets "[ ]" at the window's ends, open
//            above and below, and NO solid fill; an end the view cuts has no bracket (open-ended).
//            The label carries the precision word ("week", "month", "year", "between").
//  - approx: around a date (ACLED's approximate days, optionally ± a margin of days: the window is
//            [start, startWindowEnd)): a soft mark (radial fade, no edge) over that window, with
//            a thin solid line at the coded day in its middle; label word "approx." (± N days).
//  - span:   it lasted from – to: a solid band (the only kind filled solid across its length)
//            with a solid bottom edge; an end known only to a week/month/year fades to nothing
//            across that end's window.
// The legend names them in plain words: "Exact day", "Sometime within (week/month/year, or
// between two dates)", "Around a date", "Lasted (from – to)".
import type { EventView } from '../dataset/columns';

export type ExtentKind = 'exact' | 'window' | 'approx' | 'span';

export function extentKind(e: Pick<EventView, 'startPrecision' | 'endPrecision'>): ExtentKind {
  if (e.endPrecision) return 'span';
  switch (e.startPrecision) {
    case 'day':
      return 'exact';
    case 'approximate':
      return 'approx';
    default:
      return 'window';
  }
}

/** The word on a label for a date that is not an exact day. */
export const PRECISION_WORD: Readonly<Record<string, string>> = {
  week: 'week',
  month: 'month',
  year: 'year',
  approximate: 'approx.',
  between: 'between'
};
