// The export dialog's choices as plain data, and the request main is sent for them (File > Export
// Image, Copy Image). Kept out of the component so it is tested under plain Node.
import type { ExportProgress, FrontlineApi, ImageExportRequest } from '../../../../shared/ipc/contract';
import { EXPORT_LIMITS } from '../../../../shared/ipc/contract';
import { THEME_NAMES, THEMES, type ThemeName } from '../../../../shared/render/themes';
import type { LaneMode } from '../../../../shared/timeline/laneAssignment';

export type ExportFormat = ImageExportRequest['format'];
export type ExportWhat = ImageExportRequest['what'];
export type PageName = NonNullable<ImageExportRequest['page']>;

export const FORMAT_LABEL: Readonly<Record<ExportFormat, string>> = { png: 'PNG', svg: 'SVG', pdf: 'PDF' };
export const FORMAT_NOTE: Readonly<Record<ExportFormat, string>> = {
  png: 'a picture for slides, documents and the web',
  svg: 'vector, for editing in Inkscape or Illustrator',
  pdf: 'vector with selectable text, for print and reports'
};

export const SIZE_PRESETS = [
  { key: '1280x720', label: '1280 × 720 (HD)', width: 1280, height: 720 },
  { key: '1920x1080', label: '1920 × 1080 (Full HD)', width: 1920, height: 1080 },
  { key: '3840x2160', label: '3840 × 2160 (4K)', width: 3840, height: 2160 }
] as const;
/** A preset, the size of the timeline on screen ('screen': the current view as it is seen), or custom. */
export type SizeKey = (typeof SIZE_PRESETS)[number]['key'] | 'screen' | 'custom';

export const SCALES = [1, 2, 4] as const;

export const PAGES: readonly { readonly key: PageName; readonly label: string }[] = [
  { key: 'a4', label: 'A4 landscape' },
  { key: 'letter', label: 'US Letter landscape' },
  { key: 'slide', label: '16:9 slide' }
];

/** A map of the events' places with the picture: none, beside (right of) the timeline, or above it. */
export type MapChoice = 'none' | NonNullable<ImageExportRequest['map']>;
export const MAP_CHOICES: readonly { readonly key: MapChoice; readonly label: string; readonly note: string }[] = [
  { key: 'none', label: 'No map', note: '' },
  { key: 'beside', label: 'Beside', note: 'right of the timeline' },
  { key: 'above', label: 'Above', note: 'across the top' }
];

/** Links between events in the picture: none, the selected event's, or every one (among the events drawn). */
export type LinksChoice = 'none' | NonNullable<ImageExportRequest['links']>;
export const LINKS_CHOICES: readonly { readonly key: LinksChoice; readonly label: string }[] = [
  { key: 'none', label: 'None' },
  { key: 'selected', label: "The selected event's" },
  { key: 'all', label: 'All' }
];

export const THEME_CHOICES: readonly { readonly key: ThemeName; readonly label: string }[] = THEME_NAMES.map((key) => ({ key, label: THEMES[key].label }));

export interface ExportForm {
  format: ExportFormat;
  what: ExportWhat;
  /** Typed range, days as YYYY-MM-DD, both included. */
  from: string;
  to: string;
  size: SizeKey;
  /** Custom size (px). */
  width: number;
  height: number;
  /** The timeline's size on screen (px), when known: what size 'screen' draws at. */
  screen: { readonly width: number; readonly height: number } | undefined;
  scale: (typeof SCALES)[number];
  page: PageName;
  pages: number;
  theme: ThemeName;
  title: string;
  subtitle: string;
  /** A map of the places of the events drawn (from the offline basemap, vector in SVG and PDF). */
  map: MapChoice;
  /** Links between the events drawn: as on screen by default. */
  links: LinksChoice;
}

/** What the screen shows now: the picture of "the current view" is of this. */
export interface ExportContext {
  readonly window: { readonly start: number; readonly end: number } | undefined;
  readonly laneMode: LaneMode;
  /** Column indices the filters show, or null when nothing is filtered. */
  readonly indices: Uint32Array | null;
  /** The timeline's size on screen (CSS px), when it has been drawn: what "as on screen" means. */
  readonly screen?: { readonly width: number; readonly height: number } | undefined;
  /** The selected event (column index), whose links the screen draws. */
  readonly selected?: number | undefined;
  /** The screen draws every link (Shift+L). */
  readonly allLinks?: boolean;
}

const DAY_MS = 86_400_000;

/** "2017-10-01" for a time (UTC). */
export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** A day typed as YYYY-MM-DD, as UTC ms at its start; undefined when it is not one. */
export function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) && isoDay(t) === text.trim() ? t : undefined;
}

/** The timeline's size on screen as an export size: whole pixels, within the export's bounds. */
export function screenSize(width: number, height: number): { width: number; height: number } | undefined {
  if (!(width > 0 && height > 0)) return undefined;
  const L = EXPORT_LIMITS;
  return { width: Math.min(L.maxSide, Math.max(L.minWidth, Math.round(width))), height: Math.min(L.maxSide, Math.max(L.minHeight, Math.round(height))) };
}

/**
 * The form's choices when the dialog opens. Given the timeline's size on screen, the picture is
 * drawn at that size, so "the current view" comes out as it is seen: the same time per pixel, so
 * the same labels on the same sides of their marks, and the same rows.
 */
export function defaultForm(context: ExportContext, title: string, subtitle: string, screen?: { width: number; height: number }): ExportForm {
  const window = context.window;
  return {
    format: 'png',
    what: 'view',
    from: window ? isoDay(window.start) : '',
    to: window ? isoDay(Math.max(window.start, window.end - 1)) : '',
    size: screen ? 'screen' : '1920x1080',
    width: 1920,
    height: 1080,
    screen,
    scale: 1,
    page: 'a4',
    pages: 1,
    theme: 'screen',
    title,
    subtitle,
    map: 'none',
    // The links the screen draws.
    links: context.allLinks ? 'all' : context.selected !== undefined ? 'selected' : 'none'
  };
}

/** The layout size the form asks for (px). */
export function formSize(form: ExportForm): { width: number; height: number } {
  const preset = SIZE_PRESETS.find((p) => p.key === form.size);
  if (preset) return { width: preset.width, height: preset.height };
  if (form.size === 'screen' && form.screen) return { width: form.screen.width, height: form.screen.height };
  return { width: Math.round(form.width), height: Math.round(form.height) };
}

/** What the size list calls the screen's size: "As on screen (1,141 × 640)". */
export function screenSizeLabel(screen: { width: number; height: number }): string {
  return `As on screen (${screen.width.toLocaleString('en-GB')} × ${screen.height.toLocaleString('en-GB')})`;
}

/** A key for what a request draws, so the preview is redrawn only when that changes (the filtered events by a hash). */
export function previewKey(request: ImageExportRequest): string {
  const { indices, ...rest } = request;
  let hash = 2166136261;
  if (indices) for (let k = 0; k < indices.length; k++) hash = Math.imul(hash ^ indices[k]!, 16777619);
  return JSON.stringify({ ...rest, indices: indices === null ? null : `${indices.length}:${hash >>> 0}` });
}

export type BuiltRequest = { readonly ok: true; readonly request: ImageExportRequest } | { readonly ok: false; readonly message: string };

/** The request for main, or what is wrong with the form, in words. */
export function buildRequest(form: ExportForm, context: ExportContext, format: ExportFormat = form.format): BuiltRequest {
  let window: { start: number; end: number } | undefined;
  if (form.what === 'view') {
    if (!context.window) return { ok: false, message: 'The timeline has no view yet.' };
    window = { start: context.window.start, end: context.window.end };
  } else if (form.what === 'range') {
    const from = parseDay(form.from);
    const to = parseDay(form.to);
    if (from === undefined || to === undefined) return { ok: false, message: 'Give both dates of the range as YYYY-MM-DD.' };
    if (to < from) return { ok: false, message: 'The range ends before it starts.' };
    window = { start: from, end: to + DAY_MS };
  }
  const { width, height } = formSize(form);
  const L = EXPORT_LIMITS;
  if (format !== 'pdf') {
    if (!(width >= L.minWidth && width <= L.maxSide) || !(height >= L.minHeight && height <= L.maxSide)) {
      return { ok: false, message: `The size must be ${L.minWidth} to ${L.maxSide} px wide and ${L.minHeight} to ${L.maxSide} px high.` };
    }
    if (format === 'png' && Math.max(width, height) * form.scale > L.maxSide) {
      return { ok: false, message: `A PNG of ${width * form.scale} × ${height * form.scale} px is too large: at most ${L.maxSide} px a side. Choose a smaller size or scale.` };
    }
  }
  const pages = Math.round(form.pages);
  if (format === 'pdf' && !(pages >= 1 && pages <= L.maxPages)) return { ok: false, message: `A PDF may have 1 to ${L.maxPages} pages.` };
  const request: ImageExportRequest = {
    format,
    what: form.what,
    ...(window ? { window } : {}),
    laneMode: context.laneMode,
    indices: context.indices,
    theme: form.theme,
    // A PDF takes its size from the page; the width is only a valid placeholder then.
    width: format === 'pdf' ? 1920 : width,
    ...(format === 'pdf' ? {} : { height }),
    ...(format === 'png' ? { scale: form.scale } : {}),
    ...(format === 'pdf' ? { page: form.page, pages } : {}),
    title: form.title.slice(0, L.maxTitle),
    subtitle: form.subtitle.slice(0, L.maxSubtitle),
    ...(form.map !== 'none' ? { map: form.map } : {}),
    ...(form.links === 'all' ? { links: 'all' as const } : {}),
    ...(form.links === 'selected' && context.selected !== undefined ? { links: 'selected' as const, selected: context.selected } : {})
  };
  return { ok: true, request };
}

const PHASE_WORD: Readonly<Record<ExportProgress['phase'], string>> = { drawing: 'Drawing', rasterising: 'Rendering the pixels', writing: 'Writing the file' };

export function describeProgress(p: ExportProgress): string {
  return p.total > 1 ? `${PHASE_WORD[p.phase]} (${Math.min(p.done + 1, p.total)} of ${p.total})…` : `${PHASE_WORD[p.phase]}…`;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** Copy Image from the menu or Ctrl+Shift+C: the current view as on screen, 1920 × 1080; the notice to show. */
export async function copyCurrentView(api: Pick<FrontlineApi, 'copyImage'>, context: ExportContext, title: string, subtitle: string): Promise<string> {
  const built = buildRequest(defaultForm(context, title, subtitle), context, 'png');
  if (!built.ok) return `Could not copy the image: ${built.message}`;
  try {
    const result = await api.copyImage(built.request);
    return result.ok ? `Copied a ${result.value.width} × ${result.value.height} image of the current view.` : `Could not copy the image: ${result.error.message}`;
  } catch (err) {
    return `Could not copy the image: ${err instanceof Error ? err.message : String(err)}`;
  }
}
