// Where a link between two events is drawn over the lanes. A mark has its label on one side (after
// it, or before it near the view's right edge), so a link keeps clear of both ends' labels: it
// leaves its first event's mark from the top or bottom edge (towards the other event's row), at
// the point of the mark nearest the other event in time, and reaches the other mark level with it
// from the side its label is not on (its date line, or its end); several links reaching one mark
// arrive at different heights of it. An end outside the view is the view's edge, level with its
// lane. Pure arithmetic in the lanes' panel's pixels.

/** One end's mark, in the panel's pixels: its horizontal extent and its top and bottom. */
export interface EndBox {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** The side of the mark its label is not on (default left: labels read forward from their mark). */
  readonly free?: 'left' | 'right';
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LinkGeometry {
  readonly start: Point;
  readonly c1: Point;
  readonly c2: Point;
  readonly end: Point;
  /** The curve's middle (where its words go). */
  readonly middle: Point;
  /** The end outside the view, and the edge the curve runs to for it. */
  readonly off?: { readonly end: 'from' | 'to'; readonly side: 'left' | 'right' };
}

/** Kept this far inside the panel's top and bottom, so an end never sits on its edge. */
const EDGE_PAD = 6;
/** How far left of a mark a link turns to reach it level (and from an edge, how far in). */
const APPROACH = 28;
/** Ends closer than this in time are joined by a bracket this wide, to the left of the marks. */
const CLOSE = 60;
const BRACKET = 60;

type Side = 'left' | 'right' | undefined;

function sideOf(b: EndBox, width: number): Side {
  if (b.x1 < 0) return 'left';
  if (b.x0 > width) return 'right';
  return undefined;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const middleY = (b: EndBox) => (b.y0 + b.y1) / 2;

/**
 * The curve from `from` to `to` in a panel `width` × `height`, or undefined when neither end is
 * in view (nothing of it would show). `arrival` (0 to 1): where on the height of `to`'s mark the
 * link arrives (0.5 the middle), so that several links reaching one mark stay apart.
 */
export function geometry(from: EndBox, to: EndBox, width: number, height: number, arrival = 0.5): LinkGeometry | undefined {
  const fromSide = sideOf(from, width);
  const toSide = sideOf(to, width);
  if (fromSide && toSide) return undefined;
  const yIn = (y: number) => clamp(y, EDGE_PAD, Math.max(EDGE_PAD, height - EDGE_PAD));
  const edgeX = (side: 'left' | 'right') => (side === 'left' ? 0 : width);
  const inward = (side: 'left' | 'right') => (side === 'left' ? APPROACH : width - APPROACH);

  let start: Point;
  let c1: Point;
  let end: Point;
  let c2: Point;
  let off: LinkGeometry['off'];
  if (fromSide) {
    start = { x: edgeX(fromSide), y: yIn(middleY(from)) };
    c1 = { x: inward(fromSide), y: start.y };
    off = { end: 'from', side: fromSide };
  } else {
    // Leave the mark at its point nearest the other event in time, from the edge facing its row.
    const a0 = clamp(from.x0, 0, width);
    const a1 = Math.max(a0, clamp(from.x1, 0, width));
    const towards = toSide ? edgeX(toSide) : to.x0;
    const x = clamp(towards, a0 + Math.min(2, (a1 - a0) / 2), a1 - Math.min(2, (a1 - a0) / 2));
    const down = middleY(to) > from.y1;
    start = { x, y: yIn(down ? from.y1 : from.y0) };
    const targetY = toSide ? middleY(to) : to.y0 + arrival * (to.y1 - to.y0);
    const rise = Math.max(14, Math.abs(yIn(targetY) - start.y) * 0.6);
    // Marks close in time (stacked rows of one day): a bracket out to the free side, wide enough to see.
    const close = !toSide && Math.abs(arrivalX(to, width) - x) < CLOSE;
    c1 = { x: close ? x + (BRACKET / 2) * outward(to) : x, y: start.y + (down ? rise : -rise) };
  }
  if (toSide) {
    end = { x: edgeX(toSide), y: yIn(middleY(to)) };
    c2 = { x: inward(toSide), y: end.y };
    off = { end: 'to', side: toSide };
  } else {
    // Reach the mark level with it, from its free side.
    end = { x: arrivalX(to, width), y: yIn(to.y0 + arrival * (to.y1 - to.y0)) };
    c2 = { x: end.x + (Math.abs(end.x - start.x) < CLOSE ? BRACKET : APPROACH) * outward(to), y: end.y };
  }
  const middle = { x: (start.x + 3 * c1.x + 3 * c2.x + end.x) / 8, y: (start.y + 3 * c1.y + 3 * c2.y + end.y) / 8 };
  return off ? { start, c1, c2, end, middle, off } : { start, c1, c2, end, middle };
}

/** Where a link reaches a mark: its date line, or its end when its label is before it. */
function arrivalX(b: EndBox, width: number): number {
  return clamp(b.free === 'right' ? b.x1 : b.x0, 0, width);
}

/** -1 when a link reaches the mark from the left, 1 from the right. */
function outward(b: EndBox): number {
  return b.free === 'right' ? 1 : -1;
}

/** The SVG path of a link's curve. */
export function pathOf(g: LinkGeometry): string {
  const p = (q: Point) => `${q.x.toFixed(1)},${q.y.toFixed(1)}`;
  return `M${p(g.start)} C${p(g.c1)} ${p(g.c2)} ${p(g.end)}`;
}
