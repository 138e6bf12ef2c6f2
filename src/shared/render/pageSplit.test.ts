// splitWindow: a PDF's pages each hold a fair share of the events (never an empty page, never one
// crammed while others are near empty), cut between days and on the first of a month where one
// falls between two pages' events.
import { describe, expect, it } from 'vitest';
import { splitWindow } from './pageSplit';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const YEAR_2017 = { start: day('2017-01-01'), end: day('2018-01-01') };
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Events per page. */
function shares(pages: { start: number; end: number }[], times: readonly number[]): number[] {
  return pages.map((p) => times.filter((t) => t >= p.start && t < p.end).length);
}

/** 100 events: 90 in the week of 6 November 2017, 10 spread over the year. */
const skewed = [
  ...Array.from({ length: 90 }, (_, k) => day('2017-11-06') + (k % 7) * DAY),
  ...Array.from({ length: 10 }, (_, k) => day('2017-01-10') + k * 30 * DAY)
];

describe('splitWindow by events', () => {
  it('gives each page a fair share when most events fall in one week (equal time would put 90 on one page)', () => {
    const pages = splitWindow(YEAR_2017, 4, skewed);
    expect(pages).toHaveLength(4);
    const counts = shares(pages, skewed);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
    // Days are not split, so shares go by whole days of the busy week (about 13 events each).
    for (const c of counts) {
      expect(c).toBeGreaterThanOrEqual(10);
      expect(c).toBeLessThanOrEqual(40);
    }
    // The pages cover the window, in order, without gaps.
    expect(pages[0]!.start).toBe(YEAR_2017.start);
    expect(pages[3]!.end).toBe(YEAR_2017.end);
    for (let k = 1; k < 4; k++) expect(pages[k]!.start).toBe(pages[k - 1]!.end);
    // Equal stretches of time would not: three pages of 10 or fewer events and one of 90 or more.
    expect(Math.max(...shares(splitWindow(YEAR_2017, 4), skewed))).toBeGreaterThanOrEqual(90);
  });

  it('never makes an empty page: fewer pages when fewer days have events than pages asked', () => {
    const times = [day('2017-03-01'), day('2017-03-01'), day('2017-11-03')];
    const pages = splitWindow(YEAR_2017, 5, times);
    expect(pages).toHaveLength(2);
    expect(shares(pages, times)).toEqual([2, 1]);
  });

  it("keeps a day's events on one page and cuts at the first of a month between pages", () => {
    // Bundled-story-like: a few events before November, fifteen on 3 November.
    const times = [day('2017-01-15'), day('2017-07-10'), day('2017-08-03'), day('2017-10-01'), day('2017-10-23'), day('2017-10-31'), ...Array.from({ length: 15 }, () => day('2017-11-03'))];
    const pages = splitWindow(YEAR_2017, 3, times);
    expect(pages).toHaveLength(3);
    expect(shares(pages, times)).toEqual([3, 3, 15]);
    expect(pages.map((p) => iso(p.start))).toEqual(['2017-01-01', '2017-09-01', '2017-11-01']);
    for (const p of pages.slice(1)) expect(p.start % DAY).toBe(0);
  });

  it('counts an event begun before the window on the first page', () => {
    const pages = splitWindow(YEAR_2017, 2, [day('2014-01-01'), day('2017-12-01')]);
    expect(pages).toHaveLength(2);
    expect(shares(pages, [YEAR_2017.start, day('2017-12-01')])).toEqual([1, 1]);
  });

  it('spreads a long range of many days evenly', () => {
    const times = Array.from({ length: 2000 }, (_, k) => day('2010-01-01') + Math.floor((k * k) / 1000) * DAY);
    const window = { start: day('2010-01-01'), end: day('2021-01-01') };
    const counts = shares(splitWindow(window, 8, times), times);
    expect(counts).toHaveLength(8);
    for (const c of counts) expect(Math.abs(c - 250)).toBeLessThanOrEqual(30);
  });
});
