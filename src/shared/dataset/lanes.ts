// Lanes of the theatre mode: each event goes to the lane of the theatre countries its places lie
// in (one country: that country; several: a shared cross-border lane; none: "Elsewhere").
import { countryName } from './describe';
import type { DatasetMetadata, Place } from './schema';

export const ELSEWHERE_LANE = 'elsewhere';

/** Places by id (a Map, or anything that finds a place by id). */
export type PlaceById = Pick<ReadonlyMap<string, Place>, 'get'>;

/** Countries of a place, inherited from its parents when it names none itself. */
export function placeCountries(places: PlaceById, id: string): readonly string[] {
  const seen = new Set<string>();
  for (let place = places.get(id); place; place = place.parent ? places.get(place.parent) : undefined) {
    if (place.countries.length > 0) return place.countries;
    if (seen.has(place.id)) break;
    seen.add(place.id);
  }
  return [];
}

/** Countries of an event's places, in order of first appearance. */
export function eventCountries(places: PlaceById, placeIds: readonly string[]): string[] {
  const countries: string[] = [];
  for (const id of placeIds) for (const c of placeCountries(places, id)) if (!countries.includes(c)) countries.push(c);
  return countries;
}

/**
 * The theatre lane key of an event: "SY", "IQ+SY", or "elsewhere". With declared theatres only
 * those count (in their declared order); without, every country is a theatre (sorted).
 */
export function theatreKey(countries: readonly string[], declared: readonly string[]): string {
  const inTheatres = declared.length > 0 ? declared.filter((c) => countries.includes(c)) : [...countries].sort();
  return inTheatres.length === 0 ? ELSEWHERE_LANE : inTheatres.join('+');
}

/**
 * Display order and labels of the theatre lanes seen: declared theatres in their order (else
 * single countries by number of events), then cross-border lanes, then Elsewhere.
 */
export function orderTheatreLanes(metadata: DatasetMetadata, keys: readonly { key: string; count: number }[]): { key: string; label: string }[] {
  const declared = metadata.theatres.map((t) => t.country);
  const labelOf = (country: string) => metadata.theatres.find((t) => t.country === country)?.label ?? countryName(country);
  const singles = keys.filter((k) => k.key !== ELSEWHERE_LANE && !k.key.includes('+'));
  const multis = keys.filter((k) => k.key.includes('+'));
  singles.sort((a, b) =>
    declared.length > 0 ? declared.indexOf(a.key) - declared.indexOf(b.key) : b.count - a.count || a.key.localeCompare(b.key)
  );
  multis.sort((a, b) => a.key.split('+').length - b.key.split('+').length || a.key.localeCompare(b.key));
  const lanes = [...singles, ...multis].map((k) => ({ key: k.key, label: k.key.split('+').map(labelOf).join(' & ') }));
  if (keys.some((k) => k.key === ELSEWHERE_LANE)) lanes.push({ key: ELSEWHERE_LANE, label: 'Elsewhere' });
  return lanes;
}
