// TimelineJS JSON and spreadsheet CSV: slides become events with their precision, eras become
// background spans, groups become lanes, HTML becomes plain text, and every bad slide is named.
import { describe, expect, it } from 'vitest';
import { ERA_TAG, GROUP_TAG } from '../dataset/columns';
import { readCsv } from './csvTable';
import { importText } from './importText';
import { htmlToText, importTimelineJsCsv, importTimelineJsJson, isTimelineJsHeader } from './timelineJs';
import type { ImportResult } from './types';
import { importFixture as fixture, expectImported as imported, expectFailed as failed } from '../../../tests/support/importFixtures';

const byId = (r: ImportResult, id: string) => {
  const e = r.dataset.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id} among ${r.dataset.events.map((x) => x.id).join(', ')}`);
  return e;
};
const sourceOf = (r: ImportResult, id: string) => r.dataset.sources.find((s) => s.id === byId(r, id).citations[0]!.source)!;

describe('htmlToText', () => {
  it('decodes entities, drops tags, and makes <br> and <p> line breaks', () => {
    expect(htmlToText('<p>Tom &amp; Jerry&#39;s &quot;war&quot; &lt;3</p><p>Second<br>line</p>').text).toBe('Tom & Jerry\'s "war" <3\n\nSecond\nline');
  });

  it('drops scripts, styles and embedded objects with everything inside them', () => {
    const r = htmlToText('a<script>alert("x")</script>b<style>p{color:red}</style>c<iframe src="https://evil.example">d</iframe>e<svg><text>f</text></svg>g');
    expect(r.text).toBe('abceg');
  });

  it('collapses HTML white space but keeps the line breaks of text without tags', () => {
    expect(htmlToText('<b>one</b>\n   two\t three').text).toBe('one two three');
    expect(htmlToText('one\ntwo &amp; three').text).toBe('one\ntwo & three');
    expect(htmlToText('a&nbsp;&nbsp;b').text).toBe('a b');
  });

  it('finds the first link, its address unchecked and its text', () => {
    const r = htmlToText('See <a href="javascript:alert(1)">this</a> and <a href="https://b.example/x">that</a>');
    expect(r.link).toEqual({ href: 'javascript:alert(1)', text: 'this' });
    expect(htmlToText('no links').link).toBeUndefined();
  });

  it('writes list items on their own lines', () => {
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>').text).toBe('• one\n• two');
  });
});

describe('TimelineJS JSON', () => {
  const result = imported(importText(fixture('timelinejs-normal.json'), 'timelinejs-normal.json'));

  it('a file nested deeper than 64 levels is refused before it is read, naming the line and the member', () => {
    const deep = '{"a":'.repeat(9_999) + '1' + '}'.repeat(9_999);
    const text = `{"title": {"text": {"headline": "T"}},\n"events": [{"start_date": {"year": "2017"}, "text": {"headline": "x"}},\n{"start_date": {"year": "2017"}, "text": {"headline": "y", "text": ${deep}}}]}`;
    const problems = failed(importText(text, 'deep.json'));
    expect(problems).toEqual([expect.objectContaining({ file: 'deep.json', line: 3, field: 'events[1].text.text.a…', message: expect.stringMatching(/nested more than 64 levels deep/) })]);
  });

  it('reads every slide and era', () => {
    expect(result.format).toBe('timelinejs-json');
    expect(result.rows).toEqual({ total: 6, imported: 6, skipped: 0 });
    expect(result.dataset.events.map((e) => e.id)).toEqual(['deir-taken', 'slide-2', 'slide-3', 'deir-taken-2', 'era-1', 'era-2']);
  });

  it('makes the title slide the dataset title and description, as plain text', () => {
    expect(result.dataset.metadata.title).toBe('Deir al-Zour & al-Qaim, 2017');
    expect(result.dataset.metadata.description).toBe('How IS lost its last towns.\n\nCompiled from public reports.\nDraft');
  });

  it('takes the precision from the date parts present, given as strings or numbers', () => {
    expect(byId(result, 'deir-taken').start).toEqual({ value: '2017-11-03', precision: 'day', asWritten: 'Friday 3 November 2017' });
    expect(byId(result, 'slide-2').start).toEqual({ value: '2017-10', precision: 'month' });
    expect(byId(result, 'slide-2').end).toEqual({ value: '2017-11-03', precision: 'day' });
    expect(byId(result, 'slide-3').start).toEqual({ value: '2017', precision: 'year' });
  });

  it('reduces HTML to text: entities decoded, script and style gone', () => {
    expect(byId(result, 'deir-taken').summary).toBe('The army said it had "fully liberated" the city.\n\nSee the BBC report.');
    expect(byId(result, 'deir-taken-2').summary).toBe('Iraqi forces…');
    expect(JSON.stringify(result.dataset)).not.toMatch(/alert|color: red|<[a-z]/);
  });

  it('titles a slide without a headline by the first words of its text', () => {
    expect(byId(result, 'slide-3').title).toBe('Some 350,000 civilians fled their homes during weeks of fighting in the…');
  });

  it('makes eras background context (type "context"), drawn as background periods, whatever their words', () => {
    expect(byId(result, 'era-1')).toMatchObject({ title: 'IS holds Deir al-Zour province', type: 'context', tags: [ERA_TAG], start: { value: '2014', precision: 'year' }, end: { value: '2017-11-03', precision: 'day' } });
    expect(byId(result, 'era-2')).toMatchObject({ title: 'Battle for Raqqa', type: 'context', tags: [ERA_TAG] });
  });

  it('makes groups lanes, and a group that names a type gives the type; others are "other"', () => {
    expect(byId(result, 'deir-taken')).toMatchObject({ type: 'other', tags: [`${GROUP_TAG}Syria`] });
    expect(byId(result, 'slide-2')).toMatchObject({ type: 'offensive', tags: [`${GROUP_TAG}Offensives`] });
    expect(byId(result, 'deir-taken-2').tags).toEqual(['group: Iraq']);
  });

  it('cites the first link of the text as the source; media are kept as media, never the source', () => {
    expect(sourceOf(result, 'deir-taken')).toMatchObject({ publisher: 'bbc.com', title: 'the BBC report', url: 'https://www.bbc.com/news/world-middle-east-41860258' });
    expect(byId(result, 'slide-2').media).toEqual([{ url: 'https://example.org/photos/qaim.jpg', kind: 'image', caption: 'Troops near al-Qaim', credit: 'Example Agency' }]);
    expect(sourceOf(result, 'slide-2')).toMatchObject({ publisher: 'TimelineJS timeline', title: 'Deir al-Zour & al-Qaim, 2017' });
    expect(result.dataset.sources.map((s) => s.url)).not.toContain('https://example.org/photos/qaim.jpg');
  });

  it('never keeps an unsafe media address; such slides cite the file, with the credit as a note', () => {
    const src = sourceOf(result, 'slide-3');
    expect(src.url).toBeUndefined();
    expect(src.publisher).toBe('TimelineJS timeline');
    expect(byId(result, 'slide-3').citations[0]!.note).toBe('Media credit: UNHCR');
    expect(result.dataset.sources.every((s) => s.url === undefined || s.url.startsWith('https://'))).toBe(true);
  });

  it('warns about what it changed, naming the slide field (JSON gives no lines)', () => {
    expect(result.problems.map((p) => [p.severity, p.field, p.line])).toEqual([
      ['warning', 'events[2].media.url', undefined],
      ['warning', 'events[3].unique_id', undefined],
      ['warning', 'events[0].start_date.hour', undefined]
    ]);
    expect(result.problems[1]!.message).toBe('the id "deir-taken" is used by an earlier slide; this event\'s id is "deir-taken-2"');
    expect(result.lineOfEvent).toHaveLength(result.dataset.events.length);
    expect(result.lineOfEvent.every((line) => line === undefined)).toBe(true);
  });

  it('skips each broken slide with a problem naming the part, and imports the rest', () => {
    const r = imported(importText(fixture('timelinejs-broken.json'), 'timelinejs-broken.json'));
    expect(r.rows).toEqual({ total: 10, imported: 2, skipped: 8 });
    // A headline of nothing but invisible characters (a zero-width space, a bidi override) is no headline.
    expect(r.dataset.events.map((e) => e.title)).toEqual(['The one good slide', 'Untitled slide (2017-11-04)']);
    expect(r.dataset.metadata.title).toBe('timelinejs-broken');
    expect(r.problems.filter((p) => p.severity === 'warning').map((p) => [p.field, p.message])).toEqual([
      ['events[8].text.headline', 'the slide has no headline or text; it is called "Untitled slide (2017-11-04)"']
    ]);
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.every((p) => p.file === 'timelinejs-broken.json')).toBe(true);
    expect(errors.map((p) => [p.field, p.message])).toEqual([
      ['events[0].start_date.month', '13 is not a month (months are 1 to 12); the slide was left out'],
      ['events[1].start_date', 'the slide has no start date (TimelineJS needs at least a year)'],
      ['events[2].start_date.day', '29 is not a day of February 2017, which has 28 days; the slide was left out'],
      ['events[3].start_date.year', 'the year -50 is before the year 1 (Frontline cannot show dates before the Common Era); the slide was left out'],
      ['events[4].start_date.year', '"twenty seventeen" is not a number; the slide was left out'],
      ['events[5]', 'should be a slide (an object) but is text'],
      ['events[6].end_date.year', 'it ends (2017-03) before it starts (2017-11); the slide was left out'],
      ['eras[0].start_date.year', 'the start date has no year (TimelineJS needs at least a year); the era was left out']
    ]);
  });

  it('fails with a clear message when the file is not a timeline', () => {
    expect(failed(importTimelineJsJson([1, 2], 'list.json'))[0]!.message).toBe('is not a TimelineJS timeline: it holds a list, not an object with an "events" list');
    expect(failed(importTimelineJsJson('text', 'text.json'))[0]!.message).toContain('it holds text');
    expect(failed(importTimelineJsJson(null, 'null.json'))[0]!.message).toContain('it holds null');
    expect(failed(importTimelineJsJson({ slides: [] }, 'x.json'))[0]!.message).toBe('is not a TimelineJS timeline: it has no "events" list');
    expect(failed(importTimelineJsJson({ events: { a: 1 } }, 'x.json'))[0]).toMatchObject({ field: 'events', message: '"events" should be a list of slides but is an object' });
    expect(failed(importTimelineJsJson({ events: [] }, 'x.json')).at(-1)!.message).toBe('the timeline has no slides');
  });

  it('fails when no slide is usable, listing why for each', () => {
    const problems = failed(importTimelineJsJson({ events: [{ start_date: { year: '2017', month: '0' } }, { start_date: {} }] }, 'bad.json'));
    expect(problems.map((p) => p.field ?? p.message)).toEqual(['events[0].start_date.month', 'events[1].start_date.year', 'none of the 2 slides could be imported']);
  });

  it('reads a timeline wrapped as {"timeline": {...}}, a day without a month, and a month by name', () => {
    const r = imported(
      importTimelineJsJson(
        {
          timeline: {
            title: { text: { headline: 'Wrapped' } },
            events: [
              { start_date: { year: '2017', day: '5' }, text: { headline: 'No month' } },
              { start_date: { year: '2017', month: 'March', day: '5' }, text: { headline: 'Named month' } }
            ]
          }
        },
        'wrapped.json'
      )
    );
    expect(r.dataset.metadata.title).toBe('Wrapped');
    expect(r.dataset.events.map((e) => e.start)).toEqual([
      { value: '2017', precision: 'year' },
      { value: '2017-03-05', precision: 'day' }
    ]);
    expect(r.problems).toEqual([{ severity: 'warning', file: 'wrapped.json', field: 'events[0].start_date.day', message: 'a day is given without a month; only the year 2017 is kept' }]);
  });

  it('fails on JSON syntax errors with the line', () => {
    const problems = failed(importText('{\n  "events": [\n    {,}\n  ]\n}', 'broken.json'));
    expect(problems[0]).toMatchObject({ file: 'broken.json', line: 3, severity: 'error' });
  });
});

describe('TimelineJS spreadsheet CSV', () => {
  const text = fixture('timelinejs-normal.csv');
  const result = imported(importText(text, 'timelinejs-normal.csv'));

  it('recognises the template header', () => {
    const keys = text.split('\n')[0]!.split(',').map((c) => c.trim().toLowerCase().replace(/\s+/g, '_'));
    expect(isTimelineJsHeader(keys)).toBe(true);
    expect(isTimelineJsHeader(['year', 'month', 'day', 'headline', 'text', 'media'])).toBe(true);
    expect(isTimelineJsHeader(['year', 'headline', 'text'])).toBe(false);
    expect(isTimelineJsHeader(['event_id_cnty', 'event_date', 'year', 'notes', 'fatalities'])).toBe(false);
  });

  it('reads the rows with their lines; the title row is the dataset title', () => {
    expect(result.format).toBe('timelinejs-csv');
    expect(result.rows).toEqual({ total: 4, imported: 4, skipped: 0 });
    expect(result.lineOfEvent).toEqual([3, 4, 6, 7]);
    expect(result.dataset.metadata.title).toBe('Deir al-Zour 2017');
    expect(result.dataset.metadata.description).toBe('Events of the campaign, from public reports.');
  });

  it('maps dates, display date, groups, eras and media', () => {
    const [taken, offensive, era, waterloo] = result.dataset.events;
    expect(taken).toMatchObject({ title: 'Syrian army takes Deir al-Zour', type: 'capture', summary: 'The army said so.\n\nRead more', start: { value: '2017-11-03', precision: 'day' }, tags: ['group: Captures'] });
    expect(offensive).toMatchObject({
      title: 'Offensive on al-Qaim',
      type: 'other',
      summary: 'Forces advanced\nalong the river',
      start: { value: '2017-10', precision: 'month', asWritten: 'Oct–Nov 2017' },
      end: { value: '2017-11-03', precision: 'day' },
      tags: ['group: Iraq']
    });
    expect(era).toMatchObject({ title: 'IS rule in Deir al-Zour', type: 'context', tags: ['era'], start: { value: '2014', precision: 'year' } });
    // "1,815": a year with a thousands separator.
    expect(waterloo).toMatchObject({ title: 'Waterloo', type: 'context', start: { value: '1815-06-18', precision: 'day' }, tags: ['group: Context'] });
    expect(sourceOf(result, taken!.id)).toMatchObject({ url: 'https://www.bbc.com/news/x', publisher: 'bbc.com', title: 'more' });
    expect(offensive!.media).toEqual([{ url: 'https://example.org/qaim', kind: 'other', caption: 'Troops', credit: 'Example Agency' }]);
    expect(sourceOf(result, offensive!.id)).toMatchObject({ publisher: 'TimelineJS timeline', title: 'Deir al-Zour 2017' });
  });

  it('says once that times of day were dropped, on the first line with one', () => {
    expect(result.problems).toEqual([
      { severity: 'warning', file: 'timelinejs-normal.csv', line: 3, field: 'Time', message: 'the time of day was dropped from 1 date (this is the first); Frontline keeps the date as written' }
    ]);
  });

  it('skips broken rows with their line and column, and imports the rest', () => {
    const r = imported(importText(fixture('timelinejs-broken.csv'), 'timelinejs-broken.csv'));
    expect(r.rows).toEqual({ total: 7, imported: 2, skipped: 5 });
    expect(r.dataset.events.map((e) => e.title)).toEqual(['Good row', 'Odd type']);
    expect(r.lineOfEvent).toEqual([6, 7]);
    expect(r.problems.map((p) => [p.severity, p.line, p.field])).toEqual([
      ['error', 2, 'Month'],
      ['error', 3, 'Year'],
      ['error', 4, 'Day'],
      ['error', 5, 'End Year'],
      ['warning', 7, 'Type'],
      ['error', 8, undefined]
    ]);
    expect(r.problems[3]!.message).toBe('it ends (2017-01) before it starts (2017-11-03); the slide was left out');
    expect(r.problems[5]!.message).toContain('never closed');
  });

  it('fails when no row has a usable date', () => {
    const read = readCsv('Year,Month,Day,Headline,Text,Media,Type,Group\n2017,14,,A,,,,\n,,,Title,,,title,\n', 'x.csv');
    if (!read.ok) throw new Error('unreadable');
    const problems = failed(importTimelineJsCsv(read.table));
    expect(problems.map((p) => p.message)).toEqual(['14 is not a month (months are 1 to 12); the slide was left out', 'none of the 1 rows could be imported']);
  });
});
