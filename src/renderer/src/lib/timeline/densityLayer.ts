// A lane too dense to label shows density: counts per calendar bin over the fed window, drawn on
// a canvas in a background item; events dated only to a window of possible dates are spread over
// it (density.ts), drawn paler on top of each bar, and counted apart in the tooltip and the lane
// label. The canvas fills its item's width (so it covers its dates at any size) and is drawn at
// the screen's pixel ratio of the moment; a resize or a new ratio draws it again.
import { EVENT_TYPE_STYLES } from '../../../../shared/dataset/eventTypes';
import { binEdges, binUnitFor, describeBin, describeUncertainty, formatCount, laneDensity, shownCounts, type BinUnit, type LaneDensity } from '../../../../shared/timeline/density';
import { lowerBound, type EventIndex } from '../../../../shared/timeline/eventIndex';
import type { TimeRange } from '../view/windowMath';

/** A density lane's bins: the counts, and the counts as shown (adding up, see shownCounts). */
export interface DensityBins {
  readonly edges: Float64Array;
  readonly data: LaneDensity;
  readonly shown: { readonly counts: Float64Array; readonly uncertain: Float64Array };
  readonly unit: BinUnit;
  /** What the lane label says is in view: events (spread), how many of them dated loosely, their figures. */
  readonly inView: { readonly count: number; readonly uncertain: number; readonly sum: number };
}

/** Height of the bars' canvas, CSS px. */
const HEIGHT = 56;

/** The bins of each dense lane over the fed window, at a unit of at least 6 px at this zoom. */
export function densityBins(index: EventIndex, lanes: Iterable<number>, fed: TimeRange, view: TimeRange, msPerPx: number): { unit: BinUnit; bins: Map<number, DensityBins> } {
  const unit = binUnitFor(msPerPx, 6);
  const edges = binEdges(fed.start, fed.end, unit);
  const bins = new Map<number, DensityBins>();
  for (const l of lanes) {
    const data = laneDensity(index, l, edges);
    bins.set(l, { edges, data, shown: shownCounts(data), unit, inView: index.datedIn(l, view.start, view.end) });
  }
  return { unit, bins };
}

/** The bar colour of a lane: its type's colour in lanes by type, else one blue. */
export function laneColour(laneId: string): string {
  if (laneId.startsWith('type:')) {
    const type = laneId.slice(5) as keyof typeof EVENT_TYPE_STYLES;
    return EVENT_TYPE_STYLES[type]?.colour ?? '#4a6fa5';
  }
  return '#4a6fa5';
}

/**
 * Draw a lane's bars on `canvas` at `msPerPx` and the screen's pixel ratio. Square-root heights
 * on a scale shared by every lane (`maxCount`): lanes stay comparable, and a bin of 3 events beside
 * a spike of 3,000 is still visible.
 */
export function drawDensity(canvas: HTMLCanvasElement, lane: number, d: DensityBins, msPerPx: number, colour: string, maxCount: number): void {
  const { edges, data, shown } = d;
  const width = Math.max(1, Math.round((edges[edges.length - 1]! - edges[0]!) / msPerPx));
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  canvas.className = 'density';
  // Canvases wider than ~32k pixels fail to allocate; the fed window is three screens, far less.
  canvas.width = Math.min(32_000, Math.round(width * ratio));
  canvas.height = Math.round(HEIGHT * ratio);
  canvas.style.height = `${HEIGHT}px`;
  // What the bars say, for tests: exact totals, and each bin's count as shown.
  canvas.dataset['lane'] = String(lane);
  canvas.dataset['total'] = String(data.total);
  canvas.dataset['uncertain'] = String(data.totalUncertain);
  canvas.dataset['shown'] = shown.counts.join(',');
  canvas.dataset['shownUncertain'] = shown.uncertain.join(',');
  canvas.dataset['from'] = String(edges[0]);
  canvas.dataset['to'] = String(edges[edges.length - 1]);
  canvas.dataset['bins'] = String(data.counts.length);
  canvas.dataset['ratio'] = String(ratio);
  canvas.dataset['widthPx'] = String(width);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(canvas.width / width, 0, 0, ratio, 0, 0);
  const top = 14;
  const usable = HEIGHT - top - 2;
  ctx.font = '600 10px "IBM Plex Sans Variable", sans-serif';
  ctx.textAlign = 'center';
  for (let k = 0; k < data.counts.length; k++) {
    const c = data.counts[k]!;
    if (c <= 0) continue;
    const x0 = (edges[k]! - edges[0]!) / msPerPx;
    const x1 = (edges[k + 1]! - edges[0]!) / msPerPx;
    const h = Math.max(2, Math.sqrt(c / Math.max(1, maxCount)) * usable);
    // Events dated only to a window of possible dates (their shares of this bin): paler, on top.
    const loose = Math.min(h, (data.uncertain[k]! / c) * h);
    ctx.fillStyle = colour;
    ctx.fillRect(x0 + 0.5, HEIGHT - 2 - h + loose, Math.max(1, x1 - x0 - 1), h - loose);
    if (loose > 0) {
      ctx.globalAlpha = 0.4;
      ctx.fillRect(x0 + 0.5, HEIGHT - 2 - h, Math.max(1, x1 - x0 - 1), loose);
      ctx.globalAlpha = 1;
    }
    if (x1 - x0 >= 26) {
      const n = shown.counts[k]!;
      const label = n >= 10_000 ? `${Math.round(n / 1000)}k` : formatCount(n);
      if (ctx.measureText(label).width <= x1 - x0 - 2) {
        ctx.fillStyle = '#1b1d20';
        ctx.fillText(label, (x0 + x1) / 2, HEIGHT - 4 - h);
      }
    }
  }
}

/** The bin holding time t, or -1. */
export function binAt(d: DensityBins, t: number): number {
  const k = lowerBound(d.edges, t + 1) - 1;
  return k >= 0 && k < d.shown.counts.length ? k : -1;
}

/**
 * What a density bin holds, in words: "Week of 30 October 2017: 212 events (38 of them dated only
 * to a week or more; spread over the days they may fall on) · 1,204 killed (…spread likewise).
 * Click to zoom in." Counts as shown (shownCounts), so the bins' add up.
 */
export function densityTooltip(d: DensityBins, k: number, figureLabel: string | undefined): string {
  const { data, shown } = d;
  const count = shown.counts[k]!;
  const uncertain = shown.uncertain[k]!;
  const bin = describeBin(d.edges[k]!, d.unit);
  let text = `${bin.charAt(0).toUpperCase()}${bin.slice(1)}: ${formatCount(count)} event${count === 1 ? '' : 's'}`;
  if (uncertain > 0) text += ` (${formatCount(uncertain)} of them dated only to ${describeUncertainty(data.shortestWindow)}; spread over the days they may fall on)`;
  const sum = data.sums[k] ?? 0;
  if (figureLabel && sum > 0) {
    text += ` · ${Math.round(sum).toLocaleString('en-GB')} ${figureLabel}`;
    if (uncertain > 0 && data.spreadSums) text += ' (the figures of events of uncertain date spread likewise)';
  }
  return `${text}. Click to zoom in.`;
}
