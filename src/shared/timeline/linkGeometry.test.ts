// Where a link is drawn: it leaves its first mark from the edge facing the other event's row, at
// the point nearest the other event in time, and reaches the other mark from the left at its date
// line, level with it; an end outside the view is that edge; nothing when neither end is in view.
import { describe, expect, it } from 'vitest';
import { geometry, pathOf } from './linkGeometry';

const W = 1000;
const H = 400;

describe('link geometry', () => {
  it('leaves the earlier mark from its bottom edge, at its end, and reaches the later one from the left', () => {
    const g = geometry({ x0: 100, x1: 300, y0: 40, y1: 60 }, { x0: 500, x1: 503, y0: 190, y1: 210 }, W, H)!;
    expect(g.start).toEqual({ x: 298, y: 60 });
    expect(g.end).toEqual({ x: 500, y: 200 });
    expect(g.c2).toEqual({ x: 472, y: 200 });
    expect(g.off).toBeUndefined();
    expect(pathOf(g)).toBe('M298.0,60.0 C298.0,144.0 472.0,200.0 500.0,200.0');
  });

  it('leaves from the top edge towards a row above, and from the start of the mark for an earlier event', () => {
    const g = geometry({ x0: 500, x1: 700, y0: 190, y1: 210 }, { x0: 100, x1: 103, y0: 40, y1: 60 }, W, H)!;
    expect(g.start).toEqual({ x: 502, y: 190 });
    expect(g.end).toEqual({ x: 100, y: 50 });
  });

  it('several links reaching one mark arrive at different heights of it', () => {
    const from = { x0: 100, x1: 103, y0: 40, y1: 60 };
    const to = { x0: 500, x1: 503, y0: 190, y1: 214 };
    expect(geometry(from, to, W, H, 1 / 3)!.end.y).toBe(198);
    expect(geometry(from, to, W, H, 2 / 3)!.end.y).toBe(206);
  });

  it('runs to the edge where the other end is outside the view, and says which', () => {
    const right = geometry({ x0: 200, x1: 203, y0: 90, y1: 110 }, { x0: 1500, x1: 1503, y0: 290, y1: 310 }, W, H)!;
    expect(right.end).toEqual({ x: W, y: 300 });
    expect(right.start).toEqual({ x: 201.5, y: 110 });
    expect(right.off).toEqual({ end: 'to', side: 'right' });
    const left = geometry({ x0: -900, x1: -897, y0: 90, y1: 110 }, { x0: 200, x1: 203, y0: 290, y1: 310 }, W, H)!;
    expect(left.start).toEqual({ x: 0, y: 100 });
    expect(left.end).toEqual({ x: 200, y: 300 });
    expect(left.off).toEqual({ end: 'from', side: 'left' });
  });

  it('uses only the part of a long mark that is in view', () => {
    const g = geometry({ x0: -5000, x1: 5000, y0: 90, y1: 110 }, { x0: 600, x1: 603, y0: 290, y1: 310 }, W, H)!;
    expect(g.start.x).toBe(600);
  });

  it('draws nothing when neither end is in view', () => {
    expect(geometry({ x0: -500, x1: -497, y0: 0, y1: 10 }, { x0: 2000, x1: 2003, y0: 0, y1: 10 }, W, H)).toBeUndefined();
    expect(geometry({ x0: 2000, x1: 2003, y0: 0, y1: 10 }, { x0: 3000, x1: 3003, y0: 0, y1: 10 }, W, H)).toBeUndefined();
  });

  it('keeps ends inside the panel vertically (a lane scrolled away)', () => {
    const g = geometry({ x0: 100, x1: 103, y0: -320, y1: -300 }, { x0: 400, x1: 403, y0: 890, y1: 910 }, W, H)!;
    expect(g.start.y).toBe(6);
    expect(g.end.y).toBe(H - 6);
  });
});

describe('link geometry of marks close in time', () => {
  it('joins stacked marks of one day by a bracket out to the left', () => {
    const g = geometry({ x0: 300, x1: 303, y0: 40, y1: 60 }, { x0: 301, x1: 304, y0: 66, y1: 86 }, W, H)!;
    expect(g.start).toEqual({ x: 301.5, y: 60 });
    expect(g.end).toEqual({ x: 301, y: 76 });
    expect(g.c1.x).toBe(271.5);
    expect(g.c2).toEqual({ x: 241, y: 76 });
    expect(g.middle.x).toBeLessThan(280);
  });
});

describe('link geometry beside a label drawn before its mark', () => {
  it('reaches the mark from its right, where no label is', () => {
    const g = geometry({ x0: 100, x1: 103, y0: 40, y1: 60 }, { x0: 500, x1: 540, y0: 190, y1: 210, free: 'right' }, W, H)!;
    expect(g.end).toEqual({ x: 540, y: 200 });
    expect(g.c2).toEqual({ x: 568, y: 200 });
  });
});
