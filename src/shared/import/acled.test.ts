// ACLED exports of every layout in use, read into events with their date and place precision,
// actors, fatalities and sources; broken rows skipped with their line and column. The fixtures are
// invented rows (ACLED's terms forbid redistributing real ones).
import { describe, expect, it } from 'vitest';
import { syntheticAcledCsv } from '../../../tests/support/syntheticAcled';
import { DAY_MS, isoDay, parseDateValue, type DatePrecision } from '../dataset/dates';
import { placeRegions } from '../dataset/regions';
import type { Place } from '../dataset/schema';
import { importAcled, isAcledHeader } from './acled';
import { headerKey, readCsv } from './csvTable';
import { detectFormat, importText } from './importText';
import type { ImportResult } from './types';
import { isUcdpHeader } from './ucdp';
import { importFixture as fixture, expectImported as imported } from '../../../tests/support/importFixtures';

/** A fixture, recognised as ACLED from its text, imported. */
function acled(name: string): ImportResult {
  const text = fixture(name);
  expect(detectFormat(text.slice(0, 64 * 1024), name)).toBe('acled');
  return imported(importText(text, name));
}

const byId = (r: ImportResult, id: string) => {
  const e = r.dataset.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id} among ${r.dataset.events.map((x) => x.id).join(', ')}`);
  return e;
};
const placeOf = (r: ImportResult, id: string): Place => {
  const pid = byId(r, id).places?.[0];
  const p = r.dataset.places?.find((x) => x.id === pid);
  if (!p) throw new Error(`event ${id} has no place`);
  return p as Place;
};
const placeById = (r: ImportResult, id: string | undefined) => r.dataset.places?.find((p) => p.id === id);
/** The names of a place and its ancestors, innermost first. */
const chain = (r: ImportResult, id: string): string[] => {
  const out: string[] = [];
  for (let p = placeOf(r, id) as Place | undefined; p; p = placeById(r, p.parent) as Place | undefined) out.push(`${p.name} (${p.kind})`);
  return out;
};
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
/** The first and last possible day of a date point. */
const daysOf = (point: { value: string; precision: DatePrecision; margin?: number }) => {
  const w = parseDateValue(point.value, point.precision, point.margin);
  if (!w.ok) throw new Error(w.reason);
  return [isoDay(w.window.start), isoDay(w.window.end - DAY_MS)];
};

describe('isAcledHeader', () => {
  const keys = (line: string) => line.split(',').map(headerKey);
  it('knows every layout and nothing else', () => {
    expect(isAcledHeader(keys(fixture('acled-current.csv').split('\n')[0]!))).toBe(true);
    expect(isAcledHeader(keys(fixture('acled-2019.csv').split('\n')[0]!))).toBe(true);
    expect(isAcledHeader(keys(fixture('acled-old-upper.csv').split('\n')[0]!))).toBe(true);
    expect(isAcledHeader(keys(fixture('ucdp-ged.csv').split('\n')[0]!))).toBe(false);
    expect(isAcledHeader(keys('date,title,event_type,actor1'))).toBe(false);
    expect(isUcdpHeader(keys(fixture('acled-current.csv').split('\n')[0]!))).toBe(false);
  });
});

describe('ACLED: the current 31-column export', () => {
  const r = acled('acled-current.csv');

  it('imports every row, with nothing to report', () => {
    expect(r.format).toBe('acled');
    expect(r.rows).toEqual({ total: 7, imported: 7, skipped: 0 });
    expect(r.problems).toEqual([]);
    expect(r.lineOfEvent).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(r.dataset.events.map((e) => `${e.id} ${e.type}`)).toEqual([
      'SYR90001 clash',
      'SYR90002 attack',
      'SYR90003 development',
      'SYR90004 protest',
      'IRQ70001 capture',
      'SYR90005 development',
      'IRQ70002 civilians'
    ]);
    expect(r.dataset.metadata.theatres).toEqual([
      { country: 'SY', label: 'Syria' },
      { country: 'IQ', label: 'Iraq' }
    ]);
  });

  it('keeps a day-precise event as the day, with the date as written', () => {
    const e = byId(r, 'SYR90001');
    expect(e.start).toEqual({ value: '2017-11-03', precision: 'day', asWritten: '03 November 2017' });
    expect(e.end).toBeUndefined();
    expect(e.dateNote).toBeUndefined();
    expect(e.title).toBe('Armed clash in Deir ez-Zor: Military Forces of Syria (2000-) and Islamic State (Iraq and Syria)');
    expect(e.summary).toBe(
      'On 3 November 2017, government forces and allies fought IS fighters in Deir ez-Zor city, saying they had taken the last districts. 12 fatalities reported, incl. "foreign" fighters.'
    );
    expect(e.status).toBe('reported');
    expect(e.tags).toEqual(['acled: Battles / Armed clash', 'acled disorder: Political violence']);
  });

  it('keeps time precision 2 and 3 as the coded day give or take a few days or about half a month, saying so', () => {
    const week = byId(r, 'SYR90002');
    expect(week.start).toEqual({ value: '2017-11-08', precision: 'approximate', margin: 3, asWritten: '08 November 2017' });
    expect(week.dateNote).toBe('ACLED time precision 2: the sources date it only to about a week; within a few days of 8 November 2017, the day ACLED coded');
    expect(daysOf(week.start)).toEqual(['2017-11-05', '2017-11-11']);
    const month = byId(r, 'SYR90003');
    expect(month.start).toEqual({ value: '2017-10-15', precision: 'approximate', margin: 15, asWritten: '15 October 2017' });
    expect(month.dateNote).toBe('ACLED time precision 3: the sources date it only to about a month; within about a month of 15 October 2017, the day ACLED coded');
  });

  it('maps event and sub-event types onto the app types, keeping ACLED\'s as tags', () => {
    expect(byId(r, 'SYR90003').tags).toEqual(['acled: Strategic developments / Headquarters or base established', 'acled disorder: Strategic developments']);
    expect(byId(r, 'SYR90003').type).toBe('development');
    expect(byId(r, 'SYR90004').tags).toEqual(['acled: Protests / Peaceful protest', 'acled disorder: Demonstrations', 'acled tag: crowd size=no report']);
    expect(byId(r, 'SYR90005').tags?.[0]).toBe('acled: Strategic developments / Agreement');
    expect(byId(r, 'IRQ70002').tags).toContain('acled: civilian targeting');
  });

  it('names actors with their kind (from the inter labels) and their part in the event', () => {
    expect(actorsOf(r, 'SYR90001')).toEqual([
      'Military Forces of Syria (2000-) [state-force] participant',
      'Military Forces of Russia (2015-) [other] participant',
      'Hezbollah [other] participant',
      'Islamic State (Iraq and Syria) [armed-group] participant'
    ]);
    expect(actorsOf(r, 'SYR90002')).toEqual([
      'Military Forces of Russia (2015-) [other] attacker',
      'Civilians (Syria) [population] target',
      'Women (Syria) [other] target',
      'Children (Syria) [other] target'
    ]);
    expect(actorsOf(r, 'IRQ70001')).toEqual([
      'Military Forces of Iraq (2014-) [state-force] attacker',
      'Popular Mobilization Forces [other] attacker',
      'Islamic State (Iraq and Syria) [armed-group] defender'
    ]);
    expect(actorsOf(r, 'SYR90003')).toEqual(['SDF: Syrian Democratic Forces [armed-group] holder']);
    expect(actorsOf(r, 'IRQ70002')).toEqual(['Unidentified Armed Group (Iraq) [militia] attacker', 'Civilians (Iraq) [population] target']);
    // One actor per name, however many rows name it.
    expect(r.dataset.actors?.filter((a) => a.name === 'Islamic State (Iraq and Syria)')).toHaveLength(1);
  });

  it('keeps fatalities as a figure, and none for 0', () => {
    expect(byId(r, 'SYR90001').figures).toEqual([{ value: 12, unit: 'fatalities', counts: 'reported fatalities', label: 'killed', bound: 'exact', asWritten: '12' }]);
    expect(byId(r, 'SYR90002').figures?.map((f) => f.value)).toEqual([4]);
    expect(byId(r, 'SYR90003').figures).toEqual([]);
  });

  it('cites ACLED with the source scale, then each publisher of the source column', () => {
    expect(citationsOf(r, 'SYR90001')).toEqual(['ACLED: source scale: National-International', 'Invented Agency', 'Invented Observatory']);
    expect(citationsOf(r, 'SYR90003')).toEqual(['ACLED: source scale: Subnational', 'Invented Weekly']);
    const publishers = r.dataset.sources.map((s) => `${s.publisher} (${s.kind})`);
    expect(publishers).toEqual(['ACLED (dataset)', 'Invented Agency (news)', 'Invented Observatory (news)', 'Invented Weekly (news)', 'Invented Iraqi News (news)']);
  });

  it('places events under admin1/admin2/admin3, in their country, with the geo precision', () => {
    expect(chain(r, 'SYR90001')).toEqual(['Deir ez-Zor (town)', 'Deir ez-Zor (province)']);
    expect(chain(r, 'SYR90002')).toEqual(['Albu Kamal (town)', 'Abu Kamal (region)', 'Deir ez-Zor (province)']);
    expect(chain(r, 'IRQ70001')).toEqual(['Al Qaim (town)', 'Al-Kaim (region)', 'Al Anbar (province)']);
    const town = placeOf(r, 'SYR90001');
    expect(town).toMatchObject({ countries: ['SY'], admin1: 'Deir ez-Zor', admin2: 'Deir ez-Zor', coordinates: { lat: 35.3359, lon: 40.1408, precision: 'exact', source: 'src-ACLED' } });
    expect(town.coordinates?.note).toBeUndefined();
    expect(placeOf(r, 'SYR90002').coordinates).toMatchObject({ precision: 'approximate', note: 'ACLED geo precision 2: the event happened near this place or in part of its region' });
    // Geo precision 3: a larger region, at a representative point; a place apart from the town.
    const region = placeOf(r, 'SYR90005');
    expect(region).toMatchObject({ name: 'Deir ez-Zor', kind: 'area', coordinates: { precision: 'approximate' } });
    expect(region.id).not.toBe(town.id);
    expect(placeOf(r, 'IRQ70001').countries).toEqual(['IQ']);
  });

  it('gives every place a region, so the admin-region filter and lanes work', () => {
    const places = r.dataset.places as Place[];
    const { regions, regionOfPlace } = placeRegions(places);
    const regionOf = (eventId: string) => regions[regionOfPlace[places.indexOf(placeOf(r, eventId))]!]?.label;
    expect(regionOf('SYR90001')).toBe('Deir ez-Zor (Syria)');
    expect(regionOf('SYR90002')).toBe('Deir ez-Zor (Syria)');
    expect(regionOf('SYR90003')).toBe('Ar-Raqqa (Syria)');
    expect(regionOf('IRQ70001')).toBe('Al Anbar (Iraq)');
    expect(regions.map((x) => x.label).sort()).toEqual(['Al Anbar (Iraq)', 'Ar-Raqqa (Syria)', 'Deir ez-Zor (Syria)', 'Ninewa (Iraq)']);
  });
});

describe('ACLED: other layouts', () => {
  it('reads numeric inter codes and API dates (no date "as written" when it is already ISO)', () => {
    const r = acled('acled-numeric-inter.csv');
    expect(r.problems).toEqual([]);
    expect(byId(r, 'SYR90001').start).toEqual({ value: '2017-11-03', precision: 'day' });
    expect(actorsOf(r, 'SYR90001')[0]).toBe('Military Forces of Syria (2000-) [state-force] participant');
    expect(actorsOf(r, 'SYR90002')).toEqual([
      'Military Forces of Russia (2015-) [other] attacker',
      'Civilians (Syria) [population] target',
      'Women (Syria) [other] target',
      'Children (Syria) [other] target'
    ]);
    expect(byId(r, 'SYR90002').start).toEqual({ value: '2017-11-08', precision: 'approximate', margin: 3 });
  });

  it('reads the 2019–2023 layout (data_id, iso3, no disorder_type)', () => {
    const r = acled('acled-2019.csv');
    expect(r.problems).toEqual([]);
    const take = byId(r, 'SYR80001');
    expect(take.type).toBe('capture');
    expect(take.tags).toEqual(['acled: Battles / Non-state actor overtakes territory']);
    expect(actorsOf(r, 'SYR80001')).toEqual(['Islamic State (Iraq and Syria) [armed-group] attacker', 'SDF: Syrian Democratic Forces [armed-group] defender']);
    expect(take.figures?.map((f) => f.value)).toEqual([9]);
    const riot = byId(r, 'IRQ60001');
    expect(riot.type).toBe('protest');
    expect(riot.start).toEqual({ value: '2018-03-01', precision: 'day' });
    expect(actorsOf(r, 'IRQ60001')).toEqual(['Rioters (Iraq) [population] participant', 'Police Forces of Iraq (2014-) [state-force] participant']);
    expect(placeOf(r, 'IRQ60001').countries).toEqual(['IQ']);
  });

  it('reads old upper-case files: ALLY_ACTOR_*, old event types, old date spellings, CRLF', () => {
    const r = acled('acled-old-upper.csv');
    expect(r.problems).toEqual([]);
    expect(r.dataset.events.map((e) => `${e.id} ${e.type} ${e.start.value} ${e.start.precision}`)).toEqual([
      'SYR1001 capture 2015-01-01 day',
      // "14-Mar-15": the two-digit year is read with the YEAR column.
      'SYR1002 attack 2015-03-14 approximate',
      'IRQ2001 protest 2015-06-20 day',
      'SYR1003 development 2015-07-02 day',
      'SYR1004 capture 2015-07-05 day'
    ]);
    expect(byId(r, 'SYR1001').start.asWritten).toBe('01-January-2015');
    expect(byId(r, 'SYR1002').tags).toEqual(['acled: Remote violence']);
    expect(actorsOf(r, 'SYR1002')).toEqual([
      'Military Forces of Syria (2000-) [state-force] attacker',
      'Military Forces of Russia (2015-) [other] attacker',
      'Civilians (Syria) [population] target'
    ]);
    // Non-violent transfer of territory: the group takes over without a fight.
    expect(actorsOf(r, 'SYR1004')).toEqual(['SDF: Syrian Democratic Forces [armed-group] holder', 'Islamic State (Iraq and Syria) [armed-group] participant']);
    // GWNO 652 (Gleditsch–Ward for Syria) is not an ISO code: the country name decides.
    expect(placeOf(r, 'SYR1001').countries).toEqual(['SY']);
    expect(placeOf(r, 'IRQ2001').countries).toEqual(['IQ']);
  });

  it('maps columns by name, whatever extra columns a file has and wherever they are', () => {
    const extra = acled('acled-extra-columns.csv');
    const current = acled('acled-current.csv');
    expect(extra.problems).toEqual([]);
    for (const id of ['SYR90001', 'SYR90002']) {
      const { places: _p, ...a } = byId(extra, id);
      const { places: _q, ...b } = byId(current, id);
      expect(a).toEqual(b);
      expect(placeOf(extra, id).coordinates).toEqual(placeOf(current, id).coordinates);
    }
  });

  it('skips junk lines before the header and the HXL hashtag row under it', () => {
    const text = fixture('acled-hxl-preamble.csv');
    const read = readCsv(text, 'x', { isHeader: isAcledHeader });
    expect(read.ok && [read.table.headerLine, read.table.preambleLines, read.table.hxl?.[1]]).toEqual([4, 2, '#date']);
    const r = acled('acled-hxl-preamble.csv');
    expect(r.rows).toEqual({ total: 3, imported: 3, skipped: 0 });
    expect(r.problems).toEqual([]);
    expect(r.lineOfEvent).toEqual([6, 7, 8]);
    expect(r.dataset.events.map((e) => e.id)).toEqual(['SYR90001', 'SYR90002', 'SYR90003']);
  });

  it('reads a file with a byte-order mark, CRLF and every field quoted', () => {
    const r = acled('acled-crlf-bom.csv');
    expect(r.problems).toEqual([]);
    expect(r.dataset.events.map((e) => e.id)).toEqual(['SYR90001', 'SYR90002', 'SYR90003']);
    expect(byId(r, 'SYR90001').summary).toMatch(/incl\. "foreign" fighters\.$/);
    expect(byId(r, 'SYR90001').summary).not.toContain('\r');
  });

  it('reads a ";"-delimited re-save with day-first dates and decimal commas', () => {
    const r = acled('acled-semicolon.csv');
    expect(r.problems).toEqual([]);
    // 14/11/2017 can only be day-first, so 03/11/2017 is 3 November too.
    expect(r.dataset.events.map((e) => e.start.value)).toEqual(['2017-11-03', '2017-11-14', '2017-10-15']);
    expect(byId(r, 'SYR90001').start.asWritten).toBe('03/11/2017');
    expect(placeOf(r, 'SYR90001').coordinates).toMatchObject({ lat: 35.3359, lon: 40.1408 });
    expect(actorsOf(r, 'SYR90001')).toHaveLength(4);
  });

  it('reads month-first dates when the column shows that order', () => {
    const r = acled('acled-us-dates.csv');
    expect(r.problems).toEqual([]);
    // 05/14/2017 can only be month-first, so 05/03/2017 is 3 May.
    expect(r.dataset.events.map((e) => e.start.value)).toEqual(['2017-05-03', '2017-05-14', '2017-10-15']);
  });

  it('keeps notes with line breaks, quotes and commas, and the true line of every row', () => {
    const outcome = importText(fixture('acled-multiline-notes.csv'), 'acled-multiline-notes.csv');
    const r = imported(outcome);
    expect(byId(r, 'SYR90001').summary).toBe('First line of the note.\nSecond line, with a comma.\n"Third" line.');
    expect(byId(r, 'SYR90003').summary).toBe('Line A\nLine B');
    expect(r.lineOfEvent).toEqual([2, 5, 6]);
    expect(problems(r)).toEqual(['error line 8 event_date: "sometime in 2017" is not a date this app can read (write it as YYYY-MM-DD, e.g. 2017-11-03)']);
    expect(r.rows).toEqual({ total: 4, imported: 3, skipped: 1 });
  });
});

describe('ACLED: rows with problems', () => {
  const r = imported(importText(fixture('acled-broken.csv'), 'acled-broken.csv'));

  it('skips each unusable row, naming its line and column, and imports the rest', () => {
    expect(r.rows).toEqual({ total: 10, imported: 4, skipped: 6 });
    expect(problems(r)).toEqual([
      'error line 3 event_date: "31 February 2017" does not exist: February 2017 has 28 days',
      'error line 4 year: the date "03 November 2017" is in 2017, but the year column says 2016; check which is right',
      'error line 5 event_type: the event type is empty',
      'error line 6 latitude: the latitude "35.33.1" is not a number',
      'error line 7 longitude: the longitude 240.5 is outside -180 to 180',
      'error line 8 event_date: the date is empty',
      'warning line 9 event_type: "Sports event / Football match" is not an ACLED event type this app knows; imported as "other"',
      'warning line 9 fatalities: "a few" is not a number of fatalities; it was left out',
      'warning line 10 id: the id "SYR91001" is used by an earlier row; this event\'s id is "SYR91001-2"',
      'warning line 11 time_precision: "7" is not an ACLED time precision (1, 2 or 3); the date is taken as the day'
    ]);
    expect(r.problems.every((p) => p.file === 'acled-broken.csv')).toBe(true);
    expect(r.lineOfEvent).toEqual([2, 9, 10, 11]);
  });

  it('keeps what it could of the rows it warned about', () => {
    const other = byId(r, 'SYR91008');
    expect(other.type).toBe('other');
    expect(other.tags?.[0]).toBe('acled: Sports event / Football match');
    expect(other.figures).toEqual([]);
    // The renamed duplicate says which ACLED row it is.
    expect(citationsOf(r, 'SYR91001-2')[0]).toBe('ACLED: ACLED event SYR91001; source scale: National-International');
    expect(byId(r, 'SYR91009').start).toEqual({ value: '2017-11-05', precision: 'day', asWritten: '05 November 2017' });
  });

  it('says a repeated warning once, with how many rows had it', () => {
    const header = fixture('acled-current.csv').split('\n')[0];
    const row = (i: number) => `SYR${i},2017-11-0${i} 14:30,2017,1,,Battles,Armed clash,A,,1,B,,2,12,,760,,Syria,Deir ez-Zor,,,Deir ez-Zor,35.3,40.1,1,X,National,,0,,`;
    const out = imported(importText([header, row(1), row(2), row(3)].join('\n'), 'times.csv'));
    expect(problems(out)).toEqual(['warning line 2 event_date: the time "14:30" was dropped; the date is kept as written (and 2 more rows like it)']);
    expect(out.dataset.events.map((e) => e.start.value)).toEqual(['2017-11-01', '2017-11-02', '2017-11-03']);
  });

  it('reads numeric dates that all read both ways day first, and says so', () => {
    const header = fixture('acled-current.csv').split('\n')[0];
    const row = (id: string, date: string) => `${id},${date},2017,1,,Battles,Armed clash,A,,1,B,,2,12,,760,,Syria,Deir ez-Zor,,,Deir ez-Zor,35.3,40.1,1,X,National,,0,,`;
    const out = imported(importText([header, row('A1', '03/04/2017'), row('A2', '05/06/2017')].join('\n'), 'ambiguous.csv'));
    expect(out.dataset.events.map((e) => e.start.value)).toEqual(['2017-04-03', '2017-06-05']);
    expect(problems(out)).toEqual(['warning line 1 event_date: every numeric date in this column reads both ways (e.g. "03/04/2017"); they are read day first']);
  });

  it('reads Excel re-saves with two-digit years ("03-11-17") with the year column', () => {
    const header = fixture('acled-current.csv').split('\n')[0];
    const row = (id: string, date: string, year: string) => `${id},${date},${year},1,,Battles,Armed clash,A,,1,B,,2,12,,760,,Syria,Deir ez-Zor,,,X,35.3,40.1,1,S,,,0,,`;
    const out = imported(importText([header, row('E1', '03-11-17', '2017'), row('E2', '25-11-17', '2017'), row('E3', '04-11-17', '2016')].join('\n'), 'excel.csv'));
    expect(out.dataset.events.map((e) => `${e.id} ${e.start.value}`)).toEqual(['E1 2017-11-03', 'E2 2017-11-25']);
    expect(problems(out)).toEqual(['error line 4 event_date: "04-11-17": the two-digit year 17 does not match the year 2016']);
  });

  it('takes a cell of nothing but invisible characters as empty, as a reader sees it', () => {
    const header = fixture('acled-current.csv').split('\n')[0];
    // Actor 2 is a zero-width space and a bidi override; the notes a zero-width space between spaces.
    const out = imported(importText(`${header}\nSYR1,2017-11-03,2017,1,,Battles,Armed clash,A,,1,\u200b\u202e,,2,12,,760,,Syria,Deir ez-Zor,,,X,35.3,40.1,1,S,, \u200b ,0,,\n`, 'invisible.csv'));
    expect(out.rows).toEqual({ total: 1, imported: 1, skipped: 0 });
    expect(actorsOf(out, 'SYR1')).toEqual(['A [state-force] participant']);
    expect(out.dataset.actors?.map((a) => a.name)).toEqual(['A']);
    expect(byId(out, 'SYR1').summary).toBeUndefined();
    expect(byId(out, 'SYR1').title).toBe('Armed clash in X: A');
    expect(problems(out)).toEqual(['warning line 2 actor2: holds nothing but invisible characters (zero-width spaces, bidi controls); it was read as empty (and 1 more cell like it)']);
  });

  it('keeps a place without coordinates when both are empty, and says so', () => {
    const header = fixture('acled-current.csv').split('\n')[0];
    const out = imported(importText(`${header}\nSYR1,2017-11-03,2017,1,,Battles,Armed clash,A,,1,B,,2,12,,760,,Syria,Deir ez-Zor,,,Hamlet,,,1,X,National,,0,,\n`, 'nocoords.csv'));
    expect(placeOf(out, 'SYR1')).toMatchObject({ name: 'Hamlet', admin1: 'Deir ez-Zor', countries: ['SY'] });
    expect(placeOf(out, 'SYR1').coordinates).toBeUndefined();
    expect(problems(out)).toEqual(['warning line 2 latitude: no coordinates; the place is kept without them']);
  });

  it('passes on a quote that is never closed, keeping the rows before it', () => {
    const header = fixture('acled-current.csv').split('\n')[0];
    const row = (id: string, notes: string) => `${id},2017-11-03,2017,1,,Battles,Armed clash,A,,1,B,,2,12,,760,,Syria,Deir ez-Zor,,,X,35.3,40.1,1,S,,${notes},0,,`;
    const out = imported(importText([header, row('OK1', 'fine'), row('BAD', '"never closed'), row('LOST', 'swallowed')].join('\n'), 'quote.csv'));
    expect(out.dataset.events.map((e) => e.id)).toEqual(['OK1']);
    expect(out.problems.map((p) => `${p.severity} ${p.line}`)).toEqual(['error 3']);
    expect(out.problems[0]!.message).toMatch(/never closed/);
    expect(out.rows).toEqual({ total: 2, imported: 1, skipped: 1 });
  });

  it('fails, saying why, when no row can be used', () => {
    const header = fixture('acled-current.csv').split('\n')[0];
    const empty = importText(`${header}\n`, 'empty.csv');
    expect(empty).toEqual({ status: 'failed', problems: [{ severity: 'error', file: 'empty.csv', line: 1, message: 'the file has a header but no data rows' }] });
    const bad = importText(`${header}\nSYR1,never,2017,1,,Battles,Armed clash,A,,1,B,,2,12,,760,,Syria,,,,X,35,40,1,X,,,0,,\n`, 'bad.csv');
    expect(bad.status === 'failed' && bad.problems.map((p) => `${p.line} ${p.field}`)).toEqual(['2 event_date']);
  });
});

describe('ACLED: synthetic exports', () => {
  it('are deterministic for a seed, and import whole', () => {
    const text = syntheticAcledCsv(3000, 7);
    expect(syntheticAcledCsv(3000, 7)).toBe(text);
    expect(syntheticAcledCsv(3000, 8)).not.toBe(text);
    const r = imported(importText(text, 'synthetic.csv'));
    expect(r.rows).toEqual({ total: 3000, imported: 3000, skipped: 0 });
    expect(r.problems).toEqual([]);
    const types = new Set(r.dataset.events.map((e) => e.type));
    expect([...types].sort()).toEqual(['attack', 'capture', 'civilians', 'clash', 'development', 'protest']);
    const precisions = new Set(r.dataset.events.map((e) => `${e.start.precision}${e.start.margin ? ` ±${e.start.margin}` : ''}`));
    expect([...precisions].sort()).toEqual(['approximate ±15', 'approximate ±3', 'day']);
    const years = r.dataset.events.map((e) => Number(e.start.value.slice(0, 4)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2014);
    expect(Math.max(...years)).toBeLessThanOrEqual(2018);
    expect(r.dataset.metadata.theatres?.map((t) => t.country).sort()).toEqual(['IQ', 'SY']);
    // Every event's place is in a region.
    const places = r.dataset.places as Place[];
    const { regionOfPlace } = placeRegions(places);
    const index = new Map(places.map((p, i) => [p.id, i]));
    expect(r.dataset.events.every((e) => regionOfPlace[index.get(e.places![0]!)!]! >= 0)).toBe(true);
  });

  it('can be read by the importer directly from a table', () => {
    const read = readCsv(syntheticAcledCsv(50, 3, { dateStyle: 'words', newline: '\r\n' }), 'x.csv', { isHeader: isAcledHeader });
    if (!read.ok) throw new Error('unreadable');
    const r = imported(importAcled(read.table));
    expect(r.rows.imported).toBe(50);
    expect(r.dataset.events[0]!.start.asWritten).toMatch(/^\d{2} [A-Z][a-z]+ 201\d$/);
  });
});
