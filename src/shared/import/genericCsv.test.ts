// Generic CSV/TSV: the guessed mapping, and rows read with a mapping into valid events, whatever
// the delimiter, line breaks, quotes, encoding and day/month order of the file.
import { describe, expect, it } from 'vitest';
import { decodeText } from '../text/decodeText';
import { readCsv, type CsvTable } from './csvTable';
import { ambiguousDateColumns } from './csvMapping';
import { figureMeaning, firstWords, guessMapping, importMappedCsv, parseFigure, previewCsv, PREVIEW_CELL_CHARS, PREVIEW_COLUMNS, typeFromWords } from './genericCsv';
import { importText } from './importText';
import type { CsvMapping, ImportResult } from './types';
import { importFixture as fixture, importFixtureBytes as fixtureBytes, expectImported as imported } from '../../../tests/support/importFixtures';

function tableOf(text: string, file: string): CsvTable {
  const read = readCsv(text, file);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.table;
}

/** Import a fixture with the mapping its headers suggest (as the dialog does when the user accepts). */
function importGuessed(name: string): ImportResult {
  const text = fixture(name);
  const first = importText(text, name);
  if (first.status !== 'needs-mapping') throw new Error(`expected needs-mapping, got ${first.status}`);
  return imported(importText(text, name, { mapping: first.preview.guess }));
}

const byId = (r: ImportResult, id: string) => r.dataset.events.find((e) => e.id === id)!;

describe('typeFromWords', () => {
  it.each([
    ['capture', 'capture'],
    ['Armed clash', 'clash'],
    ['Remote violence', 'attack'],
    ['Violence against civilians', 'civilians'],
    ['Battles', 'clash'],
    ['Explosions/Remote violence', 'attack'],
    ['offensive', 'offensive'],
    ['Ground assault', 'offensive'],
    ['Town captured', 'capture'],
    ['Territory held', 'control'],
    ['Refugees', 'displacement'],
    ['announcement', 'statement'],
    ['Ceasefire talks', 'development'],
    ['Protests', 'protest'],
    ['attack on civilians', 'civilians']
  ])('%j → %s', (words, type) => {
    expect(typeFromWords(words)).toBe(type);
  });

  it('is undefined for words it does not know', () => {
    expect(typeFromWords('weird-type')).toBeUndefined();
    expect(typeFromWords('  ')).toBeUndefined();
  });
});

describe('parseFigure and figureMeaning', () => {
  it.each([
    ['12', { value: 12, bound: 'exact' }],
    ['1,200', { value: 1200, bound: 'exact' }],
    ['350 000', { value: 350000, bound: 'exact' }],
    ['about 12', { value: 12, bound: 'approximate', qualifier: 'about' }],
    ['~40', { value: 40, bound: 'approximate' }],
    ['at least 50', { value: 50, bound: 'at-least', qualifier: 'at least' }],
    ['50+', { value: 50, bound: 'at-least' }],
    ['up to 30', { value: 30, bound: 'at-most', qualifier: 'up to' }],
    ['10-20', { value: 10, low: 10, high: 20, bound: 'at-least' }],
    ['2.5', { value: 2.5, bound: 'exact' }]
  ])('%j', (text, figure) => {
    expect(parseFigure(text)).toEqual(figure);
  });

  it.each(['lots', '20-10', '1,2,3', '', 'about'])('refuses %j', (text) => {
    expect(parseFigure(text)).toBeUndefined();
  });

  it('says what a column counts from its header', () => {
    expect(figureMeaning('Fatalities')).toEqual({ unit: 'people', counts: 'people killed (the "Fatalities" column)', label: 'killed' });
    expect(figureMeaning('casualties')).toMatchObject({ unit: 'people', label: 'casualties' });
    expect(figureMeaning('Tanks lost')).toEqual({ unit: 'tanks lost', counts: 'the "Tanks lost" column', label: 'tanks lost' });
  });

  it('makes titles from the first words of a text', () => {
    expect(firstWords('One two three.')).toBe('One two three.');
    expect(firstWords('a b c d e f g h i j k l m n', 12)).toBe('a b c d e f g h i j k l…');
  });
});

describe('previewCsv and guessMapping', () => {
  it('guesses every field of a table with common header names', () => {
    const preview = previewCsv(tableOf(fixture('generic-comma.csv'), 'generic-comma.csv'));
    expect(preview.delimiter).toBe(',');
    expect(preview.rowCount).toBe(6);
    expect(preview.sample).toHaveLength(6);
    expect(preview.sample[0]![3]).toBe('Syrian army takes Deir al-Zour');
    expect(preview.guess).toEqual({
      id: 0,
      date: 1,
      end: 2,
      title: 3,
      description: 4,
      type: 5,
      place: 6,
      country: 7,
      admin1: 8,
      lat: 9,
      lon: 10,
      actor: 11,
      actor2: 12,
      source: 13,
      url: 14,
      figure: 15
    });
  });

  it('shows at most 8 sample rows', () => {
    const text = 'date,title\n' + Array.from({ length: 20 }, (_, i) => `2017-01-${String(i + 1).padStart(2, '0')},e${i}`).join('\n');
    const preview = previewCsv(tableOf(text, 'many.csv'));
    expect(preview.sample).toHaveLength(8);
    expect(preview.rowCount).toBe(20);
  });

  it('a wide table: the preview has its first 200 columns, says how many there are, and names guessed columns past them', () => {
    const headers = Array.from({ length: 2000 }, (_, i) => (i === 1500 ? 'Event date' : i === 1800 ? 'Headline' : `extra ${i}`));
    const rows = Array.from({ length: 12 }, (_, r) => headers.map((_, i) => (i === 1500 ? `2017-11-${String(r + 1).padStart(2, '0')}` : `r${r}c${i}`)).join(','));
    const preview = previewCsv(tableOf(`${headers.join(',')}\n${rows.join('\n')}\n`, 'wide.csv'));
    expect(preview.headers).toEqual(headers.slice(0, PREVIEW_COLUMNS));
    expect(preview.columnCount).toBe(2000);
    expect(preview.sample).toHaveLength(8);
    expect(preview.sample.every((r) => r.length === PREVIEW_COLUMNS)).toBe(true);
    expect(preview.guess).toEqual({ date: 1500, title: 1800 });
    expect(preview.guessedHeaders).toEqual([
      { column: 1500, header: 'Event date' },
      { column: 1800, header: 'Headline' }
    ]);
    expect(preview.rowCount).toBe(12);
  });

  it('a narrow table has no columnCount or guessedHeaders', () => {
    const preview = previewCsv(tableOf('date,title\n2017-11-03,x\n', 'narrow.csv'));
    expect(preview).toEqual({ delimiter: ',', headers: ['date', 'title'], sample: [['2017-11-03', 'x']], guess: { date: 0, title: 1 }, rowCount: 1 });
  });

  it('cells and headers are cut to 200 characters, so the preview stays small however long the cells', () => {
    const long = (c: number) => `${String(c)} ${'word '.repeat(600)}`;
    const headers = Array.from({ length: 300 }, (_, i) => long(i));
    const rows = Array.from({ length: 3 }, () => headers.join(','));
    const preview = previewCsv(tableOf(`${headers.join(',')}\n${rows.join('\n')}\n`, 'long.csv'));
    expect(preview.headers[7]!.length).toBeLessThanOrEqual(PREVIEW_CELL_CHARS);
    expect(preview.headers[7]).toMatch(/^7 word word .*…$/);
    expect(preview.sample[2]![199]!.length).toBeLessThanOrEqual(PREVIEW_CELL_CHARS);
    // 200 headers and 3 rows of 200 cells, each at most 200 characters (the table itself: 3.6 MB).
    expect(JSON.stringify(preview).length).toBeLessThan(4 * 200 * (PREVIEW_CELL_CHARS + 3) + 1000);
  });

  it('matches names case-, space- and bracket-insensitively, each column once', () => {
    expect(guessMapping(['Start Date', 'END-DATE', 'Headline', 'Deaths (best)', 'Long', 'Lat.'])).toEqual({ start: 0, end: 1, title: 2, figure: 3, lon: 4, lat: 5 });
    expect(guessMapping(['date', 'Date', 'title'])).toEqual({ date: 0, title: 2 });
  });

  it('does not take a lone x or y as a coordinate', () => {
    expect(guessMapping(['date', 'x', 'title'])).toEqual({ date: 0, title: 2 });
    expect(guessMapping(['date', 'x', 'y'])).toEqual({ date: 0, lon: 1, lat: 2 });
  });

  it('finds a date column by its values when no header names one', () => {
    const table = tableOf('when it happened,what\n03/11/2017,a\n25/10/2017,b\n', 'x.csv');
    expect(guessMapping(table.headers, table.rows)).toEqual({ date: 0 });
  });
});

describe('importMappedCsv: comma CSV with every field', () => {
  const r = importGuessed('generic-comma.csv');

  it('imports the usable rows with their lines', () => {
    expect(r.format).toBe('csv');
    expect(r.rows).toEqual({ total: 6, imported: 5, skipped: 1 });
    expect(r.dataset.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e1-2', 'e6']);
    expect(r.lineOfEvent).toEqual([2, 3, 4, 6, 7]);
    expect(r.dataset.metadata.title).toBe('generic-comma');
    expect(r.dataset.metadata.theatres).toEqual([
      { country: 'SY', label: 'Syria' },
      { country: 'IQ', label: 'Iraq' }
    ]);
  });

  it('maps a full row: type, place with region, country and coordinates, actors, source', () => {
    const e = byId(r, 'e1');
    expect(e).toMatchObject({ type: 'capture', title: 'Syrian army takes Deir al-Zour', summary: 'Army says the city is "fully liberated"', start: { value: '2017-11-03', precision: 'day' } });
    const place = r.dataset.places!.find((p) => p.id === e.places![0])!;
    expect(place).toMatchObject({ name: 'Deir al-Zour', countries: ['SY'], admin1: 'Deir ez-Zor', coordinates: { lat: 35.3359, lon: 40.1408, precision: 'exact' } });
    const actorNames = e.actors!.map((a) => r.dataset.actors!.find((x) => x.id === a.actor)!.name);
    expect(actorNames).toEqual(['Syrian army', 'Islamic State']);
    const source = r.dataset.sources.find((s) => s.id === e.citations[0]!.source)!;
    expect(source).toMatchObject({ publisher: 'BBC News', url: 'https://www.bbc.com/news/world-middle-east-41860258' });
    // The same publisher and address make one source.
    expect(byId(r, 'e2').citations[0]!.source).toBe(source.id);
  });

  it('titles a row without a title by its description, and keeps spans', () => {
    expect(byId(r, 'e2')).toMatchObject({
      type: 'offensive',
      title: 'Iraqi forces advanced west along the Euphrates toward the border town of…',
      start: { value: '2017-10', precision: 'month' },
      end: { value: '2017-11-03', precision: 'day' }
    });
  });

  it('reads figures with their qualifier and unit, and ISO alpha-3 countries', () => {
    const e3 = byId(r, 'e3');
    expect(e3.figures).toEqual([{ value: 12, bound: 'approximate', qualifier: 'about', unit: 'people', counts: 'people killed (the "fatalities" column)', label: 'killed', asWritten: 'about 12' }]);
    expect(e3.start).toEqual({ value: '2017-11-03', precision: 'day', asWritten: '3 November 2017' });
    expect(e3).toMatchObject({ type: 'attack', tags: ['airstrike'] });
    const place = r.dataset.places!.find((p) => p.id === e3.places![0])!;
    expect(place.countries).toEqual(['SY']);
    expect(place.coordinates).toBeUndefined();
    expect(byId(r, 'e1-2').figures![0]).toMatchObject({ value: 1200, bound: 'exact', asWritten: '1,200' });
  });

  it('cites the file itself for rows without a (safe) source', () => {
    const source = r.dataset.sources.find((s) => s.id === byId(r, 'e3').citations[0]!.source)!;
    expect(source).toMatchObject({ kind: 'dataset', publisher: 'generic-comma', title: 'generic-comma.csv' });
    expect(source.url).toBeUndefined();
  });

  it('reports each problem with its line, column and a plain reason', () => {
    expect(r.problems.map((p) => [p.severity, p.line, p.field, p.message])).toEqual([
      ['warning', 4, 'url', '"javascript:alert(1)" is not an http(s) web address; it was left out'],
      ['warning', 4, 'latitude', 'the latitude 95 is outside -90 to 90; the place has no coordinates'],
      ['error', 5, 'date', 'the date cannot be used: "not a date" is not a date this app can read (write it as YYYY-MM-DD, e.g. 2017-11-03)'],
      ['warning', 6, 'end_date', 'the end date (2017-11-01) is before the start (2017-11-04); it was left out'],
      ['warning', 6, 'id', 'the id "e1" is used by an earlier row; this event\'s id is "e1-2"'],
      ['warning', 7, 'event_type', '"weird-type" names none of Frontline\'s event types; rows of this type are shown as "Other" and keep it as a tag'],
      ['warning', 7, 'country', '"Atlantis" is not a country Frontline knows; places in it have no country'],
      ['warning', 7, 'fatalities', '"lots" is not a number; the figure was left out']
    ]);
    expect(byId(r, 'e1-2').end).toBeUndefined();
    expect(byId(r, 'e6')).toMatchObject({ type: 'other', tags: ['weird-type'], start: { value: '2017', precision: 'year' } });
  });
});

describe('importMappedCsv: actors', () => {
  it('the same name in the actor and actor2 columns stays two participants (two groups of one name that fought)', () => {
    const r = imported(importMappedCsv(tableOf('date,title,actor,actor2\n2017-11-03,Clash,Unidentified Armed Group (Syria),Unidentified Armed Group (Syria)\n', 'x.csv'), { date: 0, title: 1, actor: 2, actor2: 3 }));
    const actors = r.dataset.events[0]!.actors ?? [];
    expect(actors).toHaveLength(2);
    expect(actors[0]!.actor).toBe(actors[1]!.actor);
  });
});

describe('importMappedCsv: countries', () => {
  it('a country written as a name is labelled so; one written as a code by the usual name, grouped alike', () => {
    const r = imported(importMappedCsv(tableOf('date,title,country\n2017-11-03,A,Türkiye\n2017-11-04,B,Democratic Republic of the Congo\n2017-11-05,C,SY\n', 'x.csv'), { date: 0, title: 1, country: 2 }));
    const labels = Object.fromEntries((r.dataset.metadata.theatres ?? []).map((t) => [t.country, t.label]));
    expect(labels).toMatchObject({ TR: 'Türkiye', CD: 'Democratic Republic of the Congo', SY: 'Syria' });
  });
});

describe('importMappedCsv: delimiters, line breaks and encodings', () => {
  it('reads a ";" file with day-first dotted dates and decimal-comma coordinates', () => {
    const r = importGuessed('generic-semicolon.csv');
    expect(r.rows).toEqual({ total: 3, imported: 3, skipped: 0 });
    expect(r.dataset.events.map((e) => [e.title, e.start.value])).toEqual([
      ['Raqqa: SDF declare victory', '2017-11-03'],
      ['Mosul cleared', '2017-10-25'],
      ['Hawija retaken', '2017-10-05']
    ]);
    expect(r.dataset.places![0]).toMatchObject({ name: 'Raqqa', coordinates: { lat: 35.9528, lon: 39.0079 } });
    expect(r.dataset.events[0]!.figures).toEqual([{ value: 3, bound: 'exact', unit: 'people', counts: 'people killed (the "Deaths" column)', label: 'killed', asWritten: '3' }]);
  });

  it('reads a TSV with start and end columns and a quoted tab', () => {
    const r = importGuessed('generic-tab.tsv');
    expect(r.dataset.events.map((e) => [e.type, e.title, e.start.value, e.end?.value])).toEqual([
      ['clash', 'Battle of Raqqa', '2017-06-06', '2017-10-17'],
      ['statement', 'Deir al-Zour declared free', '2017-11-03', undefined],
      ['displacement', 'Displacement from the province', '2017-11', undefined]
    ]);
    expect(r.dataset.events[2]!.summary).toBe('Some 350,000 people, tab\tinside');
  });

  it('reads CRLF with a BOM and quoted newlines, with the lines of the file', () => {
    const text = fixture('generic-quoted-crlf.csv');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const r = importGuessed('generic-quoted-crlf.csv');
    expect(r.dataset.events.map((e) => e.title)).toEqual(['First', 'Second', 'Fourth']);
    expect(r.lineOfEvent).toEqual([2, 6, 8]);
    expect(r.dataset.events[0]!.summary).toBe('line one\nline two\nline three');
    expect(r.dataset.events[2]!.summary).toBe('ends "quoted"');
    expect(r.problems).toEqual([
      { severity: 'error', file: 'generic-quoted-crlf.csv', line: 7, field: 'date', message: 'the date cannot be used: "bad" is not a date this app can read (write it as YYYY-MM-DD, e.g. 2017-11-03)' }
    ]);
  });

  it('reads UTF-16LE with a byte-order mark', () => {
    const bytes = fixtureBytes('generic-utf16le.csv');
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const decoded = decodeText(bytes, 'generic-utf16le.csv');
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-16le', bom: true });
    const r = importGuessed('generic-utf16le.csv');
    expect(r.dataset.events.map((e) => e.title)).toEqual(['الجيش يسيطر على دير الزور', 'Taking of al-Qaʼim — “Euphrates”']);
    expect(r.dataset.places!.map((p) => p.name)).toEqual(['دير الزور', 'القائم']);
  });
});

describe('importMappedCsv: dates', () => {
  const starts = (r: ImportResult) => r.dataset.events.map((e) => e.start.value);

  it('reads a column day first when one of its dates can only be day first', () => {
    const r = importGuessed('generic-dmy.csv');
    expect(starts(r)).toEqual(['2017-11-03', '2017-10-25', '2017-06-05']);
    expect(r.problems).toEqual([]);
  });

  it('reads a column month first when one of its dates can only be month first', () => {
    const r = importGuessed('generic-mdy.csv');
    expect(starts(r)).toEqual(['2017-11-03', '2017-10-25', '2017-06-05']);
    expect(r.dataset.events[0]!.start.asWritten).toBe('11/03/2017');
    expect(r.problems).toEqual([]);
  });

  it('never assumes an order for a column that does not show it: the table needs mapping again, with the question', () => {
    const text = fixture('generic-ambiguous.csv');
    const first = importText(text, 'generic-ambiguous.csv');
    if (first.status !== 'needs-mapping') throw new Error(first.status);
    const again = importText(text, 'generic-ambiguous.csv', { mapping: first.preview.guess });
    expect(again.status).toBe('needs-mapping');
    if (again.status !== 'needs-mapping') return;
    expect(again.preview.asked).toEqual({ date: 0, title: 1 });
    expect(again.preview.dateColumns).toEqual([
      {
        column: 0,
        header: 'date',
        order: 'both',
        examples: [
          { text: '03/04/2017', dayFirst: '3 April 2017', monthFirst: '4 March 2017' },
          { text: '05/06/2017', dayFirst: '5 June 2017', monthFirst: '6 May 2017' }
        ]
      }
    ]);
    expect(ambiguousDateColumns(again.preview.dateColumns, again.preview.asked!).map((c) => c.column)).toEqual([0]);
  });

  it('reads such a column in the order the user chose, day first or month first, without a warning', () => {
    const text = fixture('generic-ambiguous.csv');
    const dmy = imported(importText(text, 'generic-ambiguous.csv', { mapping: { date: 0, title: 1, dateOrder: 'dmy' } }));
    expect(starts(dmy)).toEqual(['2017-04-03', '2017-06-05']);
    expect(dmy.dataset.events[0]!.start.asWritten).toBe('03/04/2017');
    expect(dmy.problems).toEqual([]);
    const mdy = imported(importText(text, 'generic-ambiguous.csv', { mapping: { date: 0, title: 1, dateOrder: 'mdy' } }));
    expect(starts(mdy)).toEqual(['2017-03-04', '2017-05-06']);
    expect(mdy.problems).toEqual([]);
  });

  it('borrows the order of the other date column when its own shows none', () => {
    const t = tableOf('start,end,title\n25/10/2017,03/11/2017,x\n', 'x.csv');
    const r = imported(importMappedCsv(t, { start: 0, end: 1, title: 2 }));
    expect(r.dataset.events[0]!.end!.value).toBe('2017-11-03');
    expect(r.problems[0]!.message).toContain('as the "start" column writes them');
  });

  it('refuses dates that read both ways in a column that mixes orders', () => {
    const t = tableOf('date,title\n25/10/2017,a\n10/25/2017,b\n03/04/2017,c\n', 'mixed.csv');
    const r = imported(importMappedCsv(t, { date: 0, title: 1 }));
    expect(starts(r)).toEqual(['2017-10-25', '2017-10-25']);
    expect(r.problems.map((p) => [p.severity, p.line])).toEqual([
      ['warning', 3],
      ['error', 4]
    ]);
    expect(r.problems[1]!.message).toContain('ambiguous');
  });

  it('skips rows whose dates cannot be used and keeps the others, with their precision', () => {
    const r = importGuessed('generic-invalid-dates.csv');
    expect(r.rows).toEqual({ total: 10, imported: 5, skipped: 5 });
    expect(r.dataset.events.map((e) => [e.title, e.start.value, e.start.precision])).toEqual([
      ['With a time', '2017-11-03', 'day'],
      ['Another time', '2017-11-04', 'day'],
      ['Circa a year', '2017', 'year'],
      ['Around a day', '2017-11-03', 'approximate'],
      ['A month', '2017-11', 'month']
    ]);
    expect(r.problems.map((p) => [p.severity, p.line, p.field])).toEqual([
      ['error', 2, 'date'],
      ['error', 3, 'date'],
      ['error', 4, 'date'],
      ['warning', 5, 'date'],
      ['error', 10, 'date'],
      ['error', 11, 'date']
    ]);
    expect(r.problems[0]!.message).toBe('the date cannot be used: "2017-02-30" does not exist: February 2017 has 28 days');
    expect(r.problems[2]!.message).toBe('the date is empty, so the event cannot be placed on the timeline');
    expect(r.problems[3]!.message).toBe('the time of day ("14:00:00Z") was dropped; the date is kept as written, without converting time zones (and 1 more row like it)');
  });

  it('uses the date column where the start column is empty', () => {
    const t = tableOf('start,date,title\n,2017-11-03,a\n2017-10,2017-11-05,b\n', 'x.csv');
    const r = imported(importMappedCsv(t, { start: 0, date: 1, title: 2 }));
    expect(starts(r)).toEqual(['2017-11-03', '2017-10']);
  });
});

describe('importMappedCsv: mapping problems', () => {
  const t = tableOf('when,what,where\n2017-11-03,Something,Raqqa\n', 'x.csv');

  it('fails without a date or start column, saying what to choose', () => {
    const outcome = importMappedCsv(t, { title: 1 });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.problems[0]!.message).toContain('no column is chosen for the date (or start date)');
  });

  it('fails on a column the table does not have', () => {
    const outcome = importMappedCsv(t, { date: 0, title: 7 as CsvMapping['title'] });
    expect(outcome.status === 'failed' && outcome.problems[0]!.message).toBe('the mapping puts title in column 8, but the table has 3 columns');
  });

  it('reads a protocol-relative address (//host/path) in the url column as https', () => {
    const r = imported(importMappedCsv(tableOf('date,title,url\n2017-11-03,a,//www.bbc.com/news/x\n', 'x.csv'), { date: 0, title: 1, url: 2 }));
    expect(r.dataset.sources[0]).toMatchObject({ publisher: 'bbc.com', url: 'https://www.bbc.com/news/x' });
    expect(r.problems).toEqual([]);
  });

  it('names an event without title or description after its type and place', () => {
    const table = tableOf('date,type,place,title\n2017-11-03,capture,Raqqa,\n', 'x.csv');
    const r = imported(importMappedCsv(table, { date: 0, type: 1, place: 2, title: 3 }));
    expect(r.dataset.events[0]!.title).toBe('Capture in Raqqa');
    expect(r.problems[0]).toMatchObject({ severity: 'warning', line: 2, field: 'title' });
  });

  it('fails when no row can be imported', () => {
    const outcome = importMappedCsv(tableOf('date,title\nsoon,a\n', 'x.csv'), { date: 0, title: 1 });
    expect(outcome.status === 'failed' && outcome.problems.map((p) => p.message)).toEqual([
      'the date cannot be used: "soon" is not a date this app can read (write it as YYYY-MM-DD, e.g. 2017-11-03)',
      'none of the 1 rows could be imported'
    ]);
  });
});
