// What each invoke method does, free of Electron: dependencies (the dataset service, the file
// session with its dialogs and settings, the export session with its dialog and clipboard,
// browser opener, app info, the presenter view's window) are injected, so the same code
// runs inside Electron, under Vitest and behind the e2e bridge. Arguments and senders were checked
// by the dispatcher before any of these runs.
import type { AppInfo, InvokeArgs, InvokeMethod, InvokeValue, Result } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/ipc/contract';
import { safeExternalUrl } from '../../shared/text/safeUrl';
import { DEFAULT_MAP_LAYOUT } from '../../shared/map/mapLayout';
import type { AppLocation } from '../dataset/bundledDataset';
import type { DatasetService } from '../dataset/datasetService';
import { loadBasemapFile } from '../export/basemap';
import type { ExportSession } from '../export/exportSession';
import type { FileSession } from '../files/fileSession';
import type { SettingsStore } from '../files/settingsStore';
import type { LayerSession } from '../map/controlLayerFile';
import type { PageExportSession } from '../export/pageExportSession';

export interface HandlerDeps {
  readonly service: DatasetService;
  readonly files: FileSession;
  readonly exports: ExportSession;
  readonly appInfo: () => AppInfo;
  readonly openExternal: (url: string) => Promise<void>;
  /** Open (or bring to the front) the presenter view's window; which display it went to. */
  readonly openPresenterView: () => Promise<{ readonly display: 'second' | 'same' }>;
  /** Empty the cache of opened files: what was removed (none: there is no cache, nothing to remove). */
  readonly clearCache?: () => Promise<{ readonly entries: number; readonly bytes: number }>;
  /** The settings file (the map view's layout); without it the layout is the default and not remembered. */
  readonly settings?: SettingsStore;
  /** Where the app is installed (the packaged basemap is under its resources); without it, found from this module. */
  readonly location?: AppLocation;
  /** File › Open Control Layer… (its dialog); without it there is nothing to open layers with. */
  readonly layers?: LayerSession;
  /** File › Export › Interactive Page… (its dialog and the page's template); without it pages cannot be exported. */
  readonly pages?: PageExportSession;
}

export type Handlers = { [M in InvokeMethod]: (...args: InvokeArgs<M>) => Promise<Result<InvokeValue<M>>> };

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    getDataset: () => deps.service.awaitCurrent(),

    async getEvent(sourceIndex) {
      let event;
      try {
        event = await deps.service.event(sourceIndex);
      } catch (err) {
        return fail('internal', `The event's details cannot be shown: ${err instanceof Error ? err.message : String(err)}. Open the file again.`);
      }
      return event ? ok(event) : fail('not-found', `The dataset has no event at position ${sourceIndex}.`);
    },

    async cancelLoad() {
      return ok({ cancelled: deps.service.cancel() });
    },

    // Opening speaks OpenOutcome throughout (a failure is an outcome too); the Result around it is
    // the IPC's, whose errors are the dispatcher's (a refused sender or argument, a throw).
    openFileDialog: async () => ok(await deps.files.openDialog()),
    openControlLayer: async () => (deps.layers ? ok(await deps.layers.openDialog()) : fail('not-found', 'Control layers cannot be opened here.')),
    openDroppedFile: async (path) => ok(await deps.files.openDropped(path)),
    openRecent: async (path) => ok(await deps.files.openRecent(path)),
    reloadFile: async () => ok(await deps.files.reload()),
    openWithMapping: async (token, mapping) => ok(await deps.files.openWithMapping(token, mapping)),
    resolveReview: async (token, accept) => ok(await deps.files.resolveReview(token, accept)),
    getRecentFiles: () => deps.files.recentFiles(),
    takeMainOpen: async () => ok(await deps.files.takeMainOpen()),
    saveAs: (format, indices) => deps.files.saveAs(format, indices),
    exportImage: (request) => deps.exports.exportImage(request),
    copyImage: (request) => deps.exports.copyImage(request),
    previewImage: (request) => deps.exports.previewImage(request),
    pageSize: async (request) => (deps.pages ? deps.pages.pageSize(request) : fail('not-found', 'Interactive pages cannot be exported here.')),
    exportPage: async (request) => (deps.pages ? deps.pages.exportPage(request) : fail('not-found', 'Interactive pages cannot be exported here.')),
    saveStories: (stories) => deps.files.saveStories(stories),

    async getAppInfo() {
      return ok(deps.appInfo());
    },

    async clearCache() {
      return ok(deps.clearCache ? await deps.clearCache() : { entries: 0, bytes: 0 });
    },

    checkLocalCopy: (sourceId) => deps.files.localCopyCheck(sourceId),
    addLocalCopy: (sourceId) => deps.files.addLocalCopy(sourceId),

    async openSourceUrl(sourceId) {
      const source = deps.service.current?.header.sources.find((s) => s.id === sourceId);
      if (!source) return fail('not-found', `The dataset has no source "${sourceId}".`);
      if (source.url === undefined) return fail('not-found', `Source "${sourceId}" has no web address.`);
      const url = safeExternalUrl(source.url);
      if (url === null) return fail('unsafe-url', `The address of source "${sourceId}" is not an http(s) web address, so it is not opened.`);
      await deps.openExternal(url);
      return ok({ url });
    },

    async openPresenterView() {
      return ok(await deps.openPresenterView());
    },

    async getBasemap(resolution) {
      try {
        return ok(await loadBasemapFile(resolution, deps.location));
      } catch (err) {
        return fail('not-found', `The map has no basemap: ${err instanceof Error ? err.message : String(err)}.`);
      }
    },

    async getMapLayout() {
      return ok(deps.settings ? deps.settings.mapLayout() : DEFAULT_MAP_LAYOUT);
    },

    async saveMapLayout(layout) {
      if (!deps.settings) return fail('io', 'The map layout cannot be remembered: there is no settings file.');
      const saved = await deps.settings.setMapLayout(layout);
      return saved.ok ? ok(saved.layout) : fail('io', `The map layout could not be remembered: ${saved.message}`);
    }
  };
}
