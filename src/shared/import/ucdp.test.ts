// UCDP GED files in any column order and case: the date window with its precision, deaths with
// low and high, the two sides, places under their admin regions, the articles cited; broken rows
// skipped with their line and column. The fixtures are invented rows.
import { describe, expect, it } from 'vitest';
import { placeRegions } from '../dataset/regions';
import type { Place } from '../dataset/schema';
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

  it('turns the date window into the precision that says it', () => {
    // date_prec 2, 5–8 November: the window, with a note that it is uncertainty, not duration.
    const window = byId(r, '900002');
    expect(window.start).toEqual({ value: '2017-11-05', precision: 'day' });
    expect(window.end).toEqual({ value: '2017-11-08', precision: 'day' });
    expect(window.dateNote).toBe('UCDP date precision 2 (the day is known within 2–6 days): sometime between 5 November 2017 and 8 November 2017');
    // date_prec 4, the whole of October: the month.
    const month = byId(r, '900003');
    expect(month.start).toEqual({ value: '2017-10', precision: 'month', asWritten: '2017-10-01 to 2017-10-31' });
    expect(month.end).toBeUndefined();
    // date_prec 3, Monday 16 to Sunday 22 October: the ISO week.
    expect(byId(r, '900004').start).toEqual({ value: '2017-W42', precision: 'week', asWritten: '2017-10-16 to 2017-10-22' });
    // date_prec 4, 10–25 November: the window.
    expect([byId(r, '900005').start.value, byId(r, '900005').end?.value]).toEqual(['2017-11-10', '2017-11-25']);
  });

  it('keeps deaths: the best estimate with low and high, then by party', () => {
    expect(byId(r, '900001').figures).toEqual([
      { value: 14, low: 12, high: 20, unit: 'fatalities', counts: 'deaths, UCDP best estimate (low 12, high 20)', label: 'killed', bound: 'approximate', asWritten: 'best 14 (low 12, high 20)' },
      { value: 4, unit: 'deaths on side A', counts: 'deaths on side A (Government of Syria)', label: 'killed on side A', bound: 'exact', asWritten: '4' },
      { value: 8, unit: 'deaths on side B', counts: 'deaths on side B (IS)', label: 'killed on side B', bound: 'exact', asWritten: '8' },
      { value: 2, unit: 'civilian deaths', counts: 'civilian deaths', label: 'civilians killed', bound: 'exact', asWritten: '2' }
    ]);
    expect(byId(r, '900002').figures?.[0]).toEqual({ value: 6, low: 6, high: 6, unit: 'fatalities', counts: 'deaths, UCDP best estimate', label: 'killed', bound: 'exact', asWritten: 'best 6' });
    expect(byId(r, '900003').figures?.map((f) => `${f.value} ${f.label}`)).toEqual(['45 killed', '10 killed on side A', '30 killed on side B', '5 killed, party unknown']);
    // Best 0 but up to 2: the range is kept.
    expect(byId(r, '900005').figures).toEqual([
      { value: 0, low: 0, high: 2, unit: 'fatalities', counts: 'deaths, UCDP best estimate (low 0, high 2)', label: 'killed', bound: 'approximate', asWritten: 'best 0 (low 0, high 2)' }
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
