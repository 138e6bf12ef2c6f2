import { renderAsync } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { svgText } from '../../shared/render/svgPrimitives';
import { textWidth } from '../../shared/render/text';
import { renderTimelineSvg } from '../../shared/render/timelineSvg';
import { FONT_FAMILY, FONT_FAMILY_ARABIC } from '../../shared/render/themes';
import { fontPaths, fontsDir } from './fonts';
import { resvgOptions, svgSize, svgToPng } from './rasterise';
import { BUNDLED_PATH, HOSTILE_PATH, openForTest, YEAR_2017 } from './testData';

const SLOW = 60_000;

/** Share of pixels that differ from the top-left pixel (the background), and how many colours there are. */
function ink(png: Uint8Array): { width: number; height: number; share: number; colours: number } {
  const img = PNG.sync.read(Buffer.from(png));
  const d = img.data;
  const [r0, g0, b0] = [d[0]!, d[1]!, d[2]!];
  let differ = 0;
  const colours = new Set<number>();
  for (let p = 0; p < d.length; p += 4) {
    if (Math.abs(d[p]! - r0) + Math.abs(d[p + 1]! - g0) + Math.abs(d[p + 2]! - b0) > 30) differ++;
    if (p % 64 === 0) colours.add((d[p]! << 16) | (d[p + 1]! << 8) | d[p + 2]!);
  }
  return { width: img.width, height: img.height, share: differ / (img.width * img.height), colours: colours.size };
}

describe('svgToPng', () => {
  it('finds the shipped fonts', () => {
    expect(fontPaths()).toHaveLength(4);
    expect(fontsDir()).toMatch(/resources[/\\]fonts$/);
    expect(fontsDir({ isPackaged: false, appPath: '/nowhere', resourcesPath: '/nowhere' })).toMatch(/resources[/\\]fonts$/);
  });

  it(
    'renders the bundled 2017 timeline at the size asked, 1x, 2x and 4x, and not blank',
    async () => {
      const { header, columns } = await openForTest(BUNDLED_PATH);
      const { svg } = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1920, height: 1080 });
      expect(svgSize(svg)).toEqual({ width: 1920, height: 1080 });
      const one = await svgToPng(svg);
      expect([one.width, one.height]).toEqual([1920, 1080]);
      const stats = ink(one.png);
      expect([stats.width, stats.height]).toEqual([1920, 1080]);
      expect(stats.share).toBeGreaterThan(0.05);
      expect(stats.colours).toBeGreaterThan(30);
      const two = await svgToPng(svg, { scale: 2 });
      expect([two.width, two.height]).toEqual([3840, 2160]);
      const four = await svgToPng(svg, { scale: 4 });
      expect([four.width, four.height]).toEqual([7680, 4320]);
      expect(ink(four.png).share).toBeGreaterThan(0.05);
      const wide = await svgToPng(svg, { width: 2500 });
      expect(wide.width).toBe(2500);
    },
    SLOW
  );

  it(
    'is the same PNG every time (only the shipped fonts, no system fonts)',
    async () => {
      const { header, columns } = await openForTest(BUNDLED_PATH);
      const { svg } = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 800 });
      const a = await svgToPng(svg);
      const b = await svgToPng(svg);
      expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
      expect(resvgOptions({ mode: 'original' }).font?.loadSystemFonts).toBe(false);
    },
    SLOW
  );

  it(
    'renders a hostile dataset and title without trouble',
    async () => {
      const { header, columns } = await openForTest(HOSTILE_PATH);
      const { svg } = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1000, labels: { title: '<script>alert(1)</script>' } });
      const png = await svgToPng(svg);
      expect(ink(png.png).share).toBeGreaterThan(0.02);
    },
    SLOW
  );

  it(
    'shapes Arabic: the letters join, so "دير الزور" is as wide as the shaped word, not its separate letters or missing-glyph boxes',
    async () => {
      // At 100 px: shaped 281 px (fontkit), letters apart 356 px, boxes about 540 px.
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="700" height="200" viewBox="0 0 700 200"><rect width="700" height="200" fill="#ffffff"/><text x="100" y="130" font-size="100" font-family="${FONT_FAMILY_ARABIC}" fill="#000000"><tspan direction="rtl" unicode-bidi="isolate">دير الزور</tspan></text></svg>`;
      const rendered = await renderAsync(svg, resvgOptions({ mode: 'original' }));
      const px = rendered.pixels;
      let minX = Infinity;
      let maxX = -Infinity;
      for (let y = 0; y < 200; y++) {
        for (let x = 0; x < 700; x++) {
          if (px[(y * 700 + x) * 4]! < 128) {
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
          }
        }
      }
      const width = maxX - minX;
      expect(width).toBeGreaterThan(230);
      expect(width).toBeLessThan(320);
    },
    SLOW
  );

  it('refuses sizes beyond its limits with a plain reason', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080" viewBox="0 0 1920 1080"/>';
    await expect(svgToPng(svg, { scale: 20 })).rejects.toThrow(/too large/);
    await expect(svgToPng(svg, { scale: 0 })).rejects.toThrow(/Invalid scale/);
    await expect(svgToPng('<svg xmlns="http://www.w3.org/2000/svg"/>')).rejects.toThrow(/no width and height/);
  });
});

describe('svgToPng: a title mixing Arabic and Latin', () => {
  /** How dark the strip [x0, x1) of a PNG is: the sum of (255 - grey) over its pixels. */
  function darkness(png: Uint8Array, x0: number, x1: number): number {
    const img = PNG.sync.read(Buffer.from(png));
    let sum = 0;
    for (let y = 0; y < img.height; y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, Math.ceil(x1)); x++) {
        const p = (y * img.width + x) * 4;
        sum += 255 - (img.data[p]! + img.data[p + 1]! + img.data[p + 2]!) / 3;
      }
    }
    return sum;
  }
  const TITLE = 'Deir al-Zour دير الزور 2017';
  const draw = (weight: 400 | 600) =>
    svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="700" height="80" viewBox="0 0 700 80" font-family="${FONT_FAMILY}"><rect width="700" height="80" fill="#fff"/>${svgText(10, 55, TITLE, { size: 40, fill: '#000', weight })}</svg>`);

  it(
    'keeps its Latin runs bold in bold (each run its own font and weight), in logical order',
    async () => {
      const [bold, regular] = await Promise.all([draw(600), draw(400)]);
      // "Deir al-Zour": semibold strokes are markedly darker than regular ones.
      const latin = [10, 10 + textWidth('Deir al-Zour', 40)] as const;
      expect(darkness(bold.png, ...latin) / darkness(regular.png, ...latin)).toBeGreaterThan(1.15);
      // "2017" after the Arabic, bold too: the runs are not reordered (the Arabic stays between them).
      const arabicEnd = 10 + textWidth('Deir al-Zour ', 40, true) + textWidth('دير الزور', 40, true);
      const digits = [arabicEnd + 4, arabicEnd + textWidth(' 2017', 40, true)] as const;
      expect(darkness(bold.png, ...digits) / darkness(regular.png, ...digits)).toBeGreaterThan(1.15);
      expect(darkness(bold.png, ...digits)).toBeGreaterThan(0);
    },
    SLOW
  );
});
