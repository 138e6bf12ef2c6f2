import { describe, expect, it } from 'vitest';
import type { DatasetHeader } from '../dataset/columns';
import { defaultWindow, parseRange } from './exportWindow';
import { axisTicks, describeWindow } from './timeAxis';
import { textWidth } from './text';

describe('parseRange', () => {
  it('takes days, months, years and weeks, both ends included', () => {
    expect(parseRange('2017-01-01..2017-12-31')).toEqual({ ok: true, window: { start: Date.UTC(2017, 0, 1), end: Date.UTC(2018, 0, 1) } });
    expect(parseRange('2017-10..2017-11')).toEqual({ ok: true, window: { start: Date.UTC(2017, 9, 1), end: Date.UTC(2017, 11, 1) } });
    expect(parseRange('2017')).toEqual({ ok: true, window: { start: Date.UTC(2017, 0, 1), end: Date.UTC(2018, 0, 1) } });
    expect(parseRange('2017-W44')).toEqual({ ok: true, window: { start: Date.UTC(2017, 9, 30), end: Date.UTC(2017, 10, 6) } });
  });
  it('refuses what is not a range', () => {
    for (const bad of ['', '2017-13', '2017-02-30', 'yesterday', '2018..2017', '2017..', '..2017', '2017..2018..2019']) {
      expect(parseRange(bad).ok, bad).toBe(false);
    }
  });
});

describe('defaultWindow', () => {
  it('is the story with a little room, leaving historical context out', () => {
    const header = { storyRange: { start: Date.UTC(2014, 0, 1), end: Date.UTC(2017, 10, 4) }, fullRange: { start: Date.UTC(1916, 0, 1), end: Date.UTC(2017, 10, 4) } } as unknown as DatasetHeader;
    const w = defaultWindow(header);
    expect(w.start).toBeLessThan(Date.UTC(2014, 0, 1));
    expect(w.start).toBeGreaterThan(Date.UTC(2013, 6, 1));
    expect(w.end).toBeGreaterThan(Date.UTC(2017, 10, 4));
  });
});

describe('time axis', () => {
  const measure = (s: string) => textWidth(s, 12);
  it('picks months for a year, days for a fortnight, years for decades', () => {
    expect(axisTicks(Date.UTC(2017, 0, 1), Date.UTC(2018, 0, 1), 1600, measure).minorUnit).toBe('month');
    expect(axisTicks(Date.UTC(2017, 0, 1), Date.UTC(2018, 0, 1), 1600, measure).minor.map((t) => t.label)).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(axisTicks(Date.UTC(2017, 10, 1), Date.UTC(2017, 10, 15), 1600, measure).minorUnit).toBe('day');
    expect(axisTicks(Date.UTC(1990, 0, 1), Date.UTC(2020, 0, 1), 1600, measure).minorUnit).toBe('year');
    const century = axisTicks(Date.UTC(1900, 0, 1), Date.UTC(2020, 0, 1), 800, measure);
    expect(['5 years', 'decade']).toContain(century.minorUnit);
  });
  it('never puts labels closer than their width', () => {
    for (const [a, b, w] of [
      [Date.UTC(2017, 0, 1), Date.UTC(2018, 0, 1), 500],
      [Date.UTC(2013, 0, 1), Date.UTC(2018, 0, 1), 900],
      [Date.UTC(2017, 9, 1), Date.UTC(2017, 11, 1), 700]
    ] as const) {
      const ticks = axisTicks(a, b, w, measure);
      const x = (t: number) => ((t - a) / (b - a)) * w;
      for (let k = 1; k < ticks.minor.length; k++) expect(x(ticks.minor[k]!.t) - x(ticks.minor[k - 1]!.t)).toBeGreaterThan(measure(ticks.minor[k - 1]!.label));
    }
  });
  it('describes windows in words', () => {
    expect(describeWindow(Date.UTC(2017, 0, 1), Date.UTC(2018, 0, 1))).toBe('1 January – 31 December 2017');
    expect(describeWindow(Date.UTC(2013, 11, 16), Date.UTC(2017, 10, 20))).toBe('16 December 2013 – 19 November 2017');
    expect(describeWindow(Date.UTC(2017, 10, 1), Date.UTC(2017, 10, 8))).toBe('1–7 November 2017');
    expect(describeWindow(Date.UTC(2017, 10, 3), Date.UTC(2017, 10, 4))).toBe('3 November 2017');
  });
});
