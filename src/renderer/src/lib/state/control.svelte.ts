// Control at the cursor's date, for the map: who holds each place as of the time cursor's day,
// worked out only from the dataset's capture and control events (their records come with the
// payload: DatasetPayload.control), with contested and uncertain places said as such and the
// deciding event's column index, so one click selects it. Reached as `viewer.control`.
//
// For the map view:
//  - `atCursor`: one PlaceControlView per place some capture or control event names (places
//    without coordinates included; `lonLat` says where, when the place has coordinates);
//  - `geojson`: the same as a GeoJSON FeatureCollection of points (places with coordinates), flat
//    properties a MapLibre style can read (see ControlFeatureProperties);
//  - `describe(place)`: the whole answer in words, for a tooltip or panel ("Syrian Democratic
//    Forces (SDF) from October 2017 (raqqa-taken)");
//  - `select(place)`: select the deciding event (viewer.select), revealing it on the timeline.
import { indexControl, controlAtDate, type ControlIndex, type PlaceControl } from '../../../../shared/map/controlAtDate';
import type { ControlRecord } from '../../../../shared/map/controlRecords';
import { unpackControl } from '../../../../shared/map/controlPack';
import { stringAt } from '../../../../shared/dataset/columns';
import { actorList, describeControl } from '../../../../shared/map/controlWords';
import type { DatasetPayload } from '../../../../shared/ipc/contract';

/** What a place's control comes to at the cursor's date, flat enough to style and to click. */
export interface PlaceControlView {
  /** Index into header.places. */
  readonly place: number;
  readonly placeId: string;
  readonly name: string;
  /** [lon, lat] where the place has coordinates. */
  readonly lonLat: readonly [number, number] | undefined;
  readonly state: PlaceControl['state'];
  /** Actor indices: who holds it (held), or who no longer does (released); empty otherwise, and for a capture that names no taker. */
  readonly holders: readonly number[];
  /** The holders' names ("Syrian army"), '' when none is named. */
  readonly holderNames: string;
  /** A key for colouring by holder: the holders' actor ids, sorted, joined by '+' ('' when none). */
  readonly holderKey: string;
  /** held: taken by a capture ('took') or reported held ('held'). */
  readonly how: 'took' | 'held' | undefined;
  /** An event whose window of possible dates holds the date would change the answer. */
  readonly uncertain: boolean;
  /** An event shown is claimed, disputed or an analyst's assessment. */
  readonly doubtful: boolean;
  /** Column index of the deciding event (held, released) or of the latest claim (contested); undefined for none. */
  readonly decidingIndex: number | undefined;
  readonly decidingId: string | undefined;
  /** The full answer, for describe(). */
  readonly control: PlaceControl;
}

/** Properties of each point of `geojson` (primitives only, as MapLibre keeps them). */
export interface ControlFeatureProperties {
  readonly place: number;
  readonly placeId: string;
  readonly name: string;
  readonly state: PlaceControl['state'];
  readonly holderKey: string;
  readonly holderNames: string;
  readonly how: string;
  readonly uncertain: boolean;
  readonly doubtful: boolean;
  /** -1 when there is no deciding event in the columns. */
  readonly decidingIndex: number;
}

export interface ControlGeoJson {
  readonly type: 'FeatureCollection';
  readonly features: readonly {
    readonly type: 'Feature';
    readonly id: number;
    readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
    readonly properties: ControlFeatureProperties;
  }[];
}

/** What the control state reads of the viewer. */
export interface ControlHost {
  readonly payload: DatasetPayload | undefined;
  /** The time cursor's day (UTC ms), or undefined without a dataset. */
  readonly date: number | undefined;
  select(index: number | undefined, options?: { reveal?: boolean }): void;
}

/** Column index of each event by its position in the file (-1: not in the columns, e.g. left out). */
export function columnsBySource(sourceIndex: Uint32Array): Int32Array {
  let max = -1;
  for (let i = 0; i < sourceIndex.length; i++) if (sourceIndex[i]! > max) max = sourceIndex[i]!;
  const out = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < sourceIndex.length; i++) out[sourceIndex[i]!] = i;
  return out;
}

/** The event that decides what is shown: the deciding one, or the latest of the claims that disagree. */
function decidingRecord(c: PlaceControl): ControlRecord | undefined {
  if (c.state === 'held' || c.state === 'released') return c.deciding;
  if (c.state === 'contested') return c.claims[c.claims.length - 1];
  return undefined;
}

export class ControlState {
  readonly #host: ControlHost;
  /** The capture and control events' records (unpacked from the payload when first asked for). */
  readonly records: readonly ControlRecord[];
  /** The records indexed by place, once per dataset. */
  readonly index: ControlIndex | undefined;
  /** Capture and control events that name no place the dataset knows (the map can say how many it cannot show). */
  readonly withoutPlace: number;
  /** Column index by position in the file: made only when control is first asked for (one pass over the columns). */
  readonly #columnOf: Int32Array | undefined;
  /** Control of every place some capture or control event names, as of the cursor's date. */
  readonly atCursor: readonly PlaceControlView[];
  /** By place index. */
  readonly byPlace: ReadonlyMap<number, PlaceControlView>;
  /** The places with coordinates as GeoJSON points (a MapLibre source's data). */
  readonly geojson: ControlGeoJson;

  constructor(host: ControlHost) {
    this.#host = host;
    this.#columnOf = $derived(host.payload ? columnsBySource(host.payload.columns.sourceIndex) : undefined);
    this.records = $derived.by(() => {
      const payload = host.payload;
      if (!payload) return [];
      const columnOf = this.#columnOf!;
      // Every record's event is in the columns (records are made of the events kept).
      return unpackControl(payload.control, (source) => stringAt(payload.columns.ids, columnOf[source]!));
    });
    this.index = $derived(host.payload ? indexControl(this.records) : undefined);
    this.withoutPlace = $derived(host.payload?.control.withoutPlace ?? 0);
    this.atCursor = $derived(this.#views());
    this.byPlace = $derived(new Map(this.atCursor.map((v) => [v.place, v])));
    this.geojson = $derived(controlGeoJson(this.atCursor));
  }

  #views(): PlaceControlView[] {
    const payload = this.#host.payload;
    const index = this.index;
    const date = this.#host.date;
    if (!payload || !index || date === undefined) return [];
    const { places, actors } = payload.header;
    const columnOf = this.#columnOf!;
    return controlAtDate(index, date).map((c): PlaceControlView => {
      const place = places[c.place]!;
      const holders = c.state === 'held' || c.state === 'released' ? c.holders : [];
      const deciding = decidingRecord(c);
      const column = deciding ? columnOf[deciding.sourceIndex] : undefined;
      return {
        place: c.place,
        placeId: place.id,
        name: place.name,
        lonLat: place.coordinates ? [place.coordinates.lon, place.coordinates.lat] : undefined,
        state: c.state,
        holders,
        holderNames: actorList(holders, { actor: (i) => actors[i]?.name ?? '' }),
        holderKey: holders.map((i) => actors[i]?.id ?? String(i)).sort().join('+'),
        how: c.state === 'held' ? c.how : undefined,
        uncertain: c.uncertain.length > 0,
        doubtful: c.doubts.length > 0,
        decidingIndex: column !== undefined && column >= 0 ? column : undefined,
        decidingId: deciding?.id,
        control: c
      };
    });
  }

  /** The answer for a place in words (who holds it since when, what makes it uncertain, its doubts); '' for a place no event names. */
  describe(place: number): string {
    const view = this.byPlace.get(place);
    const actors = this.#host.payload?.header.actors ?? [];
    return view ? describeControl(view.control, { actor: (i) => actors[i]?.name ?? '' }) : '';
  }

  /** Select the event that decides a place's control (one click on the map), revealing it on the timeline. */
  select(place: number): boolean {
    const index = this.byPlace.get(place)?.decidingIndex;
    if (index === undefined) return false;
    this.#host.select(index, { reveal: true });
    return true;
  }
}

/** Places with coordinates as GeoJSON points, with flat properties. */
export function controlGeoJson(views: readonly PlaceControlView[]): ControlGeoJson {
  return {
    type: 'FeatureCollection',
    features: views
      .filter((v) => v.lonLat !== undefined)
      .map((v) => ({
        type: 'Feature' as const,
        id: v.place,
        geometry: { type: 'Point' as const, coordinates: v.lonLat! },
        properties: {
          place: v.place,
          placeId: v.placeId,
          name: v.name,
          state: v.state,
          holderKey: v.holderKey,
          holderNames: v.holderNames,
          how: v.how ?? '',
          uncertain: v.uncertain,
          doubtful: v.doubtful,
          decidingIndex: v.decidingIndex ?? -1
        }
      }))
  };
}
