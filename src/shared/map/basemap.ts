// The offline basemap as the app ships it (built by scripts/build-basemap.ts from openly licensed
// packages installed from the npm registry) and as the map drawing reads it: pure types and decoding.
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Detail of a basemap: Natural Earth's 1:110m (the world at a glance) or 1:50m (a region). */
export const BASEMAP_RESOLUTIONS = ['110m', '50m'] as const;
export type BasemapResolution = (typeof BASEMAP_RESOLUTIONS)[number];

/** Layers a basemap may hold; a layer missing from the packages installed is listed in `missing`. */
export const BASEMAP_LAYERS = ['land', 'countries', 'admin1', 'lakes', 'rivers', 'cities'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

/** Where a layer's data comes from: the package it was installed from, and what its licence asks. */
export interface BasemapSource {
  readonly layers: readonly BasemapLayer[];
  /** The data as its makers name it, e.g. "Natural Earth 1:50m Admin 0 countries (version 4.1.0)". */
  readonly data: string;
  /** npm package and version it was built from. */
  readonly package: string;
  readonly version: string;
  /** Licence of the data, and of the package that carries it. */
  readonly dataLicence: string;
  readonly packageLicence: string;
  /** The credit drawn on the map, e.g. "Natural Earth". */
  readonly credit: string;
  readonly note?: string;
}

/** A city for context (GeoNames, by population), as columns. */
export interface BasemapCities {
  readonly name: readonly string[];
  readonly lon: readonly number[];
  readonly lat: readonly number[];
  readonly population: readonly number[];
  /** ISO 3166-1 alpha-2. */
  readonly country: readonly string[];
}

/** The file the build writes (JSON), one per resolution. */
export interface BasemapFile {
  readonly format: 'frontline-basemap';
  readonly version: 1;
  readonly resolution: BasemapResolution;
  /** What it was built from (the builder's version and each package's): a changed stamp means build again. */
  readonly stamp: string;
  /** TopoJSON: objects land, countries (properties name), and where present admin1 (name, country), lakes, rivers. */
  readonly topology: Topology;
  readonly cities: BasemapCities;
  /** Smallest population of the cities kept. */
  readonly minPopulation: number;
  readonly sources: readonly BasemapSource[];
  /** What the installed packages do not provide, in plain words (e.g. "river names"). */
  readonly missing: readonly string[];
}

export interface CountryProps {
  readonly name: string;
}
export interface Admin1Props {
  readonly name: string;
  /** ISO 3166-1 alpha-3 of the country. */
  readonly country: string;
}

/** A basemap ready to draw: GeoJSON in longitude and latitude (degrees). */
export interface Basemap {
  readonly resolution: BasemapResolution;
  readonly land: FeatureCollection;
  readonly countries: FeatureCollection<Geometry, CountryProps>;
  /** Borders between countries, each drawn once. */
  readonly countryBorders: MultiLineString;
  readonly admin1: FeatureCollection<Geometry, Admin1Props> | undefined;
  /** Borders between first-level regions inside a country, each drawn once. */
  readonly admin1Borders: MultiLineString | undefined;
  readonly lakes: FeatureCollection | undefined;
  readonly rivers: FeatureCollection | undefined;
  readonly cities: BasemapCities;
  readonly sources: readonly BasemapSource[];
  readonly missing: readonly string[];
}

function collection<P>(topology: Topology, name: string): FeatureCollection<Geometry, P> | undefined {
  const object = topology.objects[name];
  if (!object) return undefined;
  const fc = feature(topology, object) as FeatureCollection<Geometry, P> | Feature<Geometry, P>;
  return fc.type === 'FeatureCollection' ? fc : { type: 'FeatureCollection', features: [fc] };
}

/** Check the shape of a parsed basemap file; a plain reason when it is not one. */
export function checkBasemapFile(value: unknown): { ok: true; file: BasemapFile } | { ok: false; message: string } {
  if (value === null || typeof value !== 'object') return { ok: false, message: 'is not a JSON object' };
  const v = value as Partial<BasemapFile>;
  if (v.format !== 'frontline-basemap') return { ok: false, message: 'is not a Frontline basemap (format)' };
  if (v.version !== 1) return { ok: false, message: `has version ${String(v.version)}, this build reads version 1` };
  if (!v.resolution || !(BASEMAP_RESOLUTIONS as readonly string[]).includes(v.resolution)) return { ok: false, message: 'has no known resolution' };
  const t = v.topology as Partial<Topology> | undefined;
  if (!t || t.type !== 'Topology' || typeof t.objects !== 'object' || !Array.isArray(t.arcs)) return { ok: false, message: 'has no TopoJSON topology' };
  for (const layer of ['land', 'countries']) if (!t.objects?.[layer]) return { ok: false, message: `has no ${layer} layer` };
  const c = v.cities;
  if (!c || !Array.isArray(c.name) || [c.lon, c.lat, c.population, c.country].some((col) => !Array.isArray(col) || col.length !== c.name.length)) return { ok: false, message: 'has no cities table' };
  if (!Array.isArray(v.sources) || !Array.isArray(v.missing)) return { ok: false, message: 'has no sources' };
  return { ok: true, file: v as BasemapFile };
}

const countryOf = (g: { properties?: unknown }): string | undefined => (g.properties as Partial<Admin1Props> | undefined)?.country;

/** The basemap's layers as GeoJSON (borders as meshes, so a shared border is one line). */
export function decodeBasemap(file: BasemapFile): Basemap {
  const t = file.topology;
  const countries = collection<CountryProps>(t, 'countries')!;
  const admin1Object = t.objects['admin1'] as GeometryCollection<Admin1Props> | undefined;
  return {
    resolution: file.resolution,
    land: collection(t, 'land')!,
    countries,
    countryBorders: mesh(t, t.objects['countries'] as GeometryCollection, (a, b) => a !== b),
    admin1: collection<Admin1Props>(t, 'admin1'),
    // Inside one country only: where two countries meet, the country border is drawn instead.
    admin1Borders: admin1Object ? mesh(t, admin1Object, (a, b) => a !== b && countryOf(a) === countryOf(b)) : undefined,
    lakes: collection(t, 'lakes'),
    rivers: collection(t, 'rivers'),
    cities: file.cities,
    sources: file.sources,
    missing: file.missing
  };
}

/** The credits the map must show ("Natural Earth · GeoNames (CC BY 4.0)"), each once, in source order. */
export function basemapCredits(sources: readonly BasemapSource[], layers: readonly BasemapLayer[] = BASEMAP_LAYERS): string[] {
  const out: string[] = [];
  for (const s of sources) if (s.layers.some((l) => layers.includes(l)) && !out.includes(s.credit)) out.push(s.credit);
  return out;
}
