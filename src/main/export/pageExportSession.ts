// File › Export › Interactive page… as main runs it, free of Electron: the page's size told before
// writing, then the save dialog (a safe name made from the title) and the page written atomically,
// from the dataset main holds (the events shown, or all). The dialog is injected, so the same code
// runs in the app, under Vitest and behind the e2e bridge.
import { dirname, extname, isAbsolute } from 'node:path';
import { fail, ok, type PageEstimate, type PageExportRequest, type Result } from '../../shared/ipc/contract';
import { suggestedFileName } from '../../shared/render/fileName';
import type { AppLocation } from '../dataset/bundledDataset';
import type { DatasetService, HeldDataset } from '../dataset/datasetService';
import { sweepTempFiles } from '../files/atomicWrite';
import type { FileFilter } from '../files/dialogOptions';
import { checkPageDataset, pageBasemap, pageBytes, pageDatasetBytes, pageMeta, pageTemplatePath, readPageTemplate, writeInteractivePage, type PageContent, type PageTemplate } from './interactivePage';

export const PAGE_FILTER: FileFilter = { name: 'Web page (opens in any browser)', extensions: ['html'] };

/** The native save dialog for a page: a path, or undefined when the user cancelled. */
export interface PageDialogs {
  showSavePage(options: { readonly defaultName: string }): Promise<string | undefined>;
}

export interface PageExportDeps {
  readonly service: DatasetService;
  readonly dialogs: PageDialogs;
  /** "Frontline 0.1.0": what the page says made it. */
  readonly madeWith: string;
  /** Where the app runs from (the template inside a packaged app). */
  readonly location?: AppLocation;
  /** The template to use instead of the one found (tests). */
  readonly templatePath?: string;
  readonly log?: (message: string) => void;
}

export type PageExported = Result<{ readonly path: string; readonly bytes: number; readonly events: number } | { readonly dismissed: true }>;

/** The path ending in .html (or .htm), added when a dialog returns it bare or with another extension. */
export function withPageExtension(path: string): string {
  const ext = extname(path).toLowerCase();
  return ext === '.html' || ext === '.htm' ? path : `${path}.html`;
}

export class PageExportSession {
  constructor(private readonly deps: PageExportDeps) {}

  /** The page's size for `request` (nothing written): what the dialog states before saving. */
  async pageSize(request: PageExportRequest): Promise<Result<PageEstimate>> {
    const prepared = await this.#prepare(request);
    if (!prepared.ok) return prepared;
    return ok({ bytes: pageBytes(prepared.value.template, prepared.value.content), events: prepared.value.content.meta.events });
  }

  /** The save dialog, then the page, checked and written atomically. */
  async exportPage(request: PageExportRequest): Promise<PageExported> {
    // Made before the dialog, of what the user sees now: never asked for a file that cannot be written.
    const prepared = await this.#prepare(request);
    if (!prepared.ok) return prepared;
    const { template, content, held } = prepared.value;
    const checked = checkPageDataset(content.dataset, content.meta.events, held.file.displayName);
    if (!checked.ok) return fail('internal', `The page was not written: ${checked.message}`);
    const chosen = await this.deps.dialogs.showSavePage({ defaultName: suggestedFileName(held.payload.header.metadata.title, 'html') });
    if (chosen === undefined) return ok({ dismissed: true });
    if (!isAbsolute(chosen)) return fail('bad-arguments', `${chosen} is not a full path to save to.`);
    const target = withPageExtension(chosen);
    await sweepTempFiles(dirname(target)).catch(() => 0);
    const written = await writeInteractivePage(target, template, content);
    if (!written.ok) {
      this.deps.log?.(`page export to ${target} failed: ${written.message}`);
      return fail('io', written.message);
    }
    this.deps.log?.(`exported an interactive page of ${content.meta.events} events to ${target}`);
    return ok({ path: target, bytes: written.bytes, events: content.meta.events });
  }

  async #prepare(request: PageExportRequest): Promise<Result<{ template: PageTemplate; content: PageContent; held: HeldDataset }>> {
    if (!this.deps.service.current) return fail('not-found', 'No dataset is open to export.');
    let held: HeldDataset | undefined;
    try {
      held = await this.deps.service.held();
    } catch (err) {
      return fail('internal', `The page cannot be made: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!held) return fail('not-found', 'No dataset is open to export.');
    const read = await readPageTemplate(this.deps.templatePath ?? pageTemplatePath(this.deps.location));
    if (!read.ok) return fail('not-found', read.message);
    const { header, columns } = held.payload;
    const data = pageDatasetBytes({ header, columns, bytes: held.bytes, ranges: held.ranges }, request.indices);
    if (!data.ok) return fail('bad-arguments', data.message);
    const meta = pageMeta({ fileName: held.file.displayName, title: header.metadata.title, events: data.events, ofEvents: columns.count, what: request.indices === null ? 'all' : 'shown', madeWith: this.deps.madeWith });
    const basemap = await pageBasemap(this.deps.location);
    if (!basemap.ok) this.deps.log?.(`the page has no map: ${basemap.message}`);
    return ok({ template: read.template, content: { dataset: data.bytes, meta, ...(basemap.ok ? { basemap: basemap.bytes } : {}) }, held });
  }
}
