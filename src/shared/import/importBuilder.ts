// Builds a native dataset from rows of a foreign file, for every importer alike: sources, places
// and actors are made once and referred to by id; ids are made valid and unique; text is cut to
// the format's limits (with a warning, never silently); skipped rows and changed rows are
// recorded as problems with their line. The result passes validateDataset as it is. Events are
// kept for the result, or handed to a sink as they are made (opening a large file checks and
// packs each one at once instead of holding them all).
import type { HeaderLookup } from '../dataset/datasetColumns';
import { linkKey, type LinkKind } from '../dataset/links';
import type { Problem } from '../dataset/problems';
import type { RefIds } from '../dataset/validator';
import {
  LIMITS,
  type Actor,
  type DatasetInput,
  type DatasetMetadata,
  type Place,
  type Source
} from '../dataset/schema';
import type { ImportFormat, ImportResult } from './types';
import { clip } from '../text/clip';

type In<T> = { -readonly [K in keyof T]?: T[K] };
export type EventInput = DatasetInput['events'][number];
export type PlaceInput = Omit<In<Place>, 'id'> & { name: string };
export type ActorInput = Omit<In<Actor>, 'id'> & { name: string };
export type SourceInput = Omit<In<Source>, 'id'> & { publisher: string; title: string };

/** The sources, places and actors made so far, by id (the header an import has built up to now). */
export interface GrowingHeader extends HeaderLookup, RefIds {}

/** Takes an importer's events as they are made, instead of the result holding them. */
export interface ImportEventSink {
  /**
   * An import starts, building `header` (which grows as rows are read). An importer may start
   * over (an ACLED file whose dates need the whole column first): what was added before is dropped.
   */
  begin(header: GrowingHeader): void;
  /** The next event, made from the row at `line` (undefined: the file has no lines, JSON). */
  add(event: EventInput, line: number | undefined): void;
}

const ID_OK = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** A valid id made from any text: runs of other characters become "-", at most 100 characters. */
export function slugId(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 100);
  if (slug !== '') return slug;
  // Text in another script (دير الزور): a short hash of it keeps ids stable across imports.
  if (text.trim() === '') return fallback;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${fallback}-${(h >>> 0).toString(36)}`;
}

/** Problems in file order (those without a line first); stable, so a row's problems keep their order. */
export function sortByLine(problems: { line?: number }[]): void {
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export { clip } from '../text/clip';

export class ImportBuilder {
  readonly problems: Problem[] = [];
  readonly #sink: ImportEventSink | undefined;
  readonly #events: EventInput[] = [];
  readonly #lines: (number | undefined)[] = [];
  #eventCount = 0;
  readonly #sources: Source[] = [];
  readonly #sourceIds = new Map<string, string>();
  readonly #places: Place[] = [];
  readonly #placeIds = new Map<string, string>();
  readonly #actors: Actor[] = [];
  readonly #actorIds = new Map<string, string>();
  /** Position of each made source, place and actor in its list, by id. */
  readonly #sourceIndex = new Map<string, number>();
  readonly #placeIndex = new Map<string, number>();
  readonly #actorIndex = new Map<string, number>();
  readonly #usedIds = new Set<string>();
  /** Events per country of their places (the theatres are the busiest): events of several places. */
  readonly #countryCount = new Map<string, number>();
  /** Events of one place, by place (a count of its own each: one lookup per event). */
  readonly #eventsAtPlace = new Map<string, { events: number }>();
  #skippedRows = 0;
  readonly #skippedLines = new Set<number>();
  /** The name the file writes for each country code it names (see countryLabel). */
  readonly #countryLabels = new Map<string, string>();
  /** The event id given to each of the file's own ids (the first row with it), for links naming rows by id. */
  readonly #ownIds = new Map<string, string>();
  /** Links asked for by rows, resolved once every row is in (they may name later rows). */
  readonly #wantedLinks: { from: string; ref: string; kind: LinkKind; line: number | undefined; field: string }[] = [];
  /** Set when the import makes links (a related id column): the file's own ids are then remembered. */
  #linking = false;

  /** `sink`: takes the events as they are made (the result then holds none). */
  constructor(
    readonly file: string,
    readonly format: ImportFormat,
    sink?: ImportEventSink
  ) {
    this.#sink = sink;
    sink?.begin({
      sourceIds: this.#sourceIndex,
      placeIds: this.#placeIndex,
      actorIds: this.#actorIndex,
      places: { get: (id) => this.#places[this.#placeIndex.get(id) ?? -1] },
      placeIndex: (id) => this.#placeIndex.get(id),
      actorIndex: (id) => this.#actorIndex.get(id)
    });
  }

  get eventCount(): number {
    return this.#eventCount;
  }

  /** A row that cannot be used: it is left out, and the user is told why. */
  skip(line: number | undefined, field: string | undefined, message: string): void {
    if (line === undefined || !this.#skippedLines.has(line)) this.#skippedRows++;
    if (line !== undefined) this.#skippedLines.add(line);
    this.problems.push({ severity: 'error', file: this.file, ...(line !== undefined ? { line } : {}), ...(field ? { field } : {}), message });
  }

  /** Something in a row that was kept was dropped or changed. */
  warn(line: number | undefined, field: string | undefined, message: string): void {
    this.problems.push({ severity: 'warning', file: this.file, ...(line !== undefined ? { line } : {}), ...(field ? { field } : {}), message });
  }

  /** Text for a short field (titles, names): cut to the limit with a warning. */
  short(text: string, line: number | undefined, field: string): string {
    if (text.length <= LIMITS.shortText) return text;
    this.warn(line, field, `is ${text.length} characters long; cut to ${LIMITS.shortText}`);
    return clip(text, LIMITS.shortText);
  }

  /** Text for a long field (summaries, notes): cut to the limit with a warning. */
  long(text: string, line: number | undefined, field: string): string {
    if (text.length <= LIMITS.longText) return text;
    this.warn(line, field, `is ${text.length} characters long; cut to ${LIMITS.longText}`);
    return clip(text, LIMITS.longText);
  }

  /**
   * The name the file writes for a country (the first it gives for that code), which its theatre
   * is labelled with: "Democratic Republic of Congo" as ACLED writes it, not the runtime's
   * "Congo - Kinshasa". Codes without one are labelled with the runtime's English name.
   */
  countryLabel(code: string, name: string): void {
    if (name !== '' && !this.#countryLabels.has(code)) this.#countryLabels.set(code, clip(name, LIMITS.shortText));
  }

  /** Id for a source, made once per distinct `key` (defaults to publisher + title). */
  source(input: SourceInput, key = `${input.publisher}\u0000${input.title}`): string {
    const known = this.#sourceIds.get(key);
    if (known) return known;
    const id = this.#unique(`src-${slugId(input.publisher, 'source')}`, 'src');
    this.#sourceIndex.set(id, this.#sources.length);
    this.#sources.push({ kind: 'other', ...input, publisher: clip(input.publisher, LIMITS.shortText), title: clip(input.title, LIMITS.shortText), id } as Source);
    this.#sourceIds.set(key, id);
    return id;
  }

  /**
   * Id for a place, made once per distinct `key` (defaults to name, admin regions, countries and
   * coordinates, so two towns of one name in different provinces stay apart).
   */
  place(input: PlaceInput, key?: string): string {
    const k =
      key ??
      [input.name, input.admin1 ?? '', input.admin2 ?? '', (input.countries ?? []).join('+'), input.coordinates ? `${input.coordinates.lat},${input.coordinates.lon}` : ''].join('\u0000');
    const known = this.#placeIds.get(k);
    if (known) return known;
    const id = this.#unique(`place-${slugId(input.name, 'place')}`, 'place');
    this.#placeIndex.set(id, this.#places.length);
    this.#places.push({ altNames: [], kind: 'other', countries: [], ...input, name: clip(input.name, LIMITS.shortText), id } as Place);
    this.#placeIds.set(k, id);
    return id;
  }

  /** Id for an actor, made once per distinct `key` (defaults to the name). */
  actor(input: ActorInput, key = input.name): string {
    const known = this.#actorIds.get(key);
    if (known) return known;
    const id = this.#unique(`actor-${slugId(input.name, 'actor')}`, 'actor');
    this.#actorIndex.set(id, this.#actors.length);
    this.#actors.push({ aliases: [], kind: 'other', backedBy: [], memberOf: [], countries: [], ...input, name: clip(input.name, LIMITS.shortText), id } as Actor);
    this.#actorIds.set(key, id);
    return id;
  }

  /**
   * A unique, valid event id: the file's own id when it is usable (a warning says when it had to
   * change), else one made from the line.
   */
  eventId(own: string | undefined, line: number): string {
    const trimmed = own?.trim() ?? '';
    if (trimmed === '') return this.#unique(`row-${line}`, 'row');
    // The usual case, taken first (it runs for every row): the file's id is valid, short enough to
    // keep whole, and not used yet.
    if (trimmed.length <= LIMITS.idLength - 8 && ID_OK.test(trimmed) && this.#claim(trimmed)) return this.#own(trimmed, trimmed);
    const valid = ID_OK.test(trimmed) && trimmed.length <= LIMITS.idLength ? trimmed : slugId(trimmed, `row-${line}`);
    const id = this.#unique(valid, `row-${line}`);
    if (id !== trimmed) this.warn(line, 'id', `the id "${clip(trimmed, 60)}" ${this.#whyNot(trimmed)}; this event's id is "${id}"`);
    return this.#own(trimmed, id);
  }

  /** Remember the event id a file's own id became (the first row with it), for links that name it. */
  #own(own: string, id: string): string {
    if (this.#linking && !this.#ownIds.has(own)) this.#ownIds.set(own, id);
    return id;
  }

  /** Links will be asked for (call before the first event): remember each row's own id. */
  expectLinks(): void {
    this.#linking = true;
  }

  /**
   * A link from the event `from` to the row whose own id is `ref`, of `kind`; resolved when the
   * import finishes (a link to a row that has no such id, or to itself, is left out with a warning).
   */
  relate(from: string, ref: string, kind: LinkKind, line: number | undefined, field: string): void {
    this.#wantedLinks.push({ from, ref, kind, line, field });
  }

  /** The links asked for, between events that exist, once each, within the format's limit. */
  #links(): { from: string; to: string; kind: LinkKind }[] {
    const out: { from: string; to: string; kind: LinkKind }[] = [];
    const seen = new Set<string>();
    let tooMany = false;
    for (const w of this.#wantedLinks) {
      const to = this.#ownIds.get(w.ref);
      if (to === undefined) {
        this.warn(w.line, w.field, `"${clip(w.ref, 60)}" is not the id of an imported row (no row has it, or its row was left out); this link was left out`);
        continue;
      }
      if (to === w.from) {
        this.warn(w.line, w.field, `the row names itself ("${clip(w.ref, 60)}"); a link from an event to itself was left out`);
        continue;
      }
      const link = { from: w.from, to, kind: w.kind };
      const key = linkKey(link);
      if (seen.has(key)) continue;
      if (out.length >= LIMITS.collection) {
        if (!tooMany) this.warn(w.line, w.field, `more than ${LIMITS.collection.toLocaleString('en-GB')} links; the rest were left out`);
        tooMany = true;
        continue;
      }
      seen.add(key);
      out.push(link);
    }
    return out;
  }

  /** Why a file's own id could not be kept. */
  #whyNot(id: string): string {
    if (!ID_OK.test(id)) return 'has characters ids cannot hold';
    if (id.length > LIMITS.idLength - 8) return `is longer than ${LIMITS.idLength - 8} characters`;
    return 'is used by an earlier row';
  }

  #unique(base: string, fallback: string): string {
    const id = ID_OK.test(base) ? base.slice(0, LIMITS.idLength - 8) : fallback;
    if (this.#claim(id)) return id;
    for (let n = 2; ; n++) {
      const candidate = `${id}-${n}`;
      if (this.#claim(candidate)) return candidate;
    }
  }

  /** Take `id` if it is not used yet (one look into the ids used, not two: it runs for every row). */
  #claim(id: string): boolean {
    const used = this.#usedIds;
    const before = used.size;
    used.add(id);
    return used.size > before;
  }

  /** Add an event made from the row at `line` (undefined for an item of a JSON file). */
  addEvent(event: EventInput, line: number | undefined): void {
    this.#countCountries(event.places ?? []);
    this.#eventCount++;
    if (this.#sink) this.#sink.add(event, line);
    else {
      this.#events.push(event);
      this.#lines.push(line);
    }
  }

  /**
   * Count the event once for each country its places are in (the places' own countries). Events
   * of one place (nearly all) are counted by place, and by country once all are in.
   */
  #countCountries(placeIds: readonly string[]): void {
    if (placeIds.length === 1) {
      const id = placeIds[0]!;
      const at = this.#eventsAtPlace.get(id);
      if (at === undefined) this.#eventsAtPlace.set(id, { events: 1 });
      else at.events++;
      return;
    }
    const count = this.#countryCount;
    const seen = new Set<string>();
    for (const p of placeIds) for (const c of this.#places[this.#placeIndex.get(p) ?? -1]?.countries ?? []) seen.add(c);
    for (const c of seen) count.set(c, (count.get(c) ?? 0) + 1);
  }

  /** Events per country: those of several places (counted as they came) and those of one. */
  #countries(): Map<string, number> {
    const count = new Map(this.#countryCount);
    for (const [id, { events }] of this.#eventsAtPlace) {
      for (const c of new Set(this.#places[this.#placeIndex.get(id) ?? -1]?.countries ?? [])) count.set(c, (count.get(c) ?? 0) + events);
    }
    return count;
  }

  /**
   * The dataset (its events empty when a sink took them). `totalRows` is how many data rows the
   * file has. Theatres (lanes) are the countries of the events' places, busiest first, at most
   * `maxTheatres`.
   */
  finish(metadata: Omit<In<DatasetMetadata>, 'theatres'> & { title: string }, totalRows: number, maxTheatres = 24): ImportResult {
    const theatres = [...this.#countries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, maxTheatres)
      .map(([country]) => ({ country, label: this.#countryLabels.get(country) ?? regionName(country) }));
    const sources = this.#sources.length > 0 ? this.#sources : [];
    const links = this.#links();
    // The links' warnings come last: put them in file order with the rest.
    if (this.#wantedLinks.length > 0) sortByLine(this.problems);
    return {
      format: this.format,
      dataset: {
        format: 'frontline-dataset',
        version: 1,
        metadata: { ...metadata, title: clip(metadata.title, LIMITS.shortText), theatres },
        sources,
        places: this.#places,
        actors: this.#actors,
        events: this.#events,
        ...(links.length > 0 ? { links } : {})
      },
      lineOfEvent: this.#lines,
      problems: this.problems,
      rows: { total: totalRows, imported: this.#eventCount, skipped: this.#skippedRows }
    };
  }
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
function regionName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
