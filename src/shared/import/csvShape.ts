// Refuse tables whose shape would blow up reading them (a million columns, a 200 MB row, a quote
// that swallows the file) before papaparse builds a single row: one pass over the text that splits
// rows and cells as papaparse does, in time proportional to the text and with no memory of its own.
// Short rows (most of any table) are only split into rows, not cells: see shortRowEnd.
import type { Problem } from '../dataset/problems';

/**
 * Most columns a table may have. Event tables are narrow (ACLED has 31 columns, UCDP GED about 50,
 * a TimelineJS sheet 18) and Frontline reads at most 17 fields from one; 2,000 leaves forty times
 * the widest real export while keeping each row's cells, the header guess and the mapping small.
 * (The column mapping crosses IPC as indices, which are checked to be below 10,000.)
 */
export const MAX_CSV_COLUMNS = 2_000;

/**
 * Most characters in one row, line breaks inside quoted cells included. A long ACLED row is a few
 * thousand characters, and an event's longest text is 20,000; a row of a million is a file that is
 * not a table, or a quote left open that swallowed the rest.
 */
export const MAX_CSV_ROW_CHARS = 1_000_000;

export interface CsvShapeLimits {
  readonly columns: number;
  readonly rowChars: number;
}

export const CSV_SHAPE_LIMITS: CsvShapeLimits = { columns: MAX_CSV_COLUMNS, rowChars: MAX_CSV_ROW_CHARS };

/** Past this many columns in one row, stop counting them for the message (the count costs time). */
const COUNT_COLUMNS_UP_TO = 10_000_000;

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** Whitespace as String.prototype.trim sees it (papaparse allows it between a closing quote and the delimiter). */
function isTrimSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const count = (n: number) => n.toLocaleString('en-GB');

/** 1-based line of a character offset (line breaks are "\n"). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Where the row starting at `rowStart` ends (its line break, or the end of the text), when it
 * ends by `limit` at the latest; -1 when it does not (or a quote is never closed), and the row is
 * to be split cell by cell. A row no longer than the column limit less one cannot have too many
 * columns (each column but the first takes a delimiter), nor be too long: such a row need not be
 * split into cells, only found. Its end is the first line break outside a quoted cell, and a quote
 * opens a quoted cell only as the first character of a cell, which between quoted cells is the
 * first of the row or one just after a delimiter: so only the quotes and line breaks of the row
 * are looked for, not each cell's end. Quoted cells close as in checkCsvShape.
 */
function shortRowEnd(body: string, rowStart: number, delim: number, limit: number): number {
  const n = body.length;
  /** Start of the current cell, where no quoted cell is open. */
  let cellStart = rowStart;
  let lineBreak = body.indexOf('\n', rowStart);
  let quote = body.indexOf('"', rowStart);
  for (;;) {
    const end = lineBreak < 0 ? n : lineBreak;
    // No quote before the row's end: the row ends there.
    if (quote < 0 || quote > end) return end <= limit ? end : -1;
    if (quote > limit) return -1;
    // A quote inside an unquoted cell is part of its text.
    if (quote !== cellStart && body.charCodeAt(quote - 1) !== delim) {
      quote = body.indexOf('"', quote + 1);
      continue;
    }
    // A quoted cell: to a quote that is not doubled and is followed (after spaces) by the
    // delimiter or a line break. Anything else (its end at the end of the text, a quote never
    // closed) is left to the cell-by-cell split.
    let q = quote;
    for (;;) {
      q = body.indexOf('"', q + 1);
      if (q < 0 || q >= limit || q === n - 1) return -1;
      const after = body.charCodeAt(q + 1);
      if (after === QUOTE) {
        q++;
        continue;
      }
      let k = q + 1;
      while (k < n && body.charCodeAt(k) !== delim && body.charCodeAt(k) !== NEWLINE && isTrimSpace(body.charCodeAt(k))) k++;
      if (k > limit) return -1;
      const c = k < n ? body.charCodeAt(k) : -1;
      if (c === NEWLINE) return k;
      if (c === delim) {
        cellStart = k + 1;
        break;
      }
      // A stray quote inside the quoted cell: part of its text.
    }
    // The row goes on after the quoted cell; line breaks inside it did not end the row.
    if (lineBreak >= 0 && lineBreak < cellStart) lineBreak = body.indexOf('\n', cellStart);
    quote = body.indexOf('"', cellStart);
  }
}

/**
 * What is wrong with the shape of a table's text, or undefined when every row is within the
 * limits. `body` has "\n" line breaks (no CR) and no BOM; `delimiter` is one character. Rows and
 * cells are split as papaparse splits them: a cell that starts with a quote runs to a quote that is
 * not doubled and is followed (after spaces) by the delimiter, a line break or the end; other cells
 * run to the next delimiter or line break. A quote that never closes within the limit is named at
 * the line where its cell began; one that never closes at all, in a short enough tail, is left to
 * papaparse (the importer reports that row).
 */
export function checkCsvShape(body: string, delimiter: string, file: string, limits: CsvShapeLimits = CSV_SHAPE_LIMITS): Problem | undefined {
  const n = body.length;
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  let rowStart = 0;
  let columns = 1;
  /** Offset where a row past the column limit began (its columns are then counted to its end). */
  let wideRow = -1;
  /** The next delimiter and line break at or after where they were last looked for (-1: none left). */
  let nextDelim = body.indexOf(delimiter);
  let nextBreak = body.indexOf('\n');
  const tooLong = (quoteStart: number): Problem => {
    const line = lineAt(body, quoteStart >= 0 ? quoteStart : rowStart);
    const limit = count(limits.rowChars);
    if (quoteStart >= 0) {
      return {
        severity: 'error',
        file,
        line,
        message: `a quoted cell starting on this line runs on for more than ${limit} characters (is its closing " missing?); Frontline reads rows of at most ${limit} characters`
      };
    }
    return { severity: 'error', file, line, message: `this row is longer than ${limit} characters; Frontline reads rows of at most ${limit} characters (is this file a table?)` };
  };
  const tooWide = (): Problem => ({
    severity: 'error',
    file,
    line: lineAt(body, wideRow),
    message: `this row has ${columns > COUNT_COLUMNS_UP_TO ? `more than ${count(COUNT_COLUMNS_UP_TO)}` : count(columns)} columns; Frontline reads tables of at most ${count(limits.columns)} columns`
  });
  /** A row ended (at a line break or the end of the text). */
  const endRow = (): Problem | undefined => {
    if (wideRow >= 0) return tooWide();
    columns = 1;
    return undefined;
  };
  const nextCell = (): Problem | undefined => {
    columns++;
    if (columns > limits.columns && wideRow < 0) wideRow = rowStart;
    return wideRow >= 0 && columns > COUNT_COLUMNS_UP_TO ? tooWide() : undefined;
  };

  /** Rows no longer than this are found whole (shortRowEnd), not split into cells. */
  const shortRow = Math.min(limits.columns - 1, limits.rowChars);
  while (i < n) {
    // i is at the start of a cell. At the start of a row, a short row is passed over whole.
    if (i === rowStart && shortRow >= 0) {
      const end = shortRowEnd(body, rowStart, delim, rowStart + shortRow);
      if (end >= n) break;
      if (end >= 0) {
        i = rowStart = end + 1;
        continue;
      }
    }
    if (body.charCodeAt(i) === QUOTE) {
      const quoteStart = i;
      let q = i;
      for (;;) {
        q = body.indexOf('"', q + 1);
        if (q < 0) {
          // Never closed: papaparse reads the rest as one cell (and the importer reports it),
          // which is fine unless the rest is too long a row.
          if (n - rowStart > limits.rowChars && wideRow < 0) return tooLong(quoteStart);
          return wideRow >= 0 ? tooWide() : undefined;
        }
        if (q - rowStart > limits.rowChars && wideRow < 0) return tooLong(quoteStart);
        if (q === n - 1) return n - rowStart > limits.rowChars && wideRow < 0 ? tooLong(quoteStart) : endRow();
        const after = body.charCodeAt(q + 1);
        if (after === QUOTE) {
          q++;
          continue;
        }
        // A closing quote: spaces, then the delimiter or a line break (not the end of the text).
        let k = q + 1;
        while (k < n && body.charCodeAt(k) !== delim && body.charCodeAt(k) !== NEWLINE && isTrimSpace(body.charCodeAt(k))) k++;
        const c = k < n ? body.charCodeAt(k) : -1;
        if (k - rowStart > limits.rowChars && wideRow < 0) return tooLong(-1);
        if (c === delim) {
          i = k + 1;
          const p = nextCell();
          if (p) return p;
          break;
        }
        if (c === NEWLINE) {
          i = k + 1;
          const p = endRow();
          if (p) return p;
          rowStart = i;
          break;
        }
        // A stray quote inside the quoted cell: part of its text.
      }
      continue;
    }
    // An unquoted cell: to the next delimiter or line break. Both are found with indexOf and kept
    // until passed (each stretch of text is searched once), as papaparse does.
    if (nextDelim >= 0 && nextDelim < i) nextDelim = body.indexOf(delimiter, i);
    if (nextBreak >= 0 && nextBreak < i) nextBreak = body.indexOf('\n', i);
    const k = Math.min(nextDelim < 0 ? n : nextDelim, nextBreak < 0 ? n : nextBreak);
    if (wideRow < 0 && k - rowStart > limits.rowChars) return tooLong(-1);
    if (k >= n) break;
    const c = k === nextDelim ? delim : NEWLINE;
    i = k + 1;
    const p = c === delim ? nextCell() : endRow();
    if (p) return p;
    if (c === NEWLINE) rowStart = i;
  }
  // The text ended after a delimiter (an empty last cell) or inside an unquoted cell.
  if (wideRow < 0 && n - rowStart > limits.rowChars) return tooLong(-1);
  return endRow();
}
