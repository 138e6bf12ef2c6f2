// UCDP GED files in any column order and case: the date window with its precision, deaths with
// low and high, the two sides, places under their admin regions, the articles cited; broken rows
// skipped with their line and column. The fixtures are invented rows.
import { describe, expect, it } from 'vitest';
import { eventView } from '../dataset/columns';
import { columnsFromDataset } from '../dataset/datasetColumns';
import { figureText } from '../dataset/formatFigure';
import { placeRegions } from '../dataset/regions';
import { validateDataset } from '../dataset/validateDataset';
import type { Figure, Place } from '../dataset/schema';
import { isAcledHeader } from './acled';
import { headerKey } from './csvTable';
import { detectFormat, importText } from './importText';
import type { ImportResult } from './types';
import { isUcdpHeader } from './ucdp';
import { importFixture as fixture, expectImported as imported } from '../../../tests/support/importFixtures';

function ucdp(name: string): ImportResult {
  const text = fixture(name);
  expect(detectFormat(text.slice(0, 64 * 1024), name)).toBe('ucdp');
  return imported(importText(text, name));
}

const byId = (r: ImportResult, id: string) => {
  const e = r.dataset.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id} among ${r.dataset.events.map((x) => x.id).join(', ')}`);
  return e;
};
const placeOf = (r: ImportResult, id: string): Place => r.dataset.places?.find((p) => p.id === byId(r, id).places?.[0]) as Place;
const actorsOf = (r: ImportResult, id: string) =>
  (byId(r, id).actors ?? []).map((a) => {
    const actor = r.dataset.actors?.find((x) => x.id === a.actor);
    return `${actor?.name} [${actor?.kind}] ${a.role}`;
  });
const citationsOf = (r: ImportResult, id: string) =>
  byId(r, id).citations.map((c) => {
    const s = r.dataset.sources.find((x) => x.id === c.source)!;
    return c.note ? `${s.publisher}: ${c.note}` : s.publisher;
  });
const problems = (r: ImportResult) => r.problems.map((p) => `${p.severity} line ${p.line} ${p.field}: ${p.message}`);

describe('isUcdpHeader', () => {
  const keys = (line: string) => line.split(',').map(headerKey);
  it('knows GED headers in any order and case, and nothing else', () => {
    expect(isUcdpHeader(keys(fixture('ucdp-ged.csv').split('\n')[0]!))).toBe(true);
    expect(isUcdpHeader(keys(fixture('ucdp-syria-shuffled.csv').split('\n')[0]!))).toBe(true);
    expect(isUcdpHeader(keys(fixture('acled-current.csv').split('\n')[0]!))).toBe(false);
    expect(isUcdpHeader(keys('start,end,side_a,title'))).toBe(false);
    expect(isAcledHeader(keys(fixture('ucdp-ged.csv').split('\n')[0]!))).toBe(false);
  });
});

describe('UCDP GED', () => {
  const r = ucdp('ucdp-ged.csv');

  it('imports every row, with nothing to report', () => {
    expect(r.format).toBe('ucdp');
    expect(r.rows).toEqual({ total: 5, imported: 5, skipped: 0 });
    expect(r.problems).toEqual([]);
    expect(r.dataset.events.map((e) => `${e.id} ${e.type}`)).toEqual(['900001 clash', '900002 civilians', '900003 clash', '900004 clash', '900005 clash']);
    expect(r.dataset.metadata.theatres?.map((t) => t.country)).toEqual(['SY', 'IQ']);
    expect(r.dataset.metadata.license).toMatch(/CC BY 4\.0/);
  });

  it('keeps an exact day as the day, dropping a midnight time silently', () => {
    const e = byId(r, '900001');
    expect(e.start).toEqual({ value: '2017-11-03', precision: 'day', asWritten: '2017-11-03 00:00:00.000' });
    expect(e.end).toBeUndefined();
    expect(e.dateNote).toBeUndefined();
    expect(e.title).toBe('State-based fighting: Government of Syria vs IS, Deir ez-Zor town');
  });

  it('turns the date window into the precision that says it: a window of possible dates, never an end', () => {
    // date_prec 2, 5–8 November: sometime in that window, not an event lasting four days.
    const window = byId(r, '900002');
    expect(window.start).toEqual({ value: '2017-11-05/2017-11-08', precision: 'between', asWritten: '2017-11-05 to 2017-11-08' });
    expect(window.end).toBeUndefined();
    expect(window.dateNote).toBe('UCDP date precision 2: sometime in this window of 2 to 6 days (sometime between 5 and 8 November 2017)');
    // date_prec 4, the whole of October: the month.
    const month = byId(r, '900003');
    expect(month.start).toEqual({ value: '2017-10', precision: 'month', asWritten: '2017-10-01 to 2017-10-31' });
    expect(month.end).toBeUndefined();
    // date_prec 3, Monday 16 to Sunday 22 October: the ISO week.
    expect(byId(r, '900004').start).toEqual({ value: '2017-W42', precision: 'week', asWritten: '2017-10-16 to 2017-10-22' });
    // date_prec 4, 10–25 November: the window.
    expect(byId(r, '900005').start.value).toBe('2017-11-10/2017-11-25');
    expect(byId(r, '900005').end).toBeUndefined();
  });

  it('keeps deaths: the best estimate with low and high, then by party', () => {
    expect(byId(r, '900001').figures).toEqual([
      { value: 14, low: 12, high: 20, unit: 'fatalities', counts: 'deaths, UCDP best estimate', label: 'killed', bound: 'approximate', asWritten: 'best 14 (low 12, high 20)' },
      { value: 4, unit: 'deaths on side A', counts: 'deaths on side A (Government of Syria)', label: 'killed on side A', bound: 'exact', asWritten: '4' },
      { value: 8, unit: 'deaths on side B', counts: 'deaths on side B (IS)', label: 'killed on side B', bound: 'exact', asWritten: '8' },
      { value: 2, unit: 'civilian deaths', counts: 'civilian deaths', label: 'civilians killed', bound: 'exact', asWritten: '2' }
    ]);
    expect(byId(r, '900002').figures?.[0]).toEqual({ value: 6, low: 6, high: 6, unit: 'fatalities', counts: 'deaths, UCDP best estimate', label: 'killed', bound: 'exact', asWritten: 'best 6' });
    expect(byId(r, '900003').figures?.map((f) => `${f.value} ${f.label}`)).toEqual(['45 killed', '10 killed on side A', '30 killed on side B', '5 killed, party unknown']);
    // Best 0 but up to 2: the range is kept.
    expect(byId(r, '900005').figures).toEqual([
      { value: 0, low: 0, high: 2, unit: 'fatalities', counts: 'deaths, UCDP best estimate', label: 'killed', bound: 'approximate', asWritten: 'best 0 (low 0, high 2)' }
    ]);
    // The where_description is the summary; the conflict and dyad are tags, deaths are figures.
    expect(byId(r, '900001').summary).toBe('Where: Deir ez-Zor city');
    expect(byId(r, '900002').summary).toBe('Where: near Albu Kamal');
  });

  it('names the two sides, with one-sided violence as attacker and target', () => {
    expect(actorsOf(r, '900001')).toEqual(['Government of Syria [government] participant', 'IS [armed-group] participant']);
    expect(actorsOf(r, '900002')).toEqual(['IS [armed-group] attacker', 'Civilians [population] target']);
    expect(r.dataset.actors?.map((a) => a.name)).toEqual(['Government of Syria', 'IS', 'Civilians', 'Government of Iraq', 'SDF']);
  });

  it('the same name on both sides stays two sides', () => {
    const header = fixture('ucdp-ged.csv').split('\n')[0]!;
    const row = fixture('ucdp-ged.csv').split('\n')[1]!.replace('Government of Syria - IS', 'IS - IS').replace(',Government of Syria,', ',IS,');
    const same = imported(importText(`${header}\n${row}\n`, 'same-sides.csv'));
    const actors = (same.dataset.events[0]!.actors ?? []).map((a) => a.actor);
    expect(actors).toHaveLength(2);
    expect(new Set(actors).size).toBe(1);
  });

  it('labels a country by the name the file writes, without a bracketed former name, grouped by its code', () => {
    const lines = fixture('ucdp-ged.csv').split('\n');
    const header = lines[0]!;
    const row = lines[1]!.replace(',Syria,', ',DR Congo (Zaire),').replace(',652,', ',490,');
    const r2 = imported(importText(`${header}\n${row}\n`, 'yemen.csv'));
    expect(r2.dataset.metadata.theatres).toEqual([{ country: 'CD', label: 'DR Congo' }]);
  });

  it('keeps the conflict, dyad and type of violence as tags', () => {
    expect(byId(r, '900001').tags).toEqual(['ucdp: state-based conflict', 'ucdp conflict: Syria: Government', 'ucdp dyad: Government of Syria - IS']);
    expect(byId(r, '900004').tags).toEqual(['ucdp: non-state conflict', 'ucdp conflict: IS - SDF', 'ucdp dyad: IS - SDF', 'ucdp: low clarity']);
    expect(byId(r, '900002').tags?.[0]).toBe('ucdp: one-sided violence');
  });

  it('cites UCDP with the row\'s source_article, then each office with its headline', () => {
    expect(citationsOf(r, '900001')).toEqual([
      'UCDP: "Invented Wire,2017-11-03,Army takes last districts of Deir ez-Zor";"Invented Daily,2017-11-04,City retaken"',
      'Invented Wire: "Army takes last districts of Deir ez-Zor" (2017-11-03)',
      'Invented Daily: "City retaken" (2017-11-04)'
    ]);
    expect(citationsOf(r, '900004')).toEqual(['UCDP']);
  });

  it('places events under adm_1 and adm_2, with the where precision', () => {
    const town = placeOf(r, '900001');
    expect(town).toMatchObject({ name: 'Deir ez-Zor town', kind: 'town', countries: ['SY'], admin1: 'Dayr az Zawr governorate', admin2: 'Dayr az Zawr district' });
    expect(town.coordinates).toEqual({ lat: 35.3359, lon: 40.1408, precision: 'exact', source: 'src-UCDP' });
    expect(placeOf(r, '900002').coordinates).toMatchObject({ precision: 'approximate', uncertaintyKm: 25 });
    expect(placeOf(r, '900003')).toMatchObject({ name: 'Anbar province', kind: 'province', countries: ['IQ'], coordinates: { precision: 'approximate' } });
    const parent = r.dataset.places?.find((p) => p.id === town.parent);
    expect(parent).toMatchObject({ name: 'Dayr az Zawr district', kind: 'region' });
    const places = r.dataset.places as Place[];
    const { regions, regionOfPlace } = placeRegions(places);
    expect(regions[regionOfPlace[places.indexOf(town)]!]?.label).toBe('Dayr az Zawr governorate (Syria)');
  });

  it('reads a special release: columns in another order, upper-case headers', () => {
    const shuffled = ucdp('ucdp-syria-shuffled.csv');
    expect(shuffled.problems).toEqual([]);
    for (const id of ['900001', '900002', '900003']) {
      const a = byId(shuffled, id);
      const b = byId(r, id);
      expect([a.type, a.title, a.start, a.end, a.figures?.[0]]).toEqual([b.type, b.title, b.start, b.end, b.figures?.[0]]);
      expect(actorsOf(shuffled, id)).toEqual(actorsOf(r, id));
      expect(placeOf(shuffled, id).coordinates).toEqual(placeOf(r, id).coordinates);
    }
    // Without deaths_* columns there are no deaths by party.
    expect(byId(shuffled, '900001').figures).toHaveLength(1);
  });
});

describe('UCDP GED: rows with problems', () => {
  const r = imported(importText(fixture('ucdp-broken.csv'), 'ucdp-broken.csv'));

  it('skips each unusable row, naming its line and column, and imports the rest', () => {
    expect(r.rows).toEqual({ total: 7, imported: 3, skipped: 4 });
    expect(problems(r)).toEqual([
      'error line 3 date_start: "2017-13-01" has no month 13',
      'error line 4 date_end: the event ends (3 November 2017) before it starts (10 November 2017)',
      'error line 5 longitude: the longitude "east" is not a number',
      'warning line 6 best: the best estimate 30 is not between low (12) and high (20); low and high were left out',
      'warning line 7 type_of_violence: "9" is not a UCDP type of violence (1, 2 or 3); imported as "other"',
      'error line 8 date_start: the date is empty'
    ]);
    expect(r.lineOfEvent).toEqual([2, 6, 7]);
  });

  it('keeps what it could of the rows it warned about', () => {
    expect(byId(r, '910005').figures?.[0]).toMatchObject({ value: 30, bound: 'exact', asWritten: 'best 30' });
    expect(byId(r, '910005').figures?.[0]?.low).toBeUndefined();
    expect(byId(r, '910006').type).toBe('other');
    expect(byId(r, '910006').tags).toEqual(['ucdp conflict: Syria: Government', 'ucdp dyad: Government of Syria - IS']);
  });

  it('says a repeated time of day once, and fails when no row can be used', () => {
    const header = 'id,date_start,date_end,date_prec,side_a,side_b,type_of_violence,best,low,high,country,latitude,longitude,where_prec';
    const row = (id: number) => `${id},2017-11-0${id} 14:00,2017-11-0${id} 14:00,1,Government of Iraq,IS,1,3,3,3,Iraq,34.3,41.1,1`;
    const ok = imported(importText([header, row(1), row(2)].join('\n'), 'times.csv'));
    expect(problems(ok)).toEqual(['warning line 2 date_start: the time "14:00" was dropped; the date is kept as written (and 1 more row like it)', 'warning line 2 date_end: the time "14:00" was dropped; the date is kept as written (and 1 more row like it)']);
    const none = importText(`${header}\n1,someday,,1,A,B,1,1,1,1,Iraq,34,41,1\n`, 'none.csv');
    expect(none.status === 'failed' && none.problems.map((p) => `${p.line} ${p.field}`)).toEqual(['2 date_start']);
  });
});

/** The import as the timeline holds it: its columns (labels, windows) after the dataset check. */
function columnsOf(r: ImportResult) {
  const check = validateDataset(structuredClone(r.dataset), 'imported');
  if (!check.ok) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
  const { columns } = columnsFromDataset(check.dataset);
  const view = (id: string) => {
    for (let i = 0; i < columns.count; i++) if (eventView(columns, i).id === id) return eventView(columns, i);
    throw new Error(`no event ${id}`);
  };
  return view;
}

describe('UCDP GED deaths: the best estimate with its range', () => {
  const r = ucdp('ucdp-deaths.csv');
  const view = columnsOf(r);
  const total = (id: string) => byId(r, id).figures?.[0] as Figure | undefined;

  it('imports every row with nothing to report', () => {
    expect(r.rows).toEqual({ total: 6, imported: 6, skipped: 0 });
    expect(r.problems).toEqual([]);
  });

  it('best 0 with high 7,961: value 0 with its range, approximate, shown "0 killed, up to 7,961", never "about 0"', () => {
    expect(total('920001')).toEqual({ value: 0, low: 0, high: 7961, unit: 'fatalities', counts: 'deaths, UCDP best estimate', label: 'killed', bound: 'approximate', asWritten: 'best 0 (low 0, high 7961)' });
    expect(view('920001').figureLabels).toEqual(['0 killed, up to 7,961']);
    expect(figureText(total('920001')!, total('920001')!.counts)).toBe('0 deaths, UCDP best estimate, up to 7,961');
  });

  it('best = low = high: exact, with no range', () => {
    expect(total('920002')).toMatchObject({ value: 12, low: 12, high: 12, bound: 'exact', asWritten: 'best 12' });
    expect(view('920002').figureLabels).toEqual(['12 killed', '5 killed on side A', '7 killed on side B']);
  });

  it('low < best < high: approximate, the range after the estimate', () => {
    expect(total('920003')).toMatchObject({ value: 12, low: 10, high: 15, bound: 'approximate', asWritten: 'best 12 (low 10, high 15)' });
    expect(view('920003').figureLabels).toEqual(['12 killed (10–15)', '4 killed on side A', '7 killed on side B', '1 civilian killed']);
  });

  it('low < best = high: "5 killed, as few as 3"', () => {
    expect(total('920004')).toMatchObject({ value: 5, low: 3, high: 5, bound: 'approximate' });
    expect(view('920004').figureLabels).toEqual(['5 killed, as few as 3', '2 killed on side A', '3 killed on side B']);
  });

  it('one death agrees in number: "1 civilian killed", "1 death"', () => {
    expect(view('920005').figureLabels).toEqual(['1 killed', '1 civilian killed']);
    expect(figureText(total('920005')!, total('920005')!.counts)).toBe('1 death, UCDP best estimate');
  });

  it('best and high both 0: no deaths figure', () => {
    expect(byId(r, '920006').figures).toEqual([]);
  });

  it('a file without a low column: best 0 and high 40 still shows its range', () => {
    const header = 'id,date_start,date_end,date_prec,side_a,side_b,type_of_violence,best,high,country,latitude,longitude,where_prec';
    const one = imported(importText(`${header}\n1,2017-11-01,2017-11-01,1,Government of Iraq,IS,1,0,40,Iraq,34.3,41.1,1\n`, 'no-low.csv'));
    expect(one.dataset.events[0]?.figures).toEqual([{ value: 0, high: 40, unit: 'fatalities', counts: 'deaths, UCDP best estimate', label: 'killed', bound: 'approximate', asWritten: 'best 0 (high 40)' }]);
    expect(columnsOf(one)('1').figureLabels).toEqual(['0 killed, up to 40']);
  });
});

describe('UCDP GED dates: date_prec 1–5 as windows of possible dates, never durations', () => {
  const r = ucdp('ucdp-dates.csv');
  const view = columnsOf(r);
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

  it('imports every row with nothing to report', () => {
    expect(r.rows).toEqual({ total: 11, imported: 11, skipped: 0 });
    expect(r.problems).toEqual([]);
    // No UCDP event has an end: date_end is the last possible day, not the day it ended.
    expect(r.dataset.events.filter((e) => e.end !== undefined).map((e) => e.id)).toEqual([]);
  });

  it('date_prec 1, one day: the day', () => {
    expect(byId(r, '930001').start).toEqual({ value: '2017-04-07', precision: 'day', asWritten: '2017-04-07 00:00:00.000' });
    expect(byId(r, '930001').dateNote).toBeUndefined();
  });

  it('date_prec 2–5: sometime in the window, with what UCDP says of it', () => {
    const cases: [string, string, string][] = [
      ['930002', '2017-11-05/2017-11-08', 'UCDP date precision 2: sometime in this window of 2 to 6 days (sometime between 5 and 8 November 2017)'],
      ['930003', '2017-10-18/2017-10-24', 'UCDP date precision 3: sometime in this window of about a week (sometime between 18 and 24 October 2017)'],
      ['930005', '2017-11-10/2017-11-25', 'UCDP date precision 4: sometime in this window of up to a month (sometime between 10 and 25 November 2017)'],
      ['930007', '2017-04-07/2017-05-31', 'UCDP date precision 5: sometime in this window of more than a month, up to a year (sometime between 7 April and 31 May 2017)']
    ];
    for (const [id, value, note] of cases) {
      const e = byId(r, id);
      expect(e.start, id).toEqual({ value, precision: 'between', asWritten: value.replace('/', ' to ') });
      expect(e.dateNote, id).toBe(note);
    }
  });

  it('a window that is exactly an ISO week, a month or a year is that', () => {
    expect(byId(r, '930004').start).toEqual({ value: '2017-W42', precision: 'week', asWritten: '2017-10-16 to 2017-10-22' });
    expect(byId(r, '930006').start).toEqual({ value: '2017-10', precision: 'month', asWritten: '2017-10-01 to 2017-10-31' });
    expect(byId(r, '930008').start).toEqual({ value: '2016', precision: 'year', asWritten: '2016-01-01 to 2016-12-31' });
    expect(byId(r, '930008').dateNote).toBe('UCDP date precision 5: sometime in this window of more than a month, up to a year (2016)');
  });

  it('date_start = date_end with date_prec > 1: around that day, no margin made up', () => {
    const e = byId(r, '930009');
    expect(e.start).toEqual({ value: '2017-11-03', precision: 'approximate' });
    expect(e.dateNote).toBe(
      'UCDP date precision 4 (the day is known within 8–30 days, or only the month), yet date_start and date_end are both 3 November 2017: around that day, how far off UCDP does not say'
    );
  });

  it('two days at date_prec 1, or no date_prec: still a window, said so', () => {
    expect(byId(r, '930010').start.precision).toBe('between');
    expect(byId(r, '930010').dateNote).toBe(
      'UCDP date precision 1 says the exact day is known, but date_start and date_end differ: taken as sometime between 1 and 2 November 2017, not as lasting that long'
    );
    expect(byId(r, '930011').start.value).toBe('2017-12-01/2017-12-09');
    expect(byId(r, '930011').dateNote).toBe('UCDP gives no date precision: date_start and date_end are the first and last possible day, sometime between 1 and 9 December 2017');
  });

  it('the timeline tells a window from a duration: one point of precision "between", no end, spanning the whole window', () => {
    const w = view('930007');
    expect([w.startPrecision, w.endPrecision, w.precision]).toEqual(['between', undefined, 'between']);
    expect([w.start, w.startWindowEnd, w.end]).toEqual([day('2017-04-07'), day('2017-06-01'), day('2017-06-01')]);
    // An event that lasted from one day to another has an end; this one has not.
    expect(view('930001').endPrecision).toBeUndefined();
    expect(view('930009').precision).toBe('approximate');
  });
});
