// Where the presenter view opens: another display when there is one, else beside the main window.
import { describe, expect, it } from 'vitest';
import { displayOf, presenterPlacement, SAME_DISPLAY_SIZE, type DisplayLike } from './presenterPlacement';

const display = (x: number, y: number, width: number, height: number, menu = 0): DisplayLike => ({
  bounds: { x, y, width, height },
  workArea: { x, y: y + menu, width, height: height - menu }
});
const LAPTOP = display(0, 0, 1440, 900, 25);
const PROJECTOR = display(1440, 0, 1920, 1080);

describe('displayOf', () => {
  it('is the display the window overlaps most', () => {
    expect(displayOf([LAPTOP, PROJECTOR], { x: 1300, y: 0, width: 800, height: 600 })).toBe(PROJECTOR);
    expect(displayOf([LAPTOP, PROJECTOR], { x: 100, y: 100, width: 800, height: 600 })).toBe(LAPTOP);
  });
  it('is the nearest when the window is off every display', () => {
    expect(displayOf([LAPTOP, PROJECTOR], { x: 5000, y: 0, width: 100, height: 100 })).toBe(PROJECTOR);
  });
});

describe('presenterPlacement', () => {
  it('fills another display when the main window is on the projector', () => {
    expect(presenterPlacement([LAPTOP, PROJECTOR], { x: 1500, y: 20, width: 1440, height: 900 })).toEqual({ display: 'second', bounds: LAPTOP.workArea });
  });
  it('fills the projector when the main window is on the laptop', () => {
    expect(presenterPlacement([LAPTOP, PROJECTOR], { x: 0, y: 25, width: 1440, height: 875 })).toEqual({ display: 'second', bounds: PROJECTOR.workArea });
  });
  it('picks the largest of several other displays', () => {
    const small = display(-800, 0, 800, 600);
    expect(presenterPlacement([small, LAPTOP, PROJECTOR], { x: 0, y: 25, width: 1000, height: 800 }).bounds).toEqual(PROJECTOR.workArea);
  });
  it('on one display: beside the main window, to its right when it fits', () => {
    const wide = display(0, 0, 2560, 1440);
    expect(presenterPlacement([wide], { x: 100, y: 100, width: 1200, height: 800 })).toEqual({
      display: 'same',
      bounds: { x: 1300, y: 100, ...SAME_DISPLAY_SIZE }
    });
  });
  it('on one display: to the left when the right has no room, else against the right edge', () => {
    const wide = display(0, 0, 2560, 1440);
    expect(presenterPlacement([wide], { x: 1300, y: 100, width: 1200, height: 800 }).bounds.x).toBe(1300 - 960);
    const p = presenterPlacement([LAPTOP], { x: 0, y: 25, width: 1440, height: 875 });
    expect(p.display).toBe('same');
    expect(p.bounds.width).toBeLessThan(1440);
    expect(p.bounds.x + p.bounds.width).toBe(1440);
    expect(p.bounds.y).toBeGreaterThanOrEqual(25);
    expect(p.bounds.y + p.bounds.height).toBeLessThanOrEqual(900);
  });
  it('fits a tiny display', () => {
    const tiny = display(0, 0, 500, 400);
    const p = presenterPlacement([tiny], { x: 0, y: 0, width: 500, height: 400 });
    expect(p.bounds).toEqual({ x: 0, y: 0, width: 500, height: 400 });
  });
  it('with no displays reported: beside the window', () => {
    expect(presenterPlacement([], { x: 0, y: 0, width: 1400, height: 900 }).display).toBe('same');
  });
});
