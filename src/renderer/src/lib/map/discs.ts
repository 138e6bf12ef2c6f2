// Marks that would overlap on screen, joined. The grid clustering (shared/map/mapAggregate.ts)
// gathers places by cells, so two big discs in neighbouring cells can still cover each other;
// here, largest first, a mark that would touch one already kept is joined to it (its count added),
// so no disc hides another or a fan of events. Pure: clusters and their radii in px in, groups out.
import type { Aggregate, Cluster } from '../../../../shared/map/mapAggregate';
import { mercatorLat, mercatorX, mercatorY } from '../../../../shared/map/mapAggregate';

/** Marks kept at least this far apart, px. */
export const MARK_GAP_PX = 2;
const CELL = 64;

export interface MarkGroup {
  /** Indices into the aggregate's clusters; the first is the largest. */
  readonly clusters: readonly number[];
  readonly count: number;
  readonly places: number;
  /** Where it is drawn: its clusters' centroid, weighted by their events. */
  readonly lon: number;
  readonly lat: number;
  readonly bbox: readonly [number, number, number, number];
}

interface Item {
  clusters: number[];
  count: number;
  places: number;
  /** Sums of x and y weighted by the events (world px). */
  sx: number;
  sy: number;
  r: number;
  bbox: [number, number, number, number];
}

/** One pass: each item, largest first, joins the first kept item its mark would touch. */
function pass(items: readonly Item[], joinedRadius: (count: number) => number): { kept: Item[]; joins: number } {
  const kept: Item[] = [];
  const grid = new Map<string, number[]>();
  let joins = 0;
  for (const it of items) {
    const x = it.sx / it.count;
    const y = it.sy / it.count;
    const cx = Math.floor(x / CELL);
    const cy = Math.floor(y / CELL);
    let into: Item | undefined;
    for (let dy = -1; dy <= 1 && !into; dy++) {
      for (let dx = -1; dx <= 1 && !into; dx++) {
        for (const j of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const o = kept[j]!;
          if (Math.hypot(o.sx / o.count - x, o.sy / o.count - y) < o.r + it.r + MARK_GAP_PX) {
            into = o;
            break;
          }
        }
      }
    }
    if (into) {
      joins++;
      for (const k of it.clusters) into.clusters.push(k);
      into.count += it.count;
      into.places += it.places;
      into.sx += it.sx;
      into.sy += it.sy;
      into.r = joinedRadius(into.count);
      const b = into.bbox;
      [b[0], b[1], b[2], b[3]] = [Math.min(b[0], it.bbox[0]), Math.min(b[1], it.bbox[1]), Math.max(b[2], it.bbox[2]), Math.max(b[3], it.bbox[3])];
      continue;
    }
    const key = `${cx},${cy}`;
    const list = grid.get(key) ?? [];
    list.push(kept.length);
    grid.set(key, list);
    kept.push(it);
  }
  return { kept, joins };
}

/**
 * Groups of clusters, drawn one mark each, no two touching. `radius` is the mark a cluster alone
 * would get, px (undefined: it is never joined, e.g. an approximate place's soft area);
 * `joinedRadius` the disc of a group of `count` events. `worldPx`: the world's width in px at the
 * zoom clustered for. A joined disc is larger, so passes repeat until none joins (a few at most).
 */
export function separateMarks(agg: Aggregate, worldPx: number, radius: (c: Cluster) => number | undefined, joinedRadius: (count: number) => number): MarkGroup[] {
  const alone: MarkGroup[] = [];
  let items: Item[] = [];
  agg.clusters.forEach((c, k) => {
    const r = radius(c);
    if (r === undefined) {
      alone.push({ clusters: [k], count: c.count, places: c.places, lon: c.lon, lat: c.lat, bbox: c.bbox });
      return;
    }
    const x = mercatorX(c.lon) * worldPx;
    const y = mercatorY(c.lat) * worldPx;
    items.push({ clusters: [k], count: c.count, places: c.places, sx: x * c.count, sy: y * c.count, r, bbox: [...c.bbox] });
  });
  for (let round = 0; round < 8; round++) {
    const { kept, joins } = pass(items, joinedRadius);
    items = kept.sort((a, b) => b.count - a.count);
    if (joins === 0) break;
  }
  const joined = items.map((o) => ({
    clusters: o.clusters,
    count: o.count,
    places: o.places,
    lon: (o.sx / o.count / worldPx) * 360 - 180,
    lat: mercatorLat(o.sy / o.count / worldPx),
    bbox: o.bbox
  }));
  return [...joined, ...alone];
}
