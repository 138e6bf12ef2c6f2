// readCsv / streamCsv on tables of absurd shape, generated here: a million columns, a 200 MB line,
// 200 MB of quote characters. Each is refused with the line before any row is built, quickly and
// in bounded memory (generous bounds: the issue asks for time in proportion and memory a few times
// the input at most).
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { readCsv, streamCsv, type CsvVisitor } from './csvTable';

const MB = 1024 * 1024;

/** How long `run` takes and how far the process's peak memory rose above what it used before. */
function measure<T>(run: () => T): { result: T; seconds: number; grewMB: number } {
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const result = run();
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is the peak so far (KB): above the use just before, it is what `run` took at most.
  return { result, seconds, grewMB: Math.max(0, process.resourceUsage().maxRSS * 1024 - before) / MB };
}

/** A visitor that records whether it was called at all. */
function watcher(): CsvVisitor & { calls: number } {
  const v = {
    calls: 0,
    start: () => {
      v.calls++;
    },
    row: () => {
      v.calls++;
    }
  };
  return v;
}

const row = (n: number, cell: (i: number) => string) => Array.from({ length: n }, (_, i) => cell(i)).join(',');

describe('tables of absurd shape are refused before papaparse builds a row', () => {
  it('100,000 columns in 1.8 MB: refused at line 1 with the count, the visitor never called', () => {
    const text = `${row(100_000, (i) => `column_${i}`)}\n${row(100_000, (i) => `value_${i % 97}`)}\n`;
    expect(text.length).toBeGreaterThan(1.8e6);
    const visitor = watcher();
    const { result, seconds } = measure(() => streamCsv(text, 'wide.csv', {}, visitor));
    expect(result).toEqual({
      ok: false,
      refused: true,
      problems: [{ severity: 'error', file: 'wide.csv', line: 1, message: 'this row has 100,000 columns; Frontline reads tables of at most 2,000 columns' }]
    });
    expect(visitor.calls).toBe(0);
    expect(seconds).toBeLessThan(10);
  });

  it('1,000,000 columns under a preamble line: refused at the line that has them', () => {
    const read = readCsv(`Exported 2017-11-03\n${row(1_000_000, (i) => `c${i}`)}\n`, 'wide.csv', { isHeader: (keys) => keys.length > 1 });
    expect(read).toMatchObject({ ok: false, problems: [{ line: 2, message: 'this row has 1,000,000 columns; Frontline reads tables of at most 2,000 columns' }] });
  });

  it('a row of 2,000 columns is still read', () => {
    const read = readCsv(`${row(2000, (i) => `c${i}`)}\n${row(2000, (i) => String(i))}\n`, 'wide.csv');
    expect(read.ok && read.table.headers.length).toBe(2000);
  });

  it('200 MB on a single line: refused at line 1 within 10 s and a few times the input in memory', () => {
    const text = Buffer.alloc(200 * MB, 'a').toString('latin1');
    const { result, seconds, grewMB } = measure(() => readCsv(text, 'line.csv'));
    expect(result).toMatchObject({ ok: false, problems: [{ line: 1, message: expect.stringContaining('this row is longer than 1,000,000 characters') }] });
    expect(seconds).toBeLessThan(10);
    expect(grewMB).toBeLessThan(3 * 200);
  });

  it('200 MB of nothing but quote characters: refused at line 1 (where the quoted cell begins) within 10 s and bounded memory', () => {
    const text = Buffer.alloc(200 * MB, '"').toString('latin1');
    const { result, seconds, grewMB } = measure(() => readCsv(text, 'quotes.csv'));
    expect(result).toMatchObject({ ok: false, problems: [{ line: 1, message: expect.stringContaining('is its closing " missing?') }] });
    expect(seconds).toBeLessThan(10);
    expect(grewMB).toBeLessThan(3 * 200);
  });

  it('a quote opened on line 3 of a 50 MB file and never closed: refused at line 3 at once', () => {
    const text = `a,b\n1,2\n3,"${'and on and on\n'.repeat(50 * MB / 14)}`;
    const { result, seconds } = measure(() => readCsv(text, 'open.csv'));
    expect(result).toMatchObject({ ok: false, problems: [{ line: 3, message: expect.stringContaining('a quoted cell starting on this line runs on for more than 1,000,000 characters') }] });
    expect(seconds).toBeLessThan(10);
  });
});
