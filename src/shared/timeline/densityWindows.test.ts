// Density of events dated only to a window of possible dates (ISO weeks, months, years, ACLED's
// approximate days give or take 3 or 15 days, UCDP's "sometime between"): each is spread over the
// bins its window overlaps, by the share of it there, never piled on the window's first day;
// exact days and spans count at their start; bars add up to the events in range; each bin knows
// its uncertain part; figures are spread likewise; counts as shown add up.
import { describe, expect, it } from 'vitest';
import { ColumnsBuilder, type ColumnsInput, type EventColumns } from '../dataset/columns';
import { DAY_MS, parseDateValue, utcDay, type DatePrecision } from '../dataset/dates';
import { binEdges, describeUncertainty, formatCount, laneDensity, shownCounts, shownTenths, type BinUnit } from './density';
import { EventIndex } from './eventIndex';
import { prng } from '../../../tests/support/prng';

interface Dated {
  readonly value: string;
  readonly precision: DatePrecision;
  readonly margin?: number;
  /** A span: its end, as a day. */
  readonly end?: string;
  readonly figure?: number;
  readonly lane?: string;
}

/** Columns as a Frontline file's events make them (datasetColumns.ts): a date value's window, its length where the precision does not fix it. */
function columnsOf(events: readonly Dated[]): { cols: EventColumns; laneCount: number; index: EventIndex } {
  const builder = new ColumnsBuilder();
  events.forEach((e, i) => {
    const w = parseDateValue(e.value, e.precision, e.margin);
    if (!w.ok) throw new Error(w.reason);
    const endWindow = e.end === undefined ? undefined : parseDateValue(e.end, 'day');
    if (endWindow && !endWindow.ok) throw new Error(endWindow.reason);
    const input: ColumnsInput = {
      id: `e${i}`,
      title: `e${i}`,
      type: 'clash',
      status: 'reported',
      start: w.window.start,
      end: Math.max(endWindow?.window.end ?? w.window.end, w.window.end),
      startPrecision: e.precision,
      endPrecision: e.end === undefined ? undefined : 'day',
      startDays: e.precision === 'between' || e.margin !== undefined ? Math.round((w.window.end - w.window.start) / DAY_MS) : 0,
      theatreKey: e.lane ?? 'SY',
      figures: e.figure === undefined ? [] : [{ unit: 'killed', value: e.figure, label: `${e.figure} killed` }],
      sourceIndex: i,
      actors: [],
      places: [],
      claimant: -1,
      summary: ''
    };
    builder.add(input);
  });
  const done = builder.finish((keys) => keys.map((k) => ({ key: k.key, label: k.key })));
  const cols = done.columns;
  return { cols, laneCount: done.theatreLanes.length, index: new EventIndex(cols, { laneOf: cols.theatre, laneCount: done.theatreLanes.length }) };
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const times = (n: number, e: Dated): Dated[] => Array.from({ length: n }, () => e);

/** The density of lane 0 over [from, to) in bins of `unit`, with each bin's start as an ISO day. */
function density(events: readonly Dated[], from: string, to: string, unit: BinUnit) {
  const { index } = columnsOf(events);
  const edges = binEdges(day(from), day(to), unit);
  const d = laneDensity(index, 0, edges);
  const bins = [...d.counts].map((count, k) => ({ bin: new Date(edges[k]!).toISOString().slice(0, 10), count, uncertain: d.uncertain[k]!, sum: d.sums[k]! }));
  return { d, bins, at: (iso: string) => bins.find((b) => b.bin === iso)! };
}

describe('a window of possible dates is spread over its days, not piled on its first', () => {
  it("a week's events give each of its days a seventh each, in day bins; Monday does not get them all", () => {
    // 2017-W44: Monday 30 October to Sunday 5 November.
    const { bins, d } = density(times(7, { value: '2017-W44', precision: 'week' }), '2017-10-28', '2017-11-08', 'day');
    const got = Object.fromEntries(bins.map((b) => [b.bin, b.count]));
    for (const iso of ['2017-10-30', '2017-10-31', '2017-11-01', '2017-11-02', '2017-11-03', '2017-11-04', '2017-11-05']) expect(got[iso]).toBeCloseTo(1, 12);
    for (const iso of ['2017-10-28', '2017-10-29', '2017-11-06', '2017-11-07']) expect(got[iso]).toBe(0);
    expect(d.total).toBeCloseTo(7, 12);
    expect(d.maxCount).toBeCloseTo(1, 12);
    // All of it is uncertain.
    expect(d.totalUncertain).toBeCloseTo(7, 12);
    for (const b of bins) expect(b.uncertain).toBeCloseTo(b.count, 12);
  });

  it('a week straddling two months gives each its share: 5/7 and 2/7', () => {
    // 2017-W13: 27 March to 2 April (five days in March); 2017-W44: 30 October to 5 November (two in October).
    const march = density([{ value: '2017-W13', precision: 'week' }], '2017-02-01', '2017-05-01', 'month');
    expect(march.at('2017-03-01').count).toBeCloseTo(5 / 7, 12);
    expect(march.at('2017-04-01').count).toBeCloseTo(2 / 7, 12);
    expect(march.at('2017-02-01').count).toBe(0);
    const october = density(times(7, { value: '2017-W44', precision: 'week' }), '2017-10-01', '2017-12-01', 'month');
    expect(october.at('2017-10-01').count).toBeCloseTo(2, 12);
    expect(october.at('2017-11-01').count).toBeCloseTo(5, 12);
    // In week bins (ISO weeks, like the window) it is whole, in its own week.
    const weeks = density([{ value: '2017-W44', precision: 'week' }], '2017-10-16', '2017-11-20', 'week');
    expect(weeks.at('2017-10-30').count).toBe(1);
    expect(weeks.bins.filter((b) => b.count !== 0)).toHaveLength(1);
  });

  it('a month in week bins, and a year in month bins, by the days of each that fall there', () => {
    // November 2017: 1–5 in the week of 30 October, then four whole weeks (6 Nov – 3 Dec holds 6–30 Nov).
    const { at } = density([{ value: '2017-11', precision: 'month' }], '2017-10-23', '2017-12-11', 'week');
    expect(at('2017-10-30').count).toBeCloseTo(5 / 30, 12);
    for (const w of ['2017-11-06', '2017-11-13', '2017-11-20']) expect(at(w).count).toBeCloseTo(7 / 30, 12);
    expect(at('2017-11-27').count).toBeCloseTo(4 / 30, 12);
    const year = density([{ value: '2017', precision: 'year' }], '2017-01-01', '2018-01-01', 'month');
    expect(year.at('2017-02-01').count).toBeCloseTo(28 / 365, 12);
    expect(year.at('2017-12-01').count).toBeCloseTo(31 / 365, 12);
    expect(year.d.total).toBeCloseTo(1, 12);
  });

  it('UCDP\'s "sometime between" windows spread over every day they name', () => {
    // 7 April to 31 May 2017: 24 days of April, 31 of May.
    const between: Dated = { value: '2017-04-07/2017-05-31', precision: 'between' };
    const months = density(times(55, between), '2017-03-01', '2017-07-01', 'month');
    expect(months.at('2017-04-01').count).toBeCloseTo(24, 9);
    expect(months.at('2017-05-01').count).toBeCloseTo(31, 9);
    expect(months.at('2017-03-01').count).toBe(0);
    expect(months.at('2017-06-01').count).toBe(0);
    const days = density([between], '2017-04-01', '2017-06-05', 'day');
    for (const b of days.bins) expect(b.count).toBeCloseTo(b.bin >= '2017-04-07' && b.bin <= '2017-05-31' ? 1 / 55 : 0, 12);
  });

  it("ACLED's approximate days (give or take 3 days, or 15) spread over their margins", () => {
    // Time precision 2: 8 November 2017 ± 3 days = 5–11 November; the week of 30 October holds 5 November (a Sunday).
    const week = density(times(7, { value: '2017-11-08', precision: 'approximate', margin: 3 }), '2017-10-30', '2017-11-20', 'week');
    expect(week.at('2017-10-30').count).toBeCloseTo(1, 12);
    expect(week.at('2017-11-06').count).toBeCloseTo(6, 12);
    const days = density([{ value: '2017-11-08', precision: 'approximate', margin: 3 }], '2017-11-01', '2017-11-15', 'day');
    for (const b of days.bins) expect(b.count).toBeCloseTo(b.bin >= '2017-11-05' && b.bin <= '2017-11-11' ? 1 / 7 : 0, 12);
    // Time precision 3: 15 October 2017 ± 15 days = 30 September to 30 October (31 days).
    const month = density(times(31, { value: '2017-10-15', precision: 'approximate', margin: 15 }), '2017-09-01', '2017-12-01', 'month');
    expect(month.at('2017-09-01').count).toBeCloseTo(1, 12);
    expect(month.at('2017-10-01').count).toBeCloseTo(30, 12);
    expect(month.at('2017-11-01').count).toBe(0);
  });
});

describe('exact days and spans count where they are', () => {
  it('a day counts whole on its day, and is not uncertain', () => {
    const { bins, d } = density(times(3, { value: '2017-11-03', precision: 'day' }), '2017-11-01', '2017-11-06', 'day');
    expect(bins.map((b) => b.count)).toEqual([0, 0, 3, 0, 0]);
    expect(d.totalUncertain).toBe(0);
    expect(d.shortestWindow).toBe(0);
  });

  it('a span counts whole on its first day, never spread over its duration', () => {
    const { bins, d } = density([{ value: '2017-11-03', precision: 'day', end: '2017-12-20' }], '2017-11-01', '2018-01-01', 'week');
    expect(bins.filter((b) => b.count !== 0)).toEqual([{ bin: '2017-10-30', count: 1, uncertain: 0, sum: 0 }]);
    expect(d.total).toBe(1);
  });

  it('a span whose first day is known only to a week is spread over that week, not over the span', () => {
    const { bins } = density([{ value: '2017-W44', precision: 'week', end: '2017-12-20' }], '2017-10-28', '2017-12-31', 'day');
    for (const b of bins) expect(b.count).toBeCloseTo(b.bin >= '2017-10-30' && b.bin <= '2017-11-05' ? 1 / 7 : 0, 12);
    expect(bins.reduce((n, b) => n + b.uncertain, 0)).toBeCloseTo(1, 12);
  });
});

describe('figures are spread like their events', () => {
  it("a week's figure gives each day a seventh; a day's stays on its day", () => {
    const { bins, d } = density(
      [
        { value: '2017-W44', precision: 'week', figure: 70 },
        { value: '2017-11-01', precision: 'day', figure: 5 }
      ],
      '2017-10-30',
      '2017-11-06',
      'day'
    );
    expect(bins.map((b) => b.sum)).toEqual([10, 10, 15, 10, 10, 10, 10].map((x) => expect.closeTo(x, 9)));
    expect(d.totalSum).toBeCloseTo(75, 9);
    expect(d.spreadSums).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Against brute force

const PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'year', 'approximate', 'between'];

/** Random events 2010–2020 of every kind of date, with spans and figures, in three lanes. */
function randomEvents(n: number, seed: number): Dated[] {
  const random = prng(seed);
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const out: Dated[] = [];
  for (let i = 0; i < n; i++) {
    const t = utcDay(2010, 1, 1) + Math.floor(random() * 3650) * DAY_MS;
    const d = new Date(t);
    const precision = PRECISIONS[Math.floor(random() * PRECISIONS.length)]!;
    const value =
      precision === 'week'
        ? `${d.getUTCFullYear()}-W${String(1 + Math.floor(random() * 52)).padStart(2, '0')}`
        : precision === 'month'
          ? iso(t).slice(0, 7)
          : precision === 'year'
            ? iso(t).slice(0, 4)
            : precision === 'between'
              ? `${iso(t)}/${iso(t + (1 + Math.floor(random() * 400)) * DAY_MS)}`
              : iso(t);
    const margin = precision === 'approximate' && random() < 0.8 ? [3, 15, 1, 100][Math.floor(random() * 4)] : undefined;
    const span = random() < 0.2 && precision !== 'between' ? iso(t + (400 + Math.floor(random() * 400)) * DAY_MS) : undefined;
    out.push({
      value,
      precision,
      ...(margin !== undefined ? { margin } : {}),
      ...(span !== undefined ? { end: span } : {}),
      ...(random() < 0.5 ? { figure: Math.floor(random() * 500) } : {}),
      lane: ['SY', 'IQ', 'TR'][Math.floor(random() * 3)]!
    });
  }
  return out;
}

/** Each event's window of possible dates as the test reads it: [start, start + length), and whether it is one day. */
function windowsOf(events: readonly Dated[]): { start: number; length: number; figure: number; lane: string }[] {
  return events.map((e) => {
    const w = parseDateValue(e.value, e.precision, e.margin);
    if (!w.ok) throw new Error(w.reason);
    // A span is counted where it began: the window of its start (never beyond its end).
    const end = e.end === undefined ? w.window.end : Math.min(w.window.end, day(e.end) + DAY_MS);
    return { start: w.window.start, length: end - w.window.start, figure: e.figure ?? 0, lane: e.lane ?? 'SY' };
  });
}

/** Brute force: events dated in [t0, t1), each window by its share there; a day whole on its day. */
function brute(windows: ReturnType<typeof windowsOf>, lane: string, t0: number, t1: number): { count: number; uncertain: number; sum: number } {
  let count = 0;
  let uncertain = 0;
  let sum = 0;
  for (const w of windows) {
    if (w.lane !== lane) continue;
    let share: number;
    if (w.length <= DAY_MS) share = w.start >= t0 && w.start < t1 ? 1 : 0;
    else {
      share = Math.max(0, Math.min(t1, w.start + w.length) - Math.max(t0, w.start)) / w.length;
      uncertain += share;
    }
    count += share;
    sum += share * w.figure;
  }
  return { count, uncertain, sum };
}

describe('laneDensity against brute force, for random datasets of every kind of date', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: each bin's count, uncertain part and figures; bars add up to the events in range`, () => {
      const events = randomEvents(1500, seed);
      const windows = windowsOf(events);
      const { index, laneCount } = columnsOf(events);
      const random = prng(100 + seed);
      for (const unit of ['day', 'week', 'month', 'quarter', 'year'] as const) {
        const t0 = utcDay(2009, 1, 1) + random() * 12 * 365 * DAY_MS;
        const span = { day: 200, week: 800, month: 1500, quarter: 3000, year: 5000 }[unit] * DAY_MS;
        const edges = binEdges(t0, t0 + span, unit);
        for (let lane = 0; lane < laneCount; lane++) {
          // Lanes are numbered in order of first appearance.
          const laneKey = [...new Set(events.map((e) => e.lane))][lane]!;
          const d = laneDensity(index, lane, edges);
          let counted = 0;
          for (let k = 0; k < edges.length - 1; k++) {
            const want = brute(windows, laneKey, edges[k]!, edges[k + 1]!);
            expect(d.counts[k], `${unit} bin ${k}`).toBeCloseTo(want.count, 9);
            expect(d.uncertain[k]).toBeCloseTo(want.uncertain, 9);
            expect(d.sums[k]).toBeCloseTo(want.sum, 6);
            counted += d.counts[k]!;
          }
          // The bars add up to the events dated in the whole range.
          const all = brute(windows, laneKey, edges[0]!, edges.at(-1)!);
          expect(counted).toBeCloseTo(all.count, 9);
          expect(d.total).toBeCloseTo(all.count, 9);
          expect(d.totalUncertain).toBeCloseTo(all.uncertain, 9);
          expect(d.totalSum).toBeCloseTo(all.sum, 6);
          expect(index.datedIn(lane, edges[0]!, edges.at(-1)!).count).toBeCloseTo(all.count, 9);
        }
      }
    });
  }

  it('over a range holding every event, the bars add up to the lane\'s event count exactly', () => {
    const events = randomEvents(3000, 9);
    const { index, laneCount } = columnsOf(events);
    const edges = binEdges(utcDay(2009, 1, 1), utcDay(2024, 1, 1), 'month');
    let total = 0;
    for (let lane = 0; lane < laneCount; lane++) {
      const d = laneDensity(index, lane, edges);
      expect(d.total).toBeCloseTo(index.laneSize(lane), 9);
      total += d.total;
    }
    expect(total).toBeCloseTo(3000, 9);
  });
});

describe('counts as shown', () => {
  it('tenths that add up to the total as shown (largest remainders)', () => {
    const shown = shownTenths(Float64Array.of(2.43, 0.57, 1 / 3, 1 / 3, 1 / 3));
    expect([...shown]).toEqual([2.4, 0.6, 0.4, 0.3, 0.3]);
    const random = prng(5);
    for (let n = 0; n < 200; n++) {
      const values = Float64Array.from({ length: 1 + Math.floor(random() * 50) }, () => (random() < 0.3 ? Math.floor(random() * 20) : random() * 20));
      const got = shownTenths(values);
      const sum = values.reduce((a, b) => a + b, 0);
      expect(Math.round(got.reduce((a, b) => a + b, 0) * 10)).toBe(Math.round(sum * 10));
      values.forEach((v, k) => expect(Math.abs(got[k]! - v)).toBeLessThan(0.1 + 1e-9));
      // Whole numbers stay whole.
      values.forEach((v, k) => Number.isInteger(v) && expect(got[k]).toBe(v));
    }
  });

  it('shown counts keep the exact days whole and add up to the lane as shown', () => {
    const { index } = columnsOf([...times(3, { value: '2017-11-01', precision: 'day' }), ...times(2, { value: '2017-W44', precision: 'week' }), { value: '2017-11-08', precision: 'approximate', margin: 3 }]);
    const d = laneDensity(index, 0, binEdges(day('2017-10-30'), day('2017-11-12'), 'day'));
    const shown = shownCounts(d);
    // The week's two events give each of its days 2/7, and the approximate day 1/7 to each of 5 to
    // 11 November: the tenths go where the remainders are largest.
    expect([...shown.counts].map((c) => Math.round(c * 10))).toEqual([3, 3, 33, 3, 3, 3, 4, 2, 2, 1, 1, 1, 1]);
    expect(shown.counts.reduce((a, b) => a + b, 0)).toBeCloseTo(6, 9);
    expect(shown.uncertain.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 9);
    shown.counts.forEach((c, k) => expect(c).toBeGreaterThanOrEqual(shown.uncertain[k]!));
  });

  it('formats whole counts as they are and shares to a tenth; says how loosely events are dated', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(2.4)).toBe('2.4');
    expect(formatCount(212.0000000001)).toBe('212');
    expect(describeUncertainty(7 * DAY_MS)).toBe('a week or more');
    expect(describeUncertainty(31 * DAY_MS)).toBe('a month or more');
    expect(describeUncertainty(365 * DAY_MS)).toBe('a year or more');
    expect(describeUncertainty(3 * DAY_MS)).toBe('3 days or more');
  });

  it('a lane knows its shortest window', () => {
    const { index } = columnsOf([{ value: '2017-11', precision: 'month' }, { value: '2017-11-08', precision: 'approximate', margin: 3 }]);
    expect(laneDensity(index, 0, binEdges(day('2017-10-01'), day('2017-12-01'), 'month')).shortestWindow).toBe(7 * DAY_MS);
  });
});
