// From validated events to columns and the header that goes with them: lane keys from places,
// figure labels, ranges. Used by the streaming loader and for datasets built in memory (imports).
import { ColumnsBuilder, groupAndEra, type DatasetHeader, type EventColumns } from './columns';
import { figureLabel } from './formatFigure';
import { eventCountries, orderTheatreLanes, theatreKey, type PlaceById } from './lanes';
import type { Dataset } from './schema';
import type { CheckedEvent, DatasetHeaderInput } from './validator';
import { DAY_MS, parseDateValue, type DatePrecision, type DateWindow } from './dates';
import { ControlRecordsBuilder, type ControlData } from '../map/controlRecords';

export interface LoadedColumns {
  readonly header: DatasetHeader;
  readonly columns: EventColumns;
  /** The capture and control events' records ("control at a date" on the map), made while the events came in. */
  readonly control: ControlData;
}

/**
 * What the columns need to know of the header while events come in: their places (for the
 * theatre lanes) and where each actor and place is in the header's lists. An importer's header
 * grows while its rows are read; a native file's is complete before its first event.
 */
export interface HeaderLookup {
  readonly places: PlaceById;
  placeIndex(id: string): number | undefined;
  actorIndex(id: string): number | undefined;
}

/** Lookup into a complete header. */
export function headerLookup(header: Pick<DatasetHeaderInput, 'places' | 'actors'>): HeaderLookup {
  const places = new Map(header.places.map((p, i) => [p.id, { place: p, index: i }]));
  const actors = new Map(header.actors.map((a, i) => [a.id, i]));
  return { places: { get: (id) => places.get(id)?.place }, placeIndex: (id) => places.get(id)?.index, actorIndex: (id) => actors.get(id) };
}

/**
 * Collects checked events, then makes the columns and the header that goes with them. The lane
 * of an event depends on the declared theatres, which an importer only knows at the end: events
 * are grouped by the countries of their places as they come, and each group finds its lane then.
 */
export class DatasetColumnsBuilder {
  readonly #builder = new ColumnsBuilder();
  readonly #lookup: HeaderLookup;
  /** Countries key (see #countriesKey) by the event's place list (most events share a few). */
  readonly #keyOfPlaces = new Map<string, string>();
  /** The countries each countries key stands for. */
  readonly #countriesOfKey = new Map<string, readonly string[]>();
  readonly #control: ControlRecordsBuilder;

  constructor(lookup: HeaderLookup) {
    this.#lookup = lookup;
    this.#control = new ControlRecordsBuilder(lookup);
  }

  get count(): number {
    return this.#builder.count;
  }

  add(checked: CheckedEvent, sourceIndex: number): void {
    const e = checked.event;
    const { group, era } = groupAndEra(e.tags);
    const lookup = this.#lookup;
    const figures = [];
    for (const f of e.figures) figures.push({ unit: f.unit, value: f.value, label: figureLabel(f) });
    const actors = [];
    // References are validated: every id is in the header.
    for (const a of e.actors) actors.push(lookup.actorIndex(a.actor) ?? 0);
    const places = [];
    for (const p of e.places) places.push(lookup.placeIndex(p) ?? 0);
    const s = checked.startWindow;
    const end = Math.max(checked.endWindow?.end ?? s.end, s.end);
    // One literal of the same fields for every event (no spread of optional ones): this runs per event.
    const range = rangeOf(checked);
    this.#builder.add({
      id: e.id,
      title: e.title,
      type: e.type,
      status: e.status,
      start: s.start,
      end,
      startPrecision: e.start.precision,
      endPrecision: e.end?.precision,
      startDays: unfixedDays(e.start.precision, s, e.start.margin),
      endDays: e.end && checked.endWindow ? unfixedDays(e.end.precision, checked.endWindow, e.end.margin) : 0,
      rangeStart: range === undefined ? s.start : range.start,
      rangeEnd: range === undefined ? end : range.end,
      theatreKey: this.#countriesKey(e.places),
      figures,
      sourceIndex,
      actors,
      places,
      claimant: e.claimant?.actor === undefined ? -1 : (lookup.actorIndex(e.claimant.actor) ?? -1),
      summary: e.summary ?? '',
      group,
      era
    });
    // Only capture and control events make a record (it returns at once for the others).
    this.#control.add(e, sourceIndex, s, checked.endWindow);
  }

  /** The countries of the places, in order of first appearance, as one key ("SY", "SY+IQ", ""). */
  #countriesKey(places: readonly string[]): string {
    const cacheKey = places.length === 1 ? places[0]! : places.join('\u0000');
    let key = this.#keyOfPlaces.get(cacheKey);
    if (key === undefined) {
      const countries = eventCountries(this.#lookup.places, places);
      key = countries.join('+');
      this.#keyOfPlaces.set(cacheKey, key);
      this.#countriesOfKey.set(key, countries);
    }
    return key;
  }

  /** The columns and their header. `header`: the dataset's, complete (its declared theatres decide the lanes). */
  finish(header: DatasetHeaderInput): LoadedColumns {
    const declared = header.metadata.theatres.map((t) => t.country);
    const done = this.#builder.finish(
      (keys) => orderTheatreLanes(header.metadata, keys),
      (key) => theatreKey(this.#countriesOfKey.get(key) ?? [], declared)
    );
    return {
      header: {
        metadata: header.metadata,
        sources: header.sources,
        places: header.places,
        actors: header.actors,
        theatreLanes: done.theatreLanes,
        figureUnit: done.figureUnit === undefined ? undefined : { unit: done.figureUnit, label: figureUnitLabel(done.figureUnit) },
        fullRange: done.fullRange,
        storyRange: done.storyRange,
        groups: done.groups,
        stories: header.stories ?? [],
        links: header.links ?? []
      },
      columns: done.columns,
      control: this.#control.finish()
    };
  }
}

/** The window's length in days where its precision does not fix it, else 0 (see EventColumns.startDays). */
function unfixedDays(precision: DatePrecision, window: DateWindow, margin: number | undefined): number {
  return precision === 'between' || margin !== undefined ? Math.round((window.end - window.start) / DAY_MS) : 0;
}

/**
 * What the event adds to the dataset's range when it differs from [start, end): an approximate
 * day's anchor, never its margin. Undefined: the event's own start and end.
 */
function rangeOf(checked: CheckedEvent): { start: number; end: number } | undefined {
  const s = checked.startWindow;
  const e = checked.endWindow ?? s;
  if (s.anchor === undefined && e.anchor === undefined) return undefined;
  return { start: s.anchor ?? s.start, end: e.anchor !== undefined ? e.anchor + DAY_MS : e.end };
}

function figureUnitLabel(unit: string): string {
  return unit === 'percent' ? '%' : unit;
}

/** Columns of a dataset already validated as a whole (validateDataset). */
export function columnsFromDataset(ds: Dataset): LoadedColumns {
  const builder = new DatasetColumnsBuilder(headerLookup(ds));
  ds.events.forEach((event, i) => {
    const start = parseDateValue(event.start.value, event.start.precision, event.start.margin);
    const end = event.end ? parseDateValue(event.end.value, event.end.precision, event.end.margin) : undefined;
    if (!start.ok || (end && !end.ok)) throw new Error(`event ${event.id} was not validated`);
    builder.add({ event, startWindow: start.window, endWindow: end?.ok ? end.window : undefined }, i);
  });
  return builder.finish(ds);
}
