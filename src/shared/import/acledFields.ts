// How ACLED's fields read: its columns by name (every layout), the time precision of a coded
// day, the kind of actor an inter code names, the geo precision of coordinates and fatalities,
// and the event a row makes of them.
import type { ACTOR_KINDS } from '../dataset/vocabulary';
import { columnOf, type CsvHead } from './csvTable';
import { dayWords, type DayRead } from './rowDates';
import type { EventInput } from './importBuilder';
import { fourDigitYear, type Citation, type DatePointInput, type EventActorInput, type Figure } from './rowHelpers';

export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Column of each field ACLED files have, by any of its names (-1: this layout lacks it). */
export function acledColumns(head: CsvHead) {
  const col = (name: string, older?: string) => {
    const at = columnOf(head, name);
    return at >= 0 || older === undefined ? at : columnOf(head, older);
  };
  return {
    id: col('event_id_cnty'),
    date: col('event_date'),
    year: col('year'),
    tp: col('time_precision'),
    disorder: col('disorder_type'),
    type: col('event_type'),
    subType: col('sub_event_type'),
    actor1: col('actor1'),
    assoc1: col('assoc_actor_1', 'ally_actor_1'),
    inter1: col('inter1'),
    actor2: col('actor2'),
    assoc2: col('assoc_actor_2', 'ally_actor_2'),
    inter2: col('inter2'),
    civilians: col('civilian_targeting'),
    iso: col('iso'),
    iso3: col('iso3'),
    country: col('country'),
    admin1: col('admin1'),
    admin2: col('admin2'),
    admin3: col('admin3'),
    location: col('location'),
    lat: col('latitude'),
    lon: col('longitude'),
    geo: col('geo_precision'),
    source: col('source'),
    scale: col('source_scale'),
    notes: col('notes'),
    fatalities: col('fatalities'),
    tags: col('tags')
  } as const;
}

export type AcledColumns = ReturnType<typeof acledColumns>;

// ---------------------------------------------------------------------------------------------
// Time precision

/**
 * What each ACLED time precision makes of the coded day (event_date). Precision 1 is the day
 * itself. For 2 and 3 ACLED codes a day the sources date only roughly (the report's date, the
 * middle of a range of days, the start of a month...), so the event is a window around the coded
 * day: a few days either side for 2, about half a month either side for 3. Never a calendar week or
 * month: the coded day can sit anywhere in one, or in the one before.
 */
export const ACLED_TIME_PRECISIONS: Readonly<Record<'1' | '2' | '3', { readonly margin: number | undefined; readonly note: (day: string) => string | undefined }>> = {
  '1': { margin: undefined, note: () => undefined },
  '2': { margin: 3, note: (day) => `ACLED time precision 2: the sources date it only to about a week; within a few days of ${dayWords(day)}, the day ACLED coded` },
  '3': { margin: 15, note: (day) => `ACLED time precision 3: the sources date it only to about a month; within about a month of ${dayWords(day)}, the day ACLED coded` }
};

export type TimePrecision = keyof typeof ACLED_TIME_PRECISIONS;

/** The start of an event on a day read with a time precision, and the note that says so. */
export interface AcledPoint {
  readonly start: DatePointInput;
  readonly note: string | undefined;
}

/**
 * What one distinct event_date cell reads as, and the start each time precision makes of it
 * (made when first needed, then shared). Every row reads one: its fields are its own (fixed when
 * it is made), not in objects of their own to be reached one after another.
 */
export class AcledDay {
  readonly ok: boolean;
  /** Year of the day, or -1 when it does not read. */
  readonly year: number;
  /** A time of day the cell gave, dropped (see DayRead). */
  readonly droppedTime: string | undefined;
  #day: AcledPoint | undefined = undefined;
  #week: AcledPoint | undefined = undefined;
  #month: AcledPoint | undefined = undefined;

  constructor(
    readonly text: string,
    readonly read: DayRead
  ) {
    this.ok = read.ok;
    this.year = read.ok ? fourDigitYear(read.day.slice(0, 4)) : -1;
    this.droppedTime = read.ok ? read.droppedTime : undefined;
  }

  /** The start (and note) of the day read with time precision `tp`; the day must read. */
  point(tp: TimePrecision): AcledPoint {
    if (tp === '1') return (this.#day ??= pointOf(this, '1'));
    return tp === '2' ? (this.#week ??= pointOf(this, '2')) : (this.#month ??= pointOf(this, '3'));
  }
}

/** The start of a day read with a time precision (the cell as written when it is not ISO already). */
function pointOf(day: AcledDay, tp: TimePrecision): AcledPoint {
  if (!day.read.ok) throw new Error(`"${day.text}" is not a day`);
  const value = day.read.day;
  const { margin, note } = ACLED_TIME_PRECISIONS[tp];
  const written = day.text === value ? {} : { asWritten: day.text };
  const start: DatePointInput = margin === undefined ? { value, precision: 'day', ...written } : { value, precision: 'approximate', margin, ...written };
  return { start, note: note(value) };
}

// ---------------------------------------------------------------------------------------------
// Actors: inter codes (numbers until 2024, words since) give the kind.

const INTER_KINDS: readonly ActorKind[] = ['other', 'state-force', 'armed-group', 'militia', 'militia', 'population', 'population', 'population', 'other'];

export function actorKindOfInter(inter: string): ActorKind {
  if (inter === '') return 'other';
  const n = Number(inter);
  if (Number.isInteger(n)) return INTER_KINDS[n] ?? 'other';
  const t = inter.toLowerCase();
  if (t.startsWith('state')) return 'state-force';
  if (t.startsWith('rebel')) return 'armed-group';
  if (t.includes('militia')) return 'militia';
  if (t.startsWith('rioter') || t.startsWith('protester') || t.startsWith('civilian')) return 'population';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// The event

/**
 * An event in one literal of all its fields, the same keys in the same order as ever, and no key
 * for a field it lacks: an object given its fields one by one is reallocated as it grows, and
 * an import keeps every event until its file image is written.
 */
export function acledEvent(
  id: string,
  type: EventInput['type'],
  title: string,
  summary: string | undefined,
  when: { readonly start: DatePointInput; readonly note: string | undefined },
  places: string[],
  actors: EventActorInput[],
  figures: Figure[],
  citations: Citation[],
  tags: string[]
): EventInput {
  const { start, note: dateNote } = when;
  const status = 'reported';
  if (summary === undefined) {
    return dateNote === undefined
      ? { id, type, title, start, places, actors, status, figures, citations, tags }
      : { id, type, title, start, dateNote, places, actors, status, figures, citations, tags };
  }
  return dateNote === undefined
    ? { id, type, title, summary, start, places, actors, status, figures, citations, tags }
    : { id, type, title, summary, start, dateNote, places, actors, status, figures, citations, tags };
}

// ---------------------------------------------------------------------------------------------
// Geo precision and fatalities

export const GEO_PRECISION = {
  '1': { precision: 'exact', kind: 'town', note: undefined },
  '2': { precision: 'approximate', kind: 'town', note: 'ACLED geo precision 2: the event happened near this place or in part of its region' },
  '3': { precision: 'approximate', kind: 'area', note: "ACLED geo precision 3: only a larger region is known; these are a representative point's coordinates" }
} as const;

export const NO_GEO_PRECISION = 'ACLED gives no geo precision for this row';

export const NO_FIGURES: readonly Figure[] = [];
export const NOT_A_COUNT: readonly Figure[] = [];

/** The figures of a fatalities cell ("12"); none for "0"; NOT_A_COUNT when it is not a count. */
export function fatalityFigures(text: string): readonly Figure[] {
  if (!/^\d{1,9}$/.test(text)) return NOT_A_COUNT;
  const value = Number(text);
  return value === 0 ? NO_FIGURES : [{ value, unit: 'fatalities', counts: 'reported fatalities', label: 'killed', bound: 'exact', asWritten: text }];
}
