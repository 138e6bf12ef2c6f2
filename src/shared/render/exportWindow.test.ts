import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventView, FLAG_ERA, type DatasetHeader } from '../dataset/columns';
import { loadDatasetBytes } from '../dataset/loadDatasetBytes';
import { frameWindow } from '../timeline/frame';
import { defaultWindow, frameItems, parseRange } from './exportWindow';
import { axisTicks, describeWindow } from './timeAxis';
import { textWidth } from './text';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));

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
  const { header, columns } = (() => {
    const r = loadDatasetBytes(readFileSync(BUNDLED), 'deir-al-zour-al-qaim-2017.frontline');
    if (!r.ok) throw new Error('bundled dataset invalid');
    return r.loaded;
  })();

  it('frames where the events are (October–November 2017), not the 2014 background span or 1916', () => {
    const w = defaultWindow(header, columns, { width: 1920 });
    expect(w.start).toBeGreaterThan(Date.UTC(2017, 8, 1));
    expect(w.start).toBeLessThanOrEqual(Date.UTC(2017, 9, 1));
    expect(w.end).toBeGreaterThan(Date.UTC(2017, 10, 4));
    expect(w.end).toBeLessThan(Date.UTC(2018, 0, 1));
    // Sykes-Picot (1916), the January 2015 map and Mosul (July 2017) lie wholly before it; the span
    // since 2014 only runs off its edge.
    expect(w.before).toBe(3);
    expect(w.after).toBe(0);
  });

  it("is frameWindow over the events shown, at the picture's size (the rule the app's default view follows)", () => {
    const { items, plotW, gap } = frameItems(columns, { width: 1280, theme: 'projector' });
    const frame = frameWindow(items, { widthPx: plotW, gapPx: gap, marginPx: gap * 2 })!;
    expect(defaultWindow(header, columns, { width: 1280, theme: 'projector' })).toEqual(frame);
    // Eras are drawn behind the lanes: not framed.
    expect(items).toHaveLength([...Array(columns.count).keys()].filter((i) => (columns.flags[i]! & FLAG_ERA) === 0).length);
    // Filters: only the events shown are framed.
    const iraq = [...Array(columns.count).keys()].filter((i) => eventView(columns, i).title.startsWith('Mosul'));
    const only = defaultWindow(header, columns, { width: 1280, include: (i) => iraq.includes(i) });
    expect(only.start).toBeLessThanOrEqual(Date.UTC(2017, 6, 1));
    expect(only.end).toBeGreaterThan(Date.UTC(2017, 7, 1));
  });

  it('gives an empty dataset a window all the same', () => {
    const empty = { ...columns, count: 0 };
    const w = defaultWindow({ ...header, storyRange: undefined, fullRange: undefined } as unknown as DatasetHeader, empty, { width: 1920 });
    expect(w.end).toBeGreaterThan(w.start);
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
