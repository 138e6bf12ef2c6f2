// Many events on a map: events are counted by place first (a million events share a few thousand
// places), then the places with events are gathered into clusters where their marks would overlap
// at the current zoom; zoomed in, each place stands alone and its events can be listed.
import type { EventSubset } from '../filter/eventFilter';

/** Web Mercator stops here, as tiled maps do. */
const MAX_MERCATOR_LAT = 85.05112878;

/** Where each place is, in Web Mercator units of the whole world ([0, 1) across, 0 at the top); NaN without coordinates. */
export interface PlacePositions {
  readonly count: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
}

export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

export function mercatorY(lat: number): number {
  const phi = (Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
}

export function mercatorLat(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** Positions of the header's places (once per dataset). */
export function placePositions(places: readonly { readonly coordinates?: { readonly lon: number; readonly lat: number } | undefined }[]): PlacePositions {
  const n = places.length;
  const out = { count: n, x: new Float64Array(n).fill(NaN), y: new Float64Array(n).fill(NaN), lon: new Float64Array(n).fill(NaN), lat: new Float64Array(n).fill(NaN) };
  for (let i = 0; i < n; i++) {
    const c = places[i]!.coordinates;
    if (!c || !Number.isFinite(c.lon) || !Number.isFinite(c.lat)) continue;
    out.lon[i] = c.lon;
    out.lat[i] = c.lat;
    out.x[i] = mercatorX(c.lon);
    out.y[i] = mercatorY(c.lat);
  }
  return out;
}

/**
 * The place each event is drawn at: the first of its places that has coordinates, or -1 (so the
 * counts add up to the events: an event at two places is drawn once). Once per dataset, O(events).
 */
export function eventAnchors(cols: { readonly count: number; readonly placeOffsets: Uint32Array; readonly placeIndex: Uint32Array }, positions: PlacePositions): Int32Array {
  const anchors = new Int32Array(cols.count).fill(-1);
  for (let i = 0; i < cols.count; i++) {
    for (let k = cols.placeOffsets[i]!; k < cols.placeOffsets[i + 1]!; k++) {
      const p = cols.placeIndex[k]!;
      if (p < positions.count && positions.x[p] === positions.x[p]) {
        anchors[i] = p;
        break;
      }
    }
  }
  return anchors;
}

/** Events by the place they are drawn at, in column order: place p's are events[offsets[p], offsets[p+1]). Once per dataset. */
export interface PlaceEvents {
  readonly offsets: Uint32Array;
  readonly events: Uint32Array;
}

export function eventsByPlace(anchors: Int32Array, placeCount: number): PlaceEvents {
  const offsets = new Uint32Array(placeCount + 1);
  for (let i = 0; i < anchors.length; i++) if (anchors[i]! >= 0) offsets[anchors[i]! + 1]!++;
  for (let p = 0; p < placeCount; p++) offsets[p + 1]! += offsets[p]!;
  const fill = offsets.slice(0, placeCount);
  const events = new Uint32Array(offsets[placeCount]!);
  for (let i = 0; i < anchors.length; i++) if (anchors[i]! >= 0) events[fill[anchors[i]!]!++] = i;
  return { offsets, events };
}

/** Events of a subset by place. */
export interface PlaceCounts {
  /** Events per place (indexed by place). */
  readonly counts: Uint32Array;
  /** Places with at least one event, ascending. */
  readonly active: Uint32Array;
  /** Events drawn at a place, and events with no place that has coordinates. */
  readonly located: number;
  readonly unlocated: number;
}

/**
 * Counts the events of a subset (a mask over events, non-zero = in; or a list of event indices;
 * undefined = every event) by place: one pass over the subset, then one over the places.
 */
export function countByPlace(anchors: Int32Array, placeCount: number, subset?: EventSubset): PlaceCounts {
  const counts = new Uint32Array(placeCount);
  let unlocated = 0;
  if (subset === undefined) {
    for (let i = 0; i < anchors.length; i++) {
      const a = anchors[i]!;
      if (a >= 0) counts[a]!++;
      else unlocated++;
    }
  } else if (subset instanceof Uint8Array) {
    if (subset.length !== anchors.length) throw new RangeError(`mask of ${subset.length} for ${anchors.length} events`);
    for (let i = 0; i < anchors.length; i++) {
      if (subset[i] === 0) continue;
      const a = anchors[i]!;
      if (a >= 0) counts[a]!++;
      else unlocated++;
    }
  } else {
    for (let k = 0; k < subset.length; k++) {
      const a = anchors[subset[k]!] ?? -1;
      if (a >= 0) counts[a]!++;
      else unlocated++;
    }
  }
  return { counts, unlocated, ...activePlaces(counts) };
}

/** The places with events among `counts` (in place order), and how many events they hold. */
export function activePlaces(counts: Uint32Array): { active: Uint32Array; located: number } {
  let n = 0;
  let located = 0;
  for (let p = 0; p < counts.length; p++) {
    if (counts[p] !== 0) {
      n++;
      located += counts[p]!;
    }
  }
  const active = new Uint32Array(n);
  for (let p = 0, k = 0; p < counts.length; p++) if (counts[p] !== 0) active[k++] = p;
  return { active, located };
}

/** "37 events have no coordinates", or undefined when every event has some. */
export function noCoordinatesMessage(unlocated: number): string | undefined {
  if (unlocated <= 0) return undefined;
  return unlocated === 1 ? '1 event has no coordinates' : `${unlocated.toLocaleString('en-GB')} events have no coordinates`;
}

/** The events of a place that are in a subset (a mask, or undefined for all), in column order, at most `limit`. */
export function eventsAt(byPlace: PlaceEvents, place: number, mask?: Uint8Array, limit = Infinity): number[] {
  const out: number[] = [];
  for (let k = byPlace.offsets[place]!; k < byPlace.offsets[place + 1]! && out.length < limit; k++) {
    const e = byPlace.events[k]!;
    if (mask === undefined || mask[e] !== 0) out.push(e);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Clusters

/** What the map shows: the whole world's width in screen pixels at this zoom (256 · 2^zoom for tiles; 2π · scale for a d3 Mercator), and the part in view. */
export interface AggregateView {
  readonly worldPx: number;
  /** Side of the grid's cells in pixels: marks closer than about this are gathered. */
  readonly cellPx?: number;
  /** The part of the world in view, in degrees; places outside are counted in `outside`, not clustered. */
  readonly bounds?: { readonly west: number; readonly south: number; readonly east: number; readonly north: number };
}

export const DEFAULT_CELL_PX = 48;

export interface Cluster {
  /** Where to draw it: the centroid of its places, weighted by their events. */
  readonly lon: number;
  readonly lat: number;
  /** Events in it, and places. */
  readonly count: number;
  readonly places: number;
  /** The place when it holds one (zoomed in, a single place whose events can be listed), else -1. */
  readonly place: number;
  /** Its places are members[first, first + places). */
  readonly first: number;
  /** [west, south, east, north] of its places: zoom to this to see them apart. */
  readonly bbox: readonly [number, number, number, number];
}

export interface Aggregate {
  /** Largest first. */
  readonly clusters: readonly Cluster[];
  readonly members: Uint32Array;
  /** Events at places outside the bounds. */
  readonly outside: number;
  readonly located: number;
  readonly unlocated: number;
}

/** Per grid cell while gathering: sums for the weighted centroid. */
interface Cell {
  key: number;
  cx: number;
  cy: number;
  count: number;
  places: number;
  sx: number;
  sy: number;
  /** Index of the cell this one was merged into, or itself. */
  root: number;
}

/**
 * Gathers the places with events into clusters: each place falls in a square cell of `cellPx`
 * at this zoom; then a cell whose centroid lies within half a cell of a neighbour's (largest
 * first) joins it, so marks on either side of a cell edge do not overlap. O(active places).
 */
export function aggregate(positions: PlacePositions, counts: PlaceCounts, view: AggregateView): Aggregate {
  const cellPx = view.cellPx ?? DEFAULT_CELL_PX;
  const scale = view.worldPx / cellPx;
  const cols = Math.ceil(scale);
  const b = view.bounds;
  const [x0, x1, y0, y1] = b ? [mercatorX(b.west), mercatorX(b.east), mercatorY(b.north), mercatorY(b.south)] : [-Infinity, Infinity, -Infinity, Infinity];
  const cells: Cell[] = [];
  const byKey = new Map<number, number>();
  const cellOf = new Int32Array(counts.active.length).fill(-1);
  let outside = 0;
  for (let k = 0; k < counts.active.length; k++) {
    const p = counts.active[k]!;
    const x = positions.x[p]!;
    const y = positions.y[p]!;
    const w = counts.counts[p]!;
    if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1)) {
      outside += w;
      continue;
    }
    const cx = Math.min(cols - 1, Math.floor(x * scale));
    const cy = Math.min(cols - 1, Math.floor(y * scale));
    const key = cy * cols + cx;
    let c = byKey.get(key);
    if (c === undefined) {
      c = cells.length;
      byKey.set(key, c);
      cells.push({ key, cx, cy, count: 0, places: 0, sx: 0, sy: 0, root: c });
    }
    const cell = cells[c]!;
    cell.count += w;
    cell.places++;
    cell.sx += x * w;
    cell.sy += y * w;
    cellOf[k] = c;
  }
  mergeNeighbours(cells, byKey, cols, view.worldPx, cellPx / 2);
  return gather(positions, counts, cells, cellOf, outside);
}

/** Joins neighbouring cells whose centroids are closer than `mergePx`, largest cells first. */
function mergeNeighbours(cells: Cell[], byKey: Map<number, number>, cols: number, worldPx: number, mergePx: number): void {
  const order = cells.map((_, i) => i).sort((a, b) => cells[b]!.count - cells[a]!.count || a - b);
  const done = new Uint8Array(cells.length);
  for (const i of order) {
    const c = cells[i]!;
    if (c.root !== i) continue;
    done[i] = 1;
    const cx = c.sx / c.count;
    const cy = c.sy / c.count;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        // Not across the antimeridian: a centroid of places on both sides would land half a world away.
        if ((dx === 0 && dy === 0) || c.cy + dy < 0 || c.cy + dy >= cols || c.cx + dx < 0 || c.cx + dx >= cols) continue;
        const j = byKey.get((c.cy + dy) * cols + c.cx + dx);
        if (j === undefined || done[j] || cells[j]!.root !== j) continue;
        const n = cells[j]!;
        const dist = Math.hypot((n.sx / n.count - cx) * worldPx, (n.sy / n.count - cy) * worldPx);
        if (dist < mergePx) {
          n.root = i;
          done[j] = 1;
        }
      }
    }
  }
}

/** The clusters from merged cells: members grouped by cluster, centroids, boxes. */
function gather(positions: PlacePositions, counts: PlaceCounts, cells: Cell[], cellOf: Int32Array, outside: number): Aggregate {
  const clusterOfRoot = new Int32Array(cells.length).fill(-1);
  const sums: { count: number; places: number; sx: number; sy: number }[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const r = c.root;
    if (clusterOfRoot[r] === -1) {
      clusterOfRoot[r] = sums.length;
      sums.push({ count: 0, places: 0, sx: 0, sy: 0 });
    }
    const s = sums[clusterOfRoot[r]!]!;
    s.count += c.count;
    s.places += c.places;
    s.sx += c.sx;
    s.sy += c.sy;
  }
  const starts = new Uint32Array(sums.length + 1);
  for (let k = 0; k < sums.length; k++) starts[k + 1] = starts[k]! + sums[k]!.places;
  const fill = starts.slice(0, sums.length);
  const members = new Uint32Array(starts[sums.length]!);
  const bbox = sums.map(() => [Infinity, Infinity, -Infinity, -Infinity]);
  for (let k = 0; k < cellOf.length; k++) {
    if (cellOf[k]! < 0) continue;
    const cl = clusterOfRoot[cells[cellOf[k]!]!.root]!;
    const p = counts.active[k]!;
    members[fill[cl]!++] = p;
    const box = bbox[cl]!;
    const lon = positions.lon[p]!;
    const lat = positions.lat[p]!;
    if (lon < box[0]!) box[0] = lon;
    if (lat < box[1]!) box[1] = lat;
    if (lon > box[2]!) box[2] = lon;
    if (lat > box[3]!) box[3] = lat;
  }
  const clusters: Cluster[] = sums.map((s, k) => ({
    lon: (s.sx / s.count) * 360 - 180,
    lat: mercatorLat(s.sy / s.count),
    count: s.count,
    places: s.places,
    place: s.places === 1 ? members[starts[k]!]! : -1,
    first: starts[k]!,
    bbox: bbox[k] as [number, number, number, number]
  }));
  clusters.sort((a, b) => b.count - a.count || a.first - b.first);
  return { clusters, members, outside, located: counts.located, unlocated: counts.unlocated };
}

/** The places of a cluster. */
export function clusterPlaces(agg: Aggregate, cluster: Cluster): Uint32Array {
  return agg.members.subarray(cluster.first, cluster.first + cluster.places);
}

/** The world's width in pixels at a tile zoom level (256 px tiles). */
export function worldPxAtZoom(zoom: number): number {
  return 256 * 2 ** zoom;
}
