// The default view of a dataset: it frames where the events are, not everything they touch. A long
// background span ("IS held most of Deir al-Zour since 2014") or a far-off context event (1916)
// would squeeze every other event into a sliver; instead the view frames the body of events, their
// labels read forward in the room it leaves, and what lies outside is counted for the edge markers
// and the "show whole range" link. Pure, for the screen and exports alike.

export interface FrameItem {
  /** The event's window, [start, end) in ms: for a point, the window of possible dates. */
  readonly start: number;
  readonly end: number;
  /** A span of time the event lasted (it may run off the frame's edge), not a point. */
  readonly span: boolean;
  /** Label width in px (for the room labels need after their marks). */
  readonly labelPx: number;
}

export interface FrameOptions {
  /** Width of the time axis in px. */
  readonly widthPx: number;
  /** Space between a mark and its label, in px. */
  readonly gapPx?: number;
  /** Margin kept free at both ends, in px. */
  readonly marginPx?: number;
  /** Share of the events the frame is built around (the rest joins when near). */
  readonly core?: number;
  /** Narrowest frame, in ms (dataset dates are days). */
  readonly minSpanMs?: number;
}

export interface Frame {
  readonly start: number;
  readonly end: number;
  /** Events wholly before the frame, and wholly after it. */
  readonly before: number;
  readonly after: number;
}

const DAY = 86_400_000;

/** Where an item stands for choosing the frame: a point's middle; a span's end (its start may run off). */
function anchorOf(item: FrameItem): number {
  return item.span ? item.end - 1 : item.start + (item.end - item.start) / 2;
}

/**
 * The frame of `items` (an empty list: undefined). The densest run of a core share of the events
 * (75%) is found, events near it join (within the run's length, and at least three weeks), and
 * the frame covers their windows (a span: its end) with room for each label after its mark.
 */
export function frameWindow(items: readonly FrameItem[], options: FrameOptions): Frame | undefined {
  if (items.length === 0) return undefined;
  const gap = options.gapPx ?? 8;
  const margin = options.marginPx ?? 16;
  const minSpan = options.minSpanMs ?? 7 * DAY;
  const order = items.map((_, i) => i).sort((a, b) => anchorOf(items[a]!) - anchorOf(items[b]!));
  const t = order.map((i) => anchorOf(items[i]!));
  const n = t.length;
  // The shortest run of ceil(core * n) consecutive anchors.
  const k = Math.max(1, Math.ceil((options.core ?? 0.75) * n));
  let lo = 0;
  for (let i = 1; i + k - 1 < n; i++) if (t[i + k - 1]! - t[i]! < t[lo + k - 1]! - t[lo]!) lo = i;
  let hi = lo + k - 1;
  // Neighbours join while they lie within the run's length (at least three weeks) of it.
  for (;;) {
    const reach = Math.max(t[hi]! - t[lo]!, 21 * DAY);
    if (lo > 0 && t[lo]! - t[lo - 1]! <= reach) lo--;
    else if (hi < n - 1 && t[hi + 1]! - t[hi]! <= reach) hi++;
    else break;
  }
  const chosen = order.slice(lo, hi + 1).map((i) => items[i]!);
  let start = Infinity;
  let end = -Infinity;
  for (const item of chosen) {
    start = Math.min(start, item.span ? Math.max(item.start, t[lo]!) : item.start);
    end = Math.max(end, item.end);
  }
  if (end - start < minSpan) {
    const middle = (start + end) / 2;
    start = middle - minSpan / 2;
    end = middle + minSpan / 2;
  }
  // Room for the labels after their marks: widen the end until the last label fits (labels count
  // as at most 40% of the axis, so this converges), then keep a margin at both ends.
  const usable = Math.max(1, options.widthPx - 2 * margin);
  const maxLabel = 0.4 * usable;
  const dataEnd = end;
  for (let round = 0; round < 12; round++) {
    const msPerPx = (end - start) / usable;
    let need = dataEnd;
    for (const item of chosen) need = Math.max(need, item.end + (gap + Math.min(item.labelPx, maxLabel)) * msPerPx);
    if (need - end < msPerPx / 2) break;
    end = need;
  }
  const pad = ((end - start) / usable) * margin;
  const frame = { start: start - pad, end: end + pad };
  let before = 0;
  let after = 0;
  for (const item of items) {
    if (item.end <= frame.start) before++;
    else if (item.start >= frame.end) after++;
  }
  return { ...frame, before, after };
}
