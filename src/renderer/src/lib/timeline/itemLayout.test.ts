// Where the screen puts a label, by the rule exports follow (placeLabel): after its mark, reading
// forward; before it only where it would leave the view, and then touching it; on a mark wide
// enough to carry it. Marks have their least widths, an approximate day's grows around its middle.
import { describe, expect, it } from 'vitest';
import { labelTouchesMark } from '../../../../shared/timeline/labelPlacement';
import { LABEL_GAP_PX, layoutItem, MIN_MARK_PX, sameLayout, type LayoutEvent } from './itemLayout';

const DAY = 86_400_000;
const T0 = Date.UTC(2017, 9, 1);
/** A view of 100 days over 1,000 px: 0.1 day a pixel. */
const VIEW = { start: T0, end: T0 + 100 * DAY };
const MS_PER_PX = DAY / 10;
const day = (d: number, kind: LayoutEvent['kind'] = 'exact', days = 1): LayoutEvent => ({ start: T0 + d * DAY, end: T0 + (d + days) * DAY, kind });
const px = (t: number) => (t - VIEW.start) / MS_PER_PX;

/** The label's x and the mark's extent in px, as the DOM lays them out in the box. */
function geometry(e: LayoutEvent, labelPx: number) {
  const l = layoutItem(e, labelPx, MS_PER_PX, VIEW);
  const barX0 = px(l.markStart);
  const barX1 = px(l.markEnd);
  const labelX = l.side === 'left' ? px(l.boxStart) : l.side === 'right' ? barX1 + LABEL_GAP_PX : barX0;
  return { l, barX0, barX1, labelX };
}

describe('layoutItem', () => {
  it('puts the label after its mark, reading forward, where it fits before the view ends', () => {
    const e = day(30);
    const { l, barX0, barX1, labelX } = geometry(e, 200);
    expect(l.side).toBe('right');
    expect(l.markStart).toBe(e.start);
    expect(l.boxStart).toBe(e.start);
    expect(px(l.boxEnd)).toBeCloseTo(barX1 + LABEL_GAP_PX + 200);
    expect(labelTouchesMark({ barX0, barX1, labelW: 200, gap: LABEL_GAP_PX }, { side: l.side, labelX })).toBe(true);
  });

  it('puts it before its mark only where it would leave the view, and then it ends touching the mark', () => {
    // 3 November in a view ending 8 January: 200 px of label would run 100 px past the edge.
    const e = day(90);
    const { l, barX0, barX1, labelX } = geometry(e, 200);
    expect(l.side).toBe('left');
    expect(px(l.boxEnd)).toBeCloseTo(barX1);
    expect(labelX + 200 + LABEL_GAP_PX).toBeCloseTo(barX0);
    expect(labelTouchesMark({ barX0, barX1, labelW: 200, gap: LABEL_GAP_PX }, { side: l.side, labelX })).toBe(true);
    // The same event with the view moved on: forward again.
    const later = layoutItem(e, 200, MS_PER_PX, { start: VIEW.start + 50 * DAY, end: VIEW.end + 50 * DAY });
    expect(later.side).toBe('right');
  });

  it('reads forward and lets the edge cut a label that fits on neither side', () => {
    const { l } = geometry(day(50), 900);
    expect(l.side).toBe('right');
  });

  it('lets a mark wide enough carry its label on top', () => {
    const e = day(10, 'span', 40);
    const l = layoutItem(e, 200, MS_PER_PX, VIEW);
    expect(l.side).toBe('overlay');
    expect(l.barPx).toBeCloseTo(400);
    expect([l.boxStart, l.boxEnd]).toEqual([e.start, e.end]);
  });

  it('gives each kind of mark its least width; an approximate day grows around its middle', () => {
    const wide = { start: VIEW.start, end: VIEW.start + 5000 * DAY };
    const scale = (wide.end - wide.start) / 1000;
    for (const kind of ['exact', 'window', 'span'] as const) {
      const l = layoutItem(day(30, kind), 100, scale, wide);
      expect(l.barPx).toBe(MIN_MARK_PX[kind]);
      expect(l.markStart).toBe(T0 + 30 * DAY);
    }
    const approx = layoutItem(day(30, 'approx'), 100, scale, wide);
    expect(approx.barPx).toBe(MIN_MARK_PX.approx);
    expect((approx.markStart + approx.markEnd) / 2).toBeCloseTo(T0 + 30.5 * DAY, -3);
  });

  it('a window of possible dates is drawn over its whole window, never as a day', () => {
    const month = { start: T0, end: T0 + 31 * DAY, kind: 'window' as const };
    const l = layoutItem(month, 150, MS_PER_PX, VIEW);
    expect(l.barPx).toBeCloseTo(310);
    expect(l.side).toBe('overlay');
  });

  it('tells layouts that draw the same from those that do not', () => {
    const a = layoutItem(day(30), 200, MS_PER_PX, VIEW);
    const b = layoutItem(day(30), 200, MS_PER_PX, { start: VIEW.start + 1, end: VIEW.end + 1 });
    const c = layoutItem(day(90), 200, MS_PER_PX, VIEW);
    expect(sameLayout(a, b, MS_PER_PX)).toBe(true);
    expect(sameLayout(a, c, MS_PER_PX)).toBe(false);
  });
});
