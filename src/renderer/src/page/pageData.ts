// What the interactive page holds: the data blocks the writer filled in (src/main/export/
// interactivePage.ts), read as inert text and parsed here, never as HTML. A block that is missing,
// still the template's placeholder or of another shape is said plainly.
import { checkBasemapFile, type BasemapFile } from '../../../shared/map/basemap';
import { PAGE_BASEMAP_ID, PAGE_DATA_ID, PAGE_META_ID, PAGE_PLACEHOLDER, parsePageMeta, type PageMeta } from '../../../shared/export/interactivePage';

export interface EmbeddedPage {
  readonly meta: PageMeta;
  /** The dataset as a Frontline file's UTF-8 bytes (what main holds as a file image). */
  readonly dataset: Uint8Array;
  /** The offline basemap (1:110m), when the page carries the map. */
  readonly basemap?: BasemapFile;
}

export type EmbeddedResult = { readonly ok: true; readonly page: EmbeddedPage } | { readonly ok: false; readonly message: string };

function blockText(doc: Document, id: string): string | undefined {
  const el = doc.getElementById(id);
  return el instanceof HTMLScriptElement && el.type === 'application/json' ? (el.textContent ?? '') : undefined;
}

/** The page's data, read from its blocks (once: the dataset's text is dropped from the document after). */
export function readEmbeddedPage(doc: Document): EmbeddedResult {
  const metaText = blockText(doc, PAGE_META_ID);
  const dataText = blockText(doc, PAGE_DATA_ID);
  if (metaText === undefined || dataText === undefined) return { ok: false, message: 'This page holds no Frontline data.' };
  if (metaText.trim() === PAGE_PLACEHOLDER || dataText.trim() === PAGE_PLACEHOLDER) {
    return { ok: false, message: 'This is the template of Frontline’s interactive page, with no dataset in it: export a page from Frontline (File › Export › Interactive page…).' };
  }
  let meta: PageMeta | undefined;
  try {
    meta = parsePageMeta(JSON.parse(metaText));
  } catch {
    meta = undefined;
  }
  if (!meta) return { ok: false, message: 'This page was made by another version of Frontline, or was changed since: its description cannot be read.' };
  let basemap: BasemapFile | undefined;
  const basemapText = blockText(doc, PAGE_BASEMAP_ID);
  if (basemapText !== undefined && basemapText.trim() !== PAGE_PLACEHOLDER) {
    try {
      const checked = checkBasemapFile(JSON.parse(basemapText));
      if (checked.ok) basemap = checked.file;
    } catch {
      basemap = undefined;
    }
  }
  const dataset = new TextEncoder().encode(dataText);
  // The page keeps the bytes; the text need not stay in the document twice over.
  doc.getElementById(PAGE_DATA_ID)?.remove();
  return { ok: true, page: { meta, dataset, ...(basemap ? { basemap } : {}) } };
}
