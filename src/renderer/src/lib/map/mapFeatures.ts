// The events in view as map features (GeoJSON for MapLibre's sources), from the clusters of their
// places at the current zoom (shared/map/mapAggregate.ts):
//  - a place with a few events in view, exact: each event its own mark, shaped and coloured by its
//    type, fanned out around the place when there are several (each can be hovered and selected);
//  - an approximate place: a soft area as wide as its uncertainty, in metres, never a pin;
//  - more events, or several places close together at this zoom: a disc with their count.
// Pure: columns and counts in, features out.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { EventColumns } from '../../../../shared/dataset/columns';
import { EVENT_TYPE_STYLES, EVENT_TYPES } from '../../../../shared/dataset/eventTypes';
import { clusterPlaces, type Aggregate, type Cluster } from '../../../../shared/map/mapAggregate';
import { separateMarks, type MarkGroup } from './discs';
import { eventsInViewAt, type MapIndex, type Shown, type WindowCounts } from './mapData';

/** A place with at most this many events in view shows each of them; more make a disc with the count. */
export const FAN_MAX = 8;
/** Colour of a disc or an area whose events differ in type. */
export const MIXED_COLOUR = '#56616c';
/** Web Mercator's circumference at the equator, metres, and MapLibre's world size at zoom 0, px. */
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
export const WORLD_PX_AT_ZOOM_0 = 512;

export type MarkProps =
  | { readonly kind: 'event'; readonly event: number; readonly type: string; readonly place: number; readonly slot: number }
  /** A disc: `group` indexes MapFeatures.groups (the clusters it joins). */
  | { readonly kind: 'cluster'; readonly group: number; readonly count: number; readonly label: string; readonly r: number; readonly place: number };

export interface AreaProps {
  readonly kind: 'area';
  readonly place: number;
  readonly count: number;
  /** The one event when the area holds one, else -1. */
  readonly event: number;
  readonly colour: string;
  /** Radius in px at zoom 0 (the style scales it by 2^zoom, so it keeps its size in metres). */
  readonly r0: number;
}

/**
 * A mark to name, for its label: its place (a disc of several places is named after the one with
 * most events, `others` more), where it is, its events in view, how far its mark reaches (px).
 */
export interface PlaceMark {
  readonly place: number;
  readonly others: number;
  readonly lon: number;
  readonly lat: number;
  readonly count: number;
  readonly reach: number;
}

export interface MapFeatures {
  readonly marks: FeatureCollection<Point, MarkProps>;
  readonly areas: FeatureCollection<Point, AreaProps>;
  /** Each event drawn on its own: where, and its fan slot (for the hover and selection rings). */
  readonly eventMarks: ReadonlyMap<number, { readonly lon: number; readonly lat: number; readonly slot: number }>;
  readonly places: readonly PlaceMark[];
  /** The marks' groups of clusters (a disc's `group`): what a click on it zooms to or lists. */
  readonly groups: readonly MarkGroup[];
  /** Events drawn (in marks, discs and areas): the counts' `located`, less any outside the bounds aggregated. */
  readonly drawn: number;
}

/** Slot of event j (0-based) of k fanned around a place: k·16 + j (k at most FAN_MAX). */
export const fanSlot = (k: number, j: number): number => k * 16 + j;

/** Where event j of k sits around its place, px (x right, y down): a ring, starting at the top. */
export function fanOffset(k: number, j: number): [number, number] {
  if (k <= 1) return [0, 0];
  const r = fanRadius(k);
  const a = -Math.PI / 2 + (2 * Math.PI * j) / k;
  return [Math.round(r * Math.cos(a) * 10) / 10, Math.round(r * Math.sin(a) * 10) / 10];
}

/** Radius of the ring k marks are fanned on, px: neighbours 19 px apart, so 17 px marks do not touch. */
export function fanRadius(k: number): number {
  return k <= 1 ? 0 : Math.max(11, 9.5 / Math.sin(Math.PI / k));
}

/** Every slot fanOffset gives, for the style's offset expression. */
export function fanSlots(): { slot: number; offset: [number, number] }[] {
  const out: { slot: number; offset: [number, number] }[] = [];
  for (let k = 1; k <= FAN_MAX; k++) for (let j = 0; j < k; j++) out.push({ slot: fanSlot(k, j), offset: fanOffset(k, j) });
  return out;
}

/** A disc's radius for `count` events, px: grows with the count's order of magnitude. */
export function discRadius(count: number): number {
  return Math.min(30, 10 + 5 * Math.log10(Math.max(1, count)));
}

/** "7", "1,234", "12k", "1.2M": a disc's count, short. */
export function shortCount(n: number): string {
  if (n < 10_000) return n.toLocaleString('en-GB');
  if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
  return `${(Math.round(n / 100_000) / 10).toLocaleString('en-GB')}M`;
}

/** Radius at zoom 0, px, of an area `km` wide at latitude `lat` (Web Mercator stretches it away from the equator). */
export function radiusAtZoom0(km: number, lat: number): number {
  const metresPerPx = (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / WORLD_PX_AT_ZOOM_0;
  return (km * 1000) / Math.max(metresPerPx, 1e-9);
}

export function typeColour(code: number): string {
  const t = EVENT_TYPES[code];
  return t ? EVENT_TYPE_STYLES[t].colour : MIXED_COLOUR;
}

export interface FeatureInput {
  readonly index: MapIndex;
  readonly cols: Pick<EventColumns, 'type' | 'flags'>;
  readonly counts: WindowCounts;
  readonly agg: Aggregate;
  readonly shown: Shown;
  /** The world's width in px at the zoom the clusters were made for (to keep marks apart on screen). */
  readonly worldPx: number;
}

const point = <P>(lon: number, lat: number, properties: P): Feature<Point, P> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });

/** The features for the clusters of the events in view. O(clusters + events drawn on their own). */
export function buildFeatures(input: FeatureInput): MapFeatures {
  const { index, cols, counts, agg, shown } = input;
  const marks: Feature<Point, MarkProps>[] = [];
  const areas: Feature<Point, AreaProps>[] = [];
  const eventMarks = new Map<number, { lon: number; lat: number; slot: number }>();
  const places: PlaceMark[] = [];
  const { lon: lons, lat: lats } = index.positions;
  const soft = (c: Cluster) => c.place >= 0 && index.approximate[c.place] === 1;
  const markRadius = (c: Cluster) => (soft(c) ? undefined : c.place >= 0 && c.count <= FAN_MAX ? fanRadius(c.count) + 9 : discRadius(c.count));
  const groups = separateMarks(agg, input.worldPx, markRadius, discRadius);
  let drawn = 0;
  groups.forEach((g, k) => {
    drawn += g.count;
    const c = agg.clusters[g.clusters[0]!]!;
    const p = g.clusters.length === 1 ? c.place : -1;
    if (p >= 0 && soft(c)) {
      const lon = lons[p]!;
      const lat = lats[p]!;
      const events = eventsInViewAt(index, cols, p, counts, shown, 1);
      const colour = c.count === 1 ? typeColour(cols.type[events[0]!]!) : uniformColour(index, cols, p, counts, shown);
      areas.push(point(lon, lat, { kind: 'area', place: p, count: c.count, event: c.count === 1 ? events[0]! : -1, colour, r0: radiusAtZoom0(index.radiusKm[p]!, lat) }));
      places.push({ place: p, others: 0, lon, lat, count: c.count, reach: 6 });
      return;
    }
    if (p >= 0 && c.count <= FAN_MAX) {
      const lon = lons[p]!;
      const lat = lats[p]!;
      const events = eventsInViewAt(index, cols, p, counts, shown, FAN_MAX);
      events.forEach((e, j) => {
        const slot = fanSlot(events.length, j);
        marks.push(point(lon, lat, { kind: 'event', event: e, type: EVENT_TYPES[cols.type[e]!] ?? 'other', place: p, slot }));
        eventMarks.set(e, { lon, lat, slot });
      });
      places.push({ place: p, others: 0, lon, lat, count: c.count, reach: fanRadius(events.length) + 9 });
      return;
    }
    const r = discRadius(g.count);
    const [lon, lat] = g.clusters.length === 1 ? [c.lon, c.lat] : [g.lon, g.lat];
    marks.push(point(lon, lat, { kind: 'cluster', group: k, count: g.count, label: shortCount(g.count), r, place: p }));
    places.push({ place: p >= 0 ? p : busiest(agg, g, counts), others: g.places - 1, lon, lat, count: g.count, reach: r });
  });
  return { marks: { type: 'FeatureCollection', features: marks }, areas: { type: 'FeatureCollection', features: areas }, eventMarks, places, groups, drawn };
}

export interface RingProps {
  readonly ring: 'ring:hover' | 'ring:selected';
  readonly slot: number;
  readonly event: number;
}

/**
 * The rings around the hovered and the selected event: on its own mark where it is drawn alone
 * (fanned: at its slot), else at its place (inside a disc or a soft area); none for an event with
 * no place on the map. The selection wins when both are the same event.
 */
export function ringFeatures(index: MapIndex, features: MapFeatures | undefined, eventCount: number, hovered: number | undefined, selected: number | undefined): Feature<Point, RingProps>[] {
  const out: Feature<Point, RingProps>[] = [];
  const ring = (event: number | undefined, kind: RingProps['ring']) => {
    if (event === undefined || event < 0 || event >= eventCount) return;
    const at = features?.eventMarks.get(event);
    const p = index.anchors[event]!;
    if (!at && p < 0) return;
    const lon = at ? at.lon : index.positions.lon[p]!;
    const lat = at ? at.lat : index.positions.lat[p]!;
    out.push(point(lon, lat, { ring: kind, slot: at ? at.slot : fanSlot(1, 0), event }));
  };
  if (hovered !== selected) ring(hovered, 'ring:hover');
  ring(selected, 'ring:selected');
  return out;
}

/** The place of a group's clusters with most events in view. */
function busiest(agg: Aggregate, g: MarkGroup, counts: WindowCounts): number {
  let best = -1;
  for (const k of g.clusters) {
    for (const p of clusterPlaces(agg, agg.clusters[k]!)) if (best < 0 || counts.counts[p]! > counts.counts[best]!) best = p;
  }
  return best;
}

/** The colour of the type every event in view at `place` shares, or MIXED_COLOUR (looks at 200 at most). */
function uniformColour(index: MapIndex, cols: Pick<EventColumns, 'type' | 'flags'>, place: number, run: { lo: number; hi: number }, shown: Shown): string {
  const events = eventsInViewAt(index, cols, place, run, shown, 200);
  const t = cols.type[events[0]!];
  return t !== undefined && events.every((e) => cols.type[e] === t) ? typeColour(t) : MIXED_COLOUR;
}
