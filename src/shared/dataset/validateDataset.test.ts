// validateDataset / parseDatasetText / problems.ts: every problem names file, line, field and a plain reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capProblems, formatProblem, lineColumnAt, type Problem } from './problems';
import { describePath, parseDatasetText, parseJson, validateDataset, type DatasetCheck } from './validateDataset';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const FILE = 'test.frontline';
const BUNDLED = new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url);

/* eslint-disable @typescript-eslint/no-explicit-any -- tests build deliberately malformed datasets */

/** A small dataset exercising every collection and reference kind; valid as it stands. */
function validDataset(): any {
  return {
    format: 'frontline-dataset',
    version: 1,
    metadata: {
      title: 'Test dataset',
      referenceDate: '2017-11-03',
      theatres: [
        { country: 'SY', label: 'Syria' },
        { country: 'IQ', label: 'Iraq' }
      ]
    },
    sources: [
      { id: 'bbc', kind: 'news', publisher: 'BBC News', title: 'IS loses Deir al-Zour', date: '2017-11-03', url: 'https://www.bbc.co.uk/news/x', localCopy: 'sources/bbc.txt' },
      { id: 'gaz', kind: 'gazetteer', publisher: 'Frontline', title: 'Coordinates' }
    ],
    places: [
      { id: 'syria', name: 'Syria', kind: 'country', countries: ['SY'] },
      { id: 'deir', name: 'Deir al-Zour', altNames: [{ name: 'دير الزور', lang: 'ar' }], kind: 'city', parent: 'syria', coordinates: { lat: 35.33, lon: 40.14, precision: 'exact', source: 'gaz' } }
    ],
    actors: [
      { id: 'syrian-army', name: 'Syrian army', kind: 'state-force', backedBy: [{ actor: 'russia' }] },
      { id: 'russia', name: 'Russia', kind: 'state' }
    ],
    events: [
      {
        id: 'deir-taken',
        type: 'capture',
        title: 'Syrian army takes Deir al-Zour',
        start: { value: '2017-11-03', precision: 'day', asWritten: 'Early on Friday' },
        places: ['deir'],
        actors: [{ actor: 'syrian-army', role: 'attacker' }],
        claimant: { actor: 'syrian-army', asWritten: "Syria's army announced" },
        status: 'claimed',
        citations: [{ source: 'bbc', quote: 'Syrian troops have driven IS out of Deir al-Zour' }]
      },
      {
        id: 'displacement',
        type: 'displacement',
        title: 'Some 350,000 displaced',
        start: { value: '2017-W43', precision: 'week' },
        end: { value: '2017-11-03', precision: 'approximate' },
        places: ['deir'],
        figures: [{ value: 350000, unit: 'people', counts: 'displaced', bound: 'approximate', qualifier: 'Some', asWritten: 'Some 350,000', low: 300000, high: 400000 }],
        citations: [{ source: 'bbc', quote: 'Some 350,000 people have been displaced' }]
      }
    ]
  };
}

const textOf = (ds: unknown) => JSON.stringify(ds, null, 2);

/** 1-based line and column where `needle` first occurs in `text` (after `after`, if given), computed independently of lineColumnAt. */
function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const from = after ? text.indexOf(after) : 0;
  if (from < 0) throw new Error(`"${after}" not in text`);
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

function problemsOf(check: DatasetCheck): Problem[] {
  if (check.ok) throw new Error('expected the dataset to be refused');
  return check.problems;
}

function onlyProblem(check: DatasetCheck): Problem {
  const problems = problemsOf(check);
  expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
  return problems[0]!;
}

function accepted(check: DatasetCheck): Extract<DatasetCheck, { ok: true }> {
  if (!check.ok) throw new Error(`expected the dataset to be accepted, got ${check.problems.map(formatProblem).join('\n')}`);
  return check;
}

/** Validate `ds` as file text, so problems carry lines. */
const checkText = (ds: unknown) => {
  const text = textOf(ds);
  return { text, check: parseDatasetText(text, FILE) };
};

describe('valid datasets', () => {
  it('accepts the small test dataset without warnings and fills in defaults', () => {
    const { dataset, warnings } = accepted(checkText(validDataset()).check);
    expect(warnings).toEqual([]);
    expect(dataset.events).toHaveLength(2);
    expect(dataset.events[1]!.status).toBe('reported');
    expect(dataset.events[0]!.tags).toEqual([]);
    expect(dataset.places[0]!.altNames).toEqual([]);
    expect(dataset.events[1]!.figures[0]!.bound).toBe('approximate');
  });

  it('accepts the bundled Deir al-Zour dataset with every event of its file', () => {
    const { dataset, warnings } = accepted(parseDatasetText(readFileSync(BUNDLED, 'utf8'), 'bundled.frontline'));
    expect(dataset.events).toHaveLength(BUNDLED_EVENT_COUNT);
    expect(dataset.metadata.title).toBe('IS loses Deir al-Zour and al-Qaim');
    expect(warnings).toEqual([]);
  });

  it('accepts strings exactly at the limits', () => {
    const ds = validDataset();
    ds.events[0].id = 'a'.repeat(128);
    ds.events[0].title = 't'.repeat(500);
    ds.events[0].citations[0].quote = 'q'.repeat(2000);
    accepted(checkText(ds).check);
  });

  it('accepts an end on the same day as the start, and a fine end inside a coarse start', () => {
    const ds = validDataset();
    ds.events[0].end = { value: '2017-11-03', precision: 'day' };
    ds.events[1].start = { value: '2017-11', precision: 'month' };
    ds.events[1].end = { value: '2017-11-01', precision: 'day' };
    accepted(checkText(ds).check);
  });
});

describe('windows of possible dates', () => {
  it('accepts a "between" window and an approximate day give or take a margin', () => {
    const ds = validDataset();
    ds.events[0].start = { value: '2017-04-07/2017-05-31', precision: 'between', asWritten: 'sometime between 7 April and 31 May' };
    ds.events[1].start = { value: '2017-03-06', precision: 'approximate', margin: 3 };
    const ok = accepted(checkText(ds).check);
    expect(ok.dataset.events[1]!.start).toEqual({ value: '2017-03-06', precision: 'approximate', margin: 3 });
  });

  it('refuses a margin on a precise date, a reversed window and a margin out of range, naming the field', () => {
    for (const [start, field, message] of [
      [{ value: '2017-03-06', precision: 'day', margin: 3 }, 'events[0] (id "deir-taken").start.margin', /only for an approximate date/],
      [{ value: '2017-05-31/2017-04-07', precision: 'between' }, 'events[0] (id "deir-taken").start.value', /must come after the first/],
      [{ value: '2017-03-06', precision: 'approximate', margin: 400 }, 'events[0] (id "deir-taken").start.margin', /366/]
    ] as const) {
      const ds = validDataset();
      ds.events[0].start = start;
      const p = onlyProblem(checkText(ds).check);
      expect(p.field, JSON.stringify(start)).toBe(field);
      expect(p.message).toMatch(message);
    }
  });
});

describe('JSON syntax errors (parseDatasetText / parseJson)', () => {
  it('a missing comma is reported at its line and column', () => {
    const text = '{\n  "format": "frontline-dataset"\n  "version": 1\n}';
    const p = onlyProblem(parseDatasetText(text, FILE));
    expect(p).toMatchObject({ severity: 'error', file: FILE, line: 3, column: 3 });
    expect(p.message).toMatch(/not valid JSON: expected "," between items/);
  });

  it('a trailing comma in an object is an error at the closing brace', () => {
    const text = '{\n  "format": "frontline-dataset",\n}';
    const p = onlyProblem(parseDatasetText(text, FILE));
    expect(p).toMatchObject({ file: FILE, line: 3, column: 1 });
    expect(p.message).toMatch(/not valid JSON/);
  });

  it('a trailing comma in a list is an error at the closing bracket', () => {
    const text = '{\n  "sources": [\n    1,\n  ]\n}';
    const p = onlyProblem(parseDatasetText(text, FILE));
    expect(p).toMatchObject({ line: 4, column: 3 });
    expect(p.message).toMatch(/expected a value/);
  });

  it('an empty file is refused', () => {
    const p = onlyProblem(parseDatasetText('', FILE));
    expect(p).toMatchObject({ file: FILE, line: 1, column: 1 });
    expect(p.message).toMatch(/not valid JSON: expected a value/);
  });

  it('comments, unfinished text and trailing garbage are named in plain words', () => {
    expect(onlyProblem(parseDatasetText('// note\n{}', FILE)).message).toMatch(/comments are not allowed/);
    expect(onlyProblem(parseDatasetText('{"a": "x', FILE))).toMatchObject({ line: 1, column: 7, message: expect.stringMatching(/unfinished text/) });
    expect(onlyProblem(parseDatasetText('{}\n}', FILE))).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/after the end of the data/) });
  });

  it('parseJson returns the value of valid JSON', () => {
    expect(parseJson('{"a": [1, "دير"]}', FILE)).toEqual({ ok: true, value: { a: [1, 'دير'] } });
  });

  it('a file that is JSON but not an object is refused at the top level', () => {
    for (const text of ['null', '[]', '"frontline"', '42']) {
      const p = onlyProblem(parseDatasetText(text, FILE));
      expect(p, text).toMatchObject({ file: FILE, line: 1, column: 1, field: '(top level)' });
      expect(p.message, text).toMatch(/should be object/);
    }
  });
});

describe('format and version', () => {
  it('a file with another format is "not a Frontline dataset"', () => {
    const ds = validDataset();
    ds.format = 'timelinejs';
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    expect(p).toMatchObject({ file: FILE, field: 'format', ...positionOf(text, '"timelinejs"') });
    expect(p.message).toMatch(/not a Frontline dataset \(expected "format": "frontline-dataset"\)/);
  });

  it('a newer version says it was made by a newer Frontline', () => {
    const ds = validDataset();
    ds.version = 2;
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    expect(p).toMatchObject({ field: 'version', ...positionOf(text, '2', '"version"') });
    expect(p.message).toMatch(/format version 2, made by a newer Frontline; this version reads version 1/);
  });

  it('an older or mistyped version is simply the wrong version', () => {
    for (const version of [0, '1']) {
      const ds = validDataset();
      ds.version = version;
      const p = onlyProblem(checkText(ds).check);
      expect(p.field).toBe('version');
      expect(p.message).toBe('expected version 1');
    }
  });

  it('a missing format is reported as missing', () => {
    const ds = validDataset();
    delete ds.format;
    const p = onlyProblem(checkText(ds).check);
    expect(p).toMatchObject({ field: 'format', line: 1, column: 1 });
  });
});

describe('schema problems are located at the field', () => {
  it('an unknown field (a typo) is reported at its key', () => {
    const ds = validDataset();
    ds.events[1].titel = 'oops';
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    expect(p).toMatchObject({ severity: 'error', file: FILE, field: 'events[1] (id "displacement").titel', ...positionOf(text, '"titel"') });
    expect(p.message).toBe('unknown field "titel" (check the spelling)');
  });

  it('a missing required field is reported at the object that lacks it', () => {
    const ds = validDataset();
    delete ds.events[1].title;
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    // The object of events[1] opens with "{" (column 5) on the line above its "id".
    const id = positionOf(text, '"id": "displacement"');
    expect(text.split('\n')[id.line - 2]).toBe('    {');
    expect(p).toMatchObject({ field: 'events[1] (id "displacement").title', line: id.line - 1, column: 5 });
    expect(p.message).toMatch(/is required but missing \(expected string\)/);
  });

  it('a missing collection is reported at the top level object', () => {
    const ds = validDataset();
    delete ds.events;
    const p = onlyProblem(checkText(ds).check);
    expect(p).toMatchObject({ field: 'events', line: 1, column: 1, message: expect.stringMatching(/required but missing/) });
  });

  it('a wrong enum value lists the allowed values', () => {
    const ds = validDataset();
    ds.events[0].type = 'battle';
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    expect(p).toMatchObject({ field: 'events[0] (id "deir-taken").type', ...positionOf(text, '"battle"') });
    expect(p.message).toMatch(/^the text "battle" is not allowed here; use one of "offensive", "capture"/);
    expect(p.message).toContain('"context"');
  });

  it('a value of the wrong type says what it is', () => {
    const ds = validDataset();
    ds.places[1].coordinates.lat = '35.33';
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    expect(p).toMatchObject({ field: 'places[1] (id "deir").coordinates.lat', ...positionOf(text, '"35.33"') });
    expect(p.message).toBe('should be number but is the text "35.33"');
  });

  it('an event without citations is refused', () => {
    const ds = validDataset();
    ds.events[0].citations = [];
    const p = onlyProblem(checkText(ds).check);
    expect(p.field).toBe('events[0] (id "deir-taken").citations');
    expect(p.message).toMatch(/every event needs at least one citation/);
  });

  it('ids with spaces or a leading punctuation mark are refused', () => {
    const ds = validDataset();
    ds.actors[1].id = 'russian federation';
    const p = problemsOf(checkText(ds).check).find((x) => x.field?.startsWith('actors[1]'));
    expect(p?.field).toBe('actors[1] (id "russian federation").id');
    expect(p?.message).toMatch(/ids use letters, digits/);
  });

  it('lists problems in file order, whatever order the checks ran in', () => {
    const ds = validDataset();
    ds.events[1].id = 'deir-taken'; // duplicate ids are checked first...
    ds.metadata.referenceDate = '2017-02-30'; // ...but metadata comes first in the file
    const { text, check } = checkText(ds);
    const problems = problemsOf(check);
    expect(problems.map((p) => p.field)).toEqual(['metadata.referenceDate', 'events[1] (id "deir-taken").id']);
    expect(problems[0]!.line).toBe(positionOf(text, '"2017-02-30"').line);
  });

  it('without the text, problems carry the field but no line', () => {
    const ds = validDataset();
    ds.events[0].type = 'battle';
    const p = onlyProblem(validateDataset(ds, FILE));
    expect(p.field).toBe('events[0] (id "deir-taken").type');
    expect(p.line).toBeUndefined();
    expect(p.column).toBeUndefined();
  });
});

describe('ids are unique and references resolve', () => {
  it('a duplicate event id names the first use and points at the second', () => {
    const ds = validDataset();
    ds.events[1].id = 'deir-taken';
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    expect(p).toMatchObject({ field: 'events[1] (id "deir-taken").id', ...positionOf(text, '"deir-taken"', '"type": "capture"') });
    expect(p.message).toBe('duplicate id "deir-taken" (already used by events[0])');
  });

  it('duplicate ids are found in sources, places and actors too', () => {
    const ds = validDataset();
    ds.sources[1].id = 'bbc';
    ds.places[1].id = 'syria';
    ds.places[1].parent = undefined;
    ds.actors[1].id = 'syrian-army';
    const messages = problemsOf(checkText(ds).check).map((p) => `${p.field}: ${p.message}`);
    expect(messages).toContain('sources[1] (id "bbc").id: duplicate id "bbc" (already used by sources[0])');
    expect(messages).toContain('places[1] (id "syria").id: duplicate id "syria" (already used by places[0])');
    expect(messages).toContain('actors[1] (id "syrian-army").id: duplicate id "syrian-army" (already used by actors[0])');
  });

  it('the same id in different collections is fine', () => {
    const ds = validDataset();
    ds.actors[1].id = 'syria';
    ds.actors[0].backedBy[0].actor = 'syria';
    accepted(checkText(ds).check);
  });

  it.each([
    ['an event place', (ds: any) => (ds.events[0].places = ['raqqa']), 'events[0] (id "deir-taken").places[0]', 'place "raqqa"'],
    ['an event actor', (ds: any) => (ds.events[0].actors[0].actor = 'sdf'), 'events[0] (id "deir-taken").actors[0].actor', 'actor "sdf"'],
    ['a claimant', (ds: any) => (ds.events[0].claimant.actor = 'sana'), 'events[0] (id "deir-taken").claimant.actor', 'actor "sana"'],
    ['a citation source', (ds: any) => (ds.events[1].citations[0].source = 'reuters'), 'events[1] (id "displacement").citations[0].source', 'source "reuters"'],
    ['a parent place', (ds: any) => (ds.places[1].parent = 'deir-province'), 'places[1] (id "deir").parent', 'place "deir-province"'],
    ['a coordinates source', (ds: any) => (ds.places[1].coordinates.source = 'osm'), 'places[1] (id "deir").coordinates.source', 'source "osm"'],
    ['a backer', (ds: any) => (ds.actors[0].backedBy[0].actor = 'iran'), 'actors[0] (id "syrian-army").backedBy[0].actor', 'actor "iran"']
  ])('a reference to an undefined %s is an error at the reference', (_what, change, field, target) => {
    const ds = validDataset();
    change(ds);
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    const id = /"(.*)"/.exec(target)![1]!;
    expect(p).toMatchObject({ severity: 'error', file: FILE, field, ...positionOf(text, `"${id}"`) });
    expect(p.message).toBe(`refers to ${target}, which the dataset does not define`);
  });

  it('a place cannot be its own parent', () => {
    const ds = validDataset();
    ds.places[0].parent = 'syria';
    const p = onlyProblem(checkText(ds).check);
    expect(p).toMatchObject({ field: 'places[0] (id "syria").parent', message: 'a place cannot be its own parent' });
  });

  it('a theatre listed twice is an error', () => {
    const ds = validDataset();
    ds.metadata.theatres.push({ country: 'SY', label: 'Syria again' });
    const p = onlyProblem(checkText(ds).check);
    expect(p).toMatchObject({ field: 'metadata.theatres[2].country', message: 'theatre SY is listed twice' });
  });
});

describe('dates', () => {
  it('an impossible date is an error at events[i].start.value', () => {
    const ds = validDataset();
    ds.events[0].start.value = '2017-02-30';
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    expect(p).toMatchObject({ file: FILE, field: 'events[0] (id "deir-taken").start.value', ...positionOf(text, '"2017-02-30"') });
    expect(p.message).toMatch(/"2017-02-30" does not exist/);
    expect(p.message).toMatch(/\(precision is "day"\)/);
  });

  it('a value not written in its precision\'s form is an error', () => {
    const ds = validDataset();
    ds.events[1].start = { value: '2017-10-01', precision: 'month' };
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    expect(p).toMatchObject({ field: 'events[1] (id "displacement").start.value', ...positionOf(text, '"2017-10-01"') });
    expect(p.message).toMatch(/is not a month written as YYYY-MM \(precision is "month"\)/);
  });

  it('an impossible end date is an error at end.value', () => {
    const ds = validDataset();
    ds.events[1].end = { value: '2017-W53', precision: 'week' };
    const p = onlyProblem(checkText(ds).check);
    expect(p.field).toBe('events[1] (id "displacement").end.value');
    expect(p.message).toMatch(/2017 has 52 ISO weeks/);
  });

  it('an end before the start is an error at end.value', () => {
    const ds = validDataset();
    ds.events[0].end = { value: '2017-11-01', precision: 'day' };
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    expect(p).toMatchObject({ field: 'events[0] (id "deir-taken").end.value', ...positionOf(text, '"2017-11-01"') });
    expect(p.message).toBe('ends (2017-11-01) before it starts (2017-11-03)');
  });

  it('impossible plain dates in metadata, sources and figures are errors', () => {
    const ds = validDataset();
    ds.metadata.referenceDate = '2017-02-29';
    ds.sources[0].date = '2017-11-31';
    ds.events[1].figures[0].asOf = '2017-13-01';
    const fields = problemsOf(checkText(ds).check).map((p) => p.field);
    expect(fields).toEqual(['metadata.referenceDate', 'sources[0] (id "bbc").date', 'events[1] (id "displacement").figures[0].asOf']);
  });
});

describe('figures', () => {
  const figure = (ds: any) => ds.events[1].figures[0];

  it('a figure without a number needs bound "vague"', () => {
    const ds = validDataset();
    Object.assign(figure(ds), { value: null, low: undefined, high: undefined });
    const { text, check } = checkText(ds);
    const p = onlyProblem(check);
    expect(p).toMatchObject({ field: 'events[1] (id "displacement").figures[0].bound', ...positionOf(text, '"approximate"', '"figures"') });
    expect(p.message).toBe('a figure without a number must have bound "vague"');

    Object.assign(figure(ds), { bound: 'vague', qualifier: 'just a few' });
    accepted(checkText(ds).check);
  });

  it('low above high is an error at low', () => {
    const ds = validDataset();
    Object.assign(figure(ds), { low: 400000, high: 300000 });
    const problems = problemsOf(checkText(ds).check);
    const low = problems.find((p) => p.field === 'events[1] (id "displacement").figures[0].low');
    expect(low?.message).toBe('low (400000) is above high (300000)');
  });

  it('a value outside low–high is an error at value', () => {
    const ds = validDataset();
    Object.assign(figure(ds), { value: 250000 });
    expect(onlyProblem(checkText(ds).check)).toMatchObject({ field: 'events[1] (id "displacement").figures[0].value', message: 'value (250000) is below low (300000)' });
    Object.assign(figure(ds), { value: 450000 });
    expect(onlyProblem(checkText(ds).check)).toMatchObject({ message: 'value (450000) is above high (400000)' });
  });

  it('a number too large for a double (1e400 parses as Infinity) is refused', () => {
    const text = textOf(validDataset()).replace('"value": 350000', '"value": 1e400');
    expect(text).toContain('1e400');
    const p = onlyProblem(parseDatasetText(text, FILE));
    expect(p).toMatchObject({ field: 'events[1] (id "displacement").figures[0].value', ...positionOf(text, '1e400') });
    expect(p.message).toMatch(/is a number too large to hold \(it reads as infinity\)/);
  });

  it('NaN and Infinity handed in as objects are refused', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const ds = validDataset();
      Object.assign(figure(ds), { value, low: undefined, high: undefined });
      const p = onlyProblem(validateDataset(ds, FILE));
      expect(p.field).toBe('events[1] (id "displacement").figures[0].value');
    }
  });
});

describe('hostile input', () => {
  it('"__proto__" as a top-level key is refused as an unknown field and pollutes nothing', () => {
    const text = textOf(validDataset()).replace('"metadata": {', '"__proto__": {"polluted": 1},\n  "metadata": {');
    const p = onlyProblem(parseDatasetText(text, FILE));
    expect(({} as any).polluted).toBeUndefined();
    expect((Object.prototype as any).polluted).toBeUndefined();
    expect(p).toMatchObject({ field: '__proto__', ...positionOf(text, '"__proto__"') });
    expect(p.message).toMatch(/unknown field "__proto__"/);
  });

  it('"__proto__" and "constructor" nested inside objects are refused and pollute nothing', () => {
    const text = textOf(validDataset())
      .replace('"title": "Test dataset",', '"title": "Test dataset", "constructor": {"prototype": {"polluted": 1}},')
      .replace('"kind": "state"', '"kind": "state", "__proto__": {"polluted": 1}');
    const problems = problemsOf(parseDatasetText(text, FILE));
    expect(({} as any).polluted).toBeUndefined();
    expect(problems.map((p) => p.field).sort()).toEqual(['actors[1] (id "russia").__proto__', 'metadata.constructor']);
    expect(problems.every((p) => /unknown field/.test(p.message))).toBe(true);
  });

  it('"__proto__" as an id is refused by the id rules', () => {
    const ds = validDataset();
    ds.sources[1].id = '__proto__';
    const p = onlyProblem(checkText(ds).check);
    expect(p.field).toBe('sources[1] (id "__proto__").id');
    expect(p.message).toMatch(/ids use letters, digits/);
  });

  it('"constructor" and "toString" work as ordinary ids', () => {
    const ds = validDataset();
    ds.sources[1].id = 'constructor';
    ds.places[1].coordinates.source = 'constructor';
    ds.places[0].id = 'toString';
    ds.places[1].parent = 'toString';
    const { dataset } = accepted(checkText(ds).check);
    expect(dataset.places[1]!.parent).toBe('toString');
    expect(({} as any).polluted).toBeUndefined();
  });

  it('references to names on Object.prototype do not resolve', () => {
    const ds = validDataset();
    ds.events[0].places = ['constructor'];
    ds.events[0].citations[0].source = 'hasOwnProperty';
    const messages = problemsOf(checkText(ds).check).map((p) => p.message);
    expect(messages).toEqual([
      'refers to place "constructor", which the dataset does not define',
      'refers to source "hasOwnProperty", which the dataset does not define'
    ]);
  });

  it.each([
    ['an event title over 500 characters', (ds: any) => (ds.events[0].title = 't'.repeat(501)), 'events[0] (id "deir-taken").title', /500/],
    ['an id over 128 characters', (ds: any) => (ds.actors[1].id = 'a'.repeat(129)), 'actors[1].id', /128/],
    ['a quote over 2,000 characters', (ds: any) => (ds.events[1].citations[0].quote = 'q'.repeat(2001)), 'events[1] (id "displacement").citations[0].quote', /2000/],
    ['a summary over 20,000 characters', (ds: any) => (ds.events[1].summary = 's'.repeat(20_001)), 'events[1] (id "displacement").summary', /20000/],
    ['a url over 2,048 characters', (ds: any) => (ds.sources[0].url = `https://x.org/${'a'.repeat(2048)}`), 'sources[0] (id "bbc").url', /2048/],
    ['a date value over 21 characters', (ds: any) => (ds.events[0].start.value = '2017-11-03'.repeat(3)), 'events[0] (id "deir-taken").start.value', /21/]
  ])('refuses %s', (_what, change, field, limit) => {
    const ds = validDataset();
    change(ds);
    const p = onlyProblem(checkText(ds).check);
    expect(p.field).toBe(field);
    expect(p.message).toMatch(limit);
    expect(p.line).toBeGreaterThan(1);
  });

  it('removes bidi and zero-width characters from a title, with a warning at the field', () => {
    const ds = validDataset();
    ds.events[0].title = 'Syrian army takes \u202EDeir\u202C al-Zour\u200B';
    const { text, check } = checkText(ds);
    const { dataset, warnings } = accepted(check);
    expect(dataset.events[0]!.title).toBe('Syrian army takes Deir al-Zour');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: 'warning',
      file: FILE,
      field: 'events[0] (id "deir-taken").title',
      line: positionOf(text, '"title": "Syrian army').line
    });
    expect(warnings[0]!.message).toMatch(/^3 invisible control character\(s\) removed/);
  });

  it('cleans strings inside lists too (place alternative names, tags)', () => {
    const ds = validDataset();
    ds.places[1].altNames[0].name = '\u2067دير الزور\u2069';
    ds.events[0].tags = ['ok', 'hid\u200Bden'];
    const { dataset, warnings } = accepted(checkText(ds).check);
    expect(dataset.places[1]!.altNames[0]!.name).toBe('دير الزور');
    expect(dataset.events[0]!.tags).toEqual(['ok', 'hidden']);
    expect(warnings.map((w) => w.field)).toEqual(['places[1] (id "deir").altNames[0].name', 'events[0] (id "deir-taken").tags[1]']);
  });

  it('keeps ZWNJ and ZWJ in names without a warning', () => {
    const ds = validDataset();
    ds.places[1].altNames.push({ name: 'دیر\u200Cالزور', lang: 'fa' });
    const { dataset, warnings } = accepted(checkText(ds).check);
    expect(dataset.places[1]!.altNames[1]!.name).toBe('دیر\u200Cالزور');
    expect(warnings).toEqual([]);
  });

  it('a title made only of invisible characters is refused, not accepted as empty', () => {
    const ds = validDataset();
    ds.events[0].title = '\u200B\u202E';
    const problems = problemsOf(checkText(ds).check);
    expect(problems.some((p) => p.severity === 'error' && p.field === 'events[0] (id "deir-taken").title')).toBe(true);
  });

  it('a source address that is not http(s) is a warning, not an error', () => {
    const ds = validDataset();
    ds.sources[0].url = 'javascript:alert(1)';
    const { text, check } = checkText(ds);
    const { dataset, warnings } = accepted(check);
    expect(dataset.sources[0]!.url).toBe('javascript:alert(1)');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', field: 'sources[0] (id "bbc").url', ...positionOf(text, '"javascript:alert(1)"') });
    expect(warnings[0]!.message).toMatch(/not an http\(s\) web address; it is shown as text and never opened/);
  });

  it.each(['../secret.txt', 'sources/../../etc/passwd', '/etc/passwd', '\\\\server\\share\\a.txt', 'C:\\Users\\a.txt', 'c:/a.txt'])(
    'refuses localCopy %j outside the dataset folder',
    (localCopy) => {
      const ds = validDataset();
      ds.sources[0].localCopy = localCopy;
      const p = onlyProblem(checkText(ds).check);
      expect(p).toMatchObject({ severity: 'error', field: 'sources[0] (id "bbc").localCopy' });
      expect(p.message).toMatch(/inside the dataset's folder/);
    }
  );

  it('caps a flood of problems at 200 with a final "…and N more" entry', () => {
    const ds = validDataset();
    for (let i = 0; i < 250; i++) ds.events.push({ ...ds.events[0], id: `bad-${i}`, type: 'battle' });
    const problems = problemsOf(checkText(ds).check);
    expect(problems).toHaveLength(201);
    expect(problems.slice(0, 200).every((p) => p.message.startsWith('the text "battle"'))).toBe(true);
    expect(problems[199]).toMatchObject({ field: 'events[201] (id "bad-199").type' });
    expect(problems[200]).toEqual({ severity: 'error', file: FILE, message: expect.stringMatching(/and 50 more problems not shown$/) });
  });
});

describe('describePath', () => {
  it('names list items by index and, at the first level, by id', () => {
    const ds = validDataset();
    expect(describePath(['places', 1, 'coordinates', 'source'], ds)).toBe('places[1] (id "deir").coordinates.source');
    expect(describePath(['events', 0, 'actors', 0, 'actor'], ds)).toBe('events[0] (id "deir-taken").actors[0].actor');
    expect(describePath([], ds)).toBe('(top level)');
    expect(describePath(['metadata', 'title'], ds)).toBe('metadata.title');
  });

  it('copes with paths into missing or odd data', () => {
    expect(describePath(['events', 5, 'title'], { events: [] })).toBe('events[5].title');
    expect(describePath(['events', 0], { events: [{ id: 42 }] })).toBe('events[0]');
    expect(describePath(['a', 'b'], null)).toBe('a.b');
  });
});

describe('formatProblem', () => {
  it('writes file:line:column: severity: field: message', () => {
    expect(formatProblem({ severity: 'error', file: 'a.frontline', line: 12, column: 5, field: 'events[0].title', message: 'must not be empty' })).toBe(
      'a.frontline:12:5: error: events[0].title: must not be empty'
    );
  });

  it('leaves out what is unknown', () => {
    expect(formatProblem({ severity: 'warning', file: 'a.frontline', line: 3, message: 'm' })).toBe('a.frontline:3: warning: m');
    expect(formatProblem({ severity: 'error', file: 'a.frontline', field: 'version', message: 'm' })).toBe('a.frontline: error: version: m');
    expect(formatProblem({ severity: 'error', file: 'a.frontline', message: 'no such file' })).toBe('a.frontline: error: no such file');
  });

  it('ignores a column without a line', () => {
    expect(formatProblem({ severity: 'error', file: 'f', column: 4, message: 'm' })).toBe('f: error: m');
  });
});

describe('lineColumnAt', () => {
  it('is 1-based', () => {
    expect(lineColumnAt('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('abc', 2)).toEqual({ line: 1, column: 3 });
  });

  it('counts lines by newline; the character after a newline is column 1', () => {
    const text = 'ab\ncd\n\nefg';
    expect(lineColumnAt(text, 2)).toEqual({ line: 1, column: 3 }); // the newline itself
    expect(lineColumnAt(text, 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt(text, 6)).toEqual({ line: 3, column: 1 });
    expect(lineColumnAt(text, 9)).toEqual({ line: 4, column: 3 });
  });

  it('treats CRLF as one line break (the CR is the last column)', () => {
    expect(lineColumnAt('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
  });

  it('clamps an offset past the end', () => {
    expect(lineColumnAt('ab\nc', 100)).toEqual({ line: 2, column: 2 });
  });
});

describe('capProblems', () => {
  const many = (n: number): Problem[] => Array.from({ length: n }, (_, i) => ({ severity: 'error', file: 'f.frontline', line: i + 1, message: `p${i}` }));

  it('returns a copy unchanged at or under the cap', () => {
    const list = many(200);
    const capped = capProblems(list);
    expect(capped).toEqual(list);
    expect(capped).not.toBe(list);
    expect(capProblems([])).toEqual([]);
  });

  it('keeps the first 200 and adds one entry counting the rest', () => {
    const capped = capProblems(many(201));
    expect(capped).toHaveLength(201);
    expect(capped[199]!.message).toBe('p199');
    expect(capped[200]).toEqual({ severity: 'error', file: 'f.frontline', message: '…and 1 more problems not shown' });
  });

  it('takes a custom maximum', () => {
    const capped = capProblems(many(10), 3);
    expect(capped.map((p) => p.message)).toEqual(['p0', 'p1', 'p2', '…and 7 more problems not shown']);
  });
});

describe('validateDataset with objects shared between events', () => {
  const dataset = (citation: object, start: object) => ({
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'T', theatres: [] },
    sources: [{ id: 'src-a', kind: 'news', publisher: 'P', title: 'T' }],
    places: [],
    actors: [],
    events: [1, 2, 3].map((n) => ({ id: `e${n}`, type: 'clash', title: `Clash ${n}`, start, citations: [citation] }))
  });

  it('cleans a shared object once, with the same result as walking it for every event', () => {
    const shared = dataset({ source: 'src-a', note: ' a\u202Enote ' }, { value: '2017-11-03', precision: 'day' });
    const check = validateDataset(shared, 'f.json');
    if (!check.ok) throw new Error('expected a dataset');
    expect(check.dataset.events.map((e) => e.citations[0]!.note)).toEqual(['anote', 'anote', 'anote']);
    // Cleaned in place the first time: later events found nothing to clean before, nor now.
    expect(check.warnings.map((w) => w.field)).toEqual(['events[0] (id "e1").citations[0].note']);
    const unshared = validateDataset(structuredClone(dataset({ source: 'src-a', note: 'anote' }, { value: '2017-11-03', precision: 'day' })), 'f.json');
    expect(unshared.ok && unshared.dataset.events).toEqual(check.dataset.events);
  });

  it('a list shared by events (walked again for each) is cleaned once and reported once', () => {
    const tags = [' a\u202Etag ', 'plain'];
    const raw = dataset({ source: 'src-a' }, { value: '2017-11-03', precision: 'day' });
    for (const e of raw.events as { tags?: string[] }[]) e.tags = tags;
    const check = validateDataset(raw, 'f.json');
    if (!check.ok) throw new Error('expected a dataset');
    expect(check.dataset.events.map((e) => e.tags)).toEqual([
      ['atag', 'plain'],
      ['atag', 'plain'],
      ['atag', 'plain']
    ]);
    expect(check.warnings.map((w) => w.field)).toEqual(['events[0] (id "e1").tags[0]']);
  });

  it('still refuses a shared object that is invalid, for every event holding it', () => {
    const check = validateDataset(dataset({ source: 'src-missing' }, { value: '2017-11-03', precision: 'day' }), 'f.json');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.filter((p) => p.message.includes('src-missing'))).toHaveLength(3);
  });
});
