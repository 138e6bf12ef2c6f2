// The exported picture's time axis: grid lines, minor and major tick labels, and the edge markers
// that count the events lying outside the window drawn ("← 2 earlier events", "3 later events →").
import { num, plural, svgText } from './svgPrimitives';
import { textWidth } from './text';
import type { Theme } from './themes';
import type { axisTicks } from './timeAxis';

export interface AxisGeometry {
  readonly ticks: ReturnType<typeof axisTicks>;
  readonly xOf: (t: number) => number;
  readonly margin: number;
  readonly contentW: number;
  readonly plotX0: number;
  readonly plotX1: number;
  readonly axisY: number;
  readonly axisH: number;
  readonly axisFs: number;
  /** Where the grid lines end. */
  readonly plotBottom: number;
}

export function drawAxis(g: AxisGeometry, theme: Theme): string[] {
  const { ticks, xOf, plotX0, plotX1, axisY, axisH, axisFs } = g;
  const sw = theme.stroke;
  const out: string[] = [`<g class="axis" data-plot="${num(plotX0)} ${num(plotX1)}">`];
  out.push(`<rect x="${num(g.margin)}" y="${num(axisY)}" width="${num(g.contentW)}" height="${num(axisH)}" fill="${theme.surface}"/>`);
  for (const t of ticks.minor) {
    const x = xOf(t.t);
    if (x < plotX0 - 0.5) continue;
    out.push(`<line x1="${num(x)}" y1="${num(axisY + axisH * 0.55)}" x2="${num(x)}" y2="${num(g.plotBottom)}" stroke="${theme.gridMinor}" stroke-width="${num(sw)}"/>`);
  }
  for (const t of ticks.major) {
    const x = xOf(t.t);
    if (x < plotX0 - 0.5) continue;
    out.push(`<line x1="${num(x)}" y1="${num(axisY)}" x2="${num(x)}" y2="${num(g.plotBottom)}" stroke="${theme.gridMajor}" stroke-width="${num(sw)}"/>`);
  }
  // Minor labels just right of their tick, when the whole label fits before the plot's end.
  for (const t of ticks.minor) {
    const x = xOf(t.t);
    if (x < plotX0 - 0.5) continue;
    if (x + axisFs * 0.3 + textWidth(t.label, axisFs) > plotX1) continue;
    out.push(svgText(x + axisFs * 0.3, axisY + axisH * 0.86, t.label, { size: axisFs, fill: theme.muted }));
  }
  // Major labels; the first sticks to the plot's left edge when its tick lies before the window.
  ticks.major.forEach((t, k) => {
    const x = Math.max(plotX0, xOf(t.t));
    const w = textWidth(t.label, axisFs, true);
    const next = ticks.major[k + 1];
    if (next && x + w + axisFs > xOf(next.t)) return;
    if (x + axisFs * 0.3 + w > plotX1) return;
    out.push(svgText(x + axisFs * 0.3, axisY + axisH * 0.4, t.label, { size: axisFs, fill: theme.text, weight: 600 }));
  });
  out.push(`</g>`);
  return out;
}

/** Height of the strip above the axis that holds the edge markers (0 when nothing lies outside). */
export function edgeStripH(before: number, after: number, fs: number): number {
  return before + after > 0 ? fs * 1.45 : 0;
}

export const earlierText = (n: number): string => `← ${plural(n, 'earlier event')}`;
export const laterText = (n: number): string => `${plural(n, 'later event')} →`;

/** "← 2 earlier events" at the plot's left edge, "3 later events →" at its right, above the axis. */
export function drawEdgeMarkers(before: number, after: number, plotX0: number, plotX1: number, y: number, fs: number, theme: Theme): string[] {
  const size = fs * 0.8;
  const out: string[] = [];
  if (before > 0) out.push(svgText(plotX0 + fs * 0.3, y + size * 1.1, earlierText(before), { size, fill: theme.muted, weight: 600 }, ' class="edge-marker" data-edge="before"'));
  if (after > 0) out.push(svgText(plotX1 - fs * 0.3, y + size * 1.1, laterText(after), { size, fill: theme.muted, weight: 600, anchor: 'end' }, ' class="edge-marker" data-edge="after"'));
  return out;
}
