// density: choosing a bin unit, calendar bin floors and steps (ISO weeks, months, quarters, years, decades), bin edges, per-lane counts and sums that add up, and bin wording.
// Windows of possible dates (weeks, months, ACLED's approximate days, UCDP's "between") spread over the bins they overlap: densityWindows.test.ts.
import { describe, expect, it } from 'vitest';
import { ColumnsBuilder, type EventColumns } from '../dataset/columns';
import { DAY_MS, utcDay } from '../dataset/dates';
import { binEdges, binUnitFor, describeBin, laneDensity, type BinUnit } from './density';
import { calendarFloor, calendarNext } from '../time/calendar';
import { EventIndex } from './eventIndex';
import { prng } from '../../../tests/support/prng';

const HOUR = 3_600_000;
const UNITS: readonly BinUnit[] = ['hour', '3 hours', '6 hours', '12 hours', 'day', 'week', 'month', 'quarter', 'year', 'decade'];
const APPROX: Readonly<Record<BinUnit, number>> = {
  hour: HOUR,
  '3 hours': 3 * HOUR,
  '6 hours': 6 * HOUR,
  '12 hours': 12 * HOUR,
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 30.44 * DAY_MS,
  quarter: 91.3 * DAY_MS,
  year: 365.25 * DAY_MS,
  decade: 3652.5 * DAY_MS
};


const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

describe('binUnitFor', () => {
  it('picks the finest unit whose bins are at least minPx wide', () => {
    expect(binUnitFor(HOUR / 6, 6, 'hour')).toBe('hour'); // an hour is exactly 6 px
    expect(binUnitFor(HOUR / 5, 6, 'hour')).toBe('3 hours'); // an hour would be 5 px
    expect(binUnitFor(DAY_MS / 6)).toBe('day');
    expect(binUnitFor(DAY_MS / 5)).toBe('week');
    expect(binUnitFor(DAY_MS)).toBe('week'); // a week is 7 px
    expect(binUnitFor(2 * DAY_MS)).toBe('month');
    expect(binUnitFor(30 * DAY_MS)).toBe('year');
    expect(binUnitFor(365 * DAY_MS)).toBe('decade');
  });

  it('takes another minimum width', () => {
    expect(binUnitFor(HOUR / 20, 20, 'hour')).toBe('hour');
    expect(binUnitFor(HOUR / 20, 21, 'hour')).toBe('3 hours');
    expect(binUnitFor(DAY_MS, 1)).toBe('day');
  });

  it('very fine zoom gives hours when asked for, very wide zoom decades', () => {
    expect(binUnitFor(1, 6, 'hour')).toBe('hour');
    expect(binUnitFor(1e15)).toBe('decade');
  });

  it('never goes finer than a day by default: dataset dates have no time of day', () => {
    expect(binUnitFor(1)).toBe('day');
    expect(binUnitFor(HOUR / 6)).toBe('day');
  });

  it('the unit chosen is wide enough and the next finer one is not; coarser zoom never picks a finer unit', () => {
    let previous = 0;
    for (let msPerPx = 1000; msPerPx < 1e13; msPerPx *= 1.37) {
      const unit = binUnitFor(msPerPx, 6, 'hour');
      const rank = UNITS.indexOf(unit);
      expect(rank).toBeGreaterThanOrEqual(previous);
      previous = rank;
      if (unit !== 'decade') expect(APPROX[unit] / msPerPx).toBeGreaterThanOrEqual(6);
      if (rank > 0) expect(APPROX[UNITS[rank - 1]!] / msPerPx).toBeLessThan(6);
    }
  });
});

describe('binEdges', () => {
  it('covers [t0, t1): the first edge is at or before t0, the last at or after t1, the one before it before t1', () => {
    const random = prng(12);
    for (const unit of UNITS) {
      for (let n = 0; n < 50; n++) {
        const t0 = at('2000-01-01T00:00:00Z') + random() * 20 * 365 * DAY_MS;
        const t1 = t0 + 1 + random() * APPROX[unit] * 40;
        const edges = binEdges(t0, t1, unit);
        expect(edges[0]).toBe(calendarFloor(t0, unit));
        expect(edges[0]).toBeLessThanOrEqual(t0);
        expect(edges.at(-1)).toBeGreaterThanOrEqual(t1);
        expect(edges.at(-2)).toBeLessThan(t1);
        for (let k = 1; k < edges.length; k++) expect(edges[k]).toBe(calendarNext(edges[k - 1]!, unit));
      }
    }
  });

  it('a window on a bin boundary starts there; an empty window at a boundary has no bins', () => {
    const start = at('2017-10-01T00:00:00Z');
    expect([...binEdges(start, at('2017-12-01T00:00:00Z'), 'month')].map(iso)).toEqual(['2017-10-01T00:00:00.000Z', '2017-11-01T00:00:00.000Z', '2017-12-01T00:00:00.000Z']);
    expect([...binEdges(start, start, 'month')]).toEqual([start]);
  });

  it('stops at maxBins', () => {
    const edges = binEdges(0, 1000 * HOUR, 'hour', 10);
    expect(edges.length).toBeLessThanOrEqual(11);
    expect(edges.length).toBeGreaterThan(1);
  });
});

/** Random events 2000–2020, with many starting exactly on calendar boundaries (midnights, Mondays, month and year starts). */
function randomColumns(n: number, seed: number): { cols: EventColumns; laneCount: number } {
  const random = prng(seed);
  const builder = new ColumnsBuilder();
  const lanes = ['SY', 'IQ', 'SY+IQ', 'elsewhere'];
  for (let i = 0; i < n; i++) {
    const year = 2000 + Math.floor(random() * 20);
    const r = random();
    const start =
      r < 0.2
        ? utcDay(year, 1, 1)
        : r < 0.4
          ? utcDay(year, 1 + Math.floor(random() * 12), 1)
          : r < 0.5
            ? calendarFloor(utcDay(year, 1, 1) + random() * 365 * DAY_MS, 'week')
            : r < 0.8
              ? utcDay(year, 1, 1) + Math.floor(random() * 365) * DAY_MS
              : utcDay(year, 1, 1) + Math.floor(random() * 365 * 24) * HOUR;
    builder.add({
      id: `e${i}`,
      title: `e${i}`,
      type: 'clash',
      status: 'reported',
      start,
      end: start + (1 + Math.floor(random() * 400)) * DAY_MS,
      startPrecision: 'day',
      endPrecision: undefined,
      theatreKey: lanes[Math.floor(random() * lanes.length)]!,
      figures: random() < 0.5 ? [{ unit: 'people', value: Math.floor(random() * 1000), label: 'x' }] : [],
      sourceIndex: i,
      actors: [],
      places: [],
      claimant: -1,
      summary: ''
    });
  }
  const done = builder.finish((keys) => keys.map((k) => ({ key: k.key, label: k.key })));
  return { cols: done.columns, laneCount: done.theatreLanes.length };
}

describe('laneDensity', () => {
  const { cols, laneCount } = randomColumns(4000, 31);
  const index = new EventIndex(cols, { laneOf: cols.theatre, laneCount });

  it('counts add up to countStarting over the whole range, and sums to figureSum, for every unit', () => {
    const random = prng(13);
    for (const unit of ['day', 'week', 'month', 'quarter', 'year', 'decade'] as const) {
      for (let n = 0; n < 10; n++) {
        const t0 = utcDay(1999, 6, 1) + random() * 21 * 365 * DAY_MS;
        const t1 = t0 + Math.min(APPROX[unit] * (5 + random() * 200), 25 * 365 * DAY_MS);
        const edges = binEdges(t0, t1, unit);
        for (let lane = 0; lane < laneCount; lane++) {
          const d = laneDensity(index, lane, edges);
          const from = edges[0]!;
          const to = edges.at(-1)!;
          expect(d.counts).toHaveLength(edges.length - 1);
          expect(d.total).toBe(index.countStarting(lane, from, to));
          expect(d.counts.reduce((a, b) => a + b, 0)).toBe(d.total);
          expect(d.totalSum).toBe(index.figureSum(lane, from, to));
          expect(d.sums.reduce((a, b) => a + b, 0)).toBe(d.totalSum);
          expect(d.maxCount).toBe(Math.max(0, ...d.counts));
        }
      }
    }
  });

  it('each bin counts the events starting in [edge, next edge): none lost or counted twice at a boundary', () => {
    const edges = binEdges(utcDay(2000, 1, 1), utcDay(2020, 1, 1), 'month');
    for (let lane = 0; lane < laneCount; lane++) {
      const d = laneDensity(index, lane, edges);
      const expected = new Uint32Array(edges.length - 1);
      const sums = new Float64Array(edges.length - 1);
      for (let i = 0; i < cols.count; i++) {
        if (cols.theatre[i] !== lane) continue;
        const k = edges.findIndex((e, j) => j < edges.length - 1 && cols.start[i]! >= e && cols.start[i]! < edges[j + 1]!);
        if (k < 0) continue;
        expected[k]!++;
        if (!Number.isNaN(cols.figure[i]!)) sums[k]! += cols.figure[i]!;
      }
      expect([...d.counts]).toEqual([...expected]);
      expect([...d.sums]).toEqual([...sums]);
      // Every event of the lane (all start in 2000–2019) is in some bin.
      expect(d.total).toBe(index.laneSize(lane));
    }
  });

  it('gives nothing for fewer than two edges, or for a lane without events', () => {
    const none = laneDensity(index, 0, Float64Array.of(0));
    expect([none.counts.length, none.uncertain.length, none.sums.length]).toEqual([0, 0, 0]);
    expect([none.maxCount, none.total, none.totalUncertain, none.totalSum]).toEqual([0, 0, 0, 0]);
    expect(laneDensity(index, 0, new Float64Array(0)).total).toBe(0);
    const d = laneDensity(index, laneCount + 3, binEdges(utcDay(2000, 1, 1), utcDay(2001, 1, 1), 'month'));
    expect(d.total).toBe(0);
    expect([...d.counts].every((c) => c === 0)).toBe(true);
  });
});

describe('describeBin', () => {
  it('says each unit in words', () => {
    expect(describeBin(at('2017-11-03T13:00:00Z'), 'hour')).toBe('3 November 2017, 13:00 UTC (hour)');
    expect(describeBin(at('2017-11-03T06:00:00Z'), '6 hours')).toBe('3 November 2017, 06:00 UTC (6 hours)');
    expect(describeBin(at('2017-11-03T00:00:00Z'), '3 hours')).toBe('3 November 2017, 00:00 UTC (3 hours)');
    expect(describeBin(at('2017-11-03T12:00:00Z'), '12 hours')).toBe('3 November 2017, 12:00 UTC (12 hours)');
    expect(describeBin(at('2017-11-03T00:00:00Z'), 'day')).toBe('3 November 2017');
    expect(describeBin(at('2017-10-23T00:00:00Z'), 'week')).toBe('week of 23 October 2017');
    expect(describeBin(at('2017-10-01T00:00:00Z'), 'month')).toBe('October 2017');
    expect(describeBin(at('2017-10-01T00:00:00Z'), 'quarter')).toBe('Q4 2017');
    expect(describeBin(at('2017-01-01T00:00:00Z'), 'quarter')).toBe('Q1 2017');
    expect(describeBin(at('2017-01-01T00:00:00Z'), 'year')).toBe('2017');
    expect(describeBin(at('2010-01-01T00:00:00Z'), 'decade')).toBe('2010s');
  });

  it('describes the bin a floor gives', () => {
    expect(describeBin(calendarFloor(at('2017-11-03T13:45:00Z'), 'week'), 'week')).toBe('week of 30 October 2017');
    expect(describeBin(calendarFloor(utcDay(1916, 5, 16), 'decade'), 'decade')).toBe('1910s');
  });
});
