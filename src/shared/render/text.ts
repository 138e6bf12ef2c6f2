// Text for exported images, without a DOM: widths from the export fonts' advance table (so labels
// can be sized and packed), XML escaping of every dataset string, and splitting of a string into
// left-to-right and right-to-left runs so Arabic is shaped and ordered right by every renderer.
import { ADVANCE_REGULAR, ADVANCE_SEMIBOLD } from './fontMetrics';
import { METRIC_RANGES } from './fontMetricRanges';

/** Offset of each range's first code point in the advance tables. */
const RANGE_OFFSETS: readonly number[] = (() => {
  const out: number[] = [];
  let at = 0;
  for (const [from, to] of METRIC_RANGES) {
    out.push(at);
    at += to - from + 1;
  }
  return out;
})();

/** Shaped width of Arabic words over the sum of their letters' isolated widths (IBM Plex Sans Arabic). */
const ARABIC_JOINED = 0.77;

function advance(cp: number, semibold: boolean): number {
  for (let r = 0; r < METRIC_RANGES.length; r++) {
    const [from, to] = METRIC_RANGES[r]!;
    if (cp >= from && cp <= to) {
      const w = (semibold ? ADVANCE_SEMIBOLD : ADVANCE_REGULAR)[RANGE_OFFSETS[r]! + cp - from] ?? 0;
      // Joined Arabic letters are narrower than the isolated forms the table holds (about 3/4, measured).
      if (w > 0) return cp >= 0x620 && cp <= 0x6ff ? w * ARABIC_JOINED : w;
      break;
    }
  }
  // Marks that combine with the letter before them take no room.
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x64b && cp <= 0x65f)) return 0;
  // CJK and other wide scripts take a whole em; anything else an average letter.
  if (cp >= 0x2e80 && cp <= 0xffdc) return 1000;
  return 620;
}

/** Width of `text` set in the export font at `size` px (an estimate within a few percent, no kerning). */
export function textWidth(text: string, size: number, semibold = false): number {
  let units = 0;
  for (const ch of text) units += advance(ch.codePointAt(0)!, semibold);
  return (units * size) / 1000;
}

/** Longest prefix of `text` (cut at a word where possible) that fits `maxWidth`, with an ellipsis when cut. */
export function fitText(text: string, size: number, maxWidth: number, semibold = false): string {
  if (textWidth(text, size, semibold) <= maxWidth) return text;
  const ellipsis = '…';
  const room = maxWidth - textWidth(ellipsis, size, semibold);
  let width = 0;
  let cut = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const w = textWidth(chars[i]!, size, semibold);
    if (width + w > room) break;
    width += w;
    cut = i + 1;
  }
  let head = chars.slice(0, cut).join('');
  const space = head.lastIndexOf(' ');
  if (space > head.length * 0.6) head = head.slice(0, space);
  return `${head.trimEnd()}${ellipsis}`;
}

/** Lines of at most `maxWidth`, broken at spaces (a word longer than a line is cut). */
export function wrapText(text: string, size: number, maxWidth: number, semibold = false): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (textWidth(next, size, semibold) <= maxWidth || line === '') {
      line = textWidth(next, size, semibold) <= maxWidth ? next : fitText(next, size, maxWidth, semibold);
    } else {
      lines.push(line);
      line = textWidth(word, size, semibold) <= maxWidth ? word : fitText(word, size, maxWidth, semibold);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// XML

/**
 * Characters XML 1.0 does not allow at all (controls other than tab, newline, carriage return;
 * lone surrogates; U+FFFE/U+FFFF) are dropped: they cannot be escaped, and would make the file
 * unreadable.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text made safe as XML character data or an attribute value (quoted with "). */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

// ---------------------------------------------------------------------------------------------
// Direction

/** Right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** Letters and digits of a left-to-right script (anything strong that is not RTL). */
const LTR_STRONG = /[A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;

export interface TextRun {
  readonly text: string;
  readonly rtl: boolean;
}

export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/**
 * Split `text` into runs: right-to-left runs hold RTL letters and the spaces and punctuation
 * between them (so "دير الزور" stays one run); everything else, digits included, is
 * left-to-right. Renderers that do no bidi of their own (the PDF writer) draw the runs in this
 * order, each shaped in its own direction; browsers and resvg get each RTL run as an isolated
 * right-to-left span, which gives the same picture.
 */
export function bidiRuns(text: string): TextRun[] {
  if (!RTL.test(text)) return text === '' ? [] : [{ text, rtl: false }];
  const chars = [...text];
  const kind = chars.map((c) => (RTL.test(c) ? 'r' : LTR_STRONG.test(c) ? 'l' : 'n'));
  // A neutral belongs to an RTL run only when RTL letters lie on both sides of it.
  const rtl: boolean[] = new Array<boolean>(chars.length).fill(false);
  let lastStrong: string | undefined;
  for (let i = 0; i < chars.length; i++) {
    if (kind[i] === 'r') rtl[i] = true;
    else if (kind[i] === 'n' && lastStrong === 'r') {
      let j = i;
      while (j < chars.length && kind[j] === 'n') j++;
      if (j < chars.length && kind[j] === 'r') for (let k = i; k < j; k++) rtl[k] = true;
      i = j - 1;
      continue;
    }
    if (kind[i] !== 'n') lastStrong = kind[i];
  }
  const runs: TextRun[] = [];
  let current = '';
  let currentRtl = rtl[0]!;
  for (let i = 0; i < chars.length; i++) {
    if (rtl[i] !== currentRtl && current !== '') {
      runs.push({ text: current, rtl: currentRtl });
      current = '';
    }
    currentRtl = rtl[i]!;
    current += chars[i];
  }
  if (current !== '') runs.push({ text: current, rtl: currentRtl });
  return runs;
}
