// The exported timeline picture: a pure function from (events as columns, time window, lanes,
// theme, size, labels) to a self-contained SVG string. No DOM, no Node: the renderer and the
// command line get the same picture, and PNG and PDF are made from this SVG.
//
// True vector: every event is SVG shapes and <text>; no <foreignObject>, no raster, no script, no
// event handler, no external reference (fonts are named by family; the PNG and PDF steps embed
// them). Every dataset string is XML-escaped. Dates are drawn as the app draws them (see README
// "How dates are drawn"): an exact day a solid mark, a week/month/year a hatched window, an
// approximate date a soft mark, a span a band that fades where an end is known only roughly.
// Labels are packed in rows per lane so none overlaps another; lanes with more events than can be
// labelled legibly become density bars (events per calendar bin).
import { eventView, FLAG_ERA, type DatasetHeader, type EventColumns, type EventView, type LaneInfo } from '../dataset/columns';
import { EVENT_TYPE_STYLES, EVENT_TYPES, type EventType } from '../dataset/eventTypes';
import type { Source } from '../dataset/schema';
import { binEdges, binUnitFor, describeBin, laneDensity, type BinUnit } from '../timeline/density';
import { EventIndex } from '../timeline/eventIndex';
import { assignLanes, LANE_MODE_LABEL, type LaneAssignment, type LaneMode } from '../timeline/laneAssignment';
import { GLYPH_PATHS } from './glyphs';
import { bidiRuns, escapeXml, fitText, textWidth, wrapText } from './text';
import { axisTicks, describeWindow, longDate } from './timeAxis';
import { FONT_FAMILY, FONT_FAMILY_ARABIC, THEMES, type Theme, type ThemeName } from './themes';
import { extentKind, PRECISION_WORD, type ExtentKind } from './extent';

export interface ImageLabels {
  readonly title: string;
  readonly subtitle: string;
  /** The date range shown, in words. */
  readonly range: string;
  /** One line per source: publisher, title, date. */
  readonly sources: readonly string[];
}

export interface TimelineImageRequest {
  readonly header: DatasetHeader;
  readonly columns: EventColumns;
  /** Time window shown, [start, end) in UTC ms. */
  readonly window: { readonly start: number; readonly end: number };
  /** A lane mode (lanes computed with assignLanes) or the lanes the screen uses. Default: theatre. */
  readonly lanes?: LaneMode | LaneAssignment;
  /** How the lanes are named in the caption ("Lanes by theatre"); default from the lane mode. */
  readonly lanesCaption?: string;
  /** Filters: whether event i is shown at all (default: every event). */
  readonly include?: (i: number) => boolean;
  readonly theme?: ThemeName;
  /** Size in px (in pt for a PDF page: the SVG is unit-agnostic). */
  readonly width: number;
  /** Omitted: as tall as the picture needs. Given: type shrinks, and busy lanes become density bars, to fit. */
  readonly height?: number;
  /** Defaults: the dataset's title and subtitle, the window in words, the dataset's sources. */
  readonly labels?: Partial<ImageLabels>;
  /** More events than this in the window: the busiest lanes are drawn as density bars. Default 300. */
  readonly maxLabelledEvents?: number;
  /** Multiplies the theme's type size (1 = the theme's own, scaled with the width). */
  readonly typeScale?: number;
  /**
   * Base type size in px, instead of the theme's scaled with the width. The type then does not
   * grow into spare height (it still shrinks if the picture would not fit): pages of one PDF
   * share a size this way.
   */
  readonly fontSize?: number;
}

export interface TimelineImage {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Events drawn with their label (column indices, in start order). */
  readonly labelled: readonly number[];
  /** Events in the window drawn only as density (counted, not labelled). */
  readonly counted: number;
  /** Lanes drawn (ids), and which of them as density bars. */
  readonly lanes: readonly { readonly id: string; readonly label: string; readonly density: boolean; readonly events: number }[];
  /** Base type size used (px). */
  readonly fontSize: number;
  /** The picture needed more height than it was given even at the smallest type: something is cut off. */
  readonly overflow: boolean;
}

export const DEFAULT_MAX_LABELLED = 300;

// ---------------------------------------------------------------------------------------------
// Labels

/** "BBC News, “IS loses Deir al-Zour…”, 3 November 2017". */
export function describeSource(s: Pick<Source, 'publisher' | 'title' | 'date'>): string {
  const date = s.date && /^\d{4}-\d{2}-\d{2}$/.test(s.date) ? longDate(Date.parse(`${s.date}T00:00:00Z`)) : s.date;
  return `${s.publisher}, “${s.title}”${date ? `, ${date}` : ''}`;
}

export function defaultLabels(header: DatasetHeader, window: { start: number; end: number }): ImageLabels {
  return {
    title: header.metadata.title,
    subtitle: header.metadata.subtitle ?? '',
    range: describeWindow(window.start, window.end),
    sources: header.sources.map(describeSource)
  };
}

/**
 * Split [start, end) into `pages` windows of about equal length, one per page. Boundaries fall on
 * the start of a month when pages are two months or longer, else on the start of a day, so no page
 * ends a day or a month short (a month-precision event is not cut between pages).
 */
export function splitWindow(window: { start: number; end: number }, pages: number): { start: number; end: number }[] {
  const n = Math.max(1, Math.floor(pages));
  const step = (window.end - window.start) / n;
  const DAY = 86_400_000;
  const snap = (t: number): number => {
    if (step >= 60 * DAY) {
      const d = new Date(t);
      const here = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      return t - here <= next - t ? here : next;
    }
    return step >= 2 * DAY ? Math.round(t / DAY) * DAY : t;
  };
  const edges = [window.start];
  for (let k = 1; k < n; k++) {
    const raw = window.start + k * step;
    const snapped = snap(raw);
    edges.push(snapped > edges[k - 1]! && snapped < window.end ? snapped : raw);
  }
  edges.push(window.end);
  return Array.from({ length: n }, (_, k) => ({ start: edges[k]!, end: edges[k + 1]! }));
}

// ---------------------------------------------------------------------------------------------
// SVG writing helpers

const num = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

interface TextStyle {
  readonly size: number;
  readonly fill: string;
  readonly weight?: 400 | 600;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly opacity?: number;
}

/**
 * A <text> element. Right-to-left runs (Arabic) become their own <tspan> in the Arabic font,
 * direction rtl and isolated, so browsers, resvg and the PDF writer all shape them right to left.
 */
function svgText(x: number, y: number, text: string, style: TextStyle, extra = ''): string {
  const attrs = `x="${num(x)}" y="${num(y)}" font-size="${num(style.size)}" fill="${style.fill}"${style.weight === 600 ? ' font-weight="600"' : ''}${style.anchor && style.anchor !== 'start' ? ` text-anchor="${style.anchor}"` : ''}${style.opacity !== undefined ? ` fill-opacity="${num(style.opacity)}"` : ''}${extra}`;
  const runs = bidiRuns(text);
  if (runs.length === 1 && !runs[0]!.rtl) return `<text ${attrs}>${escapeXml(text)}</text>`;
  const body = runs
    .map((r) => (r.rtl ? `<tspan font-family="${FONT_FAMILY_ARABIC}" direction="rtl" unicode-bidi="isolate">${escapeXml(r.text)}</tspan>` : `<tspan>${escapeXml(r.text)}</tspan>`))
    .join('');
  return `<text ${attrs}>${body}</text>`;
}

/** Diagonal hatch lines (135°) filling the rectangle, as one path: no <pattern> needed, so every renderer draws it. */
function hatchPath(x0: number, y0: number, x1: number, y1: number, spacing: number): string {
  const parts: string[] = [];
  const h = y1 - y0;
  // Lines x + y = c for c from x0 + y0 to x1 + y1, clipped to the rectangle.
  const first = Math.ceil((x0 + y0) / spacing) * spacing;
  for (let c = first; c <= x1 + y1; c += spacing) {
    // Points where x + y = c meets the rectangle's edges.
    const ax = Math.max(x0, c - y1);
    const ay = c - ax;
    const bx = Math.min(x1, c - y0);
    const by = c - bx;
    if (bx - ax <= 0.01 || h <= 0) continue;
    parts.push(`M${num(ax)} ${num(ay)}L${num(bx)} ${num(by)}`);
  }
  return parts.join('');
}

function glyph(type: EventType, cx: number, cy: number, size: number, colour: string, strokeScale: number): string {
  const g = GLYPH_PATHS[EVENT_TYPE_STYLES[type].shape];
  const s = size / 16;
  const paint = g.hollow ? `fill="none" stroke="${colour}" stroke-width="${num(2 * strokeScale)}"` : `fill="${colour}"`;
  return `<path transform="translate(${num(cx - size / 2)} ${num(cy - size / 2)}) scale(${Math.round(s * 10000) / 10000})" d="${g.d}" ${paint}/>`;
}

// ---------------------------------------------------------------------------------------------
// Event labels


interface Metrics {
  readonly fs: number;
  readonly labelH: number;
  readonly padL: number;
  readonly padR: number;
  readonly gap: number;
  readonly glyph: number;
  readonly chipFs: number;
  readonly chipPad: number;
  readonly barGap: number;
  readonly packGap: number;
}

function metricsFor(fs: number): Metrics {
  return {
    fs,
    labelH: fs * 1.62,
    padL: fs * 0.4,
    padR: fs * 0.5,
    gap: fs * 0.32,
    glyph: fs * 0.95,
    chipFs: fs * 0.76,
    chipPad: fs * 0.28,
    barGap: Math.max(4, fs * 0.55),
    packGap: Math.max(3, fs * 0.4)
  };
}

interface LabelPart {
  readonly kind: 'glyph' | 'precision' | 'title' | 'figure' | 'status';
  readonly text: string;
  readonly x: number;
  readonly width: number;
}

/** The parts of an event's label, laid out from x = 0, and its total width. */
function labelParts(e: EventView, m: Metrics): { parts: LabelPart[]; width: number } {
  const parts: LabelPart[] = [];
  let x = m.padL;
  parts.push({ kind: 'glyph', text: '', x, width: m.glyph });
  x += m.glyph + m.gap;
  const precision = e.precision === 'day' ? undefined : PRECISION_WORD[e.precision];
  if (precision) {
    const w = textWidth(precision, m.chipFs) + 2 * m.chipPad;
    parts.push({ kind: 'precision', text: precision, x, width: w });
    x += w + m.gap;
  }
  const tw = textWidth(e.title, m.fs);
  parts.push({ kind: 'title', text: e.title, x, width: tw });
  x += tw;
  for (const f of e.figureLabels) {
    x += m.gap * 1.4;
    const w = textWidth(f, m.fs, true) + 2 * m.chipPad;
    parts.push({ kind: 'figure', text: f, x, width: w });
    x += w;
  }
  if (e.status === 'disputed') {
    x += m.gap * 1.4;
    const w = textWidth('disputed', m.chipFs) + 2 * m.chipPad;
    parts.push({ kind: 'status', text: 'disputed', x, width: w });
    x += w;
  }
  return { parts, width: x + m.padR };
}

interface PlacedEvent {
  readonly index: number;
  readonly view: EventView;
  readonly kind: ExtentKind;
  /** The bar, as drawn (clipped to the plot, at least its minimum width). */
  readonly barX0: number;
  readonly barX1: number;
  /** Unclipped x of the event's start and end (for span fades). */
  readonly rawX0: number;
  readonly rawX1: number;
  readonly labelX: number;
  readonly labelW: number;
  readonly side: 'overlay' | 'right' | 'left';
  readonly parts: readonly LabelPart[];
  readonly boxX0: number;
  readonly boxX1: number;
  row: number;
}

const MIN_BAR: Readonly<Record<ExtentKind, number>> = { exact: 3, window: 5, approx: 12, span: 3 };

function placeEvent(index: number, view: EventView, xOf: (t: number) => number, plotX0: number, plotX1: number, m: Metrics): PlacedEvent {
  const kind = extentKind(view);
  const rawX0 = xOf(view.start);
  const rawX1 = xOf(view.end);
  let barX0 = Math.max(plotX0, rawX0);
  let barX1 = Math.min(plotX1, rawX1);
  const minBar = MIN_BAR[kind] * Math.max(1, m.fs / 14);
  if (barX1 - barX0 < minBar) {
    const mid = kind === 'approx' ? (barX0 + barX1) / 2 : barX0;
    barX0 = kind === 'approx' ? mid - minBar / 2 : barX0;
    barX1 = barX0 + minBar;
    if (barX1 > plotX1) {
      barX1 = plotX1;
      barX0 = plotX1 - minBar;
    }
    if (barX0 < plotX0) {
      barX0 = plotX0;
      barX1 = plotX0 + minBar;
    }
  }
  const { parts, width } = labelParts(view, m);
  const barW = barX1 - barX0;
  let side: PlacedEvent['side'];
  let labelX: number;
  if (barW >= width + 2 * m.barGap) {
    side = 'overlay';
    labelX = barX0 + m.barGap * 0.6;
  } else if (barX1 + m.barGap + width <= plotX1) {
    side = 'right';
    labelX = barX1 + m.barGap;
  } else if (barX0 - m.barGap - width >= plotX0) {
    side = 'left';
    labelX = barX0 - m.barGap - width;
  } else {
    // Room on neither side: the side with more room, kept inside the plot (it may cover its bar).
    const rightRoom = plotX1 - barX1;
    const leftRoom = barX0 - plotX0;
    side = rightRoom >= leftRoom ? 'right' : 'left';
    labelX = side === 'right' ? Math.max(plotX0, plotX1 - width) : plotX0;
  }
  const boxX0 = Math.min(barX0, labelX);
  const boxX1 = Math.max(barX1, labelX + width);
  return { index, view, kind, barX0, barX1, rawX0, rawX1, labelX, labelW: width, side, parts, boxX0, boxX1, row: 0 };
}

/** Rows for the events of one lane, greedily: each goes in the first row it fits after. Returns the row count. */
function packRows(events: PlacedEvent[], gap: number): number {
  const ends: number[] = [];
  const order = [...events].sort((a, b) => a.boxX0 - b.boxX0 || a.index - b.index);
  for (const e of order) {
    let row = ends.findIndex((end) => end + gap <= e.boxX0);
    if (row < 0) {
      row = ends.length;
      ends.push(-Infinity);
    }
    e.row = row;
    ends[row] = e.boxX1;
  }
  return ends.length;
}

// ---------------------------------------------------------------------------------------------
// The picture

interface LaneModel {
  readonly lane: number;
  readonly info: LaneInfo;
  readonly events: number[];
  density: boolean;
  placed: PlacedEvent[];
  rows: number;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

export function renderTimelineSvg(req: TimelineImageRequest): TimelineImage {
  const theme: Theme = THEMES[req.theme ?? 'screen'];
  const cols = req.columns;
  const width = Math.max(200, Math.round(req.width));
  const win = { start: req.window.start, end: Math.max(req.window.end, req.window.start + 1) };
  const laneMode: LaneMode | undefined = typeof req.lanes === 'string' || req.lanes === undefined ? (req.lanes ?? 'theatre') : undefined;
  const assignment: LaneAssignment = typeof req.lanes === 'object' ? req.lanes : assignLanes(laneMode ?? 'theatre', req.header, cols);
  const labels: ImageLabels = { ...defaultLabels(req.header, win), ...req.labels };
  const lanesCaption = req.lanesCaption ?? (laneMode ? `Lanes by ${LANE_MODE_LABEL[laneMode].toLowerCase()}` : '');
  const maxLabelled = req.maxLabelledEvents ?? DEFAULT_MAX_LABELLED;

  // Events in the window, by lane; eras apart (drawn behind every lane).
  const laneEvents: number[][] = assignment.lanes.map(() => []);
  const eras: number[] = [];
  const typesPresent = new Set<EventType>();
  let visible = 0;
  for (let i = 0; i < cols.count; i++) {
    if (cols.start[i]! >= win.end) break;
    if (cols.end[i]! <= win.start) continue;
    if (req.include && !req.include(i)) continue;
    if (cols.flags[i]! & FLAG_ERA) {
      eras.push(i);
      continue;
    }
    const lane = assignment.laneOf[i]!;
    if (lane >= laneEvents.length) continue;
    laneEvents[lane]!.push(i);
    typesPresent.add(EVENT_TYPES[cols.type[i]!]!);
    visible++;
  }
  const lanes: LaneModel[] = [];
  laneEvents.forEach((events, lane) => {
    if (events.length > 0) lanes.push({ lane, info: assignment.lanes[lane]!, events, density: false, placed: [], rows: 0 });
  });
  // Too many to label: the busiest lanes become density bars until the rest can be labelled.
  if (visible > maxLabelled) {
    let labelled = visible;
    for (const l of [...lanes].sort((a, b) => b.events.length - a.events.length)) {
      if (labelled <= maxLabelled) break;
      l.density = true;
      labelled -= l.events.length;
    }
  }

  const widthScale = Math.min(2.6, Math.max(0.72, Math.sqrt(width / 1600)));
  const fs0 = req.fontSize ?? theme.fontSize * widthScale * (req.typeScale ?? 1);
  const minFs = Math.max(6, fs0 * 0.6);

  const attempt = (fs: number) => layout(req, theme, labels, lanesCaption, lanes, eras, typesPresent, win, width, fs, req.height);
  let fs = fs0;
  let result = attempt(fs);
  if (req.height !== undefined && req.fontSize === undefined && result.naturalHeight < req.height) {
    // Room to spare: larger type (up to a third larger), the largest that still fits.
    let lo = fs;
    let hi = fs * 1.35;
    for (let k = 0; k < 6; k++) {
      const mid = (lo + hi) / 2;
      if (attempt(mid).naturalHeight <= req.height) lo = mid;
      else hi = mid;
    }
    fs = lo;
    result = attempt(fs);
  }
  if (req.height !== undefined) {
    while (result.naturalHeight > req.height && fs > minFs) {
      fs = Math.max(minFs, fs * 0.92);
      result = attempt(fs);
    }
    // Still too tall: the lanes with most rows become density bars, one at a time.
    while (result.naturalHeight > req.height) {
      const candidates = lanes.filter((l) => !l.density && l.rows > 2);
      if (candidates.length === 0) break;
      candidates.sort((a, b) => b.rows - a.rows)[0]!.density = true;
      result = attempt(fs);
    }
  }
  const height = req.height !== undefined ? Math.round(req.height) : Math.ceil(result.naturalHeight);
  const svg = result.draw(height);
  const labelledEvents = lanes.filter((l) => !l.density).flatMap((l) => l.events);
  labelledEvents.sort((a, b) => a - b);
  return {
    svg,
    width,
    height,
    labelled: labelledEvents,
    counted: lanes.filter((l) => l.density).reduce((n, l) => n + l.events.length, 0),
    lanes: lanes.map((l) => ({ id: l.info.id, label: l.info.label, density: l.density, events: l.events.length })),
    fontSize: fs,
    overflow: result.naturalHeight > height + 0.5
  };
}

interface LayoutResult {
  readonly naturalHeight: number;
  draw(height: number): string;
}

function layout(
  req: TimelineImageRequest,
  theme: Theme,
  labels: ImageLabels,
  lanesCaption: string,
  lanes: LaneModel[],
  eras: readonly number[],
  typesPresent: ReadonlySet<EventType>,
  win: { start: number; end: number },
  width: number,
  fs: number,
  fixedHeight: number | undefined
): LayoutResult {
  const cols = req.columns;
  const m = metricsFor(fs);
  const margin = Math.round(fs * 1.7);
  const contentW = width - 2 * margin;
  const sw = theme.stroke;

  // Header.
  const titleFs = fs * 1.75;
  const subtitleFs = fs * 1.02;
  const metaFs = fs * 0.9;
  const titleLines = wrapText(labels.title, titleFs, contentW, true).slice(0, 2);
  const subtitleLines = labels.subtitle ? wrapText(labels.subtitle, subtitleFs, contentW).slice(0, 2) : [];
  const shown = lanes.reduce((n, l) => n + l.events.length, 0);
  const metaText = [labels.range, lanesCaption, plural(shown, 'event')].filter((s) => s !== '').join('  ·  ');
  let y = margin;
  const titleYs = titleLines.map((_, k) => y + titleFs * (0.95 + 1.22 * k));
  y += titleFs * (0.95 + 1.22 * (titleLines.length - 1)) + titleFs * 0.4;
  const subtitleYs = subtitleLines.map((_, k) => y + subtitleFs * (1.0 + 1.3 * k));
  y += subtitleLines.length > 0 ? subtitleFs * (1.0 + 1.3 * (subtitleLines.length - 1)) + subtitleFs * 0.45 : 0;
  const metaY = y + metaFs * 1.05;
  y = metaY + metaFs * 0.9;

  // Legend: the types present, then how dates are drawn.
  const legendFs = fs * 0.88;
  const legendItemH = legendFs * 1.6;
  const legendItems: { kind: 'type' | 'precision'; key: string; label: string; width: number }[] = [];
  for (const t of EVENT_TYPES) {
    if (!typesPresent.has(t)) continue;
    const label = EVENT_TYPE_STYLES[t].plural;
    legendItems.push({ kind: 'type', key: t, label, width: legendFs * 1.35 + textWidth(label, legendFs) });
  }
  const kinds = new Set<ExtentKind>();
  for (const l of lanes) if (!l.density) for (const i of l.events) kinds.add(extentKind(eventView(cols, i)));
  const precisionLegend: { key: ExtentKind; label: string }[] = [
    { key: 'exact', label: 'Exact day' },
    { key: 'window', label: 'Week, month or year' },
    { key: 'approx', label: 'Around a date' },
    { key: 'span', label: 'Span (faded: end known roughly)' }
  ];
  for (const p of precisionLegend) if (kinds.has(p.key)) legendItems.push({ kind: 'precision', key: p.key, label: p.label, width: legendFs * 2.4 + textWidth(p.label, legendFs) });
  const legendGap = legendFs * 1.3;
  const legendPos: { x: number; row: number }[] = [];
  {
    let x = 0;
    let row = 0;
    let prevKind: string | undefined;
    for (const item of legendItems) {
      const extraGap = prevKind !== undefined && prevKind !== item.kind ? legendGap * 1.6 : 0;
      if (x > 0 && x + extraGap + item.width > contentW) {
        x = 0;
        row++;
      } else x += extraGap;
      legendPos.push({ x, row });
      x += item.width + legendGap;
      prevKind = item.kind;
    }
  }
  const legendRows = legendItems.length > 0 ? legendPos[legendPos.length - 1]!.row + 1 : 0;
  const legendY = y + fs * 0.5;
  y = legendY + legendRows * legendItemH + fs * 0.6;

  // Footer: sources, wrapped; at most 4 lines.
  const footFs = fs * 0.78;
  const footLineH = footFs * 1.4;
  const sourcesText = labels.sources.length > 0 ? `${labels.sources.length === 1 ? 'Source' : 'Sources'}: ${labels.sources.join('; ')}` : '';
  const credit = 'Made with Frontline';
  const creditW = textWidth(credit, footFs);
  let footLines = sourcesText ? wrapText(sourcesText, footFs, contentW - creditW - fs * 2) : [];
  if (footLines.length > 4) {
    footLines = footLines.slice(0, 4);
    footLines[3] = fitText(`${footLines[3]} …`, footFs, contentW - creditW - fs * 2);
  }
  const footerH = Math.max(1, footLines.length) * footLineH + fs * 0.6;

  // Plot: lane label column, axis, lanes.
  const laneNameFs = fs * 0.98;
  const laneMetaFs = fs * 0.8;
  const widest = lanes.reduce((w, l) => Math.max(w, Math.min(textWidth(l.info.label, laneNameFs, true), contentW * 0.2)), fs * 5);
  const laneColW = Math.min(contentW * 0.22, widest + fs * 1.4);
  const plotX0 = margin + laneColW;
  const plotX1 = width - margin;
  const plotW = plotX1 - plotX0;
  const span = win.end - win.start;
  const xOf = (t: number) => plotX0 + ((t - win.start) / span) * plotW;

  const axisFs = fs * 0.84;
  const ticks = axisTicks(win.start, win.end, plotW, (s) => textWidth(s, axisFs), fs);
  const axisH = axisFs * 3.2;
  const axisY = y;

  // Pack each labelled lane.
  for (const l of lanes) {
    if (l.density) {
      l.placed = [];
      l.rows = 0;
      continue;
    }
    l.placed = l.events.map((i) => placeEvent(i, eventView(cols, i), xOf, plotX0, plotX1, m));
    l.rows = packRows(l.placed, m.packGap);
  }
  const lanePad = fs * 0.55;
  const baseRowH = m.labelH + fs * 0.36;
  const densityBaseH = fs * 3.6;
  const laneLabelMinH = (l: LaneModel) => laneNameFs * 1.3 + laneMetaFs * 1.4 * (l.density ? 2 : 1) + 2 * lanePad;
  const laneContentH = (l: LaneModel, rowH: number, densityH: number) =>
    Math.max(laneLabelMinH(l), l.density ? densityH + 2 * lanePad : l.rows * rowH + 2 * lanePad - (rowH - m.labelH));
  const lanesH = (rowH: number, densityH: number) => lanes.reduce((h, l) => h + laneContentH(l, rowH, densityH), 0);
  const fixedPart = axisY + axisH + fs * 0.2 + footerH + margin;
  const naturalHeight = fixedPart + lanesH(baseRowH, densityBaseH) + fs * 0.8;

  const draw = (height: number): string => {
    // Spare height loosens the rows a little; the rest stays below the lanes.
    // Density bars take it first (up to 2.5 times their height), then the rows of labels.
    let rowH = baseRowH;
    let densityH = densityBaseH;
    const totalRows = lanes.reduce((n, l) => n + l.rows, 0);
    const densityLanes = lanes.filter((l) => l.density).length;
    let spare = fixedHeight !== undefined ? height - naturalHeight : 0;
    if (spare > 0 && densityLanes > 0) {
      const before = lanesH(rowH, densityH);
      densityH = Math.min(densityBaseH * 2.5, densityBaseH + spare / densityLanes);
      spare -= lanesH(rowH, densityH) - before;
    }
    if (spare > 0 && totalRows > 0) rowH = Math.min(m.labelH * 1.45, baseRowH + spare / totalRows);
    const out: string[] = [];
    const defs: string[] = [];
    const family = FONT_FAMILY;
    out.push(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${family}" role="img" aria-label="${escapeXml(labels.title)}">`
    );
    out.push(`<title>${escapeXml(labels.title)}</title>`);
    if (labels.subtitle) out.push(`<desc>${escapeXml(labels.subtitle)}</desc>`);
    const defsAt = out.length;
    out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="${theme.background}"/>`);

    // Header.
    titleLines.forEach((line, k) => out.push(svgText(margin, titleYs[k]!, line, { size: titleFs, fill: theme.text, weight: 600 })));
    subtitleLines.forEach((line, k) => out.push(svgText(margin, subtitleYs[k]!, line, { size: subtitleFs, fill: theme.muted })));
    out.push(svgText(margin, metaY, fitText(metaText, metaFs, contentW), { size: metaFs, fill: theme.muted }));

    // Legend.
    legendItems.forEach((item, k) => {
      const pos = legendPos[k]!;
      const x = margin + pos.x;
      const cy = legendY + pos.row * legendItemH + legendItemH / 2;
      if (item.kind === 'type') {
        const t = item.key as EventType;
        out.push(glyph(t, x + legendFs * 0.5, cy, legendFs * 1.0, theme.typeColour[t], sw));
        out.push(svgText(x + legendFs * 1.35, cy + legendFs * 0.36, item.label, { size: legendFs, fill: theme.text }));
      } else {
        const sx = x;
        const sw2 = legendFs * 1.9;
        const sy = cy - legendFs * 0.55;
        const sh = legendFs * 1.1;
        out.push(precisionSwatch(item.key as ExtentKind, sx, sy, sw2, sh, theme, defs));
        out.push(svgText(x + legendFs * 2.4, cy + legendFs * 0.36, item.label, { size: legendFs, fill: theme.muted }));
      }
    });

    // Axis.
    const lanesTop = axisY + axisH;
    const lanesBottomNatural = lanesTop + lanesH(rowH, densityH);
    const footerTop = height - margin - footerH + fs * 0.6;
    const plotBottom = Math.max(lanesBottomNatural, Math.min(footerTop - fs * 0.8, lanesBottomNatural + fs * 2));
    out.push(`<g class="axis">`);
    out.push(`<rect x="${num(margin)}" y="${num(axisY)}" width="${num(contentW)}" height="${num(axisH)}" fill="${theme.surface}"/>`);
    for (const t of ticks.minor) {
      const x = xOf(t.t);
      if (x < plotX0 - 0.5) continue;
      out.push(`<line x1="${num(x)}" y1="${num(axisY + axisH * 0.55)}" x2="${num(x)}" y2="${num(plotBottom)}" stroke="${theme.gridMinor}" stroke-width="${num(sw)}"/>`);
    }
    for (const t of ticks.major) {
      const x = xOf(t.t);
      if (x < plotX0 - 0.5) continue;
      out.push(`<line x1="${num(x)}" y1="${num(axisY)}" x2="${num(x)}" y2="${num(plotBottom)}" stroke="${theme.gridMajor}" stroke-width="${num(sw)}"/>`);
    }
    // Minor labels just right of their tick, when the whole label fits before the plot's end.
    for (const t of ticks.minor) {
      const x = xOf(t.t);
      if (x < plotX0 - 0.5) continue;
      if (x + axisFs * 0.3 + textWidth(t.label, axisFs) > plotX1) continue;
      out.push(svgText(x + axisFs * 0.3, axisY + axisH * 0.86, t.label, { size: axisFs, fill: theme.muted }));
    }
    // Major labels; the first sticks to the plot's left edge when its tick lies before the window.
    ticks.major.forEach((t, k) => {
      const x = Math.max(plotX0, xOf(t.t));
      const w = textWidth(t.label, axisFs, true);
      const next = ticks.major[k + 1];
      if (next && x + w + axisFs > xOf(next.t)) return;
      if (x + axisFs * 0.3 + w > plotX1) return;
      out.push(svgText(x + axisFs * 0.3, axisY + axisH * 0.4, t.label, { size: axisFs, fill: theme.text, weight: 600 }));
    });
    out.push(`<line x1="${num(margin)}" y1="${num(lanesTop)}" x2="${num(plotX1)}" y2="${num(lanesTop)}" stroke="${theme.borderStrong}" stroke-width="${num(sw)}"/>`);
    out.push(`</g>`);

    // Eras: soft bands behind every lane, named at the top.
    eras.forEach((i, k) => {
      const e = eventView(cols, i);
      const x0 = Math.max(plotX0, xOf(e.start));
      const x1 = Math.min(plotX1, xOf(e.end));
      out.push(`<rect x="${num(x0)}" y="${num(lanesTop)}" width="${num(Math.max(1, x1 - x0))}" height="${num(plotBottom - lanesTop)}" fill="${k % 2 === 0 ? '#d6c8a0' : '#a0b4d6'}" fill-opacity="0.2"/>`);
      out.push(svgText(x0 + fs * 0.3, lanesTop + fs * 0.95, fitText(e.title, fs * 0.72, Math.max(fs * 3, x1 - x0 - fs * 0.6), true), { size: fs * 0.72, fill: theme.muted, weight: 600 }));
    });

    // Lanes.
    let laneY = lanesTop;
    lanes.forEach((l, k) => {
      const h = laneContentH(l, rowH, densityH);
      if (k % 2 === 1) out.push(`<rect x="${num(margin)}" y="${num(laneY)}" width="${num(contentW)}" height="${num(h)}" fill="${theme.laneAlt}" fill-opacity="0.75"/>`);
      out.push(`<line x1="${num(margin)}" y1="${num(laneY + h)}" x2="${num(plotX1)}" y2="${num(laneY + h)}" stroke="${theme.border}" stroke-width="${num(sw)}"/>`);
      // Lane label.
      const nameLines = wrapText(l.info.label, laneNameFs, laneColW - fs * 0.9, true).slice(0, 2);
      nameLines.forEach((line, j) => out.push(svgText(margin + fs * 0.5, laneY + lanePad + laneNameFs * (0.95 + 1.2 * j), line, { size: laneNameFs, fill: theme.text, weight: 600 })));
      let metaY2 = laneY + lanePad + laneNameFs * (0.95 + 1.2 * (nameLines.length - 1)) + laneMetaFs * 1.45;
      out.push(svgText(margin + fs * 0.5, metaY2, plural(l.events.length, 'event'), { size: laneMetaFs, fill: theme.muted }));
      if (l.density) {
        for (const part of drawDensity(req, l, xOf, plotX0, plotX1, laneY + lanePad, densityH, theme, fs, (text) => {
          metaY2 += laneMetaFs * 1.3;
          return svgText(margin + fs * 0.5, metaY2, fitText(text, laneMetaFs, laneColW - fs * 0.9), { size: laneMetaFs, fill: theme.muted });
        })) out.push(part);
      } else {
        for (const p of l.placed) out.push(drawEvent(p, laneY + lanePad + p.row * rowH, m, theme, plotX0, plotX1, defs));
      }
      laneY += h;
    });
    out.push(`<line x1="${num(plotX0)}" y1="${num(axisY)}" x2="${num(plotX0)}" y2="${num(plotBottom)}" stroke="${theme.borderStrong}" stroke-width="${num(sw)}"/>`);

    // Footer.
    footLines.forEach((line, k) => out.push(svgText(margin, footerTop + footFs + k * footLineH, line, { size: footFs, fill: theme.muted })));
    out.push(svgText(width - margin, footerTop + footFs, credit, { size: footFs, fill: theme.faint, anchor: 'end' }));

    out.push('</svg>');
    if (defs.length > 0) out.splice(defsAt, 0, `<defs>${defs.join('')}</defs>`);
    return out.join('\n');
  };
  return { naturalHeight, draw };
}

/** A small sample of how a kind of date is drawn, for the legend. */
function precisionSwatch(kind: ExtentKind, x: number, y: number, w: number, h: number, theme: Theme, defs: string[]): string {
  const c = theme.muted;
  switch (kind) {
    case 'exact':
      return `<rect x="${num(x)}" y="${num(y)}" width="${num(w * 0.45)}" height="${num(h)}" fill="${c}" fill-opacity="0.3"/><rect x="${num(x)}" y="${num(y)}" width="3" height="${num(h)}" fill="${c}"/>`;
    case 'window':
      return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="none" stroke="${c}" stroke-dasharray="3 2"/><path d="${hatchPath(x, y, x + w, y + h, 4)}" stroke="${c}" stroke-opacity="0.6" stroke-width="1.2"/>`;
    case 'approx': {
      const id = 'fl-approx-legend';
      defs.push(`<radialGradient id="${id}"><stop offset="0" stop-color="${c}" stop-opacity="0.85"/><stop offset="1" stop-color="${c}" stop-opacity="0"/></radialGradient>`);
      return `<ellipse cx="${num(x + w / 2)}" cy="${num(y + h / 2)}" rx="${num(w / 2)}" ry="${num(h / 2)}" fill="url(#${id})"/>`;
    }
    case 'span': {
      const id = 'fl-span-legend';
      defs.push(
        `<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="${c}" stop-opacity="0"/><stop offset="0.45" stop-color="${c}" stop-opacity="0.35"/><stop offset="1" stop-color="${c}" stop-opacity="0.35"/></linearGradient>`
      );
      return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="url(#${id})"/><rect x="${num(x + w * 0.45)}" y="${num(y + h - 2.5)}" width="${num(w * 0.55)}" height="2.5" fill="${c}"/>`;
    }
  }
}

function drawEvent(p: PlacedEvent, top: number, m: Metrics, theme: Theme, plotX0: number, plotX1: number, defs: string[]): string {
  const e = p.view;
  const c = theme.typeColour[e.type];
  const fill = theme.fill;
  const h = m.labelH;
  // The event's id (escaped) lets a reader, or a test, tell which events the picture shows.
  const out: string[] = [`<g class="event" data-type="${e.type}" data-event="${escapeXml(e.id)}">`];
  const bx0 = p.barX0;
  const bw = Math.max(1, p.barX1 - p.barX0);
  switch (p.kind) {
    case 'exact':
      out.push(`<rect x="${num(bx0)}" y="${num(top)}" width="${num(bw)}" height="${num(h)}" fill="${c}" fill-opacity="${num(0.3 * fill)}"/>`);
      out.push(`<rect x="${num(bx0)}" y="${num(top)}" width="${num(Math.min(bw, 3 * theme.stroke))}" height="${num(h)}" fill="${c}"/>`);
      break;
    case 'window':
      out.push(`<rect x="${num(bx0)}" y="${num(top)}" width="${num(bw)}" height="${num(h)}" fill="${theme.surface}" fill-opacity="0.5" stroke="${c}" stroke-width="${num(theme.stroke)}" stroke-dasharray="4 2.5"/>`);
      out.push(`<path d="${hatchPath(bx0, top, bx0 + bw, top + h, 5 * Math.max(1, m.fs / 16))}" stroke="${c}" stroke-opacity="${num(Math.min(1, 0.55 * fill))}" stroke-width="${num(1.6 * theme.stroke)}" fill="none"/>`);
      break;
    case 'approx': {
      const id = `fl-approx-${e.type}`;
      if (!defs.some((d) => d.includes(`id="${id}"`))) {
        defs.push(`<radialGradient id="${id}"><stop offset="0" stop-color="${c}" stop-opacity="${num(Math.min(1, 0.85 * fill))}"/><stop offset="0.55" stop-color="${c}" stop-opacity="${num(Math.min(1, 0.45 * fill))}"/><stop offset="1" stop-color="${c}" stop-opacity="0"/></radialGradient>`);
      }
      out.push(`<ellipse cx="${num(bx0 + bw / 2)}" cy="${num(top + h / 2)}" rx="${num(bw / 2)}" ry="${num(h / 2)}" fill="url(#${id})"/>`);
      break;
    }
    case 'span': {
      // Fade the parts whose end is known only to a week, month or year, as on screen.
      const fuzzStart = e.startPrecision === 'day' ? 0 : ((e.startWindowEnd - e.start) / (e.end - e.start)) * (p.rawX1 - p.rawX0);
      const fuzzEnd = e.endWindowStart === undefined || e.endPrecision === 'day' ? 0 : ((e.end - e.endWindowStart) / (e.end - e.start)) * (p.rawX1 - p.rawX0);
      const id = `fl-span-${defs.length}`;
      const x0 = p.rawX0;
      const x1 = Math.max(p.rawX1, p.rawX0 + 1);
      const total = x1 - x0;
      const a = Math.min(0.5, fuzzStart / total);
      const b = Math.max(0.5, 1 - fuzzEnd / total);
      const stops = (opacity: number) =>
        `<stop offset="0" stop-color="${c}" stop-opacity="${a > 0 ? 0 : num(opacity)}"/><stop offset="${num(a)}" stop-color="${c}" stop-opacity="${num(opacity)}"/><stop offset="${num(b)}" stop-color="${c}" stop-opacity="${num(opacity)}"/><stop offset="1" stop-color="${c}" stop-opacity="${b < 1 ? 0 : num(opacity)}"/>`;
      defs.push(`<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${num(x0)}" y1="0" x2="${num(x1)}" y2="0">${stops(Math.min(1, 0.28 * fill))}</linearGradient>`);
      defs.push(`<linearGradient id="${id}-edge" gradientUnits="userSpaceOnUse" x1="${num(x0)}" y1="0" x2="${num(x1)}" y2="0">${stops(Math.min(1, 0.8 * fill))}</linearGradient>`);
      out.push(`<rect x="${num(bx0)}" y="${num(top)}" width="${num(bw)}" height="${num(h)}" fill="url(#${id})"/>`);
      out.push(`<rect x="${num(bx0)}" y="${num(top + h - 3 * theme.stroke)}" width="${num(bw)}" height="${num(3 * theme.stroke)}" fill="url(#${id}-edge)"/>`);
      break;
    }
  }
  // The label box.
  const lx = Math.max(plotX0, Math.min(p.labelX, plotX1 - p.labelW));
  const ly = top + (p.side === 'overlay' ? 0 : 0);
  const lh = h;
  const borderColour = theme.name === 'print' ? theme.borderStrong : c;
  out.push(`<rect x="${num(lx)}" y="${num(ly + 0.5)}" width="${num(p.labelW)}" height="${num(lh - 1)}" rx="${num(m.fs * 0.28)}" fill="${theme.surface}" stroke="${borderColour}" stroke-opacity="${theme.name === 'print' ? 1 : 0.55}" stroke-width="${num(theme.stroke)}"/>`);
  // A pointer on the side facing the bar, so the reader sees which date the label belongs to.
  const midY = ly + lh / 2;
  const tip = m.fs * 0.32;
  if (p.side === 'right' && lx >= p.barX1) {
    out.push(`<path d="M${num(lx - tip)} ${num(midY)}L${num(lx)} ${num(midY - tip)}L${num(lx)} ${num(midY + tip)}Z" fill="${borderColour}" fill-opacity="0.7"/>`);
  } else if (p.side === 'left' && lx + p.labelW <= p.barX0) {
    const rx = lx + p.labelW;
    out.push(`<path d="M${num(rx + tip)} ${num(midY)}L${num(rx)} ${num(midY - tip)}L${num(rx)} ${num(midY + tip)}Z" fill="${borderColour}" fill-opacity="0.7"/>`);
  }
  const baseline = midY + m.fs * 0.36;
  const chipH = m.chipFs * 1.35;
  for (const part of p.parts) {
    const x = lx + part.x;
    switch (part.kind) {
      case 'glyph':
        out.push(glyph(e.type, x + part.width / 2, midY, part.width, c, theme.stroke));
        break;
      case 'precision':
        out.push(
          `<rect x="${num(x)}" y="${num(midY - chipH / 2)}" width="${num(part.width)}" height="${num(chipH)}" rx="${num(m.fs * 0.2)}" fill="none" stroke="${theme.borderStrong}" stroke-width="${num(theme.stroke)}" stroke-dasharray="${e.precision === 'approximate' ? '1.5 1.5' : '3 2'}"/>`
        );
        out.push(svgText(x + m.chipPad, midY + m.chipFs * 0.36, part.text, { size: m.chipFs, fill: theme.muted }));
        break;
      case 'title':
        out.push(svgText(x, baseline, part.text, { size: m.fs, fill: theme.text }, ' class="event-title"'));
        break;
      case 'figure':
        out.push(`<rect x="${num(x)}" y="${num(midY - m.fs * 0.72)}" width="${num(part.width)}" height="${num(m.fs * 1.44)}" rx="${num(m.fs * 0.2)}" fill="${c}" fill-opacity="${theme.name === 'dark' ? 0.28 : 0.15}"/>`);
        out.push(svgText(x + m.chipPad, baseline, part.text, { size: m.fs, fill: theme.text, weight: 600 }, ' class="event-figure"'));
        break;
      case 'status':
        out.push(`<rect x="${num(x)}" y="${num(midY - chipH / 2)}" width="${num(part.width)}" height="${num(chipH)}" rx="${num(m.fs * 0.2)}" fill="none" stroke="${theme.warn}" stroke-width="${num(theme.stroke)}"/>`);
        out.push(svgText(x + m.chipPad, midY + m.chipFs * 0.36, part.text, { size: m.chipFs, fill: theme.warn }));
        break;
    }
  }
  out.push('</g>');
  return out.join('');
}

function drawDensity(
  req: TimelineImageRequest,
  l: LaneModel,
  xOf: (t: number) => number,
  plotX0: number,
  plotX1: number,
  top: number,
  h: number,
  theme: Theme,
  fs: number,
  laneNote: (text: string) => string
): string[] {
  const cols = req.columns;
  const win = req.window;
  const msPerPx = (win.end - win.start) / Math.max(1, plotX1 - plotX0);
  const unit: BinUnit = binUnitFor(msPerPx, Math.max(4, fs * 0.35));
  const edges = binEdges(win.start, win.end, unit);
  // Only this lane's events in the window: an index over them alone.
  const members = new Uint8Array(cols.count);
  for (const i of l.events) members[i] = 1;
  const laneOf = new Uint16Array(cols.count);
  const index = new EventIndex(cols, { laneOf, laneCount: 1 }, (i) => members[i] === 1);
  const d = laneDensity(index, 0, edges);
  const out: string[] = [];
  const gap = (edges.length > 2 && xOf(edges[1]!) - xOf(edges[0]!) > 3 ? 1 : 0) * theme.stroke;
  const bars: string[] = [];
  for (let k = 0; k < d.counts.length; k++) {
    const n = d.counts[k]!;
    if (n === 0) continue;
    const x0 = Math.max(plotX0, xOf(edges[k]!));
    const x1 = Math.min(plotX1, xOf(edges[k + 1]!)) - gap;
    if (x1 <= x0) continue;
    const bh = Math.max(1.5, (n / Math.max(1, d.maxCount)) * h);
    bars.push(`M${num(x0)} ${num(top + h)}V${num(top + h - bh)}H${num(x1)}V${num(top + h)}Z`);
  }
  out.push(`<path class="density" d="${bars.join('')}" fill="${theme.accent}" fill-opacity="0.8"/>`);
  out.push(`<line x1="${num(plotX0)}" y1="${num(top + h)}" x2="${num(plotX1)}" y2="${num(top + h)}" stroke="${theme.borderStrong}" stroke-width="${num(theme.stroke * 0.8)}"/>`);
  out.push(
    svgText(plotX0 + fs * 0.4, top + fs * 0.75, `Events per ${unit} (most: ${formatCount(d.maxCount)}${d.maxCount > 0 ? ', ' + describeBin(edges[d.counts.indexOf(d.maxCount)]!, unit) : ''})`, {
      size: fs * 0.72,
      fill: theme.muted
    })
  );
  const unitInfo = req.header.figureUnit;
  if (unitInfo && d.totalSum > 0) out.push(laneNote(`${formatCount(Math.round(d.totalSum))} ${unitInfo.label}`));
  return out;
}
