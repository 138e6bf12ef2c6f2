// Where the map looks during a presentation step: the places of the step's event, framed as an
// export's map frames its places (projection.ts frameOf: a margin, approximate places as wide as
// their uncertainty, far-off stragglers left out when four or more places are framed), never
// narrower than a region (one town is not shown at street level). A step whose event has no place
// with coordinates shows the places of the whole presentation instead. Pure: columns in, bounds out.
import type { EventColumns } from '../../../../shared/dataset/columns';
import type { Place } from '../../../../shared/dataset/schema';
import { DEFAULT_UNCERTAINTY_KM } from '../../../../shared/map/mapSvg';
import { EARTH_RADIUS_KM, frameOf, MAX_LATITUDE, type FramePoint, type LonLatBounds } from '../../../../shared/map/projection';

/** Smallest frame of a step, km across: a town with its surroundings and its neighbours. */
export const STEP_MIN_FRAME_KM = 300;

export interface StepMapFrame {
  /** What to show: west < east, south < north, in degrees. */
  readonly bounds: LonLatBounds;
  /** Places framed (indices into header.places). */
  readonly places: readonly number[];
  /** Places of the step left out as far-off stragglers. */
  readonly outside: readonly number[];
  /** 'step': the step's own places; 'story': none of them has coordinates, so every step's places. */
  readonly of: 'step' | 'story';
}

const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

/** Bounds at least `km` across both ways, around their middle. */
export function withMinExtent(bounds: LonLatBounds, km: number): LonLatBounds {
  let { west, east, south, north } = bounds;
  const minLat = km / KM_PER_DEGREE;
  if (north - south < minLat) {
    const mid = (north + south) / 2;
    [south, north] = [Math.max(-MAX_LATITUDE, mid - minLat / 2), Math.min(MAX_LATITUDE, mid + minLat / 2)];
  }
  const midLat = (north + south) / 2;
  const minLon = km / (KM_PER_DEGREE * Math.max(0.05, Math.cos((midLat * Math.PI) / 180)));
  if (east - west < minLon) {
    const mid = (east + west) / 2;
    [west, east] = [Math.max(-180, mid - minLon / 2), Math.min(180, mid + minLon / 2)];
  }
  return { west, south, east, north };
}

/** The places of events `indices` that have coordinates, each once, with how many of the events name it. */
function locatedPlaces(indices: readonly number[], cols: EventColumns, places: readonly Place[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const i of indices) {
    for (let k = cols.placeOffsets[i]!; k < cols.placeOffsets[i + 1]!; k++) {
      const p = cols.placeIndex[k]!;
      if (places[p]?.coordinates) out.set(p, (out.get(p) ?? 0) + 1);
    }
  }
  return out;
}

function frameOfPlaces(located: Map<number, number>, places: readonly Place[], of: 'step' | 'story'): StepMapFrame {
  const chosen = [...located.keys()].sort((a, b) => a - b);
  const points: FramePoint[] = chosen.map((p) => {
    const c = places[p]!.coordinates!;
    return { lon: c.lon, lat: c.lat, weight: located.get(p)!, ...(c.precision === 'approximate' ? { radiusKm: c.uncertaintyKm ?? DEFAULT_UNCERTAINTY_KM } : {}) };
  });
  const frame = frameOf(points);
  const gone = new Set(frame.outside);
  return {
    bounds: withMinExtent(frame.bounds, STEP_MIN_FRAME_KM),
    places: chosen.filter((_, k) => !gone.has(k)),
    outside: frame.outside.map((k) => chosen[k]!),
    of
  };
}

/**
 * The map's frame for step `position` of `steps` (column indices in presentation order): the
 * step's event's places, or, when it has none with coordinates, those of every step. Undefined
 * when no step has a place with coordinates (the map then stays as it is).
 */
export function stepMapFrame(steps: readonly number[], position: number, cols: EventColumns, places: readonly Place[]): StepMapFrame | undefined {
  const index = steps[position];
  if (index === undefined) return undefined;
  const own = locatedPlaces([index], cols, places);
  if (own.size > 0) return frameOfPlaces(own, places, 'step');
  const all = locatedPlaces(steps, cols, places);
  return all.size > 0 ? frameOfPlaces(all, places, 'story') : undefined;
}
