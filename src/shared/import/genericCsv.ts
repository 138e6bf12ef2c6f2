// Any CSV or TSV table of events: the columns are guessed from their names (previewCsv), the user
// confirms or corrects the guess, and importMappedCsv reads the rows with that mapping.
//
// What a row becomes:
// - start: the `start` column, else `date` (one of them is required); `end` is optional. Dates are
//   read by parseLooseDate with one day/month order per column (decideDayMonthOrder; a column
//   with no evidence of its own borrows the other date column's). A row whose start cannot be
//   read is skipped; an end that cannot be read, or that falls before the start, is dropped with
//   a warning and the row kept.
// - title: the `title` cell, else the first words of the description, else the place.
// - type: the `type` cell, by its words (typeFromWords); no column, or words that map to nothing:
//   "other" (a warning names each such word once; the cell is kept as a tag).
// - place: `place` (+ `admin1`, `country` as an ISO code, `lat`/`lon`); without a place cell the
//   region or the country becomes the place. Coordinates out of range, unreadable, only one of
//   the two, or 0,0 are dropped with a warning.
// - actors: `actor` and `actor2`, role "participant".
// - source: `source` (publisher) and `url` (kept only when it is an http(s) address); a row with
//   neither cites one source standing for the file.
// - figure: a number ("1,234", "about 300", "at least 50", "50+", "10-20"), its unit and what it
//   counts taken from the header ("fatalities" → people killed).
// - id: the `id` cell when usable (ImportBuilder.eventId), else one made from the line.
import { parseDateValue } from '../dataset/dates';
import { EVENT_TYPE_STYLES, EVENT_TYPES, type EventType } from '../dataset/eventTypes';
import { LIMITS } from '../dataset/schema';
import { safeExternalUrl } from '../text/safeUrl';
import { countryCode, isAlpha2 } from './countries';
import { cellAt, headerKey, type CsvRow, type CsvTable } from './csvTable';
import { clip, ImportBuilder, sortByLine, type EventInput, type ImportEventSink } from './importBuilder';
import { decideDayMonthOrder, parseLooseDate, type DayMonthDecision, type DayMonthOrder, type LooseDate } from './looseDate';
import { CSV_FIELDS, type CsvField, type CsvMapping, type CsvPreview, type ImportOutcome } from './types';

// ---------------------------------------------------------------------------------------------
// Event types from words (shared with the TimelineJS importer)

/** Words that name a type, tried in this order (the first rule with a matching word wins). */
const TYPE_WORDS: readonly (readonly [EventType, readonly string[]])[] = [
  ['displacement', ['displaced', 'displacement', 'displacements', 'refugee', 'refugees', 'idp', 'idps', 'fled', 'flee', 'fleeing', 'exodus', 'evacuation', 'evacuated']],
  ['civilians', ['civilian', 'civilians', 'massacre', 'massacres', 'execution', 'executions', 'executed']],
  ['capture', ['capture', 'captured', 'captures', 'seize', 'seized', 'seizes', 'took', 'taken', 'takes', 'retake', 'retook', 'retaken', 'recapture', 'recaptured', 'liberated', 'liberation', 'fell', 'fall']],
  ['offensive', ['offensive', 'offensives', 'assault', 'assaults', 'operation', 'operations', 'campaign', 'advance', 'advances', 'push']],
  ['clash', ['clash', 'clashes', 'battle', 'battles', 'fighting', 'combat', 'firefight', 'skirmish', 'skirmishes']],
  ['attack', ['attack', 'attacks', 'airstrike', 'airstrikes', 'strike', 'strikes', 'shelling', 'bombing', 'bombings', 'bombardment', 'explosion', 'explosions', 'remote', 'drone', 'missile', 'missiles', 'rocket', 'rockets', 'ied']],
  ['control', ['control', 'controlled', 'held', 'holds', 'territory', 'territorial', 'siege', 'besieged', 'occupation', 'occupied', 'frontline', 'front']],
  ['protest', ['protest', 'protests', 'riot', 'riots', 'demonstration', 'demonstrations', 'rally', 'rallies']],
  ['statement', ['statement', 'statements', 'claim', 'claims', 'claimed', 'announce', 'announced', 'announcement', 'declared', 'declaration', 'speech', 'said', 'says']],
  ['development', ['development', 'developments', 'agreement', 'ceasefire', 'truce', 'deal', 'talks', 'negotiation', 'negotiations', 'arrest', 'arrests', 'arrested']],
  ['context', ['context', 'background', 'history', 'historical']]
];

const TYPE_BY_NAME: ReadonlyMap<string, EventType> = new Map(
  EVENT_TYPES.flatMap((t): [string, EventType][] => [
    [t, t],
    [EVENT_TYPE_STYLES[t].label.toLowerCase(), t],
    [EVENT_TYPE_STYLES[t].plural.toLowerCase(), t]
  ])
);

/**
 * The event type some words name: a type key or its label ("clash", "Armed clash",
 * "Remote violence") exactly, else the first rule in TYPE_WORDS with a word in the text
 * ("Battles" → clash, "Territory held" → control). Undefined when nothing matches.
 */
export function typeFromWords(text: string): EventType | undefined {
  const folded = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (folded === '') return undefined;
  const exact = TYPE_BY_NAME.get(folded);
  if (exact) return exact;
  const words = new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
  for (const [type, list] of TYPE_WORDS) if (list.some((w) => words.has(w))) return type;
  return undefined;
}

/** The first words of a text as a title: at most `maxWords` words and `maxChars` characters, "…" when cut. */
export function firstWords(text: string, maxWords = 12, maxChars = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const words = flat.split(' ');
  let out = words.slice(0, maxWords).join(' ');
  if (out.length > maxChars) out = clip(out, maxChars);
  else if (out.length < flat.length) out = `${out.replace(/[\s,;:.\-–—]+$/, '')}…`;
  return out;
}

/** The file's name without folders and extension, as a dataset title. */
export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const bare = name.replace(/\.[A-Za-z0-9]{1,8}$/, '').trim();
  return bare === '' ? name || 'Imported events' : bare;
}

// ---------------------------------------------------------------------------------------------
// Guessing the mapping from header names

/** Header names (as keys, see nameKey) for each field, best first. */
const FIELD_NAMES: Readonly<Record<CsvField, readonly string[]>> = {
  date: ['date', 'event_date', 'eventdate', 'date_of_event', 'when', 'datetime', 'date_time'],
  start: ['start', 'start_date', 'startdate', 'date_start', 'begin', 'begin_date', 'begins', 'from', 'from_date', 'started'],
  end: ['end', 'end_date', 'enddate', 'date_end', 'finish', 'until', 'to', 'to_date', 'ended'],
  title: ['title', 'headline', 'event', 'name', 'event_name', 'event_title', 'label', 'subject'],
  description: ['description', 'notes', 'note', 'text', 'details', 'detail', 'summary', 'content', 'body', 'comment', 'comments', 'narrative'],
  type: ['type', 'event_type', 'category', 'kind', 'eventtype', 'event_category', 'class'],
  place: ['place', 'location', 'city', 'site', 'town', 'village', 'locality', 'place_name', 'location_name'],
  country: ['country', 'country_name', 'nation', 'country_code', 'iso', 'iso3', 'iso2'],
  admin1: ['admin1', 'admin_1', 'adm1', 'adm_1', 'region', 'province', 'governorate', 'state', 'oblast', 'department'],
  lat: ['lat', 'latitude', 'y', 'lat_dd'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x', 'lon_dd'],
  actor: ['actor', 'actor1', 'actor_1', 'actors', 'party', 'side', 'side_a', 'perpetrator', 'perpetrators', 'attacker'],
  actor2: ['actor2', 'actor_2', 'side_b', 'target', 'opponent', 'party2', 'party_2'],
  source: ['source', 'publisher', 'sources', 'source_name', 'outlet', 'reported_by'],
  url: ['url', 'link', 'source_url', 'sourceurl', 'href', 'website', 'web', 'source_link'],
  figure: ['figure', 'fatalities', 'deaths', 'killed', 'casualties', 'dead', 'victims', 'death_toll', 'toll', 'number', 'count'],
  id: ['id', 'event_id', 'eventid', 'uid', 'identifier', 'event_id_cnty', 'key']
};

/** A header as a key for guessing: headerKey, then brackets and punctuation gone ("Deaths (best)" → "deaths"). */
function nameKey(header: string): string {
  return headerKey(header)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** The mapping the header names suggest: each field gets the column with its best name, each column at most one field. */
export function guessMapping(headers: readonly string[], sample: readonly CsvRow[] = []): CsvMapping {
  const keys = headers.map(nameKey);
  const used = new Set<number>();
  const guess: CsvMapping = {};
  for (const field of CSV_FIELDS) {
    for (const name of FIELD_NAMES[field]) {
      const i = keys.findIndex((k, j) => k === name && !used.has(j));
      if (i >= 0) {
        guess[field] = i;
        used.add(i);
        break;
      }
    }
  }
  // Coordinates come in pairs: a lone "x" or "y" is more likely something else.
  if ((guess.lat === undefined) !== (guess.lon === undefined)) {
    for (const f of ['lat', 'lon'] as const) {
      const i = guess[f];
      if (i !== undefined && (keys[i] === 'x' || keys[i] === 'y')) {
        used.delete(i);
        delete guess[f];
      }
    }
  }
  // No column named like a date: take the first one whose values read as dates.
  if (guess.date === undefined && guess.start === undefined && sample.length > 0) {
    for (let i = 0; i < headers.length; i++) {
      if (used.has(i)) continue;
      const values = sample.map((r) => cellAt(r, i)).filter((v) => v !== '');
      if (values.length === 0) continue;
      const order = decideDayMonthOrder(values).order;
      const read = values.filter((v) => /\d/.test(v) && parseLooseDate(v, { order }).ok).length;
      if (read >= Math.max(1, values.length * 0.8)) {
        guess.date = i;
        break;
      }
    }
  }
  return guess;
}

/** Most columns, characters per cell and rows a preview shows (the mapping dialog stays small). */
export const PREVIEW_COLUMNS = 200;
export const PREVIEW_CELL_CHARS = 200;
export const PREVIEW_ROWS = 8;

/**
 * The table as the mapping dialog shows it: the first PREVIEW_COLUMNS columns, the first
 * PREVIEW_ROWS rows, each cell cut to PREVIEW_CELL_CHARS characters. The guess looks at every
 * column; one it picks past the first ones is named in guessedHeaders.
 */
export function previewCsv(table: CsvTable): CsvPreview {
  const cut = (cell: string) => clip(cell, PREVIEW_CELL_CHARS);
  const columns = table.headers.length;
  const shown = Math.min(columns, PREVIEW_COLUMNS);
  const guess = guessMapping(table.headers, table.rows.slice(0, 50));
  const past = [...new Set(Object.values(guess))].filter((c) => c >= shown).sort((a, b) => a - b);
  return {
    delimiter: table.delimiter,
    headers: table.headers.slice(0, shown).map(cut),
    ...(columns > shown ? { columnCount: columns } : {}),
    ...(past.length > 0 ? { guessedHeaders: past.map((column) => ({ column, header: cut(table.headers[column] ?? '') })) } : {}),
    sample: table.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells.slice(0, shown).map(cut)),
    guess,
    rowCount: table.rows.length
  };
}

// ---------------------------------------------------------------------------------------------
// Reading cells

/** One line of text: runs of white space (line breaks included) as one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface FigureNumber {
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly bound: 'exact' | 'approximate' | 'at-least' | 'at-most';
  readonly qualifier?: string;
}

const NUMBER = /^(?:\d{1,3}(?:[, \u00A0\u202F']\d{3})+|\d+)(?:\.\d+)?$/;
const QUALIFIERS: readonly (readonly [RegExp, FigureNumber['bound']])[] = [
  [/^(~|c\.|ca\.|approx\.|approximately|about|around|circa|some|roughly|nearly|almost|est\.|estimated)\s*/i, 'approximate'],
  [/^(at least|more than|over|>=|≥|>|min\.|minimum)\s*/i, 'at-least'],
  [/^(at most|up to|fewer than|less than|under|<=|≤|<|max\.|maximum)\s*/i, 'at-most']
];

function readNumber(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t.replace(/[, \u00A0\u202F']/g, ''));
  return Number.isFinite(n) && n <= 1e15 ? n : undefined;
}

/** A figure cell: "1,234", "about 300", "at least 50", "50+", "10-20"; undefined when it is not one. */
export function parseFigure(text: string): FigureNumber | undefined {
  let body = text.trim();
  for (const [re, bound] of QUALIFIERS) {
    const m = re.exec(body);
    if (m) {
      const value = readNumber(body.slice(m[0].length));
      if (value === undefined) return undefined;
      // Words are kept as the source wrote them; symbols (~, >, ≤) are said by the bound.
      return /[a-z]/i.test(m[1]!) ? { value, bound, qualifier: m[1]! } : { value, bound };
    }
  }
  if (body.endsWith('+')) {
    const value = readNumber(body.slice(0, -1));
    return value === undefined ? undefined : { value, bound: 'at-least' };
  }
  const range = /^(.+?)\s*(?:-|–|—|to)\s*(.+)$/i.exec(body);
  if (range && !body.startsWith('-')) {
    const low = readNumber(range[1]!);
    const high = readNumber(range[2]!);
    if (low !== undefined && high !== undefined && low <= high) return { value: low, low, high, bound: 'at-least' };
    return undefined;
  }
  if (body.startsWith('-')) body = body.slice(1);
  const value = readNumber(body);
  if (value === undefined) return undefined;
  return { value: text.trim().startsWith('-') ? -value : value, bound: 'exact' };
}

/** What a figure column counts, from its header. */
export function figureMeaning(header: string): { unit: string; counts: string; label: string } {
  const key = nameKey(header);
  const name = oneLine(header);
  const of = `(the "${clip(name, 80)}" column)`;
  if (/casualt/.test(key)) return { unit: 'people', counts: `people killed or wounded ${of}`, label: 'casualties' };
  if (/fatalit|death|dead|kill|toll/.test(key)) return { unit: 'people', counts: `people killed ${of}`, label: 'killed' };
  if (/injur|wound/.test(key)) return { unit: 'people', counts: `people wounded ${of}`, label: 'wounded' };
  if (/displac|refugee|idp/.test(key)) return { unit: 'people', counts: `people displaced ${of}`, label: 'displaced' };
  if (/arrest|detain/.test(key)) return { unit: 'people', counts: `people arrested ${of}`, label: 'arrested' };
  const word = name.toLowerCase() || 'figure';
  return { unit: clip(word, 100), counts: `the "${clip(name, 80) || 'figure'}" column`, label: clip(word, 60) };
}

/** A coordinate cell as a number ("35.33", "35,33" with a decimal comma), or undefined. */
function readCoordinate(text: string): number | undefined {
  const t = text.trim().replace(/^\+/, '');
  if (!/^-?\d{1,3}(?:[.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

function countryOf(cell: string): string | undefined {
  const t = cell.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return isAlpha2(t.toUpperCase()) ? t.toUpperCase() : undefined;
  if (/^[A-Za-z]{3}$/.test(t)) return countryCode({ alpha3: t, name: t });
  if (/^\d{1,3}$/.test(t)) return countryCode({ numeric: t });
  return countryCode({ name: t });
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

// ---------------------------------------------------------------------------------------------
// Importing with a mapping

/** Dates of a column, read with the order decided for it. */
interface DateColumn {
  readonly index: number;
  readonly header: string;
  readonly decision: DayMonthDecision;
  order: DayMonthOrder | undefined;
}

/** Collects a warning that would repeat on every row ("time dropped") into one, with the first line and a count. */
class Repeated {
  readonly #seen = new Map<string, { line: number; field: string; message: (n: number) => string; count: number }>();
  add(key: string, line: number, field: string, message: (n: number) => string): void {
    const known = this.#seen.get(key);
    if (known) known.count++;
    else this.#seen.set(key, { line, field, message, count: 1 });
  }
  flush(builder: ImportBuilder): void {
    for (const w of this.#seen.values()) builder.warn(w.line, w.field, w.message(w.count));
  }
}

function describeOrder(order: DayMonthOrder): string {
  return order === 'dmy' ? 'day first (03/04/2017 is 3 April 2017)' : 'month first (03/04/2017 is March 4, 2017)';
}

/** `sink`: see ImportBuilder. */
export function importMappedCsv(table: CsvTable, mapping: CsvMapping, sink?: ImportEventSink): ImportOutcome {
  const file = table.file;
  const columns = table.headers.length;
  for (const field of CSV_FIELDS) {
    const i = mapping[field];
    if (i !== undefined && (!Number.isInteger(i) || i < 0 || i >= columns)) {
      return { status: 'failed', problems: [{ severity: 'error', file, field, message: `the mapping puts ${field} in column ${i + 1}, but the table has ${columns} column${columns === 1 ? '' : 's'}` }] };
    }
  }
  const startIndex = mapping.start ?? mapping.date;
  if (startIndex === undefined) {
    return {
      status: 'failed',
      problems: [
        {
          severity: 'error',
          file,
          message: 'no column is chosen for the date (or start date) of each event: choose the column that holds the dates, since events cannot be placed on the timeline without them'
        }
      ]
    };
  }
  const header = (i: number | undefined) => (i === undefined ? '' : table.headers[i] || `column ${i + 1}`);
  const cell = (row: CsvRow, field: CsvField) => cellAt(row, mapping[field] ?? -1);

  const builder = new ImportBuilder(file, 'csv', sink);
  const repeated = new Repeated();
  for (const p of table.problems) {
    if (p.severity === 'error') builder.skip(p.line, p.field, p.message);
    else builder.warn(p.line, p.field, p.message);
  }

  // Day/month order, decided per column; a column with no evidence borrows its partner's.
  const dateColumn = (index: number): DateColumn => {
    const decision = decideDayMonthOrder(table.rows.map((r) => cellAt(r, index)));
    return { index, header: header(index), decision, order: decision.order };
  };
  const fallbackIndex = mapping.start !== undefined && mapping.date !== undefined && mapping.date !== mapping.start ? mapping.date : undefined;
  const dateColumns = [startIndex, fallbackIndex, mapping.end].filter((i): i is number => i !== undefined).map(dateColumn);
  const evidence = dateColumns.find((c) => c.decision.basis === 'evidence');
  for (const c of dateColumns) {
    const firstLine = (at: number) => table.rows[at]?.line ?? table.headerLine;
    if (c.decision.basis === 'assumed' && evidence && evidence !== c) {
      c.order = evidence.order;
      builder.warn(firstLine(c.decision.ambiguousAt), c.header, `dates such as "${cellAt(table.rows[c.decision.ambiguousAt]!, c.index)}" read both ways; they were read ${describeOrder(c.order!)}, as the "${evidence.header}" column writes them`);
    } else if (c.decision.basis === 'assumed') {
      builder.warn(
        firstLine(c.decision.ambiguousAt),
        c.header,
        `every numeric date in this column reads both ways (e.g. "${cellAt(table.rows[c.decision.ambiguousAt]!, c.index)}"); they were read ${describeOrder('dmy')}. If the column writes the month first, the dates are wrong: correct the file`
      );
    } else if (c.decision.basis === 'mixed') {
      builder.warn(
        firstLine(c.decision.monthFirstAt),
        c.header,
        `this column writes some dates day first (line ${firstLine(c.decision.dayFirstAt)}) and others month first (line ${firstLine(c.decision.monthFirstAt)}); dates that could be read either way are skipped`
      );
    }
  }
  const startColumn = dateColumns[0]!;
  const fallbackColumn = fallbackIndex !== undefined ? dateColumns[1] : undefined;
  const endColumn = mapping.end !== undefined ? dateColumns[dateColumns.length - 1] : undefined;

  const readDate = (row: CsvRow, column: DateColumn): { ok: true; date: LooseDate; text: string } | { ok: false; reason: string; text: string } => {
    const text = cellAt(row, column.index);
    const r = parseLooseDate(text, { order: column.order });
    if (!r.ok) return { ok: false, reason: r.reason, text };
    if (r.date.droppedTime !== undefined) {
      repeated.add(`time:${column.index}`, row.line, column.header, (n) => `the time of day was dropped from ${n} date${n === 1 ? '' : 's'} in this column (first on this line); dates are kept as written, without converting time zones`);
    } else if (r.date.warning) {
      builder.warn(row.line, column.header, r.date.warning);
    }
    return { ok: true, date: r.date, text };
  };
  const point = (d: LooseDate, text: string, line: number, field: string) => ({
    value: d.value,
    precision: d.precision,
    ...(oneLine(text) !== d.value ? { asWritten: builder.short(oneLine(text), line, field) } : {})
  });

  const fileSource = () =>
    builder.source(
      { kind: 'dataset', publisher: clip(baseName(file), LIMITS.shortText), title: clip(file, LIMITS.shortText), note: `The imported table itself: rows that name no source of their own cite it.` },
      '\u0000file'
    );
  const unknownTypes = new Set<string>();
  const unknownCountries = new Set<string>();
  const figure = mapping.figure !== undefined ? figureMeaning(header(mapping.figure)) : undefined;

  for (const row of table.rows) {
    const line = row.line;
    // Start: the start column, else the date column when both are mapped and the start is empty.
    let startColumnUsed = startColumn;
    if (cellAt(row, startColumn.index) === '' && fallbackColumn && cellAt(row, fallbackColumn.index) !== '') startColumnUsed = fallbackColumn;
    if (cellAt(row, startColumnUsed.index) === '') {
      builder.skip(line, startColumnUsed.header, `the date is empty, so the event cannot be placed on the timeline`);
      continue;
    }
    const start = readDate(row, startColumnUsed);
    if (!start.ok) {
      builder.skip(line, startColumnUsed.header, `the date cannot be used: ${start.reason}`);
      continue;
    }
    const startPoint = point(start.date, start.text, line, startColumnUsed.header);
    let endPoint: ReturnType<typeof point> | undefined;
    if (endColumn && cellAt(row, endColumn.index) !== '') {
      const end = readDate(row, endColumn);
      if (!end.ok) {
        builder.warn(line, endColumn.header, `the end date was left out: ${end.reason}`);
      } else {
        const s = parseDateValue(start.date.value, start.date.precision);
        const e = parseDateValue(end.date.value, end.date.precision);
        if (s.ok && e.ok && e.window.end <= s.window.start) {
          builder.warn(line, endColumn.header, `the end date (${end.date.value}) is before the start (${start.date.value}); it was left out`);
        } else {
          endPoint = point(end.date, end.text, line, endColumn.header);
        }
      }
    }

    // Type.
    const tags: string[] = [];
    const typeCell = oneLine(cell(row, 'type'));
    let type: EventType = 'other';
    if (typeCell !== '') {
      const mapped = typeFromWords(typeCell);
      if (mapped) type = mapped;
      else if (!unknownTypes.has(typeCell.toLowerCase())) {
        unknownTypes.add(typeCell.toLowerCase());
        builder.warn(line, header(mapping.type), `"${clip(typeCell, 80)}" names none of Frontline's event types; rows of this type are shown as "Other" and keep it as a tag`);
      }
      if (!mapped || !TYPE_BY_NAME.has(typeCell.toLowerCase())) tags.push(clip(typeCell, LIMITS.shortText));
    }

    // Text.
    const description = cell(row, 'description');
    const rawTitle = oneLine(cell(row, 'title'));
    const placeCell = oneLine(cell(row, 'place'));
    let title = rawTitle;
    if (title === '' && description !== '') title = firstWords(description);
    if (title === '') {
      const what = type === 'other' ? 'Event' : EVENT_TYPE_STYLES[type].label;
      title = placeCell !== '' ? `${what} in ${placeCell}` : `${what} on ${start.date.value}`;
      if (mapping.title !== undefined || mapping.description !== undefined) builder.warn(line, header(mapping.title ?? mapping.description), `the row has no title or description; it is called "${clip(title, 80)}"`);
    }

    // Source (needed first: coordinates name the source they come from).
    const publisher = oneLine(cell(row, 'source'));
    const urlCell = cell(row, 'url');
    const url = urlCell === '' ? null : safeExternalUrl(urlCell);
    if (urlCell !== '' && url === null) builder.warn(line, header(mapping.url), `"${clip(urlCell, 80)}" is not an http(s) web address; it was left out`);
    let sourceId: string;
    if (publisher !== '' || url !== null) {
      const pub = publisher !== '' ? publisher : hostName(url!);
      sourceId = builder.source({ kind: 'other', publisher: pub, title: url ?? pub, ...(url ? { url } : {}) }, `${pub}\u0000${url ?? ''}`);
    } else {
      sourceId = fileSource();
    }

    // Place.
    const admin1 = oneLine(cell(row, 'admin1'));
    const countryCell = oneLine(cell(row, 'country'));
    let country: string | undefined;
    if (countryCell !== '') {
      country = countryOf(countryCell);
      if (!country && !unknownCountries.has(countryCell.toLowerCase())) {
        unknownCountries.add(countryCell.toLowerCase());
        builder.warn(line, header(mapping.country), `"${clip(countryCell, 80)}" is not a country Frontline knows; places in it have no country`);
      }
    }
    let coordinates: { lat: number; lon: number } | undefined;
    const latCell = cell(row, 'lat');
    const lonCell = cell(row, 'lon');
    if (latCell !== '' || lonCell !== '') {
      const lat = readCoordinate(latCell);
      const lon = readCoordinate(lonCell);
      const field = header(latCell === '' || lat !== undefined ? mapping.lon : mapping.lat);
      if (latCell === '' || lonCell === '') builder.warn(line, field, 'only one of latitude and longitude is given; the place has no coordinates');
      else if (lat === undefined || lon === undefined) builder.warn(line, field, `"${lat === undefined ? latCell : lonCell}" is not a coordinate in decimal degrees; the place has no coordinates`);
      else if (lat < -90 || lat > 90) builder.warn(line, header(mapping.lat), `latitude ${lat} is outside −90 to 90; the place has no coordinates`);
      else if (lon < -180 || lon > 180) builder.warn(line, header(mapping.lon), `longitude ${lon} is outside −180 to 180; the place has no coordinates`);
      else if (lat === 0 && lon === 0) builder.warn(line, header(mapping.lat), 'the coordinates are 0, 0 (a common stand-in for "unknown"); the place has no coordinates');
      else coordinates = { lat, lon };
    }
    const places: string[] = [];
    const placeName = placeCell || admin1 || countryCell || (coordinates ? `${coordinates.lat}, ${coordinates.lon}` : '');
    if (placeName !== '') {
      const kind = placeCell !== '' || (coordinates && admin1 === '' && countryCell === '') ? 'other' : admin1 !== '' ? 'province' : 'country';
      places.push(
        builder.place({
          name: builder.short(placeName, line, header(mapping.place ?? mapping.admin1 ?? mapping.country)),
          kind,
          countries: country ? [country] : [],
          ...(admin1 !== '' && placeCell !== '' ? { admin1: clip(admin1, LIMITS.shortText) } : {}),
          ...(coordinates ? { coordinates: { ...coordinates, precision: kind === 'other' ? 'exact' : 'approximate', source: sourceId } } : {})
        })
      );
    }

    // Actors.
    const actors: { actor: string; role: 'participant' }[] = [];
    for (const f of ['actor', 'actor2'] as const) {
      const name = oneLine(cell(row, f));
      if (name === '') continue;
      const id = builder.actor({ name: builder.short(name, line, header(mapping[f])) });
      if (!actors.some((a) => a.actor === id)) actors.push({ actor: id, role: 'participant' });
    }

    // Figure.
    const figures: NonNullable<EventInput['figures']>[number][] = [];
    const figureCell = oneLine(cell(row, 'figure'));
    if (figure && figureCell !== '') {
      const n = parseFigure(figureCell);
      if (!n) builder.warn(line, header(mapping.figure), `"${clip(figureCell, 80)}" is not a number; the figure was left out`);
      else figures.push({ ...n, ...figure, asWritten: clip(figureCell, LIMITS.shortText) });
    }

    const id = builder.eventId(cell(row, 'id'), line);
    builder.addEvent(
      {
        id,
        type,
        title: builder.short(title, line, header(mapping.title ?? mapping.description)),
        ...(description !== '' ? { summary: builder.long(description, line, header(mapping.description)) } : {}),
        start: startPoint,
        ...(endPoint ? { end: endPoint } : {}),
        places,
        actors,
        figures,
        citations: [{ source: sourceId }],
        tags
      },
      line
    );
  }
  repeated.flush(builder);
  sortByLine(builder.problems);
  const total = table.rows.length + table.problems.filter((p) => p.severity === 'error').length;
  if (builder.eventCount === 0) {
    return {
      status: 'failed',
      problems: [...builder.problems, { severity: 'error', file, message: total === 0 ? 'the table has a header but no rows' : `none of the ${total} rows could be imported` }]
    };
  }
  return {
    status: 'imported',
    result: builder.finish({ title: baseName(file), description: `Imported from the table ${file}.` }, total)
  };
}
