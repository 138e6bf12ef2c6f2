// A dataset in numbers: events by type and precision, date ranges, figures. Printed by the
// command line; pure so tests and other front ends can use it too.
import { FIGURE_SEPARATOR, eventView, stringAt, type DatasetHeader, type EventColumns } from './columns';
import { DATE_PRECISIONS, isoDay, type DatePrecision } from './dates';
import { EVENT_TYPES, type EventType } from './eventTypes';
import type { Problem } from './problems';
import type { Citation, EventLink } from './schema';

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
  readonly figures: readonly { eventId: string; text: string }[];
}

export function summarizeDataset(header: DatasetHeader, cols: EventColumns): DatasetSummary {
  const typeCounts = new Map<EventType, number>();
  const precisionCounts = new Map<DatePrecision, number>();
  let spans = 0;
  const figures: { eventId: string; text: string }[] = [];
  for (let i = 0; i < cols.count; i++) {
    const view = eventView(cols, i);
    typeCounts.set(view.type, (typeCounts.get(view.type) ?? 0) + 1);
    precisionCounts.set(view.precision, (precisionCounts.get(view.precision) ?? 0) + 1);
    if (view.endPrecision) spans++;
    const labels = stringAt(cols.figureLabels, i);
    if (labels !== '') for (const text of labels.split(FIGURE_SEPARATOR)) figures.push({ eventId: view.id, text });
  }
  const range = (r: { start: number; end: number } | undefined) => (r ? { start: isoDay(r.start), end: isoDay(r.end - 1) } : undefined);
  return {
    title: header.metadata.title,
    events: cols.count,
    byType: EVENT_TYPES.filter((t) => typeCounts.has(t)).map((type) => ({ type, count: typeCounts.get(type) ?? 0 })),
    byPrecision: DATE_PRECISIONS.filter((p) => precisionCounts.has(p)).map((precision) => ({ precision, count: precisionCounts.get(precision) ?? 0 })),
    spans,
    fullRange: range(header.fullRange),
    storyRange: range(header.storyRange),
    places: header.places.length,
    placesWithCoordinates: header.places.filter((p) => p.coordinates).length,
    actors: header.actors.length,
    sources: header.sources.length,
    figures
  };
}

/**
 * Check every citation quote is a verbatim substring of its source's text, for the sources whose
 * text is at hand (`texts`: source id -> full text).
 */
export function verifyQuotes(events: readonly { readonly id: string; readonly citations: readonly Citation[] }[], texts: ReadonlyMap<string, string>, file: string): Problem[] {
  const problems: Problem[] = [];
  events.forEach((e, i) => {
    e.citations.forEach((c, j) => {
      const text = texts.get(c.source);
      if (text !== undefined && c.quote !== undefined && !text.includes(c.quote)) {
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

/** Likewise for the quotes of the links' citations (`links[i].citation.quote`). */
export function verifyLinkQuotes(links: readonly Pick<EventLink, 'citation'>[], texts: ReadonlyMap<string, string>, file: string): Problem[] {
  const problems: Problem[] = [];
  links.forEach((l, i) => {
    const c = l.citation;
    const text = c === undefined ? undefined : texts.get(c.source);
    if (c?.quote !== undefined && text !== undefined && !text.includes(c.quote)) {
      problems.push({ severity: 'error', file, field: `links[${i}].citation.quote`, message: `the quote is not found word for word in the text of source "${c.source}"` });
    }
  });
  return problems;
}
