// Small helpers every table importer (ACLED, UCDP, generic CSV, TimelineJS) uses per row: reading
// a cell, making a value once per distinct cell, lists in a cell, numbers and coordinates,
// warnings said once however many rows have them, and what the importer does with the problems
// the CSV reader found and with a file that gave no event.
import type { EVENT_ACTOR_ROLES } from '../dataset/vocabulary';
import type { Problem } from '../dataset/problems';
import type { CsvHead } from './csvTable';
import { clip, type EventInput, type ImportBuilder } from './importBuilder';
import type { ImportOutcome } from './types';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type Figure = EventInput['figures'] extends readonly (infer F)[] | undefined ? F : never;
export type Citation = EventInput['citations'][number];
export type EventActorRole = (typeof EVENT_ACTOR_ROLES)[number];
export type EventActorInput = { readonly actor: string; readonly role: EventActorRole };
export type DatePointInput = EventInput['start'];

/**
 * The cell of a row at a column, trimmed, '' when missing (the CSV reader has already emptied
 * cells of nothing but invisible characters). Cells rarely need trimming, and this runs a few
 * million times for a large file, so the common case returns the cell itself.
 */
export function cell(cells: readonly string[], column: number): string {
  if (column < 0) return '';
  const v = cells[column];
  if (v === undefined || v === '') return '';
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? v : v.trim();
}

/** A four-digit year cell as a number, or -1. */
export function fourDigitYear(text: string): number {
  if (text.length !== 4) return -1;
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Values made once per distinct cell text, by a function fixed when the memo is made. A column
 * with a handful of distinct values (event types, source scales) is looked up by comparing with
 * each, which is cheaper than hashing a fresh cell's text; past a few, a Map takes over.
 */
export class Memo<V> {
  readonly #keys: string[] = [];
  readonly #list: V[] = [];
  #map: Map<string, V> | undefined;
  constructor(private readonly make: (key: string) => V) {}

  get(key: string): V {
    const map = this.#map;
    if (map !== undefined) {
      let v = map.get(key);
      if (v === undefined && !map.has(key)) {
        v = this.make(key);
        map.set(key, v);
      }
      return v as V;
    }
    const keys = this.#keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.#list[i]!;
    const v = this.make(key);
    keys.push(key);
    this.#list.push(v);
    if (keys.length > 12) this.#map = new Map(keys.map((k, i) => [k, this.#list[i]!]));
    return v;
  }

  values(): IterableIterator<V> {
    return this.#map ? this.#map.values() : this.#list.values();
  }
}

/** "A; B;; C" → ["A", "B", "C"], without repeats. */
export function splitList(text: string, separator = ';'): string[] {
  if (text === '') return [];
  if (!text.includes(separator)) return [text];
  const out: string[] = [];
  for (const part of text.split(separator)) {
    const t = part.trim();
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * Warnings that repeat row after row (a dropped time, an unknown code) said once, at the first
 * line, with how many more rows had the same.
 */
export class RepeatedWarnings {
  readonly #seen = new Map<string, { line: number; field: string; message: string; count: number }>();
  constructor(private readonly builder: ImportBuilder) {}

  add(key: string, line: number, field: string, message: string): void {
    const known = this.#seen.get(key);
    if (known) known.count++;
    else this.#seen.set(key, { line, field, message, count: 1 });
  }

  flush(): void {
    for (const w of this.#seen.values()) {
      const more = w.count - 1;
      this.builder.warn(w.line, w.field, more > 0 ? `${w.message} (and ${more.toLocaleString('en-GB')} more row${more === 1 ? '' : 's'} like it)` : w.message);
    }
    this.#seen.clear();
  }
}

const DECIMAL = /^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** A decimal number as spreadsheets write it ("35.33", "35,33" in `;` files), or NaN. */
export function readDecimal(text: string): number {
  if (!DECIMAL.test(text)) return NaN;
  return Number(text.includes(',') ? text.replace(',', '.') : text);
}

export type CoordinatesRead =
  | { readonly ok: true; readonly at: { lat: number; lon: number } | undefined }
  | { readonly ok: false; readonly which: 'lat' | 'lon'; readonly reason: string };

/** Latitude and longitude cells: both empty is no coordinates; anything else must be valid. */
export function readCoordinates(latText: string, lonText: string): CoordinatesRead {
  if (latText === '' && lonText === '') return { ok: true, at: undefined };
  const lat = readDecimal(latText);
  if (latText === '') return { ok: false, which: 'lat', reason: 'the latitude is empty but the longitude is given' };
  if (Number.isNaN(lat)) return { ok: false, which: 'lat', reason: `the latitude "${clip(latText, 40)}" is not a number` };
  if (lat < -90 || lat > 90) return { ok: false, which: 'lat', reason: `the latitude ${lat} is outside -90 to 90` };
  const lon = readDecimal(lonText);
  if (lonText === '') return { ok: false, which: 'lon', reason: 'the longitude is empty but the latitude is given' };
  if (Number.isNaN(lon)) return { ok: false, which: 'lon', reason: `the longitude "${clip(lonText, 40)}" is not a number` };
  if (lon < -180 || lon > 180) return { ok: false, which: 'lon', reason: `the longitude ${lon} is outside -180 to 180` };
  return { ok: true, at: { lat, lon } };
}

/**
 * Pass on what the CSV reader found (see CsvTable.problems): each error is a row it left out (an
 * unclosed quote, a row cut short), so it is skipped in the builder and counts as a row of the
 * file; warnings stay warnings. Returns how many rows were left out.
 */
export function passOnTableProblems(b: ImportBuilder, problems: readonly Problem[]): number {
  let rows = 0;
  for (const p of problems) {
    if (p.severity === 'error') {
      rows++;
      b.skip(p.line, p.field, p.message);
    } else b.warn(p.line, p.field, p.message);
  }
  return rows;
}

/** The outcome of a table that gave no event: its problems, or that it has no data rows. */
export function noEventsOutcome(b: ImportBuilder, head: Pick<CsvHead, 'file' | 'headerLine'>): ImportOutcome {
  const problems = b.problems.length > 0 ? b.problems : [{ severity: 'error' as const, file: head.file, line: head.headerLine, message: 'the file has a header but no data rows' }];
  return { status: 'failed', problems };
}

/** The file's name without its folders, cut for a dataset title ("ACLED events (syria.csv)"). */
export function fileNameForTitle(file: string): string {
  return clip(file.split(/[\\/]/).pop() ?? file, 200);
}

/**
 * An event's list of one place, shared by every event at that place (nothing changes an
 * imported dataset in place, and a few hundred thousand arrays fewer is time in a large file).
 */
export class PlaceLists {
  readonly #lists = new Map<string, string[]>();

  of(placeId: string | undefined): string[] {
    if (placeId === undefined) return [];
    let list = this.#lists.get(placeId);
    if (list === undefined) this.#lists.set(placeId, (list = [placeId]));
    return list;
  }
}

/**
 * The actors of an event, side by side. Within one side an actor is named once (an actor listed
 * again among its own associates); the same actor on both sides stays twice (two unidentified
 * armed groups that fought each other are two participants, not one).
 */
export class EventSides {
  readonly list: EventActorInput[] = [];
  #sideStart = 0;

  /** Start the next side: actors added from now on are on it. */
  nextSide(): void {
    this.#sideStart = this.list.length;
  }

  /** Add an actor's entry to the current side, unless it is already on it. */
  add(entry: EventActorInput): void {
    const list = this.list;
    for (let i = this.#sideStart; i < list.length; i++) if (list[i]!.actor === entry.actor) return;
    list.push(entry);
  }
}
