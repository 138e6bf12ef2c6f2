// inspect on tables of a million columns: the mapping help lists a bounded number of them (and
// spreads no list into a call: that threw a RangeError), and `npm run inspect`, as a process,
// refuses the file with a clear message and exit status.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMappingHelp } from './inspect';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'src', 'cli', 'inspect.ts');
const SLOW = 60_000;

let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-inspect-wide-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const headers = (n: number) => Array.from({ length: n }, (_, i) => `column_${i}`);

describe('formatMappingHelp on a very wide table', () => {
  it('a million headers: lists the first 200, says how many more, and throws no RangeError', () => {
    const text = formatMappingHelp('wide.csv', { delimiter: ',', headers: headers(1_000_000), sample: [headers(1_000_000)], guess: { title: 3, date: 900_000 }, rowCount: 1 });
    const listed = text.split('\n').filter((l) => /^ *\d+ {2}/.test(l));
    expect(listed).toHaveLength(201);
    expect(text).toContain('  … and 999,800 more columns (1,000,000 in all), not listed: map one by its number (counting from 0, as above)');
    // The guessed column past those listed is listed after the count, under its name.
    expect(listed[200]).toMatch(/^900000 {2}column_900000 +date +column_900000$/);
    expect(text).toContain('--map title=3,date=900000');
  });

  it('a capped preview (as previewCsv makes it): the column count and guessed headers come from it', () => {
    const text = formatMappingHelp('wide.csv', { delimiter: ',', headers: headers(200), columnCount: 1500, guessedHeaders: [{ column: 1400, header: 'when' }], sample: [], guess: { date: 1400 }, rowCount: 3 });
    expect(text).toContain('… and 1,300 more columns (1,500 in all)');
    expect(text).toMatch(/^1400 {2}when +date +$/m);
  });

  it('headers of thousands of characters are cut, so the table stays readable', () => {
    const text = formatMappingHelp('long.csv', { delimiter: ',', headers: ['x'.repeat(5000), 'y'], sample: [], guess: {}, rowCount: 0 });
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThan(120);
    expect(text).toContain(`${'x'.repeat(39)}…`);
  });
});

describe('npm run inspect on a table of a million columns, as a process', () => {
  it(
    'exits 1 with the line and the column count, and no RangeError',
    async () => {
      const path = join(tmp, 'wide.csv');
      await writeFile(path, `${headers(1_000_000).join(',')}\n${headers(1_000_000).join(',')}\n`);
      const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, path], { cwd: ROOT, encoding: 'utf8', timeout: SLOW });
      expect(run.stderr).not.toMatch(/RangeError|Maximum call stack/);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${path}:1: error: this row has 1,000,000 columns; Frontline reads tables of at most 2,000 columns`);
      expect(run.stdout).toBe('');
    },
    SLOW
  );
});
