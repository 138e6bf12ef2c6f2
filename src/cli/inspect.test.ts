// inspect(args): summary of a valid dataset, problems as file:line:column lines, quote checks, and usage errors.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMappingHelp, inspect, parseInspectArgs, parseMapping } from './inspect';
import { BUNDLED_EVENT_COUNT } from '../../tests/support/bundledDataset';

const BUNDLED = fileURLToPath(new URL('../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));

let tmp: string;
let bundledText: string;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-inspect-'));
  bundledText = await readFile(BUNDLED, 'utf8');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A one-event dataset citing a source whose local copy is `copy` (written beside it unless null). */
async function writeQuoteDataset(name: string, quote: string, copy: string | null): Promise<string> {
  const dir = join(tmp, name);
  await mkdir(join(dir, 'sources'), { recursive: true });
  const dataset = {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Quote check' },
    sources: [{ id: 'wire', publisher: 'Wire', title: 'Report', localCopy: 'sources/wire.txt' }],
    events: [
      { id: 'taken', type: 'capture', title: 'Town taken', start: { value: '2017-11-03', precision: 'day' }, citations: [{ source: 'wire', quote: 'The town was taken on Friday.' }] },
      { id: 'fled', type: 'displacement', title: 'People fled', start: { value: '2017-11-03', precision: 'day' }, citations: [{ source: 'wire', quote }] }
    ]
  };
  if (copy !== null) await writeFile(join(dir, 'sources', 'wire.txt'), copy);
  const path = join(dir, 'data.frontline');
  await writeFile(path, JSON.stringify(dataset, null, 2));
  return path;
}

describe('inspect on the bundled dataset', () => {
  it('exits 0 with a summary', async () => {
    const out = await inspect([BUNDLED]);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain(`${BUNDLED}: valid Frontline dataset`);
    expect(out.stdout).toContain('Title:     IS loses Deir al-Zour and al-Qaim');
    expect(out.stdout).toMatch(new RegExp(`^Events: {4}${BUNDLED_EVENT_COUNT} \\(2 spans\\)$`, 'm'));
    expect(out.stdout).toMatch(/^Sources: {3}7$/m);
    expect(out.stdout).toMatch(/^Figures: {3}5$/m);
  });

  it('lists every figure in its timeline wording with its event', async () => {
    const out = await inspect([BUNDLED]);
    for (const [text, eventId] of [
      ['some 350,000 displaced', 'deir-al-zour-displacement'],
      ['just a few kilometres apart', 'sdf-syrian-army-positions'],
      ['about 1,500 IS fighters left', 'coalition-fighters-left'],
      ['about 95% of its Iraqi land lost', 'coalition-iraq-territory'],
      ['more than 4.4 million Iraqis freed', 'coalition-iraq-territory']
    ] as const) {
      expect(out.stdout).toMatch(new RegExp(`^ {2}${escapeRegExp(text)} +${eventId}$`, 'm'));
    }
  });

  it('gives the date range, and the range without historical context', async () => {
    const out = await inspect([BUNDLED]);
    expect(out.stdout).toMatch(/^Dates: {5}1916-01-01 to 2017-11-03$/m);
    expect(out.stdout).toMatch(/^ +2014-01-01 to 2017-11-03 without historical context$/m);
  });

  it('says every quote was checked against the local copy of the article', async () => {
    const out = await inspect([BUNDLED]);
    expect(out.stdout).toMatch(/^Quotes: {4}every quote checked word for word against bbc-2017-11-03$/m);
  });

  it('--json prints a parseable report', async () => {
    const out = await inspect([BUNDLED, '--json']);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    const report = JSON.parse(out.stdout) as { valid: boolean; summary: { events: number; title: string; figures: unknown[] }; problems: unknown[]; quotesVerified: string[] };
    expect(report.valid).toBe(true);
    expect(report.summary.events).toBe(BUNDLED_EVENT_COUNT);
    expect(report.summary.title).toBe('IS loses Deir al-Zour and al-Qaim');
    expect(report.summary.figures).toHaveLength(5);
    expect(report.problems).toEqual([]);
    expect(report.quotesVerified).toEqual(['bbc-2017-11-03']);
  });

  it('accepts --json before the file', async () => {
    expect(JSON.parse((await inspect(['--json', BUNDLED])).stdout)).toMatchObject({ valid: true });
  });
});

describe('inspect on invalid files', () => {
  it('exits 1 and prints file:line:column: error: field: message', async () => {
    const text = bundledText.replace('"value": "2017-07"', '"value": "2017-02-30"').replace('"value": "2017-10",', '"value": "2017-13",');
    const path = join(tmp, 'bad-dates.frontline');
    await writeFile(path, text);
    const out = await inspect([path]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const pattern = new RegExp(`^${escapeRegExp(path)}:(\\d+):(\\d+): error: (events\\[\\d+\\] \\(id "[^"]+"\\)\\.start\\.value): (.+)$`);
    const first = pattern.exec(lines[0]!);
    const second = pattern.exec(lines[1]!);
    expect(first?.[3]).toBe('events[2] (id "mosul-taken").start.value');
    expect(first?.[4]).toMatch(/"2017-02-30" is not a month written as YYYY-MM/);
    expect(second?.[3]).toBe('events[3] (id "raqqa-taken").start.value');
    expect(second?.[4]).toMatch(/has no month 13/);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(Number(first?.[1])).toBe(lineOf('"2017-02-30"'));
    expect(Number(second?.[1])).toBe(lineOf('"2017-13"'));
    expect(lines[2]).toBe(`${path}: invalid (2 problems)`);
  });

  it('names a syntax error by line and column', async () => {
    const path = join(tmp, 'syntax.frontline');
    await writeFile(path, '{\n  "format": "frontline-dataset",\n}\n');
    const out = await inspect([path]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(new RegExp(`^${escapeRegExp(path)}:3:1: error: the file is not valid JSON`));
    expect(out.stderr).toContain('invalid (1 problem)\n');
  });

  it('--json reports the problems as data', async () => {
    const missing = join(tmp, 'missing.frontline');
    const out = await inspect([missing, '--json']);
    expect(out.exitCode).toBe(1);
    const report = JSON.parse(out.stdout) as { valid: boolean; problems: { file: string; message: string }[] };
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([{ severity: 'error', file: missing, message: 'cannot be read: no such file' }]);
  });

  it('exits 1 naming the citation whose quote is not in the local copy', async () => {
    const path = await writeQuoteDataset('mismatch', 'Thousands fled the city.', 'The town was taken on Friday. Hundreds fled the town.');
    const out = await inspect([path]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(
      `${path}: error: events[1] (id "fled").citations[0].quote: the quote is not found word for word in the text of source "wire"`
    );
    expect(out.stderr).not.toContain('events[0]');
    expect(out.stderr).toContain(`${path}: invalid (1 problem)`);
  });

  it('passes when every quote is in the local copy', async () => {
    const path = await writeQuoteDataset('match', 'Hundreds fled the town.', 'The town was taken on Friday. Hundreds fled the town.');
    const out = await inspect([path]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('every quote checked word for word against wire');
  });

  it('--json marks a quote mismatch invalid', async () => {
    const path = await writeQuoteDataset('mismatch-json', 'Thousands fled the city.', 'The town was taken on Friday.');
    const out = await inspect([path, '--json']);
    expect(out.exitCode).toBe(1);
    const report = JSON.parse(out.stdout) as { valid: boolean; problems: { field: string }[] };
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.field)).toEqual(['events[1] (id "fled").citations[0].quote']);
  });

  it('exits 1 when a local copy cannot be read', async () => {
    const path = await writeQuoteDataset('no-copy', 'Hundreds fled the town.', null);
    const out = await inspect([path]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(/error: sources\[0\]\.localCopy: .*wire\.txt cannot be read: no such file/);
  });
});

describe('inspect on hostile local copies', () => {
  const posix = process.platform !== 'win32';

  it.runIf(posix)('a local copy that is a link to /etc/passwd is refused, never reported as verified', async () => {
    const path = await writeQuoteDataset('passwd-link', 'root:x:0:0', null);
    await symlink('/etc/passwd', join(tmp, 'passwd-link', 'sources', 'wire.txt'));
    const out = await inspect([path]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).not.toMatch(/Quotes: .*checked/);
    expect(out.stderr).toMatch(/error: sources\[0\]\.localCopy: .*wire\.txt is a link to a file outside the dataset's folder/);
  });

  it.runIf(posix)('a FIFO as a local copy is refused at once; a link to /dev/zero is never read', async () => {
    const fifo = await writeQuoteDataset('fifo', 'x', null);
    execFileSync('mkfifo', [join(tmp, 'fifo', 'sources', 'wire.txt')]);
    const started = Date.now();
    const out = await inspect([fifo]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(/wire\.txt is not a regular file/);
    expect(Date.now() - started).toBeLessThan(10_000);
    const zero = await writeQuoteDataset('zero', 'x', null);
    await symlink('/dev/zero', join(tmp, 'zero', 'sources', 'wire.txt'));
    const out2 = await inspect([zero]);
    expect(out2.exitCode).toBe(1);
    expect(out2.stderr).toMatch(/wire\.txt is a link to a file outside the dataset's folder/);
  });
});

describe('inspect prints what the file holds, never what a terminal would act on', () => {
  it('ESC, BEL and C1 controls in a CSV header and in a problem quoting a cell are printed escaped, as text and as JSON', async () => {
    const csv = join(tmp, 'escapes.csv');
    await writeFile(csv, 'date,\u001b]0;owned\u0007title\u001b[2J,\u009bnote\n2017-11-03,Town taken,x\n');
    const out = await inspect([csv]);
    expect(out.exitCode).toBe(2);
    // eslint-disable-next-line no-control-regex -- asserting that no raw control character is printed
    expect(out.stdout + out.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out.stdout).toContain('\\x1b]0;owned\\x07title\\x1b[2J');
    // A problem quoting the file's text: a date cell of escapes, in the JSON report too.
    const dates = join(tmp, 'escape-dates.csv');
    await writeFile(dates, 'date,title\n\u001b[2J\u009b1,Town taken\n2017-11-03,Town held\n');
    const problems = await inspect([dates, '--map', 'date=0,title=1']);
    expect(problems.stderr).toContain('\\x1b[2J\\x9b1');
    // eslint-disable-next-line no-control-regex -- as above
    expect(problems.stdout + problems.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const json = await inspect([dates, '--map', 'date=0,title=1', '--json']);
    // eslint-disable-next-line no-control-regex -- as above
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const report = JSON.parse(json.stdout) as { problems: { message: string }[] };
    expect(report.problems.some((p) => p.message.includes('\u001b[2J\u009b1'))).toBe(true);
  });
});

describe('inspect on large files', () => {
  it('a file with 300,000 figures prints a summary (the first 50 listed) instead of ending in a RangeError', { timeout: 120_000 }, async () => {
    const events = Array.from({ length: 300_000 }, (_, i) => ({
      id: `e${i}`,
      type: 'attack',
      title: `Attack ${i}`,
      start: { value: `2017-${String((i % 12) + 1).padStart(2, '0')}-01`, precision: 'day' },
      figures: [{ value: (i % 90) + 1, unit: 'people', counts: 'killed', bound: 'exact', asWritten: `${(i % 90) + 1} killed` }],
      citations: [{ source: 's' }]
    }));
    const path = join(tmp, 'many-figures.frontline');
    await writeFile(path, JSON.stringify({ format: 'frontline-dataset', version: 1, metadata: { title: 'Many' }, sources: [{ id: 's', publisher: 'P', title: 'T' }], places: [], actors: [], events }));
    const out = await inspect([path]);
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^Figures: {3}300000$/m);
    expect(out.stdout).toMatch(/^ {2}…and 299,950 more \(--json lists them all\)$/m);
    expect(out.stdout.split('\n').length).toBeLessThan(100);
  });
});

describe('inspect usage errors', () => {
  it('exits 2 with usage when no file is given', async () => {
    const out = await inspect([]);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^Usage: npm run inspect -- <file> \[--json\] \[--format <format>\] \[--map <field>=<column>,...\]/);
  });

  it('exits 2 with usage for two files', async () => {
    const out = await inspect([BUNDLED, BUNDLED]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('Usage:');
  });

  it('exits 2 naming an unknown option', async () => {
    const out = await inspect([BUNDLED, '--verbose']);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/^Unknown option --verbose\n\nUsage:/);
  });

  it('exits 2 with usage for --help', async () => {
    const out = await inspect(['--help']);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('Exit status: 0 valid, 1 invalid or rows left out, 2 usage error or a table to map.');
  });
});

describe('parseInspectArgs', () => {
  it('takes one file, --json, --format and --map, in any order, with or without "="', () => {
    expect(parseInspectArgs(['a.csv'])).toEqual({ ok: true, args: { file: 'a.csv', json: false } });
    expect(parseInspectArgs(['--json', 'a.csv', '--format', 'acled'])).toEqual({ ok: true, args: { file: 'a.csv', json: true, format: 'acled' } });
    expect(parseInspectArgs(['a.csv', '--format=ucdp'])).toEqual({ ok: true, args: { file: 'a.csv', json: false, format: 'ucdp' } });
    expect(parseInspectArgs(['a.csv', '--map', 'date=0,title=2'])).toEqual({ ok: true, args: { file: 'a.csv', json: false, format: 'csv', mapping: { date: 0, title: 2 } } });
    expect(parseInspectArgs(['--map=date=0, title = 2', '--format', 'csv', 'a.csv'])).toEqual({ ok: true, args: { file: 'a.csv', json: false, format: 'csv', mapping: { date: 0, title: 2 } } });
    for (const format of ['native', 'acled', 'ucdp', 'timelinejs-json', 'timelinejs-csv', 'csv']) {
      expect(parseInspectArgs(['x', '--format', format])).toMatchObject({ ok: true, args: { format } });
    }
  });

  it.each([
    [['a.csv', '--format'], /^--format needs a format: native, acled/],
    [['a.csv', '--format', 'xlsx'], /^Unknown format "xlsx": use one of native, acled, ucdp, timelinejs-json, timelinejs-csv, csv$/],
    [['a.csv', '--format', 'csv', '--format', 'acled'], /^--format is given twice$/],
    [['a.csv', '--map'], /^--map needs a mapping/],
    [['a.csv', '--map', 'date'], /^--map: "date" is not field=column/],
    [['a.csv', '--map', 'when=0'], /^--map: unknown field "when" \(fields: date, start, end, title/],
    [['a.csv', '--map', 'date=0,date=1'], /^--map: "date" is given twice$/],
    [['a.csv', '--map', 'date=-1'], /is not field=column/],
    [['a.csv', '--map', 'date=0', '--map', 'title=1'], /^--map is given twice$/],
    [['a.csv', '--map', 'date=0', '--format', 'acled'], /^--map is for a generic table \(--format csv\), not acled$/],
    [['a.csv', '--json=yes'], /^--json takes no value$/],
    [['a.csv', 'b.csv'], /^One file at a time \(got 2\)$/],
    [['a.csv', '--verbose'], /^Unknown option --verbose$/]
  ])('%j is a usage error', (argv, message) => {
    const parsed = parseInspectArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('parseMapping reads field=column pairs', () => {
    expect(parseMapping('date=0,title=2,lat=7,lon=8')).toEqual({ ok: true, mapping: { date: 0, title: 2, lat: 7, lon: 8 } });
    expect(parseMapping('DATE=1')).toEqual({ ok: true, mapping: { date: 1 } });
    expect(parseMapping('')).toEqual({ ok: false, message: '--map needs at least one field=column' });
  });
});

describe('inspect on other formats', () => {
  it('a generic table without --map: exit 2 with its columns, the guessed mapping and a hint', async () => {
    const path = join(tmp, 'table.csv');
    await writeFile(path, 'when,what,where\n2017-11-03,Town taken,Deir al-Zour\n');
    const out = await inspect([path]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain(`${path}: a table of 1 rows (","-separated) whose columns must be matched to what they hold.`);
    expect(out.stdout).toMatch(/^ +0 {2}when +\S+ +2017-11-03$/m);
    expect(out.stdout).toMatch(/^ +2 {2}where +\S+ +Deir al-Zour$/m);
    expect(out.stdout).toMatch(/--map /);
  });

  it('--json for a table to map gives the preview as data', async () => {
    const path = join(tmp, 'table2.csv');
    await writeFile(path, 'a;b\n1;2\n');
    const out = await inspect([path, '--json']);
    expect(out.exitCode).toBe(2);
    expect(JSON.parse(out.stdout)).toMatchObject({ valid: false, needsMapping: { delimiter: ';', headers: ['a', 'b'], rowCount: 1 } });
  });

  it('--format native reads a file of any name as a Frontline dataset', async () => {
    const path = join(tmp, 'renamed.txt');
    const json = JSON.parse(bundledText) as { sources: { localCopy?: string }[] };
    for (const source of json.sources) delete source.localCopy;
    await writeFile(path, JSON.stringify(json));
    const out = await inspect([path, '--format', 'native']);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^Events: {4}${BUNDLED_EVENT_COUNT} \\(2 spans\\)$`, 'm'));
  });

  it('a folder or a missing file is exit 1 with the problem', async () => {
    const out = await inspect([tmp]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toBe(`${tmp}: error: is a folder, not a file\n${tmp}: invalid (1 problem)\n`);
  });

  it('formatMappingHelp without any guess still says how to map', () => {
    const text = formatMappingHelp('t.tsv', { delimiter: '\t', headers: ['x', 'y'], sample: [['1', '2']], guess: {}, rowCount: 1 });
    expect(text).toContain('(tab-separated)');
    expect(text).toContain('No column could be guessed from the header. Run again with --map, e.g.\n  npm run inspect -- t.tsv --map date=0,title=1');
    const guessed = formatMappingHelp('my file.csv', { delimiter: ',', headers: ['d', 't'], sample: [], guess: { date: 0, title: 1 }, rowCount: 0 });
    expect(guessed).toContain("Guessed mapping: date=0,title=1\nRun again with the mapping to open it, corrected where needed:\n  npm run inspect -- 'my file.csv' --map date=0,title=1");
  });
});
