// ACLED CSV exports read into a native dataset: every layout in use (the 31-column export, the
// 2019–2023 layout, old upper-case files with ally_actor_*), dates in any of the spellings ACLED
// files carry, checked against the `year` column, time and geo precision kept, actors, places
// with their admin hierarchy, fatalities, and the publishers ACLED cites. Rows that cannot be used
// are skipped with their line and column; the rest are imported. Each row is read field by field
// (AcledRows), over the helpers every table importer shares (rowHelpers, rowDates, placeMaker;
// the place of a row: acledPlaces).
import type { Problem } from '../dataset/problems';
import {
  AcledDay,
  acledColumns,
  acledEvent,
  actorKindOfInter,
  fatalityFigures,
  NO_FIGURES,
  NOT_A_COUNT,
  type AcledColumns,
  type AcledPoint,
  type ActorKind,
  type TimePrecision
} from './acledFields';
import { mapAcledType, type SideRoles, type TypeMapping } from './acledTypes';
import { streamCsv, type CsvHead, type CsvTable } from './csvTable';
import { clip, ImportBuilder, sortByLine, type ImportEventSink } from './importBuilder';
import { decideDayMonthOrder } from './looseDate';
import { AcledPlaces } from './acledPlaces';
import { DayColumn, reportOrder } from './rowDates';
import { madeTag, PairLists, TagLists, type MadeTag } from './sharedLists';
import {
  cell,
  EventSides,
  fileNameForTitle,
  fourDigitYear,
  Memo,
  noEventsOutcome,
  passOnTableProblems,
  RepeatedWarnings,
  splitList,
  type Citation,
  type EventActorInput,
  type EventActorRole,
  type Figure
} from './rowHelpers';
import type { ImportOutcome } from './types';

export { ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES, mapAcledType } from './acledTypes';
export { ACLED_TIME_PRECISIONS } from './acledFields';

/** Is this row (as header keys) the header of an ACLED export, of any layout? */
export function isAcledHeader(keys: readonly string[]): boolean {
  const has = (k: string) => keys.includes(k);
  return has('event_date') && has('event_type') && has('actor1') && (has('event_id_cnty') || has('fatalities') || has('geo_precision'));
}

/** An actor as the rows name it: its id, the kind an inter code gave it, its entries by role. */
interface SeenActor {
  readonly id: string;
  kind: ActorKind;
  readonly entries: Partial<Record<EventActorRole, EventActorInput>>;
}

const CIVILIAN_TARGETING = 'acled: civilian targeting';

const ACLED_SOURCE_NOTE =
  "Armed Conflict Location & Event Data (ACLED). Each event cites ACLED (with the row's source scale) and the publishers ACLED lists for it. ACLED's terms of use forbid redistributing its rows.";

// ---------------------------------------------------------------------------------------------
// The importer

/** A row's date could not be read here: its day/month order needs the whole column. */
const NEEDS_WHOLE_COLUMN = Symbol('needs the whole column');

/**
 * Reads the rows of one ACLED table into events, a field at a time. Everything that repeats from
 * row to row is worked out once per distinct cell, and the objects made from it (dates,
 * citations, figures, place lists, actor lists and tag lists: see sharedLists) are shared by the
 * events: nothing changes an imported dataset in place but validateDataset's cleaning of text,
 * which would clean a shared string alike for every event, and sharing saves a few hundred
 * thousand objects per 100,000 rows.
 */
class AcledRows {
  readonly b: ImportBuilder;
  readonly #c: AcledColumns;
  readonly #head: CsvHead;
  readonly #notices: RepeatedWarnings;
  readonly #places: AcledPlaces;
  readonly #acled: string;
  /** Rows the CSV reader left out (an unclosed quote, a row cut short). */
  #tableErrors = 0;
  readonly #days: Memo<AcledDay | undefined>;
  readonly #twoDigitYearDays: Memo<AcledDay>;
  readonly #types = new Memo((eventType) => new Memo((subType) => mapAcledType(eventType, subType)));
  readonly #actors: Memo<SeenActor>;
  readonly #interKinds = new Memo(actorKindOfInter);
  readonly #lists = new Memo(splitList);
  readonly #publishers: Memo<readonly Citation[]>;
  readonly #citationLists: Memo<Memo<readonly Citation[]>>;
  readonly #figures = new Memo(fatalityFigures);
  readonly #disorderTags = new Memo((d) => madeTag(clip(`acled disorder: ${d}`, 500)));
  readonly #tagSets = new TagLists(CIVILIAN_TARGETING);
  readonly #actorLists = new PairLists<EventActorInput>();
  readonly #tagLists = new Memo((x) => splitList(x).slice(0, 97).map((y) => clip(`acled tag: ${y}`, 500)));

  /**
   * `table`: all the rows, to decide the day/month order of numeric dates from; without them
   * (undefined) a row with a numeric date cannot be read (row gives false).
   */
  constructor(head: CsvHead, b: ImportBuilder, table: Pick<CsvTable, 'rows'> | undefined) {
    this.b = b;
    this.#head = head;
    this.#c = acledColumns(head);
    this.#notices = new RepeatedWarnings(b);
    const acled = b.source({ kind: 'dataset', publisher: 'ACLED', title: 'Armed Conflict Location & Event Data', url: 'https://acleddata.com', note: ACLED_SOURCE_NOTE }, '\u0000acled');
    this.#acled = acled;
    this.#places = new AcledPlaces(b, this.#c, this.#notices, (column) => this.#name(column), acled);
    const dates = new DayColumn(table ?? { rows: [] }, this.#c.date);
    reportOrder(b, head, dates, this.#name(this.#c.date));
    const orderUnknown = (text: string) => table === undefined && decideDayMonthOrder([text]).basis !== 'none';
    this.#days = new Memo((text) => (orderUnknown(text) ? undefined : new AcledDay(text, dates.read(text))));
    // "3-Nov-17": a two-digit year reads with the year column's help (key: "2017:3-Nov-17").
    this.#twoDigitYearDays = new Memo((key) => new AcledDay(key.slice(5), dates.read(key.slice(5), Number(key.slice(0, 4)))));
    this.#actors = new Memo((n) => ({ id: b.actor({ name: n }), kind: 'other', entries: {} }));
    this.#publishers = new Memo((t) => splitList(t).map((p) => ({ source: b.source({ kind: 'news', publisher: p, title: 'Reports cited by ACLED' }, `pub\u0000${p}`) })));
    this.#citationLists = new Memo((scale) => {
      const acledCitation: Citation = scale === '' ? { source: acled } : { source: acled, note: clip(`source scale: ${scale}`, 2000) };
      return new Memo((t): readonly Citation[] => (t === '' ? [acledCitation] : [acledCitation, ...this.#publishers.get(t)]));
    });
  }

  #name(column: number): string {
    return this.#head.headers[column] ?? '';
  }

  /** Pass on what reading the table found; its errors are rows of the file left out. */
  passOn(problems: readonly Problem[]): void {
    this.#tableErrors += passOnTableProblems(this.b, problems);
  }

  /** Import the row at `line`; false when it has a numeric date and no order was decided. */
  row(line: number, cells: readonly string[]): boolean {
    const when = this.#date(line, cells);
    if (when === NEEDS_WHOLE_COLUMN) return false;
    if (when === undefined) return true;
    const mapping = this.#type(line, cells);
    if (mapping === undefined) return true;
    const place = this.#places.place(line, cells);
    if (place === undefined) return true;
    const rowId = cell(cells, this.#c.id);
    const id = this.b.eventId(rowId, line);
    const notes = cell(cells, this.#c.notes);
    const actor1 = cell(cells, this.#c.actor1);
    const actor2 = cell(cells, this.#c.actor2);
    const who = actor1 !== '' && actor2 !== '' ? `${actor1} and ${actor2}` : actor1 || actor2;
    const title = `${mapping.words}${place.where ? ` in ${place.where}` : ''}${who ? `: ${who}` : ''}`;
    const shortTitle = title.length > 500 ? this.b.short(title, line, 'title') : title;
    const summary = notes === '' ? undefined : notes.length > 20_000 ? this.b.long(notes, line, this.#name(this.#c.notes)) : notes;
    const actors = this.#eventActors(cells, mapping.roles);
    const figures = this.#fatalities(line, cells) as Figure[];
    const citations = this.#citations(line, cells, id, rowId) as Citation[];
    this.b.addEvent(acledEvent(id, mapping.type, shortTitle, summary, when, place.list, actors, figures, citations, this.#tags(cells, mapping)), line);
    return true;
  }

  /** The date, checked against the year column, with its time precision; undefined: row skipped. */
  #date(line: number, cells: readonly string[]): AcledPoint | undefined | typeof NEEDS_WHOLE_COLUMN {
    const c = this.#c;
    const dateText = cell(cells, c.date);
    const yearText = cell(cells, c.year);
    const year = fourDigitYear(yearText);
    let day = this.#days.get(dateText);
    if (day === undefined) return NEEDS_WHOLE_COLUMN;
    if (!day.ok && year > 0) day = this.#twoDigitYearDays.get(`${yearText}:${dateText}`);
    if (!day.ok) {
      const read = day.read;
      this.b.skip(line, this.#name(c.date), read.ok ? '' : read.reason);
      return undefined;
    }
    if (year > 0 && day.year !== year) {
      this.b.skip(line, this.#name(c.year), `the date "${dateText}" is in ${day.year}, but the ${this.#name(c.year)} column says ${year}; check which is right`);
      return undefined;
    }
    if (year < 0 && yearText !== '') this.#notices.add('year', line, this.#name(c.year), `"${clip(yearText, 40)}" is not a year; the date was not checked against it`);
    if (day.droppedTime !== undefined) this.#notices.add('time', line, this.#name(c.date), `the time "${day.droppedTime}" was dropped; the date is kept as written`);
    const tpText = cell(cells, c.tp);
    const tp: TimePrecision = tpText === '2' ? '2' : tpText === '3' ? '3' : '1';
    if (tp === '1' && tpText !== '1' && tpText !== '') {
      this.#notices.add('tp', line, this.#name(c.tp), `"${clip(tpText, 40)}" is not an ACLED time precision (1, 2 or 3); the date is taken as the day`);
    }
    return day.point(tp);
  }

  /** The type, from ACLED's event and sub-event type; undefined: row skipped. */
  #type(line: number, cells: readonly string[]): TypeMapping | undefined {
    const eventType = cell(cells, this.#c.type);
    if (eventType === '') {
      this.b.skip(line, this.#name(this.#c.type), 'the event type is empty');
      return undefined;
    }
    const subType = cell(cells, this.#c.subType);
    const mapping = this.#types.get(eventType).get(subType);
    if (!mapping.known) {
      this.#notices.add(`type:${mapping.tag}`, line, this.#name(this.#c.type), `"${clip(eventType, 80)}${subType ? ` / ${clip(subType, 80)}` : ''}" is not an ACLED event type this app knows; imported as "other"`);
    }
    return mapping;
  }

  /** Actors: actor1 and its associates on one side, actor2 and its associates on the other. */
  #eventActors(cells: readonly string[], roles: SideRoles): EventActorInput[] {
    const c = this.#c;
    const assoc1 = cell(cells, c.assoc1);
    const assoc2 = cell(cells, c.assoc2);
    if (assoc1 === '' && assoc2 === '') {
      // No associates (most rows): the list of the two entries, shared by the events of that pair.
      const first = this.#entry(cell(cells, c.actor1), cell(cells, c.inter1), roles[0]);
      return this.#actorLists.of(first, this.#entry(cell(cells, c.actor2), cell(cells, c.inter2), roles[1]));
    }
    const sides = new EventSides();
    this.#side(sides, cell(cells, c.actor1), cell(cells, c.inter1), assoc1, roles[0]);
    sides.nextSide();
    this.#side(sides, cell(cells, c.actor2), cell(cells, c.inter2), assoc2, roles[1]);
    return sides.list;
  }

  /** The entry of a side's actor (undefined: none named); its kind comes from the first inter code given for it. */
  #entry(actor: string, inter: string, role: EventActorRole): EventActorInput | undefined {
    if (actor === '') return undefined;
    const a = this.#actors.get(actor);
    if (a.kind === 'other') a.kind = this.#interKinds.get(inter);
    return (a.entries[role] ??= { actor: a.id, role });
  }

  #side(sides: EventSides, actor: string, inter: string, associates: string, role: EventActorRole): void {
    const entry = this.#entry(actor, inter, role);
    if (entry !== undefined) sides.add(entry);
    if (associates === '') return;
    for (const name of this.#lists.get(associates)) {
      const a = this.#actors.get(name);
      sides.add((a.entries[role] ??= { actor: a.id, role }));
    }
  }

  /** Fatalities: ACLED's 0 means none reported (no figure). */
  #fatalities(line: number, cells: readonly string[]): readonly Figure[] {
    const fatalities = cell(cells, this.#c.fatalities);
    if (fatalities === '' || fatalities === '0') return NO_FIGURES;
    const figures = this.#figures.get(fatalities);
    if (figures === NOT_A_COUNT) this.#notices.add('fatalities', line, this.#name(this.#c.fatalities), `"${clip(fatalities, 40)}" is not a number of fatalities; it was left out`);
    return figures;
  }

  /** Citations: ACLED (with the row's source scale), then each publisher it cites. */
  #citations(line: number, cells: readonly string[], id: string, rowId: string): readonly Citation[] {
    const scale = cell(cells, this.#c.scale);
    const sourceText = cell(cells, this.#c.source);
    if (id === rowId) return this.#citationLists.get(scale).get(sourceText);
    // The event's id is not ACLED's: the citation says which row it is.
    const note = clip(`ACLED event ${rowId === '' ? `on line ${line}` : rowId}${scale ? `; source scale: ${scale}` : ''}`, 2000);
    return [{ source: this.#acled, note }, ...(sourceText === '' ? [] : this.#publishers.get(sourceText))];
  }

  /** Tags: ACLED's own classification (a list shared by the events that have the same, unless the tags column adds some). */
  #tags(cells: readonly string[], mapping: TypeMapping): string[] {
    const c = this.#c;
    const disorder = cell(cells, c.disorder);
    const disorderTag: MadeTag | undefined = disorder === '' ? undefined : this.#disorderTags.get(disorder);
    const civilians = cell(cells, c.civilians) !== '';
    const tagText = cell(cells, c.tags);
    if (tagText === '') return this.#tagSets.of(mapping.tag, disorderTag, civilians);
    const tags = [mapping.tag];
    if (disorderTag !== undefined) tags.push(disorderTag.tag);
    if (civilians) tags.push(CIVILIAN_TARGETING);
    for (const t of this.#tagLists.get(tagText)) tags.push(t);
    return tags;
  }

  /** The outcome. `rows`: data rows the reader handed over. */
  finish(rows: number): ImportOutcome {
    const b = this.b;
    this.#notices.flush();
    sortByLine(b.problems);
    if (b.eventCount === 0) return noEventsOutcome(b, this.#head);
    const result = b.finish(
      {
        title: `ACLED events (${fileNameForTitle(this.#head.file)})`,
        description: "Imported from an ACLED export. Dates keep ACLED's time precision; coordinates keep its geo precision; fatalities are ACLED's reported fatalities.",
        license: "ACLED terms of use: ACLED's data may not be redistributed"
      },
      // A row the reader left out is a row of the file too.
      rows + this.#tableErrors
    );
    // Actors were made as first named; the kind comes from the first inter code given for them.
    const kinds = new Map<string, ActorKind>();
    for (const a of this.#actors.values()) if (a.kind !== 'other') kinds.set(a.id, a.kind);
    for (const a of result.dataset.actors ?? []) {
      const kind = kinds.get(a.id);
      if (kind !== undefined) (a as { kind?: ActorKind }).kind = kind;
    }
    return { status: 'imported', result };
  }
}

/**
 * The reader of a table with this header, or the failure of a header without the columns every
 * ACLED export has. `problems`: found reading the table so far (passed on first).
 */
function acledRows(head: CsvHead, problems: readonly Problem[], table: Pick<CsvTable, 'rows'> | undefined, sink: ImportEventSink | undefined): AcledRows | ImportOutcome {
  const b = new ImportBuilder(head.file, 'acled', sink);
  const c = acledColumns(head);
  if (c.date < 0 || c.type < 0) {
    passOnTableProblems(b, problems);
    return { status: 'failed', problems: [...b.problems, { severity: 'error', file: head.file, line: head.headerLine, message: 'the header has no event_date or no event_type column, which an ACLED export always has' }] };
  }
  const rows = new AcledRows(head, b, table);
  rows.passOn(problems);
  return rows;
}

/** Import the rows of an ACLED export (the table was read with isAcledHeader). `sink`: see ImportBuilder. */
export function importAcled(table: CsvTable, sink?: ImportEventSink): ImportOutcome {
  const rows = acledRows(table, table.problems, table, sink);
  if (!(rows instanceof AcledRows)) return rows;
  for (const row of table.rows) rows.row(row.line, row.cells);
  return rows.finish(table.rows.length);
}

/**
 * Import an ACLED export as its text is read (streamCsv): each row becomes an event as it is
 * read, and its cells are not kept. The same dataset as readCsv then importAcled, or undefined
 * when the file needs reading whole first: its dates have a day/month order to decide from the
 * whole column (numeric dates such as 03/11/2017).
 */
export function importAcledText(text: string, file: string, sink?: ImportEventSink): ImportOutcome | undefined {
  let reader: AcledRows | undefined;
  let wholeTable = false;
  const read = streamCsv(text, file, { isHeader: isAcledHeader }, {
    start(head) {
      // No rows to decide the day/month order from: a numeric date stops the reading.
      const made = acledRows(head, [], undefined, sink);
      if (!(made instanceof AcledRows)) {
        wholeTable = true;
        return false;
      }
      reader = made;
      return true;
    },
    row(line, cells) {
      if (reader!.row(line, cells)) return true;
      wholeTable = true;
      return false;
    }
  });
  if (wholeTable) return undefined;
  if (!read.ok) return { status: 'failed', problems: [...read.problems] };
  reader!.passOn(read.problems);
  return reader!.finish(read.rows);
}
