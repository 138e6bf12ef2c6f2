// Where an event's label goes beside its mark, one rule for the screen and for exports: a label
// starts at its mark and reads forward in time; it goes before the mark only where it would
// otherwise leave the view, and then it ends touching the mark (with the same small gap). A bar
// wide enough carries its label on top. Positions are pixels along the time axis.

export type LabelSide = 'overlay' | 'right' | 'left';

export interface LabelPlacementInput {
  /** The mark (bar) as drawn, in px. */
  readonly barX0: number;
  readonly barX1: number;
  /** The label's width in px. */
  readonly labelW: number;
  /** The visible part of the axis, in px. */
  readonly viewX0: number;
  readonly viewX1: number;
  /** Space between a mark and its label, in px. */
  readonly gap: number;
  /** A bar carries its label only with this much room to spare (default 2 gaps). */
  readonly overlaySlack?: number;
}

export interface LabelPlacement {
  readonly side: LabelSide;
  /** Where the label starts, in px. */
  readonly labelX: number;
  /** The box of mark and label together (what rows are packed by). */
  readonly boxX0: number;
  readonly boxX1: number;
}

export function placeLabel(p: LabelPlacementInput): LabelPlacement {
  const slack = p.overlaySlack ?? 2 * p.gap;
  const barW = p.barX1 - p.barX0;
  let side: LabelSide;
  let labelX: number;
  // The part of the bar in view: a bar that runs out of the view carries its label only if that
  // part has room (else the label, stuck to the view's edge, would spill past the bar's end).
  const visibleW = Math.min(p.barX1, p.viewX1) - Math.max(p.barX0, p.viewX0);
  if (barW >= p.labelW + slack && visibleW >= p.labelW + slack) {
    side = 'overlay';
    labelX = Math.max(p.barX0, p.viewX0) + p.gap * 0.6;
  } else if (p.barX1 + p.gap + p.labelW <= p.viewX1 || p.barX0 - p.gap - p.labelW < p.viewX0) {
    // Forward in time: it fits before the view's end, or it fits on neither side (then it reads
    // forward from its mark and the view's edge cuts it, rather than leaving its mark behind).
    side = 'right';
    labelX = p.barX1 + p.gap;
  } else {
    side = 'left';
    labelX = p.barX0 - p.gap - p.labelW;
  }
  return { side, labelX, boxX0: Math.min(p.barX0, labelX), boxX1: Math.max(p.barX1, labelX + p.labelW) };
}

/** True when the label touches its mark: it starts just after it, ends just before it, or lies on it. */
export function labelTouchesMark(p: Pick<LabelPlacementInput, 'barX0' | 'barX1' | 'labelW' | 'gap'>, placed: Pick<LabelPlacement, 'side' | 'labelX'>, tolerance = 0.5): boolean {
  switch (placed.side) {
    case 'overlay':
      return placed.labelX >= p.barX0 - tolerance && placed.labelX + p.labelW <= p.barX1 + tolerance;
    case 'right':
      return Math.abs(placed.labelX - (p.barX1 + p.gap)) <= tolerance;
    case 'left':
      return Math.abs(placed.labelX + p.labelW + p.gap - p.barX0) <= tolerance;
  }
}
