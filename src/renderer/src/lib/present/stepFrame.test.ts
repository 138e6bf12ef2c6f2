// The map's frame for a presentation step: the step's places with a margin, never narrower than a
// region, approximate places as wide as their uncertainty, the whole presentation's places for a
// step without coordinates (far-off stragglers left out as an export's map does), none without any.
import { describe, expect, it } from 'vitest';
import { columnsFromDataset } from '../../../../shared/dataset/datasetColumns';
import type { DatasetInput } from '../../../../shared/dataset/schema';
import { validateDataset } from '../../../../shared/dataset/validateDataset';
import { EARTH_RADIUS_KM, type LonLatBounds } from '../../../../shared/map/projection';
import { STEP_MIN_FRAME_KM, stepMapFrame, withMinExtent } from './stepFrame';

const PLACES = [
  { id: 'deir', name: 'Deir al-Zour', kind: 'city', countries: ['SY'], coordinates: { lat: 35.336, lon: 40.141, precision: 'exact', source: 'wire' } },
  { id: 'qaim', name: 'al-Qaim', kind: 'town', countries: ['IQ'], coordinates: { lat: 34.369, lon: 41.094, precision: 'exact', source: 'wire' } },
  { id: 'raqqa', name: 'Raqqa', kind: 'city', countries: ['SY'], coordinates: { lat: 35.95, lon: 39.009, precision: 'exact', source: 'wire' } },
  { id: 'mosul', name: 'Mosul', kind: 'city', countries: ['IQ'], coordinates: { lat: 36.335, lon: 43.119, precision: 'exact', source: 'wire' } },
  { id: 'area', name: 'Somewhere east', kind: 'area', countries: ['SY'], coordinates: { lat: 35, lon: 40.5, precision: 'approximate', uncertaintyKm: 150, source: 'wire' } },
  { id: 'london', name: 'London', kind: 'city', countries: ['GB'], coordinates: { lat: 51.507, lon: -0.128, precision: 'exact', source: 'wire' } },
  { id: 'syria', name: 'Syria', kind: 'country', countries: ['SY'] }
];

/** Columns of events naming these places, one event each, a day apart. */
function columns(placeLists: readonly (readonly string[])[]) {
  const raw: DatasetInput = {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'frames' },
    sources: [{ id: 'wire', kind: 'news', publisher: 'Wire', title: 'Report' } as DatasetInput['sources'][number]],
    places: PLACES as DatasetInput['places'],
    events: placeLists.map((places, i) => ({
      id: `e${i}`,
      type: 'clash' as const,
      title: `Event ${i}`,
      start: { value: `2017-10-${String(i + 1).padStart(2, '0')}`, precision: 'day' as const },
      places: [...places],
      citations: [{ source: 'wire' }]
    }))
  };
  const check = validateDataset(raw, 'frames.frontline');
  if (!check.ok) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
  return columnsFromDataset(check.dataset);
}

const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
const kmAcross = (b: LonLatBounds) => ({
  ns: (b.north - b.south) * KM_PER_DEGREE,
  ew: (b.east - b.west) * KM_PER_DEGREE * Math.cos((((b.north + b.south) / 2) * Math.PI) / 180)
});
const holds = (b: LonLatBounds, lon: number, lat: number) => lon > b.west && lon < b.east && lat > b.south && lat < b.north;
const place = (id: string) => PLACES.findIndex((p) => p.id === id);

describe('the map frame of a presentation step', () => {
  it('one town: centred on it, a region wide (not street level)', () => {
    const { header, columns: cols } = columns([['deir']]);
    const frame = stepMapFrame([0], 0, cols, header.places)!;
    expect(frame.of).toBe('step');
    expect(frame.places).toEqual([place('deir')]);
    const size = kmAcross(frame.bounds);
    expect(size.ns).toBeGreaterThanOrEqual(STEP_MIN_FRAME_KM - 1);
    expect(size.ew).toBeGreaterThanOrEqual(STEP_MIN_FRAME_KM - 1);
    expect(size.ns).toBeLessThan(STEP_MIN_FRAME_KM * 1.5);
    const midLon = (frame.bounds.west + frame.bounds.east) / 2;
    const midLat = (frame.bounds.north + frame.bounds.south) / 2;
    expect(midLon).toBeCloseTo(40.141, 2);
    expect(midLat).toBeCloseTo(35.336, 2);
  });

  it('several places: all of them, with a margin', () => {
    const { header, columns: cols } = columns([['deir', 'qaim', 'mosul']]);
    const frame = stepMapFrame([0], 0, cols, header.places)!;
    for (const id of ['deir', 'qaim', 'mosul']) {
      const c = PLACES[place(id)]!.coordinates!;
      expect(holds(frame.bounds, c.lon, c.lat)).toBe(true);
    }
    // A margin beyond the outermost places (Mosul east, Deir al-Zour west).
    expect(frame.bounds.east).toBeGreaterThan(43.119 + 0.1);
    expect(frame.bounds.west).toBeLessThan(40.141 - 0.1);
  });

  it('an approximate place: as wide as its uncertainty', () => {
    const { header, columns: cols } = columns([['area']]);
    const frame = stepMapFrame([0], 0, cols, header.places)!;
    expect(kmAcross(frame.bounds).ns).toBeGreaterThan(2 * 150);
  });

  it('a step whose places have no coordinates: the places of every step, leaving out a far-off straggler', () => {
    const { header, columns: cols } = columns([['deir'], ['qaim'], ['raqqa'], ['mosul'], ['syria'], ['london']]);
    const steps = [0, 1, 2, 3, 4, 5];
    const frame = stepMapFrame(steps, 4, cols, header.places)!;
    expect(frame.of).toBe('story');
    expect(frame.outside).toEqual([place('london')]);
    expect(frame.places).toEqual([place('deir'), place('qaim'), place('raqqa'), place('mosul')]);
    expect(holds(frame.bounds, -0.128, 51.507)).toBe(false);
    // London's own step frames London.
    const london = stepMapFrame(steps, 5, cols, header.places)!;
    expect(london.of).toBe('step');
    expect(holds(london.bounds, -0.128, 51.507)).toBe(true);
  });

  it('nothing to frame: no place with coordinates anywhere, or no such step', () => {
    const { header, columns: cols } = columns([['syria'], []]);
    expect(stepMapFrame([0, 1], 1, cols, header.places)).toBeUndefined();
    expect(stepMapFrame([0, 1], 7, cols, header.places)).toBeUndefined();
  });

  it('withMinExtent leaves a large frame as it is and widens a small one around its middle', () => {
    const big = { west: 38, south: 33, east: 44, north: 37 };
    expect(withMinExtent(big, 300)).toEqual(big);
    const small = withMinExtent({ west: 40, south: 35, east: 40.01, north: 35.01 }, 300);
    expect((small.west + small.east) / 2).toBeCloseTo(40.005, 6);
    expect(kmAcross(small).ns).toBeCloseTo(300, 0);
  });
});
