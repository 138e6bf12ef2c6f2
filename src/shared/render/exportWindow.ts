// Which time window an export shows: a typed range ("2017-01-01..2017-12-31", "2017-10..2017-11",
// "2017"), or by default the frame of the dataset's events (frameWindow, the rule the app's
// default view follows): the body of the events, with room for the last labels after their marks;
// long background spans and far-off events run off its edge and are counted for the edge markers.
import { eventView, FLAG_ERA, NO_END, type DatasetHeader, type EventColumns } from '../dataset/columns';
import { DAY_MS, parseDateValue, type DatePrecision } from '../dataset/dates';
import { frameWindow, type FrameItem } from '../timeline/frame';
import { labelParts, metricsFor } from './eventMarks';
import { extentKind } from './extent';
import { THEMES, type ThemeName } from './themes';
import { baseFontSize } from './timelineSvg';

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

export interface DefaultWindowOptions {
  /** Width of the picture (px, or pt for a PDF page). */
  readonly width: number;
  readonly theme?: ThemeName;
  readonly typeScale?: number;
  /** Filters: whether event i is shown (default every event). */
  readonly include?: (i: number) => boolean;
}

/** Past this many events, labels are not measured one by one (such lanes are drawn as density anyway). */
const MEASURE_LIMIT = 20_000;

/**
 * The frame items of the events shown (eras, drawn behind the lanes, aside): each event's window,
 * whether it lasted (a span) or is a point, and its label's width at the picture's type size.
 */
export function frameItems(cols: EventColumns, options: DefaultWindowOptions): { items: FrameItem[]; plotW: number; gap: number } {
  const fs = baseFontSize(THEMES[options.theme ?? 'screen'], options.width) * (options.typeScale ?? 1);
  const m = metricsFor(fs);
  // The plot is the picture less its margins and the lane header column (about a fifth at most).
  const plotW = Math.max(100, (options.width - 2 * Math.round(fs * 1.7)) * 0.85);
  const measure = cols.count <= MEASURE_LIMIT;
  const items: FrameItem[] = [];
  for (let i = 0; i < cols.count; i++) {
    if (cols.flags[i]! & FLAG_ERA) continue;
    if (options.include && !options.include(i)) continue;
    const view = measure ? eventView(cols, i) : undefined;
    const span = view ? extentKind(view) === 'span' : cols.endPrecision[i] !== NO_END;
    items.push({ start: cols.start[i]!, end: cols.end[i]!, span, labelPx: view ? labelParts(view, m).width : fs * 12 });
  }
  return { items, plotW, gap: m.barGap };
}

/**
 * The window an export shows when no dates are given: the frame of its events at this size, with
 * how many events lie wholly before and after it. An empty dataset: its whole range, or a year.
 */
export function defaultWindow(header: DatasetHeader, cols: EventColumns, options: DefaultWindowOptions): TimeWindow & { readonly before: number; readonly after: number } {
  const { items, plotW, gap } = frameItems(cols, options);
  const frame = frameWindow(items, { widthPx: plotW, gapPx: gap, marginPx: gap * 2 });
  if (frame) return frame;
  const range = header.storyRange ?? header.fullRange;
  if (!range) return { start: 0, end: 365 * DAY_MS, before: 0, after: 0 };
  const pad = Math.max(DAY_MS, (range.end - range.start) * 0.03);
  return { start: range.start - pad, end: range.end + pad, before: 0, after: 0 };
}
