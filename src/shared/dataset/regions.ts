// Admin regions (provinces, governorates, states) of places: a place's own admin1 when it gives
// one, else the nearest enclosing place that is a province. Used for lanes and filters by region.
import { countryName } from './describe';
import type { Place } from './schema';

export interface Region {
  /** Stable key: "<country>|<admin1>" or "place:<id>" for a province given as a place. */
  readonly key: string;
  readonly label: string;
  readonly country: string | undefined;
}

export interface PlaceRegions {
  readonly regions: readonly Region[];
  /** Region index of each place (header order), -1 when it has none. */
  readonly regionOfPlace: Int32Array;
}

/**
 * Regions of every place. Labels name the country too when regions of several countries occur,
 * by `countryLabel` (see countryLabeller: the name the dataset gives it).
 */
export function placeRegions(places: readonly Place[], countryLabel: (code: string) => string = countryName): PlaceRegions {
  const byId = new Map(places.map((p, i) => [p.id, i]));
  const keys = new Map<string, number>();
  const found: { key: string; name: string; country: string | undefined }[] = [];
  const regionOfPlace = new Int32Array(places.length).fill(-1);
  places.forEach((_, i) => {
    const seen = new Set<number>();
    let country: string | undefined;
    for (let k: number | undefined = i; k !== undefined && !seen.has(k); k = places[k]!.parent ? byId.get(places[k]!.parent!) : undefined) {
      seen.add(k);
      const p: Place = places[k]!;
      country ??= p.countries.length === 1 ? p.countries[0] : undefined;
      let key: string | undefined;
      let name: string | undefined;
      if (p.admin1) {
        const c = p.countries.length === 1 ? p.countries[0] : country;
        key = `${c ?? ''}|${p.admin1}`;
        name = p.admin1;
        country = c;
      } else if (p.kind === 'province') {
        key = `place:${p.id}`;
        name = p.name;
      }
      if (key === undefined || name === undefined) continue;
      let r = keys.get(key);
      if (r === undefined) {
        r = found.length;
        keys.set(key, r);
        found.push({ key, name, country });
      }
      regionOfPlace[i] = r;
      break;
    }
  });
  const countries = new Set(found.map((f) => f.country ?? ''));
  const regions = found.map((f) => ({
    key: f.key,
    label: countries.size > 1 && f.country ? `${f.name} (${countryLabel(f.country)})` : f.name,
    country: f.country
  }));
  return { regions, regionOfPlace };
}
