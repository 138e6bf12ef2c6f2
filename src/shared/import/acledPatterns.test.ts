// What real ACLED files hold, in invented rows: days coded for a report or a range of days (time
// precision 2 and 3), the same actor on both sides, country names the runtime spells otherwise, and
// a file cut short. Each is read as ACLED means it, or refused at its line.
import { describe, expect, it } from 'vitest';
import { importFixture as fixture, expectImported as imported } from '../../../tests/support/importFixtures';
import { DAY_MS, isoDay, parseDateValue, type DatePrecision } from '../dataset/dates';
import { columnsFromDataset } from '../dataset/datasetColumns';
import { describeDatePoint } from '../dataset/describe';
import type { Dataset } from '../dataset/schema';
import { validateDataset } from '../dataset/validateDataset';
import { FilterEngine } from '../filter/eventFilter';
import { assignLanes } from '../timeline/laneAssignment';
import { importText } from './importText';
import type { ImportResult } from './types';

function acled(name: string): ImportResult {
  return imported(importText(fixture(name), name));
}

const byId = (r: ImportResult, id: string) => {
  const e = r.dataset.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
};

/** The first and last possible day of a date point. */
const daysOf = (point: { value: string; precision: DatePrecision; margin?: number }) => {
  const w = parseDateValue(point.value, point.precision, point.margin);
  if (!w.ok) throw new Error(w.reason);
  return [isoDay(w.window.start), isoDay(w.window.end - DAY_MS)];
};

/** The columns the timeline is drawn from (the dataset's date range, its lanes and filters). */
function loadedColumns(r: ImportResult) {
  const check = validateDataset(structuredClone(r.dataset), 'imported');
  if (!check.ok) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
  return columnsFromDataset(check.dataset as Dataset);
}
const loaded = (r: ImportResult) => loadedColumns(r).header;

const problems = (r: { problems: readonly { severity: string; line?: number; field?: string; message: string }[] }) =>
  r.problems.map((p) => `${p.severity} line ${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}`);

describe('ACLED time precision 2: a day coded for a report or the middle of about a week', () => {
  const r = acled('acled-week-reports.csv');

  it('is the coded day give or take three days, never the ISO week it falls in', () => {
    expect(r.problems).toEqual([]);
    // A Monday report: the days around it, not the week that starts on it (2–8 March).
    expect(byId(r, 'SYR95002').start).toEqual({ value: '2020-03-02', precision: 'approximate', margin: 3, asWritten: '02 March 2020' });
    expect(daysOf(byId(r, 'SYR95002').start)).toEqual(['2020-02-28', '2020-03-05']);
    // A Sunday report: the days around it, not the week before (24 February–1 March).
    expect(daysOf(byId(r, 'SYR95001').start)).toEqual(['2020-02-27', '2020-03-04']);
    expect(daysOf(byId(r, 'SYR95003').start)).toEqual(['2020-03-02', '2020-03-08']);
    expect(describeDatePoint(byId(r, 'SYR95002').start)).toBe('around 2 March 2020 (give or take 3 days: 28 February–5 March 2020)');
  });

  it('says what ACLED coded, in words that claim no calendar week', () => {
    expect(byId(r, 'SYR95002').dateNote).toBe('ACLED time precision 2: the sources date it only to about a week; within a few days of 2 March 2020, the day ACLED coded');
    for (const e of r.dataset.events) expect(e.dateNote ?? '').not.toMatch(/\bweek of|ISO|mid-?point/i);
  });

  it("gives the file the range of its coded days: rows of 1–21 March start on 1 March, not 24 February, and end on 21 March", () => {
    const range = loaded(r).fullRange!;
    expect([isoDay(range.start), isoDay(range.end - DAY_MS)]).toEqual(['2020-03-01', '2020-03-21']);
  });
});

describe('ACLED time precision 3: a day coded anywhere from the 28th of the month before to the 8th', () => {
  const r = acled('acled-month-coded.csv');

  it('is the coded day give or take about half a month, never the calendar month it falls in', () => {
    expect(r.problems).toEqual([]);
    const [end, start, around] = ['SYR96001', 'SYR96002', 'SYR96003'].map((id) => byId(r, id).start);
    // "(beginning of month)" coded on 28 April: not April, and May stays within reach.
    expect(end).toEqual({ value: '2020-04-28', precision: 'approximate', margin: 15, asWritten: '28 April 2020' });
    expect(daysOf(end!)).toEqual(['2020-04-13', '2020-05-13']);
    expect(daysOf(start!)).toEqual(['2020-04-16', '2020-05-16']);
    // "Around 8 May (from 24 April–8 May)": the range the notes give lies in the window.
    const [first, last] = daysOf(around!);
    expect(first! <= '2020-04-24' && last! >= '2020-05-08').toBe(true);
  });

  it('never claims the coded day is a mid-point', () => {
    expect(byId(r, 'SYR96003').dateNote).toBe('ACLED time precision 3: the sources date it only to about a month; within about a month of 8 May 2020, the day ACLED coded');
    for (const e of r.dataset.events) expect(e.dateNote).not.toMatch(/mid-?point|middle/i);
  });

  it('does not stretch the file\'s range to whole months (or to the margins)', () => {
    const range = loaded(r).fullRange!;
    expect([isoDay(range.start), isoDay(range.end - DAY_MS)]).toEqual(['2020-04-28', '2020-05-08']);
  });
});

describe('ACLED: the same actor on both sides', () => {
  const r = acled('acled-same-actor.csv');
  const sides = (id: string) =>
    byId(r, id).actors!.map((a) => `${r.dataset.actors!.find((x) => x.id === a.actor)!.name} ${a.role}`);

  it('keeps two sides two: two unidentified armed groups in a clash are two participants', () => {
    expect(r.problems).toEqual([]);
    expect(sides('SYR99001')).toEqual(['Unidentified Armed Group (Syria) participant', 'Unidentified Armed Group (Syria) participant']);
    expect(r.dataset.actors!.filter((a) => a.name === 'Unidentified Armed Group (Syria)')).toHaveLength(1);
  });

  it('names an actor once on its own side, and on the other side with that side\'s role', () => {
    // Actor 1 listed again among its associates.
    expect(sides('SYR99002')).toEqual(['Military Forces of Syria (2000-) participant', 'Military Forces of Russia (2015-) participant', 'Islamic State (Iraq and Syria) participant']);
    expect(sides('SYR99003')).toEqual(['Unidentified Armed Group (Syria) attacker', 'Civilians (Syria) target', 'Unidentified Armed Group (Syria) target']);
  });
});

describe('ACLED: country names as the file writes them', () => {
  const r = acled('acled-country-names.csv');

  it('labels the theatres with the names the file writes, grouped by ISO code', () => {
    expect(r.problems).toEqual([]);
    expect(r.dataset.metadata.theatres).toEqual([
      { country: 'CD', label: 'Democratic Republic of Congo' },
      { country: 'PS', label: 'Palestine' },
      { country: 'TR', label: 'Turkey' }
    ]);
    const place = (id: string) => r.dataset.places!.find((p) => p.id === byId(r, id).places![0])!;
    expect([place('DRC10001').countries, place('TUR10001').countries, place('PSE10001').countries]).toEqual([['CD'], ['TR'], ['PS']]);
  });

  it('draws the lanes with those names, never the runtime\'s ("Congo - Kinshasa", "Türkiye", "Palestinian Territories")', () => {
    const lanes = loaded(r).theatreLanes.map((l) => l.label);
    expect(lanes).toEqual(['Democratic Republic of Congo', 'Palestine', 'Turkey']);
  });

  it('names the countries of the region lanes and of the country filter so too', () => {
    const { header, columns } = loadedColumns(r);
    expect(assignLanes('admin1', header, columns).lanes.map((l) => l.label)).toEqual([
      'North Kivu (Democratic Republic of Congo)',
      'Ituri (Democratic Republic of Congo)',
      'Sanliurfa (Turkey)',
      'Gaza Strip (Palestine)'
    ]);
    expect(new FilterEngine(columns, header).facets.country.values.map((v) => v.label)).toEqual(['Democratic Republic of Congo', 'Palestine', 'Turkey']);
  });
});

describe('ACLED: a file cut short or with rows missing cells', () => {
  it('refuses a last line cut after "Civilians (" as the end of the file in the middle of a row, never an event', () => {
    const r = acled('acled-truncated.csv');
    expect(problems(r)).toEqual(["error line 4: the file ends in the middle of a row: it has 11 of the header's 31 cells (was the file cut short?); the row was left out"]);
    expect(r.rows).toEqual({ total: 3, imported: 2, skipped: 1 });
    expect(r.dataset.events.map((e) => e.id)).toEqual(['SYR98001', 'SYR98002']);
    expect(r.dataset.actors!.map((a) => a.name)).not.toContain('Civilians (');
  });

  it('refuses a row with fewer cells than the header at its line, and imports the rows around it', () => {
    const r = acled('acled-short-row.csv');
    expect(problems(r)).toEqual([
      "error line 3: this row has 26 of the header's 31 cells: a cell or a delimiter is missing, so which value belongs to which column cannot be told; the row was left out"
    ]);
    expect(r.rows).toEqual({ total: 3, imported: 2, skipped: 1 });
    expect(r.dataset.events.map((e) => e.id)).toEqual(['SYR98001', 'SYR98002']);
  });

  it('refuses a quote left open at the end of the file at the line its row starts', () => {
    const r = acled('acled-unclosed-quote.csv');
    expect(problems(r)).toEqual([
      'error line 4: the file ends in the middle of a row: a quoted cell starting on this line is never closed (a " is missing), so this row and everything after it cannot be read'
    ]);
    expect(r.rows).toEqual({ total: 3, imported: 2, skipped: 1 });
  });
});
