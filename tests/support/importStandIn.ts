// A stand-in for importText in tests of what happens after an import (opening, inspect): it
// "imports" a given dataset the way a real importer does, handing each event to the sink it is
// given (ImportOptions.sink) with its line, or keeping them in the result when there is none.
import { headerLookup } from '../../src/shared/dataset/datasetColumns';
import type { Problem } from '../../src/shared/dataset/problems';
import type { DatasetInput } from '../../src/shared/dataset/schema';
import type { GrowingHeader } from '../../src/shared/import/importBuilder';
import type { ImportFormat, ImportOptions, ImportOutcome } from '../../src/shared/import/types';

export type ImportTextFn = (text: string, file: string, options?: ImportOptions) => ImportOutcome;

/** The header of a dataset whose sources, places and actors are all made already. */
export function completeHeader(ds: Pick<DatasetInput, 'sources' | 'places' | 'actors'>): GrowingHeader {
  const places = (ds.places ?? []) as Parameters<typeof headerLookup>[0]['places'];
  const actors = (ds.actors ?? []) as Parameters<typeof headerLookup>[0]['actors'];
  return {
    ...headerLookup({ places, actors }),
    sourceIds: new Set(ds.sources.map((s) => s.id)),
    placeIds: new Set(places.map((p) => p.id)),
    actorIds: new Set(actors.map((a) => a.id))
  };
}

export interface StandInResult {
  /** Lines of the events (default: 2, 3, 4…); undefined: the event is an item of a JSON file. */
  readonly lines?: readonly (number | undefined)[];
  readonly problems?: readonly Problem[];
  /** Data rows in the "file" (default: the events plus the skipped rows). */
  readonly total?: number;
  /** Rows the "importer" skipped. */
  readonly skipped?: number;
  readonly format?: ImportFormat;
}

/** An importText that imports `dataset` (its events in order) whatever text it is given. */
export function standInImport(dataset: DatasetInput, extra: StandInResult = {}): ImportTextFn {
  return (_text, _file, options) => {
    const { events } = dataset;
    const lines = extra.lines ?? events.map((_, i) => i + 2);
    const sink = options?.sink;
    if (sink) {
      sink.begin(completeHeader(dataset));
      events.forEach((e, i) => sink.add(e, lines[i]));
    }
    const skipped = extra.skipped ?? 0;
    return {
      status: 'imported',
      result: {
        format: extra.format ?? 'acled',
        dataset: sink ? { ...dataset, events: [] } : dataset,
        lineOfEvent: sink ? [] : lines,
        problems: [...(extra.problems ?? [])],
        rows: { total: extra.total ?? events.length + skipped, imported: events.length, skipped }
      }
    };
  };
}
