// inspect --dates: a generic table whose date columns do not show their day/month order is not
// opened in an assumed order. Without --dates it exits 2 naming each such column with some of its
// dates read both ways; with --dates dmy or mdy it opens them so.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspect, parseInspectArgs } from './inspect';

const fixture = (name: string) => fileURLToPath(new URL(`../../tests/fixtures/import/${name}`, import.meta.url));
const SPAN = fixture('generic-ambiguous-span.csv');
const MAP = 'start=0,end=1,title=2,place=3';

describe('inspect --dates', () => {
  it('parses --dates dmy|mdy with --map, into the mapping', () => {
    expect(parseInspectArgs(['a.csv', '--map', 'date=0,title=1', '--dates', 'mdy'])).toEqual({ ok: true, args: { file: 'a.csv', json: false, format: 'csv', mapping: { date: 0, title: 1, dateOrder: 'mdy' } } });
    expect(parseInspectArgs(['--dates=dmy', 'a.csv', '--map=date=0'])).toEqual({ ok: true, args: { file: 'a.csv', json: false, format: 'csv', mapping: { date: 0, dateOrder: 'dmy' } } });
  });

  it.each([
    [['a.csv', '--map', 'date=0', '--dates'], /^--dates needs dmy \(day first: 03\/04\/2017 is 3 April 2017\) or mdy \(month first: March 4, 2017\)$/],
    [['a.csv', '--map', 'date=0', '--dates', 'ymd'], /^--dates needs dmy .* or mdy .*, not "ymd"$/],
    [['a.csv', '--map', 'date=0', '--dates', 'dmy', '--dates', 'mdy'], /^--dates is given twice$/],
    [['a.csv', '--dates', 'dmy'], /^--dates goes with --map/]
  ])('%j is a usage error', (argv, message) => {
    const parsed = parseInspectArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('without --dates, a mapping whose dates read both ways is refused (exit 2), naming each column and its dates both ways', async () => {
    const out = await inspect([SPAN, '--map', MAP]);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe(
      [
        `${SPAN}: every date in column 0 "start" reads both ways, so its day/month order must be given:`,
        '  03/04/2017 → 3 April 2017 (day first) or 4 March 2017 (month first)',
        '  07/08/2017 14:00 → 7 August 2017 (day first) or 8 July 2017 (month first)',
        '  01/02/2017 → 1 February 2017 (day first) or 2 January 2017 (month first)',
        `${SPAN}: every date in column 1 "end" reads both ways, so its day/month order must be given:`,
        '  05/06/2017 → 5 June 2017 (day first) or 6 May 2017 (month first)',
        '  11/12/2017 → 11 December 2017 (day first) or 12 November 2017 (month first)',
        'Run again with --dates dmy (day first) or --dates mdy (month first):',
        `  npm run inspect -- ${SPAN} --map ${MAP} --dates dmy`,
        `  npm run inspect -- ${SPAN} --map ${MAP} --dates mdy`,
        ''
      ].join('\n')
    );
  });

  it('without --map, the columns listing asks the same, and the command to run has --dates', async () => {
    const out = await inspect([SPAN]);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toContain(`${SPAN}: every date in column 0 "start" reads both ways`);
    expect(out.stdout).toContain(`  npm run inspect -- ${SPAN} --map ${MAP} --dates dmy|mdy\n`);
  });

  it('--json gives the question as data', async () => {
    const out = await inspect([SPAN, '--map', MAP, '--json']);
    expect(out.exitCode).toBe(2);
    const json = JSON.parse(out.stdout) as { needsMapping: { asked: unknown; dateColumns: { column: number; order: string }[] } };
    expect(json.needsMapping.asked).toEqual({ start: 0, end: 1, title: 2, place: 3 });
    expect(json.needsMapping.dateColumns.map((c) => [c.column, c.order])).toEqual([
      [0, 'both'],
      [1, 'both']
    ]);
  });

  it('--dates dmy and --dates mdy open the table read so', async () => {
    const dmy = await inspect([SPAN, '--map', MAP, '--dates', 'dmy']);
    expect(dmy.exitCode).toBe(0);
    expect(dmy.stdout).toMatch(/^Dates: {5}2017-02-01 to 2017-12-11$/m);
    const mdy = await inspect([SPAN, '--map', MAP, '--dates', 'mdy']);
    expect(mdy.exitCode).toBe(0);
    expect(mdy.stdout).toMatch(/^Dates: {5}2017-01-02 to 2017-11-12$/m);
  });

  it('a table whose dates show their order opens without --dates', async () => {
    const out = await inspect([fixture('generic-dmy.csv'), '--map', 'date=0,title=1']);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^Dates: {5}2017-06-05 to 2017-11-03$/m);
  });
});
