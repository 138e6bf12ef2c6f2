// Generic CSV day/month order: a date column whose numeric dates all read both ways (03/04/2017)
// is never read in an assumed order. The preview names such columns with examples read both ways;
// the import needs the user's choice (mapping.dateOrder) or another date column that shows it.
import { describe, expect, it } from 'vitest';
import { ambiguousDateColumns, bothReadings, previewCsv } from './csvMapping';
import { readCsv, type CsvTable } from './csvTable';
import { importMappedCsv } from './genericCsv';
import { importText } from './importText';
import type { ImportResult } from './types';
import { importFixture as fixture, expectImported as imported } from '../../../tests/support/importFixtures';

function tableOf(text: string, file: string): CsvTable {
  const read = readCsv(text, file);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.table;
}

const span = () => tableOf(fixture('generic-ambiguous-span.csv'), 'generic-ambiguous-span.csv');
const dates = (r: ImportResult) => r.dataset.events.map((e) => [e.start.value, e.end?.value]);

describe('the preview: which date columns need their order said, with the file\'s own examples both ways', () => {
  it('names start and end columns whose dates all read both ways, with up to 3 distinct examples', () => {
    const preview = previewCsv(span());
    expect(preview.guess).toMatchObject({ start: 0, end: 1, title: 2, place: 3 });
    expect(preview.dateColumns).toEqual([
      {
        column: 0,
        header: 'start',
        order: 'both',
        examples: [
          { text: '03/04/2017', dayFirst: '3 April 2017', monthFirst: '4 March 2017' },
          { text: '07/08/2017 14:00', dayFirst: '7 August 2017', monthFirst: '8 July 2017' },
          { text: '01/02/2017', dayFirst: '1 February 2017', monthFirst: '2 January 2017' }
        ]
      },
      {
        column: 1,
        header: 'end',
        order: 'both',
        examples: [
          { text: '05/06/2017', dayFirst: '5 June 2017', monthFirst: '6 May 2017' },
          { text: '11/12/2017', dayFirst: '11 December 2017', monthFirst: '12 November 2017' }
        ]
      }
    ]);
    expect(ambiguousDateColumns(preview.dateColumns, preview.guess).map((c) => c.header)).toEqual(['start', 'end']);
    expect(preview.asked).toBeUndefined();
  });

  it('a column whose dates show their order needs no question, and lends it to the others', () => {
    expect(previewCsv(tableOf(fixture('generic-dmy.csv'), 'dmy.csv')).dateColumns).toEqual([{ column: 0, header: 'date', order: 'dmy', examples: [] }]);
    expect(previewCsv(tableOf(fixture('generic-mdy.csv'), 'mdy.csv')).dateColumns).toEqual([{ column: 0, header: 'date', order: 'mdy', examples: [] }]);
    const lent = previewCsv(tableOf('start,end,title\n03/04/2017,25/10/2017,x\n', 'x.csv'));
    expect(lent.dateColumns?.map((c) => c.order)).toEqual(['both', 'dmy']);
    expect(ambiguousDateColumns(lent.dateColumns, lent.guess)).toEqual([]);
    // Without the column that shows it, the other one needs the question.
    expect(ambiguousDateColumns(lent.dateColumns, { start: 0, title: 2 }).map((c) => c.column)).toEqual([0]);
  });

  it('ISO dates, words and no dates at all need no question', () => {
    const preview = previewCsv(tableOf('date,title,count\n2017-11-03,3 November 2017,12\n', 'x.csv'));
    expect(preview.dateColumns).toBeUndefined();
    expect(ambiguousDateColumns(preview.dateColumns, preview.guess)).toEqual([]);
  });

  it('bothReadings: only dates that read both ways, differently', () => {
    expect(bothReadings('03/04/2017')).toEqual({ text: '03/04/2017', dayFirst: '3 April 2017', monthFirst: '4 March 2017' });
    expect(bothReadings('3.4.2017')).toEqual({ text: '3.4.2017', dayFirst: '3 April 2017', monthFirst: '4 March 2017' });
    for (const one of ['05/05/2017', '25/10/2017', '10/25/2017', '2017-03-04', '3 April 2017', 'soon']) expect(bothReadings(one)).toBeUndefined();
  });
});

describe('importing: the order is the user\'s, never assumed', () => {
  it('without a choice, the mapping comes back as a question (needs-mapping, with the mapping asked and the examples)', () => {
    const mapping = { start: 0, end: 1, title: 2, place: 3 };
    const outcome = importMappedCsv(span(), mapping);
    expect(outcome.status).toBe('needs-mapping');
    if (outcome.status !== 'needs-mapping') return;
    expect(outcome.preview.asked).toEqual(mapping);
    expect(ambiguousDateColumns(outcome.preview.dateColumns, mapping).map((c) => [c.header, c.examples[0]?.text])).toEqual([
      ['start', '03/04/2017'],
      ['end', '05/06/2017']
    ]);
  });

  it('day first, as chosen: every date read so, the time of day dropped once with a warning', () => {
    const r = imported(importMappedCsv(span(), { start: 0, end: 1, title: 2, place: 3, dateOrder: 'dmy' }));
    expect(dates(r)).toEqual([
      ['2017-04-03', '2017-06-05'],
      ['2017-04-03', undefined],
      ['2017-05-05', undefined],
      ['2017-08-07', undefined],
      ['2017-02-01', '2017-12-11']
    ]);
    expect(r.problems.map((p) => [p.line, p.field, p.message])).toEqual([[5, 'start', 'the time of day ("14:00") was dropped; the date is kept as written, without converting time zones']]);
  });

  it('month first, as chosen', () => {
    const r = imported(importMappedCsv(span(), { start: 0, end: 1, title: 2, place: 3, dateOrder: 'mdy' }));
    expect(dates(r)).toEqual([
      ['2017-03-04', '2017-05-06'],
      ['2017-03-04', undefined],
      ['2017-05-05', undefined],
      ['2017-07-08', undefined],
      ['2017-01-02', '2017-11-12']
    ]);
  });

  it('a column whose own dates show the order keeps it over the choice, and says so', () => {
    const r = imported(importText(fixture('generic-mdy.csv'), 'generic-mdy.csv', { mapping: { date: 0, title: 1, dateOrder: 'dmy' } }));
    expect(r.dataset.events.map((e) => e.start.value)).toEqual(['2017-11-03', '2017-10-25', '2017-06-05']);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        file: 'generic-mdy.csv',
        line: 3,
        field: 'date',
        message: 'this column writes its dates month first (03/04/2017 is March 4, 2017), as "10/25/2017" shows, so they were read that way, not day first as chosen'
      }
    ]);
  });

  it('a column mixing orders still leaves out the dates that read both ways, whatever the choice', () => {
    const t = tableOf('date,title\n25/10/2017,a\n10/25/2017,b\n03/04/2017,c\n', 'mixed.csv');
    const r = imported(importMappedCsv(t, { date: 0, title: 1, dateOrder: 'dmy' }));
    expect(r.dataset.events.map((e) => e.title)).toEqual(['a', 'b']);
    expect(r.problems.map((p) => [p.severity, p.line])).toEqual([
      ['warning', 3],
      ['error', 4]
    ]);
  });

  it('a column chosen that the first preview did not look at (empty at first) is asked about when it is used', () => {
    const rows = [...Array.from({ length: 60 }, (_, i) => `2017-01-01,row ${i},`), '2017-01-01,late,03/04/2017', '2017-01-01,later,05/06/2017'];
    const t = tableOf(`when,what,other\n${rows.join('\n')}\n`, 'late.csv');
    expect(previewCsv(t).dateColumns).toBeUndefined();
    const outcome = importMappedCsv(t, { date: 2, title: 1 });
    expect(outcome.status === 'needs-mapping' && outcome.preview.dateColumns).toEqual([
      {
        column: 2,
        header: 'other',
        order: 'both',
        examples: [
          { text: '03/04/2017', dayFirst: '3 April 2017', monthFirst: '4 March 2017' },
          { text: '05/06/2017', dayFirst: '5 June 2017', monthFirst: '6 May 2017' }
        ]
      }
    ]);
  });
});
