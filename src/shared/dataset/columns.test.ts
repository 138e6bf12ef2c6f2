// columns: eventView windows and precisions, windowEndFrom/windowStartTo at month, year and leap-year edges, string tables, ColumnsBuilder sorting, alignment, figures and ranges, columnBuffers.
import { describe, expect, it } from 'vitest';
import {
  ColumnsBuilder,
  FIGURE_SEPARATOR,
  NO_END,
  buildStringTable,
  utf8Length,
  columnBuffers,
  columnBytes,
  eventView,
  stringAt,
  tableSize,
  windowEndFrom,
  windowStartTo,
  type ColumnsInput,
  type EventColumns
} from './columns';
import { DATE_PRECISIONS, DAY_MS, parseDateValue, utcDay, type DatePrecision } from './dates';
import { EVENT_TYPES } from './eventTypes';
import { EVENT_STATUSES } from './vocabulary';
import { prng } from '../../../tests/support/prng';


function windowOf(value: string, precision: DatePrecision, margin?: number): { start: number; end: number; anchor?: number } {
  const parsed = parseDateValue(value, precision, margin);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.window;
}

/** Days of a window its precision does not fix (as datasetColumns works them out). */
const unfixed = (w: { start: number; end: number }, precision: DatePrecision, margin?: number) =>
  precision === 'between' || margin !== undefined ? Math.round((w.end - w.start) / DAY_MS) : 0;

/** A columns input for an event dated like a file would date it. */
function input(
  id: string,
  start: [string, DatePrecision, number?],
  end?: [string, DatePrecision, number?],
  extra: Partial<Omit<ColumnsInput, 'start' | 'end' | 'startPrecision' | 'endPrecision'>> = {}
): ColumnsInput {
  const s = windowOf(...start);
  const e = end ? windowOf(...end) : undefined;
  return {
    id,
    title: `Title of ${id}`,
    type: 'clash',
    status: 'reported',
    theatreKey: 'SY',
    figures: [],
    sourceIndex: 0,
    actors: [],
    places: [],
    claimant: -1,
    summary: '',
    ...extra,
    start: s.start,
    end: Math.max(e?.end ?? s.end, s.end),
    startPrecision: start[1],
    endPrecision: end?.[1],
    startDays: unfixed(s, start[1], start[2]),
    endDays: e && end ? unfixed(e, end[1], end[2]) : 0,
    ...(s.anchor !== undefined ? { rangeStart: s.anchor } : {}),
    ...((e ?? s).anchor !== undefined ? { rangeEnd: (e ?? s).anchor! + DAY_MS } : {})
  };
}

const keepOrder = (keys: readonly { key: string; count: number }[]) => keys.map((k) => ({ key: k.key, label: k.key }));

function build(inputs: readonly ColumnsInput[], orderLanes = keepOrder) {
  const b = new ColumnsBuilder();
  inputs.forEach((e, i) => b.add({ ...e, sourceIndex: e.sourceIndex || i }));
  return b.finish(orderLanes);
}

/** Build from inputs whose sourceIndex is their position. */
function columnsOf(inputs: readonly ColumnsInput[]): EventColumns {
  const b = new ColumnsBuilder();
  inputs.forEach((e, i) => b.add({ ...e, sourceIndex: i }));
  return b.finish(keepOrder).columns;
}

const day = (y: number, m: number, d: number) => utcDay(y, m, d);

describe('windowEndFrom', () => {
  it('day and approximate windows last one day, weeks seven', () => {
    expect(windowEndFrom(day(2017, 11, 3), 'day')).toBe(day(2017, 11, 4));
    expect(windowEndFrom(day(2017, 11, 3), 'approximate')).toBe(day(2017, 11, 4));
    expect(windowEndFrom(day(2017, 10, 23), 'week')).toBe(day(2017, 10, 30));
  });

  it('crosses month and year ends', () => {
    expect(windowEndFrom(day(2017, 12, 31), 'day')).toBe(day(2018, 1, 1));
    expect(windowEndFrom(day(2018, 12, 31), 'week')).toBe(day(2019, 1, 7));
    expect(windowEndFrom(day(2017, 1, 1), 'month')).toBe(day(2017, 2, 1));
    expect(windowEndFrom(day(2017, 12, 1), 'month')).toBe(day(2018, 1, 1));
    expect(windowEndFrom(day(2017, 1, 1), 'year')).toBe(day(2018, 1, 1));
  });

  it('knows leap years', () => {
    expect(windowEndFrom(day(2016, 2, 28), 'day')).toBe(day(2016, 2, 29));
    expect(windowEndFrom(day(2016, 2, 29), 'day')).toBe(day(2016, 3, 1));
    expect(windowEndFrom(day(2016, 2, 1), 'month') - day(2016, 2, 1)).toBe(29 * DAY_MS);
    expect(windowEndFrom(day(2017, 2, 1), 'month') - day(2017, 2, 1)).toBe(28 * DAY_MS);
    expect(windowEndFrom(day(2000, 2, 1), 'month') - day(2000, 2, 1)).toBe(29 * DAY_MS);
    expect(windowEndFrom(day(1900, 2, 1), 'month') - day(1900, 2, 1)).toBe(28 * DAY_MS);
    expect(windowEndFrom(day(2016, 1, 1), 'year') - day(2016, 1, 1)).toBe(366 * DAY_MS);
  });

  it('works for years below 100', () => {
    expect(windowEndFrom(day(50, 1, 1), 'year')).toBe(day(51, 1, 1));
    expect(windowEndFrom(day(99, 12, 1), 'month')).toBe(day(100, 1, 1));
  });

  it('agrees with parseDateValue for every precision', () => {
    const cases: [string, DatePrecision][] = [
      ['2017-11-03', 'day'],
      ['2016-02-29', 'approximate'],
      ['2017-W43', 'week'],
      ['2020-W53', 'week'],
      ['2016-02', 'month'],
      ['2017-12', 'month'],
      ['2016', 'year'],
      ['0004', 'year']
    ];
    for (const [value, precision] of cases) {
      const w = windowOf(value, precision);
      expect(windowEndFrom(w.start, precision), value).toBe(w.end);
      expect(windowStartTo(w.end, precision), value).toBe(w.start);
    }
  });
});

describe('windowStartTo', () => {
  it('crosses month and year ends backwards', () => {
    expect(windowStartTo(day(2018, 1, 1), 'day')).toBe(day(2017, 12, 31));
    expect(windowStartTo(day(2018, 1, 1), 'month')).toBe(day(2017, 12, 1));
    expect(windowStartTo(day(2018, 1, 1), 'year')).toBe(day(2017, 1, 1));
    expect(windowStartTo(day(2019, 1, 7), 'week')).toBe(day(2018, 12, 31));
  });

  it('knows leap years', () => {
    expect(windowStartTo(day(2016, 3, 1), 'day')).toBe(day(2016, 2, 29));
    expect(windowStartTo(day(2016, 3, 1), 'month')).toBe(day(2016, 2, 1));
    expect(windowStartTo(day(2017, 1, 1), 'year')).toBe(day(2016, 1, 1));
  });

  it('for an end inside a month or year, gives the start of the month or year holding its last instant', () => {
    expect(windowStartTo(day(2017, 3, 15), 'month')).toBe(day(2017, 3, 1));
    expect(windowStartTo(day(2017, 7, 2), 'year')).toBe(day(2017, 1, 1));
  });

  it('undoes windowEndFrom for every month and year of 2015–2017', () => {
    for (let y = 2015; y <= 2017; y++) {
      expect(windowStartTo(windowEndFrom(day(y, 1, 1), 'year'), 'year')).toBe(day(y, 1, 1));
      for (let m = 1; m <= 12; m++) expect(windowStartTo(windowEndFrom(day(y, m, 1), 'month'), 'month')).toBe(day(y, m, 1));
    }
  });
});

describe('eventView', () => {
  it('a point of each precision: its window, no end window, its own precision', () => {
    const cases: [string, DatePrecision, number, number][] = [
      ['2017-11-03', 'day', day(2017, 11, 3), day(2017, 11, 4)],
      ['2017-11-03', 'approximate', day(2017, 11, 3), day(2017, 11, 4)],
      ['2017-W43', 'week', day(2017, 10, 23), day(2017, 10, 30)],
      ['2016-02', 'month', day(2016, 2, 1), day(2016, 3, 1)],
      ['2016', 'year', day(2016, 1, 1), day(2017, 1, 1)]
    ];
    for (const [value, precision, start, end] of cases) {
      const v = eventView(columnsOf([input('p', [value, precision])]), 0);
      expect(v, value).toMatchObject({ start, end, startPrecision: precision, endPrecision: undefined, precision, startWindowEnd: end, endWindowStart: undefined });
    }
  });

  it('a span: the start window, the end window, and the coarser of the two precisions', () => {
    const cases: { start: [string, DatePrecision]; end: [string, DatePrecision]; expected: object }[] = [
      {
        start: ['2017-W43', 'week'],
        end: ['2017-11-03', 'approximate'],
        expected: { start: day(2017, 10, 23), end: day(2017, 11, 4), startWindowEnd: day(2017, 10, 30), endWindowStart: day(2017, 11, 3), precision: 'week', endPrecision: 'approximate' }
      },
      {
        start: ['2017-11-03', 'day'],
        end: ['2019', 'year'],
        expected: { start: day(2017, 11, 3), end: day(2020, 1, 1), startWindowEnd: day(2017, 11, 4), endWindowStart: day(2019, 1, 1), precision: 'year' }
      },
      {
        start: ['2014', 'year'],
        end: ['2017-11-03', 'day'],
        expected: { start: day(2014, 1, 1), end: day(2017, 11, 4), startWindowEnd: day(2015, 1, 1), endWindowStart: day(2017, 11, 3), precision: 'year', startPrecision: 'year', endPrecision: 'day' }
      },
      {
        start: ['2017-07', 'month'],
        end: ['2018-12', 'month'],
        expected: { start: day(2017, 7, 1), end: day(2019, 1, 1), startWindowEnd: day(2017, 8, 1), endWindowStart: day(2018, 12, 1), precision: 'month' }
      },
      {
        start: ['2016-02-28', 'approximate'],
        end: ['2016-02-29', 'day'],
        expected: { start: day(2016, 2, 28), end: day(2016, 3, 1), startWindowEnd: day(2016, 2, 29), endWindowStart: day(2016, 2, 29), precision: 'approximate' }
      }
    ];
    for (const c of cases) expect(eventView(columnsOf([input('s', c.start, c.end)]), 0), c.start[0]).toMatchObject(c.expected);
  });

  it('an end inside the start window keeps the start window as the extent', () => {
    // "2017-11" to "2017-11-01": the month outlasts the day.
    const v = eventView(columnsOf([input('s', ['2017-11', 'month'], ['2017-11-01', 'day'])]), 0);
    expect(v).toMatchObject({ start: day(2017, 11, 1), end: day(2017, 12, 1), endPrecision: 'day', precision: 'month', endWindowStart: day(2017, 11, 30) });
  });

  it('carries id, title, type, status, and the figure labels split apart', () => {
    const cols = columnsOf([
      input('دير-1', ['2017-11-03', 'day'], undefined, {
        title: 'Some 350,000 displaced — دير الزور',
        type: 'displacement',
        status: 'disputed',
        figures: [
          { unit: 'people', value: 350_000, label: 'some 350,000 displaced' },
          { unit: 'percent', value: 95, label: 'about 95%' },
          { unit: 'km', value: null, label: 'a few kilometres' }
        ]
      }),
      input('plain', ['2017-11-04', 'day'])
    ]);
    expect(eventView(cols, 0)).toMatchObject({
      index: 0,
      id: 'دير-1',
      title: 'Some 350,000 displaced — دير الزور',
      type: 'displacement',
      status: 'disputed',
      figureLabels: ['some 350,000 displaced', 'about 95%', 'a few kilometres']
    });
    expect(eventView(cols, 1)).toMatchObject({ index: 1, id: 'plain', figureLabels: [], type: 'clash', status: 'reported' });
  });

  it('decodes every type, status and precision code', () => {
    const valueFor: Record<DatePrecision, string> = { day: '2017-01-02', approximate: '2017-01-03', week: '2017-W05', month: '2017-03', year: '2018', between: '2017-04-07/2017-05-31' };
    const inputs = EVENT_TYPES.map((type, i) => {
      const precision = DATE_PRECISIONS[i % DATE_PRECISIONS.length]!;
      return input(`t${i}`, [valueFor[precision], precision], undefined, { type, status: EVENT_STATUSES[i % EVENT_STATUSES.length]! });
    });
    const cols = columnsOf(inputs);
    for (let k = 0; k < cols.count; k++) {
      const v = eventView(cols, k);
      const original = inputs[cols.sourceIndex[k]!]!;
      expect(v.type).toBe(original.type);
      expect(v.status).toBe(original.status);
      expect(v.startPrecision).toBe(original.startPrecision);
    }
  });
});

describe('windows of possible dates whose length the precision does not fix', () => {
  it('an approximate day with a margin and a "between" window keep their whole window, for points and span ends', () => {
    const cols = columnsOf([
      input('acled-tp2', ['2017-03-06', 'approximate', 3]),
      input('ucdp', ['2017-04-07/2017-05-31', 'between']),
      input('span', ['2017-01-10/2017-01-20', 'between'], ['2017-02-15', 'approximate', 2])
    ]);
    const byId = new Map(Array.from({ length: cols.count }, (_, k) => eventView(cols, k)).map((v) => [v.id, v]));
    expect(byId.get('acled-tp2')).toMatchObject({ start: utcDay(2017, 3, 3), end: utcDay(2017, 3, 10), startWindowEnd: utcDay(2017, 3, 10), precision: 'approximate' });
    expect(byId.get('ucdp')).toMatchObject({ start: utcDay(2017, 4, 7), end: utcDay(2017, 6, 1), startWindowEnd: utcDay(2017, 6, 1), endPrecision: undefined, precision: 'between' });
    expect(byId.get('span')).toMatchObject({ start: utcDay(2017, 1, 10), startWindowEnd: utcDay(2017, 1, 21), endWindowStart: utcDay(2017, 2, 13), end: utcDay(2017, 2, 18) });
  });

  it("a margin never stretches the dataset's range: rows coded 1–21 March give a range of 1–21 March", () => {
    const b = new ColumnsBuilder();
    b.add(input('first', ['2017-03-01', 'approximate', 3]));
    b.add(input('mid', ['2017-03-12', 'approximate', 15]));
    b.add(input('last', ['2017-03-21', 'approximate', 3]));
    const done = b.finish(keepOrder);
    expect(done.fullRange).toEqual({ start: utcDay(2017, 3, 1), end: utcDay(2017, 3, 22) });
    expect(done.columns.start[0]).toBe(utcDay(2017, 2, 25));
  });
});

describe('string tables', () => {
  it('packs strings in order, empty ones included', () => {
    const t = buildStringTable(['a', '', 'دير الزور', '😀 x', '']);
    expect(tableSize(t)).toBe(5);
    expect([0, 1, 2, 3, 4].map((i) => stringAt(t, i))).toEqual(['a', '', 'دير الزور', '😀 x', '']);
    expect(t.offsets).toHaveLength(6);
    expect(t.bytes.byteLength).toBe(t.offsets[5]);
    expect(t.bytes.byteLength).toBe(new TextEncoder().encode('aدير الزور😀 x').length);
  });

  it('takes strings through an order permutation', () => {
    const strings = ['zero', '', 'two دير', 'three'];
    const t = buildStringTable(strings, Uint32Array.of(2, 1, 3, 0));
    expect([0, 1, 2, 3].map((i) => stringAt(t, i))).toEqual(['two دير', '', 'three', 'zero']);
  });

  it('an order may pick a subset', () => {
    const t = buildStringTable(['a', 'b', 'c'], Uint32Array.of(2));
    expect(tableSize(t)).toBe(1);
    expect(stringAt(t, 0)).toBe('c');
  });

  it('an empty table, and a table of empty strings', () => {
    const empty = buildStringTable([]);
    expect(tableSize(empty)).toBe(0);
    expect(empty.bytes.byteLength).toBe(0);
    const blanks = buildStringTable(['', '', '']);
    expect(tableSize(blanks)).toBe(3);
    expect([...blanks.offsets]).toEqual([0, 0, 0, 0]);
    expect(stringAt(blanks, 2)).toBe('');
  });

  it('refuses a position outside the table', () => {
    const t = buildStringTable(['a']);
    expect(() => stringAt(t, 1)).toThrow(RangeError);
    expect(() => stringAt(t, -1)).toThrow(RangeError);
  });

  it('round-trips random text, surrogate pairs and long strings included', () => {
    const random = prng(11);
    const alphabet = ['a', 'Z', ' ', 'é', 'د', 'ر', '😀', '—', '\u001f', '"'];
    const strings = Array.from({ length: 300 }, () => Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    strings.push('x'.repeat(10_000));
    const order = Uint32Array.from(strings.map((_, i) => i).sort(() => random() - 0.5));
    const t = buildStringTable(strings, order);
    for (let k = 0; k < order.length; k++) expect(stringAt(t, k)).toBe(strings[order[k]!]);
  });
});

describe('utf8Length', () => {
  it('counts the bytes TextEncoder writes, lone and reversed surrogates (U+FFFD) included', () => {
    const cases = ['', 'a', '\u007f', '\u0080', '\u07ff', '\u0800', 'دير الزور', '\uffff', '😀', 'a😀b', '\ud800', '\udc00', '\udc00\ud800', 'x\ud83d', '\ud83dx', '\ud83d\ud83d\ude00'];
    for (const s of cases) expect([s, utf8Length(s)]).toEqual([s, new TextEncoder().encode(s).length]);
  });

  it('agrees with TextEncoder on random code units', () => {
    const random = prng(5);
    for (let i = 0; i < 500; i++) {
      const s = String.fromCharCode(...Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 0x10000)));
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});

describe('string tables, packed many strings at a time', () => {
  it('keeps every string apart across the packing batches, lone surrogates included', () => {
    const random = prng(17);
    const alphabet = ['a', 'é', 'د', '😀', '\ud800', '\udc00', ''];
    const strings = Array.from({ length: 5000 }, (_, i) => `${i}:${Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')}`);
    const t = buildStringTable(strings);
    const expected = strings.map((s) => new TextDecoder().decode(new TextEncoder().encode(s)));
    for (let k = 0; k < strings.length; k++) expect(stringAt(t, k)).toBe(expected[k]);
    expect(t.bytes.byteLength).toBe(new TextEncoder().encode(strings.join('')).length);
  });
});

describe('ColumnsBuilder', () => {
  it('sorts by start, then end, then position in the file', () => {
    const inputs = [
      input('late', ['2017-11-05', 'day'], undefined, { sourceIndex: 0 }),
      input('long', ['2017-11-03', 'day'], ['2017-11-10', 'day'], { sourceIndex: 1 }),
      input('short-b', ['2017-11-03', 'day'], undefined, { sourceIndex: 3 }),
      input('short-a', ['2017-11-03', 'day'], undefined, { sourceIndex: 2 }),
      input('early', ['2017', 'year'], undefined, { sourceIndex: 4 })
    ];
    const b = new ColumnsBuilder();
    for (const e of inputs) b.add(e);
    expect(b.count).toBe(5);
    const { columns } = b.finish(keepOrder);
    expect(Array.from({ length: 5 }, (_, k) => stringAt(columns.ids, k))).toEqual(['early', 'short-a', 'short-b', 'long', 'late']);
    expect([...columns.sourceIndex]).toEqual([4, 2, 3, 1, 0]);
  });

  it('keeps every column aligned: the same permutation is applied to each', () => {
    const random = prng(5);
    const precisions: DatePrecision[] = ['day', 'approximate', 'month', 'year'];
    const units = ['people', 'people', 'people', 'fighters'];
    const lanes = ['SY', 'IQ', 'IQ+SY', 'elsewhere'];
    const inputs: ColumnsInput[] = Array.from({ length: 600 }, (_, i) => {
      const year = 2000 + Math.floor(random() * 5);
      const precision = precisions[Math.floor(random() * precisions.length)]!;
      const value = precision === 'month' ? `${year}-0${1 + Math.floor(random() * 9)}` : precision === 'year' ? String(year) : `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
      const end: [string, DatePrecision] | undefined = random() < 0.3 ? [String(year + 1 + Math.floor(random() * 2)), 'year'] : undefined;
      const figures = random() < 0.4 ? [{ unit: units[Math.floor(random() * units.length)]!, value: Math.floor(random() * 100), label: `fig ${i}` }] : [];
      return input(`e${i}`, [value, precision], end, {
        title: `title ${i}`,
        type: EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)]!,
        status: EVENT_STATUSES[Math.floor(random() * EVENT_STATUSES.length)]!,
        theatreKey: lanes[Math.floor(random() * lanes.length)]!,
        figures,
        sourceIndex: i
      });
    });
    const done = build(inputs);
    const c = done.columns;
    expect(c.count).toBe(600);
    expect(done.figureUnit).toBe('people');
    const seen = new Set<number>();
    for (let k = 0; k < c.count; k++) {
      const e = inputs[c.sourceIndex[k]!]!;
      seen.add(c.sourceIndex[k]!);
      expect(stringAt(c.ids, k)).toBe(e.id);
      expect(stringAt(c.titles, k)).toBe(e.title);
      expect(c.start[k]).toBe(e.start);
      expect(c.end[k]).toBe(e.end);
      expect(DATE_PRECISIONS[c.startPrecision[k]!]).toBe(e.startPrecision);
      expect(c.endPrecision[k] === NO_END ? undefined : DATE_PRECISIONS[c.endPrecision[k]!]).toBe(e.endPrecision);
      expect(EVENT_TYPES[c.type[k]!]).toBe(e.type);
      expect(EVENT_STATUSES[c.status[k]!]).toBe(e.status);
      expect(done.theatreLanes[c.theatre[k]!]!.id).toBe(e.theatreKey);
      const people = e.figures.filter((f) => f.unit === 'people' && f.value !== null);
      if (people.length === 0) expect(c.figure[k]).toBeNaN();
      else expect(c.figure[k]).toBe(people.reduce((n, f) => n + f.value!, 0));
      expect(stringAt(c.figureLabels, k)).toBe(e.figures.map((f) => f.label).join(FIGURE_SEPARATOR));
      if (k > 0) {
        const a = k - 1;
        const inOrder = c.start[a]! < c.start[k]! || (c.start[a] === c.start[k] && (c.end[a]! < c.end[k]! || (c.end[a] === c.end[k] && c.sourceIndex[a]! < c.sourceIndex[k]!)));
        expect(inOrder, `order at ${k}`).toBe(true);
      }
    }
    expect(seen.size).toBe(600);
  });

  it('the theatre column indexes the lanes in the order orderLanes gives, and orderLanes sees each key with its count', () => {
    const seenKeys: { key: string; count: number }[][] = [];
    const done = build(
      [
        input('a', ['2017-01-01', 'day'], undefined, { theatreKey: 'SY' }),
        input('b', ['2017-01-02', 'day'], undefined, { theatreKey: 'IQ' }),
        input('c', ['2017-01-03', 'day'], undefined, { theatreKey: 'SY' }),
        input('d', ['2017-01-04', 'day'], undefined, { theatreKey: 'elsewhere' })
      ],
      (keys) => {
        seenKeys.push([...keys]);
        return [...keys].reverse().map((k) => ({ key: k.key, label: `Lane ${k.key}` }));
      }
    );
    expect(seenKeys).toEqual([
      [
        { key: 'SY', count: 2 },
        { key: 'IQ', count: 1 },
        { key: 'elsewhere', count: 1 }
      ]
    ]);
    expect(done.theatreLanes).toEqual([
      { id: 'elsewhere', label: 'Lane elsewhere' },
      { id: 'IQ', label: 'Lane IQ' },
      { id: 'SY', label: 'Lane SY' }
    ]);
    expect([...done.columns.theatre]).toEqual([2, 1, 2, 0]);
  });

  it('the figure column sums only the most common unit; NaN when an event has none of it', () => {
    const done = build([
      input('two-people', ['2017-01-01', 'day'], undefined, {
        figures: [
          { unit: 'people', value: 300, label: '300' },
          { unit: 'people', value: 50, label: '50' },
          { unit: 'percent', value: 95, label: '95%' }
        ]
      }),
      input('percent-only', ['2017-01-02', 'day'], undefined, { figures: [{ unit: 'percent', value: 10, label: '10%' }] }),
      input('vague-people', ['2017-01-03', 'day'], undefined, { figures: [{ unit: 'people', value: null, label: 'many' }] }),
      input('no-figures', ['2017-01-04', 'day']),
      input('zero-people', ['2017-01-05', 'day'], undefined, { figures: [{ unit: 'people', value: 0, label: '0' }] }),
      input('one-person', ['2017-01-06', 'day'], undefined, { figures: [{ unit: 'people', value: 1, label: '1' }] })
    ]);
    expect(done.figureUnit).toBe('people');
    const f = done.columns.figure;
    expect(f[0]).toBe(350);
    expect(f[1]).toBeNaN();
    expect(f[2]).toBeNaN();
    expect(f[3]).toBeNaN();
    expect(f[4]).toBe(0);
    expect(f[5]).toBe(1);
  });

  it('figures without a number do not decide the main unit', () => {
    const done = build([
      input('a', ['2017-01-01', 'day'], undefined, { figures: [{ unit: 'km', value: null, label: 'a few km' }] }),
      input('b', ['2017-01-02', 'day'], undefined, { figures: [{ unit: 'km', value: null, label: 'a few km' }] }),
      input('c', ['2017-01-03', 'day'], undefined, { figures: [{ unit: 'people', value: 7, label: '7' }] })
    ]);
    expect(done.figureUnit).toBe('people');
    expect([...done.columns.figure].map((v) => (Number.isNaN(v) ? null : v))).toEqual([null, null, 7]);
  });

  it('has no figure unit and all-NaN figures when no event has a number', () => {
    const done = build([input('a', ['2017-01-01', 'day']), input('b', ['2017-01-02', 'day'], undefined, { figures: [{ unit: 'km', value: null, label: 'x' }] })]);
    expect(done.figureUnit).toBeUndefined();
    expect([...done.columns.figure].every(Number.isNaN)).toBe(true);
  });

  it('storyRange leaves out context events; fullRange covers everything', () => {
    const done = build([
      input('sykes-picot', ['1916', 'year'], undefined, { type: 'context' }),
      input('taken', ['2017-11-03', 'day']),
      input('offensive', ['2017-10', 'month'], ['2017-11-03', 'approximate']),
      input('later-context', ['2030', 'year'], undefined, { type: 'context' })
    ]);
    expect(done.fullRange).toEqual({ start: day(1916, 1, 1), end: day(2031, 1, 1) });
    expect(done.storyRange).toEqual({ start: day(2017, 10, 1), end: day(2017, 11, 4) });
  });

  it('storyRange falls back to fullRange when every event is context', () => {
    const done = build([input('a', ['1916', 'year'], undefined, { type: 'context' }), input('b', ['1920', 'year'], undefined, { type: 'context' })]);
    expect(done.storyRange).toEqual(done.fullRange);
    expect(done.fullRange).toEqual({ start: day(1916, 1, 1), end: day(1921, 1, 1) });
  });

  it('builds empty columns and no ranges for no events', () => {
    const done = new ColumnsBuilder().finish(keepOrder);
    expect(done.columns.count).toBe(0);
    expect(done.columns.start).toHaveLength(0);
    expect(tableSize(done.columns.ids)).toBe(0);
    expect(done.fullRange).toBeUndefined();
    expect(done.storyRange).toBeUndefined();
    expect(done.theatreLanes).toEqual([]);
    expect(done.figureUnit).toBeUndefined();
  });

  it('grows past its initial capacity', () => {
    const inputs = Array.from({ length: 5000 }, (_, i) => input(`e${i}`, [`${2000 + (i % 20)}`, 'year'], undefined, { figures: [{ unit: 'people', value: i, label: String(i) }] }));
    const done = build(inputs);
    expect(done.columns.count).toBe(5000);
    let total = 0;
    for (const v of done.columns.figure) total += v;
    expect(total).toBe((4999 * 5000) / 2);
  });
});

describe('columnBuffers and columnBytes', () => {
  const done = build([
    input('a', ['2017-01-01', 'day'], undefined, { title: 'دير', figures: [{ unit: 'people', value: 3, label: 'three' }] }),
    input('b', ['2016', 'year'], ['2017-02', 'month'])
  ]);
  const c = done.columns;

  /** Every typed array reachable from the columns, string tables included. */
  const arrays = (): ArrayBufferView[] => {
    const out: ArrayBufferView[] = [];
    for (const value of Object.values(c)) {
      if (ArrayBuffer.isView(value)) out.push(value);
      else if (value !== null && typeof value === 'object') for (const inner of Object.values(value)) if (ArrayBuffer.isView(inner)) out.push(inner);
    }
    return out;
  };

  it('lists the buffer of every column and string table', () => {
    const buffers = columnBuffers(c);
    const views = arrays();
    // 14 plain columns (lane group and the two window lengths included), 4 for actors and places, 4 string tables of 2 arrays each: 26 arrays in all.
    expect(views).toHaveLength(26);
    for (const v of views) expect(buffers).toContain(v.buffer);
    expect(buffers).toHaveLength(26);
  });

  it('counts their bytes', () => {
    const total = arrays().reduce((n, v) => n + v.buffer.byteLength, 0);
    expect(columnBytes(c)).toBe(total);
    expect(columnBytes(c)).toBeGreaterThan(0);
  });

  it('after transferring the buffers, the receiving side reads the same events', () => {
    const copy = structuredClone(c, { transfer: [...new Set(columnBuffers(c))] as ArrayBuffer[] });
    expect(copy.count).toBe(2);
    expect(eventView(copy, 0)).toMatchObject({ id: 'b', startPrecision: 'year', endPrecision: 'month' });
    expect(eventView(copy, 1)).toMatchObject({ id: 'a', title: 'دير', figureLabels: ['three'] });
    // The sender's arrays are detached.
    expect(c.start.length).toBe(0);
  });
});
