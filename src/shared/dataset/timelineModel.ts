// A validated dataset resolved for drawing: each event's dates as UTC windows, its lane keys, and
// lookups by id. Pure; the renderer, the exporter and the command line all build on it.
import { coarserPrecision, parseDateValue, type DatePrecision, type DateWindow } from './dates';
import { EVENT_TYPES, EVENT_TYPE_STYLES, type EventType } from './eventTypes';
import type { Actor, Dataset, Place, Source, TimelineEvent } from './schema';

export interface ResolvedEvent {
  readonly event: TimelineEvent;
  /** Position in the dataset's events array. */
  readonly index: number;
  /** Window the start value names. */
  readonly startWindow: DateWindow;
  /** Window the end value names, when the event is a span. */
  readonly endWindow: DateWindow | undefined;
  /** Earliest instant the event may cover. */
  readonly start: number;
  /** Latest instant (exclusive) the event may cover. */
  readonly end: number;
  /** Coarsest precision of its ends. */
  readonly precision: DatePrecision;
  /** Countries of its places (with parents'), in order of first appearance. */
  readonly countries: readonly string[];
}

export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

export interface TimelineModel {
  readonly dataset: Dataset;
  /** Sorted by start, then end, then dataset order. */
  readonly events: readonly ResolvedEvent[];
  readonly byId: ReadonlyMap<string, ResolvedEvent>;
  readonly places: ReadonlyMap<string, Place>;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly sources: ReadonlyMap<string, Source>;
  /** Range of every event. */
  readonly fullRange: TimeRange | undefined;
  /** Range of every event except historical context, which may lie centuries away. */
  readonly storyRange: TimeRange | undefined;
}

function windowOf(value: string, precision: DatePrecision): DateWindow {
  const parsed = parseDateValue(value, precision);
  // Validated datasets only reach here; a bad date is a programming error, not user input.
  if (!parsed.ok) throw new Error(`unvalidated date ${value}: ${parsed.reason}`);
  return parsed.window;
}

function placeCountries(places: ReadonlyMap<string, Place>, id: string): readonly string[] {
  const seen = new Set<string>();
  for (let place = places.get(id); place; place = place.parent ? places.get(place.parent) : undefined) {
    if (place.countries.length > 0) return place.countries;
    if (seen.has(place.id)) break;
    seen.add(place.id);
  }
  return [];
}

export function resolveEvent(event: TimelineEvent, index: number, places: ReadonlyMap<string, Place>): ResolvedEvent {
  const startWindow = windowOf(event.start.value, event.start.precision);
  const endWindow = event.end ? windowOf(event.end.value, event.end.precision) : undefined;
  const countries: string[] = [];
  for (const placeId of event.places) {
    for (const c of placeCountries(places, placeId)) if (!countries.includes(c)) countries.push(c);
  }
  return {
    event,
    index,
    startWindow,
    endWindow,
    start: startWindow.start,
    end: Math.max(endWindow?.end ?? startWindow.end, startWindow.end),
    precision: event.end ? coarserPrecision(event.start.precision, event.end.precision) : event.start.precision,
    countries
  };
}

function rangeOf(events: readonly ResolvedEvent[]): TimeRange | undefined {
  if (events.length === 0) return undefined;
  let start = Infinity;
  let end = -Infinity;
  for (const e of events) {
    if (e.start < start) start = e.start;
    if (e.end > end) end = e.end;
  }
  return { start, end };
}

export function buildTimelineModel(dataset: Dataset): TimelineModel {
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const events = dataset.events
    .map((e, i) => resolveEvent(e, i, places))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  const story = events.filter((e) => e.event.type !== 'context');
  return {
    dataset,
    events,
    byId: new Map(events.map((e) => [e.event.id, e])),
    places,
    actors,
    sources,
    fullRange: rangeOf(events),
    storyRange: rangeOf(story.length > 0 ? story : events)
  };
}

// ---------------------------------------------------------------------------------------------
// Lanes

export const LANE_MODES = ['theatre', 'type'] as const;
export type LaneMode = (typeof LANE_MODES)[number];

export interface Lane {
  readonly id: string;
  readonly label: string;
}

export const ELSEWHERE_LANE = 'elsewhere';

/** Theatres: the dataset's declared countries, else every country its events touch, most events first. */
export function theatresOf(model: TimelineModel): readonly { country: string; label: string }[] {
  if (model.dataset.metadata.theatres.length > 0) return model.dataset.metadata.theatres;
  const counts = new Map<string, number>();
  for (const e of model.events) for (const c of e.countries) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([country]) => ({ country, label: country }));
}

/**
 * The lane an event sits in. By theatre: its one theatre country; several theatre countries share
 * a cross-border lane ("Syria & Iraq"); no theatre country goes to "Elsewhere".
 */
export function laneIdOf(e: ResolvedEvent, mode: LaneMode, theatreCountries: readonly string[]): string {
  if (mode === 'type') return `type:${e.event.type}`;
  const inTheatres = theatreCountries.filter((c) => e.countries.includes(c));
  if (inTheatres.length === 0) return ELSEWHERE_LANE;
  return `theatre:${inTheatres.join('+')}`;
}

/** Lanes that hold at least one of `events`, in a stable, meaningful order. */
export function lanesFor(model: TimelineModel, mode: LaneMode, events: readonly ResolvedEvent[] = model.events): Lane[] {
  if (mode === 'type') {
    const present = new Set(events.map((e) => e.event.type));
    return EVENT_TYPES.filter((t) => present.has(t)).map((t: EventType) => ({ id: `type:${t}`, label: EVENT_TYPE_STYLES[t].plural }));
  }
  const theatres = theatresOf(model);
  const countries = theatres.map((t) => t.country);
  const labelOf = new Map(theatres.map((t) => [t.country, t.label]));
  const used = new Set(events.map((e) => laneIdOf(e, mode, countries)));
  const lanes: Lane[] = [];
  for (const t of theatres) {
    const id = `theatre:${t.country}`;
    if (used.has(id)) lanes.push({ id, label: t.label });
  }
  const multi = [...used]
    .filter((id) => id.startsWith('theatre:') && id.includes('+'))
    .sort((a, b) => a.split('+').length - b.split('+').length || a.localeCompare(b));
  for (const id of multi) {
    const label = id
      .slice('theatre:'.length)
      .split('+')
      .map((c) => labelOf.get(c) ?? c)
      .join(' & ');
    lanes.push({ id, label });
  }
  if (used.has(ELSEWHERE_LANE)) lanes.push({ id: ELSEWHERE_LANE, label: 'Elsewhere' });
  return lanes;
}
