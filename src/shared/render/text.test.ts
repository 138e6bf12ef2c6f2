import { describe, expect, it } from 'vitest';
import { bidiRuns, escapeXml, fitText, hasRtl, textWidth, wrapText } from './text';

describe('escapeXml', () => {
  it('escapes markup characters and quotes', () => {
    expect(escapeXml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;');
  });
  it('drops characters XML 1.0 cannot hold, keeps tab, newline and every other character', () => {
    expect(escapeXml('a\u0000b\u0007c\u001fd\tE\nF\uffffG')).toBe('abcd\tE\nFG');
    expect(escapeXml('دير الزور 😀')).toBe('دير الزور 😀');
    expect(escapeXml('lone \ud800 surrogate')).toBe('lone  surrogate');
  });
});

describe('textWidth', () => {
  it('measures with the export font: wider letters, bold, size', () => {
    expect(textWidth('WWW', 10)).toBeGreaterThan(textWidth('iii', 10));
    expect(textWidth('Deir al-Zour', 20)).toBeCloseTo(2 * textWidth('Deir al-Zour', 10), 5);
    expect(textWidth('Deir al-Zour', 10, true)).toBeGreaterThan(textWidth('Deir al-Zour', 10));
    // Within a few percent of the shaped width (IBM Plex Sans, measured: 18,478 units at 1000).
    expect(textWidth('Syrian army says it has taken Deir al-Zour', 1000)).toBeGreaterThan(18_478 * 0.97);
    expect(textWidth('Syrian army says it has taken Deir al-Zour', 1000)).toBeLessThan(18_478 * 1.03);
    // Arabic joined (shaped: 2,808 units).
    expect(textWidth('دير الزور', 1000)).toBeGreaterThan(2808 * 0.85);
    expect(textWidth('دير الزور', 1000)).toBeLessThan(2808 * 1.15);
    expect(textWidth('中文', 10)).toBe(20);
  });
});

describe('fitText and wrapText', () => {
  it('cuts with an ellipsis only when needed', () => {
    expect(fitText('short', 10, 1000)).toBe('short');
    const cut = fitText('a rather long title that will not fit', 10, 80);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(80);
  });
  it('wraps at spaces within the width', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 10, 100);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe('one two three four five six seven eight nine ten');
  });
});

describe('bidiRuns', () => {
  it('keeps left-to-right text whole', () => {
    expect(bidiRuns('Deir al-Zour')).toEqual([{ text: 'Deir al-Zour', rtl: false }]);
    expect(bidiRuns('')).toEqual([]);
    expect(hasRtl('Deir al-Zour')).toBe(false);
  });
  it('makes Arabic words with the spaces between them one right-to-left run, digits and Latin apart', () => {
    expect(bidiRuns('دير الزور')).toEqual([{ text: 'دير الزور', rtl: true }]);
    expect(bidiRuns('Civilians flee دير الزور province')).toEqual([
      { text: 'Civilians flee ', rtl: false },
      { text: 'دير الزور', rtl: true },
      { text: ' province', rtl: false }
    ]);
    expect(bidiRuns('دير الزور 2017')).toEqual([
      { text: 'دير الزور', rtl: true },
      { text: ' 2017', rtl: false }
    ]);
    expect(bidiRuns('(دير الزور)')).toEqual([
      { text: '(', rtl: false },
      { text: 'دير الزور', rtl: true },
      { text: ')', rtl: false }
    ]);
  });
});
