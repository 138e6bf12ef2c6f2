// Vector PDF from exported SVGs: pdfkit writes the document, svg-to-pdfkit draws each SVG on its
// page as PDF paths and real text (selectable, searchable), in the fonts shipped in
// resources/fonts, embedded as subsets. One SVG per page; render each page's SVG at the page's
// size in points (PAGE_SIZES), e.g. with splitWindow for a long range over several pages.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { AppLocation } from '../dataset/bundledDataset';
import { svgSize } from './rasterise';
import { FONT_FILES, fontsDir } from './fonts';
import { join } from 'node:path';

export const PAGE_SIZE_NAMES = ['a4', 'letter', 'slide'] as const;
export type PageSizeName = (typeof PAGE_SIZE_NAMES)[number];

/** Landscape pages in PostScript points (1/72 in). */
export const PAGE_SIZES: Readonly<Record<PageSizeName, { readonly width: number; readonly height: number; readonly label: string }>> = {
  a4: { width: 841.89, height: 595.28, label: 'A4 landscape' },
  letter: { width: 792, height: 612, label: 'US Letter landscape' },
  // 16:9 slide, 13.333 × 7.5 in (the size presentation software uses for widescreen).
  slide: { width: 960, height: 540, label: '16:9 slide' }
};

export function isPageSizeName(value: unknown): value is PageSizeName {
  return typeof value === 'string' && (PAGE_SIZE_NAMES as readonly string[]).includes(value);
}

export interface PdfOptions {
  /** Document title (the PDF's metadata). */
  readonly title?: string;
  readonly subject?: string;
  /** Where the app runs from (to find the fonts in a packaged app). */
  readonly location?: AppLocation;
  /** Called after each page is drawn, for progress. */
  readonly onPage?: (done: number, total: number) => void;
}

/** pdfkit's names for the embedded fonts. */
const FONT_NAME = (family: string, weight: number) => `${family.replace(/\s+/g, '')}-${weight}`;

/**
 * Which embedded font draws text of this SVG font-family list: the first family we ship, or
 * IBM Plex Sans. svg-to-pdfkit calls this for every <text> and <tspan>.
 */
export function pickFont(familyList: string, bold: boolean): string {
  const families = familyList.split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, ''));
  const shipped = new Set(FONT_FILES.map((f) => f.family));
  const family = families.find((f) => shipped.has(f)) ?? 'IBM Plex Sans';
  return FONT_NAME(family, bold ? 600 : 400);
}

interface ShapingFont {
  encode(text: string, features?: unknown): [string[], unknown[]];
}

/**
 * pdfkit shapes text word by word (for its cache), which puts the words of a right-to-left run in
 * the wrong order and its spaces at the wrong end. Passing an (empty) feature list makes it shape
 * the whole run at once: fontkit then joins the Arabic letters and lays the run out right to left.
 */
function shapeWholeRuns(doc: PDFKit.PDFDocument, fontName: string): void {
  doc.font(fontName);
  const font = (doc as unknown as { _font: ShapingFont })._font;
  const encode = font.encode.bind(font);
  font.encode = (text, features) => encode(text, features ?? []);
}

/**
 * The SVG as svg-to-pdfkit should see it. It anchors a text chunk that begins with a
 * `direction="rtl"` span at its right end, which would shift a label that starts with Arabic off
 * its box; the PDF gets its right-to-left order from the shaping (shapeWholeRuns) instead.
 * Dataset text cannot contain this attribute: it is escaped (quotes become &quot;).
 */
export function svgForPdf(svg: string): string {
  return svg.replace(/ direction="rtl"/g, '');
}

/** A PDF with one page per SVG. Each SVG's own size (its width and height, in pt) is its page size. */
export async function svgPagesToPdf(pages: readonly string[], options: PdfOptions = {}): Promise<Uint8Array> {
  if (pages.length === 0) throw new Error('A PDF needs at least one page');
  const dir = fontsDir(options.location);
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    // Our own font from the start: pdfkit then never loads its built-in Helvetica metrics (files a
    // bundled main process would not have).
    font: join(dir, FONT_FILES[0]!.file),
    info: {
      Title: options.title ?? 'Timeline',
      ...(options.subject ? { Subject: options.subject } : {}),
      Creator: 'Frontline',
      Producer: 'Frontline (pdfkit)'
    },
    displayTitle: true,
    lang: 'en'
  });
  for (const f of FONT_FILES) {
    doc.registerFont(FONT_NAME(f.family, f.weight), join(dir, f.file));
    shapeWholeRuns(doc, FONT_NAME(f.family, f.weight));
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const warnings: string[] = [];
  for (let k = 0; k < pages.length; k++) {
    const svg = pages[k]!;
    const size = svgSize(svg);
    doc.addPage({ size: [size.width, size.height], margin: 0 });
    // The typings take the class for the instance.
    SVGtoPDF(doc as unknown as typeof PDFDocument, svgForPdf(svg), 0, 0, {
      width: size.width,
      height: size.height,
      assumePt: true,
      fontCallback: (family: string, bold: boolean) => pickFont(family, bold),
      warningCallback: (message: string) => warnings.push(message)
    });
    options.onPage?.(k + 1, pages.length);
    // Let other work run between pages of a long document.
    await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  return done;
}
