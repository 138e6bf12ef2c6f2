// Where the map's labels go, so none overlaps another, a mark, or the map's own controls: greedy,
// most important first (places with most events, then the largest cities), each label trying the
// right of its mark, then the left, above and below, as the exported map does (mapSvg.ts). Pure:
// positions and sizes in px in, boxes out; the label layer draws them as DOM text.

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface LabelCandidate {
  readonly key: string;
  readonly text: string;
  readonly kind: 'place' | 'city';
  /** The mark's centre on screen, px. */
  readonly x: number;
  readonly y: number;
  /** How far the mark reaches from its centre, px (the label keeps clear of it). */
  readonly reach: number;
  /** The text's size, px. */
  readonly width: number;
  readonly height: number;
  /** Higher first. */
  readonly priority: number;
}

export interface PlacedLabel {
  readonly key: string;
  readonly text: string;
  readonly kind: 'place' | 'city';
  readonly box: Box;
  readonly side: 'right' | 'left' | 'above' | 'below';
  /** The mark it names, px. */
  readonly x: number;
  readonly y: number;
}

export const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export interface PlacementOptions {
  readonly width: number;
  readonly height: number;
  /** Room kept clear already (marks, the map's controls and notes). */
  readonly obstacles: readonly Box[];
  /** Most labels placed. */
  readonly max?: number;
  /** Gap between a mark and its label, px. */
  readonly gap?: number;
  /** Margin kept from the map's edges, px. */
  readonly margin?: number;
}

/** The four places a label may go around its mark, in order of preference. */
export function sides(c: LabelCandidate, gap: number): { side: PlacedLabel['side']; box: Box }[] {
  const d = c.reach + gap;
  const { x, y, width: w, height: h } = c;
  return [
    { side: 'right', box: { x0: x + d, y0: y - h / 2, x1: x + d + w, y1: y + h / 2 } },
    { side: 'left', box: { x0: x - d - w, y0: y - h / 2, x1: x - d, y1: y + h / 2 } },
    { side: 'above', box: { x0: x - w / 2, y0: y - d - h, x1: x + w / 2, y1: y - d } },
    { side: 'below', box: { x0: x - w / 2, y0: y + d, x1: x + w / 2, y1: y + d + h } }
  ];
}

/**
 * Labels that fit, greedily by priority (ties: places before cities, then the order given). A
 * candidate whose mark is off the map, or that finds no free side, is left out. A crowded map stops
 * looking after ten tries a label, so a frame never scans thousands of boxes.
 */
export function placeLabels(candidates: readonly LabelCandidate[], options: PlacementOptions): PlacedLabel[] {
  const gap = options.gap ?? 4;
  const margin = options.margin ?? 2;
  const max = options.max ?? 40;
  const taken: Box[] = [...options.obstacles];
  const order = candidates.map((_, i) => i);
  order.sort((a, b) => candidates[b]!.priority - candidates[a]!.priority || kindRank(candidates[a]!) - kindRank(candidates[b]!) || a - b);
  const placed: PlacedLabel[] = [];
  let tries = 0;
  for (const i of order) {
    if (placed.length >= max || ++tries > max * 10) break;
    const c = candidates[i]!;
    if (c.x < 0 || c.x > options.width || c.y < 0 || c.y > options.height) continue;
    // A city's dot is drawn with its name, so it too must land on free room (a place's mark is an obstacle already).
    const dot = c.kind === 'city' ? around(c.x, c.y, c.reach) : undefined;
    if (dot && taken.some((t) => overlaps(t, dot))) continue;
    const free = sides(c, gap).find(({ box }) => box.x0 >= margin && box.y0 >= margin && box.x1 <= options.width - margin && box.y1 <= options.height - margin && !taken.some((t) => overlaps(t, box)));
    if (!free) continue;
    taken.push(free.box);
    if (dot) taken.push(dot);
    placed.push({ key: c.key, text: c.text, kind: c.kind, box: free.box, side: free.side, x: c.x, y: c.y });
  }
  return placed;
}

const kindRank = (c: LabelCandidate): number => (c.kind === 'place' ? 0 : 1);

/** A square box of half-side `r` around a point. */
export const around = (x: number, y: number, r: number): Box => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
