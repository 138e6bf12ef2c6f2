// Which time window an export shows: a typed range ("2017-01-01..2017-12-31", "2017-10..2017-11",
// "2017"), or by default the dataset's story (historical background far outside it left out, as
// the app's fitted view does), with a little room on both sides.
import type { DatasetHeader } from '../dataset/columns';
import { DAY_MS, parseDateValue, type DatePrecision } from '../dataset/dates';

export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

function precisionOf(value: string): DatePrecision | undefined {
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}$/.test(value)) return 'week';
  return undefined;
}

/**
 * Parse "FROM..TO": each end a year, month, ISO week or day; the window runs from the start of
 * FROM to the end of TO (both included). One value alone is that whole year, month or day.
 */
export function parseRange(text: string): { ok: true; window: TimeWindow } | { ok: false; message: string } {
  const parts = text.trim().split('..');
  if (parts.length > 2 || parts.some((p) => p.trim() === '')) return { ok: false, message: `"${text}" is not a range like 2017-01-01..2017-12-31` };
  const ends: { start: number; end: number }[] = [];
  for (const raw of parts) {
    const value = raw.trim();
    const precision = precisionOf(value);
    if (!precision) return { ok: false, message: `"${value}" is not a date (use YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD)` };
    const parsed = parseDateValue(value, precision);
    if (!parsed.ok) return { ok: false, message: `"${value}": ${parsed.reason}` };
    ends.push(parsed.window);
  }
  const start = ends[0]!.start;
  const end = ends[ends.length - 1]!.end;
  if (end <= start) return { ok: false, message: `the range ${text} ends before it starts` };
  return { ok: true, window: { start, end } };
}

/** The story range (or every event's range) with 3% room on each side; a year around today's epoch for an empty dataset. */
export function defaultWindow(header: DatasetHeader): TimeWindow {
  const range = header.storyRange ?? header.fullRange;
  if (!range) return { start: 0, end: 365 * DAY_MS };
  const span = Math.max(range.end - range.start, DAY_MS);
  const pad = Math.max(DAY_MS, span * 0.03);
  return { start: range.start - pad, end: range.end + pad };
}
