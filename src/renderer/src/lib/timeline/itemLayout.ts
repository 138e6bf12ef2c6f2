// Where an event's mark and label go at a given zoom and view, by the one rule the screen and the
// exports share (placeLabel): a label starts at its mark and reads forward in time; it goes before
// the mark only where it would otherwise leave the view, and then ends touching it; a mark wide
// enough carries its label on top. vis-timeline stacks items by the box of mark and label, in time.
import type { ExtentKind } from '../../../../shared/render/extent';
import { placeLabel, type LabelSide } from '../../../../shared/timeline/labelPlacement';
import type { TimeRange } from '../view/windowMath';

export type { LabelSide };

/** Space between a mark and its label, in px (the .ev gap in app.css). */
export const LABEL_GAP_PX = 8;
/** A mark carries its label only with this much room to spare. */
export const OVERLAY_SLACK_PX = 16;
/**
 * A label takes at most this share of the time axis (less its margins, as frameWindow counts it):
 * a longer title is shortened with an ellipsis (the tooltip and the details have it whole), so the
 * default view always has room for every label after its mark.
 */
export const MAX_LABEL_SHARE = 0.4;

/** The widest a label is drawn on an axis `widthPx` wide. */
export function maxLabelPx(widthPx: number): number {
  return Math.max(120, MAX_LABEL_SHARE * (widthPx - 32));
}

/** Narrowest mark of each kind, in px, so a day is still seen at a wide zoom (app.css agrees). */
export const MIN_MARK_PX: Readonly<Record<ExtentKind, number>> = { exact: 3, window: 5, approx: 12, span: 3 };

export interface ItemLayout {
  readonly side: LabelSide;
  /** The mark's width in px. */
  readonly barPx: number;
  /** Where vis-timeline places the box of mark and label (ms). */
  readonly boxStart: number;
  readonly boxEnd: number;
  /** Where the mark starts and ends (ms): its date, widened to its least width. */
  readonly markStart: number;
  readonly markEnd: number;
}

export interface LayoutEvent {
  readonly start: number;
  readonly end: number;
  readonly kind: ExtentKind;
}

/**
 * The layout of one event whose label is `labelPx` wide, at `msPerPx`, in the visible window
 * `view`. A mark narrower than its least width grows from its start (an approximate day's soft
 * mark grows around its middle, as in exports).
 */
export function layoutItem(e: LayoutEvent, labelPx: number, msPerPx: number, view: TimeRange): ItemLayout {
  const x = (t: number) => (t - view.start) / msPerPx;
  const rawX0 = x(e.start);
  const rawPx = Math.max(0, (e.end - e.start) / msPerPx);
  const barPx = Math.max(MIN_MARK_PX[e.kind], rawPx);
  const barX0 = e.kind === 'approx' && rawPx < barPx ? rawX0 + rawPx / 2 - barPx / 2 : rawX0;
  const barX1 = barX0 + barPx;
  const placed = placeLabel({ barX0, barX1, labelW: labelPx, viewX0: 0, viewX1: x(view.end), gap: LABEL_GAP_PX, overlaySlack: OVERLAY_SLACK_PX });
  // An overlay label sits on the mark; the box is the mark's (the label sticks to the view's edge).
  const [boxX0, boxX1] = placed.side === 'overlay' ? [barX0, barX1] : [placed.boxX0, placed.boxX1];
  const t = (px: number) => view.start + px * msPerPx;
  return { side: placed.side, barPx, boxStart: t(boxX0), boxEnd: t(boxX1), markStart: t(barX0), markEnd: t(barX1) };
}

/** Two layouts draw the same (so an item need not be redrawn). */
export function sameLayout(a: ItemLayout, b: ItemLayout, msPerPx: number): boolean {
  const near = (p: number, q: number) => Math.abs(p - q) < msPerPx * 0.25;
  return a.side === b.side && Math.abs(a.barPx - b.barPx) < 0.25 && near(a.boxStart, b.boxStart) && near(a.boxEnd, b.boxEnd);
}
