// From validated events to columns and the header that goes with them: lane keys from places,
// figure labels, ranges. Used by the streaming loader and for datasets built in memory (imports).
import { ColumnsBuilder, groupAndEra, type DatasetHeader, type EventColumns } from './columns';
import { figureLabel } from './formatFigure';
import { eventCountries, orderTheatreLanes, theatreKey } from './lanes';
import type { Dataset, Place } from './schema';
import type { CheckedEvent, DatasetHeaderInput } from './validator';
import { parseDateValue } from './dates';

export interface LoadedColumns {
  readonly header: DatasetHeader;
  readonly columns: EventColumns;
}

/** Collects checked events for one dataset header. */
export class DatasetColumnsBuilder {
  readonly #builder = new ColumnsBuilder();
  readonly #places: ReadonlyMap<string, Place>;
  readonly #declared: readonly string[];
  /** Theatre lane key by the event's place list (most events share a few). */
  readonly #keyOfPlaces = new Map<string, string>();
  readonly #actorIndex: ReadonlyMap<string, number>;
  readonly #placeIndex: ReadonlyMap<string, number>;

  constructor(readonly header: DatasetHeaderInput) {
    this.#places = new Map(header.places.map((p) => [p.id, p]));
    this.#declared = header.metadata.theatres.map((t) => t.country);
    this.#actorIndex = new Map(header.actors.map((a, i) => [a.id, i]));
    this.#placeIndex = new Map(header.places.map((p, i) => [p.id, i]));
  }

  get count(): number {
    return this.#builder.count;
  }

  add(checked: CheckedEvent, sourceIndex: number): void {
    const e = checked.event;
    const { group, era } = groupAndEra(e.tags);
    this.#builder.add({
      id: e.id,
      title: e.title,
      type: e.type,
      status: e.status,
      start: checked.startWindow.start,
      end: Math.max(checked.endWindow?.end ?? checked.startWindow.end, checked.startWindow.end),
      startPrecision: e.start.precision,
      endPrecision: e.end?.precision,
      theatreKey: this.#theatreKey(e.places),
      figures: e.figures.map((f) => ({ unit: f.unit, value: f.value, label: figureLabel(f) })),
      sourceIndex,
      // References are validated: every id is in the header.
      actors: e.actors.map((a) => this.#actorIndex.get(a.actor) ?? 0),
      places: e.places.map((p) => this.#placeIndex.get(p) ?? 0),
      claimant: e.claimant?.actor === undefined ? -1 : (this.#actorIndex.get(e.claimant.actor) ?? -1),
      summary: e.summary ?? '',
      group,
      era
    });
  }

  #theatreKey(places: readonly string[]): string {
    const cacheKey = places.length === 1 ? places[0]! : places.join('\u0000');
    let key = this.#keyOfPlaces.get(cacheKey);
    if (key === undefined) {
      key = theatreKey(eventCountries(this.#places, places), this.#declared);
      this.#keyOfPlaces.set(cacheKey, key);
    }
    return key;
  }

  finish(): LoadedColumns {
    const done = this.#builder.finish((keys) => orderTheatreLanes(this.header.metadata, keys));
    const h = this.header;
    return {
      header: {
        metadata: h.metadata,
        sources: h.sources,
        places: h.places,
        actors: h.actors,
        theatreLanes: done.theatreLanes,
        figureUnit: done.figureUnit === undefined ? undefined : { unit: done.figureUnit, label: figureUnitLabel(done.figureUnit) },
        fullRange: done.fullRange,
        storyRange: done.storyRange,
        groups: done.groups,
        stories: h.stories ?? []
      },
      columns: done.columns
    };
  }
}

function figureUnitLabel(unit: string): string {
  return unit === 'percent' ? '%' : unit;
}

/** Columns of a dataset already validated as a whole (validateDataset). */
export function columnsFromDataset(ds: Dataset): LoadedColumns {
  const builder = new DatasetColumnsBuilder(ds);
  ds.events.forEach((event, i) => {
    const start = parseDateValue(event.start.value, event.start.precision);
    const end = event.end ? parseDateValue(event.end.value, event.end.precision) : undefined;
    if (!start.ok || (end && !end.ok)) throw new Error(`event ${event.id} was not validated`);
    builder.add({ event, startWindow: start.window, endWindow: end?.ok ? end.window : undefined }, i);
  });
  return builder.finish();
}
