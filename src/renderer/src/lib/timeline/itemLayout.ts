// Where an event's box goes at a given zoom, so that no label overlaps another and none runs past
// the end of the data (vis-timeline stacks boxes by their real width; we decide the width).
//  - overlay: the bar is wide enough to carry the label on top of it;
//  - right:   [bar][label], the box starts at the event's start;
//  - left:    [label][bar], the label ends where the bar begins. Used when a label on the right
//             would run past the last date in the data, so the view need not waste space on it.

export type LabelSide = 'overlay' | 'right' | 'left';

export interface ItemLayout {
  readonly side: LabelSide;
  /** Bar width in px. */
  readonly barPx: number;
  /** Where vis-timeline places the box (ms). */
  readonly boxStart: number;
  /** Where the box ends (ms), for fitting. */
  readonly boxEnd: number;
}

/** Space between bar and label, in px. */
export const LABEL_GAP_PX = 8;
/** A bar carries its label only with this much room to spare. */
const OVERLAY_SLACK_PX = 16;

/** The time extent of an event: [start, end). */
export interface Extent {
  readonly start: number;
  readonly end: number;
}

export function layoutItem(e: Extent, labelPx: number, msPerPx: number, dataEnd: number): ItemLayout {
  const barPx = Math.max(0, (e.end - e.start) / msPerPx);
  if (barPx >= labelPx + OVERLAY_SLACK_PX) {
    return { side: 'overlay', barPx, boxStart: e.start, boxEnd: e.end };
  }
  const rightEnd = e.start + (barPx + LABEL_GAP_PX + labelPx) * msPerPx;
  if (rightEnd <= dataEnd) {
    return { side: 'right', barPx, boxStart: e.start, boxEnd: rightEnd };
  }
  return { side: 'left', barPx, boxStart: e.start - (labelPx + LABEL_GAP_PX) * msPerPx, boxEnd: e.end };
}

/**
 * The window that shows `events` whole, labels included, in `widthPx` pixels. Label sides depend
 * on the zoom, so this iterates to a fixed point.
 */
export function fitWindow<E extends Extent>(
  events: readonly E[],
  labelPx: (e: E) => number,
  widthPx: number,
  dataEnd: number,
  marginPx = 16
): { start: number; end: number } | undefined {
  if (events.length === 0 || widthPx <= 2 * marginPx) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of events) {
    lo = Math.min(lo, e.start);
    hi = Math.max(hi, e.end);
  }
  const minSpan = 86_400_000;
  // A label wider than the view cannot be fitted at any zoom (the window would grow without end):
  // for fitting, labels count as at most 40% of the view, so the widening on both sides converges.
  const maxLabel = 0.4 * (widthPx - 2 * marginPx);
  const labelFor = (e: E) => Math.min(labelPx(e), maxLabel);
  let start = lo;
  let end = Math.max(hi, lo + minSpan);
  // Each round widens the window by what the labels need at the previous zoom; the change shrinks
  // geometrically (by label width / view width), so a dozen rounds settle well under a pixel.
  for (let round = 0; round < 12; round++) {
    const msPerPx = (end - start) / (widthPx - 2 * marginPx);
    let boxLo = lo;
    let boxHi = hi;
    for (const e of events) {
      const layout = layoutItem(e, labelFor(e), msPerPx, dataEnd);
      boxLo = Math.min(boxLo, layout.boxStart);
      boxHi = Math.max(boxHi, layout.boxEnd);
    }
    const settled = Math.abs(boxLo - start) < msPerPx / 2 && Math.abs(Math.max(boxHi, boxLo + minSpan) - end) < msPerPx / 2;
    start = boxLo;
    end = Math.max(boxHi, boxLo + minSpan);
    if (settled) break;
  }
  const pad = ((end - start) / (widthPx - 2 * marginPx)) * marginPx;
  return { start: start - pad, end: end + pad };
}
