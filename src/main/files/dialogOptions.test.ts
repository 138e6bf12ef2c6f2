// The dialogs' filters, and default file names for Save As made safe for any file system.
import { describe, expect, it } from 'vitest';
import { OPEN_FILTERS, safeFileName, saveFilters, withExtension } from './dialogOptions';

describe('OPEN_FILTERS', () => {
  it('offers every supported file first, then Frontline, CSV/TSV, TimelineJS JSON and all files', () => {
    expect(OPEN_FILTERS.map((f) => f.name)).toEqual(['All supported files', 'Frontline datasets', 'CSV or TSV tables (ACLED, UCDP, TimelineJS, other)', 'TimelineJS JSON', 'All files']);
    expect(OPEN_FILTERS[0]!.extensions).toEqual(['frontline', 'json', 'csv', 'tsv', 'txt']);
    expect(OPEN_FILTERS[1]!.extensions).toEqual(['frontline', 'json']);
    expect(OPEN_FILTERS[2]!.extensions).toEqual(['csv', 'tsv', 'txt']);
    expect(OPEN_FILTERS[3]!.extensions).toEqual(['json']);
    expect(OPEN_FILTERS[4]!.extensions).toEqual(['*']);
  });

  it('saves each format under its own extension', () => {
    expect(saveFilters('frontline')).toEqual([{ name: 'Frontline dataset', extensions: ['frontline'] }]);
    expect(saveFilters('csv')).toEqual([{ name: 'CSV table', extensions: ['csv'] }]);
  });
});

describe('safeFileName', () => {
  it.each([
    ['IS loses Deir al-Zour and al-Qaim', 'frontline', 'IS loses Deir al-Zour and al-Qaim.frontline'],
    ['Syria: 2017/2018 <draft>?', 'csv', 'Syria 2017 2018 draft.csv'],
    ['a\\b|c*d"e', 'csv', 'a b c d e.csv'],
    ['  ..hidden. ', 'frontline', 'hidden.frontline'],
    ['line\nbreak\ttab', 'csv', 'line break tab.csv'],
    ['evil\u202Egnp.exe', 'frontline', 'evil gnp.exe.frontline'],
    ['دير الزور', 'csv', 'دير الزور.csv'],
    ['CON', 'csv', 'CON dataset.csv'],
    ['lpt1', 'frontline', 'lpt1 dataset.frontline'],
    ['', 'csv', 'dataset.csv'],
    ['///', 'frontline', 'dataset.frontline'],
    ['...', 'csv', 'dataset.csv']
  ] as const)('%j as %s → %j', (title, format, expected) => {
    expect(safeFileName(title, format)).toBe(expected);
  });

  it('keeps at most 100 characters of a long title (whole characters, not halves of emoji)', () => {
    const name = safeFileName('😀'.repeat(150), 'csv');
    expect([...name.replace(/\.csv$/, '')]).toHaveLength(100);
    expect(name).toBe(`${'😀'.repeat(100)}.csv`);
  });
});

describe('withExtension', () => {
  it('adds the extension only when the path has none', () => {
    expect(withExtension('/tmp/out', 'csv')).toBe('/tmp/out.csv');
    expect(withExtension('/tmp/out.csv', 'csv')).toBe('/tmp/out.csv');
    expect(withExtension('/tmp/out.txt', 'csv')).toBe('/tmp/out.txt');
    expect(withExtension('/tmp/report', 'frontline')).toBe('/tmp/report.frontline');
  });
});
