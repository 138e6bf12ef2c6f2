// The exported timeline picture: a pure function from (events as columns, time window, lanes,
// theme, size, labels) to a self-contained SVG string. No DOM, no Node: the renderer and the
// command line get the same picture, and PNG and PDF are made from this SVG. This module lays the
// picture out; its parts are drawn by eventMarks (marks and labels), lanes (lane contents and
// headers), densityLane, linksSvg (links between events), legend, axisSvg (axis and edge markers)
// and footer.
//
// True vector: every event is SVG shapes and <text>; no <foreignObject>, no raster, no script, no
// event handler, no external reference (fonts are named by family; main embeds their subsets in an
// SVG file, and the PNG and PDF steps load them). Every dataset string is XML-escaped.
import { eventView, stringAt, type DatasetHeader, type EventColumns } from '../dataset/columns';
import type { LinkKind, ResolvedLink } from '../dataset/links';
import type { EndBox } from '../timeline/linkGeometry';
import type { Source } from '../dataset/schema';
import { assignLanes, LANE_MODE_LABEL, type LaneAssignment, type LaneMode } from '../timeline/laneAssignment';
import { drawAxis, drawEdgeMarkers, edgeStripH } from './axisSvg';
import { densityCaptionH, drawDensity } from './densityLane';
import { drawEvent, metricsFor, packRows, placeEvent } from './eventMarks';
import { extentKind, type ExtentKind } from './extent';
import { layoutFooter } from './footer';
import { chooseDensityLanes, collectLanes, laneHeader, laneHeaderMetrics, type LaneModel } from './lanes';
import { layoutLegend } from './legend';
import { drawLinks } from './linksSvg';
import { layoutTitleBlock } from './titleBlock';
import { num, plural, svgText } from './svgPrimitives';
import { escapeXml, fitText, textWidth } from './text';
import { axisTicks, describeWindow, longDate } from './timeAxis';
import { FONT_FAMILY, THEMES, type Theme, type ThemeName } from './themes';

export { splitWindow } from './pageSplit';

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
  /**
   * Links to draw (column indices): those between events the picture labels, and from a labelled
   * event to the edge, naming the other, where the other lies outside the dates shown.
   */
  readonly links?: readonly ResolvedLink[];
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
  /** Events shown by the filters lying wholly before and wholly after the window (the edge markers' counts). */
  readonly before: number;
  readonly after: number;
  /** Base type size used (px). */
  readonly fontSize: number;
  /** The picture needed more height than it was given even at the smallest type: something is cut off. */
  readonly overflow: boolean;
}

export const DEFAULT_MAX_LABELLED = 300;

/** The theme's type size for a picture `width` wide (before any typeScale). */
export function baseFontSize(theme: Theme, width: number): number {
  return theme.fontSize * Math.min(2.6, Math.max(0.72, Math.sqrt(width / 1600)));
}

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

export function renderTimelineSvg(req: TimelineImageRequest): TimelineImage {
  const theme: Theme = THEMES[req.theme ?? 'screen'];
  const width = Math.max(200, Math.round(req.width));
  const win = { start: req.window.start, end: Math.max(req.window.end, req.window.start + 1) };
  const laneMode: LaneMode | undefined = typeof req.lanes === 'string' || req.lanes === undefined ? (req.lanes ?? 'theatre') : undefined;
  const assignment: LaneAssignment = typeof req.lanes === 'object' ? req.lanes : assignLanes(laneMode ?? 'theatre', req.header, req.columns);
  const labels: ImageLabels = { ...defaultLabels(req.header, win), ...req.labels };
  const lanesCaption = req.lanesCaption ?? (laneMode ? `Lanes by ${LANE_MODE_LABEL[laneMode].toLowerCase()}` : '');

  const contents = collectLanes(req.columns, assignment, win, req.include);
  const lanes = contents.lanes;
  chooseDensityLanes(lanes, contents.visible, req.maxLabelledEvents ?? DEFAULT_MAX_LABELLED);

  const fs0 = req.fontSize ?? baseFontSize(theme, width) * (req.typeScale ?? 1);
  const minFs = Math.max(6, fs0 * 0.6);
  const attempt = (fs: number) => layout({ req, theme, labels, lanesCaption, contents, win, width, fs, fixedHeight: req.height });
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
    before: contents.before,
    after: contents.after,
    fontSize: fs,
    overflow: result.naturalHeight > height + 0.5
  };
}

interface LayoutInput {
  readonly req: TimelineImageRequest;
  readonly theme: Theme;
  readonly labels: ImageLabels;
  readonly lanesCaption: string;
  readonly contents: ReturnType<typeof collectLanes>;
  readonly win: { start: number; end: number };
  readonly width: number;
  readonly fs: number;
  readonly fixedHeight: number | undefined;
}

interface LayoutResult {
  readonly naturalHeight: number;
  draw(height: number): string;
}

function layout(input: LayoutInput): LayoutResult {
  const { req, theme, labels, contents, win, width, fs } = input;
  const { lanes, eras } = contents;
  const cols = req.columns;
  const m = metricsFor(fs);
  const margin = Math.round(fs * 1.7);
  const contentW = width - 2 * margin;
  const sw = theme.stroke;

  // Header: title, subtitle, what is shown.
  const shown = lanes.reduce((n, l) => n + l.events.length, 0);
  const metaText = [labels.range, input.lanesCaption, plural(shown, 'event')].filter((s) => s !== '').join('  ·  ');
  const heading = layoutTitleBlock(labels.title, labels.subtitle, metaText, fs, contentW, margin);
  let y = heading.bottom;

  // Legend: the types present, then the kinds of date drawn.
  const kinds = new Set<ExtentKind>();
  for (const l of lanes) if (!l.density) for (const i of l.events) kinds.add(extentKind(eventView(cols, i)));
  const legend = layoutLegend(contents.typesPresent, kinds, fs, contentW, linkKindsDrawn(req, lanes, win));
  const legendY = y + fs * 0.5;
  y = legendY + legend.height + fs * 0.6;

  const footer = layoutFooter(labels.sources, fs, contentW);

  // Plot: lane header column, edge markers, axis, lanes.
  const unit = req.header.figureUnit;
  const hm = laneHeaderMetrics(lanes, unit, fs, contentW);
  const plotX0 = margin + hm.colW;
  const plotX1 = width - margin;
  const plotW = plotX1 - plotX0;
  const span = win.end - win.start;
  const xOf = (t: number) => plotX0 + ((t - win.start) / span) * plotW;
  const edgeY = y;
  y += edgeStripH(contents.before, contents.after, fs);
  const axisFs = fs * 0.84;
  const ticks = axisTicks(win.start, win.end, plotW, (s) => textWidth(s, axisFs), fs);
  const axisH = axisFs * 3.2;
  const axisY = y;

  for (const l of lanes) {
    if (l.density) {
      l.placed = [];
      l.rows = 0;
      continue;
    }
    l.placed = l.events.map((i) => placeEvent(i, eventView(cols, i), xOf, plotX0, plotX1, m));
    l.rows = packRows(l.placed, m.packGap);
  }
  const headers = lanes.map((l) => laneHeader(l, unit, hm));
  const lanePad = fs * 0.55;
  const baseRowH = m.labelH + fs * 0.36;
  const densityBaseH = fs * 3.6 + densityCaptionH(fs);
  const laneContentH = (k: number, rowH: number, densityH: number) => {
    const l = lanes[k]!;
    return Math.max(headers[k]!.height, l.density ? densityH + 2 * lanePad : l.rows * rowH + 2 * lanePad - (rowH - m.labelH));
  };
  const lanesH = (rowH: number, densityH: number) => lanes.reduce((h, _, k) => h + laneContentH(k, rowH, densityH), 0);
  const fixedPart = axisY + axisH + fs * 0.2 + footer.height + margin;
  const naturalHeight = fixedPart + lanesH(baseRowH, densityBaseH) + fs * 0.8;

  const draw = (height: number): string => {
    // Spare height loosens the rows a little; the rest stays below the lanes.
    // Density bars take it first (up to 2.5 times their height), then the rows of labels.
    let rowH = baseRowH;
    let densityH = densityBaseH;
    const totalRows = lanes.reduce((n, l) => n + l.rows, 0);
    const densityLanes = lanes.filter((l) => l.density).length;
    let spare = input.fixedHeight !== undefined ? height - naturalHeight : 0;
    if (spare > 0 && densityLanes > 0) {
      const before = lanesH(rowH, densityH);
      densityH = Math.min(densityBaseH * 2.5, densityBaseH + spare / densityLanes);
      spare -= lanesH(rowH, densityH) - before;
    }
    if (spare > 0 && totalRows > 0) rowH = Math.min(m.labelH * 1.45, baseRowH + spare / totalRows);
    const out: string[] = [];
    const defs: string[] = [];
    out.push(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" role="img" aria-label="${escapeXml(labels.title)}">`
    );
    out.push(`<title>${escapeXml(labels.title)}</title>`);
    if (labels.subtitle) out.push(`<desc>${escapeXml(labels.subtitle)}</desc>`);
    const defsAt = out.length;
    out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="${theme.background}"/>`);

    for (const part of heading.draw(margin, theme)) out.push(part);
    for (const part of legend.draw(margin, legendY, theme, defs)) out.push(part);
    for (const part of drawEdgeMarkers(contents.before, contents.after, plotX0, plotX1, edgeY, fs, theme)) out.push(part);

    const lanesTop = axisY + axisH;
    const lanesBottomNatural = lanesTop + lanesH(rowH, densityH);
    const footerTop = height - margin - footer.height + fs * 0.6;
    const plotBottom = Math.max(lanesBottomNatural, Math.min(footerTop - fs * 0.8, lanesBottomNatural + fs * 2));
    for (const part of drawAxis({ ticks, xOf, margin, contentW, plotX0, plotX1, axisY, axisH, axisFs, plotBottom }, theme)) out.push(part);
    out.push(`<line x1="${num(margin)}" y1="${num(lanesTop)}" x2="${num(plotX1)}" y2="${num(lanesTop)}" stroke="${theme.borderStrong}" stroke-width="${num(sw)}"/>`);

    for (const part of drawEras(cols, eras, xOf, plotX0, plotX1, lanesTop, plotBottom, fs, theme)) out.push(part);

    let laneY = lanesTop;
    // Each labelled event's mark, for the links.
    const boxes = new Map<number, EndBox>();
    lanes.forEach((l, k) => {
      const h = laneContentH(k, rowH, densityH);
      const header = headers[k]!.draw(margin, laneY, theme);
      const body = l.density ? drawDensity(req, l, xOf, plotX0, plotX1, laneY + lanePad, densityH, theme, fs, header.note) : l.placed.map((p) => drawEvent(p, laneY + lanePad + p.row * rowH, m, theme, plotX0, plotX1, defs));
      out.push(laneGroup(l, k, { x0: margin, x1: plotX1, y: laneY, h }, theme, header.parts, body));
      if (!l.density) for (const p of l.placed) boxes.set(p.index, { x0: p.barX0, x1: p.barX1, y0: laneY + lanePad + p.row * rowH, y1: laneY + lanePad + p.row * rowH + m.labelH, free: p.side === 'left' ? 'right' : 'left' });
      laneY += h;
    });
    if (req.links && req.links.length > 0) {
      const ends = { box: (i: number) => boxes.get(i), outside: (i: number) => outsideWindow(req, win, i), title: (i: number) => stringAt(cols.titles, i), id: (i: number) => stringAt(cols.ids, i) };
      for (const part of drawLinks(req.links, ends, { x0: plotX0, x1: plotX1, y0: lanesTop, y1: plotBottom }, fs, theme).parts) out.push(part);
    }
    out.push(`<line x1="${num(plotX0)}" y1="${num(axisY)}" x2="${num(plotX0)}" y2="${num(plotBottom)}" stroke="${theme.borderStrong}" stroke-width="${num(sw)}"/>`);

    for (const part of footer.draw(margin, footerTop, width - margin, theme)) out.push(part);
    out.push('</svg>');
    if (defs.length > 0) out.splice(defsAt, 0, `<defs>${defs.join('')}</defs>`);
    return out.join('\n');
  };
  return { naturalHeight, draw };
}

/** Where event i lies when the picture does not draw it: outside the dates shown (undefined: inside them, or filtered out). */
function outsideWindow(req: TimelineImageRequest, win: { start: number; end: number }, i: number): 'before' | 'after' | undefined {
  if (req.include && !req.include(i)) return undefined;
  if (req.columns.end[i]! <= win.start) return 'before';
  if (req.columns.start[i]! >= win.end) return 'after';
  return undefined;
}

/** The kinds of link the picture will draw (for its legend): those with both ends labelled, or one labelled and the other outside the dates shown. */
function linkKindsDrawn(req: TimelineImageRequest, lanes: readonly LaneModel[], win: { start: number; end: number }): Set<LinkKind> {
  const kinds = new Set<LinkKind>();
  if (!req.links || req.links.length === 0) return kinds;
  const labelled = new Set<number>();
  for (const l of lanes) if (!l.density) for (const i of l.events) labelled.add(i);
  for (const l of req.links) {
    const a = labelled.has(l.from);
    const b = labelled.has(l.to);
    if ((a && (b || outsideWindow(req, win, l.to))) || (b && outsideWindow(req, win, l.from))) kinds.add(l.kind);
  }
  return kinds;
}

/** Eras: soft bands behind every lane, named at the top. */
function drawEras(cols: EventColumns, eras: readonly number[], xOf: (t: number) => number, plotX0: number, plotX1: number, top: number, bottom: number, fs: number, theme: Theme): string[] {
  const out: string[] = [];
  eras.forEach((i, k) => {
    const e = eventView(cols, i);
    const x0 = Math.max(plotX0, xOf(e.start));
    const x1 = Math.min(plotX1, xOf(e.end));
    out.push(`<rect x="${num(x0)}" y="${num(top)}" width="${num(Math.max(1, x1 - x0))}" height="${num(bottom - top)}" fill="${k % 2 === 0 ? '#d6c8a0' : '#a0b4d6'}" fill-opacity="0.2"/>`);
    out.push(svgText(x0 + fs * 0.3, top + fs * 0.95, fitText(e.title, fs * 0.72, Math.max(fs * 3, x1 - x0 - fs * 0.6), true), { size: fs * 0.72, fill: theme.muted, weight: 600 }));
  });
  return out;
}

/** A lane: its band (every other one shaded), its header and what it holds. */
function laneGroup(l: LaneModel, k: number, box: { x0: number; x1: number; y: number; h: number }, theme: Theme, header: readonly string[], body: readonly string[]): string {
  const out = [`<g class="lane" data-lane="${escapeXml(l.info.id)}"${l.density ? ' data-density="true"' : ''}>`];
  if (k % 2 === 1) out.push(`<rect x="${num(box.x0)}" y="${num(box.y)}" width="${num(box.x1 - box.x0)}" height="${num(box.h)}" fill="${theme.laneAlt}" fill-opacity="0.75"/>`);
  out.push(`<line x1="${num(box.x0)}" y1="${num(box.y + box.h)}" x2="${num(box.x1)}" y2="${num(box.y + box.h)}" stroke="${theme.border}" stroke-width="${num(theme.stroke)}"/>`);
  for (const part of header) out.push(part);
  for (const part of body) out.push(part);
  out.push('</g>');
  return out.join('\n');
}
