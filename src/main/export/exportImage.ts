// Export a timeline image in one call, for File > Export Image and the command line: render the
// SVG (src/shared/render/timelineSvg.ts), embed its fonts (SVG) or turn it into PNG or PDF, then
// write the file atomically. Nothing is written until the whole image exists; a failure names the
// path and why.
import type { Basemap, BasemapResolution } from '../../shared/map/basemap';
import { eventsMap } from '../../shared/render/mapOfEvents';
import type { TimelineImage, TimelineImageRequest } from '../../shared/render/timelineSvg';
import { renderTimelineSvg } from '../../shared/render/timelineSvg';
import { basemapResolutionFor, MAP_SHARE, renderTimelineWithMap, timelinePartRequest, type MapPlacement } from '../../shared/render/timelineWithMap';
import { defaultWindow } from '../../shared/render/exportWindow';
import { splitWindow } from '../../shared/render/pageSplit';
import { checkSvg } from '../../shared/render/svgCheck';
import { describeWindow } from '../../shared/render/timeAxis';
import { FLAG_ERA } from '../../shared/dataset/columns';
import type { AppLocation } from '../dataset/bundledDataset';
import { writeFileAtomic } from '../files/atomicWrite';
import { loadBasemap } from './basemap';
import { PAGE_SIZES, svgPagesToPdf, type PageSizeName } from './pdf';
import { svgSize, svgToPng } from './rasterise';
import { embedFonts } from './svgFonts';

export const EXPORT_FORMATS = ['png', 'svg', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME: Readonly<Record<ExportFormat, string>> = { png: 'image/png', svg: 'image/svg+xml', pdf: 'application/pdf' };

export interface ExportImageRequest extends Omit<TimelineImageRequest, 'width' | 'height' | 'window'> {
  readonly format: ExportFormat;
  /** The dates shown. Omitted: the frame of the events at the picture's size (exportWindow.defaultWindow), as the app's default view. */
  readonly window?: TimelineImageRequest['window'];
  /** SVG and PNG: the layout's size in px. Default 1920 wide, as tall as needed. */
  readonly width?: number;
  readonly height?: number;
  /** PNG: multiply the pixels (2 = twice as sharp, same layout). Default 1. */
  readonly scale?: number;
  /** PDF: page size (landscape). Default A4. */
  readonly page?: PageSizeName;
  /** PDF: split the window into this many pages, one window each. Default 1. */
  readonly pages?: number;
  /** A map of the places of the events drawn, beside (right of) or above the timeline; default none. */
  readonly map?: MapPlacement;
}

export interface ExportProgress {
  readonly phase: 'drawing' | 'rasterising' | 'writing';
  readonly done: number;
  readonly total: number;
}

export interface RenderedExport {
  readonly format: ExportFormat;
  readonly bytes: Uint8Array;
  /** Pixels (PNG), px (SVG) or points (PDF page). */
  readonly width: number;
  readonly height: number;
  readonly pages: number;
  /** Events drawn with labels, and events only counted in density bars (first page for a PDF: all pages summed). */
  readonly labelled: number;
  readonly counted: number;
  /** Some of the picture did not fit the size asked for. */
  readonly overflow: boolean;
}

export interface ExportOptions {
  readonly location?: AppLocation;
  readonly onProgress?: (p: ExportProgress) => void;
  /** Where the basemap comes from (default: the files the build writes, basemap.ts). */
  readonly loadBasemap?: (res: BasemapResolution) => Promise<Basemap>;
}

export const DEFAULT_EXPORT_WIDTH = 1920;
export const MAX_PDF_PAGES = 200;

/** The window drawn: the one asked for, or the frame of the events at this width (the timeline's, beside a map). */
export function exportWindow(req: ExportImageRequest, pictureWidth: number): { start: number; end: number } {
  if (req.window) return req.window;
  const width = req.map === 'beside' ? pictureWidth * (1 - MAP_SHARE.beside) : pictureWidth;
  return defaultWindow(req.header, req.columns, { width, ...(req.theme ? { theme: req.theme } : {}), ...(req.typeScale !== undefined ? { typeScale: req.typeScale } : {}), ...(req.include ? { include: req.include } : {}) });
}

/** Where each event shown in `window` stands for sharing it out between pages: its start, or the window's start. */
export function eventTimes(req: Pick<ExportImageRequest, 'columns' | 'include'>, window: { start: number; end: number }): number[] {
  const cols = req.columns;
  const times: number[] = [];
  for (let i = 0; i < cols.count; i++) {
    const start = cols.start[i]!;
    if (start >= window.end) break;
    if (cols.end[i]! <= window.start || cols.flags[i]! & FLAG_ERA || (req.include && !req.include(i))) continue;
    times.push(Math.max(start, window.start));
  }
  return times;
}

/** One picture: the timeline, with the map of its events' places when the request asks for one. */
export async function drawPicture(req: TimelineImageRequest & { readonly map?: MapPlacement }, options: Pick<ExportOptions, 'location' | 'loadBasemap'> = {}): Promise<TimelineImage> {
  if (!req.map) return renderTimelineSvg(req);
  const events = eventsMap({ header: req.header, columns: req.columns, window: req.window, ...(req.include ? { include: req.include } : {}), ...(req.theme ? { theme: req.theme } : {}) });
  const res = basemapResolutionFor(events.bounds);
  const basemap = await (options.loadBasemap ? options.loadBasemap(res) : loadBasemap(res, options.location));
  return renderTimelineWithMap(req, req.map, basemap, events);
}

/** The pages of a PDF: each page's request (its window, at the page's size, sharing one type size). */
function pdfPages(req: ExportImageRequest): { page: (typeof PAGE_SIZES)[PageSizeName]; requests: (TimelineImageRequest & { readonly map?: MapPlacement })[] } {
  const page = PAGE_SIZES[req.page ?? 'a4'];
  const asked = Math.floor(req.pages ?? 1);
  if (!(asked >= 1 && asked <= MAX_PDF_PAGES)) throw new Error(`A PDF may have 1 to ${MAX_PDF_PAGES} pages (asked for ${req.pages})`);
  const whole = exportWindow(req, page.width);
  // Each page a fair share of the events (never an empty page: fewer pages when events are fewer).
  const windows = splitWindow(whole, asked, asked > 1 ? eventTimes(req, whole) : undefined);
  const count = windows.length;
  const pageRequest = (window: { start: number; end: number }, k: number, fontSize?: number): TimelineImageRequest & { readonly map?: MapPlacement } => {
    const range = `${describeWindow(window.start, window.end)}${count > 1 ? `  ·  page ${k + 1} of ${count}` : ''}`;
    return { ...req, window, width: page.width, height: page.height, labels: { ...req.labels, range: count === 1 && req.labels?.range !== undefined ? req.labels.range : range }, ...(fontSize !== undefined ? { fontSize } : {}) };
  };
  // Pages of one document share a type size: the one that fits the fullest page.
  let fontSize: number | undefined;
  if (count > 1) {
    fontSize = Infinity;
    // The type size is the timeline's: worked out without drawing the maps.
    for (const [k, window] of windows.entries()) {
      const r = pageRequest(window, k);
      fontSize = Math.min(fontSize, renderTimelineSvg(r.map ? timelinePartRequest(r, r.map) : r).fontSize);
    }
  }
  return { page, requests: windows.map((window, k) => pageRequest(window, k, fontSize)) };
}

async function renderPdf(req: ExportImageRequest, options: ExportOptions): Promise<RenderedExport> {
  const { page, requests } = pdfPages(req);
  const count = requests.length;
  const svgs: string[] = [];
  let labelled = 0;
  let counted = 0;
  let overflow = false;
  for (const [k, pageRequest] of requests.entries()) {
    options.onProgress?.({ phase: 'drawing', done: k, total: count });
    const image = await drawPicture(pageRequest, options);
    svgs.push(image.svg);
    labelled += image.labelled.length;
    counted += image.counted;
    overflow ||= image.overflow;
  }
  options.onProgress?.({ phase: 'drawing', done: count, total: count });
  const title = req.labels?.title ?? req.header.metadata.title;
  const bytes = await svgPagesToPdf(svgs, { title, ...(options.location ? { location: options.location } : {}) });
  return { format: 'pdf', bytes, width: page.width, height: page.height, pages: count, labelled, counted, overflow };
}

export interface ExportPreview {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  readonly pages: number;
}

/** A small PNG of what renderExport would draw (a PDF's first page), `maxWidth` px wide at most. */
export async function renderPreview(req: ExportImageRequest, maxWidth: number, options: Pick<ExportOptions, 'location' | 'loadBasemap'> = {}): Promise<ExportPreview> {
  let svg: string;
  let pages = 1;
  if (req.format === 'pdf') {
    const { requests } = pdfPages(req);
    svg = (await drawPicture(requests[0]!, options)).svg;
    pages = requests.length;
  } else {
    const width = req.width ?? DEFAULT_EXPORT_WIDTH;
    svg = (await drawPicture({ ...req, window: exportWindow(req, width), width, ...(req.height !== undefined ? { height: req.height } : {}) }, options)).svg;
  }
  const size = svgSize(svg);
  const png = await svgToPng(svg, { width: Math.min(maxWidth, Math.round(size.width)), ...(options.location ? { location: options.location } : {}) });
  return { png: png.png, width: png.width, height: png.height, imageWidth: size.width, imageHeight: size.height, pages };
}

/** Render the file's bytes (nothing is written). Throws with a plain reason. */
export async function renderExport(req: ExportImageRequest, options: ExportOptions = {}): Promise<RenderedExport> {
  const { format } = req;
  if (format === 'pdf') return renderPdf(req, options);
  options.onProgress?.({ phase: 'drawing', done: 0, total: 1 });
  const width = req.width ?? DEFAULT_EXPORT_WIDTH;
  const image = await drawPicture({ ...req, window: exportWindow(req, width), width, ...(req.height !== undefined ? { height: req.height } : {}) }, options);
  const common = { format, pages: 1, labelled: image.labelled.length, counted: image.counted, overflow: image.overflow };
  if (format === 'svg') {
    // The fonts go in as subsets, so the file looks the same where IBM Plex is not installed.
    const { svg } = await embedFonts(image.svg, options.location);
    // Last check before the SVG leaves the app: well-formed, nothing that runs or reaches out.
    const report = checkSvg(svg);
    if (!report.ok) throw new Error(`the drawing failed its safety check (${report.problems.slice(0, 3).join('; ')})`);
    return { ...common, bytes: new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`), width: image.width, height: image.height };
  }
  options.onProgress?.({ phase: 'rasterising', done: 0, total: 1 });
  const png = await svgToPng(image.svg, { scale: req.scale ?? 1, ...(options.location ? { location: options.location } : {}) });
  return { ...common, bytes: png.png, width: png.width, height: png.height };
}

export type ExportResult = { ok: true; path: string; bytes: number; rendered: RenderedExport } | { ok: false; path: string; message: string };

/** Render, then write `target` atomically (a temporary file renamed over it). */
export async function exportImage(target: string, req: ExportImageRequest, options: ExportOptions = {}): Promise<ExportResult> {
  let rendered: RenderedExport;
  try {
    rendered = await renderExport(req, options);
  } catch (err) {
    return { ok: false, path: target, message: `${target} could not be written: ${err instanceof Error ? err.message : String(err)}` };
  }
  options.onProgress?.({ phase: 'writing', done: 0, total: 1 });
  const written = await writeFileAtomic(target, rendered.bytes);
  if (!written.ok) return written;
  return { ok: true, path: written.path, bytes: written.bytes, rendered };
}
