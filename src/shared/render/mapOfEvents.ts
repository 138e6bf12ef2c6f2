// The places of the events an export draws, as the map shows them: one mark per place with
// coordinates, coloured and shaped by its events' type (neutral when they differ), labelled with
// its name and its Arabic name, framed on the body of them (far-off stragglers named in a note,
// as the timeline counts events outside its window). Pure: columns and header in, map input out.
import { FLAG_ERA, type DatasetHeader, type EventColumns } from '../dataset/columns';
import { EVENT_TYPE_STYLES, EVENT_TYPES } from '../dataset/eventTypes';
import type { Place } from '../dataset/schema';
import { DEFAULT_UNCERTAINTY_KM, type MapPlace } from '../map/mapSvg';
import { frameOf, type LonLatBounds } from '../map/projection';
import { formatCount, plural } from './svgPrimitives';
import { hasRtl } from './text';
import { THEMES, type ThemeName } from './themes';

/** Most places drawn on one map (those with most events first); the rest are counted in a note. */
export const MAX_MAP_PLACES = 5000;

export interface EventsMapInput {
  readonly header: DatasetHeader;
  readonly columns: EventColumns;
  readonly window: { readonly start: number; readonly end: number };
  readonly include?: (i: number) => boolean;
  readonly theme?: ThemeName;
}

export interface EventsMap {
  readonly places: readonly MapPlace[];
  /** Index into header.places of each map place. */
  readonly placeIndex: readonly number[];
  readonly bounds: LonLatBounds;
  readonly title: string;
  readonly notes: readonly string[];
  /** Events drawn (in the window and shown by the filters, eras aside), and how many have a place on the map. */
  readonly events: number;
  readonly located: number;
}

/** "Deir al-Zour دير الزور": the name, and its Arabic name where the place has one. */
export function placeLabel(place: Place): string {
  if (hasRtl(place.name)) return place.name;
  const arabic = place.altNames.find((n) => n.lang === 'ar' || (n.lang === undefined && hasRtl(n.name)));
  return arabic ? `${place.name} ${arabic.name}` : place.name;
}

export function eventsMap(input: EventsMapInput): EventsMap {
  const { header, columns: cols, window: win } = input;
  const theme = THEMES[input.theme ?? 'screen'];
  // Per place: events, and the type they share (-1 when they differ).
  const count = new Map<number, number>();
  const typeOf = new Map<number, number>();
  let events = 0;
  let located = 0;
  for (let i = 0; i < cols.count; i++) {
    if (cols.start[i]! >= win.end) break;
    if (cols.end[i]! <= win.start || cols.flags[i]! & FLAG_ERA || (input.include && !input.include(i))) continue;
    events++;
    let onMap = false;
    for (let k = cols.placeOffsets[i]!; k < cols.placeOffsets[i + 1]!; k++) {
      const p = cols.placeIndex[k]!;
      if (!header.places[p]?.coordinates) continue;
      onMap = true;
      count.set(p, (count.get(p) ?? 0) + 1);
      const t = cols.type[i]!;
      const had = typeOf.get(p);
      typeOf.set(p, had === undefined || had === t ? t : -1);
    }
    if (onMap) located++;
  }
  let chosen = [...count.keys()];
  const notes: string[] = [];
  if (chosen.length > MAX_MAP_PLACES) {
    chosen.sort((a, b) => count.get(b)! - count.get(a)! || a - b);
    const dropped = chosen.slice(MAX_MAP_PLACES);
    chosen = chosen.slice(0, MAX_MAP_PLACES);
    notes.push(`${plural(dropped.length, 'place')} with fewer events not drawn (${plural(dropped.reduce((n, p) => n + count.get(p)!, 0), 'event')})`);
  }
  chosen.sort((a, b) => a - b);
  const places: MapPlace[] = chosen.map((p) => {
    const place = header.places[p]!;
    const c = place.coordinates!;
    const t = typeOf.get(p)!;
    const type = t >= 0 ? EVENT_TYPES[t] : undefined;
    return {
      lon: c.lon,
      lat: c.lat,
      precision: c.precision,
      ...(c.uncertaintyKm !== undefined ? { uncertaintyKm: c.uncertaintyKm } : {}),
      colour: type ? theme.typeColour[type] : theme.muted,
      shape: type ? EVENT_TYPE_STYLES[type].shape : 'circle',
      label: placeLabel(place),
      events: count.get(p)!
    };
  });
  const frame = frameOf(places.map((p) => ({ lon: p.lon, lat: p.lat, weight: p.events ?? 1, ...(p.precision === 'approximate' ? { radiusKm: p.uncertaintyKm ?? DEFAULT_UNCERTAINTY_KM } : {}) })));
  if (frame.outside.length > 0) {
    const away = frame.outside.map((k) => chosen[k]!);
    const awayEvents = away.reduce((n, p) => n + count.get(p)!, 0);
    notes.unshift(
      away.length <= 3
        ? `Not on the map: ${away.map((p) => `${header.places[p]!.name} (${plural(count.get(p)!, 'event')})`).join(', ')}`
        : `Not on the map: ${plural(away.length, 'far-off place')} (${plural(awayEvents, 'event')})`
    );
  }
  if (located < events) notes.push(`${formatCount(events - located)} of the ${plural(events, 'event')} have no place with coordinates`);
  const outside = new Set(frame.outside);
  return {
    places: places.filter((_, k) => !outside.has(k)),
    placeIndex: chosen.filter((_, k) => !outside.has(k)),
    bounds: frame.bounds,
    title: located === 0 ? 'No event shown has a place with coordinates' : `Places of the ${plural(located, 'event')} shown`,
    notes,
    events,
    located
  };
}
