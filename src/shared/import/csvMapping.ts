// A generic table's mapping: which column holds what, guessed from the header names (and, for the
// date, from the values), and the preview the mapping dialog (or inspect) shows, with the date
// columns whose day/month order the user must give because no date in them shows it.
import { monthName } from '../dataset/dates';
import { clip } from '../text/clip';
import { cellAt, headerKey, type CsvRow, type CsvTable } from './csvTable';
import { decideDayMonthOrder, parseLooseDate, type DayMonthDecision } from './looseDate';
import { CSV_FIELDS, type CsvDateColumn, type CsvField, type CsvMapping, type CsvPreview, type DateReadings } from './types';

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
  id: ['id', 'event_id', 'eventid', 'uid', 'identifier', 'event_id_cnty', 'key'],
  related: ['related', 'related_id', 'related_ids', 'related_to', 'related_event', 'related_events', 'relates_to', 'linked_to', 'link_to', 'links_to']
};

/** A header as a key for guessing: headerKey, then brackets and punctuation gone ("Deaths (best)" → "deaths"). */
export function nameKey(header: string): string {
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

// ---------------------------------------------------------------------------------------------
// Day/month order of date columns

/** Rows the guess looks at (a date column found by its values). */
const GUESS_ROWS = 50;
/** Rows a column that is not (yet) a date column of the mapping is judged by. */
const DATE_SAMPLE_ROWS = 1_000;
/** Examples of dates that read both ways given with a question. */
const MAX_EXAMPLES = 3;

/** How a decision over a column's dates shows its order; undefined: it has no numeric dates. */
export function orderShown(decision: DayMonthDecision): CsvDateColumn['order'] | undefined {
  switch (decision.basis) {
    case 'evidence':
      return decision.order;
    case 'assumed':
      return 'both';
    case 'mixed':
      return 'mixed';
    case 'none':
      return undefined;
  }
}

/** A numeric date that reads both ways, with both readings ("03/04/2017" → 3 April 2017 or 4 March 2017); undefined otherwise. */
export function bothReadings(text: string): DateReadings | undefined {
  const dmy = parseLooseDate(text, { order: 'dmy' });
  const mdy = parseLooseDate(text, { order: 'mdy' });
  if (!dmy.ok || !mdy.ok || dmy.date.orderUsed === undefined || dmy.date.value === mdy.date.value) return undefined;
  const words = (value: string) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return `${d} ${monthName(m)} ${y}`;
  };
  return { text: clip(text, PREVIEW_CELL_CHARS), dayFirst: words(dmy.date.value.slice(0, 10)), monthFirst: words(mdy.date.value.slice(0, 10)) };
}

/**
 * A column's dates, all of them: the order they show and, when none shows it, a few examples read
 * both ways. Each distinct cell is looked at once (a date column repeats its dates row after row).
 */
export function dateColumnOf(table: Pick<CsvTable, 'rows' | 'headers'>, column: number): CsvDateColumn | undefined {
  const distinct = new Set<string>();
  for (const row of table.rows) distinct.add(row.cells[column] ?? '');
  const values = [...distinct].map((v) => v.trim());
  const decision = decideDayMonthOrder(values);
  const order = orderShown(decision);
  if (order === undefined) return undefined;
  const examples: DateReadings[] = [];
  for (let i = decision.ambiguousAt; order === 'both' && i < values.length && examples.length < MAX_EXAMPLES; i++) {
    const both = bothReadings(values[i]!);
    if (both && !examples.some((e) => e.text === both.text)) examples.push(both);
  }
  return { column, header: clip(table.headers[column] || `column ${column + 1}`, PREVIEW_CELL_CHARS), order, examples };
}

function* columnCells(rows: readonly CsvRow[], column: number): Generator<string> {
  for (const row of rows) yield cellAt(row, column);
}

/** The date columns of a mapping (start, date, end), each once. */
export function mappedDateColumns(mapping: CsvMapping): number[] {
  const out: number[] = [];
  for (const f of ['start', 'date', 'end'] as const) {
    const c = mapping[f];
    if (c !== undefined && !out.includes(c)) out.push(c);
  }
  return out;
}

/**
 * The date columns of a mapping whose day/month order must be given (mapping.dateOrder): every
 * numeric date in them reads both ways, and no other date column of the mapping shows the order
 * (one that does lends it, as one file writes its dates one way). Empty when nothing needs asking.
 */
export function ambiguousDateColumns(dateColumns: readonly CsvDateColumn[] | undefined, mapping: CsvMapping): CsvDateColumn[] {
  const mapped = mappedDateColumns(mapping)
    .map((c) => dateColumns?.find((d) => d.column === c))
    .filter((d): d is CsvDateColumn => d !== undefined);
  if (mapped.some((d) => d.order === 'dmy' || d.order === 'mdy')) return [];
  return mapped.filter((d) => d.order === 'both');
}

/**
 * Columns whose order the preview reports: the date columns guessed or asked for, read whole (as
 * the import reads them), and other columns with numeric dates in the first rows, judged by their
 * first DATE_SAMPLE_ROWS rows (should one be chosen, the import reads it whole and asks again if
 * that says otherwise). Reading every cell of 200 columns would hold a large file's preview for seconds.
 */
function dateColumnsToCheck(table: CsvTable, guess: CsvMapping, asked: CsvMapping | undefined, shown: number): CsvDateColumn[] {
  const whole = [...new Set([...mappedDateColumns(guess), ...(asked ? mappedDateColumns(asked) : [])])].filter((c) => c >= 0 && c < table.headers.length);
  const first = table.rows.slice(0, GUESS_ROWS);
  const sample = { rows: table.rows.slice(0, DATE_SAMPLE_ROWS), headers: table.headers };
  const out: CsvDateColumn[] = [];
  for (let c = 0; c < table.headers.length; c++) {
    if (whole.includes(c)) {
      const d = dateColumnOf(table, c);
      if (d) out.push(d);
    } else if (c < shown && decideDayMonthOrder(columnCells(first, c)).basis !== 'none') {
      const d = dateColumnOf(sample, c);
      if (d) out.push(d);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The preview

/** Most columns, characters per cell and rows a preview shows (the mapping dialog stays small). */
export const PREVIEW_COLUMNS = 200;
export const PREVIEW_CELL_CHARS = 200;
export const PREVIEW_ROWS = 8;

/**
 * The table as the mapping dialog shows it: the first PREVIEW_COLUMNS columns, the first
 * PREVIEW_ROWS rows, each cell cut to PREVIEW_CELL_CHARS characters. The guess looks at every
 * column; one it picks past the first ones is named in guessedHeaders. Date columns report the
 * day/month order their dates show (see dateColumnsToCheck). `asked`: the mapping the table was
 * asked to be read with, when it needs a date order it does not give.
 */
export function previewCsv(table: CsvTable, asked?: CsvMapping): CsvPreview {
  const cut = (cell: string) => clip(cell, PREVIEW_CELL_CHARS);
  const columns = table.headers.length;
  const shown = Math.min(columns, PREVIEW_COLUMNS);
  const guess = guessMapping(table.headers, table.rows.slice(0, GUESS_ROWS));
  const past = [...new Set(Object.values(guess))].filter((c): c is number => typeof c === 'number' && c >= shown).sort((a, b) => a - b);
  const dateColumns = dateColumnsToCheck(table, guess, asked, shown);
  return {
    delimiter: table.delimiter,
    headers: table.headers.slice(0, shown).map(cut),
    ...(columns > shown ? { columnCount: columns } : {}),
    ...(past.length > 0 ? { guessedHeaders: past.map((column) => ({ column, header: cut(table.headers[column] ?? '') })) } : {}),
    sample: table.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells.slice(0, shown).map(cut)),
    guess,
    rowCount: table.rows.length,
    ...(dateColumns.length > 0 ? { dateColumns } : {}),
    ...(asked ? { asked } : {})
  };
}
