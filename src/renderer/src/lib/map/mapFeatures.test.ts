// The events in view as map features: a place with a few events shows each (its type's mark, fanned
// so none hides another), an approximate place is a soft area as wide as its uncertainty in metres
// (never a mark), many events or places close together make a disc with the count; every event in
// view on the map is in exactly one of them.
import { describe, expect, it } from 'vitest';
import { aggregate, worldPxAtZoom } from '../../../../shared/map/mapAggregate';
import { buildMapIndex, countInWindow, framePoints } from './mapData';
import { buildFeatures, ringFeatures, discRadius, FAN_MAX, fanOffset, fanRadius, fanSlot, fanSlots, radiusAtZoom0, shortCount, WORLD_PX_AT_ZOOM_0, type MapFeatures } from './mapFeatures';
import { MARK_PX } from './mapImages';
import { mapColumns, utc, type MapTestEvent } from './testMapData';

const WINDOW = { start: utc('2017-01-01'), end: utc('2018-01-01') };

function features(events: MapTestEvent[], zoom: number, include?: (i: number) => boolean): { f: MapFeatures; placeOf: (id: string) => number } {
  const { header, columns } = mapColumns(events);
  const index = buildMapIndex(header, columns);
  const counts = countInWindow(index, columns, WINDOW, include);
  const worldPx = WORLD_PX_AT_ZOOM_0 * 2 ** zoom;
  const agg = aggregate(index.positions, counts, { worldPx, cellPx: 46 });
  return { f: buildFeatures({ index, cols: columns, counts, agg, shown: include, worldPx }), placeOf: (id) => header.places.findIndex((p) => p.id === id) };
}

const days = (n: number, place: MapTestEvent['place'], type = 'clash'): MapTestEvent[] => Array.from({ length: n }, (_, i) => ({ start: `2017-10-${String(i + 1).padStart(2, '0')}`, place, type }));
const total = (f: MapFeatures) =>
  f.marks.features.reduce((n, m) => n + (m.properties.kind === 'event' ? 1 : m.properties.count), 0) + f.areas.features.reduce((n, a) => n + a.properties.count, 0);

describe('map features', () => {
  it('shows each of a few events at an exact place, by type, fanned around it without overlap', () => {
    const { f, placeOf } = features([...days(3, 'raqqa', 'capture'), ...days(2, 'raqqa', 'clash')], 9);
    const marks = f.marks.features.filter((m) => m.properties.kind === 'event');
    expect(marks).toHaveLength(5);
    expect(marks.map((m) => m.properties.kind === 'event' && m.properties.type).sort()).toEqual(['capture', 'capture', 'capture', 'clash', 'clash']);
    expect(new Set(marks.map((m) => m.properties.kind === 'event' && m.properties.slot)).size).toBe(5);
    expect(f.eventMarks.size).toBe(5);
    expect(f.places).toEqual([expect.objectContaining({ place: placeOf('raqqa'), count: 5, others: 0 })]);
    // 17 px marks on the ring: neighbours at least a mark apart, however many.
    for (let k = 2; k <= FAN_MAX; k++) {
      const offsets = Array.from({ length: k }, (_, j) => fanOffset(k, j));
      for (let j = 0; j < k; j++) {
        const [a, b] = [offsets[j]!, offsets[(j + 1) % k]!];
        expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThanOrEqual(MARK_PX + 1);
      }
    }
  });

  it('makes a disc with the count past FAN_MAX events at a place', () => {
    const { f } = features(days(FAN_MAX + 4, 'raqqa'), 9);
    expect(f.marks.features).toHaveLength(1);
    expect(f.marks.features[0]!.properties).toMatchObject({ kind: 'cluster', count: FAN_MAX + 4, label: String(FAN_MAX + 4) });
    expect(f.eventMarks.size).toBe(0);
  });

  it('draws an approximate place as a soft area as wide as its uncertainty in metres, never as a mark', () => {
    const { f, placeOf } = features([...days(2, 'crossing', 'capture'), { start: '2017-10-20', place: 'deir-province' }], 10);
    expect(f.marks.features).toHaveLength(0);
    const areas = f.areas.features.map((a) => a.properties);
    const crossing = areas.find((a) => a.place === placeOf('crossing'))!;
    const province = areas.find((a) => a.place === placeOf('deir-province'))!;
    expect(crossing).toMatchObject({ count: 2, event: -1, colour: '#0067A5' });
    expect(province).toMatchObject({ count: 1, event: 2 });
    // 5 km at 34.4° N and the 25 km default at 35.3° N, at zoom 0 (512 px around the world).
    expect(crossing.r0 * 40_075_016.686 * Math.cos((34.42239 * Math.PI) / 180) / 512).toBeCloseTo(5000, 3);
    expect(province.r0 / radiusAtZoom0(25, 35.33588)).toBeCloseTo(1, 6);
  });

  it('gathers places close together at a low zoom into one disc named after its busiest place, and parts them zoomed in', () => {
    const events = [...days(4, 'qaim'), ...days(1, 'crossing'), ...days(2, 'deir')];
    const out = features(events, 3);
    const discs = out.f.marks.features.filter((m) => m.properties.kind === 'cluster');
    expect(discs.length).toBeGreaterThanOrEqual(1);
    expect(out.f.places.some((p) => p.place === out.placeOf('qaim') && p.others > 0)).toBe(true);
    const near = features(events, 11);
    expect(near.f.marks.features.every((m) => m.properties.kind === 'event')).toBe(true);
    expect(near.f.areas.features).toHaveLength(1);
  });

  it('draws every event in view exactly once, and none the filter hides', () => {
    const events = [...days(20, 'raqqa'), ...days(5, 'deir'), ...days(3, 'crossing'), ...days(4, 'syria'), ...days(2, 'london')];
    for (const zoom of [1, 4, 8, 12]) {
      const { f } = features(events, zoom);
      expect(total(f)).toBe(30);
      expect(f.drawn).toBe(30);
      const odd = features(events, zoom, (i) => i % 2 === 1);
      expect(total(odd.f)).toBe(15);
      for (const m of odd.f.marks.features) if (m.properties.kind === 'event') expect(m.properties.event % 2).toBe(1);
    }
  });

  it('fan slots, discs and counts', () => {
    expect(fanOffset(1, 0)).toEqual([0, 0]);
    expect(fanOffset(4, 0)[0]).toBe(0);
    expect(fanOffset(4, 0)[1]).toBeCloseTo(-fanRadius(4), 1);
    expect(fanSlots()).toHaveLength((FAN_MAX * (FAN_MAX + 1)) / 2);
    expect(new Set(fanSlots().map((s) => s.slot)).size).toBe(fanSlots().length);
    expect(fanSlot(1, 0)).toBe(16);
    expect(discRadius(10)).toBeGreaterThan(discRadius(2));
    expect(discRadius(10_000_000)).toBe(30);
    expect([shortCount(7), shortCount(1234), shortCount(12_345), shortCount(1_234_567)]).toEqual(['7', '1,234', '12k', '1.2M']);
    expect(worldPxAtZoom(0) * 2).toBe(WORLD_PX_AT_ZOOM_0);
  });

  it('rings the hovered and the selected event where it is drawn: its own mark, else its place; none without coordinates', () => {
    const { header, columns } = mapColumns([...days(3, 'raqqa'), ...days(12, 'deir'), ...days(1, 'syria')]);
    const index = buildMapIndex(header, columns);
    const counts = countInWindow(index, columns, WINDOW, undefined);
    const worldPx = WORLD_PX_AT_ZOOM_0 * 2 ** 9;
    const f = buildFeatures({ index, cols: columns, counts, agg: aggregate(index.positions, counts, { worldPx, cellPx: 46 }), shown: undefined, worldPx });
    const raqqa = [...f.eventMarks.keys()][1]!;
    const inDisc = Array.from({ length: columns.count }, (_, i) => i).find((i) => !f.eventMarks.has(i) && index.anchors[i]! >= 0)!;
    const nowhere = Array.from({ length: columns.count }, (_, i) => i).find((i) => index.anchors[i] === -1)!;
    const rings = ringFeatures(index, f, columns.count, raqqa, inDisc);
    expect(rings.map((r) => r.properties)).toEqual([
      { ring: 'ring:hover', slot: f.eventMarks.get(raqqa)!.slot, event: raqqa },
      { ring: 'ring:selected', slot: 16, event: inDisc }
    ]);
    expect(rings[1]!.geometry.coordinates).toEqual([index.positions.lon[index.anchors[inDisc]!], index.positions.lat[index.anchors[inDisc]!]]);
    expect(ringFeatures(index, f, columns.count, nowhere, undefined)).toEqual([]);
    expect(ringFeatures(index, f, columns.count, raqqa, raqqa).map((r) => r.properties.ring)).toEqual(['ring:selected']);
    expect(ringFeatures(index, f, columns.count, columns.count + 5, -1)).toEqual([]);
  });

  it('frames the places of the events in view, weighted, approximate ones with their uncertainty', () => {
    const { header, columns } = mapColumns([...days(3, 'raqqa'), ...days(2, 'crossing'), { start: '2016-01-01', place: 'london' }]);
    const index = buildMapIndex(header, columns);
    const points = framePoints(index, countInWindow(index, columns, WINDOW, undefined));
    expect(points).toEqual([
      { lon: 39.00788, lat: 35.95283, radiusKm: 0, weight: 3 },
      { lon: 40.95399, lat: 34.42239, radiusKm: 5, weight: 2 }
    ]);
    // Nothing in view: every place with coordinates.
    expect(framePoints(index, countInWindow(index, columns, { start: 0, end: 1 }, undefined))).toHaveLength(6);
  });
});
