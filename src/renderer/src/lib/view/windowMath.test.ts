// Zoom and pan arithmetic, and the point a keyboard zoom keeps still: the selected event when in view.
import { describe, expect, it } from 'vitest';
import { covers, MAX_WINDOW_MS, MIN_WINDOW_MS, panWindow, zoomAnchor, zoomWindow } from './windowMath';

const DAY = 86_400_000;
const w = { start: 0, end: 100 * DAY };

describe('zoomWindow', () => {
  it('halves around the middle, or around a time that stays at its place on screen', () => {
    expect(zoomWindow(w, 0.5)).toEqual({ start: 25 * DAY, end: 75 * DAY });
    const z = zoomWindow(w, 0.5, 80 * DAY);
    expect((80 * DAY - z.start) / (z.end - z.start)).toBeCloseTo(0.8);
    expect(z.end - z.start).toBe(50 * DAY);
  });
  it('stays within a day and five centuries', () => {
    expect(zoomWindow({ start: 0, end: DAY }, 0.1).end).toBe(MIN_WINDOW_MS);
    const wide = zoomWindow(w, 1e9);
    expect(wide.end - wide.start).toBe(MAX_WINDOW_MS);
  });
});

describe('panWindow', () => {
  it('moves by a share of the width', () => {
    expect(panWindow(w, 0.2)).toEqual({ start: 20 * DAY, end: 120 * DAY });
    expect(panWindow(w, -0.6)).toEqual({ start: -60 * DAY, end: 40 * DAY });
  });
});

describe('zoomAnchor', () => {
  it("is the selected event's start when it is in view", () => {
    expect(zoomAnchor(w, { start: 30 * DAY, end: 31 * DAY })).toBe(30 * DAY);
  });
  it('is the part nearest its start of an event partly in view', () => {
    expect(zoomAnchor(w, { start: -10 * DAY, end: 5 * DAY })).toBe(0);
  });
  it('is nothing (the middle) without a selection in view', () => {
    expect(zoomAnchor(w, undefined)).toBeUndefined();
    expect(zoomAnchor(w, { start: 200 * DAY, end: 201 * DAY })).toBeUndefined();
  });
});

describe('covers', () => {
  it('tells a window holding a range', () => {
    expect(covers(w, { start: DAY, end: 99 * DAY })).toBe(true);
    expect(covers(w, { start: -DAY, end: 99 * DAY })).toBe(false);
  });
});
