// The exported picture's footer: its sources (publisher, title, date), wrapped to at most four
// lines, and the credit at the right.
import { svgText } from './svgPrimitives';
import { fitText, textWidth, wrapText } from './text';
import type { Theme } from './themes';

const CREDIT = 'Made with Frontline';
const MAX_LINES = 4;

export interface FooterLayout {
  readonly height: number;
  draw(x: number, top: number, right: number, theme: Theme): string[];
}

export function layoutFooter(sources: readonly string[], fs: number, contentW: number): FooterLayout {
  const footFs = fs * 0.78;
  const lineH = footFs * 1.4;
  const text = sources.length > 0 ? `${sources.length === 1 ? 'Source' : 'Sources'}: ${sources.join('; ')}` : '';
  const room = contentW - textWidth(CREDIT, footFs) - fs * 2;
  let lines = text ? wrapText(text, footFs, room) : [];
  if (lines.length > MAX_LINES) {
    lines = lines.slice(0, MAX_LINES);
    lines[MAX_LINES - 1] = fitText(`${lines[MAX_LINES - 1]} …`, footFs, room);
  }
  return {
    height: Math.max(1, lines.length) * lineH + fs * 0.6,
    draw(x, top, right, theme) {
      const out = lines.map((line, k) => svgText(x, top + footFs + k * lineH, line, { size: footFs, fill: theme.muted }));
      out.push(svgText(right, top + footFs, CREDIT, { size: footFs, fill: theme.faint, anchor: 'end' }));
      return out;
    }
  };
}
