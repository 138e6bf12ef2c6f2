// UCDP GED CSV files (the global release and special releases such as Syria's, in any column
// order, upper- or lower-case headers) read into a native dataset, one small function per part of
// a row: the window of possible dates with its precision (ucdpDates), deaths with low and high
// (ucdpDeaths), the two sides, the place under its admin regions, the articles UCDP cites, tags.
// Rows that cannot be used are skipped with their line and column; the rest are imported.
import type { EventType } from '../dataset/eventTypes';
import type { ACTOR_KINDS, PLACE_KINDS } from '../dataset/vocabulary';
import { alpha2FromName } from './countries';
import { columnOf, type CsvTable } from './csvTable';
import { clip, ImportBuilder, sortByLine, type EventInput, type ImportEventSink } from './importBuilder';
import { PlaceMaker } from './placeMaker';
import { DayColumn, dayWords, reportOrder } from './rowDates';
import {
  cell,
  fileNameForTitle,
  Memo,
  noEventsOutcome,
  passOnTableProblems,
  readCoordinates,
  RepeatedWarnings,
  splitList,
  type Citation,
  type EventActorInput,
  type EventActorRole,
  type Figure
} from './rowHelpers';
import type { ImportOutcome } from './types';
import { isDatePrec, ucdpWhen, type UcdpWhen } from './ucdpDates';
import { partyDeaths, ucdpDeaths } from './ucdpDeaths';

type ActorKind = (typeof ACTOR_KINDS)[number];
type PlaceKind = (typeof PLACE_KINDS)[number];
type Cells = readonly string[];

/** Is this row (as header keys) the header of a UCDP GED file? */
export function isUcdpHeader(keys: readonly string[]): boolean {
  const has = (k: string) => keys.includes(k);
  return has('date_start') && has('side_a') && has('side_b') && (has('type_of_violence') || has('best') || has('best_est'));
}

const VIOLENCE: Readonly<Record<string, { type: EventType; words: string; tag: string; roles: readonly [EventActorRole, EventActorRole] }>> = {
  '1': { type: 'clash', words: 'State-based fighting', tag: 'ucdp: state-based conflict', roles: ['participant', 'participant'] },
  '2': { type: 'clash', words: 'Non-state fighting', tag: 'ucdp: non-state conflict', roles: ['participant', 'participant'] },
  '3': { type: 'civilians', words: 'One-sided violence', tag: 'ucdp: one-sided violence', roles: ['attacker', 'target'] }
};
const PARTICIPANTS: readonly [EventActorRole, EventActorRole] = ['participant', 'participant'];

/** where_prec: kind of place, how precise its coordinates are, and what UCDP says about them. */
const WHERE_PREC: Readonly<Record<string, { kind: PlaceKind; exact: boolean; km?: number; note?: string }>> = {
  '1': { kind: 'town', exact: true },
  '2': { kind: 'town', exact: false, km: 25, note: 'UCDP where precision 2: within about 25 km of this point' },
  '3': { kind: 'region', exact: false, note: 'UCDP where precision 3: only the second-order administrative division is known' },
  '4': { kind: 'province', exact: false, note: 'UCDP where precision 4: only the first-order administrative division is known' },
  '5': { kind: 'area', exact: false, note: 'UCDP where precision 5: somewhere along a linear feature or in a larger area' },
  '6': { kind: 'country', exact: false, note: 'UCDP where precision 6: only the country is known' },
  '7': { kind: 'area', exact: false, note: 'UCDP where precision 7: international waters or airspace' }
};
const NO_WHERE_PRECISION = 'UCDP gives no where precision for this row';

const UCDP_SOURCE_NOTE =
  'UCDP Georeferenced Event Dataset (GED), CC BY 4.0. Cite: Sundberg, Ralph and Erik Melander (2013), "Introducing the UCDP Georeferenced Event Dataset", Journal of Peace Research 50(4). Each event cites the GED row and the articles it lists.';

function actorKind(name: string): ActorKind {
  if (/^government of /i.test(name)) return 'government';
  if (/^civilians?\b/i.test(name)) return 'population';
  return 'armed-group';
}

/** The columns a GED file may have, by name (-1 when absent); "best_est" etc. in older releases. */
function ucdpColumns(table: CsvTable) {
  const col = (name: string, older?: string) => (older === undefined ? columnOf(table, name) : columnOf(table, name, older));
  return {
    id: col('id'),
    year: col('year'),
    violence: col('type_of_violence'),
    conflict: col('conflict_name'),
    dyad: col('dyad_name'),
    sideA: col('side_a'),
    sideB: col('side_b'),
    article: col('source_article'),
    office: col('source_office'),
    headline: col('source_headline'),
    sourceDate: col('source_date'),
    wherePrec: col('where_prec'),
    where: col('where_coordinates'),
    whereDescription: col('where_description'),
    adm1: col('adm_1'),
    adm2: col('adm_2'),
    lat: col('latitude'),
    lon: col('longitude'),
    country: col('country'),
    clarity: col('event_clarity'),
    datePrec: col('date_prec'),
    start: col('date_start'),
    end: col('date_end'),
    deathsA: col('deaths_a'),
    deathsB: col('deaths_b'),
    deathsCivilians: col('deaths_civilians'),
    deathsUnknown: col('deaths_unknown'),
    best: col('best', 'best_est'),
    high: col('high', 'high_est'),
    low: col('low', 'low_est')
  };
}
type Columns = ReturnType<typeof ucdpColumns>;

/** A side as the rows name it: its id, its entries by role, its deaths figures by count. */
interface Side {
  readonly name: string;
  readonly id: string;
  readonly entries: Partial<Record<EventActorRole, EventActorInput>>;
  readonly deathsA: Memo<Figure | undefined>;
  readonly deathsB: Memo<Figure | undefined>;
}

/** The sides of a row, with the roles its type of violence gives them. */
interface Sides {
  readonly a: Side | undefined;
  readonly b: Side | undefined;
  readonly actors: EventActorInput[];
}

/** Import the rows of a UCDP GED file (the table was read with isUcdpHeader). `sink`: see ImportBuilder. */
export function importUcdp(table: CsvTable, sink?: ImportEventSink): ImportOutcome {
  const b = new ImportBuilder(table.file, 'ucdp', sink);
  // What went wrong reading the table (an unclosed quote) is passed on; such a row is a row of the file too.
  const rowsLeftOut = passOnTableProblems(b, table.problems);
  const columns = ucdpColumns(table);
  if (columns.start < 0) {
    return { status: 'failed', problems: [...b.problems, { severity: 'error', file: table.file, line: table.headerLine, message: 'the header has no date_start column, which a UCDP GED file always has' }] };
  }
  const rows = new UcdpRows(table, b, columns);
  for (const row of table.rows) rows.row(row.line, row.cells);
  rows.notices.flush();
  sortByLine(b.problems);
  if (b.eventCount === 0) return noEventsOutcome(b, table);
  const metadata = {
    title: `UCDP GED events (${fileNameForTitle(table.file)})`,
    description:
      "Imported from the UCDP Georeferenced Event Dataset. Each event keeps its window of possible dates (date_start to date_end, sometime in between) and UCDP's deaths estimate: the best one, with low and high beside it.",
    license: 'CC BY 4.0 (UCDP GED); cite UCDP when using it'
  };
  return { status: 'imported', result: b.finish(metadata, table.rows.length + rowsLeftOut) };
}

/**
 * One GED file's rows, each made into an event by the small functions below. What repeats from
 * row to row is worked out once per distinct cell, and the objects made from it are shared by the
 * events (nothing changes the dataset in place).
 */
class UcdpRows {
  readonly notices: RepeatedWarnings;
  readonly #b: ImportBuilder;
  readonly #c: Columns;
  readonly #headers: readonly string[];
  readonly #starts: DayColumn;
  readonly #ends: DayColumn;
  readonly #places: PlaceMaker;
  readonly #ged: string;
  readonly #gedCitation: Citation;
  readonly #countries = new Memo((text) => (text === '' ? undefined : alpha2FromName(text)));
  readonly #sides: Memo<Side>;
  readonly #offices: Memo<string>;
  readonly #windows = new Memo((key) => {
    const [prec = '', firstText = '', lastText = '', first = '', last = ''] = key.split('\u0000');
    return ucdpWhen(first, last, prec, firstText, lastText);
  });
  readonly #totals = new Memo((key) => {
    const [best = '', low = '', high = ''] = key.split('\u0000');
    return ucdpDeaths(best, low, high);
  });
  readonly #civilianDeaths = new Memo((t) => partyDeaths(t, 'civilian deaths', 'civilians killed', 'civilian deaths'));
  readonly #unknownDeaths = new Memo((t) => partyDeaths(t, 'deaths, party unknown', 'killed, party unknown', 'deaths of unknown affiliation'));
  readonly #conflictTags = new Memo((t) => clip(`ucdp conflict: ${t}`, 500));
  readonly #dyadTags = new Memo((t) => clip(`ucdp dyad: ${t}`, 500));

  constructor(table: CsvTable, b: ImportBuilder, columns: Columns) {
    this.#b = b;
    this.#c = columns;
    this.#headers = table.headers;
    this.notices = new RepeatedWarnings(b);
    this.#ged = b.source({ kind: 'dataset', publisher: 'UCDP', title: 'UCDP Georeferenced Event Dataset (GED)', url: 'https://ucdp.uu.se', note: UCDP_SOURCE_NOTE }, '\u0000ucdp');
    this.#gedCitation = { source: this.#ged };
    this.#starts = new DayColumn(table, columns.start);
    this.#ends = new DayColumn(table, columns.end);
    reportOrder(b, table, this.#starts, this.#name(columns.start));
    reportOrder(b, table, this.#ends, this.#name(columns.end));
    this.#places = new PlaceMaker(b, this.#ged);
    this.#sides = new Memo<Side>((n) => ({
      name: n,
      id: b.actor({ name: n, kind: actorKind(n) }),
      entries: {},
      deathsA: new Memo((t) => partyDeaths(t, 'deaths on side A', 'killed on side A', `deaths on side A (${clip(n, 300)})`)),
      deathsB: new Memo((t) => partyDeaths(t, 'deaths on side B', 'killed on side B', `deaths on side B (${clip(n, 300)})`))
    }));
    this.#offices = new Memo((office) => b.source({ kind: 'news', publisher: office, title: 'Articles cited by UCDP GED' }, `pub\u0000${office}`));
  }

  #name(column: number): string {
    return this.#headers[column] ?? '';
  }

  /** The row at `line` as an event, or skipped with the reason. */
  row(line: number, cells: Cells): void {
    const when = this.#when(line, cells);
    if (!when) return;
    const violence = this.#violence(line, cells);
    const place = this.#place(line, cells);
    if (!place) return;
    const sides = this.#sidesOf(cells, violence?.roles ?? PARTICIPANTS);
    const c = this.#c;
    const event = {
      id: this.#b.eventId(cell(cells, c.id), line),
      type: violence?.type ?? 'other',
      title: this.#title(line, cells, violence, place.words),
      ...this.#summary(line, cells),
      start: when.start,
      ...(when.note ? { dateNote: when.note } : {}),
      places: place.list,
      actors: sides.actors,
      status: 'reported',
      figures: this.#figures(line, cells, sides),
      citations: this.#citations(cells),
      tags: this.#tags(cells, violence)
    } satisfies EventInput;
    this.#b.addEvent(event, line);
  }

  /** The window of possible dates and its precision; undefined when the row was skipped. */
  #when(line: number, cells: Cells): (UcdpWhen & { ok: true }) | undefined {
    const c = this.#c;
    const startText = cell(cells, c.start);
    const endText = cell(cells, c.end);
    const s = this.#starts.read(startText);
    if (!s.ok) return void this.#b.skip(line, this.#name(c.start), s.reason);
    const e = endText === '' ? s : this.#ends.read(endText);
    if (!e.ok) return void this.#b.skip(line, this.#name(c.end), e.reason);
    if (e.day < s.day) return void this.#b.skip(line, this.#name(c.end), `the event ends (${dayWords(e.day)}) before it starts (${dayWords(s.day)})`);
    if (s.droppedTime !== undefined) this.notices.add('time-start', line, this.#name(c.start), `the time "${s.droppedTime}" was dropped; the date is kept as written`);
    if (e.droppedTime !== undefined && endText !== '') this.notices.add('time-end', line, this.#name(c.end), `the time "${e.droppedTime}" was dropped; the date is kept as written`);
    let prec = cell(cells, c.datePrec);
    if (prec !== '' && !isDatePrec(prec)) {
      this.notices.add('prec', line, this.#name(c.datePrec), `"${clip(prec, 40)}" is not a UCDP date precision (1 to 5); the dates are taken as the first and last possible day`);
      prec = '';
    }
    const when = this.#windows.get(`${prec}\u0000${startText}\u0000${endText}\u0000${s.day}\u0000${e.day}`);
    if (!when.ok) return void this.#b.skip(line, this.#name(c.end), when.reason);
    const yearText = cell(cells, c.year);
    if (yearText.length === 4 && yearText !== s.day.slice(0, 4) && /^\d{4}$/.test(yearText)) {
      this.notices.add('year', line, this.#name(c.year), `the event starts in ${s.day.slice(0, 4)} but ${this.#name(c.year)} says ${yearText}; the dates are kept`);
    }
    return when;
  }

  /** type_of_violence, or undefined (with a warning) when it is not 1, 2 or 3. */
  #violence(line: number, cells: Cells): (typeof VIOLENCE)[string] | undefined {
    const text = cell(cells, this.#c.violence);
    const violence = VIOLENCE[text];
    if (!violence) this.notices.add('violence', line, this.#name(this.#c.violence), `"${clip(text, 40)}" is not a UCDP type of violence (1, 2 or 3); imported as "other"`);
    return violence;
  }

  /** The row's place (under its admin regions) and the words naming it; undefined when the row was skipped. */
  #place(line: number, cells: Cells): { list: string[]; words: string } | undefined {
    const c = this.#c;
    const coords = readCoordinates(cell(cells, c.lat), cell(cells, c.lon));
    if (!coords.ok) return void this.#b.skip(line, this.#name(coords.which === 'lat' ? c.lat : c.lon), coords.reason);
    const countryText = cell(cells, c.country);
    const cc = this.#countries.get(countryText);
    if (cc === undefined && countryText !== '') this.notices.add(`country:${countryText}`, line, this.#name(c.country), `"${clip(countryText, 80)}" is not a country this app knows; its places have no country`);
    // Shown by the name the file writes, without UCDP's bracketed former name ("Yemen (North Yemen)").
    else if (cc !== undefined) this.#b.countryLabel(cc, countryText.replace(/\s*\([^)]*\)\s*$/, '') || countryText);
    const whereText = cell(cells, c.where);
    const wherePrecText = cell(cells, c.wherePrec);
    const wp = WHERE_PREC[wherePrecText];
    if (!coords.at) this.notices.add('nocoords', line, this.#name(c.lat), 'no coordinates; the place is kept without them');
    else if (!wp) this.notices.add('where_prec', line, this.#name(c.wherePrec), `"${clip(wherePrecText, 40)}" is not a UCDP where precision (1 to 7); the coordinates are taken as approximate`);
    const admin1 = cell(cells, c.adm1);
    const admin2 = cell(cells, c.adm2);
    const list = this.#places.placeList({
      name: whereText,
      admin1,
      admin2,
      country: cc,
      countryName: countryText,
      at: coords.at,
      precision: wp?.exact ? 'exact' : 'approximate',
      kind: wp?.kind ?? 'other',
      note: wp ? wp.note : NO_WHERE_PRECISION,
      uncertaintyKm: wp?.km
    });
    return { list, words: whereText || admin2 || admin1 || countryText };
  }

  /**
   * side_a and side_b as actors in the roles of the type of violence. The same name on both sides
   * stays two sides (two groups UCDP cannot tell apart fought each other), as in every importer.
   */
  #sidesOf(cells: Cells, roles: readonly [EventActorRole, EventActorRole]): Sides {
    const aText = cell(cells, this.#c.sideA);
    const bText = cell(cells, this.#c.sideB);
    const a = aText === '' ? undefined : this.#sides.get(aText);
    const b = bText === '' ? undefined : this.#sides.get(bText);
    const actors: EventActorInput[] = [];
    if (a) actors.push((a.entries[roles[0]] ??= { actor: a.id, role: roles[0] }));
    if (b) actors.push((b.entries[roles[1]] ??= { actor: b.id, role: roles[1] }));
    return { a, b, actors };
  }

  /** Deaths: the best estimate with low and high, then by party (only beside a total). */
  #figures(line: number, cells: Cells, sides: Sides): Figure[] {
    const c = this.#c;
    const total = this.#totals.get(`${cell(cells, c.best)}\u0000${cell(cells, c.low)}\u0000${cell(cells, c.high)}`);
    if (total.bad !== undefined) this.notices.add('best', line, this.#name(c.best), total.bad);
    if (total.warning !== undefined) this.notices.add('range', line, this.#name(c.best), total.warning);
    if (!total.figure) return [];
    const parts = [
      sides.a?.deathsA.get(cell(cells, c.deathsA)),
      sides.b?.deathsB.get(cell(cells, c.deathsB)),
      this.#civilianDeaths.get(cell(cells, c.deathsCivilians)),
      this.#unknownDeaths.get(cell(cells, c.deathsUnknown))
    ];
    return [total.figure, ...parts.filter((f) => f !== undefined)];
  }

  /** The GED row with its source_article, then each office with its headline and date. */
  #citations(cells: Cells): Citation[] {
    const c = this.#c;
    const article = cell(cells, c.article);
    const citations: Citation[] = [article === '' ? this.#gedCitation : { source: this.#ged, note: clip(article, 2000) }];
    const officeText = cell(cells, c.office);
    if (officeText === '') return citations;
    const officeList = splitList(officeText);
    const headlines = cell(cells, c.headline).split(';');
    const sourceDates = cell(cells, c.sourceDate).split(';');
    for (let i = 0; i < officeList.length; i++) {
      const source = this.#offices.get(officeList[i]!);
      if (citations.some((x) => x.source === source)) continue;
      const headline = headlines[i]?.trim() ?? '';
      const on = sourceDates[i]?.trim() ?? '';
      const note = headline !== '' ? `"${headline}"${on ? ` (${on})` : ''}` : on;
      citations.push(note !== '' ? { source, note: clip(note, 2000) } : { source });
    }
    return citations;
  }

  /** UCDP's classification, the conflict and dyad, and low clarity. */
  #tags(cells: Cells, violence: (typeof VIOLENCE)[string] | undefined): string[] {
    const c = this.#c;
    const conflict = cell(cells, c.conflict);
    const dyad = cell(cells, c.dyad);
    const tags: string[] = [];
    if (violence) tags.push(violence.tag);
    if (conflict !== '') tags.push(this.#conflictTags.get(conflict));
    if (dyad !== '') tags.push(this.#dyadTags.get(dyad));
    if (cell(cells, c.clarity) === '2') tags.push('ucdp: low clarity');
    return tags;
  }

  /** "State-based fighting: Government of Syria vs IS, Deir ez-Zor town", "One-sided violence by IS, …". */
  #title(line: number, cells: Cells, violence: (typeof VIOLENCE)[string] | undefined, whereWords: string): string {
    const a = cell(cells, this.#c.sideA);
    const b = cell(cells, this.#c.sideB);
    const who = violence?.type === 'civilians' ? (a ? ` by ${a}` : '') : a && b ? `: ${a} vs ${b}` : a || b ? `: ${a || b}` : '';
    const title = `${violence?.words ?? 'Event'}${who}${whereWords ? `, ${whereWords}` : ''}`;
    return title.length > 500 ? this.#b.short(title, line, 'title') : title;
  }

  /** where_description as the summary, unless it only repeats the place's name. */
  #summary(line: number, cells: Cells): { summary?: string } {
    const description = cell(cells, this.#c.whereDescription);
    if (description === '' || description === cell(cells, this.#c.where)) return {};
    return { summary: this.#b.long(`Where: ${description}`, line, this.#name(this.#c.whereDescription)) };
  }
}
