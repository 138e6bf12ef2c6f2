// Frames of places: margins, the smallest frame, stragglers left out and counted.
import { describe, expect, it } from 'vitest';
import { boundsOf, frameOf, MIN_FRAME_KM, WORLD_BOUNDS } from './projection';

const DEIR_EZ_ZOR = { lon: 40.14, lat: 35.34 };
const AL_QAIM = { lon: 40.99, lat: 34.39 };
const RAQQA = { lon: 39.01, lat: 35.95 };
const MOSUL = { lon: 43.12, lat: 36.34 };
const LONDON = { lon: -0.13, lat: 51.51 };

describe('boundsOf', () => {
  it('holds every point with a margin, and the world when there is none', () => {
    const b = boundsOf([DEIR_EZ_ZOR, MOSUL]);
    expect(b.west).toBeLessThan(DEIR_EZ_ZOR.lon);
    expect(b.east).toBeGreaterThan(MOSUL.lon);
    expect(b.south).toBeLessThan(DEIR_EZ_ZOR.lat);
    expect(b.north).toBeGreaterThan(MOSUL.lat);
    expect(boundsOf([])).toEqual(WORLD_BOUNDS);
  });

  it('shows one place with its surroundings, and an approximate one with its whole area', () => {
    const one = boundsOf([DEIR_EZ_ZOR], 0);
    expect((one.north - one.south) * 111.19).toBeCloseTo(MIN_FRAME_KM, 0);
    const wide = boundsOf([{ ...DEIR_EZ_ZOR, radiusKm: 300 }], 0);
    expect((wide.north - wide.south) * 111.19).toBeCloseTo(600, 0);
  });
});

describe('frameOf', () => {
  it('leaves one far-off place holding few events out of the frame, and says which', () => {
    const points = [DEIR_EZ_ZOR, AL_QAIM, RAQQA, MOSUL, { ...LONDON, weight: 1 }].map((p) => ({ weight: 3, ...p }));
    const frame = frameOf(points);
    expect(frame.outside).toEqual([4]);
    expect(frame.bounds.west).toBeGreaterThan(30);
    expect(frame.bounds.north).toBeLessThan(40);
  });

  it('keeps a far-off place that holds many of the events', () => {
    const points = [DEIR_EZ_ZOR, AL_QAIM, RAQQA, MOSUL].map((p) => ({ ...p, weight: 1 }));
    const frame = frameOf([...points, { ...LONDON, weight: 10 }]);
    expect(frame.outside).toEqual([]);
    expect(frame.bounds.west).toBeLessThan(0);
  });

  it('shows every place when there are only a few', () => {
    expect(frameOf([DEIR_EZ_ZOR, LONDON]).outside).toEqual([]);
  });
});
