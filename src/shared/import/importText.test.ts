// detectFormat / importText: what a file is, and what comes of importing it (imported, needs its
// columns mapped, or failed). ACLED and UCDP detection is tested with their importers.
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../dataset/validateDataset';
import { detectFormat, importText } from './importText';
import { importFixture as fixture } from '../../../tests/support/importFixtures';

describe('detectFormat', () => {
  it('knows a native dataset by its format mark, with or without a BOM', () => {
    expect(detectFormat('{\n  "format": "frontline-dataset",\n  "version": 1\n}', 'data.json')).toBe('native');
    expect(detectFormat('\uFEFF  {"version":1,"format" : "frontline-dataset"}', 'data.json')).toBe('native');
  });

  it('knows a native dataset by its .frontline name, whatever it holds', () => {
    expect(detectFormat('{"events": []}', 'story.frontline')).toBe('native');
    expect(detectFormat('not even json', 'STORY.FRONTLINE')).toBe('native');
  });

  it('takes other JSON for TimelineJS', () => {
    expect(detectFormat(fixture('timelinejs-normal.json'), 'timelinejs-normal.json')).toBe('timelinejs-json');
    expect(detectFormat('\uFEFF\n [ {"a": 1} ]', 'list.json')).toBe('timelinejs-json');
  });

  it('knows the TimelineJS spreadsheet by its header, even under a junk line or quoted', () => {
    expect(detectFormat(fixture('timelinejs-normal.csv'), 'timelinejs-normal.csv')).toBe('timelinejs-csv');
    expect(detectFormat('My timeline export\n"Year","Month","Day","Time","End Year","Headline","Text","Media"\n2017,11,3,,,A,,\n', 'x.csv')).toBe('timelinejs-csv');
    expect(detectFormat('Year\tMonth\tDay\tHeadline\tText\tMedia\tGroup\n2017\t11\t3\tA\t\t\t\n', 'x.tsv')).toBe('timelinejs-csv');
  });

  it('takes any other table for a generic CSV or TSV', () => {
    expect(detectFormat(fixture('generic-comma.csv'), 'generic-comma.csv')).toBe('csv');
    expect(detectFormat(fixture('generic-tab.tsv'), 'generic-tab.tsv')).toBe('csv');
    expect(detectFormat(fixture('generic-semicolon.csv'), 'generic-semicolon.csv')).toBe('csv');
    // A year and a headline alone are not the TimelineJS template.
    expect(detectFormat('year,headline,notes\n2017,A,B\n', 'x.csv')).toBe('csv');
  });
});

describe('importText', () => {
  it('refuses a native dataset (it is opened, not imported)', () => {
    const outcome = importText('{"format":"frontline-dataset"}', 'x.json');
    expect(outcome).toEqual({ status: 'failed', problems: [{ severity: 'error', file: 'x.json', message: 'is a Frontline dataset, which is opened directly rather than imported' }] });
  });

  it('asks for the mapping of a generic table, then imports with it', () => {
    const text = fixture('generic-tab.tsv');
    const first = importText(text, 'generic-tab.tsv');
    expect(first.status).toBe('needs-mapping');
    if (first.status !== 'needs-mapping') return;
    expect(first.preview).toEqual({
      delimiter: '\t',
      headers: ['start', 'end', 'headline', 'notes', 'category', 'city'],
      sample: [
        ['2017-06-06', '2017-10-17', 'Battle of Raqqa', 'SDF take the city after four months, street by street', 'battle', 'Raqqa'],
        ['2017-11-03', '', 'Deir al-Zour declared free', 'Statement by the army', 'statement', 'Deir al-Zour'],
        ['2017-11', '', 'Displacement from the province', 'Some 350,000 people, tab\tinside', 'displaced', '']
      ],
      guess: { start: 0, end: 1, title: 2, description: 3, type: 4, place: 5 },
      rowCount: 3
    });
    // The user corrects the guess: no end column, and the notes as the title.
    const second = importText(text, 'generic-tab.tsv', { mapping: { start: 0, title: 3 } });
    expect(second.status).toBe('imported');
    if (second.status !== 'imported') return;
    const { result } = second;
    expect(result.format).toBe('csv');
    expect(result.rows).toEqual({ total: 3, imported: 3, skipped: 0 });
    expect(result.dataset.events.map((e) => [e.title, e.type, e.end])).toEqual([
      ['SDF take the city after four months, street by street', 'other', undefined],
      ['Statement by the army', 'other', undefined],
      ['Some 350,000 people, tab inside', 'other', undefined]
    ]);
    const check = validateDataset(structuredClone(result.dataset), 'generic-tab.tsv');
    expect(check.ok).toBe(true);
  });

  it('finds a generic table\'s header under a title line', () => {
    const outcome = importText('Events exported on 2020-01-01\ndate,title\n2017-11-03,A\n', 'x.csv');
    expect(outcome.status === 'needs-mapping' && outcome.preview).toMatchObject({ headers: ['date', 'title'], rowCount: 1, guess: { date: 0, title: 1 } });
  });

  it('still reads a table of one column (its first row is the header)', () => {
    const outcome = importText('date\n2017-11-03\n', 'x.csv');
    expect(outcome.status === 'needs-mapping' && outcome.preview).toMatchObject({ headers: ['date'], rowCount: 1 });
  });

  it('reads a file as the format it is told, not the one it looks like', () => {
    const text = fixture('timelinejs-normal.csv');
    expect(importText(text, 'timelinejs-normal.csv').status).toBe('imported');
    const asCsv = importText(text, 'timelinejs-normal.csv', { format: 'csv' });
    expect(asCsv.status === 'needs-mapping' && asCsv.preview.headers[0]).toBe('Year');
  });

  it('imports TimelineJS JSON with a BOM', () => {
    const outcome = importText('\uFEFF' + fixture('timelinejs-normal.json'), 'tl.json');
    expect(outcome.status === 'imported' && outcome.result.rows).toEqual({ total: 6, imported: 6, skipped: 0 });
  });

  it('fails on a TimelineJS spreadsheet whose every row is unreadable', () => {
    const outcome = importText('Year,Month,Day,Headline,Text,Media,Group\n"2017,11,3,A,,,\n', 'x.csv');
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.problems[0]).toMatchObject({ line: 2, severity: 'error' });
  });
});
