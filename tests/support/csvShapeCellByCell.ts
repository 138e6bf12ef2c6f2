// The shape check as it was before short rows were passed over whole (csvShape.ts at 810b6c5 and
// since, cell by cell), kept to hold the faster one to the same answers on random text.
import type { Problem } from '../../src/shared/dataset/problems';
import type { CsvShapeLimits } from '../../src/shared/import/csvShape';

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

/** checkCsvShape, splitting every row into cells. */
export function checkCsvShapeCellByCell(body: string, delimiter: string, file: string, limits: CsvShapeLimits): Problem | undefined {
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

  while (i < n) {
    // i is at the start of a cell.
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
