// loadDatasetBytes / readEvent: the streaming loader agrees with validateDataset + columnsFromDataset, locates syntax, schema and UTF-8 problems, reports progress, scales to 20,000 events and stops at MAX_ERRORS.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringAt } from './columns';
import { columnsFromDataset } from './datasetColumns';
import { parseDateValue, type DatePrecision } from './dates';
import { fastEventCheck } from '../../main/dataset/fastEventCheck';
import { loadDatasetBytes, readEvent, type LoadOptions, type LoadProgress, type LoadResult, type LoadedDataset } from './loadDatasetBytes';
import { lineColumnAt, type Problem } from './problems';
import { parseDatasetText, type DatasetCheck } from './validateDataset';
import { MAX_ERRORS } from './validator';
import { prng } from '../../../tests/support/prng';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const FILE = 'test.frontline';
const BUNDLED_TEXT = readFileSync(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url), 'utf8');
const INVALID_REFS_TEXT = readFileSync(new URL('../../../tests/fixtures/invalid-refs.frontline', import.meta.url), 'utf8');
const HOSTILE_TEXT = readFileSync(new URL('../../../tests/fixtures/hostile.frontline', import.meta.url), 'utf8');

const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/* eslint-disable @typescript-eslint/no-explicit-any -- tests build deliberately malformed datasets */

/** The streaming loader as the app runs it (with the compiled fast check) or with zod alone. */
const MODES = [
  { mode: 'zod only', options: {} },
  { mode: 'with the fast check', options: { fastCheck: fastEventCheck() } }
] as const;

const load = (text: string, options: LoadOptions = {}) => loadDatasetBytes(enc(text), FILE, options);

function loaded(result: LoadResult): LoadedDataset {
  if (!result.ok) throw new Error(`expected the dataset to load, got ${JSON.stringify(result.problems.slice(0, 5), null, 2)}`);
  return result.loaded;
}

function problemsOf(result: LoadResult): Problem[] {
  if (result.ok) throw new Error('expected the dataset to be refused');
  return result.problems;
}

function accepted(check: DatasetCheck): Extract<DatasetCheck, { ok: true }> {
  if (!check.ok) throw new Error(`expected the dataset to be accepted, got ${JSON.stringify(check.problems.slice(0, 5))}`);
  return check;
}

/** 1-based line and column of the first `needle` in `text` (after `after`, if given), computed independently. */
function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const from = after ? text.indexOf(after) : 0;
  if (from < 0) throw new Error(`"${after}" not in text`);
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  return positionAt(text, offset);
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

function replaceOnce(text: string, from: string, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`"${from}" not in text`);
  return out;
}


const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date value of this precision somewhere in 2010–2019. */
function dateValue(random: () => number, precision: DatePrecision): string {
  const year = 2010 + Math.floor(random() * 10);
  switch (precision) {
    case 'day':
    case 'approximate':
      return `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    case 'week':
      return `${year}-W${pad(1 + Math.floor(random() * 52))}`;
    case 'month':
      return `${year}-${pad(1 + Math.floor(random() * 12))}`;
    case 'year':
      return String(year);
    case 'between': {
      const month = 1 + Math.floor(random() * 11);
      return `${year}-${pad(month)}-${pad(1 + Math.floor(random() * 28))}/${year}-${pad(month + 1)}-${pad(1 + Math.floor(random() * 28))}`;
    }
  }
}

/** Header of generated datasets: Syria and Iraq theatres, a border place in both, London in neither. */
function generatedHeader(): any {
  return {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Generated', theatres: [{ country: 'SY', label: 'Syria' }, { country: 'IQ', label: 'Iraq' }] },
    sources: [{ id: 'wire', publisher: 'Wire', title: 'Reports' }],
    places: [
      { id: 'sy', name: 'Syria', countries: ['SY'] },
      { id: 'iq', name: 'Iraq', countries: ['IQ'] },
      { id: 'border', name: 'Border', countries: ['SY', 'IQ'] },
      { id: 'town', name: 'Town', parent: 'sy' },
      { id: 'london', name: 'London', countries: ['GB'] }
    ],
    actors: []
  };
}

/** `n` valid events with random dates, precisions, spans, places and figures. */
function generatedEvents(n: number, seed: number): any[] {
  const random = prng(seed);
  const precisions: DatePrecision[] = ['day', 'week', 'month', 'year', 'approximate', 'between'];
  const placeSets = [['sy'], ['iq'], ['border'], ['town'], ['london'], [], ['sy', 'iq']];
  return Array.from({ length: n }, (_, i) => {
    const precision = precisions[Math.floor(random() * precisions.length)]!;
    const start = dateValue(random, precision);
    const event: any = {
      id: `e-${i}`,
      type: random() < 0.05 ? 'context' : 'clash',
      title: `Event ${i} دير`,
      start: { value: start, precision, ...(precision === 'approximate' && i % 2 === 0 ? { margin: 1 + (i % 15) } : {}) },
      places: placeSets[Math.floor(random() * placeSets.length)],
      citations: [{ source: 'wire', quote: `quote ${i}` }]
    };
    if (random() < 0.3) {
      const endYear = Number(start.slice(0, 4)) + 1 + Math.floor(random() * 3);
      event.end = { value: `${endYear}-06`, precision: 'month' };
    }
    if (random() < 0.2) event.figures = [{ value: Math.floor(random() * 1000), unit: 'people', counts: 'displaced', asWritten: 'some' }];
    return event;
  });
}

function generatedText(n: number, seed: number, indent?: number): string {
  return JSON.stringify({ ...generatedHeader(), events: generatedEvents(n, seed) }, null, indent);
}

describe.each(MODES)('the bundled dataset ($mode)', ({ options }) => {
  it('loads every event of the file, no warnings, and one byte range per event', () => {
    const l = loaded(load(BUNDLED_TEXT, options));
    expect(l.columns.count).toBe(BUNDLED_EVENT_COUNT);
    expect(l.warnings).toEqual([]);
    expect(l.eventRanges).toHaveLength(2 * BUNDLED_EVENT_COUNT);
    expect(l.header.metadata.title).toBe('IS loses Deir al-Zour and al-Qaim');
    expect(l.header.theatreLanes.map((lane) => lane.label)).toEqual(['Syria', 'Iraq', 'Syria & Iraq', 'Elsewhere']);
  });

  it('matches validateDataset + columnsFromDataset on the same file', () => {
    const l = loaded(load(BUNDLED_TEXT, options));
    const whole = columnsFromDataset(accepted(parseDatasetText(BUNDLED_TEXT, FILE)).dataset);
    const ids = (c: typeof l.columns) => Array.from({ length: c.count }, (_, i) => stringAt(c.ids, i));
    expect(ids(l.columns)).toEqual(ids(whole.columns));
    expect([...l.columns.start]).toEqual([...whole.columns.start]);
    expect([...l.columns.end]).toEqual([...whole.columns.end]);
    const laneIds = (r: typeof whole) => [...r.columns.theatre].map((t) => r.header.theatreLanes[t]!.id);
    expect(laneIds(l)).toEqual(laneIds(whole));
    expect(l.header.fullRange).toEqual(whole.header.fullRange);
    expect(l.header.storyRange).toEqual(whole.header.storyRange);
    expect(l.header.figureUnit).toEqual(whole.header.figureUnit);
    // And everything else, column for column.
    expect(l.columns).toEqual(whole.columns);
    expect(l.header).toEqual(whole.header);
  });

  it('has event ranges that hold each event of the file, in file order', () => {
    const bytes = enc(BUNDLED_TEXT);
    const l = loaded(loadDatasetBytes(bytes, FILE, options));
    const raw = JSON.parse(BUNDLED_TEXT) as { events: unknown[] };
    const decoder = new TextDecoder();
    expect(l.eventRanges).toHaveLength(2 * raw.events.length);
    for (let i = 0; i < raw.events.length; i++) {
      expect(JSON.parse(decoder.decode(bytes.subarray(l.eventRanges[2 * i], l.eventRanges[2 * i + 1])))).toEqual(raw.events[i]);
    }
  });

  it('loads the same with its members in another order (events before metadata)', () => {
    const raw = JSON.parse(BUNDLED_TEXT) as Record<string, unknown>;
    const reordered = JSON.stringify({ events: raw['events'], actors: raw['actors'], places: raw['places'], sources: raw['sources'], metadata: raw['metadata'], version: 1, format: raw['format'], stories: raw['stories'], links: raw['links'] }, null, 2);
    const normal = loaded(load(JSON.stringify(raw, null, 2), options));
    const other = loaded(load(reordered, options));
    expect(other.columns).toEqual(normal.columns);
    expect(other.header).toEqual(normal.header);
  });

  it('loads minified and CRLF versions the same', () => {
    const raw = JSON.parse(BUNDLED_TEXT) as unknown;
    const normal = loaded(load(BUNDLED_TEXT, options));
    expect(loaded(load(JSON.stringify(raw), options)).columns).toEqual(normal.columns);
    expect(loaded(load(BUNDLED_TEXT.replace(/\n/g, '\r\n'), options)).columns).toEqual(normal.columns);
  });
});

describe.each(MODES)('problems agree with parseDatasetText (same fields, same lines) ($mode)', ({ options }) => {
  const same = (text: string) => {
    const streamed = load(text, options);
    const whole = parseDatasetText(text, FILE);
    expect(streamed.ok).toBe(whole.ok);
    if (!streamed.ok && !whole.ok) expect(streamed.problems).toEqual(whole.problems);
    if (streamed.ok && whole.ok) expect(streamed.loaded.warnings).toEqual(whole.warnings);
    return streamed;
  };

  it('the invalid-refs fixture: a bad date, an unknown place, a duplicate id', () => {
    const problems = problemsOf(same(INVALID_REFS_TEXT));
    expect(problems.map((p) => p.field)).toEqual(['events[0] (id "is-holds-deir-al-zour").start.value', 'events[1] (id "is-area-2015-01").places[2]', 'events[3] (id "raqqa-taken").id']);
    expect(problems[0]).toMatchObject({ line: positionOf(INVALID_REFS_TEXT, '"2017-02-30"').line, message: expect.stringMatching(/"2017-02-30" does not exist/) });
    expect(problems[1]).toMatchObject({ ...positionOf(INVALID_REFS_TEXT, '"atlantis"'), message: 'refers to place "atlantis", which the dataset does not define' });
    // The event renamed to "raqqa-taken" comes first in the file; the original is the duplicate.
    const second = INVALID_REFS_TEXT.indexOf('"raqqa-taken"', INVALID_REFS_TEXT.indexOf('"raqqa-taken"') + 1);
    expect(problems[2]).toMatchObject({ ...positionAt(INVALID_REFS_TEXT, second), message: 'duplicate id "raqqa-taken" (already used by events[2])' });
  });

  it.each([
    ['an event type not in the list', (t: string) => replaceOnce(t, '"type": "capture"', '"type": "battle"')],
    ['an unknown event field', (t: string) => replaceOnce(t, '"id": "mosul-taken",', '"id": "mosul-taken",\n      "colour": "red",')],
    ['an event that is not an object', (t: string) => replaceOnce(t, /\{\s*"id": "mosul-taken"[\s\S]*?"id": "raqqa-taken"/.exec(t)![0], '42,\n    {\n      "id": "raqqa-taken"')],
    ['a citation of an unknown source', (t: string) => replaceOnce(t, '"source": "bbc-2017-11-03"', '"source": "nope"')],
    ['an end before the start', (t: string) => replaceOnce(t, '"value": "2014",\n        "precision": "year"', '"value": "2019",\n        "precision": "year"')],
    ['a missing metadata title', (t: string) => replaceOnce(t, '"title": "IS loses Deir al-Zour and al-Qaim",', '')],
    ['an unknown top-level field', (t: string) => replaceOnce(t, '"version": 1,', '"version": 1,\n  "extra": true,')],
    ['a place with an unknown parent', (t: string) => replaceOnce(t, '"parent": "syria"', '"parent": "nowhere"')],
    ['a newer version', (t: string) => replaceOnce(t, '"version": 1,', '"version": 2,')],
    ['a theatre listed twice', (t: string) => replaceOnce(t, '"country": "IQ"', '"country": "SY"')],
    ['a "__proto__" field in an event', (t: string) => replaceOnce(t, '"id": "mosul-taken",', '"id": "mosul-taken",\n      "__proto__": {"x": 1},')],
    ['a syntax error in the metadata', (t: string) => replaceOnce(t, '"title": "IS loses Deir al-Zour and al-Qaim",', '"title": "IS loses Deir al-Zour and al-Qaim"')]
  ])('%s', (_what, mutate) => {
    const problems = problemsOf(same(mutate(BUNDLED_TEXT)));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.line).toBeGreaterThan(0);
  });

  it('missing sources and missing events', () => {
    for (const key of ['sources', 'events']) {
      const raw = JSON.parse(BUNDLED_TEXT) as Record<string, unknown>;
      delete raw[key];
      const problems = problemsOf(same(JSON.stringify(raw, null, 2)));
      expect(problems).toContainEqual(expect.objectContaining({ field: key, message: 'is required but missing (expected array)' }));
    }
  });

  it('warnings: invisible characters removed and an address that is not http(s)', () => {
    let text = replaceOnce(BUNDLED_TEXT, '"title": "IS loses Deir al-Zour and al-Qaim"', '"title": "IS \u202Eloses Deir al-Zour and al-Qaim"');
    text = replaceOnce(text, '"title": "Mosul taken from IS', '"title": "Mosul\u200B taken from IS');
    text = replaceOnce(text, '"url": "https://www.geonames.org/2643743"', '"url": "javascript:alert(1)"');
    const warnings = loaded(same(text)).warnings;
    expect(warnings.map((w) => w.field)).toEqual(['metadata.title', 'sources[6] (id "geonames-2643743").url', 'events[2] (id "mosul-taken").title']);
  });

  it('invisible characters written as \\u escapes, in a file big enough to be parsed in batches', () => {
    const events = generatedEvents(6000, 21);
    events[10].title = 'Ten \u202Ereversed';
    events[5000].title = 'Five thousand\u200B';
    events[5001].summary = '\u2066isolated\u2069';
    // JSON.stringify leaves these characters as they are; write them as escapes, as other tools do.
    const text = JSON.stringify({ ...generatedHeader(), events }, null, 1).replace(/[\u200B\u202E\u2066\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(text).toContain('\\u202e');
    const bytes = enc(text);
    const streamed = loadDatasetBytes(bytes, FILE, options);
    const l = loaded(streamed);
    expect(l.warnings).toEqual(accepted(parseDatasetText(text, FILE)).warnings);
    expect(l.warnings.map((w) => w.field)).toEqual(['events[10] (id "e-10").title', 'events[5000] (id "e-5000").title', 'events[5001] (id "e-5001").summary']);
    expect(readEvent(bytes, l.eventRanges, 10, FILE)?.title).toBe('Ten reversed');
    expect(readEvent(bytes, l.eventRanges, 5000, FILE)?.title).toBe('Five thousand');
    const k = [...l.columns.sourceIndex].indexOf(10);
    expect(stringAt(l.columns.titles, k)).toBe('Ten reversed');
  });

  it('the hostile fixture loads with the same warnings', () => {
    expect(loaded(same(HOSTILE_TEXT)).columns.count).toBeGreaterThan(0);
  });
});

describe('JSON structure problems', () => {
  it('a duplicate top-level key is an error at the second key', () => {
    const text = replaceOnce(BUNDLED_TEXT, '"version": 1,', '"version": 1,\n  "version": 1,');
    const problems = problemsOf(load(text));
    expect(problems).toEqual([{ severity: 'error', file: FILE, line: 5, column: 3, field: 'version', message: '"version" appears twice at the top level' }]);
  });

  it('a duplicate "events" key is an error too', () => {
    const text = replaceOnce(BUNDLED_TEXT, '"version": 1,', '"version": 1,\n  "events": [],');
    const problems = problemsOf(load(text));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'events', message: '"events" appears twice at the top level' }));
  });

  it('a duplicate "events" key with events in it is that one error; the second list is not read as more events', () => {
    // Source bug (loadDatasetBytes RangeCollector): #done is only set when ranges() is called,
    // after the scan, so the elements of every "events" array are collected as one list and
    // reported as events[23], events[24]… with duplicate-id errors.
    const raw = JSON.parse(BUNDLED_TEXT) as { events: unknown[] };
    const text = `${BUNDLED_TEXT.trimEnd().slice(0, -1).trimEnd()},\n  "events": ${JSON.stringify(raw.events.slice(0, 2))}\n}\n`;
    const problems = problemsOf(load(text));
    expect(problems).toEqual([{ severity: 'error', file: FILE, ...positionOf(text, '"events"', '"sykes-picot"'), field: 'events', message: '"events" appears twice at the top level' }]);
  });

  it('events that are not an array are refused where the value is', () => {
    for (const value of ['{}', '"none"', '12', 'null']) {
      const raw = JSON.parse(BUNDLED_TEXT) as Record<string, unknown>;
      delete raw['events'];
      const text = `${JSON.stringify(raw, null, 2).slice(0, -2)},\n  "events": ${value}\n}`;
      const problems = problemsOf(load(text));
      expect(problems, value).toEqual([{ severity: 'error', file: FILE, ...positionOf(text, value, '"events"'), field: 'events', message: expect.stringMatching(/^should be array/) }]);
    }
  });

  it('a syntax error inside one event is reported at its line and column, with field events[i]', () => {
    const text = replaceOnce(BUNDLED_TEXT, '"id": "mosul-taken",', '"id": "mosul-taken"');
    const problems = problemsOf(load(text));
    // Where parseDatasetText puts it too: the field after the missing comma.
    const whole = parseDatasetText(text, FILE);
    expect(whole.ok).toBe(false);
    const expected = positionOf(text, '"type"', '"id": "mosul-taken"');
    expect(problems).toEqual([{ severity: 'error', file: FILE, ...expected, field: 'events[2]', message: 'the file is not valid JSON: expected "," between items' }]);
    expect(!whole.ok && whole.problems[0]).toMatchObject(expected);
  });

  it('syntax errors in several events are each reported, and valid events are still checked', () => {
    let text = replaceOnce(BUNDLED_TEXT, '"id": "mosul-taken",', '"id": "mosul-taken" oops,');
    text = replaceOnce(text, '"id": "raqqa-taken",', '"id": "raqqa-taken",,');
    text = replaceOnce(text, '"type": "offensive"', '"type": "battle"');
    const problems = problemsOf(load(text));
    expect(problems.map((p) => p.field)).toEqual(['events[2]', 'events[3]', expect.stringMatching(/^events\[4\] \(id "al-qaim-offensive"\)\.type$/)]);
    expect(problems[0]).toMatchObject(positionOf(text, 'oops'));
  });

  it('a trailing comma after the last event is reported at the closing bracket', () => {
    const end = BUNDLED_TEXT.lastIndexOf(']');
    const last = BUNDLED_TEXT.lastIndexOf('}', end);
    const text = `${BUNDLED_TEXT.slice(0, last + 1)},\n  ${BUNDLED_TEXT.slice(end)}`;
    const problems = problemsOf(load(text));
    expect(problems).toEqual([{ severity: 'error', file: FILE, line: expect.any(Number), column: 3, message: expect.stringMatching(/not valid JSON/) }]);
    expect(problems[0]!.line).toBe(text.slice(0, text.lastIndexOf(']')).split('\n').length);
  });

  it('a syntax error outside the events is reported with its line and column, as parseDatasetText does', () => {
    for (const text of ['{\n  "format": "frontline-dataset"\n  "version": 1\n}', '', '   ', '[1, 2]', '{"a": "x', '{\n  "events": [\n', '{"format": "frontline-dataset"} x']) {
      const problems = problemsOf(load(text));
      expect(problems, JSON.stringify(text)).toHaveLength(1);
      expect(problems[0]!.message, JSON.stringify(text)).toMatch(/not valid JSON/);
      const whole = parseDatasetText(text, FILE);
      if (!whole.ok && whole.problems[0]!.line !== undefined && /not valid JSON/.test(whole.problems[0]!.message)) {
        expect(problems[0], JSON.stringify(text)).toEqual(whole.problems[0]);
      }
    }
  });

  it('text after an empty top-level object is a syntax error, as parseDatasetText says', () => {
    // Source bug (jsonSkeleton topLevelMembers): "{}" returns before checking what follows it.
    const text = '{}\n}';
    expect(problemsOf(load(text))).toEqual(problemsOf(parseDatasetText(text, FILE) as LoadResult));
  });
});

describe('nesting too deep', () => {
  const deepList = '['.repeat(10_000) + ']'.repeat(10_000);
  const deepObject = '{"a":'.repeat(9_999) + '{}' + '}'.repeat(9_999);

  it.each([
    ['in a header member (a list)', (t: string) => t.replace('"title": ', `"deep": ${deepList}, "title": `), 'metadata'],
    ['in an event (objects)', (t: string) => t.replace('"type": "offensive"', `"type": "offensive", "deep": ${deepObject}`), /^events\[\d+\]$/]
  ])('%s: refused with the line and the member, before anything recursive reads it', (_name, edit, field) => {
    const text = edit(BUNDLED_TEXT);
    const problems = problemsOf(load(text, { fastCheck: fastEventCheck() }));
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    expect(p.message).toMatch(/nested more than 64 levels deep/);
    expect(p.field).toMatch(field);
    // The deep value is all on the line of its key.
    expect(p.line).toBe(lineColumnAt(text, text.indexOf('"deep"')).line);
  });

  it('an event nested as deep as allowed is checked as usual (its field is simply wrong)', () => {
    const ok = '['.repeat(60) + ']'.repeat(60);
    const problems = problemsOf(load(BUNDLED_TEXT.replace('"type": "offensive"', `"type": "offensive", "deep": ${ok}`)));
    expect(problems[0]?.message).toMatch(/unknown field "deep"/);
  });
});

describe('invalid UTF-8', () => {
  it('inside an event title is reported at its line and column', () => {
    const at = BUNDLED_TEXT.indexOf('"title": "', BUNDLED_TEXT.indexOf('"id": "raqqa-taken"')) + '"title": "'.length + 4;
    const before = BUNDLED_TEXT.slice(0, at);
    const bytes = concat(enc(before), Uint8Array.of(0xe2, 0x28, 0xa1), enc(BUNDLED_TEXT.slice(at)));
    const problems = problemsOf(loadDatasetBytes(bytes, FILE));
    const lines = before.split('\n');
    expect(problems).toEqual([{ severity: 'error', file: FILE, line: lines.length, column: lines.at(-1)!.length + 1, message: expect.stringMatching(/not valid UTF-8/) }]);
  });

  it('after Arabic text on the same line, the column counts characters', () => {
    const at = BUNDLED_TEXT.indexOf('دير الزور') + 'دير الزور'.length;
    const before = BUNDLED_TEXT.slice(0, at);
    const bytes = concat(enc(before), Uint8Array.of(0xff), enc(BUNDLED_TEXT.slice(at)));
    const lines = before.split('\n');
    expect(problemsOf(loadDatasetBytes(bytes, FILE))[0]).toMatchObject({ line: lines.length, column: lines.at(-1)!.length + 1 });
  });

  it('between values, in a file that is also not valid JSON, is reported rather than thrown', () => {
    // Source bug (loadDatasetBytes syntaxProblem): it decodes the whole file with the fatal
    // decoder to ask jsonc-parser for a precise position, which throws on the stray byte.
    const bytes = concat(enc('{\n  "format": "frontline-dataset",\n  '), Uint8Array.of(0xe9), enc('\n}'));
    let result: LoadResult | undefined;
    expect(() => (result = loadDatasetBytes(bytes, FILE))).not.toThrow();
    expect(problemsOf(result!)).toEqual([{ severity: 'error', file: FILE, line: 3, column: 3, message: expect.stringMatching(/not valid (UTF-8|JSON)/) }]);
  });
});

describe('readEvent', () => {
  const text = JSON.stringify(
    {
      ...generatedHeader(),
      events: [
        { id: 'b', type: 'clash', title: 'Second \u202Ein file', start: { value: '2017-11-03', precision: 'day' }, citations: [{ source: 'wire', quote: 'q' }] },
        { id: 'a', type: 'capture', title: 'First in time', start: { value: '2001', precision: 'year' }, places: ['sy'], figures: [{ value: 5, unit: 'people', counts: 'x', asWritten: 'five' }], citations: [{ source: 'wire', quote: 'q' }] }
      ]
    },
    null,
    2
  );

  it('returns the event at a file position, cleaned and with defaults filled in', () => {
    const bytes = enc(text);
    const l = loaded(loadDatasetBytes(bytes, FILE));
    expect(l.warnings).toHaveLength(1);
    const b = readEvent(bytes, l.eventRanges, 0, FILE);
    expect(b).toEqual({
      id: 'b',
      type: 'clash',
      title: 'Second in file',
      start: { value: '2017-11-03', precision: 'day' },
      places: [],
      actors: [],
      status: 'reported',
      figures: [],
      citations: [{ source: 'wire', quote: 'q' }],
      tags: []
    });
    expect(readEvent(bytes, l.eventRanges, 1, FILE)?.figures).toEqual([{ value: 5, unit: 'people', counts: 'x', asWritten: 'five', bound: 'exact' }]);
  });

  it('reaches events by their position in the file, which columns.sourceIndex gives', () => {
    const bytes = enc(text);
    const l = loaded(loadDatasetBytes(bytes, FILE));
    // Sorted by start, the year-2001 event comes first though it is second in the file.
    expect([...l.columns.sourceIndex]).toEqual([1, 0]);
    for (let k = 0; k < l.columns.count; k++) expect(readEvent(bytes, l.eventRanges, l.columns.sourceIndex[k]!, FILE)?.id).toBe(stringAt(l.columns.ids, k));
  });

  it('returns undefined for a position past the end', () => {
    const bytes = enc(text);
    const l = loaded(loadDatasetBytes(bytes, FILE));
    expect(readEvent(bytes, l.eventRanges, 2, FILE)).toBeUndefined();
    expect(readEvent(bytes, new Uint32Array(0), 0, FILE)).toBeUndefined();
  });
});

describe.each(MODES)('a generated dataset of 20,000 events ($mode)', ({ options }) => {
  const N = 20_000;
  const text = generatedText(N, 7, 1);
  const bytes = enc(text);
  const events = generatedEvents(N, 7);

  it('loads, with columns sorted by start (then end, then file order) and every event present once', () => {
    const l = loaded(loadDatasetBytes(bytes, FILE, options));
    const c = l.columns;
    expect(c.count).toBe(N);
    expect(l.eventRanges).toHaveLength(2 * N);
    for (let k = 1; k < N; k++) {
      const ordered = c.start[k - 1]! < c.start[k]! || (c.start[k - 1] === c.start[k] && (c.end[k - 1]! < c.end[k]! || (c.end[k - 1] === c.end[k] && c.sourceIndex[k - 1]! < c.sourceIndex[k]!)));
      if (!ordered) expect.fail(`columns out of order at ${k}`);
    }
    expect([...c.sourceIndex].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i));
    for (let k = 0; k < N; k += 97) {
      const e = events[c.sourceIndex[k]!]!;
      expect(stringAt(c.ids, k)).toBe(e.id);
      expect(stringAt(c.titles, k)).toBe(e.title);
      const window = parseDateValue(e.start.value, e.start.precision, e.start.margin);
      expect(window.ok && window.window.start).toBe(c.start[k]);
      expect(c.end[k]).toBeGreaterThan(c.start[k]!);
    }
  });

  // Checking 20,000 events twice (zod alone, in one mode) takes seconds on a slow machine: this is
  // about equality, not speed, so it gets room.
  it('matches the whole-object path column for column', { timeout: 60_000 }, () => {
    const l = loaded(loadDatasetBytes(bytes, FILE, options));
    const whole = columnsFromDataset(accepted(parseDatasetText(text, FILE)).dataset);
    expect(l.columns).toEqual(whole.columns);
    expect(l.header).toEqual(whole.header);
  });

  it('reports progress with increasing bytes done, ending at the whole file', () => {
    const progress: LoadProgress[] = [];
    loaded(loadDatasetBytes(bytes, FILE, { ...options, onProgress: (p) => progress.push(p) }));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.done).toBeGreaterThan(progress[i - 1]!.done);
      expect(progress[i]!.events).toBeGreaterThanOrEqual(progress[i - 1]!.events);
    }
    expect(progress.every((p) => p.total === bytes.length && p.done <= p.total)).toBe(true);
    expect(progress.at(-1)).toEqual({ done: bytes.length, total: bytes.length, events: N });
  });
});

describe('MAX_ERRORS', () => {
  const bad = generatedEvents(2_000, 3).map((e) => ({ ...e, type: 'battle' }));
  const text = JSON.stringify({ ...generatedHeader(), events: bad }, null, 1);

  it('a file with 2,000 bad events stops with the "checking stopped" problem', () => {
    const problems = problemsOf(load(text));
    expect(problems.slice(0, 200).every((p) => p.message.startsWith('the text "battle"'))).toBe(true);
    expect(problems).toContainEqual({ severity: 'error', file: FILE, message: `…checking stopped after ${MAX_ERRORS} errors` });
  });

  it('says how many problems were left out', () => {
    const problems = problemsOf(load(text));
    const more = /^…and (\d+) more problems not shown$/.exec(problems.find((p) => p.message.startsWith('…and'))?.message ?? '');
    expect(more).not.toBeNull();
    expect(200 + Number(more![1])).toBeLessThanOrEqual(MAX_ERRORS + 1);
  });
});
