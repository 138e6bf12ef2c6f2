// readCsv / guessDelimiter / headerKey: the table every CSV importer reads, with the file's own
// line numbers whatever the quotes and line breaks do.
import { describe, expect, it } from 'vitest';
import { cellAt, columnOf, guessDelimiter, headerKey, readCsv, streamCsv, type CsvTable } from './csvTable';

function table(text: string, options: Parameters<typeof readCsv>[2] = {}): CsvTable {
  const r = readCsv(text, 'test.csv', options);
  if (!r.ok) throw new Error(`expected a table: ${JSON.stringify(r.problems)}`);
  return r.table;
}

const lines = (t: CsvTable) => t.rows.map((r) => r.line);

describe('readCsv: line numbers', () => {
  it('counts the lines a quoted cell spans, so the next row has its real line', () => {
    const t = table('date,notes\n2017-11-01,"one\ntwo\nthree"\n2017-11-02,plain\n');
    expect(lines(t)).toEqual([2, 5]);
    expect(t.rows[0]!.cells).toEqual(['2017-11-01', 'one\ntwo\nthree']);
  });

  it('counts CRLF as one line break and keeps no stray \\r in cells', () => {
    const t = table('a,b\r\n1,"x\r\ny"\r\n2,z\r\n');
    expect(lines(t)).toEqual([2, 4]);
    expect(t.rows[0]!.cells[1]).toBe('x\ny');
    expect(t.rows[1]!.cells).toEqual(['2', 'z']);
  });

  it('reads a file that mixes CRLF, LF and lone CR', () => {
    const t = table('a,b\r\n1,2\n3,4\r5,6\r\n');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6']
    ]);
    expect(lines(t)).toEqual([2, 3, 4]);
  });

  it('skips blank lines but still counts them', () => {
    const t = table('a,b\n\n1,2\n , \n\n3,4\n');
    expect(lines(t)).toEqual([3, 6]);
  });

  it('numbers the header line after preamble and blank lines', () => {
    const t = table('\n\nname,date\nx,2017\n');
    expect(t.headerLine).toBe(3);
    expect(lines(t)).toEqual([4]);
  });

  it('numbers every row of a long file right, whatever mix of breaks, blank lines and quoted breaks it has', () => {
    // A made-up file where each row's line is known as it is written.
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const breaks = ['\n', '\r\n', '\r'];
    const pick = () => breaks[Math.floor(random() * breaks.length)]!;
    let text = `id,notes,n${pick()}`;
    let line = 2;
    const expected: number[] = [];
    const cells: string[][] = [];
    for (let i = 0; i < 3000; i++) {
      while (random() < 0.1) {
        // A blank line ("\n" right after "\r" would make one CRLF break of the two).
        text += text.endsWith('\r') ? '\r' : pick();
        line++;
      }
      const spans = random() < 0.3 ? 1 + Math.floor(random() * 3) : 0;
      const parts = Array.from({ length: spans + 1 }, (_, k) => `part ${k}, of "${i}"`);
      let notes = '';
      for (let k = 0; k < parts.length; k++) notes += (k > 0 ? pick() : '') + parts[k]!.replaceAll('"', '""');
      expected.push(line);
      cells.push([`r${i}`, parts.join('\n'), String(i)]);
      text += `r${i},"${notes}",${i}${i === 2999 && random() < 0.5 ? '' : pick()}`;
      line += spans + 1;
    }
    const t = table(text);
    expect(lines(t)).toEqual(expected);
    expect(t.rows.map((r) => r.cells)).toEqual(cells);
  });

  it('numbers rows right when the file does not end with a line break, or ends with blank lines', () => {
    expect(lines(table('a,b\n1,2\n3,4'))).toEqual([2, 3]);
    expect(lines(table('a,b\r\n1,"x\r\n\r\ny"\r\n\r\n\r\n3,4\r\n\r\n'))).toEqual([2, 7]);
    expect(lines(table('a,b\r\r1,2\r\r\r"3\r",4'))).toEqual([3, 6]);
  });
});

describe('readCsv: broken quotes', () => {
  it('reports a quote never closed with the line it opens on, keeping the rows before it', () => {
    const r = readCsv('a,b\n1,ok\n2,"never closed\n3,swallowed\n4,too\n', 'broken.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.rows.map((row) => row.cells)).toEqual([['1', 'ok']]);
    expect(r.table.problems).toHaveLength(1);
    expect(r.table.problems[0]).toMatchObject({ severity: 'error', file: 'broken.csv', line: 3 });
    expect(r.table.problems[0]!.message).toContain('never closed');
  });

  it('gives the right line when the unclosed quote follows a quoted multi-line cell', () => {
    const r = readCsv('a,b\n1,"x\ny"\n2,"open\n', 'f.csv');
    expect(r.ok && r.table.problems[0]?.line).toBe(4);
  });

  it('fails with the problem when the header itself never closes its quote', () => {
    const r = readCsv('"a,b\n1,2\n', 'f.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ line: 1, severity: 'error' });
  });
});

describe('readCsv: rows cut short', () => {
  it('refuses a last line cut in the middle of a row (fewer cells, no line break after it) as the file ending there', () => {
    const r = readCsv('id,actor1,actor2,notes\n1,A,B,fine\n2,A,Civilians (', 'cut.csv');
    if (!r.ok) throw new Error('expected a table');
    expect(r.table.rows.map((row) => row.cells)).toEqual([['1', 'A', 'B', 'fine']]);
    expect(r.table.problems).toEqual([
      { severity: 'error', file: 'cut.csv', line: 3, message: "the file ends in the middle of a row: it has 3 of the header's 4 cells (was the file cut short?); the row was left out" }
    ]);
  });

  it('refuses a row with fewer cells than the header anywhere in the file, naming its line', () => {
    const r = readCsv('a,b,c\n1,2,3\n4,5\n"6\nsix",7,8\n', 'short.csv');
    if (!r.ok) throw new Error('expected a table');
    expect(r.table.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(r.table.problems).toEqual([
      {
        severity: 'error',
        file: 'short.csv',
        line: 3,
        message: "this row has 2 of the header's 3 cells: a cell or a delimiter is missing, so which value belongs to which column cannot be told; the row was left out"
      }
    ]);
  });

  it('asks rows only for the columns the header names (a header ending in delimiters), and keeps rows with extra cells', () => {
    const t = table('a,b,,\n1,2\n3,4,5,6,7\n');
    expect(t.problems).toEqual([]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4', '5', '6', '7']
    ]);
  });

  it('hands a short row to no visitor, and counts only the rows it hands over', () => {
    const rows: number[] = [];
    const read = streamCsv('a,b\n1,2\n3\n4,5', 'f.csv', {}, { start: () => {}, row: (line) => void rows.push(line) });
    if (!read.ok) throw new Error('expected a table');
    expect(rows).toEqual([2, 4]);
    expect(read.rows).toBe(2);
    expect(read.problems.map((p) => p.line)).toEqual([3]);
  });

  it('says an open quote at the end of the file ends it in the middle of the row, at the line the row starts', () => {
    const r = readCsv('a,b\n1,ok\n2,"a note\nthat runs on\nand on', 'open.csv');
    if (!r.ok) throw new Error('expected a table');
    expect(r.table.rows.map((row) => row.line)).toEqual([2]);
    expect(r.table.problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'the file ends in the middle of a row: a quoted cell starting on this line is never closed (a " is missing), so this row and everything after it cannot be read']
    ]);
  });
});

describe('readCsv: header, preamble and HXL', () => {
  const isHeader = (keys: readonly string[]) => keys.includes('event_date');

  it('finds the header below junk lines and counts them as preamble', () => {
    const t = table('Exported 2020-01-01 by someone\n"note, with comma"\n\nevent_id,event_date\nA1,2017-11-03\n', { isHeader });
    expect(t.headerLine).toBe(4);
    expect(t.preambleLines).toBe(2);
    expect(t.headers).toEqual(['event_id', 'event_date']);
    expect(t.rows).toEqual([{ line: 5, cells: ['A1', '2017-11-03'] }]);
  });

  it('gives up after maxPreamble rows without a header, saying so', () => {
    const r = readCsv('x\ny\nz\nevent_date\n1\n', 'f.csv', { isHeader, maxPreamble: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toBe('no header row with the expected column names in the first 3 rows');
  });

  it('takes the HXL hashtag row under the header out of the data', () => {
    const t = table('event_id,event_date,notes\n#event+id,#date,\n1,2017-11-03,x\n', { isHeader });
    expect(t.hxl).toEqual(['#event+id', '#date', '']);
    expect(t.rows).toEqual([{ line: 3, cells: ['1', '2017-11-03', 'x'] }]);
  });

  it('keeps a first data row that only partly looks like hashtags', () => {
    const t = table('id,notes\n#1,plain text\n');
    expect(t.hxl).toBeUndefined();
    expect(t.rows).toHaveLength(1);
  });

  it('strips a byte-order mark and trims header cells; keys are normalised', () => {
    const t = table('\uFEFF Event Date ;Actor-1;admin.1\n2017;x;y\n');
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['Event Date', 'Actor-1', 'admin.1']);
    expect(t.keys).toEqual(['event_date', 'actor_1', 'admin_1']);
    expect(columnOf(t, 'nope', 'actor_1')).toBe(1);
    expect(columnOf(t, 'nope')).toBe(-1);
    expect(cellAt({ line: 2, cells: [' a '] }, 0)).toBe('a');
    expect(cellAt({ line: 2, cells: ['a'] }, 5)).toBe('');
    expect(cellAt({ line: 2, cells: ['a'] }, -1)).toBe('');
  });

  it('reads a cell of nothing but invisible characters as empty, and says so once', () => {
    const t = table('date,actor,notes\n2017-11-03,\u200b\u202e, \ufeff\u200b \n2017-11-04,\u202eabc,دير الزور\n2017-11-05,\u2066,x\n');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['2017-11-03', '', ''],
      // Visible text keeps them, for the dataset check to clean and report.
      ['2017-11-04', '\u202eabc', 'دير الزور'],
      ['2017-11-05', '', 'x']
    ]);
    expect(t.problems).toEqual([
      { severity: 'warning', file: 'test.csv', line: 2, field: 'actor', message: 'holds nothing but invisible characters (zero-width spaces, bidi controls); it was read as empty (and 2 more cells like it)' }
    ]);
  });

  it('fails on a file with no rows', () => {
    const r = readCsv('\n \n', 'empty.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ line: 1, message: 'the file has no rows' });
  });
});

describe('headerKey', () => {
  it.each([
    ['Event Date', 'event_date'],
    ['event-date', 'event_date'],
    ['\uFEFFyear', 'year'],
    ['  End  Year ', 'end_year'],
    ['Media\u200B Credit', 'media_credit'],
    ['admin.1', 'admin_1']
  ])('%j → %s', (cell, key) => {
    expect(headerKey(cell)).toBe(key);
  });
});

describe('guessDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2,5;3\n4;5,5;6\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    // Delimiters inside quotes do not count.
    ['"a,b";c;d\n"1,2";3;4\n"5,6";7;8\n', ';'],
    // A comma in free text does not beat a consistent tab.
    ['date\tnotes\n2017\tone, two, three\n2018\tfour\n', '\t'],
    // Nothing to split on: comma by default.
    ['just one column\nvalue\n', ',']
  ])('%j → %j', (text, delimiter) => {
    expect(guessDelimiter(text)).toBe(delimiter);
  });

  it('is what readCsv uses when no delimiter is given, and an explicit one wins', () => {
    expect(table('a|b\n1|2\n').rows[0]!.cells).toEqual(['1', '2']);
    expect(table('a|b\n1|2\n', { delimiter: ',' }).rows[0]!.cells).toEqual(['1|2']);
  });
});

describe('streamCsv', () => {
  const text = 'Exported 2024\n\na,b\n#x,#y\n1,2\n\n"3\nthree",4\n5,6\n';
  it('hands over the header once and then the rows readCsv keeps, with their lines', () => {
    const heads: unknown[] = [];
    const rows: { line: number; cells: string[] }[] = [];
    const isHeader = (keys: readonly string[]) => keys.includes('a');
    const read = streamCsv(text, 'f.csv', { isHeader }, { start: (h) => void heads.push(h), row: (line, cells) => void rows.push({ line, cells }) });
    const table = readCsv(text, 'f.csv', { isHeader });
    if (!read.ok || !table.ok) throw new Error('expected a table');
    expect(heads).toEqual([read.head]);
    expect({ ...read.head, rows, problems: read.problems }).toEqual(table.table);
    expect(read.rows).toBe(3);
    expect(read.stopped).toBe(false);
    expect(rows.map((r) => r.line)).toEqual([5, 7, 9]);
  });

  it('stops when the visitor says so', () => {
    const rows: number[] = [];
    const read = streamCsv(text, 'f.csv', { isHeader: (keys) => keys.includes('a') }, { start: () => true, row: (line) => (rows.push(line), rows.length < 2) });
    expect(read.ok && read.stopped).toBe(true);
    expect(rows).toEqual([5, 7]);
  });

  it('hands over a header without data rows at the end', () => {
    const heads: unknown[] = [];
    const read = streamCsv('a,b\n#x,#y\n', 'f.csv', {}, { start: (h) => void heads.push(h), row: () => true });
    expect(read.ok && read.rows).toBe(0);
    expect(heads).toHaveLength(1);
    expect((heads[0] as { hxl: string[] }).hxl).toEqual(['#x', '#y']);
  });
});
