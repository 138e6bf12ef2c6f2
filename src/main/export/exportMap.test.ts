// Exports with the map (--map, the export request's map field): the SVG holds the basemap, the
// places of the events drawn and the attribution beside the timeline; the PDF's text shows the
// place names and the attribution; the PNG has the picture's size; a missing basemap fails plainly.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBasemaps } from '../../../scripts/build-basemap';
import { checkSvg } from '../../shared/render/svgCheck';
import { exportImage, renderExport } from './exportImage';
import { buildExportRequest } from './exportSession';
import { BUNDLED_PATH, hasPoppler, openForTest, YEAR_2017 } from './testData';
import { BUNDLED_EVENTS_IN_2017 } from '../../../tests/support/bundledDataset';

const SLOW = 120_000;
const ATTRIBUTION = 'Basemap: Natural Earth · GeoNames (CC BY 4.0)';
let tmp: string;

beforeAll(async () => {
  ensureBasemaps();
  tmp = await mkdtemp(join(tmpdir(), 'frontline-export-map-'));
}, SLOW);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The nested <svg> of the map inside an exported picture, and where it sits. */
function mapPart(svg: string): { x: number; y: number; width: number; height: number; body: string } {
  const m = /<svg x="(\d+)" y="(\d+)" xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)"[^>]*class="map"[^>]*>([\s\S]*?)<\/svg>/.exec(svg);
  if (!m) throw new Error('no map in the picture');
  return { x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]), body: m[5]! };
}

describe('export with a map', () => {
  it(
    'SVG: the basemap, the places of the events drawn and the attribution, beside the timeline',
    async () => {
      const { header, columns } = await openForTest(BUNDLED_PATH);
      const rendered = await renderExport({ header, columns, window: YEAR_2017, format: 'svg', width: 1600, map: 'beside' });
      const svg = new TextDecoder().decode(rendered.bytes);
      const report = checkSvg(svg);
      expect(report.problems).toEqual([]);
      const map = mapPart(svg);
      // Beside: the right 38% of the picture, the timeline on the left keeping its labels.
      expect(map.x).toBe(1600 - Math.round(1600 * 0.38));
      expect(rendered.width).toBe(1600);
      expect(rendered.labelled).toBe(BUNDLED_EVENTS_IN_2017);
      for (const layer of ['land', 'rivers', 'borders', 'admin1', 'lakes']) expect(map.body, layer).toMatch(new RegExp(`<path class="${layer}" d="M`));
      // The places of the 2017 events with coordinates, London (far off, one event) named in a note.
      const texts = checkSvg(`<svg xmlns="http://www.w3.org/2000/svg">${map.body}</svg>`).texts;
      for (const name of ['Deir al-Zour دير الزور', 'al-Qaim القائم', 'Albu Kamal البوكمال', 'Raqqa الرقة', 'Mosul الموصل']) expect(texts, name).toContain(name);
      expect(texts).toContain('Not on the map: London (1 event)');
      expect(texts.some((t) => /^Places of the \d+ events shown$/.test(t))).toBe(true);
      expect(texts).toContain(ATTRIBUTION);
      // Exact places as marks, the approximate ones (the province, the border crossing) as soft areas.
      expect(map.body.match(/class="place exact"/g)!.length).toBeGreaterThanOrEqual(5);
      expect(map.body).toMatch(/<g class="place approximate" data-place="\d+" data-radius-km="5">/);
      // The timeline is still all there, and the fonts of both parts are embedded.
      expect(report.texts).toContain('IS loses Deir al-Zour and al-Qaim');
      expect(svg).toMatch(/<style>@font-face/);
    },
    SLOW
  );

  it(
    'SVG above: the map across the top, the timeline under it',
    async () => {
      const { header, columns } = await openForTest(BUNDLED_PATH);
      const rendered = await renderExport({ header, columns, window: YEAR_2017, format: 'svg', width: 1600, height: 1400, map: 'above' });
      const svg = new TextDecoder().decode(rendered.bytes);
      expect(checkSvg(svg).ok).toBe(true);
      const map = mapPart(svg);
      expect(rendered.height).toBe(1400);
      expect(map.y + map.height).toBeLessThanOrEqual(Math.round(1400 * 0.4));
      expect(map.width).toBeGreaterThan(1400);
      const timelineY = Number(/<svg x="0" y="(\d+)" xmlns[^>]*aria-label="IS loses/.exec(svg)![1]);
      expect(timelineY).toBe(Math.round(1400 * 0.4));
    },
    SLOW
  );

  it(
    'PDF: the place names and the attribution are text, on every page, each page framed on its own events',
    async () => {
      // Read back with poppler-utils: without it this fails, never skips.
      if (!hasPoppler()) throw new Error('pdftotext (poppler-utils) is needed to test the PDF export: apt-get install poppler-utils');
      const { header, columns } = await openForTest(BUNDLED_PATH);
      const file = join(tmp, 'map.pdf');
      const result = await exportImage(file, { header, columns, window: YEAR_2017, format: 'pdf', page: 'a4', pages: 2, map: 'beside' });
      expect(result.ok).toBe(true);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Deir al-Zour');
      expect(text).toContain('Albu Kamal');
      expect(text).toContain('Basemap: Natural Earth · GeoNames (CC BY 4.0)');
      const pages = [1, 2].map((k) => execFileSync('pdftotext', ['-f', String(k), '-l', String(k), file, '-'], { encoding: 'utf8' }));
      for (const page of pages) expect(page).toContain('Basemap: Natural Earth');
      // Each page's map is of its own events: London's one event falls on the second page.
      const captions = pages.map((page) => /Places of the (\d+) events? shown/.exec(page)?.[1]);
      expect(captions[0]).toBeDefined();
      expect(captions[1]).toBeDefined();
      expect(captions[0]).not.toBe(captions[1]);
      expect(pages[0]).not.toContain('Not on the map');
      expect(pages[1]).toContain('Not on the map: London (1 event)');
      // The Arabic names are shaped text too (pdftotext gives them back in reading order).
      expect(text).toMatch(/دير الزور/);
    },
    SLOW
  );

  it(
    'PNG: the picture’s size, the map drawn in its place',
    async () => {
      const { header, columns } = await openForTest(BUNDLED_PATH);
      const rendered = await renderExport({ header, columns, window: YEAR_2017, format: 'png', width: 1280, height: 720, map: 'beside' });
      const png = PNG.sync.read(Buffer.from(rendered.bytes));
      expect([png.width, png.height]).toEqual([1280, 720]);
      // The map's water colour (screen theme) shows on the right, never on the left (the timeline).
      const water = [0xdd, 0xe8, 0xf1];
      const isWater = (x: number, y: number) => {
        const at = (y * png.width + x) * 4;
        return water.every((v, k) => Math.abs(png.data[at + k]! - v) <= 2);
      };
      let right = 0;
      let left = 0;
      for (let y = 0; y < 720; y += 4) {
        for (let x = 0; x < 1280; x += 4) {
          if (!isWater(x, y)) continue;
          if (x >= 1280 - Math.round(1280 * 0.38)) right++;
          else left++;
        }
      }
      expect(right).toBeGreaterThan(50);
      expect(left).toBe(0);
    },
    SLOW
  );

  it('passes the dialog’s map choice on to the drawing (File › Export Image)', async () => {
    const { header, columns } = await openForTest(BUNDLED_PATH);
    const base = { format: 'png', what: 'all', laneMode: 'theatre', indices: null, theme: 'screen', width: 1280 } as const;
    const above = buildExportRequest({ header, columns } as Parameters<typeof buildExportRequest>[0], { ...base, map: 'above' });
    expect(above.ok && above.request.map).toBe('above');
    const none = buildExportRequest({ header, columns } as Parameters<typeof buildExportRequest>[0], base);
    expect(none.ok && none.request.map).toBeUndefined();
  });

  it(
    'fails with a plain reason, writing nothing, when the basemap cannot be had',
    async () => {
      const { header, columns } = await openForTest(BUNDLED_PATH);
      const file = join(tmp, 'nomap.svg');
      await writeFile(file, 'old');
      const result = await exportImage(file, { header, columns, window: YEAR_2017, format: 'svg', map: 'beside' }, { loadBasemap: () => Promise.reject(new Error('the offline basemap was not found')) });
      expect(result).toEqual({ ok: false, path: file, message: `${file} could not be written: the offline basemap was not found` });
    },
    SLOW
  );
});
