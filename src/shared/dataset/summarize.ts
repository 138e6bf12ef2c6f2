// A dataset in numbers: events by type and precision, date ranges, figures. Printed by the
// command line; pure so tests and other front ends can use it too.
import { EVENT_TYPES, type EventType } from './eventTypes';
import { DATE_PRECISIONS, isoDay, type DatePrecision } from './dates';
import { figureLabel } from './formatFigure';
import type { Problem } from './problems';
import type { Dataset } from './schema';
import type { TimelineModel } from './timelineModel';

export interface DatasetSummary {
  readonly title: string;
  readonly events: number;
  readonly byType: readonly { type: EventType; count: number }[];
  readonly byPrecision: readonly { precision: DatePrecision; count: number }[];
  readonly spans: number;
  /** First and last day covered, ISO dates. */
  readonly fullRange: { start: string; end: string } | undefined;
  readonly storyRange: { start: string; end: string } | undefined;
  readonly places: number;
  readonly placesWithCoordinates: number;
  readonly actors: number;
  readonly sources: number;
  readonly figures: readonly { eventId: string; text: string; asWritten: string }[];
}

export function summarizeDataset(model: TimelineModel): DatasetSummary {
  const ds = model.dataset;
  const typeCounts = new Map<EventType, number>();
  const precisionCounts = new Map<DatePrecision, number>();
  for (const e of model.events) {
    typeCounts.set(e.event.type, (typeCounts.get(e.event.type) ?? 0) + 1);
    precisionCounts.set(e.precision, (precisionCounts.get(e.precision) ?? 0) + 1);
  }
  const range = (r: { start: number; end: number } | undefined) =>
    r ? { start: isoDay(r.start), end: isoDay(r.end - 1) } : undefined;
  return {
    title: ds.metadata.title,
    events: ds.events.length,
    byType: EVENT_TYPES.filter((t) => typeCounts.has(t)).map((type) => ({ type, count: typeCounts.get(type) ?? 0 })),
    byPrecision: DATE_PRECISIONS.filter((p) => precisionCounts.has(p)).map((precision) => ({ precision, count: precisionCounts.get(precision) ?? 0 })),
    spans: ds.events.filter((e) => e.end !== undefined).length,
    fullRange: range(model.fullRange),
    storyRange: range(model.storyRange),
    places: ds.places.length,
    placesWithCoordinates: ds.places.filter((p) => p.coordinates).length,
    actors: ds.actors.length,
    sources: ds.sources.length,
    figures: model.events.flatMap((e) => e.event.figures.map((f) => ({ eventId: e.event.id, text: figureLabel(f), asWritten: f.asWritten })))
  };
}

/**
 * Check every citation quote is a verbatim substring of its source's text, for the sources whose
 * text is at hand (`texts`: source id -> full text).
 */
export function verifyQuotes(dataset: Dataset, texts: ReadonlyMap<string, string>, file: string): Problem[] {
  const problems: Problem[] = [];
  dataset.events.forEach((e, i) => {
    e.citations.forEach((c, j) => {
      const text = texts.get(c.source);
      if (text !== undefined && !text.includes(c.quote)) {
        problems.push({
          severity: 'error',
          file,
          field: `events[${i}] (id "${e.id}").citations[${j}].quote`,
          message: `the quote is not found word for word in the text of source "${c.source}"`
        });
      }
    });
  });
  return problems;
}
