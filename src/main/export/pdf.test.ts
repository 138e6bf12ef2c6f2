import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTimelineSvg, splitWindow } from '../../shared/render/timelineSvg';
import { PAGE_SIZES, pickFont, svgForPdf, svgPagesToPdf } from './pdf';
import { BUNDLED_PATH, hasPoppler, HOSTILE_PATH, openForTest, writeArabicVariant, YEAR_2017 } from './testData';

const SLOW = 60_000;
const poppler = hasPoppler();
/** The PDF tests read the text back with poppler-utils: without it they fail, never skip. */
const POPPLER_MISSING = 'pdftotext and pdfinfo (poppler-utils) are needed to test the PDF export: install them (Debian/Ubuntu: apt-get install poppler-utils; .ci/run does)';
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-pdf-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let written = 0;

/** The PDF's text as pdftotext extracts it, and its page count as pdfinfo reads it. */
async function extract(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  if (!poppler) throw new Error(POPPLER_MISSING);
  const path = join(tmp, `t-${++written}.pdf`);
  await writeFile(path, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

function pageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

describe('svgPagesToPdf', () => {
  it('can read PDFs back: poppler-utils is installed', () => {
    expect(poppler, POPPLER_MISSING).toBe(true);
  });

  it('picks the shipped font for a font-family list', () => {
    expect(pickFont("'IBM Plex Sans', 'IBM Plex Sans Arabic', sans-serif", false)).toBe('IBMPlexSans-400');
    expect(pickFont("'IBM Plex Sans Arabic', 'Noto Sans Arabic', 'IBM Plex Sans'", true)).toBe('IBMPlexSansArabic-600');
    expect(pickFont('serif', false)).toBe('IBMPlexSans-400');
  });

  it('lets the shaping, not svg-to-pdfkit, order right-to-left runs', () => {
    expect(svgForPdf('<tspan direction="rtl" unicode-bidi="isolate">دير</tspan>')).toBe('<tspan unicode-bidi="isolate">دير</tspan>');
    // Dataset text cannot forge the attribute: its quotes are escaped.
    expect(svgForPdf('<text>x direction=&quot;rtl&quot;</text>')).toBe('<text>x direction=&quot;rtl&quot;</text>');
  });

  it(
    'writes one landscape page per SVG, in A4, Letter and 16:9 slide sizes, with the fonts embedded',
    async () => {
      const { header, columns } = await openForTest(BUNDLED_PATH);
      for (const size of ['a4', 'letter', 'slide'] as const) {
        const page = PAGE_SIZES[size];
        const windows = splitWindow(YEAR_2017, 3);
        const svgs = windows.map((window) => renderTimelineSvg({ header, columns, window, width: page.width, height: page.height, theme: 'print' }).svg);
        const pdf = await svgPagesToPdf(svgs, { title: 'Test' });
        expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
        expect(pageCount(pdf)).toBe(3);
        const raw = Buffer.from(pdf).toString('latin1');
        // The picture is laid out in whole points.
        expect(raw).toContain(`/MediaBox [0 0 ${Math.round(page.width)} ${Math.round(page.height)}]`);
        expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+IBMPlexSans-Regular/);
        expect(raw).toContain('/FontFile2');
        expect(page.width).toBeGreaterThan(page.height);
      }
      expect(PAGE_SIZES.slide.width / PAGE_SIZES.slide.height).toBeCloseTo(16 / 9, 3);
    },
    SLOW
  );

  it(
    'has selectable text: event titles, figures and sources extract (pdftotext), Arabic shaped and in reading order',
    async () => {
      const path = join(tmp, 'arabic.frontline');
      await writeArabicVariant(path);
      const { header, columns } = await openForTest(path);
      const page = PAGE_SIZES.a4;
      const svg = renderTimelineSvg({ header, columns, window: YEAR_2017, width: page.width, height: page.height }).svg;
      const pdf = await svgPagesToPdf([svg]);
      const { text, pages } = await extract(pdf);
      expect(pages).toBe(1);
      expect(text).toContain('Syrian army says it has taken Deir al-Zour');
      expect(text).toContain('some 350,000 displaced');
      expect(text).toContain('IS loses Deir al-Zour and al-Qaim');
      expect(text).toContain('BBC News');
      // Arabic: pdftotext gives the logical order back only when the glyphs are in right-to-left visual order.
      expect(text).toContain('دير الزور');
      // Several pages when asked.
      const windows = splitWindow(YEAR_2017, 4);
      const paged = await svgPagesToPdf(windows.map((window) => renderTimelineSvg({ header, columns, window, width: page.width, height: page.height }).svg));
      expect((await extract(paged)).pages).toBe(4);
    },
    SLOW
  );

  it(
    'a hostile title extracts literally',
    async () => {
      const { header, columns } = await openForTest(HOSTILE_PATH);
      // Wide enough that the hostile event's label is whole (a label fitting on neither side of its mark is cut).
      const svg = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 2400, labels: { title: '<script>alert(1)</script>' } }).svg;
      const pdf = await svgPagesToPdf([svg], { title: '<script>alert(1)</script>' });
      const { text } = await extract(pdf);
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('<img src=x onerror="window.__pwned=1"> captured');
    },
    SLOW
  );
});
