// WindowSpread against brute force: how many windows of possible dates (and their figures) fall
// before t, each by its share, for windows of a few lengths (merged by length), of many lengths
// in whole days (packed native sort) and in hours (the comparison sort); and staying within 1e-6
// of an event at a million windows, where plain prefix sums would drift.
import { describe, expect, it } from 'vitest';
import { DAY_MS, utcDay } from '../dataset/dates';
import { WindowSpread } from './spread';
import { prng } from '../../../tests/support/prng';

interface Windows {
  starts: Float64Array;
  lengths: Float64Array;
  figures: Float64Array;
}

function randomWindows(n: number, seed: number, unit = DAY_MS, lengthOf?: (r: () => number) => number): Windows {
  const random = prng(seed);
  const starts = Float64Array.from({ length: n }, () => utcDay(2000, 1, 1) + Math.floor(random() * 20 * 365) * unit).sort();
  const lengths = Float64Array.from({ length: n }, () => (lengthOf ? lengthOf(random) : [7, 31, 365, 2 + Math.floor(random() * 3000)][Math.floor(random() * 4)]!) * unit);
  const figures = Float64Array.from({ length: n }, () => (random() < 0.4 ? NaN : Math.floor(random() * 100_000)));
  return { starts, lengths, figures };
}

/** Brute force, compensated so its own rounding does not blur the comparison. */
function brute(w: Windows, t: number): { count: number; figures: number } {
  let count = 0;
  let figures = 0;
  let c1 = 0;
  let c2 = 0;
  for (let k = 0; k < w.starts.length; k++) {
    const share = Math.min(1, Math.max(0, (t - w.starts[k]!) / w.lengths[k]!));
    const f = Number.isNaN(w.figures[k]!) ? 0 : w.figures[k]! * share;
    let y = share - c1;
    let s = count + y;
    c1 = s - count - y;
    count = s;
    y = f - c2;
    s = figures + y;
    c2 = s - figures - y;
    figures = s;
  }
  return { count, figures };
}

function check(w: Windows, times: readonly number[], tolerance: number): void {
  const spread = new WindowSpread(w.starts, w.lengths, w.figures);
  for (const t of times) {
    const want = brute(w, t);
    expect(Math.abs(spread.before(t) - want.count), `before ${new Date(t).toISOString()}`).toBeLessThan(tolerance);
    expect(Math.abs(spread.figuresBefore(t) - want.figures) / Math.max(1, want.figures)).toBeLessThan(1e-9);
  }
}

describe('WindowSpread', () => {
  it('windows of whole days: each counted by the share of it before t', () => {
    const w = randomWindows(5000, 1);
    const random = prng(2);
    check(w, [utcDay(1999, 1, 1), w.starts[0]!, w.starts[0]! + DAY_MS, ...Array.from({ length: 200 }, () => utcDay(1999, 6, 1) + Math.floor(random() * 30 * 365) * DAY_MS), utcDay(2040, 1, 1)], 1e-9);
  });

  it('windows of hours (the comparison sort), and windows all of one length', () => {
    const random = prng(3);
    const hours = randomWindows(3000, 4, 3_600_000, (r) => 25 + Math.floor(r() * 1000));
    check(hours, Array.from({ length: 100 }, () => utcDay(2000, 1, 1) + random() * 3 * 365 * DAY_MS), 1e-9);
    const weeks = randomWindows(3000, 5, DAY_MS, () => 7);
    check(weeks, Array.from({ length: 100 }, () => utcDay(2000, 1, 1) + Math.floor(random() * 21 * 365) * DAY_MS), 1e-9);
  });

  it('windows of a few lengths (weeks, months, years: merged by length, not sorted)', () => {
    const random = prng(10);
    const few = randomWindows(4000, 11, DAY_MS, (r) => [7, 28, 29, 30, 31, 365, 366][Math.floor(r() * 7)]!);
    check(few, Array.from({ length: 200 }, () => utcDay(2000, 1, 1) + Math.floor(random() * 21 * 365) * DAY_MS), 1e-9);
  });

  it('counts windows starting in a range, with their figures', () => {
    const w = randomWindows(2000, 6);
    const spread = new WindowSpread(w.starts, w.lengths, w.figures);
    const t0 = utcDay(2005, 1, 1);
    const t1 = utcDay(2007, 3, 1);
    let count = 0;
    let figures = 0;
    w.starts.forEach((s, k) => {
      if (s >= t0 && s < t1) {
        count++;
        if (!Number.isNaN(w.figures[k]!)) figures += w.figures[k]!;
      }
    });
    expect(spread.startingIn(t0, t1)).toBe(count);
    expect(spread.figuresStartingIn(t0, t1)).toBeCloseTo(figures, 6);
    expect(spread.startingIn(t1, t0)).toBe(0);
    expect(spread.shortest).toBe(Math.min(...w.lengths));
  });

  it('stays within 1e-6 of an event at a million windows', () => {
    const w = randomWindows(1_000_000, 7);
    const random = prng(8);
    check(w, Array.from({ length: 12 }, () => utcDay(2000, 1, 1) + Math.floor(random() * 24 * 365) * DAY_MS), 1e-6);
  }, 60_000);

  it('nothing before the first window; everything after the last', () => {
    const w = randomWindows(100, 9);
    const spread = new WindowSpread(w.starts, w.lengths);
    expect(spread.before(w.starts[0]!)).toBe(0);
    expect(spread.before(utcDay(2100, 1, 1))).toBe(100);
    expect(spread.figuresBefore(utcDay(2100, 1, 1))).toBe(0);
  });
});
