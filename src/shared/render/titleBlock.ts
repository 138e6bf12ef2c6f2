// The exported picture's heading: its title (up to two lines, bold), subtitle (up to two lines) and
// one line saying what is shown (dates, lanes, how many events).
import { svgText } from './svgPrimitives';
import { fitText, wrapText } from './text';
import type { Theme } from './themes';

export interface TitleBlock {
  /** Where the block ends. */
  readonly bottom: number;
  draw(x: number, theme: Theme): string[];
}

export function layoutTitleBlock(title: string, subtitle: string, meta: string, fs: number, contentW: number, top: number): TitleBlock {
  const titleFs = fs * 1.75;
  const subtitleFs = fs * 1.02;
  const metaFs = fs * 0.9;
  const titleLines = wrapText(title, titleFs, contentW, true).slice(0, 2);
  const subtitleLines = subtitle ? wrapText(subtitle, subtitleFs, contentW).slice(0, 2) : [];
  let y = top;
  const titleYs = titleLines.map((_, k) => y + titleFs * (0.95 + 1.22 * k));
  y += titleFs * (0.95 + 1.22 * (titleLines.length - 1)) + titleFs * 0.4;
  const subtitleYs = subtitleLines.map((_, k) => y + subtitleFs * (1.0 + 1.3 * k));
  y += subtitleLines.length > 0 ? subtitleFs * (1.0 + 1.3 * (subtitleLines.length - 1)) + subtitleFs * 0.45 : 0;
  const metaY = y + metaFs * 1.05;
  return {
    bottom: metaY + metaFs * 0.9,
    draw(x, theme) {
      const out = titleLines.map((line, k) => svgText(x, titleYs[k]!, line, { size: titleFs, fill: theme.text, weight: 600 }, ' class="title"'));
      subtitleLines.forEach((line, k) => out.push(svgText(x, subtitleYs[k]!, line, { size: subtitleFs, fill: theme.muted })));
      out.push(svgText(x, metaY, fitText(meta, metaFs, contentW), { size: metaFs, fill: theme.muted }));
      return out;
    }
  };
}
