// The area a box on the map selects: corners in any order, longitudes of world copies wrapped, a
// box across the antimeridian kept as one (west > east, as the area filter reads it), the whole
// world when wider than it; drawn as one polygon; said in words.
import { describe, expect, it } from 'vitest';
import { inBox } from '../state/area';
import { areaPolygon, boxFromCorners, describeArea } from './areaTool';

describe('area from a dragged box', () => {
  it('orders the corners', () => {
    expect(boxFromCorners({ lng: 41.2, lat: 34.1 }, { lng: 38.9, lat: 36.25 })).toEqual({ south: 34.1, west: 38.9, north: 36.25, east: 41.2 });
  });

  it('wraps world copies and keeps a box across the antimeridian whole', () => {
    expect(boxFromCorners({ lng: 398.9, lat: 34 }, { lng: 401.2, lat: 36 })).toEqual({ south: 34, west: 38.9, north: 36, east: 41.2 });
    const fiji = boxFromCorners({ lng: 175, lat: -20 }, { lng: 185, lat: -15 });
    expect(fiji).toEqual({ south: -20, west: 175, north: -15, east: -175 });
    expect(inBox(fiji, -17.7, 178.4)).toBe(true);
    expect(inBox(fiji, -17.7, -178)).toBe(true);
    expect(inBox(fiji, -17.7, 0)).toBe(false);
    expect(boxFromCorners({ lng: -200, lat: -10 }, { lng: 200, lat: 10 })).toEqual({ south: -10, west: -180, north: 10, east: 180 });
  });

  it('clamps latitudes and draws the box as one polygon', () => {
    expect(boxFromCorners({ lng: 0, lat: -95 }, { lng: 10, lat: 95 })).toMatchObject({ south: -90, north: 90 });
    expect(areaPolygon({ south: -20, west: 175, north: -15, east: -175 }).geometry.coordinates[0]).toEqual([
      [175, -20],
      [185, -20],
      [185, -15],
      [175, -15],
      [175, -20]
    ]);
  });

  it('says the area in words', () => {
    expect(describeArea({ south: 34.1, west: 38.9, north: 36.25, east: 41.2 })).toBe('34.10° N to 36.25° N, 38.90° E to 41.20° E');
    expect(describeArea({ south: -20, west: -75.5, north: -15, east: -70 })).toBe('20.00° S to 15.00° S, 75.50° W to 70.00° W');
  });
});
