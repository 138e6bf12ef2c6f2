// The area filter a map sets: events with a place inside a box, the antimeridian crossed by west > east.
import { describe, expect, it } from 'vitest';
import { testColumns } from '../timeline/testData';
import { areaMask, inBox } from './area';

describe('areaMask', () => {
  it('keeps events with a place inside the box, and none without coordinates', () => {
    const data = testColumns([{ start: '2017-11-03', country: 'SY' }, { start: '2017-11-04', country: 'IQ' }]);
    const places = data.header.places.map((p) => (p.id === 'p-sy' ? { ...p, coordinates: { lat: 35.3, lon: 40.1, precision: 'exact' as const, source: 'wire' } } : p));
    const sy = data.columns.placeIndex[data.columns.placeOffsets[0]!];
    expect(places[sy!]!.id).toBe('p-sy');
    expect([...areaMask(data.columns, places, { south: 34, west: 39, north: 36, east: 41 })]).toEqual([1, 0]);
    expect([...areaMask(data.columns, places, { south: 0, west: 0, north: 10, east: 10 })]).toEqual([0, 0]);
  });

  it('understands a box across the antimeridian', () => {
    expect(inBox({ south: -10, west: 170, north: 10, east: -170 }, 0, 179)).toBe(true);
    expect(inBox({ south: -10, west: 170, north: 10, east: -170 }, 0, 0)).toBe(false);
  });
});
