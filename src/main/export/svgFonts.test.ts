// An SVG file carries subsets of the fonts it uses, as inline data: each face it draws text in
// (family and weight, as inherited), cut down to the characters it draws, Arabic still joining;
// and the safety check accepts that stylesheet and no other.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFaceRule, isFontFaceOnly } from '../../shared/render/fontFace';
import { checkSvg } from '../../shared/render/svgCheck';
import { renderTimelineSvg } from '../../shared/render/timelineSvg';
import { FONT_FAMILY, FONT_FAMILY_ARABIC } from '../../shared/render/themes';
import { renderExport } from './exportImage';
import { fontsDir } from './fonts';
import { embedFonts, fontUsage } from './svgFonts';
import { BUNDLED_PATH, openForTest, YEAR_2017 } from './testData';

interface FontkitFont {
  readonly characterSet: number[];
  glyphForCodePoint(cp: number): { id: number };
  layout(text: string): { glyphs: { id: number }[] };
}
// fontkit comes with pdfkit (the PDF writer); here it reads the subsets back as a font reader would.
const fontkit = createRequire(import.meta.url)('fontkit') as { create(buffer: Buffer): FontkitFont };

/** The embedded faces: family, weight and the font itself. */
function embedded(svg: string): { family: string; weight: number; bytes: Buffer }[] {
  return [...svg.matchAll(/@font-face\{font-family:'([^']+)';font-weight:(\d+);font-style:normal;src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => ({
    family: m[1]!,
    weight: Number(m[2]),
    bytes: Buffer.from(m[3]!, 'base64')
  }));
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" font-family="${FONT_FAMILY}">
<text x="0" y="20" font-size="12">Deir</text>
<g font-weight="600"><text x="0" y="40" font-size="12">Raqqa <tspan x="60" font-family="${FONT_FAMILY_ARABIC}" font-weight="600">دير الزور</tspan></text></g>
<title>Never drawn: Qzx</title>
</svg>`;

describe('fontUsage', () => {
  it('reads which face draws which characters, with font-family and font-weight inherited', () => {
    const usage = fontUsage(SVG);
    const chars = (file: string) => [...(usage.get(file)?.chars ?? [])].sort().join('');
    expect([...usage.keys()].sort()).toEqual(['IBMPlexSansArabic_600SemiBold.ttf', 'IBMPlexSans_400Regular.ttf', 'IBMPlexSans_600SemiBold.ttf']);
    expect(chars('IBMPlexSans_400Regular.ttf')).toBe([...'Deir'].sort().join(''));
    expect(chars('IBMPlexSans_600SemiBold.ttf')).toBe([...new Set('Raqqa ')].sort().join(''));
    expect(chars('IBMPlexSansArabic_600SemiBold.ttf')).toBe([...new Set('دير الزور')].sort().join(''));
  });
});

describe('embedFonts', () => {
  it('embeds a subset of each face used, holding exactly its characters; Arabic still joins', async () => {
    const { svg, faces } = await embedFonts(SVG);
    expect(checkSvg(svg).problems).toEqual([]);
    const fonts = embedded(svg);
    expect(fonts.map((f) => `${f.family} ${f.weight}`)).toEqual(['IBM Plex Sans 400', 'IBM Plex Sans 600', 'IBM Plex Sans Arabic 600']);
    expect(faces.map((f) => f.characters)).toEqual([4, new Set('Raqqa ').size, new Set('دير الزور').size]);
    const regular = fontkit.create(fonts[0]!.bytes);
    for (const ch of 'Deir') expect(regular.characterSet).toContain(ch.codePointAt(0));
    // Only what is drawn: not the title's letters, nor the semibold's.
    for (const ch of 'QzxR') expect(regular.characterSet).not.toContain(ch.codePointAt(0));
    // A subset is a small part of the font it comes from.
    const whole = readFileSync(join(fontsDir(), 'IBMPlexSans_400Regular.ttf'));
    expect(fonts[0]!.bytes.length).toBeLessThan(whole.length / 5);
    // The Arabic subset shapes: the joined word uses other glyphs than its letters alone (GSUB kept).
    const arabic = fontkit.create(fonts[2]!.bytes);
    const shaped = arabic.layout('دير').glyphs.map((g) => g.id);
    const isolated = [...'دير'].map((ch) => arabic.glyphForCodePoint(ch.codePointAt(0)!).id);
    expect(shaped.sort()).not.toEqual(isolated.sort());
  });

  it('makes the SVG file of the bundled timeline carry its fonts (size noted), and pass the safety check', async () => {
    const { header, columns } = await openForTest(BUNDLED_PATH);
    const plain = renderTimelineSvg({ header, columns, window: YEAR_2017, width: 1920 }).svg;
    const rendered = await renderExport({ header, columns, window: YEAR_2017, format: 'svg', width: 1920 });
    const file = new TextDecoder().decode(rendered.bytes);
    expect(checkSvg(file).problems).toEqual([]);
    expect(embedded(file).map((f) => `${f.family} ${f.weight}`)).toEqual(['IBM Plex Sans 400', 'IBM Plex Sans 600']);
    // About 33 KB of drawing; the fonts add about 40 KB, well under the 300 KB of the whole fonts.
    expect(file.length - plain.length).toBeLessThan(80_000);
  });
});

describe('svgCheck and stylesheets', () => {
  it('accepts embedded @font-face data, and nothing else in a <style>', () => {
    const rule = fontFaceRule('IBM Plex Sans', 400, 'AAEAAAAL');
    expect(isFontFaceOnly(rule)).toBe(true);
    expect(isFontFaceOnly(`${rule}\n${rule}`)).toBe(true);
    const wrap = (css: string) => `<svg xmlns="http://www.w3.org/2000/svg"><style>${css}</style></svg>`;
    expect(checkSvg(wrap(rule)).ok).toBe(true);
    for (const bad of [
      `@import url(https://example.com/x.css);`,
      `@font-face{font-family:'X';font-weight:400;font-style:normal;src:url(https://example.com/x.ttf) format('truetype')}`,
      `${rule} text{display:none}`,
      `text{fill:url(https://example.com/x)}`,
      rule.replace('data:font/ttf', 'data:text/html')
    ]) {
      expect(isFontFaceOnly(bad), bad).toBe(false);
      expect(checkSvg(wrap(bad)).ok, bad).toBe(false);
    }
    expect(checkSvg(`<svg xmlns="http://www.w3.org/2000/svg"><style media="x">${rule}</style></svg>`).ok).toBe(false);
  });
});
