// Argument schemas for every invoke channel; main validates each call against these before a
// handler sees it. Kept apart from the contract so the preload bundle stays free of zod.
import { z } from 'zod';
import { LINK_KINDS } from '../dataset/links';
import { idSchema, LIMITS, storySchema } from '../dataset/schema';
import { CSV_FIELDS, DATE_ORDERS, type CsvField } from '../import/types';
import { BASEMAP_RESOLUTIONS } from '../map/basemap';
import { MAP_PLACEMENTS, MAP_SIZE_MAX, MAP_SIZE_MIN } from '../map/mapLayout';
import { THEME_NAMES } from '../render/themes';
import { LANE_MODES } from '../timeline/laneAssignment';
import { EXPORT_LIMITS as L, type ImageExportRequest, type InvokeArgs, type InvokeMethod, type PageExportRequest } from './contract';

const path = z.string().min(1).max(4096);
const token = z.string().regex(/^[a-f0-9]{16,64}$/);
const column = z.number().int().min(0).max(9999).optional();
/**
 * A column index for each field (CsvMapping), and the day/month order of dates the user chose. An
 * own "__proto__" key (as JSON.parse makes) is dropped first; any other unknown key is refused.
 */
const mapping = z.preprocess(
  (v) => (v !== null && typeof v === 'object' && Object.hasOwn(v, '__proto__') ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== '__proto__')) : v),
  z.strictObject({
    ...(Object.fromEntries(CSV_FIELDS.map((f) => [f, column])) as Record<CsvField, typeof column>),
    dateOrder: z.enum(DATE_ORDERS).optional(),
    relatedKind: z.enum(LINK_KINDS).optional()
  })
);

/** Dates the app can draw: years 1 to 9999 in UTC ms. */
const instant = z.number().finite().min(-62_135_596_800_000).max(253_402_300_799_999);

export const imageExportRequest = z
  .strictObject({
    format: z.enum(['png', 'svg', 'pdf']),
    what: z.enum(['view', 'all', 'range']),
    window: z.strictObject({ start: instant, end: instant }).refine((w) => w.end > w.start, 'the window must end after it starts').optional(),
    laneMode: z.enum(LANE_MODES),
    indices: z.instanceof(Uint32Array).nullable(),
    theme: z.enum(THEME_NAMES),
    width: z.number().int().min(L.minWidth).max(L.maxSide),
    height: z.number().int().min(L.minHeight).max(L.maxSide).optional(),
    scale: z.number().positive().max(L.maxScale).optional(),
    page: z.enum(['a4', 'letter', 'slide']).optional(),
    pages: z.number().int().min(1).max(L.maxPages).optional(),
    title: z.string().max(L.maxTitle).optional(),
    subtitle: z.string().max(L.maxSubtitle).optional(),
    map: z.enum(['beside', 'above']).optional(),
    links: z.enum(['selected', 'all']).optional(),
    selected: z.number().int().min(0).max(0xffffffff).optional()
  })
  .refine((r) => r.what === 'all' || r.window !== undefined, 'the current view and a date range need a window')
  .refine((r) => r.scale === undefined || (r.width * r.scale <= L.maxSide && (r.height ?? 0) * r.scale <= L.maxSide), `a PNG may be at most ${L.maxSide} px a side`) satisfies z.ZodType<ImageExportRequest>;

/** File › Export › Interactive page…: the events shown, or all (null). */
export const pageExportRequest = z.strictObject({ indices: z.instanceof(Uint32Array).nullable() }) satisfies z.ZodType<PageExportRequest>;

/** The map view's layout as the renderer saves it (mapLayout.ts). */
const mapLayout = z.strictObject({ open: z.boolean(), placement: z.enum(MAP_PLACEMENTS), size: z.number().finite().min(MAP_SIZE_MIN).max(MAP_SIZE_MAX) });

export const INVOKE_ARGS = {
  getDataset: z.tuple([]),
  getEvent: z.tuple([z.number().int().min(0).max(0xffffffff)]),
  cancelLoad: z.tuple([]),
  openFileDialog: z.tuple([]),
  openControlLayer: z.tuple([]),
  openDroppedFile: z.tuple([path]),
  openRecent: z.tuple([path]),
  reloadFile: z.tuple([]),
  openWithMapping: z.tuple([token, mapping]),
  resolveReview: z.tuple([token, z.boolean()]),
  getRecentFiles: z.tuple([]),
  takeMainOpen: z.tuple([]),
  saveAs: z.tuple([z.enum(['frontline', 'csv']), z.instanceof(Uint32Array).nullable()]),
  exportImage: z.tuple([imageExportRequest]),
  copyImage: z.tuple([imageExportRequest]),
  previewImage: z.tuple([imageExportRequest]),
  pageSize: z.tuple([pageExportRequest]),
  exportPage: z.tuple([pageExportRequest]),
  saveStories: z.tuple([z.array(storySchema).max(LIMITS.listItems)]),
  getAppInfo: z.tuple([]),
  clearCache: z.tuple([]),
  openSourceUrl: z.tuple([idSchema]),
  checkLocalCopy: z.tuple([idSchema]),
  addLocalCopy: z.tuple([idSchema]),
  openPresenterView: z.tuple([]),
  getBasemap: z.tuple([z.enum(BASEMAP_RESOLUTIONS)]),
  getMapLayout: z.tuple([]),
  saveMapLayout: z.tuple([mapLayout])
} as const satisfies { [M in InvokeMethod]: z.ZodType<InvokeArgs<M>> };
