// EventIndex against brute force on seeded random columns: overlapping() (order, duplicates, limit, window edges), countStarting, figureSum, include filters, empty lanes; lowerBound; windows of possible dates kept apart (certainStarting, datedIn).
import { describe, expect, it } from 'vitest';
import { ColumnsBuilder, stringAt, type ColumnsInput, type EventColumns } from '../dataset/columns';
import { DAY_MS, utcDay } from '../dataset/dates';
import { EVENT_TYPES } from '../dataset/eventTypes';
import { DURATION_CLASSES, EventIndex, lowerBound } from './eventIndex';
import { prng } from '../../../tests/support/prng';


const LANE_KEYS = ['SY', 'IQ', 'SY+IQ', 'TR', 'elsewhere'];
const BASE = utcDay(2010, 1, 1);
const SPAN_DAYS = 10 * 365;

/**
 * `n` events from 2010 to 2020: day points, and ranges of 1 day to 3 years, with a few very long
 * ones (decades) and many sharing a start; integer figures on some.
 */
function randomColumns(n: number, seed: number): { cols: EventColumns; laneCount: number } {
  const random = prng(seed);
  const builder = new ColumnsBuilder();
  for (let i = 0; i < n; i++) {
    // Every fifth event starts on one of a few shared days, so ties are common.
    const startDay = i % 5 === 0 ? Math.floor(random() * 4) * 700 : Math.floor(random() * SPAN_DAYS);
    const start = BASE + startDay * DAY_MS;
    const r = random();
    const days = r < 0.4 ? 1 : r < 0.97 ? 1 + Math.floor(random() * 3 * 365) : 365 * (10 + Math.floor(random() * 40));
    const input: ColumnsInput = {
      id: `e${i}`,
      title: `Event ${i}`,
      type: EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)]!,
      status: 'reported',
      start,
      end: start + days * DAY_MS,
      startPrecision: 'day',
      endPrecision: days === 1 ? undefined : 'day',
      theatreKey: LANE_KEYS[Math.floor(random() * LANE_KEYS.length)]!,
      figures: random() < 0.3 ? [{ unit: 'people', value: Math.floor(random() * 10_000), label: 'x' }] : [],
      sourceIndex: i,
      actors: [],
      places: [],
      claimant: -1,
      summary: ''
    };
    builder.add(input);
  }
  const done = builder.finish((keys) => keys.map((k) => ({ key: k.key, label: k.key })));
  return { cols: done.columns, laneCount: done.theatreLanes.length };
}

/** The events of `lane` overlapping [t0, t1), by looking at every event. */
function bruteOverlap(cols: EventColumns, laneOf: ArrayLike<number>, lane: number, t0: number, t1: number, include?: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < cols.count; i++) if (laneOf[i] === lane && (!include || include(i)) && cols.start[i]! < t1 && cols.end[i]! > t0) out.push(i);
  return out;
}

function bruteStarting(cols: EventColumns, laneOf: ArrayLike<number>, lane: number, t0: number, t1: number, include?: (i: number) => boolean): { count: number; sum: number } {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < cols.count; i++) {
    if (laneOf[i] !== lane || (include && !include(i)) || cols.start[i]! < t0 || cols.start[i]! >= t1) continue;
    count++;
    if (!Number.isNaN(cols.figure[i]!)) sum += cols.figure[i]!;
  }
  return { count, sum };
}

/** A random window: any length from an hour to five years, sometimes aligned on an event's start or end. */
function randomWindow(random: () => number, cols: EventColumns): [number, number] {
  const r = random();
  const pick = () => Math.floor(random() * cols.count);
  let t0 = BASE - 400 * DAY_MS + random() * (SPAN_DAYS + 800) * DAY_MS;
  if (r < 0.2) t0 = cols.start[pick()]!;
  else if (r < 0.4) t0 = cols.end[pick()]!;
  let t1 = t0 + Math.exp(Math.log(3_600_000) + random() * (Math.log(5 * 365 * DAY_MS) - Math.log(3_600_000)));
  if (random() < 0.2) t1 = cols.start[pick()]!;
  if (t1 <= t0) t1 = t0 + DAY_MS;
  return [t0, t1];
}

describe('lowerBound', () => {
  it('finds the first position whose value is at least x', () => {
    const a = Float64Array.of(1, 3, 3, 3, 7);
    expect(lowerBound(a, 0)).toBe(0);
    expect(lowerBound(a, 1)).toBe(0);
    expect(lowerBound(a, 2)).toBe(1);
    expect(lowerBound(a, 3)).toBe(1);
    expect(lowerBound(a, 4)).toBe(4);
    expect(lowerBound(a, 7)).toBe(4);
    expect(lowerBound(a, 8)).toBe(5);
    expect(lowerBound(new Float64Array(0), 5)).toBe(0);
    expect(lowerBound(a, -Infinity)).toBe(0);
    expect(lowerBound(a, Infinity)).toBe(5);
  });
});

describe('EventIndex against brute force', () => {
  const { cols, laneCount } = randomColumns(3000, 20171103);
  const laneOf = cols.theatre;
  // One lane more than used: it has no events.
  const lanes = { laneOf, laneCount: laneCount + 1 };

  it('the random columns mix points, ranges and very long events across every duration class', () => {
    const durations = Array.from({ length: cols.count }, (_, i) => cols.end[i]! - cols.start[i]!);
    expect(durations.filter((d) => d === DAY_MS).length).toBeGreaterThan(500);
    expect(Math.max(...durations)).toBeGreaterThan(DURATION_CLASSES[DURATION_CLASSES.length - 2]!);
    for (let k = 1; k < DURATION_CLASSES.length; k++) {
      expect(durations.some((d) => d > DURATION_CLASSES[k - 1]! && d <= DURATION_CLASSES[k]!), `class ${k}`).toBe(true);
    }
    expect(laneCount).toBe(LANE_KEYS.length);
  });

  it('lists each lane\'s events in start order, and counts them', () => {
    const index = new EventIndex(cols, lanes);
    expect(index.size).toBe(cols.count);
    let total = 0;
    for (let lane = 0; lane < lanes.laneCount; lane++) {
      const expected = Array.from({ length: cols.count }, (_, i) => i).filter((i) => laneOf[i] === lane);
      expect([...index.laneEvents(lane)]).toEqual(expected);
      expect(index.laneSize(lane)).toBe(expected.length);
      total += expected.length;
    }
    expect(total).toBe(cols.count);
  });

  it('overlapping() returns exactly the events with start < t1 and end > t0, in start order, without duplicates', () => {
    const index = new EventIndex(cols, lanes);
    const random = prng(1);
    for (let n = 0; n < 1500; n++) {
      const [t0, t1] = randomWindow(random, cols);
      const lane = Math.floor(random() * lanes.laneCount);
      const expected = bruteOverlap(cols, laneOf, lane, t0, t1);
      const out: number[] = [];
      const count = index.overlapping(lane, t0, t1, Number.MAX_SAFE_INTEGER, out);
      if (count !== expected.length || out.join() !== expected.join()) {
        expect({ lane, t0, t1, count, out }).toEqual({ lane, t0, t1, count: expected.length, out: expected });
      }
      for (let k = 1; k < out.length; k++) expect(cols.start[out[k - 1]!]!).toBeLessThanOrEqual(cols.start[out[k]!]!);
      expect(new Set(out).size).toBe(out.length);
    }
  });

  it('a duration filter keeps only events lasting at most max, or longer than min, and the two split every overlap', () => {
    const index = new EventIndex(cols, lanes);
    const random = prng(7);
    // Bounds on, between and either side of the class boundaries.
    const bounds = [0, DAY_MS, DAY_MS + 1, 3 * DAY_MS, 16 * DAY_MS, 100 * DAY_MS, 1024 * DAY_MS, 5000 * DAY_MS, 40 * 365 * DAY_MS];
    for (let n = 0; n < 600; n++) {
      const [t0, t1] = randomWindow(random, cols);
      const lane = Math.floor(random() * lanes.laneCount);
      const bound = bounds[n % bounds.length]!;
      const all = bruteOverlap(cols, laneOf, lane, t0, t1);
      const length = (i: number) => cols.end[i]! - cols.start[i]!;
      const short: number[] = [];
      const long: number[] = [];
      const shortCount = index.overlapping(lane, t0, t1, Number.MAX_SAFE_INTEGER, short, { max: bound });
      const longCount = index.overlapping(lane, t0, t1, Number.MAX_SAFE_INTEGER, long, { min: bound });
      expect(short).toEqual(all.filter((i) => length(i) <= bound));
      expect(long).toEqual(all.filter((i) => length(i) > bound));
      expect(shortCount + longCount).toBe(all.length);
      const between: number[] = [];
      index.overlapping(lane, t0, t1, Number.MAX_SAFE_INTEGER, between, { min: bound, max: bound * 4 });
      expect(between).toEqual(all.filter((i) => length(i) > bound && length(i) <= bound * 4));
    }
  });

  it('returns limit + 1 when more than limit events overlap, and every event when there are not', () => {
    const index = new EventIndex(cols, lanes);
    const random = prng(2);
    let over = 0;
    let under = 0;
    for (let n = 0; n < 1500; n++) {
      const [t0, t1] = randomWindow(random, cols);
      const lane = Math.floor(random() * laneCount);
      const limit = Math.floor(random() * 60);
      const expected = bruteOverlap(cols, laneOf, lane, t0, t1);
      const out: number[] = [];
      const count = index.overlapping(lane, t0, t1, limit, out);
      if (expected.length > limit) {
        over++;
        expect(count).toBe(limit + 1);
        expect(out.length).toBeLessThanOrEqual(limit);
      } else {
        under++;
        expect(count).toBe(expected.length);
        expect(out).toEqual(expected);
      }
    }
    // Both branches were exercised.
    expect(over).toBeGreaterThan(100);
    expect(under).toBeGreaterThan(100);
  });

  it('limit 0: 0 when nothing overlaps, 1 when anything does', () => {
    const index = new EventIndex(cols, lanes);
    const random = prng(3);
    for (let n = 0; n < 300; n++) {
      const [t0, t1] = randomWindow(random, cols);
      const lane = Math.floor(random() * laneCount);
      const out: number[] = [];
      expect(index.overlapping(lane, t0, t1, 0, out)).toBe(bruteOverlap(cols, laneOf, lane, t0, t1).length > 0 ? 1 : 0);
      expect(out).toEqual([]);
    }
  });

  it('countStarting and figureSum match brute force', () => {
    const index = new EventIndex(cols, lanes);
    const random = prng(4);
    for (let n = 0; n < 1500; n++) {
      const [t0, t1] = randomWindow(random, cols);
      const lane = Math.floor(random() * lanes.laneCount);
      const expected = bruteStarting(cols, laneOf, lane, t0, t1);
      expect(index.countStarting(lane, t0, t1)).toBe(expected.count);
      expect(index.figureSum(lane, t0, t1)).toBe(expected.sum);
    }
  });

  it('over the whole time line, countStarting gives each lane\'s size and figureSum its figures', () => {
    const index = new EventIndex(cols, lanes);
    for (let lane = 0; lane < lanes.laneCount; lane++) {
      expect(index.countStarting(lane, -Infinity, Infinity)).toBe(index.laneSize(lane));
      expect(index.figureSum(lane, -Infinity, Infinity)).toBe(bruteStarting(cols, laneOf, lane, -Infinity, Infinity).sum);
    }
  });

  it('an include() filter leaves events out of every query', () => {
    const include = (i: number) => cols.type[i] !== EVENT_TYPES.indexOf('context') && i % 3 !== 0;
    const index = new EventIndex(cols, lanes, include);
    const kept = Array.from({ length: cols.count }, (_, i) => i).filter(include);
    expect(index.size).toBe(kept.length);
    for (let lane = 0; lane < lanes.laneCount; lane++) expect([...index.laneEvents(lane)]).toEqual(kept.filter((i) => laneOf[i] === lane));
    const random = prng(5);
    for (let n = 0; n < 800; n++) {
      const [t0, t1] = randomWindow(random, cols);
      const lane = Math.floor(random() * laneCount);
      const out: number[] = [];
      const expected = bruteOverlap(cols, laneOf, lane, t0, t1, include);
      expect(index.overlapping(lane, t0, t1, Number.MAX_SAFE_INTEGER, out)).toBe(expected.length);
      expect(out).toEqual(expected);
      const starting = bruteStarting(cols, laneOf, lane, t0, t1, include);
      expect(index.countStarting(lane, t0, t1)).toBe(starting.count);
      expect(index.figureSum(lane, t0, t1)).toBe(starting.sum);
    }
  });

  it('an include() that refuses everything gives empty lanes', () => {
    const index = new EventIndex(cols, lanes, () => false);
    expect(index.size).toBe(0);
    for (let lane = 0; lane < lanes.laneCount; lane++) {
      expect(index.laneSize(lane)).toBe(0);
      expect(index.overlapping(lane, -Infinity, Infinity, 10, [])).toBe(0);
      expect(index.countStarting(lane, -Infinity, Infinity)).toBe(0);
      expect(index.figureSum(lane, -Infinity, Infinity)).toBe(0);
    }
  });
});

describe('EventIndex at window edges', () => {
  // Lane 0: a point on 3 November 2017, a span 1–10 November, and one ending exactly when the other starts.
  const builder = new ColumnsBuilder();
  const d = (day: number) => utcDay(2017, 11, day);
  const add = (id: string, start: number, end: number, lane: string, figure?: number) =>
    builder.add({
      id,
      title: id,
      type: 'clash',
      status: 'reported',
      start,
      end,
      startPrecision: 'day',
      endPrecision: undefined,
      theatreKey: lane,
      figures: figure === undefined ? [] : [{ unit: 'people', value: figure, label: String(figure) }],
      sourceIndex: builder.count,
      actors: [],
      places: [],
      claimant: -1,
      summary: ''
    });
  add('point', d(3), d(4), 'A', 10);
  add('span', d(1), d(10), 'A', 5);
  add('before', d(0), d(1), 'A');
  add('other-lane', d(3), d(4), 'B', 99);
  const done = builder.finish((keys) => keys.map((k) => ({ key: k.key, label: k.key })));
  const cols = done.columns;
  const laneA = done.theatreLanes.findIndex((l) => l.id === 'A');
  const laneB = done.theatreLanes.findIndex((l) => l.id === 'B');
  // Three lanes, the last with no events.
  const index = new EventIndex(cols, { laneOf: cols.theatre, laneCount: 3 });
  const idsOf = (out: number[]) => out.map((i) => stringAt(cols.ids, i));
  const overlap = (lane: number, t0: number, t1: number) => {
    const out: number[] = [];
    index.overlapping(lane, t0, t1, 100, out);
    return idsOf(out);
  };

  it('an event starting exactly at t1 is not in [t0, t1)', () => {
    expect(overlap(laneA, d(2), d(3))).toEqual(['span']);
    expect(index.countStarting(laneA, d(2), d(3))).toBe(0);
  });

  it('an event ending exactly at t0 is not in [t0, t1)', () => {
    expect(overlap(laneA, d(4), d(5))).toEqual(['span']);
    expect(overlap(laneA, d(1), d(2))).toEqual(['span']);
  });

  it('an event starting exactly at t0 is in, and so is one ending just after t0', () => {
    expect(overlap(laneA, d(3), d(3) + 1)).toEqual(['span', 'point']);
    expect(index.countStarting(laneA, d(3), d(3) + 1)).toBe(1);
    expect(index.figureSum(laneA, d(3), d(3) + 1)).toBe(10);
    expect(overlap(laneA, d(1) - 1, d(1))).toEqual(['before']);
  });

  it('counts and sums per lane only', () => {
    expect(index.countStarting(laneA, d(0), d(30))).toBe(3);
    expect(index.figureSum(laneA, d(0), d(30))).toBe(15);
    expect(index.countStarting(laneB, d(0), d(30))).toBe(1);
    expect(index.figureSum(laneB, d(0), d(30))).toBe(99);
    expect(overlap(laneB, d(0), d(30))).toEqual(['other-lane']);
  });

  it('an empty or reversed window counts nothing', () => {
    expect(index.countStarting(laneA, d(3), d(3))).toBe(0);
    expect(index.countStarting(laneA, d(10), d(0))).toBe(0);
    expect(index.figureSum(laneA, d(10), d(0))).toBe(0);
    expect(overlap(laneA, d(10), d(0))).toEqual([]);
  });

  it('a lane with no events, and a lane that does not exist, are empty', () => {
    for (const lane of [2, 7, -1]) {
      expect(index.laneSize(lane)).toBe(0);
      expect([...index.laneEvents(lane)]).toEqual([]);
      expect(index.overlapping(lane, -Infinity, Infinity, 10, [])).toBe(0);
      expect(index.countStarting(lane, -Infinity, Infinity)).toBe(0);
      expect(index.figureSum(lane, -Infinity, Infinity)).toBe(0);
    }
  });

  it('an index over no events at all', () => {
    const empty = new ColumnsBuilder().finish(() => []).columns;
    const none = new EventIndex(empty, { laneOf: empty.theatre, laneCount: 2 });
    expect(none.size).toBe(0);
    expect(none.overlapping(0, -Infinity, Infinity, 5, [])).toBe(0);
    expect(none.countStarting(1, -Infinity, Infinity)).toBe(0);
  });
});

describe('EventIndex: windows of possible dates kept apart for density', () => {
  /** Point events of a day, an ISO week (7 days) or a month from the columns' own windows, and spans; every third left out by a filter. */
  function mixed(n: number, seed: number): EventColumns {
    const random = prng(seed);
    const builder = new ColumnsBuilder();
    for (let i = 0; i < n; i++) {
      const start = BASE + Math.floor(random() * SPAN_DAYS) * DAY_MS;
      const r = random();
      const precision = r < 0.4 ? 'day' : r < 0.7 ? 'week' : 'month';
      const window = precision === 'day' ? DAY_MS : precision === 'week' ? 7 * DAY_MS : 30 * DAY_MS;
      const span = random() < 0.2;
      builder.add({
        id: `e${i}`,
        title: `e${i}`,
        type: 'clash',
        status: 'reported',
        start,
        end: start + (span ? 400 * DAY_MS : window),
        startPrecision: precision === 'month' ? 'between' : precision,
        startDays: precision === 'month' ? 30 : 0,
        endPrecision: span ? 'day' : undefined,
        theatreKey: LANE_KEYS[Math.floor(random() * 2)]!,
        figures: random() < 0.5 ? [{ unit: 'people', value: Math.floor(random() * 100), label: 'x' }] : [],
        sourceIndex: i,
        actors: [],
        places: [],
        claimant: -1,
        summary: ''
      });
    }
    return builder.finish((keys) => keys.map((k) => ({ key: k.key, label: k.key }))).columns;
  }

  it('certainStarting and datedIn against brute force, with a filter', () => {
    const cols = mixed(3000, 21);
    const include = (i: number) => i % 3 !== 0;
    const index = new EventIndex(cols, { laneOf: cols.theatre, laneCount: 2 }, include);
    const random = prng(22);
    for (let n = 0; n < 200; n++) {
      const [t0, t1] = randomWindow(random, cols);
      for (let lane = 0; lane < 2; lane++) {
        let certain = 0;
        let count = 0;
        let uncertain = 0;
        let sum = 0;
        for (let i = 0; i < cols.count; i++) {
          if (cols.theatre[i] !== lane || !include(i)) continue;
          const s = cols.start[i]!;
          // The window the start's precision names: a day, a week, 30 days ("between").
          const w = cols.startPrecision[i] === 0 ? DAY_MS : cols.startDays[i]! > 0 ? cols.startDays[i]! * DAY_MS : 7 * DAY_MS;
          const share = w === DAY_MS ? (s >= t0 && s < t1 ? 1 : 0) : Math.max(0, Math.min(t1, s + w) - Math.max(t0, s)) / w;
          if (w === DAY_MS) certain += share;
          else uncertain += share;
          count += share;
          if (!Number.isNaN(cols.figure[i]!)) sum += share * cols.figure[i]!;
        }
        expect(index.certainStarting(lane, t0, t1)).toBe(certain);
        const got = index.datedIn(lane, t0, t1);
        expect(got.count).toBeCloseTo(count, 9);
        expect(got.uncertain).toBeCloseTo(uncertain, 9);
        expect(got.sum).toBeCloseTo(sum, 6);
      }
    }
    // Everything the filter keeps is dated somewhere.
    const all = index.datedIn(0, -Infinity, Infinity).count + index.datedIn(1, -Infinity, Infinity).count;
    expect(all).toBeCloseTo(index.size, 9);
  });

  it('a lane without windows of possible dates has no spread', () => {
    const { cols, laneCount } = randomColumns(200, 23);
    const index = new EventIndex(cols, { laneOf: cols.theatre, laneCount });
    for (let lane = 0; lane < laneCount; lane++) expect(index.spread(lane)).toBeUndefined();
  });
});
