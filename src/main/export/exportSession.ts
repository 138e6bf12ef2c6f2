// File > Export Image and Copy Image as main runs them, free of Electron: the picture is drawn
// from the dataset main holds (filtered by the column indices the renderer sends), the save dialog
// is shown with a safe name made from the title, and the file is written atomically by
// exportImage. The dialog, the clipboard and the progress channel are injected, so the same code
// runs in the app, under Vitest and behind the e2e bridge.
import { dirname, extname, isAbsolute } from 'node:path';
import { EXPORT_LIMITS, fail, ok, type DatasetPayload, type ExportProgress, type ImageExportRequest, type ImagePreview, type Result } from '../../shared/ipc/contract';
import { stringAt } from '../../shared/dataset/columns';
import { LinkIndex, linkEndLookup, type ResolvedLink } from '../../shared/dataset/links';
import { suggestedFileName } from '../../shared/render/fileName';
import type { AppLocation } from '../dataset/bundledDataset';
import type { DatasetService } from '../dataset/datasetService';
import type { FileFilter } from '../files/dialogOptions';
import { sweepTempFiles } from '../files/atomicWrite';
import { exportImage, renderExport, renderPreview, type ExportFormat, type ExportImageRequest } from './exportImage';

/** The native save dialog for an image: a path, or undefined when the user cancelled. */
export interface ImageDialogs {
  showSaveImage(options: { readonly defaultName: string; readonly format: ExportFormat }): Promise<string | undefined>;
}

export interface ExportSessionDeps {
  readonly service: DatasetService;
  readonly dialogs: ImageDialogs;
  /** Put a PNG on the clipboard (Electron: clipboard.write with an image/png ClipboardItem). */
  readonly writeClipboardPng: (png: Uint8Array) => void | Promise<void>;
  /** Send export progress to the renderer. */
  readonly sendProgress?: (progress: ExportProgress) => void;
  /** Where the app runs from (the fonts of a packaged app). */
  readonly location?: AppLocation;
  readonly log?: (message: string) => void;
}

export type Exported = Result<{ readonly path: string; readonly bytes: number } | { readonly dismissed: true }>;

export const IMAGE_FILTERS: Readonly<Record<ExportFormat, FileFilter>> = {
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG vector image', extensions: ['svg'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] }
};

/** The path with the format's extension, added when it has none or another one (a dialog may return it bare). */
export function withImageExtension(path: string, format: ExportFormat): string {
  return extname(path).toLowerCase() === `.${format}` ? path : `${path}.${format}`;
}

/** The core's request for `request`, drawn from the held dataset; a plain reason when it cannot be. */
export function buildExportRequest(payload: DatasetPayload, request: ImageExportRequest, format: ExportFormat = request.format): { ok: true; request: ExportImageRequest } | { ok: false; message: string } {
  const { header, columns } = payload;
  const count = columns.count;
  let include: ((i: number) => boolean) | undefined;
  if (request.indices !== null) {
    const mask = new Uint8Array(count);
    for (const i of request.indices) {
      if (i >= count) return { ok: false, message: `The dataset has ${count.toLocaleString('en-GB')} events; the events to draw must be among them.` };
      mask[i] = 1;
    }
    include = (i) => mask[i] === 1;
  }
  // The whole range is the frame of the events shown, as the app's default view and the command
  // line's default draw it (exportImage works it out at the picture's size).
  const window = request.what === 'all' ? undefined : request.window;
  if (!window && request.what !== 'all') return { ok: false, message: 'The current view or a date range is needed to export.' };
  const labels = { ...(request.title !== undefined && request.title.trim() !== '' ? { title: request.title } : {}), ...(request.subtitle !== undefined ? { subtitle: request.subtitle } : {}) };
  return {
    ok: true,
    request: {
      format,
      header,
      columns,
      ...(window ? { window: { start: window.start, end: window.end } } : {}),
      lanes: request.laneMode,
      theme: request.theme,
      labels,
      ...(include ? { include } : {}),
      width: request.width,
      ...(request.height !== undefined ? { height: request.height } : {}),
      ...(format === 'png' && request.scale !== undefined ? { scale: request.scale } : {}),
      ...(format === 'pdf' ? { page: request.page ?? 'a4', pages: request.pages ?? 1 } : {}),
      ...(request.map ? { map: request.map } : {}),
      ...(request.links ? { links: exportLinks(payload, request.links, request.selected, include) } : {})
    }
  };
}

/** The links a request asks for, by column index: the selected event's, or all, where both ends are among the events shown. */
export function exportLinks(payload: Pick<DatasetPayload, 'header' | 'columns'>, which: 'selected' | 'all', selected: number | undefined, include: ((i: number) => boolean) | undefined): ResolvedLink[] {
  const { header, columns } = payload;
  if (header.links.length === 0 || (which === 'selected' && (selected === undefined || selected >= columns.count))) return [];
  return new LinkIndex(header.links, linkEndLookup(header.links, columns.count, (i) => stringAt(columns.ids, i))).shown(selected, which === 'all', include);
}

export class ExportSession {
  constructor(private readonly deps: ExportSessionDeps) {}

  /** File > Export Image: the save dialog, then the picture, written atomically. */
  async exportImage(request: ImageExportRequest): Promise<Exported> {
    const held = this.deps.service.current;
    if (!held) return fail('not-found', 'No dataset is open to export.');
    // Checked before the dialog: the user is never asked for a file that cannot be written.
    const built = buildExportRequest(held, request);
    if (!built.ok) return fail('bad-arguments', built.message);
    const title = request.title?.trim() || held.header.metadata.title;
    const chosen = await this.deps.dialogs.showSaveImage({ defaultName: suggestedFileName(title, request.format), format: request.format });
    if (chosen === undefined) return ok({ dismissed: true });
    if (!isAbsolute(chosen)) return fail('bad-arguments', `${chosen} is not a full path to save to.`);
    const target = withImageExtension(chosen, request.format);
    await sweepTempFiles(dirname(target)).catch(() => 0);
    const progress = this.deps.sendProgress;
    // The dataset may have been replaced while the dialog was open: the picture is of what the user saw then.
    const result = await exportImage(target, built.request, { ...(this.deps.location ? { location: this.deps.location } : {}), ...(progress ? { onProgress: progress } : {}) });
    if (!result.ok) {
      this.deps.log?.(`export to ${target} failed: ${result.message}`);
      return fail('io', result.message);
    }
    this.deps.log?.(`exported ${result.rendered.format} (${result.rendered.width} × ${result.rendered.height}) to ${result.path}`);
    return ok({ path: result.path, bytes: result.bytes });
  }

  /** The export dialog's preview: a small PNG of what Export would draw now (nothing written). */
  async previewImage(request: ImageExportRequest): Promise<Result<ImagePreview>> {
    const held = this.deps.service.current;
    if (!held) return fail('not-found', 'No dataset is open to preview.');
    const built = buildExportRequest(held, request);
    if (!built.ok) return fail('bad-arguments', built.message);
    try {
      return ok(await renderPreview(built.request, EXPORT_LIMITS.previewWidth, this.deps.location ? { location: this.deps.location } : {}));
    } catch (err) {
      return fail('internal', `The preview could not be drawn: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Copy Image: the picture as a PNG on the clipboard, whatever format the request names. */
  async copyImage(request: ImageExportRequest): Promise<Result<{ readonly width: number; readonly height: number }>> {
    const held = this.deps.service.current;
    if (!held) return fail('not-found', 'No dataset is open to copy.');
    const built = buildExportRequest(held, request, 'png');
    if (!built.ok) return fail('bad-arguments', built.message);
    const progress = this.deps.sendProgress;
    let rendered;
    try {
      rendered = await renderExport(built.request, { ...(this.deps.location ? { location: this.deps.location } : {}), ...(progress ? { onProgress: progress } : {}) });
    } catch (err) {
      return fail('internal', `The image could not be drawn: ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
      await this.deps.writeClipboardPng(rendered.bytes);
    } catch (err) {
      return fail('io', `The image could not be put on the clipboard: ${err instanceof Error ? err.message : String(err)}`);
    }
    return ok({ width: rendered.width, height: rendered.height });
  }
}
