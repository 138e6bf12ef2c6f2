// Where a map looks and how it projects: bounds in longitude and latitude, the frame of a set of
// places (far-off stragglers left out and counted, as the timeline's frame does with far-off
// events), and a Web Mercator projection fitted to a box (the projection of the map view too).
import { geoDistance, geoMercator, type GeoProjection } from 'd3-geo';

export interface LonLatBounds {
  /** Degrees; west < east (a frame across the antimeridian is not supported). */
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

export const WORLD_BOUNDS: LonLatBounds = { west: -180, south: -58, east: 180, north: 78 };

/** Web Mercator cannot show the poles: frames stop here. */
export const MAX_LATITUDE = 82;

export const EARTH_RADIUS_KM = 6371;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

/** Smallest frame, in km across: one place alone is shown with its surroundings. */
export const MIN_FRAME_KM = 160;

const clampLat = (lat: number): number => Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));

export interface FramePoint {
  readonly lon: number;
  readonly lat: number;
  /** Radius the point stands for (an approximate place's uncertainty), km. */
  readonly radiusKm?: number;
  /** How many events it holds (stragglers holding many events stay in the frame). */
  readonly weight?: number;
}

/** The bounds holding every point with its radius, at least MIN_FRAME_KM across, with a margin. */
export function boundsOf(points: readonly FramePoint[], marginShare = 0.08): LonLatBounds {
  if (points.length === 0) return WORLD_BOUNDS;
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const p of points) {
    const r = p.radiusKm ?? 0;
    const dLat = r / KM_PER_DEGREE;
    const dLon = r / (KM_PER_DEGREE * Math.max(0.05, Math.cos((p.lat * Math.PI) / 180)));
    west = Math.min(west, p.lon - dLon);
    east = Math.max(east, p.lon + dLon);
    south = Math.min(south, p.lat - dLat);
    north = Math.max(north, p.lat + dLat);
  }
  const midLat = (south + north) / 2;
  const minLat = MIN_FRAME_KM / KM_PER_DEGREE;
  const minLon = MIN_FRAME_KM / (KM_PER_DEGREE * Math.max(0.05, Math.cos((midLat * Math.PI) / 180)));
  if (north - south < minLat) [south, north] = [midLat - minLat / 2, midLat + minLat / 2];
  if (east - west < minLon) {
    const mid = (east + west) / 2;
    [west, east] = [mid - minLon / 2, mid + minLon / 2];
  }
  const mx = (east - west) * marginShare;
  const my = (north - south) * marginShare;
  return { west: Math.max(-180, west - mx), east: Math.min(180, east + mx), south: clampLat(south - my), north: clampLat(north + my) };
}

export interface Frame {
  readonly bounds: LonLatBounds;
  /** Indices of points left out of the frame (far from the others, holding few events). */
  readonly outside: readonly number[];
}

/**
 * The frame of `points`: their bounds, leaving out stragglers far from the body of them (more
 * than 1,000 km and three times the usual distance from their middle) as long as those hold at
 * most a fifth of the events, so one event in London does not shrink a map of the Euphrates to
 * nothing. Fewer than four points are always all shown.
 */
export function frameOf(points: readonly FramePoint[]): Frame {
  if (points.length < 4) return { bounds: boundsOf(points), outside: [] };
  const median = (values: number[]): number => {
    const s = [...values].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const centre: [number, number] = [median(points.map((p) => p.lon)), median(points.map((p) => p.lat))];
  const km = points.map((p) => geoDistance([p.lon, p.lat], centre) * EARTH_RADIUS_KM);
  const sorted = [...km].sort((a, b) => a - b);
  const usual = sorted[Math.floor((sorted.length - 1) * 0.75)]!;
  const limit = Math.max(1000, 3 * usual);
  const outside = points.map((_, i) => i).filter((i) => km[i]! > limit);
  const total = points.reduce((n, p) => n + (p.weight ?? 1), 0);
  const away = outside.reduce((n, i) => n + (points[i]!.weight ?? 1), 0);
  if (outside.length === 0 || away > total / 5) return { bounds: boundsOf(points), outside: [] };
  const gone = new Set(outside);
  return { bounds: boundsOf(points.filter((_, i) => !gone.has(i))), outside };
}

/** A Web Mercator projection showing all of `bounds` centred in the box [x0, y0]–[x1, y1]. */
export function fitMercator(bounds: LonLatBounds, box: readonly [readonly [number, number], readonly [number, number]]): GeoProjection {
  const corners = {
    type: 'MultiPoint' as const,
    coordinates: [
      [bounds.west, clampLat(bounds.south)],
      [bounds.east, clampLat(bounds.south)],
      [bounds.east, clampLat(bounds.north)],
      [bounds.west, clampLat(bounds.north)]
    ]
  };
  return geoMercator()
    .precision(0.2)
    .fitExtent([[box[0][0], box[0][1]], [box[1][0], box[1][1]]], corners);
}

/** Pixels a distance of `km` spans at (lon, lat) on `projection` (measured north–south, as Mercator is conformal). */
export function kmToPixels(projection: GeoProjection, lon: number, lat: number, km: number): number {
  const dLat = Math.min(km / KM_PER_DEGREE, 20);
  const a = projection([lon, clampLat(lat - dLat / 2)]);
  const b = projection([lon, clampLat(lat + dLat / 2)]);
  if (!a || !b) return 0;
  return (Math.abs(a[1] - b[1]) * km) / (dLat * KM_PER_DEGREE);
}
