// csvExport: formula injection neutralised (OWASP ASVS 1.2.10) but plain numbers kept, RFC 4180
// quoting, and whole events written as rows a CSV parser reads back cell for cell.
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnsFromDataset } from '../dataset/datasetColumns';
import type { Dataset, TimelineEvent } from '../dataset/schema';
import { parseDatasetText, validateDataset } from '../dataset/validateDataset';
import { CSV_BOM, CSV_COLUMNS, csvCell, csvEventLine, csvHeaderLine, csvLookups } from './csvExport';

const BUNDLED_TEXT = readFileSync(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url), 'utf8');

function bundled(): Dataset {
  const check = parseDatasetText(BUNDLED_TEXT, 'bundled.frontline');
  if (!check.ok) throw new Error('bundled dataset invalid');
  return check.dataset;
}

const parse = (text: string): string[][] => Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("https://evil.example","click")', `"'=HYPERLINK(""https://evil.example"",""click"")"`],
    ['+33 1 23', "'+33 1 23"],
    ['+5', "'+5"],
    ['-2+3', "'-2+3"],
    ['-cmd|calc', "'-cmd|calc"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`]
  ])('neutralises %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ['-5', '-5'],
    ['-0.25', '-0.25'],
    ['3.2', '3.2'],
    ['12', '12'],
    [-35.5, '-35.5'],
    [0, '0'],
    ['Deir al-Zour', 'Deir al-Zour'],
    ['a = b', 'a = b'],
    ['x@y.org', 'x@y.org']
  ])('leaves %j as it is', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    [' padded', '" padded"'],
    ['padded ', '"padded "']
  ])('quotes %j as RFC 4180 asks', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes nothing for a missing value', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('a neutralised cell reads back as the text with one apostrophe in front', () => {
    for (const text of ['=1+1', '@x', '+1,2', '-"a"', '\t=2']) {
      expect(parse(`${csvCell(text)},end\r\n`)[0]).toEqual([`'${text}`, 'end']);
    }
  });
});

describe('csvEventLine', () => {
  it('writes the header with CRLF, and the BOM as a separate constant', () => {
    expect(csvHeaderLine()).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    expect(CSV_BOM).toBe('\uFEFF');
  });

  it('writes every bundled event as one row with a cell for every column', () => {
    const dataset = bundled();
    const { header } = columnsFromDataset(dataset);
    const lookups = csvLookups(header);
    const text = csvHeaderLine() + dataset.events.map((e) => csvEventLine(header, e, lookups)).join('');
    const rows = parse(text);
    expect(rows).toHaveLength(dataset.events.length + 1);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const [i, row] of rows.slice(1).entries()) {
      expect(row).toHaveLength(CSV_COLUMNS.length);
      expect(row[0]).toBe(dataset.events[i]!.id);
      expect(row[CSV_COLUMNS.indexOf('type')]).toBe(dataset.events[i]!.type);
    }
  });

  it('names places, countries, actors and sources rather than giving their ids, and keeps Arabic text', () => {
    const dataset = bundled();
    const { header } = columnsFromDataset(dataset);
    const e = dataset.events.find((x) => x.places.includes('deir-al-zour') && x.actors.length > 0)!;
    const row = parse(csvEventLine(header, e))[0]!;
    const cell = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    expect(cell('places')).toContain('Deir al-Zour');
    expect(cell('countries')).toContain('SY');
    expect(cell('actors')).toContain(header.actors.find((a) => a.id === e.actors[0]!.actor)!.name);
    expect(cell('sources')).toContain('BBC News');
    expect(cell('latitude')).toMatch(/^\d+\.\d+$/);
  });

  it('neutralises formulas in dataset text (title, quotes, places) and leaves coordinates as numbers', () => {
    const check = validateDataset(
      {
        format: 'frontline-dataset',
        version: 1,
        metadata: { title: 'Hostile' },
        sources: [{ id: 'wire', publisher: '=WEBSERVICE("http://x")', title: 'Report' }],
        places: [{ id: 'p', name: '@evil', kind: 'town', countries: ['SY'], coordinates: { lat: -35.5, lon: 40.1, precision: 'exact', source: 'wire' } }],
        events: [
          {
            id: 'e',
            type: 'statement',
            title: '=1+1',
            summary: '+cmd',
            start: { value: '2017-11-03', precision: 'day', asWritten: '-yesterday' },
            places: ['p'],
            citations: [{ source: 'wire', quote: '@SUM(1)' }]
          }
        ]
      },
      'hostile.frontline'
    );
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    const { header } = columnsFromDataset(check.dataset);
    const row = parse(csvEventLine(header, check.dataset.events[0] as TimelineEvent))[0]!;
    const cell = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    expect(cell('title')).toBe("'=1+1");
    expect(cell('summary')).toBe("'+cmd");
    expect(cell('start_as_written')).toBe("'-yesterday");
    expect(cell('places')).toBe("'@evil");
    expect(cell('sources')).toBe(`'=WEBSERVICE("http://x"), Report`);
    expect(cell('quotes')).toBe("'@SUM(1)");
    expect(cell('latitude')).toBe('-35.5');
    for (const value of row) expect(value).not.toMatch(/^[=+@\t\r\n]/);
  });

  it('writes a figure with its range and in agreement, and a window of possible dates as one point without an end', () => {
    const check = validateDataset(
      {
        format: 'frontline-dataset',
        version: 1,
        metadata: { title: 'UCDP-like' },
        sources: [{ id: 'ucdp', publisher: 'UCDP', title: 'GED' }],
        events: [
          {
            id: 'e',
            type: 'clash',
            title: 'Fighting',
            start: { value: '2017-04-07/2017-05-31', precision: 'between', asWritten: '2017-04-07 to 2017-05-31' },
            figures: [
              { value: 0, low: 0, high: 7961, unit: 'fatalities', counts: 'deaths, UCDP best estimate', label: 'killed', bound: 'approximate', asWritten: 'best 0 (low 0, high 7961)' },
              { value: 1, unit: 'civilian deaths', counts: 'civilian deaths', label: 'civilians killed', bound: 'exact', asWritten: '1' }
            ],
            citations: [{ source: 'ucdp' }]
          }
        ]
      },
      'ucdp.frontline'
    );
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    const { header } = columnsFromDataset(check.dataset);
    const row = parse(csvEventLine(header, check.dataset.events[0] as TimelineEvent))[0]!;
    const cell = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    expect(cell('figures')).toBe('0 deaths, UCDP best estimate, up to 7,961; 1 civilian death');
    expect([cell('start'), cell('start_precision'), cell('end'), cell('end_precision')]).toEqual(['2017-04-07/2017-05-31', 'between', '', '']);
    expect(cell('date_resolved')).toBe('sometime between 7 April and 31 May 2017');
  });

  it('leaves out citations without a quote rather than writing empty pieces', () => {
    const check = validateDataset(
      {
        format: 'frontline-dataset',
        version: 1,
        metadata: { title: 'Rows' },
        sources: [{ id: 'acled', publisher: 'ACLED', title: 'Export' }],
        events: [{ id: 'e', type: 'clash', title: 'Clash', start: { value: '2020-01-01', precision: 'day' }, citations: [{ source: 'acled' }, { source: 'acled', quote: 'Fighting.' }] }]
      },
      'rows.frontline'
    );
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    const { header } = columnsFromDataset(check.dataset);
    const row = parse(csvEventLine(header, check.dataset.events[0] as TimelineEvent))[0]!;
    expect(row[CSV_COLUMNS.indexOf('quotes')]).toBe('Fighting.');
  });
});
