// Any CSV or TSV table of events: the columns are guessed from their names (previewCsv, in
// csvMapping.ts), the user confirms or corrects the guess, and importMappedCsv reads the rows with
// that mapping, one small function per part of a row.
//
// What a row becomes:
// - start: the `start` column, else `date` (one of them is required); `end` is optional. Dates are
//   read by parseLooseDate with one day/month order per column (decideDayMonthOrder): a date that
//   reads only one way (25/10/2017) decides its column; a column with no such date borrows the
//   order of another date column of the mapping that has one; failing that, the order is the
//   user's choice (mapping.dateOrder: the mapping dialog asks "Day first or month first?", inspect
//   takes --dates dmy|mdy) and without a choice the table is not read (it needs mapping again,
//   with the question): such dates are never read in an assumed order. A row whose start cannot
//   be read is skipped; an end that cannot be read, or that falls before the start, is dropped
//   with a warning and the row kept.
// - title: the `title` cell, else the first words of the description, else the type and place.
// - type: the `type` cell, by its words (typeFromWords); no column, or words that map to nothing:
//   "other" (a warning names each such word once; the cell is kept as a tag).
// - place: `place` (+ `admin1`, `country` as an ISO code or name, `lat`/`lon`); without a place
//   cell the region or the country becomes the place. Coordinates out of range, unreadable, only
//   one of the two, or 0,0 are dropped with a warning.
// - actors: `actor` and `actor2`, role "participant".
// - source: `source` (publisher) and `url` (kept only when it is an http(s) address; //host/path
//   is read as https); a row with neither cites one source standing for the file.
// - figure: a number ("1,234", "about 300", "at least 50", "50+", "10-20"), its unit and what it
//   counts taken from the header ("fatalities" → people killed).
// - id: the `id` cell when usable (ImportBuilder.eventId), else one made from the line.
// - related: ids of other rows (the `id` column's values; several separated by ";", "|" or ","),
//   each a link from this row's event to that row's, of the kind the mapping gives
//   (mapping.relatedKind, default related-to). An id no imported row has, or the row's own, is
//   left out with a warning. The related column needs the id column.
import { parseDateValue } from '../dataset/dates';
import { isLinkKind } from '../dataset/links';
import { EVENT_TYPE_STYLES, type EventType } from '../dataset/eventTypes';
import { LIMITS } from '../dataset/schema';
import { hostName, oneLine, webAddress } from './cellText';
import { countryCode, isAlpha2 } from './countries';
import { ambiguousDateColumns, orderShown, previewCsv } from './csvMapping';
import { cellAt, type CsvRow, type CsvTable } from './csvTable';
import { baseName, firstWords, TYPE_BY_NAME, typeFromWords } from './eventWords';
import { figureMeaning, parseFigure } from './figureCell';
import { clip, ImportBuilder, sortByLine, type ImportEventSink } from './importBuilder';
import { decideDayMonthOrder, parseLooseDate, type DayMonthDecision, type DayMonthOrder, type LooseDate } from './looseDate';
import { passOnTableProblems, readCoordinates, RepeatedWarnings, type DatePointInput, type Figure } from './rowHelpers';
import { CSV_FIELDS, type CsvDateColumn, type CsvField, type CsvMapping, type ImportOutcome } from './types';

export { baseName, firstWords, typeFromWords } from './eventWords';
export { figureMeaning, parseFigure, type FigureNumber } from './figureCell';
export { guessMapping, previewCsv, PREVIEW_CELL_CHARS, PREVIEW_COLUMNS, PREVIEW_ROWS } from './csvMapping';


// ---------------------------------------------------------------------------------------------
// Date columns

/** A date column of the mapping, read with the order decided for it. */
interface DateColumn {
  readonly index: number;
  readonly header: string;
  readonly decision: DayMonthDecision;
  order: DayMonthOrder | undefined;
}

function describeOrder(order: DayMonthOrder): string {
  return order === 'dmy' ? 'day first (03/04/2017 is 3 April 2017)' : 'month first (03/04/2017 is March 4, 2017)';
}

/** The start, fallback (the date column where the start is empty) and end columns, each decided on all of its dates. */
function dateColumnsOf(table: CsvTable, mapping: CsvMapping, header: (i: number) => string): { start: DateColumn; fallback?: DateColumn; end?: DateColumn } {
  const column = (index: number): DateColumn => {
    const decision = decideDayMonthOrder(table.rows.map((r) => cellAt(r, index)));
    return { index, header: header(index), decision, order: decision.order };
  };
  const start = column((mapping.start ?? mapping.date)!);
  const fallback = mapping.start !== undefined && mapping.date !== undefined && mapping.date !== mapping.start ? column(mapping.date) : undefined;
  const end = mapping.end !== undefined ? column(mapping.end) : undefined;
  return { start, ...(fallback ? { fallback } : {}), ...(end ? { end } : {}) };
}

/** The orders the columns show, as the preview gives them (for ambiguousDateColumns). */
function shownOrders(columns: readonly DateColumn[]): CsvDateColumn[] {
  return columns.flatMap((c) => {
    const order = orderShown(c.decision);
    return order ? [{ column: c.index, header: c.header, order, examples: [] }] : [];
  });
}

/**
 * Settle each column's order: its own dates' when they show one; else the user's choice; else
 * another date column's (with a warning). Mixed columns read only the dates that read one way.
 */
function settleOrders(columns: readonly DateColumn[], mapping: CsvMapping, b: ImportBuilder, table: CsvTable): void {
  const lineAt = (at: number) => table.rows[at]?.line ?? table.headerLine;
  const example = (c: DateColumn, at: number) => clip(cellAt(table.rows[at]!, c.index), 60);
  const evidence = columns.find((c) => c.decision.basis === 'evidence');
  for (const c of columns) {
    const d = c.decision;
    if (d.basis === 'evidence' && mapping.dateOrder && mapping.dateOrder !== d.order) {
      const at = d.order === 'dmy' ? d.dayFirstAt : d.monthFirstAt;
      b.warn(lineAt(at), c.header, `this column writes its dates ${describeOrder(d.order!)}, as "${example(c, at)}" shows, so they were read that way, not ${mapping.dateOrder === 'dmy' ? 'day' : 'month'} first as chosen`);
    } else if (d.basis === 'assumed' && mapping.dateOrder) {
      c.order = mapping.dateOrder;
    } else if (d.basis === 'assumed' && evidence) {
      c.order = evidence.order;
      b.warn(lineAt(d.ambiguousAt), c.header, `dates such as "${example(c, d.ambiguousAt)}" read both ways; they were read ${describeOrder(c.order!)}, as the "${evidence.header}" column writes them`);
    } else if (d.basis === 'mixed') {
      b.warn(lineAt(d.monthFirstAt), c.header, `this column writes some dates day first (line ${lineAt(d.dayFirstAt)}) and others month first (line ${lineAt(d.monthFirstAt)}); dates that could be read either way are skipped`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rows

type DateCell = { ok: true; date: LooseDate; text: string } | { ok: false; reason: string; text: string };

/** Reads the rows of one table with one mapping, a small function per part of a row. */
class MappedRows {
  readonly #unknownTypes = new Set<string>();
  readonly #unknownCountries = new Set<string>();
  readonly #figure: ReturnType<typeof figureMeaning> | undefined;
  #fileSource: string | undefined;

  constructor(
    readonly table: CsvTable,
    readonly mapping: CsvMapping,
    readonly b: ImportBuilder,
    readonly dates: ReturnType<typeof dateColumnsOf>,
    readonly repeated: RepeatedWarnings
  ) {
    this.#figure = mapping.figure !== undefined ? figureMeaning(this.header(mapping.figure)) : undefined;
  }

  /** How problems name a column: its header, else "column N". */
  header(i: number | undefined): string {
    return i === undefined ? '' : this.table.headers[i] || `column ${i + 1}`;
  }

  cell(row: CsvRow, field: CsvField): string {
    return cellAt(row, this.mapping[field] ?? -1);
  }

  /** The event of a row, or nothing (the row skipped, with a problem) when its start cannot be read. */
  add(row: CsvRow): void {
    const when = this.when(row);
    if (!when) return;
    const { type, tags } = this.type(row);
    const sourceId = this.source(row);
    const b = this.b;
    const line = row.line;
    const description = this.cell(row, 'description');
    const id = b.eventId(this.cell(row, 'id'), line);
    b.addEvent(
      {
        id,
        type,
        title: b.short(this.title(row, type, when.start.value), line, this.header(this.mapping.title ?? this.mapping.description)),
        ...(description !== '' ? { summary: b.long(description, line, this.header(this.mapping.description)) } : {}),
        start: when.start,
        ...(when.end ? { end: when.end } : {}),
        places: this.places(row, sourceId),
        actors: this.actors(row),
        figures: this.figures(row),
        citations: [{ source: sourceId }],
        tags
      },
      line
    );
    this.related(row, id);
  }

  /** The related column's ids: a link from this row's event to each row they name (resolved when all rows are in). */
  related(row: CsvRow, id: string): void {
    const text = this.cell(row, 'related');
    if (text === '') return;
    const refs = new Set(text.split(/[;|,\n]/).map((r) => r.trim()).filter((r) => r !== ''));
    for (const ref of refs) this.b.relate(id, ref, this.mapping.relatedKind ?? 'related-to', row.line, this.header(this.mapping.related));
  }

  /** Start (the start column, else the date column where the start is empty) and end. */
  when(row: CsvRow): { start: DatePointInput; end?: DatePointInput } | undefined {
    const { start: startColumn, fallback, end: endColumn } = this.dates;
    const column = cellAt(row, startColumn.index) === '' && fallback && cellAt(row, fallback.index) !== '' ? fallback : startColumn;
    if (cellAt(row, column.index) === '') {
      this.b.skip(row.line, column.header, 'the date is empty, so the event cannot be placed on the timeline');
      return undefined;
    }
    const start = this.readDate(row, column);
    if (!start.ok) {
      this.b.skip(row.line, column.header, `the date cannot be used: ${start.reason}`);
      return undefined;
    }
    const startPoint = this.point(start.date, start.text, row.line, column.header);
    if (!endColumn || cellAt(row, endColumn.index) === '') return { start: startPoint };
    const end = this.readDate(row, endColumn);
    if (!end.ok) {
      this.b.warn(row.line, endColumn.header, `the end date was left out: ${end.reason}`);
      return { start: startPoint };
    }
    const s = parseDateValue(start.date.value, start.date.precision);
    const e = parseDateValue(end.date.value, end.date.precision);
    if (s.ok && e.ok && e.window.end <= s.window.start) {
      this.b.warn(row.line, endColumn.header, `the end date (${end.date.value}) is before the start (${start.date.value}); it was left out`);
      return { start: startPoint };
    }
    return { start: startPoint, end: this.point(end.date, end.text, row.line, endColumn.header) };
  }

  readDate(row: CsvRow, column: DateColumn): DateCell {
    const text = cellAt(row, column.index);
    const r = parseLooseDate(text, { order: column.order });
    if (!r.ok) return { ok: false, reason: r.reason, text };
    if (r.date.droppedTime !== undefined) {
      const message = `the time of day ("${clip(r.date.droppedTime, 40)}") was dropped; the date is kept as written, without converting time zones`;
      this.repeated.add(`time:${column.index}`, row.line, column.header, message);
    } else if (r.date.warning) {
      this.b.warn(row.line, column.header, r.date.warning);
    }
    return { ok: true, date: r.date, text };
  }

  point(d: LooseDate, text: string, line: number, field: string): DatePointInput {
    const words = oneLine(text);
    return { value: d.value, precision: d.precision, ...(words !== d.value ? { asWritten: this.b.short(words, line, field) } : {}) };
  }

  /** The type cell's words as a type; words that name none are "other", kept as a tag (said once per word). */
  type(row: CsvRow): { type: EventType; tags: string[] } {
    const words = oneLine(this.cell(row, 'type'));
    if (words === '') return { type: 'other', tags: [] };
    const mapped = typeFromWords(words);
    const key = words.toLowerCase();
    if (!mapped && !this.#unknownTypes.has(key)) {
      this.#unknownTypes.add(key);
      this.b.warn(row.line, this.header(this.mapping.type), `"${clip(words, 80)}" names none of Frontline's event types; rows of this type are shown as "Other" and keep it as a tag`);
    }
    // The file's own word is kept unless it is exactly one of Frontline's.
    const tags = !mapped || !TYPE_BY_NAME.has(key) ? [clip(words, LIMITS.shortText)] : [];
    return { type: mapped ?? 'other', tags };
  }

  /** The title cell, else the first words of the description, else "<Type> in <place>" (or "on <date>"). */
  title(row: CsvRow, type: EventType, startValue: string): string {
    const title = oneLine(this.cell(row, 'title'));
    if (title !== '') return title;
    const description = this.cell(row, 'description');
    if (description !== '') return firstWords(description);
    const what = type === 'other' ? 'Event' : EVENT_TYPE_STYLES[type].label;
    const place = oneLine(this.cell(row, 'place'));
    const made = place !== '' ? `${what} in ${place}` : `${what} on ${startValue}`;
    const m = this.mapping;
    if (m.title !== undefined || m.description !== undefined) this.b.warn(row.line, this.header(m.title ?? m.description), `the row has no title or description; it is called "${clip(made, 80)}"`);
    return made;
  }

  /** The source cell (publisher) and url cell (http(s) only), else the file itself. */
  source(row: CsvRow): string {
    const publisher = oneLine(this.cell(row, 'source'));
    const urlCell = this.cell(row, 'url');
    const url = urlCell === '' ? null : webAddress(urlCell);
    if (urlCell !== '' && url === null) this.b.warn(row.line, this.header(this.mapping.url), `"${clip(urlCell, 80)}" is not an http(s) web address; it was left out`);
    if (publisher === '' && url === null) return this.#fileSourceId();
    const pub = publisher !== '' ? publisher : hostName(url!);
    return this.b.source({ kind: 'other', publisher: pub, title: url ?? pub, ...(url ? { url } : {}) }, `${pub}\u0000${url ?? ''}`);
  }

  #fileSourceId(): string {
    const file = this.table.file;
    this.#fileSource ??= this.b.source(
      { kind: 'dataset', publisher: clip(baseName(file), LIMITS.shortText), title: clip(file, LIMITS.shortText), note: 'The imported table itself: rows that name no source of their own cite it.' },
      '\u0000file'
    );
    return this.#fileSource;
  }

  /** The country cell as an ISO code; one Frontline does not know is said once. */
  country(row: CsvRow): string | undefined {
    const text = oneLine(this.cell(row, 'country'));
    if (text === '') return undefined;
    const code = countryOf(text);
    // A name is shown as the file writes it; a code (SY, SYR, 760) by the app's name for it.
    if (code && !/^([A-Za-z]{2,3}|\d{1,3})$/.test(text)) this.b.countryLabel(code, text);
    if (!code && !this.#unknownCountries.has(text.toLowerCase())) {
      this.#unknownCountries.add(text.toLowerCase());
      this.b.warn(row.line, this.header(this.mapping.country), `"${clip(text, 80)}" is not a country Frontline knows; places in it have no country`);
    }
    return code;
  }

  /** Latitude and longitude, or none (with a warning when they were given but cannot be used). */
  coordinates(row: CsvRow): { lat: number; lon: number } | undefined {
    const read = readCoordinates(this.cell(row, 'lat'), this.cell(row, 'lon'));
    if (!read.ok) {
      this.b.warn(row.line, this.header(this.mapping[read.which]), `${read.reason}; the place has no coordinates`);
      return undefined;
    }
    if (read.at && read.at.lat === 0 && read.at.lon === 0) {
      this.b.warn(row.line, this.header(this.mapping.lat), 'the coordinates are 0, 0 (a common stand-in for "unknown"); the place has no coordinates');
      return undefined;
    }
    return read.at;
  }

  /** The row's place: the place cell, else the region, the country or the coordinates. */
  places(row: CsvRow, sourceId: string): string[] {
    const place = oneLine(this.cell(row, 'place'));
    const admin1 = oneLine(this.cell(row, 'admin1'));
    const countryText = oneLine(this.cell(row, 'country'));
    const country = this.country(row);
    const at = this.coordinates(row);
    const name = place || admin1 || countryText || (at ? `${at.lat}, ${at.lon}` : '');
    if (name === '') return [];
    const kind = place !== '' || (at && admin1 === '' && countryText === '') ? 'other' : admin1 !== '' ? 'province' : 'country';
    const m = this.mapping;
    return [
      this.b.place({
        name: this.b.short(name, row.line, this.header(m.place ?? m.admin1 ?? m.country)),
        kind,
        countries: country ? [country] : [],
        ...(admin1 !== '' && place !== '' ? { admin1: clip(admin1, LIMITS.shortText) } : {}),
        ...(at ? { coordinates: { ...at, precision: kind === 'other' ? 'exact' : 'approximate', source: sourceId } } : {})
      })
    ];
  }

  /** The actor and actor2 columns, one side each: the same name in both stays two participants. */
  actors(row: CsvRow): { actor: string; role: 'participant' }[] {
    const actors: { actor: string; role: 'participant' }[] = [];
    for (const f of ['actor', 'actor2'] as const) {
      const name = oneLine(this.cell(row, f));
      if (name === '') continue;
      actors.push({ actor: this.b.actor({ name: this.b.short(name, row.line, this.header(this.mapping[f])) }), role: 'participant' });
    }
    return actors;
  }

  figures(row: CsvRow): Figure[] {
    const text = oneLine(this.cell(row, 'figure'));
    if (!this.#figure || text === '') return [];
    const n = parseFigure(text);
    if (n) return [{ ...n, ...this.#figure, asWritten: clip(text, LIMITS.shortText) }];
    this.b.warn(row.line, this.header(this.mapping.figure), `"${clip(text, 80)}" is not a number; the figure was left out`);
    return [];
  }
}

function countryOf(cell: string): string | undefined {
  const t = cell.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return isAlpha2(t.toUpperCase()) ? t.toUpperCase() : undefined;
  if (/^[A-Za-z]{3}$/.test(t)) return countryCode({ alpha3: t, name: t });
  if (/^\d{1,3}$/.test(t)) return countryCode({ numeric: t });
  return countryCode({ name: t });
}

// ---------------------------------------------------------------------------------------------
// The table

/** Why a mapping cannot be used at all (a column the table lacks, no date column); undefined when it can. */
function mappingProblem(table: CsvTable, mapping: CsvMapping): ImportOutcome | undefined {
  const file = table.file;
  const columns = table.headers.length;
  for (const field of CSV_FIELDS) {
    const i = mapping[field];
    if (i !== undefined && (!Number.isInteger(i) || i < 0 || i >= columns)) {
      return { status: 'failed', problems: [{ severity: 'error', file, field, message: `the mapping puts ${field} in column ${i + 1}, but the table has ${columns} column${columns === 1 ? '' : 's'}` }] };
    }
  }
  if (mapping.related !== undefined && mapping.id === undefined) {
    const message = 'the related ids column names other rows by their id: choose the column of event ids too (or no related column)';
    return { status: 'failed', problems: [{ severity: 'error', file, field: 'related', message }] };
  }
  if (mapping.relatedKind !== undefined && !isLinkKind(mapping.relatedKind)) {
    return { status: 'failed', problems: [{ severity: 'error', file, field: 'related', message: `"${clip(String(mapping.relatedKind), 40)}" is not a kind of link` }] };
  }
  if (mapping.start === undefined && mapping.date === undefined) {
    const message = 'no column is chosen for the date (or start date) of each event: choose the column that holds the dates, since events cannot be placed on the timeline without them';
    return { status: 'failed', problems: [{ severity: 'error', file, message }] };
  }
  return undefined;
}

/**
 * Read a table with a mapping. `sink`: see ImportBuilder. A mapping whose date columns do not
 * show their day/month order and that does not give it (dateOrder) is not read: the outcome is
 * needs-mapping again, its preview naming those columns with examples (preview.asked is the mapping).
 */
export function importMappedCsv(table: CsvTable, mapping: CsvMapping, sink?: ImportEventSink): ImportOutcome {
  const refused = mappingProblem(table, mapping);
  if (refused) return refused;
  const header = (i: number) => table.headers[i] || `column ${i + 1}`;
  const dates = dateColumnsOf(table, mapping, header);
  const columns = [dates.start, dates.fallback, dates.end].filter((c): c is DateColumn => c !== undefined);
  if (mapping.dateOrder === undefined && ambiguousDateColumns(shownOrders(columns), mapping).length > 0) {
    return { status: 'needs-mapping', preview: previewCsv(table, mapping) };
  }
  const b = new ImportBuilder(table.file, 'csv', sink);
  if (mapping.related !== undefined) b.expectLinks();
  const leftOut = passOnTableProblems(b, table.problems);
  settleOrders(columns, mapping, b, table);
  const repeated = new RepeatedWarnings(b);
  const rows = new MappedRows(table, mapping, b, dates, repeated);
  for (const row of table.rows) rows.add(row);
  repeated.flush();
  sortByLine(b.problems);
  const total = table.rows.length + leftOut;
  if (b.eventCount === 0) {
    return { status: 'failed', problems: [...b.problems, { severity: 'error', file: table.file, message: total === 0 ? 'the table has a header but no rows' : `none of the ${total} rows could be imported` }] };
  }
  return { status: 'imported', result: b.finish({ title: baseName(table.file), description: `Imported from the table ${table.file}.` }, total) };
}
