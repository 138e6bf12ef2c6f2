// How an event's time is drawn, on screen and in exports alike: an exact day, a window of
// possible dates (a week, month or year, or any days between two dates), a day known only roughly
// (give or take a margin), or a span of time the event lasted. Windows are never drawn as spans.
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
