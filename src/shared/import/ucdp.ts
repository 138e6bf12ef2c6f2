// UCDP GED CSV files (the global release and special releases such as Syria's, in any column
// order, upper- or lower-case headers) read into a native dataset: the date window with its
// precision, deaths (best estimate with low and high, and by party), the two sides, the place with
// its admin regions, and the articles UCDP cites. Rows that cannot be used are skipped with their
// line and column; the rest are imported.
import type { EventType } from '../dataset/eventTypes';
import type { ACTOR_KINDS, EVENT_ACTOR_ROLES, PLACE_KINDS } from '../dataset/vocabulary';
import { cell, DayColumn, dayWords, isoWeekOf, Memo, PlaceMaker, readCoordinates, RepeatedWarnings, reportOrder, splitList } from './acled';
import { alpha2FromName } from './countries';
import { columnOf, type CsvTable } from './csvTable';
import { clip, ImportBuilder, sortByLine, type EventInput, type ImportEventSink } from './importBuilder';
import type { ImportOutcome } from './types';
import { daysInMonth } from '../dataset/dates';

type ActorKind = (typeof ACTOR_KINDS)[number];
type EventActorRole = (typeof EVENT_ACTOR_ROLES)[number];
type PlaceKind = (typeof PLACE_KINDS)[number];

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

const DATE_PREC_WORDS: Readonly<Record<string, string>> = {
  '1': 'the exact day is known',
  '2': 'the day is known within 2–6 days',
  '3': 'only the week is known',
  '4': 'known within 8–30 days or only the month',
  '5': 'known only within more than a month, up to a year'
};

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

const UCDP_SOURCE_NOTE =
  'UCDP Georeferenced Event Dataset (GED), CC BY 4.0. Cite: Sundberg, Ralph and Erik Melander (2013), "Introducing the UCDP Georeferenced Event Dataset", Journal of Peace Research 50(4). Each event cites the GED row and the articles it lists.';

function actorKind(name: string): ActorKind {
  if (/^government of /i.test(name)) return 'government';
  if (/^civilians?\b/i.test(name)) return 'population';
  return 'armed-group';
}

/** A non-negative whole number of deaths, or undefined when the cell is empty or not one. */
function deaths(text: string): number | undefined {
  return /^\d{1,9}(?:\.0+)?$/.test(text) ? Number(text) : undefined;
}

type Figure = EventInput['figures'] extends readonly (infer F)[] | undefined ? F : never;
type Citation = EventInput['citations'][number];
type EventActorInput = { readonly actor: string; readonly role: EventActorRole };
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The best estimate with low and high, once per distinct "best\0low\0high". */
interface Deaths {
  readonly figure: Figure | undefined;
  readonly warning?: string;
  readonly bad?: string;
}

function deathsOf(key: string): Deaths {
  const [bestText = '', lowText = '', highText = ''] = key.split('\u0000');
  const best = deaths(bestText);
  if (best === undefined) return { figure: undefined, ...(bestText !== '' ? { bad: `"${clip(bestText, 40)}" is not a number of deaths; it was left out` } : {}) };
  let low = deaths(lowText);
  let high = deaths(highText);
  let warning: string | undefined;
  if ((low !== undefined && low > best) || (high !== undefined && high < best)) {
    warning = `the best estimate ${best} is not between low (${low ?? '–'}) and high (${high ?? '–'}); low and high were left out`;
    low = undefined;
    high = undefined;
  }
  if (best === 0 && (high ?? 0) === 0) return { figure: undefined, ...(warning ? { warning } : {}) };
  const range = low !== undefined && high !== undefined && (low !== best || high !== best);
  const figure: Figure = {
    value: best,
    ...(low !== undefined ? { low } : {}),
    ...(high !== undefined ? { high } : {}),
    unit: 'fatalities',
    counts: range ? `deaths, UCDP best estimate (low ${low}, high ${high})` : 'deaths, UCDP best estimate',
    label: 'killed',
    bound: range ? 'approximate' : 'exact',
    asWritten: range ? `best ${best} (low ${low}, high ${high})` : `best ${best}`
  };
  return { figure, ...(warning ? { warning } : {}) };
}

/**
 * Deaths by party, each its own unit, so a density that sums fatalities does not count them
 * twice. Undefined for none.
 */
function partFigure(text: string, unit: string, label: string, counts: string): Figure | undefined {
  const n = deaths(text);
  return n === undefined || n === 0 ? undefined : { value: n, unit, counts, label, bound: 'exact', asWritten: String(n) };
}

/** A side as the rows name it: its id, its entries by role, its deaths figures by count. */
interface Side {
  readonly id: string;
  readonly entries: Partial<Record<EventActorRole, EventActorInput>>;
  readonly deathsA: Memo<Figure | undefined>;
  readonly deathsB: Memo<Figure | undefined>;
}

/** Import the rows of a UCDP GED file (the table was read with isUcdpHeader). */
/** `sink`: see ImportBuilder. */
export function importUcdp(table: CsvTable, sink?: ImportEventSink): ImportOutcome {
  const b = new ImportBuilder(table.file, 'ucdp', sink);
  const notices = new RepeatedWarnings(b);
  const col = (...names: string[]) => columnOf(table, ...names);
  const cId = col('id');
  const cYear = col('year');
  const cViolence = col('type_of_violence');
  const cConflict = col('conflict_name');
  const cDyad = col('dyad_name');
  const cSideA = col('side_a');
  const cSideB = col('side_b');
  const cArticle = col('source_article');
  const cOffice = col('source_office');
  const cHeadline = col('source_headline');
  const cSourceDate = col('source_date');
  const cWherePrec = col('where_prec');
  const cWhere = col('where_coordinates');
  const cWhereDescription = col('where_description');
  const cAdm1 = col('adm_1');
  const cAdm2 = col('adm_2');
  const cLat = col('latitude');
  const cLon = col('longitude');
  const cCountry = col('country');
  const cClarity = col('event_clarity');
  const cDatePrec = col('date_prec');
  const cStart = col('date_start');
  const cEnd = col('date_end');
  const cDeathsA = col('deaths_a');
  const cDeathsB = col('deaths_b');
  const cDeathsCivilians = col('deaths_civilians');
  const cDeathsUnknown = col('deaths_unknown');
  const cBest = col('best', 'best_est');
  const cHigh = col('high', 'high_est');
  const cLow = col('low', 'low_est');
  const name = (column: number) => table.headers[column] ?? '';
  // What went wrong reading the table (an unclosed quote) is passed on.
  for (const p of table.problems) {
    if (p.severity === 'error') b.skip(p.line, p.field, p.message);
    else b.warn(p.line, p.field, p.message);
  }
  if (cStart < 0) {
    return { status: 'failed', problems: [...b.problems, { severity: 'error', file: table.file, line: table.headerLine, message: 'the header has no date_start column, which a UCDP GED file always has' }] };
  }

  const ged = b.source({ kind: 'dataset', publisher: 'UCDP', title: 'UCDP Georeferenced Event Dataset (GED)', url: 'https://ucdp.uu.se', note: UCDP_SOURCE_NOTE }, '\u0000ucdp');
  const starts = new DayColumn(table, cStart);
  const ends = new DayColumn(table, cEnd);
  reportOrder(b, table, starts, name(cStart));
  reportOrder(b, table, ends, name(cEnd));
  const places = new PlaceMaker(b, ged);
  // What repeats from row to row is worked out once per distinct cell, and the objects made from
  // it are shared by the events (nothing changes the dataset in place).
  const countries = new Memo((text) => (text === '' ? undefined : alpha2FromName(text)));
  const sides = new Memo<Side>((n) => ({
    id: b.actor({ name: n, kind: actorKind(n) }),
    entries: {},
    deathsA: new Memo((t) => partFigure(t, 'deaths on side A', 'killed on side A', `deaths on side A (${clip(n, 300)})`)),
    deathsB: new Memo((t) => partFigure(t, 'deaths on side B', 'killed on side B', `deaths on side B (${clip(n, 300)})`))
  }));
  const offices = new Memo((office) => b.source({ kind: 'news', publisher: office, title: 'Articles cited by UCDP GED' }, `pub\u0000${office}`));
  const windows = new Memo((key) => {
    const [prec = '', startText = '', endText = '', start = '', end = ''] = key.split('\u0000');
    return dateWindow(start, end, prec, startText, endText);
  });
  const totals = new Memo(deathsOf);
  const civilianDeaths = new Memo((t) => partFigure(t, 'civilian deaths', 'civilians killed', 'civilian deaths'));
  const unknownDeaths = new Memo((t) => partFigure(t, 'deaths, party unknown', 'killed, party unknown', 'deaths of unknown affiliation'));
  const conflictTags = new Memo((t) => clip(`ucdp conflict: ${t}`, 500));
  const dyadTags = new Memo((t) => clip(`ucdp dyad: ${t}`, 500));
  const placeLists = new Map<string, readonly string[]>();
  const gedCitation: Citation = { source: ged };

  for (const row of table.rows) {
    const cells = row.cells;
    const line = row.line;

    // Dates: the window [date_start, date_end] and its precision.
    const startText = cell(cells, cStart);
    const endText = cell(cells, cEnd);
    const s = starts.read(startText);
    if (!s.ok) {
      b.skip(line, name(cStart), s.reason);
      continue;
    }
    const e = endText === '' ? s : ends.read(endText);
    if (!e.ok) {
      b.skip(line, name(cEnd), e.reason);
      continue;
    }
    if (e.day < s.day) {
      b.skip(line, name(cEnd), `the event ends (${dayWords(e.day)}) before it starts (${dayWords(s.day)})`);
      continue;
    }
    if (s.droppedTime !== undefined) notices.add('time-start', line, name(cStart), `the time "${s.droppedTime}" was dropped; the date is kept as written`);
    if (e.droppedTime !== undefined && endText !== '') notices.add('time-end', line, name(cEnd), `the time "${e.droppedTime}" was dropped; the date is kept as written`);
    let prec = cell(cells, cDatePrec);
    if (prec !== '' && DATE_PREC_WORDS[prec] === undefined) {
      notices.add('prec', line, name(cDatePrec), `"${clip(prec, 40)}" is not a UCDP date precision (1 to 5); the dates are taken as written`);
      prec = '';
    }
    const when = windows.get(`${prec}\u0000${startText}\u0000${endText}\u0000${s.day}\u0000${e.day}`);
    const yearText = cell(cells, cYear);
    if (yearText.length === 4 && yearText !== s.day.slice(0, 4) && /^\d{4}$/.test(yearText)) {
      notices.add('year', line, name(cYear), `the event starts in ${s.day.slice(0, 4)} but ${name(cYear)} says ${yearText}; the dates are kept`);
    }

    // Type of violence.
    const violenceText = cell(cells, cViolence);
    const violence = VIOLENCE[violenceText];
    if (!violence) notices.add('violence', line, name(cViolence), `"${clip(violenceText, 40)}" is not a UCDP type of violence (1, 2 or 3); imported as "other"`);

    // Place.
    const coords = readCoordinates(cell(cells, cLat), cell(cells, cLon));
    if (!coords.ok) {
      b.skip(line, coords.which === 'lat' ? name(cLat) : name(cLon), coords.reason);
      continue;
    }
    const countryText = cell(cells, cCountry);
    const cc = countries.get(countryText);
    if (cc === undefined && countryText !== '') notices.add(`country:${countryText}`, line, name(cCountry), `"${clip(countryText, 80)}" is not a country this app knows; its places have no country`);
    const whereText = cell(cells, cWhere);
    const wherePrecText = cell(cells, cWherePrec);
    const wp = WHERE_PREC[wherePrecText];
    if (!coords.at) notices.add('nocoords', line, name(cLat), 'no coordinates; the place is kept without them');
    else if (!wp) notices.add('where_prec', line, name(cWherePrec), `"${clip(wherePrecText, 40)}" is not a UCDP where precision (1 to 7); the coordinates are taken as approximate`);
    const adm1 = cell(cells, cAdm1);
    const adm2 = cell(cells, cAdm2);
    const placeId = places.place({
      name: whereText,
      admin1: adm1,
      admin2: adm2,
      country: cc,
      countryName: countryText,
      at: coords.at,
      precision: wp?.exact ? 'exact' : 'approximate',
      kind: wp?.kind ?? 'other',
      note: wp ? wp.note : NO_WHERE_PRECISION,
      uncertaintyKm: wp?.km
    });

    // Sides.
    const sideAText = cell(cells, cSideA);
    const sideBText = cell(cells, cSideB);
    const sideA = sideAText === '' ? undefined : sides.get(sideAText);
    const sideB = sideBText === '' || sideBText === sideAText ? undefined : sides.get(sideBText);
    const roles = violence?.roles ?? PARTICIPANTS;
    const actors: EventActorInput[] = [];
    if (sideA) actors.push((sideA.entries[roles[0]] ??= { actor: sideA.id, role: roles[0] }));
    if (sideB) actors.push((sideB.entries[roles[1]] ??= { actor: sideB.id, role: roles[1] }));

    // Deaths: the best estimate with low and high, then by party.
    const figures: Figure[] = [];
    const total = totals.get(`${cell(cells, cBest)}\u0000${cell(cells, cLow)}\u0000${cell(cells, cHigh)}`);
    if (total.bad !== undefined) notices.add('best', line, name(cBest), total.bad);
    if (total.warning !== undefined) notices.add('range', line, name(cBest), total.warning);
    if (total.figure) {
      figures.push(total.figure);
      const a = sideA ? sideA.deathsA.get(cell(cells, cDeathsA)) : undefined;
      if (a) figures.push(a);
      const bb = sideB ? sideB.deathsB.get(cell(cells, cDeathsB)) : undefined;
      if (bb) figures.push(bb);
      const civilians = civilianDeaths.get(cell(cells, cDeathsCivilians));
      if (civilians) figures.push(civilians);
      const unknown = unknownDeaths.get(cell(cells, cDeathsUnknown));
      if (unknown) figures.push(unknown);
    }

    // Citations: the GED row with its source_article, then each office with its headline.
    const article = cell(cells, cArticle);
    const citations: Citation[] = [article === '' ? gedCitation : { source: ged, note: clip(article, 2000) }];
    const officeText = cell(cells, cOffice);
    if (officeText !== '') {
      const officeList = splitList(officeText);
      const headlines = cell(cells, cHeadline).split(';');
      const sourceDates = cell(cells, cSourceDate).split(';');
      for (let i = 0; i < officeList.length; i++) {
        const sid = offices.get(officeList[i]!);
        if (citations.some((x) => x.source === sid)) continue;
        const headline = headlines[i]?.trim() ?? '';
        const on = sourceDates[i]?.trim() ?? '';
        const note = headline !== '' ? `"${headline}"${on ? ` (${on})` : ''}` : on;
        citations.push(note !== '' ? { source: sid, note: clip(note, 2000) } : { source: sid });
      }
    }

    // Tags: UCDP's classification and the conflict and dyad.
    const conflict = cell(cells, cConflict);
    const dyad = cell(cells, cDyad);
    const tags: string[] = [];
    if (violence) tags.push(violence.tag);
    if (conflict !== '') tags.push(conflictTags.get(conflict));
    if (dyad !== '') tags.push(dyadTags.get(dyad));
    if (cell(cells, cClarity) === '2') tags.push('ucdp: low clarity');

    const whereWords = whereText || adm2 || adm1 || countryText;
    const who = violence?.type === 'civilians' ? (sideAText ? ` by ${sideAText}` : '') : sideAText && sideBText ? `: ${sideAText} vs ${sideBText}` : sideAText || sideBText ? `: ${sideAText || sideBText}` : '';
    const title = `${violence?.words ?? 'Event'}${who}${whereWords ? `, ${whereWords}` : ''}`;
    const description = cell(cells, cWhereDescription);
    const id = cell(cells, cId);
    const event = { id: b.eventId(id, line), type: violence?.type ?? 'other', title: title.length > 500 ? b.short(title, line, 'title') : title } as Mutable<EventInput>;
    if (description !== '' && description !== whereText) event.summary = b.long(`Where: ${description}`, line, name(cWhereDescription));
    event.start = when.start;
    if (when.end) event.end = when.end;
    if (when.note) event.dateNote = when.note;
    if (placeId === undefined) event.places = [];
    else {
      let list = placeLists.get(placeId);
      if (list === undefined) placeLists.set(placeId, (list = [placeId]));
      event.places = list as string[];
    }
    event.actors = actors;
    event.status = 'reported';
    event.figures = figures;
    event.citations = citations;
    event.tags = tags;
    b.addEvent(event as EventInput, line);
  }
  notices.flush();
  sortByLine(b.problems);
  if (b.eventCount === 0) {
    const problems = b.problems.length > 0 ? b.problems : [{ severity: 'error' as const, file: table.file, line: table.headerLine, message: 'the file has a header but no data rows' }];
    return { status: 'failed', problems };
  }
  return {
    status: 'imported',
    result: b.finish(
      {
        title: `UCDP GED events (${clip(table.file.split(/[\\/]/).pop() ?? table.file, 200)})`,
        description: "Imported from the UCDP Georeferenced Event Dataset. Each event keeps its date window (date_start to date_end) and UCDP's deaths estimate (best, low, high).",
        license: 'CC BY 4.0 (UCDP GED); cite UCDP when using it'
      },
      // A row an unclosed quote swallowed is a row of the file too.
      table.rows.length + table.problems.filter((p) => p.severity === 'error').length
    )
  };
}

const PARTICIPANTS: readonly [EventActorRole, EventActorRole] = ['participant', 'participant'];
const NO_WHERE_PRECISION = 'UCDP gives no where precision for this row';

type Point = { value: string; precision: 'day' | 'week' | 'month' | 'year' | 'approximate'; asWritten?: string };

/**
 * The window [start, end] as the native format says it: one day; an ISO week, a calendar month
 * or a year when the window is exactly that; else the first and last possible day, with a note
 * that the event happened somewhere in between (date_prec 2–5) or lasted that long (date_prec 1).
 */
function dateWindow(start: string, end: string, prec: string, startText: string, endText: string): { start: Point; end?: Point; note?: string } {
  const written = (value: string, text: string): { asWritten?: string } => (text !== '' && text !== value ? { asWritten: clip(text, 500) } : {});
  const precWords = DATE_PREC_WORDS[prec];
  const label = precWords ? `UCDP date precision ${prec} (${precWords})` : 'UCDP';
  if (start === end) {
    if (prec === '' || prec === '1') return { start: { value: start, precision: 'day', ...written(start, startText) } };
    return { start: { value: start, precision: 'approximate', ...written(start, startText) }, note: `${label}: UCDP dated it ${dayWords(start)}` };
  }
  const note = prec === '' || prec === '1' ? `${label}: from ${dayWords(start)} to ${dayWords(end)}` : `${label}: sometime between ${dayWords(start)} and ${dayWords(end)}`;
  const sy = start.slice(0, 4);
  const sm = start.slice(5, 7);
  if (start.endsWith('-01-01') && end === `${sy}-12-31`) return { start: { value: sy, precision: 'year', asWritten: `${startText} to ${endText}` }, note };
  if (start.endsWith('-01') && end.slice(0, 7) === start.slice(0, 7) && Number(end.slice(8, 10)) === daysInMonth(Number(sy), Number(sm))) {
    return { start: { value: start.slice(0, 7), precision: 'month', asWritten: `${startText} to ${endText}` }, note };
  }
  const week = isoWeekOf(start);
  if (isoWeekOf(end) === week && dayOfWeek(start) === 0 && dayOfWeek(end) === 6) {
    return { start: { value: week, precision: 'week', asWritten: `${startText} to ${endText}` }, note };
  }
  return { start: { value: start, precision: 'day', ...written(start, startText) }, end: { value: end, precision: 'day', ...written(end, endText) }, note };
}

/** Monday 0 … Sunday 6 of a day written YYYY-MM-DD. */
function dayOfWeek(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}
