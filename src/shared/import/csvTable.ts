// Read CSV/TSV text into a table of rows that remember their line in the file, so every problem an
// importer finds can name it. papaparse does the parsing (quotes, quoted newlines, CRLF, the
// delimiter guess); this adds line numbers, a header found below junk preamble lines, the HXL
// hashtag row some re-distributions put under the header, and limits on the table's shape.
import Papa from 'papaparse';
import type { Problem } from '../dataset/problems';
import { blankIfInvisible } from '../text/cleanText';
import { checkCsvShape } from './csvShape';

export interface CsvRow {
  /** 1-based line of the file the row starts on. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  /** The file as the user knows it, for problems. */
  readonly file: string;
  readonly delimiter: string;
  /** Header cells as written (trimmed). */
  readonly headers: readonly string[];
  /** Header cells as keys: see headerKey. */
  readonly keys: readonly string[];
  readonly headerLine: number;
  /**
   * Data rows, in file order (blank lines and the HXL row left out, and a row whose quoted cell is
   * never closed or that has fewer cells than the header: see problems).
   */
  readonly rows: readonly CsvRow[];
  /** HXL hashtags under the header, when the file has that row. */
  readonly hxl: readonly string[] | undefined;
  /** Lines before the header that were skipped as preamble. */
  readonly preambleLines: number;
  /**
   * What went wrong while reading, for the importer to pass on in its result: each error is a row
   * left out (an unclosed quote, too few cells), at its line.
   */
  readonly problems: readonly Problem[];
}

/** A failure `refused` for its shape (see checkCsvShape) is refused however the text is read again. */
export type CsvRead = { readonly ok: true; readonly table: CsvTable } | { readonly ok: false; readonly problems: readonly Problem[]; readonly refused?: true };

export interface ReadCsvOptions {
  /** Use this delimiter instead of guessing. */
  readonly delimiter?: string;
  /**
   * Is this row (as header keys) the header? Rows before it are preamble. Without it, the first
   * non-blank row is the header.
   */
  readonly isHeader?: (keys: readonly string[]) => boolean;
  /** Most rows looked at for the header. */
  readonly maxPreamble?: number;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * A header cell as a key for matching column names: BOM and invisible characters gone, trimmed,
 * lower case, runs of spaces, hyphens and dots as one "_". "Event Date" and "event-date" are
 * both "event_date".
 */
export function headerKey(cell: string): string {
  return cell
    .replace(/[\uFEFF\u200B-\u200F\u202A-\u202E\u2060-\u2064]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

/** Column index of the first of `names` (keys) the table has, or -1. */
export function columnOf(table: Pick<CsvTable, 'keys'>, ...names: readonly string[]): number {
  for (const name of names) {
    const i = table.keys.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

/** The cell of a row at a column, trimmed; '' when the column is missing or the row is short. */
export function cellAt(row: CsvRow, column: number): string {
  return column < 0 ? '' : (row.cells[column] ?? '').trim();
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** An open quote that swallowed the rest of the file (papaparse's MissingQuotes). */
export const UNCLOSED_QUOTE =
  'the file ends in the middle of a row: a quoted cell starting on this line is never closed (a " is missing), so this row and everything after it cannot be read';

/**
 * Header cells up to the last one with a name: a header written with trailing delimiters
 * ("a,b,c,,") does not ask rows for cells nobody named.
 */
function namedColumnCount(headerCells: readonly string[]): number {
  let n = headerCells.length;
  while (n > 1 && headerCells[n - 1]!.trim() === '') n--;
  return n;
}

/** Why a row with too few cells is left out. `atEnd`: it is the last row, with no line break after it. */
function shortRowMessage(cells: number, columns: number, atEnd: boolean): string {
  const has = `${cells} of the header's ${columns} cells`;
  return atEnd
    ? `the file ends in the middle of a row: it has ${has} (was the file cut short?); the row was left out`
    : `this row has ${has}: a cell or a delimiter is missing, so which value belongs to which column cannot be told; the row was left out`;
}
const isHxlRow = (cells: readonly string[]) => {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => c.startsWith('#'));
};

/** Guess the delimiter from the first lines: the candidate that splits them most consistently. */
export function guessDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 30);
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const nonZero = counts.filter((c) => c > 0);
    if (nonZero.length === 0) continue;
    // The most common count among lines that have any, and how many lines share it.
    const freq = new Map<number, number>();
    for (const c of nonZero) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [c, f] of freq) if (f > modeFreq || (f === modeFreq && c > mode)) [mode, modeFreq] = [c, f];
    const score = modeFreq * 1000 + mode;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

export function readCsv(text: string, file: string, options: ReadCsvOptions = {}): CsvRead {
  const rows: CsvRow[] = [];
  const read = streamCsv(text, file, options, {
    start: () => {},
    row: (line, cells) => {
      rows.push({ line, cells });
    }
  });
  if (!read.ok) return read;
  return { ok: true, table: { ...read.head, rows, problems: read.problems } };
}

/** A table but its rows (and the problems found reading them). */
export type CsvHead = Omit<CsvTable, 'rows' | 'problems'>;

/** What streamCsv hands each part of the table to, in file order. */
export interface CsvVisitor {
  /** The header (and the HXL row under it, if any) was read: once, before the first data row. */
  start(head: CsvHead): boolean | void;
  /** A data row (as readCsv would keep it). Return false to stop reading. */
  row(line: number, cells: string[]): boolean | void;
}

export type CsvStream =
  | {
      readonly ok: true;
      readonly head: CsvHead;
      /** Data rows handed to the visitor. */
      readonly rows: number;
      /** What went wrong while reading (see CsvTable.problems). */
      readonly problems: readonly Problem[];
      /** The visitor stopped the reading. */
      readonly stopped: boolean;
    }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly refused?: true };

/**
 * Read CSV/TSV text as readCsv does, handing the header and then each data row to `visitor` as
 * it is read instead of keeping them: the cells of a row the visitor does not keep die young.
 */
export function streamCsv(text: string, file: string, options: ReadCsvOptions, visitor: CsvVisitor): CsvStream {
  // Line breaks become "\n" first: papaparse takes one line-break style per file, so a file that
  // mixes CRLF and LF (files pasted together, notes typed on another system) would otherwise have
  // rows run together or keep a stray "\r". A lone CR counts as a line break, as editors count it.
  const unix = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const body = unix.includes('\r') ? unix.replace(/\r\n?/g, '\n') : unix;
  const delimiter = options.delimiter ?? guessDelimiter(body);
  // Too many columns, too long a row, a quote that swallows the file: refused before papaparse
  // builds any row of it, in one pass over the text.
  const shape = checkCsvShape(body, delimiter, file);
  if (shape) return { ok: false, problems: [shape], refused: true };
  const maxPreamble = options.maxPreamble ?? 20;
  const problems: Problem[] = [];
  let rowCount = 0;
  let stopped = false;
  let started = false;
  // Line counting: the line breaks before `scanned` are counted; each row starts where the
  // previous ended. Jumps from break to break (indexOf) rather than looking at every character.
  // `nextBreak`: the first "\n" at or after `scanned` (-1: none left), once looked for.
  let scanned = 0;
  let nextBreak = -2;
  let line = 1;
  let rowStart = 0;
  const lineAt = (offset: number): number => {
    while (scanned < offset) {
      if (nextBreak === -2 || (nextBreak >= 0 && nextBreak < scanned)) nextBreak = body.indexOf('\n', scanned);
      if (nextBreak < 0 || nextBreak >= offset) {
        scanned = offset;
        break;
      }
      line++;
      scanned = nextBreak + 1;
    }
    return line;
  };
  // Cells of nothing but invisible characters (zero-width spaces, bidi controls) are read as
  // empty, as a reader sees them, and the user is told once: how many, and where the first was.
  let blanked = 0;
  let firstBlanked: { line: number; column: number } | undefined;
  const blankInvisibleCells = (cells: string[], rowLine: number): void => {
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c]!;
      if (v.length === 0) continue;
      // Most cells start with a visible ASCII character: nothing to look at.
      const first = v.charCodeAt(0);
      if (first > 32 && first < 127) continue;
      const trimmed = v.trim();
      if (trimmed === '' || blankIfInvisible(trimmed) !== '') continue;
      cells[c] = '';
      if (blanked++ === 0) firstBlanked = { line: rowLine, column: c };
    }
  };
  let header: { cells: string[]; line: number } | undefined;
  /** Cells a data row must have: the header's, up to its last named column. */
  let namedColumns = 0;
  let preambleLines = 0;
  let seen = 0;
  let afterHeader = false;
  let hxl: string[] | undefined;
  const headOf = (h: { cells: string[]; line: number }): CsvHead => ({
    file,
    delimiter,
    headers: h.cells.map((c) => c.replace(/^\uFEFF/, '').trim()),
    keys: h.cells.map(headerKey),
    headerLine: h.line,
    hxl,
    preambleLines
  });
  Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step(result, parser) {
      // A row begins after the line break that ended the previous one.
      const rowLine = lineAt(body.charCodeAt(rowStart) === 10 ? rowStart + 1 : rowStart);
      rowStart = result.meta.cursor;
      const cells = result.data;
      if (result.errors.length > 0 && result.errors.some((e) => e.code === 'MissingQuotes')) {
        // The open quote swallowed the rest of the file into one cell: the row is left out, and
        // the problem (an error on its line) is the importer's to pass on.
        problems.push({ severity: 'error', file, line: rowLine, message: UNCLOSED_QUOTE });
        return;
      }
      if (isBlank(cells)) return;
      if (!header) {
        seen++;
        const keys = cells.map(headerKey);
        if (!options.isHeader || options.isHeader(keys)) {
          header = { cells, line: rowLine };
          namedColumns = namedColumnCount(cells);
          afterHeader = true;
          return;
        }
        preambleLines++;
        if (seen >= maxPreamble) parser.abort();
        return;
      }
      if (afterHeader) {
        afterHeader = false;
        if (isHxlRow(cells)) {
          hxl = cells.map((c) => c.trim());
          return;
        }
      }
      if (!started) {
        started = true;
        if (visitor.start(headOf(header)) === false) {
          stopped = true;
          parser.abort();
          return;
        }
      }
      // A row with fewer cells than the header has lost some (a file cut short, a delimiter gone):
      // which value belongs to which column cannot be told, so it is a problem, never an event.
      if (cells.length < namedColumns) {
        problems.push({ severity: 'error', file, line: rowLine, message: shortRowMessage(cells.length, namedColumns, rowStart >= body.length && !body.endsWith('\n')) });
        return;
      }
      rowCount++;
      blankInvisibleCells(cells, rowLine);
      if (visitor.row(rowLine, cells) === false) {
        stopped = true;
        parser.abort();
      }
    }
  });
  if (!header) {
    if (problems.length > 0) return { ok: false, problems };
    const message = options.isHeader
      ? `no header row with the expected column names in the first ${maxPreamble} rows`
      : 'the file has no rows';
    return { ok: false, problems: [{ severity: 'error', file, line: 1, message }] };
  }
  const head = headOf(header);
  if (firstBlanked) {
    problems.push({
      severity: 'warning',
      file,
      line: firstBlanked.line,
      field: head.headers[firstBlanked.column] || `column ${firstBlanked.column + 1}`,
      message: `holds nothing but invisible characters (zero-width spaces, bidi controls); it was read as empty${blanked > 1 ? ` (and ${blanked - 1} more cell${blanked === 2 ? '' : 's'} like it)` : ''}`
    });
  }
  if (!started && !stopped) {
    started = true;
    if (visitor.start(head) === false) stopped = true;
  }
  return { ok: true, head, rows: rowCount, problems, stopped };
}
