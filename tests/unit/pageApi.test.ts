// @vitest-environment happy-dom
// The page's window.api: the data blocks read as the writer fills them in (the template's
// placeholder and a damaged description said plainly), the dataset answered as main answers it
// (the same columns, each event's details), read-only everywhere else, a source's address opened in
// a new tab only when it is http(s).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetBytes } from '../../src/shared/dataset/loadDatasetBytes';
import { escapeJsonForScript, PAGE_FORMAT, type PageMeta } from '../../src/shared/export/interactivePage';
import type { FrontlineApi, Result } from '../../src/shared/ipc/contract';
import { createPageApi } from '../../src/renderer/src/page/pageApi';
import { readEmbeddedPage, type EmbeddedPage } from '../../src/renderer/src/page/pageData';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLED = readFileSync(join(ROOT, 'data', 'deir-al-zour-al-qaim-2017.frontline'));
const HOSTILE = readFileSync(join(ROOT, 'tests', 'fixtures', 'hostile.frontline'));
const META: PageMeta = { format: PAGE_FORMAT, fileName: 'story.frontline', title: 'A story', events: 23, ofEvents: 23, what: 'all', made: '2026-12-07T00:00:00.000Z', madeWith: 'Frontline test' };

/** A document holding the blocks as the writer writes them (escaped JSON inside <script type="application/json">). */
function documentWith(blocks: { meta?: string; data?: string; basemap?: string }): Document {
  const block = (id: string, text: string | undefined) => {
    if (text === undefined) return;
    const el = document.createElement('script');
    el.type = 'application/json';
    el.id = id;
    el.textContent = text;
    document.body.append(el);
  };
  document.body.replaceChildren();
  block('frontline-page', blocks.meta);
  block('frontline-basemap', blocks.basemap ?? 'null');
  block('frontline-data', blocks.data);
  return document;
}

const escaped = (bytes: Uint8Array) => new TextDecoder().decode(escapeJsonForScript(bytes));
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

function pageOf(bytes: Uint8Array): EmbeddedPage {
  const read = readEmbeddedPage(documentWith({ meta: JSON.stringify(META), data: escaped(bytes) }));
  if (!read.ok) throw new Error(read.message);
  return read.page;
}

describe('reading the page', () => {
  it('reads the blocks the writer filled in, then drops the dataset text from the document', () => {
    const page = pageOf(BUNDLED);
    expect(page.meta).toEqual(META);
    expect(new TextDecoder().decode(page.dataset)).toBe(new TextDecoder().decode(BUNDLED));
    expect(page.basemap).toBeUndefined();
    expect(document.getElementById('frontline-data')).toBeNull();
  });

  it('says what is wrong with the template itself, a page with no data, or a damaged description', () => {
    const message = (blocks: Parameters<typeof documentWith>[0]) => {
      const r = readEmbeddedPage(documentWith(blocks));
      return r.ok ? '' : r.message;
    };
    expect(message({ meta: 'null', data: 'null' })).toContain('the template of Frontline’s interactive page');
    expect(message({})).toBe('This page holds no Frontline data.');
    expect(message({ meta: '{"format": 1}', data: '{}' })).toContain('its description cannot be read');
    expect(message({ meta: '{', data: '{}' })).toContain('its description cannot be read');
  });
});

describe('the page API', () => {
  const opened: string[] = [];
  const api: FrontlineApi = createPageApi(pageOf(BUNDLED), (url) => opened.push(url));

  it('answers getDataset with the columns main would send, and each event as main reads it', async () => {
    const payload = value(await api.getDataset());
    const main = loadDatasetBytes(new Uint8Array(BUNDLED), 'story.frontline');
    if (!main.ok) throw new Error('the bundled dataset did not load');
    expect(payload.columns.count).toBe(main.loaded.columns.count);
    expect(Array.from(payload.columns.start)).toEqual(Array.from(main.loaded.columns.start));
    expect(payload.header.metadata).toEqual(main.loaded.header.metadata);
    expect(payload.file).toEqual({ path: '', displayName: 'story.frontline', bundled: true, bytes: BUNDLED.byteLength, format: 'native', fromCache: false });
    const first = value(await api.getEvent(payload.columns.sourceIndex[0]!));
    expect(first.citations[0]?.quote?.length).toBeGreaterThan(0);
    expect((await api.getEvent(999)).ok).toBe(false);
  });

  it('is read-only: opening, saving, exporting and the presenter view say they are not available here', async () => {
    const refusals = await Promise.all([
      api.openFileDialog(),
      api.openRecent('/x'),
      api.reloadFile(),
      api.saveAs('csv', null),
      api.saveStories([]),
      api.exportPage({ indices: null }),
      api.addLocalCopy('bbc-2017-11-03'),
      api.openPresenterView(),
      api.openControlLayer()
    ]);
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/is not available in this page: it is a read-only copy/);
    }
    expect(value(await api.takeMainOpen())).toEqual({ kind: 'dismissed' });
    expect(value(await api.getRecentFiles())).toEqual([]);
    const copy = await api.checkLocalCopy('bbc-2017-11-03');
    expect(!copy.ok && copy.error.message).toContain('not in this page');
  });

  it("opens a source's http(s) address in a new tab, and refuses any other", async () => {
    const hostile = createPageApi(pageOf(HOSTILE), (url) => opened.push(url));
    await hostile.getDataset();
    opened.length = 0;
    expect((await hostile.openSourceUrl('evil')).ok).toBe(false);
    expect(value(await hostile.openSourceUrl('ok'))).toEqual({ url: 'https://example.org/story' });
    expect(opened).toEqual(['https://example.org/story']);
  });

  it('remembers the map layout for as long as the page is open, and has no map without a basemap', async () => {
    const saved = value(await api.saveMapLayout({ open: true, placement: 'below', size: 0.5 }));
    expect(value(await api.getMapLayout())).toEqual(saved);
    expect((await api.getBasemap('110m')).ok).toBe(false);
  });

  it('says why when the dataset in it does not load', async () => {
    const broken = createPageApi(pageOf(new TextEncoder().encode('{"format": "frontline-dataset", "version": 1}')), () => {});
    const r = await broken.getDataset();
    expect(!r.ok && r.error.message).toBe('The dataset in this page (story.frontline) could not be opened.');
    expect(!r.ok && r.error.problems?.length).toBeGreaterThan(0);
    const none = await createPageApi('This page holds no Frontline data.', () => {}).getDataset();
    expect(!none.ok && none.error.message).toBe('This page holds no Frontline data.');
  });
});
