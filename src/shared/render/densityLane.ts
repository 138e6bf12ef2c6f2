// A lane too busy to label, drawn as density: bars counting its events per calendar bin, a caption
// naming the bin and the busiest one in a strip of its own above the bars (so no bar ever hides
// it), and the lane's summed figures handed to its header through `laneNote`. Events dated only to
// a window of possible dates are spread over it (density.ts) and drawn paler, on top of each bar.
import { binEdges, binUnitFor, describeBin, describeUncertainty, formatCount as formatShown, laneDensity, shownCounts, type BinUnit } from '../timeline/density';
import { EventIndex } from '../timeline/eventIndex';
import type { LaneModel } from './lanes';
import { formatCount, num, svgText } from './svgPrimitives';
import type { Theme } from './themes';
import type { TimelineImageRequest } from './timelineSvg';

/** Height of the caption strip above the bars, for type size `fs`. */
export const densityCaptionH = (fs: number): number => fs * 1.15;

export function drawDensity(
  req: TimelineImageRequest,
  l: LaneModel,
  xOf: (t: number) => number,
  plotX0: number,
  plotX1: number,
  top: number,
  h: number,
  theme: Theme,
  fs: number,
  laneNote: (text: string) => string
): string[] {
  const cols = req.columns;
  const win = req.window;
  const msPerPx = (win.end - win.start) / Math.max(1, plotX1 - plotX0);
  const unit: BinUnit = binUnitFor(msPerPx, Math.max(4, fs * 0.35));
  const edges = binEdges(win.start, win.end, unit);
  // Only this lane's events in the window: an index over them alone.
  const members = new Uint8Array(cols.count);
  for (const i of l.events) members[i] = 1;
  const laneOf = new Uint16Array(cols.count);
  const index = new EventIndex(cols, { laneOf, laneCount: 1 }, (i) => members[i] === 1);
  const d = laneDensity(index, 0, edges);
  const out: string[] = [];
  // The caption has the top strip; the bars the rest, so the tallest bar ends below the caption.
  const captionH = densityCaptionH(fs);
  const barsTop = top + captionH;
  const barsH = Math.max(1, h - captionH);
  const gap = (edges.length > 2 && xOf(edges[1]!) - xOf(edges[0]!) > 3 ? 1 : 0) * theme.stroke;
  const bars: string[] = [];
  const loose: string[] = [];
  const base = barsTop + barsH;
  for (let k = 0; k < d.counts.length; k++) {
    const n = d.counts[k]!;
    if (n <= 0) continue;
    const x0 = Math.max(plotX0, xOf(edges[k]!));
    const x1 = Math.min(plotX1, xOf(edges[k + 1]!)) - gap;
    if (x1 <= x0) continue;
    const bh = Math.max(1.5, (n / Math.max(1, d.maxCount)) * barsH);
    // The shares of windows of possible dates: the top of the bar, paler.
    const uh = Math.min(bh, (d.uncertain[k]! / n) * bh);
    if (bh - uh > 0) bars.push(`M${num(x0)} ${num(base)}V${num(base - bh + uh)}H${num(x1)}V${num(base)}Z`);
    if (uh > 0) loose.push(`M${num(x0)} ${num(base - bh + uh)}V${num(base - bh)}H${num(x1)}V${num(base - bh + uh)}Z`);
  }
  out.push(`<path class="density" d="${bars.join('')}" fill="${theme.accent}" fill-opacity="0.8"/>`);
  if (loose.length > 0) out.push(`<path class="density-uncertain" d="${loose.join('')}" fill="${theme.accent}" fill-opacity="0.35"/>`);
  out.push(`<line x1="${num(plotX0)}" y1="${num(barsTop + barsH)}" x2="${num(plotX1)}" y2="${num(barsTop + barsH)}" stroke="${theme.borderStrong}" stroke-width="${num(theme.stroke * 0.8)}"/>`);
  const busiest = d.counts.indexOf(d.maxCount);
  const most = d.maxCount > 0 ? `${formatShown(shownCounts(d).counts[busiest]!)}, ${describeBin(edges[busiest]!, unit)}` : '0';
  const paler = d.totalUncertain > 0 ? `; paler: ${formatCount(Math.round(d.totalUncertain))} dated only to ${describeUncertainty(d.shortestWindow)}, spread over the days they may fall on` : '';
  out.push(svgText(plotX0 + fs * 0.4, top + fs * 0.8, `Events per ${unit} (most: ${most})${paler}`, { size: fs * 0.72, fill: theme.muted }, ' class="density-caption"'));
  const unitInfo = req.header.figureUnit;
  if (unitInfo && d.totalSum > 0) out.push(laneNote(`${formatCount(Math.round(d.totalSum))} ${unitInfo.label}`));
  return out;
}
