// The small pieces every part of the exported picture is written with: numbers, text (split by
// script so each run gets its own font), hatching and the event-type glyphs. Pure string building.
import { EVENT_TYPE_STYLES, type EventType } from '../dataset/eventTypes';
import { GLYPH_PATHS } from './glyphs';
import { bidiRuns, escapeXml, textWidth } from './text';
import { FONT_FAMILY, FONT_FAMILY_ARABIC } from './themes';

/** A coordinate or size, rounded to hundredths (no "-0"). */
export const num = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

export interface TextStyle {
  readonly size: number;
  readonly fill: string;
  readonly weight?: 400 | 600;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly opacity?: number;
}

/**
 * A <text> element. Text of one script is one plain element in the picture's font. Text mixing
 * scripts ("Deir al-Zour دير الزور 2017") is split into runs, each its own text chunk (a <tspan>
 * with its own x) with its own font-family and weight, laid out left to right in logical run
 * order. Why: resvg picks one font for a whole chunk, so a bold Latin run sharing a chunk with
 * Arabic came out in the Arabic font's regular Latin; and per-run chunks put the runs in the same
 * order in browsers, resvg and the PDF writer (each shapes an Arabic run right to left itself).
 * Run positions come from the width table (text.ts), which matches the shipped fonts closely.
 */
export function svgText(x: number, y: number, text: string, style: TextStyle, extra = ''): string {
  const common = `font-size="${num(style.size)}" fill="${style.fill}"${style.opacity !== undefined ? ` fill-opacity="${num(style.opacity)}"` : ''}${extra}`;
  const weightAttr = style.weight === 600 ? ' font-weight="600"' : '';
  const runs = bidiRuns(text);
  if (runs.length <= 1 && !runs[0]?.rtl) {
    const anchor = style.anchor && style.anchor !== 'start' ? ` text-anchor="${style.anchor}"` : '';
    return `<text x="${num(x)}" y="${num(y)}" ${common}${weightAttr}${anchor}>${escapeXml(text)}</text>`;
  }
  const bold = style.weight === 600;
  const widths = runs.map((r) => textWidth(r.text, style.size, bold));
  const total = widths.reduce((a, b) => a + b, 0);
  let at = style.anchor === 'end' ? x - total : style.anchor === 'middle' ? x - total / 2 : x;
  const spans = runs.map((r, k) => {
    const family = r.rtl ? FONT_FAMILY_ARABIC : FONT_FAMILY;
    const span = `<tspan x="${num(at)}" font-family="${family}" font-weight="${bold ? 600 : 400}">${escapeXml(r.text)}</tspan>`;
    at += widths[k]!;
    return span;
  });
  return `<text y="${num(y)}" ${common}>${spans.join('')}</text>`;
}

/** Diagonal hatch lines (135°) filling the rectangle, as one path: no <pattern> needed, so every renderer draws it. */
export function hatchPath(x0: number, y0: number, x1: number, y1: number, spacing: number): string {
  const parts: string[] = [];
  const h = y1 - y0;
  // Lines x + y = c for c from x0 + y0 to x1 + y1, clipped to the rectangle.
  const first = Math.ceil((x0 + y0) / spacing) * spacing;
  for (let c = first; c <= x1 + y1; c += spacing) {
    const ax = Math.max(x0, c - y1);
    const ay = c - ax;
    const bx = Math.min(x1, c - y0);
    const by = c - bx;
    if (bx - ax <= 0.01 || h <= 0) continue;
    parts.push(`M${num(ax)} ${num(ay)}L${num(bx)} ${num(by)}`);
  }
  return parts.join('');
}

/** The event type's glyph, centred on (cx, cy). */
export function glyph(type: EventType, cx: number, cy: number, size: number, colour: string, strokeScale: number): string {
  const g = GLYPH_PATHS[EVENT_TYPE_STYLES[type].shape];
  const s = size / 16;
  const paint = g.hollow ? `fill="none" stroke="${colour}" stroke-width="${num(2 * strokeScale)}"` : `fill="${colour}"`;
  return `<path transform="translate(${num(cx - size / 2)} ${num(cy - size / 2)}) scale(${Math.round(s * 10000) / 10000})" d="${g.d}" ${paint}/>`;
}
