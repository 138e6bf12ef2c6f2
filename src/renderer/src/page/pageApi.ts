// `window.api` in the interactive page: the IPC contract (src/shared/ipc/contract.ts) answered from
// the data embedded in the page, with the same shared code main answers with: the dataset loaded,
// checked and packed into columns by loadDatasetBytes, each event's details read back by readEvent.
// Read-only: what needs main (opening, saving, exporting, the presenter's window) says it is not
// available here.
import { loadDatasetBytes, readEvent } from '../../../shared/dataset/loadDatasetBytes';
import { DEFAULT_MAP_LAYOUT, normalizeMapLayout, type MapLayout } from '../../../shared/map/mapLayout';
import { fail, ok, type DatasetPayload, type FrontlineApi, type OpenOutcome, type Result } from '../../../shared/ipc/contract';
import { safeExternalUrl } from '../../../shared/text/safeUrl';
import type { EmbeddedPage } from './pageData';

/** How the page opens links: a new tab with no way back to the page (noopener, no referrer). */
export type OpenTab = (url: string) => void;

const notHere = (what: string): Result<never> => fail('not-found', `${what} is not available in this page: it is a read-only copy. Open the dataset in Frontline to do that.`);

/** Loaded once, on the first getDataset: the payload and the bytes that event details are read from. */
interface Loaded {
  readonly payload: DatasetPayload;
  readonly bytes: Uint8Array;
  readonly ranges: Uint32Array;
}

/**
 * The page's API. `embedded` is what readEmbeddedPage found, or why nothing could be read (then
 * getDataset answers with that message, shown as the app shows a dataset that failed to open).
 */
export function createPageApi(embedded: EmbeddedPage | string, openTab: OpenTab): FrontlineApi {
  let loaded: Result<Loaded> | undefined;
  let layout: MapLayout = DEFAULT_MAP_LAYOUT;

  const load = (): Result<Loaded> => {
    if (typeof embedded === 'string') return fail('invalid-data', embedded);
    const name = embedded.meta.fileName;
    const result = loadDatasetBytes(embedded.dataset, name);
    if (!result.ok) return fail('invalid-data', `The dataset in this page (${name}) could not be opened.`, result.problems);
    const { header, columns, control, warnings, eventRanges } = result.loaded;
    const payload: DatasetPayload = {
      header,
      columns,
      control,
      warnings,
      // Like the dataset that comes with the app, it is not the reader's own file: nothing is reloaded or written into it.
      file: { path: '', displayName: name, bundled: true, bytes: embedded.dataset.byteLength, format: 'native', fromCache: false }
    };
    return ok({ payload, bytes: embedded.dataset, ranges: eventRanges });
  };

  const held = (): Result<Loaded> => (loaded ??= load());
  const dismissed = async (): Promise<Result<OpenOutcome>> => ok({ kind: 'dismissed' });

  return {
    async getDataset() {
      // Let the loading cover paint first: checking a large dataset holds this thread a while.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const h = held();
      return h.ok ? ok(h.value.payload) : h;
    },
    async getEvent(sourceIndex) {
      const h = held();
      if (!h.ok) return h;
      const event = readEvent(h.value.bytes, h.value.ranges, sourceIndex, h.value.payload.file.displayName);
      return event ? ok(event) : fail('not-found', `The dataset has no event at position ${sourceIndex}.`);
    },
    cancelLoad: async () => ok({ cancelled: false }),
    openFileDialog: async () => notHere('Opening files'),
    openControlLayer: async () => notHere('Opening control layers'),
    openDroppedFile: async () => notHere('Opening files'),
    openRecent: async () => notHere('Opening files'),
    reloadFile: async () => notHere('Reloading'),
    openWithMapping: async () => notHere('Opening files'),
    resolveReview: async () => notHere('Opening files'),
    getRecentFiles: async () => ok([]),
    // Nothing is ever opened by a main process here.
    takeMainOpen: dismissed,
    saveAs: async () => notHere('Saving'),
    exportImage: async () => notHere('Exporting images'),
    copyImage: async () => notHere('Copying images'),
    previewImage: async () => notHere('Exporting images'),
    exportPage: async () => notHere('Exporting pages'),
    pageSize: async () => notHere('Exporting pages'),
    saveStories: async () => notHere('Saving stories'),
    getAppInfo: async () => ok({ name: 'Frontline interactive page', version: typeof embedded === 'string' ? '' : embedded.meta.madeWith, platform: 'browser', versions: {} }),
    clearCache: async () => ok({ entries: 0, bytes: 0 }),
    async openSourceUrl(sourceId) {
      const h = held();
      if (!h.ok) return h;
      const source = h.value.payload.header.sources.find((s) => s.id === sourceId);
      if (!source) return fail('not-found', `The dataset has no source "${sourceId}".`);
      if (source.url === undefined) return fail('not-found', `Source "${sourceId}" has no web address.`);
      const url = safeExternalUrl(source.url);
      if (url === null) return fail('unsafe-url', `The address of source "${sourceId}" is not an http(s) web address, so it is not opened.`);
      openTab(url);
      return ok({ url });
    },
    checkLocalCopy: async () => fail('not-found', 'the copy of this source is not in this page; the quote is as the dataset records it'),
    addLocalCopy: async () => notHere('Adding local copies'),
    openPresenterView: async () => notHere('The presenter view'),
    async getBasemap() {
      // The page carries the world at 1:110m only (small); it answers for the finer map as well.
      if (typeof embedded === 'string' || !embedded.basemap) return fail('not-found', 'This page has no map.');
      return ok(embedded.basemap);
    },
    getMapLayout: async () => ok(layout),
    // Kept for as long as the page is open: the page writes nothing anywhere.
    async saveMapLayout(next) {
      layout = normalizeMapLayout(next);
      return ok(layout);
    },
    onCommand: () => () => {},
    onLoadProgress: () => () => {},
    onExportProgress: () => () => {}
  };
}
