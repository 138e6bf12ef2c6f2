// Opening tables of absurd shape, generated here, the whole way (read, decode, detect, import):
// each is refused with a message naming the line, in seconds and a few times the file's size in
// memory. (200 MB of quote characters took a minute and 4 GB before the limits.)
import { Buffer } from 'node:buffer';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_HEADER } from '../../../tests/support/syntheticAcled';
import { openDatasetFile, type ReadOutcome } from './openDatasetFile';

const MB = 1024 * 1024;
const SLOW = 60_000;

let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-shapes-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Write the file, open it, and say how long that took and how far peak memory rose (MB). */
async function openMeasured(name: string, bytes: Uint8Array): Promise<{ opened: ReadOutcome; seconds: number; grewMB: number }> {
  const path = join(tmp, name);
  await writeFile(path, bytes);
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const opened = await openDatasetFile(path, name);
  const seconds = (performance.now() - started) / 1000;
  await rm(path);
  return { opened, seconds, grewMB: Math.max(0, process.resourceUsage().maxRSS * 1024 - before) / MB };
}

function problemsOf(opened: ReadOutcome) {
  if (opened.kind !== 'failed') throw new Error(`expected the file to be refused, got ${JSON.stringify(opened).slice(0, 300)}`);
  return opened.error.problems ?? [];
}

const row = (n: number, cell: (i: number) => string) => Array.from({ length: n }, (_, i) => cell(i)).join(',');

describe('opening tables of absurd shape', () => {
  it('100,000 columns in 1.8 MB: refused at line 1, not a mapping dialog of 100,000 columns', async () => {
    const text = `${row(100_000, (i) => `column_${i}`)}\n${row(100_000, (i) => `value_${i % 97}`)}\n`;
    const { opened, seconds } = await openMeasured('wide.csv', Buffer.from(text));
    expect(problemsOf(opened)).toEqual([{ severity: 'error', file: 'wide.csv', line: 1, message: 'this row has 100,000 columns; Frontline reads tables of at most 2,000 columns' }]);
    expect(seconds).toBeLessThan(10);
  });

  it('1,000,000 columns: refused at line 1', async () => {
    const { opened } = await openMeasured('wider.csv', Buffer.from(`${row(1_000_000, (i) => `c${i}`)}\n`));
    expect(problemsOf(opened)).toEqual([expect.objectContaining({ line: 1, message: 'this row has 1,000,000 columns; Frontline reads tables of at most 2,000 columns' })]);
  });

  it(
    '200 MB on a single line: refused at line 1 within 10 s, memory growing by at most four times the file',
    async () => {
      const { opened, seconds, grewMB } = await openMeasured('line.csv', Buffer.alloc(200 * MB, 'a'));
      expect(problemsOf(opened)).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('this row is longer than 1,000,000 characters') })]);
      expect(seconds).toBeLessThan(10);
      expect(grewMB).toBeLessThan(4 * 200);
    },
    SLOW
  );

  it(
    '200 MB of nothing but quote characters: refused at line 1 within 10 s, memory growing by at most four times the file',
    async () => {
      const { opened, seconds, grewMB } = await openMeasured('quotes.csv', Buffer.alloc(200 * MB, '"'));
      expect(problemsOf(opened)).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('a quoted cell starting on this line runs on for more than 1,000,000 characters') })]);
      expect(seconds).toBeLessThan(10);
      expect(grewMB).toBeLessThan(4 * 200);
    },
    SLOW
  );

  it(
    'an ACLED export whose third line opens a quote that swallows 100 MB: refused at line 3 (the streaming importer reads through the same limits)',
    async () => {
      const text = `${ACLED_HEADER}\nSYR1,2017-11-03\nSYR2,"2017-11-04${' and on'.repeat((100 * MB) / 7)}`;
      const { opened, seconds } = await openMeasured('acled.csv', Buffer.from(text));
      expect(problemsOf(opened)).toEqual([expect.objectContaining({ file: 'acled.csv', line: 3, message: expect.stringContaining('(is its closing " missing?)') })]);
      expect(seconds).toBeLessThan(10);
    },
    SLOW
  );
});
