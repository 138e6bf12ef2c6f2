// Places of table rows with their admin hierarchy (ACLED's admin1–3, UCDP's adm_1–2): each
// distinct row place made once, under its admin regions, in its country, so regions work for lanes
// and filters. Shared by the ACLED and UCDP importers.
import type { COORDINATE_PRECISIONS, PLACE_KINDS } from '../dataset/vocabulary';
import { clip, type ImportBuilder } from './importBuilder';
import { PlaceLists } from './rowHelpers';

type CoordinatePrecision = (typeof COORDINATE_PRECISIONS)[number];
type PlaceKind = (typeof PLACE_KINDS)[number];

export interface PlaceRow {
  /** The place itself (ACLED location, UCDP where_coordinates); the finest admin region when empty. */
  readonly name: string;
  readonly admin1: string;
  readonly admin2: string;
  readonly admin3?: string;
  readonly country: string | undefined;
  readonly countryName: string;
  readonly at: { lat: number; lon: number } | undefined;
  readonly precision: CoordinatePrecision;
  readonly kind: PlaceKind;
  readonly note?: string | undefined;
  readonly uncertaintyKm?: number | undefined;
}

/** A place made for a row, with what tells it apart from others of its name. */
interface MadePlace {
  readonly row: PlaceRow;
  readonly id: string | undefined;
  /** The events' list of that place alone (see PlaceLists); undefined when the row names no place. */
  readonly list: string[] | undefined;
}

function samePlace(a: PlaceRow, b: PlaceRow): boolean {
  // Numbers and the constant words first: they are cheapest to compare.
  return (
    a.at?.lat === b.at?.lat &&
    a.at?.lon === b.at?.lon &&
    a.precision === b.precision &&
    a.kind === b.kind &&
    a.note === b.note &&
    a.uncertaintyKm === b.uncertaintyKm &&
    a.name === b.name &&
    a.admin1 === b.admin1 &&
    a.admin2 === b.admin2 &&
    (a.admin3 ?? '') === (b.admin3 ?? '') &&
    a.country === b.country &&
    a.countryName === b.countryName
  );
}

/**
 * Places with their admin hierarchy: admin1 (a province), admin2 and admin3 each become a place
 * once, parent of the next, and the place of the row names admin1/admin2 and its parent, so
 * regions (derived from admin1) work for lanes and filters. A level named like the one above it
 * (a district named after its province) is not made again.
 */
export class PlaceMaker {
  /**
   * Places made, by their coordinates (a number key: no text to hash): rows name few distinct
   * places, so the short list at a point is scanned.
   */
  readonly #byPoint = new Map<number, MadePlace[]>();
  #count = 0;
  readonly #admins = new Map<string, string>();
  readonly #lists = new PlaceLists();
  constructor(
    private readonly b: ImportBuilder,
    private readonly coordinateSource: string
  ) {}

  #admin(key: string, make: () => string): string {
    let id = this.#admins.get(key);
    if (id === undefined) {
      id = make();
      this.#admins.set(key, id);
    }
    return id;
  }

  /** Id of the row's place, or undefined when the row names no place at all. */
  place(p: PlaceRow): string | undefined {
    return this.#made(p).id;
  }

  /**
   * The places of an event at the row's place: the list of its id alone, shared by every event
   * there (as PlaceLists gives it, found with the place); [] when the row names no place.
   */
  placeList(p: PlaceRow): string[] {
    return this.#made(p).list ?? [];
  }

  #made(p: PlaceRow): MadePlace {
    const point = p.at ? p.at.lat * 1000 + p.at.lon : NaN;
    let made = this.#byPoint.get(point);
    if (made === undefined) {
      made = [];
      this.#byPoint.set(point, made);
    }
    for (let i = 0; i < made.length; i++) if (samePlace(made[i]!.row, p)) return made[i]!;
    const id = this.#make(p);
    const place = { row: p, id, list: id === undefined ? undefined : this.#lists.of(id) };
    made.push(place);
    return place;
  }

  #make(p: PlaceRow): string | undefined {
    const countries = p.country ? [p.country] : [];
    const b = this.b;
    const c = p.country ?? p.countryName;
    const admin1 = p.admin1 === '' ? undefined : clip(p.admin1, 500);
    const admin2 = p.admin2 === '' || p.admin2 === p.admin1 ? undefined : clip(p.admin2, 500);
    const admin3 = !p.admin3 || p.admin3 === p.admin2 || p.admin3 === p.admin1 ? undefined : clip(p.admin3, 500);
    let parent: string | undefined;
    if (admin1) {
      const key = `1\u0000${c}\u0000${admin1}`;
      parent = this.#admin(key, () => b.place({ name: admin1, kind: 'province', countries: [...countries], admin1 }, key));
    }
    if (admin2) {
      const key = `2\u0000${c}\u0000${admin1 ?? ''}\u0000${admin2}`;
      const up = parent;
      parent = this.#admin(key, () => b.place({ name: admin2, kind: 'region', countries: [...countries], ...(admin1 ? { admin1 } : {}), admin2, ...(up ? { parent: up } : {}) }, key));
    }
    if (admin3) {
      const key = `3\u0000${c}\u0000${admin1 ?? ''}\u0000${admin2 ?? ''}\u0000${admin3}`;
      const up = parent;
      parent = this.#admin(key, () =>
        b.place({ name: admin3, kind: 'area', countries: [...countries], ...(admin1 ? { admin1 } : {}), ...(admin2 ? { admin2 } : {}), ...(up ? { parent: up } : {}) }, key)
      );
    }
    // Each row's place is its own entry in the builder (this class already told them apart).
    const key = `\u0000row\u0000${++this.#count}`;
    // A district's own name in the admin2 field, also when it repeats the province's name.
    const admin = { ...(admin1 ? { admin1 } : {}), ...(p.admin2 !== '' ? { admin2: clip(p.admin2, 500) } : {}), ...(parent ? { parent } : {}) };
    if (p.name !== '') {
      return b.place({ name: clip(p.name, 500), kind: p.kind, countries, ...admin, ...(p.at ? { coordinates: coordinates(p, this.coordinateSource) } : {}) }, key);
    }
    // No place name: the finest admin region (or the country) names the point; without
    // coordinates the admin region itself is the place.
    if (!p.at) return parent;
    const name = p.admin3 || p.admin2 || p.admin1 || p.countryName || `${p.at.lat}, ${p.at.lon}`;
    return b.place({ name: clip(name, 500), kind: p.kind, countries, ...admin, coordinates: coordinates(p, this.coordinateSource) }, key);
  }
}

function coordinates(p: PlaceRow, source: string) {
  return {
    lat: p.at!.lat,
    lon: p.at!.lon,
    precision: p.precision,
    ...(p.uncertaintyKm !== undefined ? { uncertaintyKm: p.uncertaintyKm } : {}),
    source,
    ...(p.note ? { note: p.note } : {})
  };
}
