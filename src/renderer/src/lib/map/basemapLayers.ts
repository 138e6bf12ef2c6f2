// The offline basemap, as the map view draws it: main reads the file the build made from the app's
// own resources (getBasemap; nothing is fetched), and here its TopoJSON becomes the GeoJSON layers
// the map's sources take, one layer per task (the detailed basemap holds 17,000 arcs: decoded in one
// go it would hold the page for longer than a frame budget allows).
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, GeoJSON, Geometry, MultiLineString } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { GeometryCollection } from 'topojson-specification';
import { basemapCredits, type BasemapCities, type BasemapFile } from '../../../../shared/map/basemap';
import { SOURCES } from './mapStyle';

export interface BasemapLayers {
  readonly resolution: BasemapFile['resolution'];
  readonly land: FeatureCollection;
  readonly lakes: FeatureCollection;
  readonly rivers: FeatureCollection;
  /** Borders between countries, each once. */
  readonly borders: MultiLineString;
  /** Borders between first-level regions inside one country (none in the world basemap). */
  readonly admin1: MultiLineString;
  readonly cities: BasemapCities;
  /** "Natural Earth", "GeoNames (CC BY 4.0)": what the map must credit. */
  readonly credits: readonly string[];
}

const EMPTY_LINES: MultiLineString = { type: 'MultiLineString', coordinates: [] };
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Let the page draw a frame between two pieces of work. */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function collection(file: BasemapFile, name: string): FeatureCollection {
  const object = file.topology.objects[name];
  if (!object) return EMPTY;
  const fc = feature(file.topology, object) as FeatureCollection | Feature<Geometry>;
  return fc.type === 'FeatureCollection' ? fc : { type: 'FeatureCollection', features: [fc] };
}

const countryOf = (g: { properties?: unknown }): unknown => (g.properties as { country?: unknown } | undefined)?.country;

/** The layers of a basemap file, decoded a layer per task. */
export async function decodeLayers(file: BasemapFile): Promise<BasemapLayers> {
  const t = file.topology;
  const land = collection(file, 'land');
  await yieldToPage();
  const borders = t.objects['countries'] ? mesh(t, t.objects['countries'] as GeometryCollection, (a, b) => a !== b) : EMPTY_LINES;
  await yieldToPage();
  const lakes = collection(file, 'lakes');
  const rivers = collection(file, 'rivers');
  await yieldToPage();
  const admin1Object = t.objects['admin1'] as GeometryCollection | undefined;
  // Inside one country only: where two countries meet, the country border is drawn instead.
  const admin1 = admin1Object ? mesh(t, admin1Object, (a, b) => a !== b && countryOf(a) === countryOf(b)) : EMPTY_LINES;
  return { resolution: file.resolution, land, lakes, rivers, borders, admin1, cities: file.cities, credits: basemapCredits(file.sources) };
}

/**
 * Hand the layers to the map's sources, one task apiece: each is copied to MapLibre's worker, and
 * the detailed ones take a while. Stops when `current` says these layers were replaced.
 */
export async function handOver(map: MapLibreMap, b: BasemapLayers, current: () => boolean): Promise<void> {
  const layers: [string, GeoJSON][] = [
    [SOURCES.land, b.land],
    [SOURCES.borders, b.borders],
    [SOURCES.lakes, b.lakes],
    [SOURCES.rivers, b.rivers],
    [SOURCES.admin1, b.admin1]
  ];
  for (const [id, data] of layers) {
    if (!current()) return;
    map.getSource<GeoJSONSource>(id)?.setData(data);
    await yieldToPage();
  }
}

export interface CityInView {
  readonly index: number;
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
}

/**
 * The largest cities inside `bounds` (the basemap lists them by population, largest first), at
 * most `max`: a test of longitude and latitude per city, no projection, so it is cheap every frame.
 */
export function citiesIn(cities: BasemapCities, bounds: { west: number; south: number; east: number; north: number }, max: number): CityInView[] {
  const out: CityInView[] = [];
  const wraps = bounds.east - bounds.west >= 360;
  for (let i = 0; i < cities.name.length && out.length < max; i++) {
    const lon = cities.lon[i]!;
    const lat = cities.lat[i]!;
    if (lat < bounds.south || lat > bounds.north) continue;
    const shown = wraps ? lon : lonWithin(lon, bounds.west, bounds.east);
    if (shown === undefined) continue;
    out.push({ index: i, name: cities.name[i]!, lon: shown, lat });
  }
  return out;
}

/** `lon` as it lies between west and east (which may run past ±180 on a map showing world copies), or undefined. */
function lonWithin(lon: number, west: number, east: number): number | undefined {
  for (const shift of [0, -360, 360]) if (lon + shift >= west && lon + shift <= east) return lon + shift;
  return undefined;
}
