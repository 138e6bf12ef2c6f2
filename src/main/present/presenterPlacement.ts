// Where the presenter view opens: on a display other than the main (audience) window's when there
// is one, filling its work area; otherwise beside the main window, smaller, on the same display.
// Pure: displays and bounds in, a display choice and bounds out (main passes Electron's screen).

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisplayLike {
  readonly bounds: Rect;
  readonly workArea: Rect;
}

export interface Placement {
  readonly display: 'second' | 'same';
  readonly bounds: Rect;
}

/** The presenter view's size on the main window's display, at most. */
export const SAME_DISPLAY_SIZE = { width: 960, height: 640 } as const;
/** Smallest presenter view. */
export const MIN_SIZE = { width: 640, height: 420 } as const;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function centreDistance(a: Rect, b: Rect): number {
  return Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
}

/** The display the window is on: the one it overlaps most (the nearest when it overlaps none). */
export function displayOf<D extends DisplayLike>(displays: readonly D[], window: Rect): D | undefined {
  let best: D | undefined;
  let bestOverlap = -1;
  let bestDistance = Infinity;
  for (const d of displays) {
    const o = overlap(d.bounds, window);
    const dist = centreDistance(d.bounds, window);
    if (o > bestOverlap || (o === bestOverlap && dist < bestDistance)) {
      best = d;
      bestOverlap = o;
      bestDistance = dist;
    }
  }
  return best;
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

export function presenterPlacement(displays: readonly DisplayLike[], mainBounds: Rect): Placement {
  const home = displayOf(displays, mainBounds);
  if (displays.length > 1 && home) {
    // The largest of the other displays (a laptop with two projectors still gets a screen).
    const others = displays.filter((d) => d !== home).sort((a, b) => b.workArea.width * b.workArea.height - a.workArea.width * a.workArea.height);
    const target = others[0]!;
    return { display: 'second', bounds: { ...target.workArea } };
  }
  const area = home?.workArea ?? { x: mainBounds.x, y: mainBounds.y, width: mainBounds.width, height: mainBounds.height };
  const width = Math.round(clamp(Math.min(SAME_DISPLAY_SIZE.width, area.width * 0.6), Math.min(MIN_SIZE.width, area.width), area.width));
  const height = Math.round(clamp(Math.min(SAME_DISPLAY_SIZE.height, area.height * 0.7), Math.min(MIN_SIZE.height, area.height), area.height));
  // Beside the main window: to its right when that fits in the work area, else to its left, else
  // against the work area's right edge (over the main window's side).
  const right = mainBounds.x + mainBounds.width;
  const left = mainBounds.x - width;
  const x = right + width <= area.x + area.width ? right : left >= area.x ? left : area.x + area.width - width;
  const y = clamp(mainBounds.y, area.y, area.y + area.height - height);
  return { display: 'same', bounds: { x: Math.round(x), y: Math.round(y), width, height } };
}
