// The one contract between main and renderer: every method the preload exposes, the channel it
// travels on, and the Result envelope it returns. Errors cross IPC as values, never as throws
// (Electron keeps only the message of a thrown error).
import type { DatasetHeader, EventColumns } from '../dataset/columns';
import type { Problem } from '../dataset/problems';
import type { ControlData } from '../map/controlRecords';
import type { Story, TimelineEvent } from '../dataset/schema';
import type { LocalCopyCheck } from '../dataset/localCopies';
import type { CsvMapping, CsvPreview, ImportFormat } from '../import/types';
import type { BasemapFile, BasemapResolution } from '../map/basemap';
import type { MapLayout } from '../map/mapLayout';
import type { ControlLayer } from '../map/controlLayer';
import type { ThemeName } from '../render/themes';
import type { LaneMode } from '../timeline/laneAssignment';

export type ErrorCode =
  | 'bad-sender'
  | 'bad-arguments'
  | 'unknown-channel'
  | 'not-found'
  | 'invalid-data'
  | 'unsafe-url'
  | 'io'
  | 'cancelled'
  | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  /** Plain-language message for the user; names the file and field where there is one. */
  readonly message: string;
  /** Every problem found, for invalid data. */
  readonly problems?: readonly Problem[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, problems?: readonly Problem[]): Result<never> => ({
  ok: false,
  error: problems ? { code, message, problems } : { code, message }
});

/** The held dataset's file: where it is and its name (as every step of opening names it), and how it was read. */
export interface DatasetFileInfo extends FileRef {
  /** True for the dataset that ships with the app. */
  readonly bundled: boolean;
  readonly bytes: number;
  /** The format it was read as (imports are converted to the native format in memory). */
  readonly format: ImportFormat;
  /** Read from the cache of files opened before (unchanged since), not checked again. */
  readonly fromCache: boolean;
}

/**
 * A file as every step of opening names it: its full path (how main finds it again) and the name
 * the user knows it by (in messages, titles, problems). One name, from the worker to the window.
 */
export interface FileRef {
  readonly path: string;
  readonly displayName: string;
}

export interface RowCounts {
  /** Rows (or events, for a native file) in the file. */
  readonly total: number;
  /** Events opened. */
  readonly imported: number;
  /** Rows or events left out. */
  readonly skipped: number;
}

/**
 * What each step of opening carries where the steps differ: what an opened file brings, and what
 * an open that waits for the user (a review of left-out rows, a table's mapping) holds.
 */
export interface OpenStage {
  readonly opened: object;
  readonly review: object;
  readonly mapping: object;
}

/** The window's step: the dataset itself, and a token to answer a review or a mapping with. */
export interface WindowStage {
  readonly opened: { readonly dataset: DatasetPayload };
  readonly review: { readonly token: string };
  readonly mapping: { readonly token: string };
}

/**
 * What opening a file came to: the one outcome every step speaks, told apart by `kind`, from the
 * worker that reads the file (src/main/dataset: ReadOutcome) to the window. Only 'opened' changes
 * what is held and shown.
 */
export type OpenOutcome<S extends OpenStage = WindowStage> =
  | ({ readonly kind: 'opened'; readonly file: FileRef } & S['opened'])
  /** Some rows or events could not be used: the user may open the others, or keep what was open. */
  | ({
      readonly kind: 'needs-review';
      readonly file: FileRef;
      readonly format: ImportFormat;
      readonly rows: RowCounts;
      /** Why rows or events were left out (severity error). */
      readonly problems: readonly Problem[];
    } & S['review'])
  /** A generic table: the user confirms or corrects which column holds what. */
  | ({ readonly kind: 'needs-mapping'; readonly file: FileRef; readonly preview: CsvPreview } & S['mapping'])
  /** Nothing was opened: why, with every problem (error.problems); `file` when there was one. */
  | { readonly kind: 'failed'; readonly file?: FileRef; readonly error: AppError }
  /** The load was cancelled (by the user, or by a newer open). */
  | { readonly kind: 'cancelled'; readonly file: FileRef; readonly message: string }
  /** The user closed the file dialog or declined a review, or main had nothing to hand over. */
  | { readonly kind: 'dismissed' };

export type NeedsReview = Extract<OpenOutcome, { kind: 'needs-review' }>;
export type NeedsMapping = Extract<OpenOutcome, { kind: 'needs-mapping' }>;

export interface RecentFile {
  readonly path: string;
  /** False when the file is missing: listed as unavailable, not dropped. */
  readonly available: boolean;
}

export type SaveFormat = 'frontline' | 'csv';

/**
 * A loaded dataset as the renderer receives it: the small header as objects, the events as
 * columns of typed arrays (cheap to send between processes). Full events come from getEvent.
 */
export interface DatasetPayload {
  readonly header: DatasetHeader;
  readonly columns: EventColumns;
  /**
   * Records of the capture and control events (src/shared/map/controlRecords.ts), built while the
   * file loaded: what "control at a date" on the map is worked out from (the renderer indexes them).
   */
  readonly control: ControlData;
  readonly file: DatasetFileInfo;
  /** Non-fatal problems found while loading (e.g. invisible characters removed). */
  readonly warnings: readonly Problem[];
}

/** How far a load has got, sent while it runs. */
export interface LoadProgress {
  readonly file: FileRef;
  readonly phase: 'reading' | 'checking' | 'sending';
  /** Bytes processed and the file's size. */
  readonly done: number;
  readonly total: number;
  readonly events: number;
}

/** Bounds of an image export (main's argument schema enforces them). */
export const EXPORT_LIMITS = {
  minWidth: 320,
  minHeight: 200,
  /** Largest layout side in px (a PNG's pixels are this times the scale, at most 16384 a side). */
  maxSide: 16_384,
  maxScale: 8,
  maxPages: 200,
  maxTitle: 500,
  maxSubtitle: 1000,
  /** Width of the export dialog's preview image, px. */
  previewWidth: 480
} as const;

/** What File > Export Image (and Copy Image) draws; main renders it from the dataset it holds. */
export interface ImageExportRequest {
  readonly format: 'png' | 'svg' | 'pdf';
  /** The current view, the dataset's whole range (its story, as Fit shows it), or typed dates. */
  readonly what: 'view' | 'all' | 'range';
  /** UTC ms, [start, end): needed for 'view' and 'range'. */
  readonly window?: { readonly start: number; readonly end: number };
  readonly laneMode: LaneMode;
  /** Column indices of the events shown (the filtered view), or null for every event. */
  readonly indices: Uint32Array | null;
  readonly theme: ThemeName;
  /** PNG/SVG layout size in px (a PDF takes its size from the page). */
  readonly width: number;
  /** Omitted: as tall as the picture needs. */
  readonly height?: number;
  /** PNG: pixel scale (1, 2, 4…). */
  readonly scale?: number;
  /** PDF: landscape page size. */
  readonly page?: 'a4' | 'letter' | 'slide';
  /** PDF: the range split over this many pages. */
  readonly pages?: number;
  /** Default: the dataset's. */
  readonly title?: string;
  readonly subtitle?: string;
  /** A map of the places of the events drawn, beside (right of) or above the timeline; omitted: none. */
  readonly map?: 'beside' | 'above';
  /** Links between events to draw: the selected event's (`selected`, a column index) or all; omitted: none. */
  readonly links?: 'selected' | 'all';
  readonly selected?: number;
}

/** What File › Export › Interactive page… writes: the events shown (filters applied) or the whole dataset. */
export interface PageExportRequest {
  /** Column indices of the events shown, or null for every event. */
  readonly indices: Uint32Array | null;
}

/** An interactive page's size, told before it is written, and the events it would hold. */
export interface PageEstimate {
  readonly bytes: number;
  readonly events: number;
}

/** A small PNG of an export, for the export dialog to show (as a blob: image, never as HTML). */
export interface ImagePreview {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** The picture's own size (px, or pt for a PDF page) and how many pages a PDF would have. */
  readonly imageWidth: number;
  readonly imageHeight: number;
  readonly pages: number;
}

/** How far an export has got, sent while it runs. */
export interface ExportProgress {
  readonly phase: 'drawing' | 'rasterising' | 'writing';
  readonly done: number;
  readonly total: number;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  readonly versions: Readonly<Record<string, string>>;
}

/** Commands main sends to the renderer (from the application menu). */
export const APP_COMMANDS = [
  'zoom-in',
  'zoom-out',
  'fit',
  'lanes-theatre',
  'lanes-type',
  'next-event',
  'previous-event',
  'show-shortcuts',
  'open-file',
  'reload-file',
  'save-as-frontline',
  'save-as-csv',
  'find',
  'toggle-table',
  'lanes-actor',
  'lanes-admin1',
  'export-image',
  'copy-image',
  /** Main started opening a file itself (command line, the OS, a second instance): call takeMainOpen. */
  'main-open',
  /** File > Clear Cache: call clearCache and say what was removed. */
  'clear-cache',
  /** View > Map: show or hide the map view. */
  'toggle-map',
  /** File > Open Control Layer…: call openControlLayer and keep the layer it brings. */
  'open-control-layer',
  /** File > Close Control Layer: drop the layer the window holds. */
  'close-control-layer',
  /** File > Export > Interactive Page…: the window's dialog (what the page holds, its size), then exportPage. */
  'export-page'
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export type Unsubscribe = () => void;

/**
 * What File › Open Control Layer… came to: a layer (its features with controller and dates, checked
 * as hostile input), a refusal with every problem (the whole file refused; the dataset stays), or
 * the dialog cancelled. Main keeps no layer: the window holds it until it is closed.
 */
export type LayerOutcome =
  | { readonly kind: 'opened'; readonly file: FileRef; readonly layer: ControlLayer; readonly warnings: readonly Problem[] }
  | { readonly kind: 'failed'; readonly file?: FileRef; readonly error: AppError }
  | { readonly kind: 'dismissed' };

/** What `window.api` offers the renderer. Nothing else crosses the bridge. */
export interface FrontlineApi {
  /**
   * The dataset main holds (the bundled one at start), validated. While a load is running this
   * waits for it; progress arrives through onLoadProgress.
   */
  getDataset(): Promise<Result<DatasetPayload>>;
  /** Everything about one event, by its position in the file (columns.sourceIndex). */
  getEvent(sourceIndex: number): Promise<Result<TimelineEvent>>;
  /** Stop the load that is running; what was loaded before stays. */
  cancelLoad(): Promise<Result<{ readonly cancelled: boolean }>>;
  /** Show the file dialog and open what the user picks (Frontline, ACLED, UCDP, TimelineJS, CSV/TSV). */
  openFileDialog(): Promise<Result<OpenOutcome>>;
  /** File › Open Control Layer…: main's dialog, then the GeoJSON or KML file picked, read and checked. */
  openControlLayer(): Promise<Result<LayerOutcome>>;
  /** Open a file dropped on the window (the preload turns it into its path). */
  openDroppedFile(file: File): Promise<Result<OpenOutcome>>;
  /** Open one of the recent files (main checks it is on its list). */
  openRecent(path: string): Promise<Result<OpenOutcome>>;
  /** Read the current file again from disk. */
  reloadFile(): Promise<Result<OpenOutcome>>;
  /** Go on with a generic table, with the columns mapped as the user confirmed. */
  openWithMapping(token: string, mapping: CsvMapping): Promise<Result<OpenOutcome>>;
  /** After a review: open the usable rows (accept) or keep what was open (decline). */
  resolveReview(token: string, accept: boolean): Promise<Result<OpenOutcome>>;
  getRecentFiles(): Promise<Result<readonly RecentFile[]>>;
  /**
   * The outcome of the file main started opening by itself (a path on the command line, a file
   * the OS asked the app to open, a second instance), once; 'dismissed' when there is none.
   */
  takeMainOpen(): Promise<Result<OpenOutcome>>;
  /**
   * Save the events at these column indices (all when null) as a native file or as CSV, to a
   * path the user picks in main's save dialog. Written atomically.
   */
  saveAs(
    format: SaveFormat,
    indices: Uint32Array | null
  ): Promise<Result<{ readonly path: string; readonly events: number; /** About local copies (a changed one's hash kept, a missing one). */ readonly warnings?: readonly string[] } | { readonly dismissed: true }>>;
  /**
   * File > Export Image: main draws the picture from the dataset it holds, shows its save dialog
   * (named after the title), and writes the file atomically; the path once written.
   * Progress arrives through onExportProgress.
   */
  exportImage(request: ImageExportRequest): Promise<Result<{ readonly path: string; readonly bytes: number } | { readonly dismissed: true }>>;
  /**
   * The size of the interactive page exportPage would write for `request` (nothing is written), so
   * the dialog can say it ("about 1.2 MB") before the user saves.
   */
  pageSize(request: PageExportRequest): Promise<Result<PageEstimate>>;
  /**
   * File > Export > Interactive Page: main's save dialog (named after the title), then ONE .html file
   * holding the events asked for and the app's renderer built for the page, written atomically.
   */
  exportPage(request: PageExportRequest): Promise<Result<{ readonly path: string; readonly bytes: number; readonly events: number } | { readonly dismissed: true }>>;
  /** Copy Image: the picture as a PNG on the clipboard (the request's format is ignored); its size in pixels. */
  copyImage(request: ImageExportRequest): Promise<Result<{ readonly width: number; readonly height: number }>>;
  /**
   * The export dialog's preview: what exportImage would draw for `request` (a PDF's first page), as
   * a small PNG (at most EXPORT_LIMITS.previewWidth wide); nothing is written.
   */
  previewImage(request: ImageExportRequest): Promise<Result<ImagePreview>>;
  /**
   * Save these stories (all the dataset's, replacing those it had) into the current file when it
   * is the user's own native file; otherwise (the bundled dataset, an import) into a native file
   * the user picks in main's save dialog. Written atomically, then opened again: 'opened' carries
   * the dataset with its stories as saved; 'dismissed' when the dialog was cancelled.
   */
  saveStories(stories: readonly Story[]): Promise<Result<OpenOutcome>>;
  /** Name, version and runtime versions, for the About box. */
  getAppInfo(): Promise<Result<AppInfo>>;
  /**
   * Empty the cache of opened files (files opened again come from it while unchanged): how many
   * entries and bytes were removed. Nothing open changes.
   */
  clearCache(): Promise<Result<{ readonly entries: number; readonly bytes: number }>>;
  /**
   * Open a source's web address in the user's browser. Main looks the address up itself by
   * source id in the dataset it holds and refuses anything but http(s).
   */
  openSourceUrl(sourceId: string): Promise<Result<{ readonly url: string }>>;
  /**
   * How a source's local copy compares with the SHA-256 the dataset records (verified, changed,
   * missing…). Main checks every copy in the background once a dataset opens; this waits for that
   * source's check (or runs it now). Fails when the source has no local copy.
   */
  checkLocalCopy(sourceId: string): Promise<Result<LocalCopyCheck>>;
  /**
   * "Add local copy…": main's file dialog; the file picked becomes the source's local copy (copied
   * into the dataset's folder unless it is inside already), with its SHA-256, saved into the
   * user's own Frontline file and opened again (as saveStories); 'dismissed' when cancelled.
   */
  addLocalCopy(sourceId: string): Promise<Result<OpenOutcome>>;
  /**
   * Open the presenter view (current and next step, notes, the clock) in a window of its own: on
   * another display when there is one ('second'), else beside the main window ('same'). Only one
   * at a time: an open one is brought to the front.
   */
  openPresenterView(): Promise<Result<{ readonly display: 'second' | 'same' }>>;
  /**
   * The offline basemap the app ships (resources/basemap), as the build wrote it: TopoJSON layers,
   * cities and their sources (for the attribution). Read by main from the app's own files; the
   * renderer never fetches anything.
   */
  getBasemap(resolution: BasemapResolution): Promise<Result<BasemapFile>>;
  /** Where the map view sits and its size, as remembered in the settings (the defaults at first). */
  getMapLayout(): Promise<Result<MapLayout>>;
  /** Remember the map view's layout (written atomically to the settings); the layout as kept. */
  saveMapLayout(layout: MapLayout): Promise<Result<MapLayout>>;
  /** Menu commands; returns a function that stops listening. */
  onCommand(listener: (command: AppCommand) => void): Unsubscribe;
  /** Progress of a running load. */
  onLoadProgress(listener: (progress: LoadProgress) => void): Unsubscribe;
  /** Progress of a running image export. */
  onExportProgress(listener: (progress: ExportProgress) => void): Unsubscribe;
}

/** Request/response methods, each on its own prefixed channel. */
export const INVOKE_CHANNELS = {
  getDataset: 'frontline:get-dataset',
  getEvent: 'frontline:get-event',
  cancelLoad: 'frontline:cancel-load',
  openFileDialog: 'frontline:open-file-dialog',
  openControlLayer: 'frontline:open-control-layer',
  openDroppedFile: 'frontline:open-dropped-file',
  openRecent: 'frontline:open-recent',
  reloadFile: 'frontline:reload-file',
  openWithMapping: 'frontline:open-with-mapping',
  resolveReview: 'frontline:resolve-review',
  getRecentFiles: 'frontline:get-recent-files',
  takeMainOpen: 'frontline:take-main-open',
  saveAs: 'frontline:save-as',
  exportImage: 'frontline:export-image',
  copyImage: 'frontline:copy-image',
  previewImage: 'frontline:preview-image',
  pageSize: 'frontline:page-size',
  exportPage: 'frontline:export-page',
  saveStories: 'frontline:save-stories',
  getAppInfo: 'frontline:get-app-info',
  clearCache: 'frontline:clear-cache',
  openSourceUrl: 'frontline:open-source-url',
  checkLocalCopy: 'frontline:check-local-copy',
  addLocalCopy: 'frontline:add-local-copy',
  openPresenterView: 'frontline:open-presenter-view',
  getBasemap: 'frontline:get-basemap',
  getMapLayout: 'frontline:get-map-layout',
  saveMapLayout: 'frontline:save-map-layout'
} as const satisfies { [K in keyof FrontlineApi as FrontlineApi[K] extends (...a: never[]) => Promise<unknown> ? K : never]: `frontline:${string}` };

/** Main-to-renderer event channels, keyed by the subscribe method. */
export const EVENT_CHANNELS = {
  onCommand: 'frontline:command',
  onLoadProgress: 'frontline:load-progress',
  onExportProgress: 'frontline:export-progress'
} as const satisfies { [K in Exclude<keyof FrontlineApi, keyof typeof INVOKE_CHANNELS>]: `frontline:${string}` };

export type InvokeMethod = keyof typeof INVOKE_CHANNELS;
export type EventMethod = keyof typeof EVENT_CHANNELS;

/** Value type a method resolves to, unwrapped from Result. */
export type InvokeValue<M extends InvokeMethod> = FrontlineApi[M] extends (...args: never[]) => Promise<Result<infer T>> ? T : never;
/**
 * What travels on a method's channel. Usually the method's parameters; a dropped File cannot
 * cross IPC, so the preload sends its path instead.
 */
export type InvokeArgs<M extends InvokeMethod> = M extends 'openDroppedFile' ? [path: string] : Parameters<FrontlineApi[M]>;

export const API_GLOBAL = 'api';
