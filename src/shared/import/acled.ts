// ACLED CSV exports read into a native dataset: every layout in use (the 31-column export, the
// 2019–2023 layout, old upper-case files with ally_actor_*), dates in any of the spellings ACLED
// files carry, checked against the `year` column, time and geo precision kept, actors, places
// with their admin hierarchy, fatalities, and the publishers ACLED cites. Rows that cannot be used
// are skipped with their line and column; the rest are imported.
//
// The helpers at the end (repeated-warning tally, numbers, admin places, ISO weeks) are shared
// with the UCDP importer.
import { utcDay, DAY_MS, monthName } from '../dataset/dates';
import type { EventType } from '../dataset/eventTypes';
import type { ACTOR_KINDS, COORDINATE_PRECISIONS, EVENT_ACTOR_ROLES, PLACE_KINDS } from '../dataset/vocabulary';
import { countryCode } from './countries';
import type { Problem } from '../dataset/problems';
import { columnOf, streamCsv, type CsvHead, type CsvTable } from './csvTable';
import { clip, ImportBuilder, sortByLine, type EventInput, type ImportEventSink } from './importBuilder';
import { decideDayMonthOrder, parseLooseDate, type DayMonthOrder } from './looseDate';
import type { ImportOutcome } from './types';

type ActorKind = (typeof ACTOR_KINDS)[number];
type CoordinatePrecision = (typeof COORDINATE_PRECISIONS)[number];
type EventActorRole = (typeof EVENT_ACTOR_ROLES)[number];
type PlaceKind = (typeof PLACE_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Header

/** Is this row (as header keys) the header of an ACLED export, of any layout? */
export function isAcledHeader(keys: readonly string[]): boolean {
  const has = (k: string) => keys.includes(k);
  return has('event_date') && has('event_type') && has('actor1') && (has('event_id_cnty') || has('fatalities') || has('geo_precision'));
}

// ---------------------------------------------------------------------------------------------
// Event types: ACLED's (current and pre-2019) onto the app's, by sub-event type first.

interface TypeMapping {
  readonly type: EventType;
  /** Roles of the actor1 side and the actor2 side. */
  readonly roles: readonly [EventActorRole, EventActorRole];
  /** "acled: Battles / Armed clash" */
  readonly tag: string;
  /** The words a title starts with. */
  readonly words: string;
  readonly known: boolean;
}

const ROLES: Readonly<Record<EventType, readonly [EventActorRole, EventActorRole]>> = {
  offensive: ['attacker', 'defender'],
  capture: ['attacker', 'defender'],
  control: ['holder', 'participant'],
  clash: ['participant', 'participant'],
  attack: ['attacker', 'target'],
  civilians: ['attacker', 'target'],
  displacement: ['participant', 'affected'],
  protest: ['participant', 'participant'],
  statement: ['participant', 'participant'],
  development: ['participant', 'participant'],
  context: ['participant', 'participant'],
  other: ['participant', 'participant']
};

/** Sub-event types that say more than their event type. Keys: normaliseType. */
const SUB_EVENT_TYPES: Readonly<Record<string, EventType>> = {
  'armed clash': 'clash',
  'government regains territory': 'capture',
  'non-state actor overtakes territory': 'capture',
  'non-violent transfer of territory': 'capture',
  'headquarters or base established': 'control',
  agreement: 'statement',
  'change to group/activity': 'statement',
  arrests: 'development',
  'disrupted weapons use': 'development',
  'looting/property destruction': 'development'
};

/** Event types, current and old. Keys: normaliseType. */
const EVENT_TYPES_OF_ACLED: Readonly<Record<string, EventType>> = {
  battles: 'clash',
  battle: 'clash',
  'battle-no change of territory': 'clash',
  'battle-government regains territory': 'capture',
  'battle-non-state actor overtakes territory': 'capture',
  'explosions/remote violence': 'attack',
  'remote violence': 'attack',
  'violence against civilians': 'civilians',
  protests: 'protest',
  riots: 'protest',
  'riots/protests': 'protest',
  'strategic developments': 'development',
  'strategic development': 'development',
  'headquarters or base established': 'control',
  'non-violent transfer of territory': 'capture'
};

function normaliseType(text: string): string {
  return text.toLowerCase().replace(/\s*[-\u2010-\u2015]\s*/g, '-').replace(/\s+/g, ' ').trim();
}

function mapType(eventType: string, subType: string): TypeMapping {
  const sub = normaliseType(subType);
  const main = normaliseType(eventType);
  const fromMain = EVENT_TYPES_OF_ACLED[main];
  let type: EventType | undefined = (sub !== '' ? SUB_EVENT_TYPES[sub] : undefined) ?? fromMain;
  const known = type !== undefined;
  type ??= 'other';
  let roles = ROLES[type];
  if (sub === 'non-violent transfer of territory' || main === 'non-violent transfer of territory') roles = ['holder', 'participant'];
  return {
    type,
    roles,
    tag: clip(subType !== '' ? `acled: ${eventType} / ${subType}` : `acled: ${eventType}`, 500),
    words: subType !== '' ? subType : eventType,
    known
  };
}

// ---------------------------------------------------------------------------------------------
// Actors: inter codes (numbers until 2024, words since) give the kind.

const INTER_KINDS: readonly ActorKind[] = ['other', 'state-force', 'armed-group', 'militia', 'militia', 'population', 'population', 'population', 'other'];

function actorKindOfInter(inter: string): ActorKind {
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

// ---------------------------------------------------------------------------------------------
// Dates

const TIME_PRECISION_NOTE: Readonly<Record<number, string>> = {
  2: 'ACLED time precision 2: the source gives only the week; ACLED coded the day',
  3: "ACLED time precision 3: the source gives only the month; ACLED coded the month's mid-point,"
};

const MIDNIGHT = /^00:00(?::00(?:[.,]0+)?)?\s*(?:z|utc|gmt|[+-]00(?::?00)?)?$/i;

/** A day (YYYY-MM-DD) read from a cell, or why it cannot be read. Shared with the UCDP importer. */
export type DayRead = { readonly ok: true; readonly day: string; readonly droppedTime?: string } | { readonly ok: false; readonly reason: string };

/**
 * Reads the dates of one column, each distinct cell once. The day/month order of numeric dates
 * is decided for the whole column (see looseDate); times of day are dropped (midnight silently).
 */
export class DayColumn {
  readonly #cache = new Map<string, DayRead>();
  readonly order: DayMonthOrder | undefined;
  readonly decision: ReturnType<typeof decideDayMonthOrder>;
  readonly #distinct: readonly string[];

  constructor(table: Pick<CsvTable, 'rows'>, column: number) {
    const distinct = new Set<string>();
    if (column >= 0) for (const row of table.rows) distinct.add(cell(row.cells, column));
    this.#distinct = [...distinct];
    this.decision = decideDayMonthOrder(this.#distinct);
    this.order = this.decision.order;
  }

  /** The cell behind an index of the decision (dayFirstAt...). */
  example(index: number): string {
    return this.#distinct[index] ?? '';
  }

  read(text: string, year?: number): DayRead {
    const key = year === undefined ? text : `${year}\u0000${text}`;
    let r = this.#cache.get(key);
    if (r === undefined) {
      r = readDay(text, this.order, year);
      this.#cache.set(key, r);
    }
    return r;
  }
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function readDay(text: string, order: DayMonthOrder | undefined, year: number | undefined): DayRead {
  if (text === '') return { ok: false, reason: 'the date is empty' };
  const parsed = parseLooseDate(text, { order, year });
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const d = parsed.date;
  if (d.precision !== 'day' || d.approximate) {
    return { ok: false, reason: `"${text}" is not a single day (read as ${d.value}); this column must give a day` };
  }
  return d.droppedTime !== undefined && !MIDNIGHT.test(d.droppedTime) ? { ok: true, day: d.value, droppedTime: d.droppedTime } : { ok: true, day: d.value };
}

/** "2017-11-03" → "3 November 2017". */
export function dayWords(day: string): string {
  const m = ISO_DAY.exec(day);
  return m ? `${Number(m[3])} ${monthName(Number(m[2]))} ${m[1]}` : day;
}

/** ISO week ("2017-W44") of a day written YYYY-MM-DD. */
export function isoWeekOf(day: string): string {
  const t = utcDay(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  const thursday = t + (3 - weekday) * DAY_MS;
  const y = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - utcDay(y, 1, 1)) / (7 * DAY_MS)) + 1;
  return `${String(y).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// The importer

const ACLED_SOURCE_NOTE =
  "Armed Conflict Location & Event Data (ACLED). Each event cites ACLED (with the row's source scale) and the publishers ACLED lists for it. ACLED's terms of use forbid redistributing its rows.";

/**
 * What one distinct event_date cell reads as, with the start each time precision makes of it
 * (made when first needed, then shared by every event of that cell: nothing changes them).
 */
interface AcledDay {
  readonly text: string;
  readonly read: DayRead;
  /** Year of the day, or -1 when it does not read. */
  readonly year: number;
  day?: StartPoint;
  week?: StartPoint;
  weekNote?: string;
  month?: StartPoint;
  monthNote?: string;
}

type StartPoint = EventInput['start'];

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
function fourDigitYear(text: string): number {
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

type Role = EventActorRole;
type EventActorInput = { readonly actor: string; readonly role: Role };

/** An actor as the rows name it: its id, the kind an inter code gave it, its entries by role. */
interface SeenActor {
  readonly id: string;
  kind: ActorKind;
  readonly entries: Partial<Record<Role, EventActorInput>>;
}

function addActor(actors: EventActorInput[], a: SeenActor, role: Role): void {
  for (let i = 0; i < actors.length; i++) if (actors[i]!.actor === a.id) return;
  actors.push((a.entries[role] ??= { actor: a.id, role }));
}

/** Import the rows of an ACLED export (the table was read with isAcledHeader). `sink`: see ImportBuilder. */
export function importAcled(table: CsvTable, sink?: ImportEventSink): ImportOutcome {
  const importer = acledImporter(table, table.problems, table, sink);
  if ('status' in importer) return importer;
  for (const row of table.rows) importer.row(row.line, row.cells);
  return importer.finish([], table.rows.length);
}

/**
 * Import an ACLED export as its text is read (streamCsv): each row becomes an event as it is
 * read, and its cells are not kept. The same dataset as readCsv then importAcled, or undefined
 * when the file needs reading whole first: its dates have a day/month order to decide from the
 * whole column (numeric dates such as 03/11/2017).
 */
export function importAcledText(text: string, file: string, sink?: ImportEventSink): ImportOutcome | undefined {
  let importer: AcledImporter | undefined;
  let wholeTable = false;
  const read = streamCsv(text, file, { isHeader: isAcledHeader }, {
    start(head) {
      // No rows to decide the day/month order from: a numeric date stops the reading.
      const made = acledImporter(head, [], undefined, sink);
      if ('status' in made) {
        wholeTable = true;
        return false;
      }
      importer = made;
      return true;
    },
    row(line, cells) {
      if (importer!.row(line, cells)) return true;
      wholeTable = true;
      return false;
    }
  });
  if (wholeTable) return undefined;
  if (!read.ok) return { status: 'failed', problems: [...read.problems] };
  return importer!.finish(read.problems, read.rows);
}

interface AcledImporter {
  /** Import the row at `line`; false when it has a numeric date and no order was decided. */
  row(line: number, cells: readonly string[]): boolean;
  /** The outcome. `problems`: those found reading the table not passed before; `rows`: data rows read. */
  finish(problems: readonly Problem[], rows: number): ImportOutcome;
}

/**
 * The importer of a table with this header. `problems`: found reading the table (passed on).
 * `table`: all its rows, to decide the day/month order of numeric dates from; without them
 * (undefined) there is none, and a row with a numeric date is refused (row gives false).
 */
function acledImporter(head: CsvHead, problems: readonly Problem[], table: Pick<CsvTable, 'rows'> | undefined, sink: ImportEventSink | undefined): AcledImporter | ImportOutcome {
  const b = new ImportBuilder(head.file, 'acled', sink);
  const notices = new RepeatedWarnings(b);
  const col = (...names: string[]) => columnOf(head, ...names);
  const cId = col('event_id_cnty');
  const cDate = col('event_date');
  const cYear = col('year');
  const cTp = col('time_precision');
  const cDisorder = col('disorder_type');
  const cType = col('event_type');
  const cSubType = col('sub_event_type');
  const cActor1 = col('actor1');
  const cAssoc1 = col('assoc_actor_1', 'ally_actor_1');
  const cInter1 = col('inter1');
  const cActor2 = col('actor2');
  const cAssoc2 = col('assoc_actor_2', 'ally_actor_2');
  const cInter2 = col('inter2');
  const cCivilians = col('civilian_targeting');
  const cIso = col('iso');
  const cIso3 = col('iso3');
  const cCountry = col('country');
  const cAdmin1 = col('admin1');
  const cAdmin2 = col('admin2');
  const cAdmin3 = col('admin3');
  const cLocation = col('location');
  const cLat = col('latitude');
  const cLon = col('longitude');
  const cGeo = col('geo_precision');
  const cSource = col('source');
  const cScale = col('source_scale');
  const cNotes = col('notes');
  const cFatalities = col('fatalities');
  const cTags = col('tags');
  const name = (column: number) => head.headers[column] ?? '';
  // What went wrong reading the table (an unclosed quote) is passed on.
  let tableErrors = 0;
  const passOn = (found: readonly Problem[]) => {
    for (const p of found) {
      if (p.severity === 'error') {
        tableErrors++;
        b.skip(p.line, p.field, p.message);
      } else b.warn(p.line, p.field, p.message);
    }
  };
  passOn(problems);
  if (cDate < 0 || cType < 0) {
    return { status: 'failed', problems: [...b.problems, { severity: 'error', file: head.file, line: head.headerLine, message: 'the header has no event_date or no event_type column, which an ACLED export always has' }] };
  }

  const acled = b.source({ kind: 'dataset', publisher: 'ACLED', title: 'Armed Conflict Location & Event Data', url: 'https://acleddata.com', note: ACLED_SOURCE_NOTE }, '\u0000acled');
  const dates = new DayColumn(table ?? { rows: [] }, cDate);
  reportOrder(b, head, dates, name(cDate));
  const places = new PlaceMaker(b, acled);

  // Everything that repeats from row to row is worked out once per distinct cell.
  const readDay = (text: string, year?: number): AcledDay => {
    const read = dates.read(text, year);
    return { text, read, year: read.ok ? fourDigitYear(read.day.slice(0, 4)) : -1 };
  };
  // Without the whole column, a date whose day/month order it would decide cannot be read here.
  const orderUnknown = (text: string) => table === undefined && decideDayMonthOrder([text]).basis !== 'none';
  const days = new Memo((text): AcledDay | undefined => (orderUnknown(text) ? undefined : readDay(text)));
  const twoDigitYearDays = new Memo((key) => readDay(key.slice(5), Number(key.slice(0, 4))));
  const types = new Memo((eventType) => new Memo((subType) => mapType(eventType, subType)));
  const countries = new Map<string, { readonly code: string | undefined }>();
  const actors = new Memo<SeenActor>((n) => ({ id: b.actor({ name: n }), kind: 'other', entries: {} }));
  const interKinds = new Memo(actorKindOfInter);
  const lists = new Memo(splitList);
  const publishers = new Memo((t) => splitList(t).map((p) => ({ source: b.source({ kind: 'news', publisher: p, title: 'Reports cited by ACLED' }, `pub\u0000${p}`) })));
  // The dates, citations, figures and place lists of a row are the same for many rows: each is
  // made once and shared by them. Nothing changes an imported dataset in place but
  // validateDataset's cleaning of text, which would clean a shared string alike for every event,
  // and sharing saves a few hundred thousand objects per 100,000 rows (time, in a large file).
  const citationLists = new Memo((sc) => {
    const acledCitation: Citation = sc === '' ? { source: acled } : { source: acled, note: clip(`source scale: ${sc}`, 2000) };
    return new Memo((t): readonly Citation[] => (t === '' ? [acledCitation] : [acledCitation, ...publishers.get(t)]));
  });
  const figures = new Memo(fatalityFigures);
  const placeLists = new Map<string, readonly string[]>();
  const disorderTags = new Memo((d) => clip(`acled disorder: ${d}`, 500));
  const tagLists = new Memo((x) => splitList(x).slice(0, 97).map((y) => clip(`acled tag: ${y}`, 500)));

  const row = (line: number, cells: readonly string[]): boolean => {
    // Date, checked against the year column, with the time precision.
    const dateText = cell(cells, cDate);
    const yearText = cell(cells, cYear);
    const year = fourDigitYear(yearText);
    let day = days.get(dateText);
    if (day === undefined) return false;
    // "3-Nov-17": a two-digit year reads with the year column's help.
    if (!day.read.ok && year > 0) day = twoDigitYearDays.get(`${yearText}:${dateText}`);
    const read = day.read;
    if (!read.ok) {
      b.skip(line, name(cDate), read.reason);
      return true;
    }
    if (year > 0 && day.year !== year) {
      b.skip(line, name(cYear), `the date "${dateText}" is in ${day.year}, but the ${name(cYear)} column says ${year}; check which is right`);
      return true;
    }
    if (year < 0 && yearText !== '') notices.add('year', line, name(cYear), `"${clip(yearText, 40)}" is not a year; the date was not checked against it`);
    if (read.droppedTime !== undefined) notices.add('time', line, name(cDate), `the time "${read.droppedTime}" was dropped; the date is kept as written`);
    const tp = cell(cells, cTp);
    let start: StartPoint;
    let dateNote: string | undefined;
    if (tp === '2') {
      start = day.week ??= { value: isoWeekOf(read.day), precision: 'week', asWritten: day.text };
      dateNote = day.weekNote ??= `${TIME_PRECISION_NOTE[2]} ${dayWords(read.day)}`;
    } else if (tp === '3') {
      start = day.month ??= { value: read.day.slice(0, 7), precision: 'month', asWritten: day.text };
      dateNote = day.monthNote ??= `${TIME_PRECISION_NOTE[3]} ${dayWords(read.day)}`;
    } else {
      if (tp !== '1' && tp !== '') notices.add('tp', line, name(cTp), `"${clip(tp, 40)}" is not an ACLED time precision (1, 2 or 3); the date is taken as the day`);
      start = day.day ??= day.text === read.day ? { value: read.day, precision: 'day' } : { value: read.day, precision: 'day', asWritten: day.text };
    }

    // Type.
    const eventType = cell(cells, cType);
    if (eventType === '') {
      b.skip(line, name(cType), 'the event type is empty');
      return true;
    }
    const subType = cell(cells, cSubType);
    const mapping = types.get(eventType).get(subType);
    if (!mapping.known) notices.add(`type:${mapping.tag}`, line, name(cType), `"${clip(eventType, 80)}${subType ? ` / ${clip(subType, 80)}` : ''}" is not an ACLED event type this app knows; imported as "other"`);

    // Place: location under admin1/2/3, in a country, at coordinates of some precision.
    const coords = readCoordinates(cell(cells, cLat), cell(cells, cLon));
    if (!coords.ok) {
      b.skip(line, coords.which === 'lat' ? name(cLat) : name(cLon), coords.reason);
      return true;
    }
    // The country's code, from the first row that names it (its ISO numeric or alpha-3 code
    // first, then the name).
    const countryText = cell(cells, cCountry);
    let country = countries.get(countryText);
    if (country === undefined) {
      country = { code: countryCode({ numeric: cell(cells, cIso), alpha3: cell(cells, cIso3), name: countryText }) };
      countries.set(countryText, country);
    }
    if (country.code === undefined && countryText !== '') notices.add(`country:${countryText}`, line, name(cCountry), `"${clip(countryText, 80)}" is not a country this app knows; its places have no country`);
    const geoText = cell(cells, cGeo);
    const geo = GEO_PRECISION[geoText];
    if (coords.at === undefined) notices.add('nocoords', line, name(cLat), 'no coordinates; the place is kept without them');
    else if (geo === undefined) {
      notices.add('geo', line, name(cGeo), geoText === '' ? 'no geo precision; the coordinates are taken as approximate' : `"${clip(geoText, 40)}" is not an ACLED geo precision (1, 2 or 3); the coordinates are taken as approximate`);
    }
    const location = cell(cells, cLocation);
    const admin1 = cell(cells, cAdmin1);
    const admin2 = cell(cells, cAdmin2);
    const admin3 = cell(cells, cAdmin3);
    const placeId = places.place({
      name: location,
      admin1,
      admin2,
      admin3,
      country: country.code,
      countryName: countryText,
      at: coords.at,
      precision: geo?.precision ?? 'approximate',
      kind: geo?.kind ?? 'town',
      note: geo ? geo.note : coords.at ? NO_GEO_PRECISION : undefined
    });

    // Actors: actor1 and its associates, then actor2 and its associates.
    const eventActors: EventActorInput[] = [];
    const actor1 = cell(cells, cActor1);
    const actor2 = cell(cells, cActor2);
    const [role1, role2] = mapping.roles;
    if (actor1 !== '') {
      const a = actors.get(actor1);
      // The kind comes from the first inter code given for the actor.
      if (a.kind === 'other') a.kind = interKinds.get(cell(cells, cInter1));
      addActor(eventActors, a, role1);
    }
    const assoc1 = cell(cells, cAssoc1);
    if (assoc1 !== '') for (const a of lists.get(assoc1)) addActor(eventActors, actors.get(a), role1);
    if (actor2 !== '') {
      const a = actors.get(actor2);
      if (a.kind === 'other') a.kind = interKinds.get(cell(cells, cInter2));
      addActor(eventActors, a, role2);
    }
    const assoc2 = cell(cells, cAssoc2);
    if (assoc2 !== '') for (const a of lists.get(assoc2)) addActor(eventActors, actors.get(a), role2);

    // Fatalities (ACLED's 0 means none reported: no figure).
    let eventFigures: readonly Figure[] = NO_FIGURES;
    const fatalities = cell(cells, cFatalities);
    if (fatalities !== '' && fatalities !== '0') {
      eventFigures = figures.get(fatalities);
      if (eventFigures === NOT_A_COUNT) notices.add('fatalities', line, name(cFatalities), `"${clip(fatalities, 40)}" is not a number of fatalities; it was left out`);
    }

    // Citations: ACLED (with the row's source scale), then each publisher it cites.
    const rowId = cell(cells, cId);
    const id = b.eventId(rowId, line);
    const scale = cell(cells, cScale);
    const sourceText = cell(cells, cSource);
    let citations: readonly Citation[];
    if (id === rowId) {
      citations = citationLists.get(scale).get(sourceText);
    } else {
      // The event's id is not ACLED's: the citation says which row it is.
      citations = [{ source: acled, note: clip(`ACLED event ${rowId === '' ? `on line ${line}` : rowId}${scale ? `; source scale: ${scale}` : ''}`, 2000) }, ...(sourceText === '' ? [] : publishers.get(sourceText))];
    }

    // Tags: ACLED's own classification.
    const tags = [mapping.tag];
    const disorder = cell(cells, cDisorder);
    if (disorder !== '') tags.push(disorderTags.get(disorder));
    if (cell(cells, cCivilians) !== '') tags.push('acled: civilian targeting');
    const tagText = cell(cells, cTags);
    if (tagText !== '') for (const t of tagLists.get(tagText)) tags.push(t);

    const where = location || admin3 || admin2 || admin1 || countryText;
    const who = actor1 !== '' && actor2 !== '' ? `${actor1} and ${actor2}` : actor1 || actor2;
    const title = `${mapping.words}${where ? ` in ${where}` : ''}${who ? `: ${who}` : ''}`;
    const notes = cell(cells, cNotes);
    // Written field by field (no spreads): this runs once per row of files of a million rows.
    const event = { id, type: mapping.type, title: title.length > 500 ? b.short(title, line, 'title') : title } as Mutable<EventInput>;
    if (notes !== '') event.summary = notes.length > 20_000 ? b.long(notes, line, name(cNotes)) : notes;
    event.start = start;
    if (dateNote !== undefined) event.dateNote = dateNote;
    if (placeId === undefined) event.places = [];
    else {
      let list = placeLists.get(placeId);
      if (list === undefined) placeLists.set(placeId, (list = [placeId]));
      event.places = list as string[];
    }
    event.actors = eventActors;
    event.status = 'reported';
    event.figures = eventFigures as Figure[];
    event.citations = citations as Citation[];
    event.tags = tags;
    b.addEvent(event as EventInput, line);
    return true;
  };
  const finish = (found: readonly Problem[], rows: number): ImportOutcome => {
    passOn(found);
    notices.flush();
    sortByLine(b.problems);
    if (b.eventCount === 0) {
      const problems = b.problems.length > 0 ? b.problems : [{ severity: 'error' as const, file: head.file, line: head.headerLine, message: 'the file has a header but no data rows' }];
      return { status: 'failed', problems };
    }
    const result = b.finish(
      {
        title: `ACLED events (${clip(head.file.split(/[\\/]/).pop() ?? head.file, 200)})`,
        description: "Imported from an ACLED export. Dates keep ACLED's time precision; coordinates keep its geo precision; fatalities are ACLED's reported fatalities.",
        license: "ACLED terms of use: ACLED's data may not be redistributed"
      },
      // A row an unclosed quote swallowed is a row of the file too.
      rows + tableErrors
    );
    // Actors were made as first named; the kind comes from the first inter code given for them.
    const kinds = new Map<string, ActorKind>();
    for (const a of actors.values()) if (a.kind !== 'other') kinds.set(a.id, a.kind);
    for (const a of result.dataset.actors ?? []) {
      const kind = kinds.get(a.id);
      if (kind !== undefined) (a as { kind?: ActorKind }).kind = kind;
    }
    return { status: 'imported', result };
  };
  return { row, finish };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Figure = EventInput['figures'] extends readonly (infer F)[] | undefined ? F : never;

type Citation = EventInput['citations'][number];

const NO_FIGURES: readonly Figure[] = [];
const NOT_A_COUNT: readonly Figure[] = [];

/** The figures of a fatalities cell ("12"); none for "0"; NOT_A_COUNT when it is not a count. */
function fatalityFigures(text: string): readonly Figure[] {
  if (!/^\d{1,9}$/.test(text)) return NOT_A_COUNT;
  const value = Number(text);
  return value === 0 ? NO_FIGURES : [{ value, unit: 'fatalities', counts: 'reported fatalities', label: 'killed', bound: 'exact', asWritten: text }];
}

const NO_GEO_PRECISION = 'ACLED gives no geo precision for this row';

/** Tell the user once how the day/month order of numeric dates was decided, when it matters. */
export function reportOrder(b: ImportBuilder, table: Pick<CsvTable, 'headerLine'>, dates: DayColumn, field: string): void {
  const d = dates.decision;
  if (d.basis === 'assumed') {
    b.warn(table.headerLine, field, `every numeric date in this column reads both ways (e.g. "${dates.example(d.ambiguousAt)}"); they are read day first`);
  } else if (d.basis === 'mixed') {
    b.warn(
      table.headerLine,
      field,
      `this column has day-first dates (e.g. "${dates.example(d.dayFirstAt)}") and month-first dates (e.g. "${dates.example(d.monthFirstAt)}"); dates that read both ways are skipped`
    );
  }
}

const GEO_PRECISION: Readonly<Record<string, { precision: CoordinatePrecision; kind: PlaceKind; note: string | undefined }>> = {
  '1': { precision: 'exact', kind: 'town', note: undefined },
  '2': { precision: 'approximate', kind: 'town', note: 'ACLED geo precision 2: the event happened near this place or in part of its region' },
  '3': { precision: 'approximate', kind: 'area', note: "ACLED geo precision 3: only a larger region is known; these are a representative point's coordinates" }
};

// ---------------------------------------------------------------------------------------------
// Helpers shared with the UCDP importer

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

export interface PlaceRow {
  /** The place itself (ACLED location, UCDP where_coordinates); the finest admin region when empty. */
  readonly name: string;
  readonly admin1: string;
  readonly admin2: string;
  readonly admin3?: string;
  readonly country: string | undefined;
  readonly countryName: string;
  readonly at: { lat: number; lon: number } | undefined;
  readonly precision: CoordinatePrecision;
  readonly kind: PlaceKind;
  readonly note?: string | undefined;
  readonly uncertaintyKm?: number | undefined;
}

/** A place made for a row, with what tells it apart from others of its name. */
interface MadePlace {
  readonly row: PlaceRow;
  readonly id: string | undefined;
}

function samePlace(a: PlaceRow, b: PlaceRow): boolean {
  // Numbers and the constant words first: they are cheapest to compare.
  return (
    a.at?.lat === b.at?.lat &&
    a.at?.lon === b.at?.lon &&
    a.precision === b.precision &&
    a.kind === b.kind &&
    a.note === b.note &&
    a.uncertaintyKm === b.uncertaintyKm &&
    a.name === b.name &&
    a.admin1 === b.admin1 &&
    a.admin2 === b.admin2 &&
    (a.admin3 ?? '') === (b.admin3 ?? '') &&
    a.country === b.country &&
    a.countryName === b.countryName
  );
}

/**
 * Places with their admin hierarchy: admin1 (a province), admin2 and admin3 each become a place
 * once, parent of the next, and the place of the row names admin1/admin2 and its parent, so
 * regions (derived from admin1) work for lanes and filters. A level named like the one above it
 * (a district named after its province) is not made again.
 */
export class PlaceMaker {
  /**
   * Places made, by their coordinates (a number key: no text to hash): rows name few distinct
   * places, so the short list at a point is scanned.
   */
  readonly #byPoint = new Map<number, MadePlace[]>();
  #made = 0;
  readonly #admins = new Map<string, string>();
  constructor(
    private readonly b: ImportBuilder,
    private readonly coordinateSource: string
  ) {}

  #admin(key: string, make: () => string): string {
    let id = this.#admins.get(key);
    if (id === undefined) {
      id = make();
      this.#admins.set(key, id);
    }
    return id;
  }

  /** Id of the row's place, or undefined when the row names no place at all. */
  place(p: PlaceRow): string | undefined {
    const point = p.at ? p.at.lat * 1000 + p.at.lon : NaN;
    let made = this.#byPoint.get(point);
    if (made === undefined) {
      made = [];
      this.#byPoint.set(point, made);
    }
    for (let i = 0; i < made.length; i++) if (samePlace(made[i]!.row, p)) return made[i]!.id;
    const id = this.#make(p);
    made.push({ row: p, id });
    return id;
  }

  #make(p: PlaceRow): string | undefined {
    const countries = p.country ? [p.country] : [];
    const b = this.b;
    const c = p.country ?? p.countryName;
    const admin1 = p.admin1 === '' ? undefined : clip(p.admin1, 500);
    const admin2 = p.admin2 === '' || p.admin2 === p.admin1 ? undefined : clip(p.admin2, 500);
    const admin3 = !p.admin3 || p.admin3 === p.admin2 || p.admin3 === p.admin1 ? undefined : clip(p.admin3, 500);
    let parent: string | undefined;
    if (admin1) {
      const key = `1\u0000${c}\u0000${admin1}`;
      parent = this.#admin(key, () => b.place({ name: admin1, kind: 'province', countries: [...countries], admin1 }, key));
    }
    if (admin2) {
      const key = `2\u0000${c}\u0000${admin1 ?? ''}\u0000${admin2}`;
      const up = parent;
      parent = this.#admin(key, () => b.place({ name: admin2, kind: 'region', countries: [...countries], ...(admin1 ? { admin1 } : {}), admin2, ...(up ? { parent: up } : {}) }, key));
    }
    if (admin3) {
      const key = `3\u0000${c}\u0000${admin1 ?? ''}\u0000${admin2 ?? ''}\u0000${admin3}`;
      const up = parent;
      parent = this.#admin(key, () =>
        b.place({ name: admin3, kind: 'area', countries: [...countries], ...(admin1 ? { admin1 } : {}), ...(admin2 ? { admin2 } : {}), ...(up ? { parent: up } : {}) }, key)
      );
    }
    // Each row's place is its own entry in the builder (this class already told them apart).
    const key = `\u0000row\u0000${++this.#made}`;
    // A district's own name in the admin2 field, also when it repeats the province's name.
    const admin = { ...(admin1 ? { admin1 } : {}), ...(p.admin2 !== '' ? { admin2: clip(p.admin2, 500) } : {}), ...(parent ? { parent } : {}) };
    if (p.name !== '') {
      return b.place({ name: clip(p.name, 500), kind: p.kind, countries, ...admin, ...(p.at ? { coordinates: coordinates(p, this.coordinateSource) } : {}) }, key);
    }
    // No place name: the finest admin region (or the country) names the point; without
    // coordinates the admin region itself is the place.
    if (!p.at) return parent;
    const name = p.admin3 || p.admin2 || p.admin1 || p.countryName || `${p.at.lat}, ${p.at.lon}`;
    return b.place({ name: clip(name, 500), kind: p.kind, countries, ...admin, coordinates: coordinates(p, this.coordinateSource) }, key);
  }
}

function coordinates(p: PlaceRow, source: string) {
  return {
    lat: p.at!.lat,
    lon: p.at!.lon,
    precision: p.precision,
    ...(p.uncertaintyKm !== undefined ? { uncertaintyKm: p.uncertaintyKm } : {}),
    source,
    ...(p.note ? { note: p.note } : {})
  };
}
