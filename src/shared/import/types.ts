// What every importer produces: a native dataset (as plain data, validated like any file) plus
// the rows it had to skip or change, each with file, line, column and a plain-language reason.
import type { Problem } from '../dataset/problems';
import type { LinkKind } from '../dataset/links';
import type { DatasetInput } from '../dataset/schema';
import type { ImportEventSink } from './importBuilder';

export const IMPORT_FORMATS = ['native', 'acled', 'ucdp', 'timelinejs-json', 'timelinejs-csv', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABEL: Readonly<Record<ImportFormat, string>> = {
  native: 'Frontline dataset',
  acled: 'ACLED export (CSV)',
  ucdp: 'UCDP GED (CSV)',
  'timelinejs-json': 'TimelineJS (JSON)',
  'timelinejs-csv': 'TimelineJS spreadsheet (CSV)',
  csv: 'CSV or TSV table'
};

export interface ImportResult {
  readonly format: ImportFormat;
  /**
   * The dataset built from the rows that could be used. validateDataset must find nothing wrong
   * with it: importers check each row themselves and skip (with a problem) what they cannot use.
   * Its events are empty when a sink took them as they were made (ImportOptions.sink).
   */
  readonly dataset: DatasetInput;
  /**
   * events[i] came from this 1-based line of the file (for problems found later); undefined for
   * an item of a JSON file; empty when a sink took the events.
   */
  readonly lineOfEvent: readonly (number | undefined)[];
  /** Rows skipped (severity error) and rows kept with something dropped or changed (warning). */
  readonly problems: readonly Problem[];
  /** Data rows in the file, events made from them, rows skipped. */
  readonly rows: { readonly total: number; readonly imported: number; readonly skipped: number };
}

/** A column of a generic table, mapped to what it holds. */
export const CSV_FIELDS = [
  'date',
  'start',
  'end',
  'title',
  'description',
  'type',
  'place',
  'country',
  'admin1',
  'lat',
  'lon',
  'actor',
  'actor2',
  'source',
  'url',
  'figure',
  'id',
  'related'
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Day/month order of numeric dates such as 03/04/2017: day first (3 April 2017) or month first (March 4, 2017). */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** For each field, the index of the column that holds it (absent: not in the file). */
export type CsvMapping = Partial<Record<CsvField, number>> & {
  /**
   * The order of numeric dates in date columns that do not show it themselves (every date in them
   * reads both ways, 03/04/2017): the user says which; it is never assumed.
   */
  dateOrder?: DateOrder;
  /**
   * What the related id column's links say, from the row's event to the events it names (by the
   * id column's values); default related-to.
   */
  relatedKind?: LinkKind;
};

/** A date as each order reads it: "03/04/2017" → "3 April 2017" (day first) or "4 March 2017" (month first). */
export interface DateReadings {
  readonly text: string;
  readonly dayFirst: string;
  readonly monthFirst: string;
}

/** How a column's numeric dates (03/04/2017) show their day/month order. */
export interface CsvDateColumn {
  readonly column: number;
  /** The column's header (cut like the preview's). */
  readonly header: string;
  /**
   * dmy or mdy: some date reads only that way (25/10/2017, 10/25/2017); both: every one reads
   * both ways, so the order must be chosen (CsvMapping.dateOrder); mixed: some read only day
   * first and others only month first (dates that read both ways are left out).
   */
  readonly order: DateOrder | 'both' | 'mixed';
  /** Up to 3 of its dates that read both ways, with both readings (for the question). */
  readonly examples: readonly DateReadings[];
}

/**
 * What a generic table looks like, for the user to confirm or correct the mapping. Capped (see
 * previewCsv): it crosses IPC and becomes the mapping dialog, so however wide the table or long its
 * cells, the preview stays small.
 */
export interface CsvPreview {
  /** The delimiter found: "," ";" "\t" "|". */
  readonly delimiter: string;
  /** Header cells of the first columns (at most 200), each cut to at most 200 characters. */
  readonly headers: readonly string[];
  /** Columns in the table, when it has more than `headers` shows. */
  readonly columnCount?: number;
  /** Guessed columns past those `headers` shows: each column's index and header (cut likewise). */
  readonly guessedHeaders?: readonly { readonly column: number; readonly header: string }[];
  /** The first rows (at most 8), as text: the columns `headers` shows, each cell cut likewise. */
  readonly sample: readonly (readonly string[])[];
  /** The mapping guessed from the header names (it may name columns past `headers`). */
  readonly guess: CsvMapping;
  /** Data rows in the file. */
  readonly rowCount: number;
  /**
   * Columns with numeric dates and the order each shows: the date columns of the guess (and of the
   * mapping asked for), from all their dates, and other columns with such dates in the first rows,
   * from their first 1,000 rows. Absent when there are none.
   */
  readonly dateColumns?: readonly CsvDateColumn[];
  /**
   * The mapping the table was asked to be read with, when it cannot be used as it is: its date
   * columns do not show their day/month order and it does not say it (see ambiguousDateColumns).
   */
  readonly asked?: CsvMapping;
}

export interface ImportOptions {
  /** Read the file as this format instead of detecting it. */
  readonly format?: ImportFormat;
  /** For a generic table: which column holds what (without it, a generic table needs mapping). */
  readonly mapping?: CsvMapping;
  /** Takes each event as it is made, instead of the result holding them all (see ImportEventSink). */
  readonly sink?: ImportEventSink;
}

export type ImportOutcome =
  | { readonly status: 'imported'; readonly result: ImportResult }
  /** A generic table: the user must confirm or correct the guessed mapping first (or say its dates' order). */
  | { readonly status: 'needs-mapping'; readonly preview: CsvPreview }
  /** Nothing could be imported: the whole file is unusable (not this format, no usable rows...). */
  | { readonly status: 'failed'; readonly problems: readonly Problem[] };
