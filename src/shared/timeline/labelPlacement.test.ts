// placeLabel: labels read forward from their mark; before it only where they would leave the view,
// and then touching it; a wide bar carries its label; a label that fits nowhere still starts at its mark.
import { describe, expect, it } from 'vitest';
import { labelTouchesMark, placeLabel } from './labelPlacement';
import { prng } from '../../../tests/support/prng';

const view = { viewX0: 0, viewX1: 1000, gap: 8 };

describe('placeLabel', () => {
  it('puts the label right after its mark when it fits before the end of the view', () => {
    const p = placeLabel({ ...view, barX0: 100, barX1: 104, labelW: 300 });
    expect(p).toEqual({ side: 'right', labelX: 112, boxX0: 100, boxX1: 412 });
  });

  it('puts it before the mark only when it would leave the view, ending touching the mark', () => {
    const p = placeLabel({ ...view, barX0: 900, barX1: 904, labelW: 300 });
    expect(p.side).toBe('left');
    expect(p.labelX + 300 + 8).toBe(900);
    expect(p.boxX1).toBe(904);
  });

  it('never goes before the mark because of where the data ends, only the view', () => {
    // A mark at the view's middle, whatever lies after it, reads forward.
    expect(placeLabel({ ...view, barX0: 500, barX1: 504, labelW: 480 }).side).toBe('right');
  });

  it('a bar wide enough carries its label on top', () => {
    expect(placeLabel({ ...view, barX0: 100, barX1: 600, labelW: 300 })).toMatchObject({ side: 'overlay', labelX: 100 + 8 * 0.6 });
  });

  it('a wide bar running out of the view carries its label only if the part in view has room; else the label reads on from its end', () => {
    // A month's window from before the view to x = 120: a 300 px label stuck to the view's edge
    // would spill past the window's end (and the edge would cut its first letters).
    const p = placeLabel({ ...view, barX0: -600, barX1: 120, labelW: 300 });
    expect(p).toMatchObject({ side: 'right', labelX: 128 });
    // The same window with room in view keeps its label on top, at the view's edge.
    expect(placeLabel({ ...view, barX0: -600, barX1: 420, labelW: 300 })).toMatchObject({ side: 'overlay', labelX: 8 * 0.6 });
    // Running out at the end of the view: the label ends touching the bar's start.
    const q = placeLabel({ ...view, barX0: 850, barX1: 1900, labelW: 300 });
    expect(q.side).toBe('left');
    expect(q.labelX + 300 + 8).toBe(850);
  });

  it('a label that fits on neither side still starts at its mark (the view cuts it), never far before it', () => {
    const p = placeLabel({ ...view, barX0: 400, barX1: 404, labelW: 900 });
    expect(p).toMatchObject({ side: 'right', labelX: 412 });
  });

  it('on random marks and widths, every label touches its mark and starts at or after it unless it would leave the view', () => {
    const random = prng(3);
    for (let n = 0; n < 5000; n++) {
      const barX0 = random() * 1200 - 100;
      const barX1 = barX0 + random() * (random() < 0.2 ? 600 : 20);
      const labelW = 20 + random() * 700;
      const input = { ...view, barX0, barX1, labelW };
      const placed = placeLabel(input);
      expect(labelTouchesMark(input, placed)).toBe(true);
      if (placed.side === 'left') expect(barX1 + 8 + labelW).toBeGreaterThan(1000);
    }
  });
});
