// checkCsvShape: rows and cells split exactly as papaparse splits them (checked against papaparse
// on random text), and tables too wide, rows too long and quotes that swallow the file refused
// with the line, quickly, on generated hostile inputs.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../tests/support/prng';
import { checkCsvShape, MAX_CSV_COLUMNS, MAX_CSV_ROW_CHARS } from './csvShape';

const check = (text: string, delimiter = ',') => checkCsvShape(text, delimiter, 'wide.csv');

/** A row of `n` cells. */
const row = (n: number, cell = (i: number) => `c${i}`) => Array.from({ length: n }, (_, i) => cell(i)).join(',');

describe('checkCsvShape agrees with papaparse', () => {
  it('on 20,000 random texts of quotes, delimiters, line breaks and spaces: the widest row and the longest row', () => {
    const random = prng(2024);
    const pieces = ['"', ',', '\n', ' ', 'a', 'b', '""', '\t', ';', '\u00a0', '" ', '",', '"\n'];
    for (let t = 0; t < 20_000; t++) {
      let text = '';
      const length = Math.floor(random() * 24);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)];
      const delimiter = random() < 0.5 ? ',' : '\t';
      // papaparse's rows: how many cells each has, and how many characters it spans (its line
      // break not counted, unless it is inside a quoted cell that never closes).
      let widest = 0;
      let longest = 0;
      let previous = 0;
      Papa.parse<string[]>(text, {
        delimiter,
        newline: '\n',
        step(result) {
          const end = result.meta.cursor;
          const unclosed = result.errors.some((e) => e.code === 'MissingQuotes');
          widest = Math.max(widest, result.data.length);
          longest = Math.max(longest, end - previous - (end > previous && text[end - 1] === '\n' && !unclosed ? 1 : 0));
          previous = end;
        }
      });
      const where = `${JSON.stringify(text)} split by ${JSON.stringify(delimiter)}`;
      expect(checkCsvShape(text, delimiter, 'f', { columns: widest, rowChars: longest }), where).toBeUndefined();
      if (widest > 1) expect(checkCsvShape(text, delimiter, 'f', { columns: widest - 1, rowChars: 1e9 })?.message, where).toContain(`this row has ${widest} columns`);
      if (longest > 0) expect(checkCsvShape(text, delimiter, 'f', { columns: 1e9, rowChars: longest - 1 }), where).toBeDefined();
    }
  });
});

describe('checkCsvShape: column count', () => {
  it(`a table of ${MAX_CSV_COLUMNS.toLocaleString('en-GB')} columns is read; one more is refused at the line that has it`, () => {
    expect(check(`${row(MAX_CSV_COLUMNS)}\n${row(MAX_CSV_COLUMNS)}\n`)).toBeUndefined();
    expect(check(`${row(3)}\n${row(3)}\n${row(MAX_CSV_COLUMNS + 1)}\n${row(3)}\n`)).toEqual({
      severity: 'error',
      file: 'wide.csv',
      line: 3,
      message: 'this row has 2,001 columns; Frontline reads tables of at most 2,000 columns'
    });
  });

  it('delimiters inside quoted cells, quoted line breaks included, are not columns', () => {
    const cell = `"${','.repeat(5000)}\n${','.repeat(5000)}"`;
    expect(check(`a,b\n${cell},${cell}\n`)).toBeUndefined();
  });

  it('counts with the delimiter given (tabs), not commas', () => {
    expect(check(`${'a,'.repeat(5000)}\tb\n`, '\t')).toBeUndefined();
    expect(check(`x\n${'a\t'.repeat(5000)}b\n`, '\t')).toMatchObject({ line: 2, message: expect.stringContaining('has 5,001 columns') });
  });

  it('100,000 columns in 1.8 MB: refused within two seconds (in milliseconds here), naming line 1 and the count', () => {
    const text = `${row(100_000, (i) => `column_${i}`)}\n${row(100_000, (i) => `value_${i % 97}`)}\n`;
    expect(text.length).toBeGreaterThan(1_800_000);
    const started = performance.now();
    expect(check(text)).toMatchObject({ line: 1, message: 'this row has 100,000 columns; Frontline reads tables of at most 2,000 columns' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('1,000,000 columns: refused, naming the count', () => {
    expect(check(`${row(1_000_000)}\n`)?.message).toBe('this row has 1,000,000 columns; Frontline reads tables of at most 2,000 columns');
  });

  it('a row of nothing but 50 million delimiters stops counting at ten million', () => {
    expect(check(','.repeat(50_000_000))?.message).toBe('this row has more than 10,000,000 columns; Frontline reads tables of at most 2,000 columns');
  });
});

describe('checkCsvShape: row length', () => {
  it(`a row of ${MAX_CSV_ROW_CHARS.toLocaleString('en-GB')} characters is read; one more is refused at its line`, () => {
    expect(check(`a,b\n1,${'x'.repeat(MAX_CSV_ROW_CHARS - 2)}\n2,y\n`)).toBeUndefined();
    expect(check(`a,b\n1,y\n2,${'x'.repeat(MAX_CSV_ROW_CHARS - 1)}\n3,z\n`)).toEqual({
      severity: 'error',
      file: 'wide.csv',
      line: 3,
      message: 'this row is longer than 1,000,000 characters; Frontline reads rows of at most 1,000,000 characters (is this file a table?)'
    });
  });

  it('line breaks inside a quoted cell count towards its row', () => {
    const cell = `"${'line\n'.repeat(250_000)}"`;
    expect(check(`a,b\n1,${cell}\n`)?.message).toMatch(/^a quoted cell starting on this line runs on for more than 1,000,000 characters/);
  });

  it('a quote never closed that swallows the rest of the file names the line where its cell began', () => {
    // The row starts on line 3; its second quoted cell starts on line 4, after a quoted line break.
    const text = `a,b,c\n1,2,3\nx,"two\nlines","never closed ${'and on, '.repeat(200_000)}\n4,5,6\n`;
    expect(check(text)).toEqual({
      severity: 'error',
      file: 'wide.csv',
      line: 4,
      message: 'a quoted cell starting on this line runs on for more than 1,000,000 characters (is its closing " missing?); Frontline reads rows of at most 1,000,000 characters'
    });
  });

  it('a quote never closed in a short tail is left for the reader to report (as a row that cannot be read)', () => {
    expect(check('a,b\n1,"never closed\n2,3\n')).toBeUndefined();
  });

  it('200 MB on one line: refused at line 1 within two seconds (in a fraction of one here)', () => {
    const text = Buffer.alloc(200 * 1024 * 1024, 'a').toString('latin1');
    const started = performance.now();
    expect(check(text)).toMatchObject({ line: 1, message: expect.stringContaining('this row is longer than 1,000,000 characters') });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('200 MB of nothing but quote characters: refused at line 1 within two seconds (in a fraction of one here)', () => {
    const text = Buffer.alloc(200 * 1024 * 1024, '"').toString('latin1');
    const started = performance.now();
    expect(check(text)).toMatchObject({ line: 1, message: expect.stringContaining('(is its closing " missing?)') });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
