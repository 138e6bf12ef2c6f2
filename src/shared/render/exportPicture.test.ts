// The exported picture never misleads: labels read forward from their marks (before one only where
// they would leave the plot, and then touching it), windows of possible dates never look like
// spans that lasted, what lies outside the window is counted at its edges, lane headers are never
// cut, and a density caption is never drawn under the bars.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDatasetBytes, type LoadedDataset } from '../dataset/loadDatasetBytes';
import { defaultWindow, parseRange } from './exportWindow';
import { checkSvg } from './svgCheck';
import { textWidth } from './text';
import { renderTimelineSvg, type TimelineImage } from './timelineSvg';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
type Json = Record<string, unknown> & { events: Record<string, unknown>[] };
const bundledJson = () => JSON.parse(readFileSync(BUNDLED, 'utf8')) as Json;

function load(json: Json): LoadedDataset {
  const result = loadDatasetBytes(new TextEncoder().encode(JSON.stringify(json)), 'test.frontline');
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.loaded;
}

/** The bundled dataset's header with these events instead of its own. */
function withEvents(events: Record<string, unknown>[]): LoadedDataset {
  const json = bundledJson();
  json.events = events;
  delete json['stories'];
  delete json['links'];
  return load(json);
}

const range = (text: string) => {
  const r = parseRange(text);
  if (!r.ok) throw new Error(r.message);
  return r.window;
};

const event = (id: string, start: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'capture',
  title: `Event ${id}`,
  start,
  places: ['deir-al-zour'],
  citations: [{ source: 'bbc-2017-11-03', quote: 'IS' }],
  ...extra
});

interface Drawn {
  readonly id: string;
  readonly side: string;
  readonly markX0: number;
  readonly markX1: number;
  readonly labelX: number;
  readonly labelW: number;
  readonly svg: string;
}

/** Each event group: its mark's extent, its label box and side, read back from the SVG. */
function drawn(image: TimelineImage): { events: Drawn[]; plotX0: number; plotX1: number } {
  const plot = /<g class="axis" data-plot="([\d.]+) ([\d.]+)"/.exec(image.svg)!;
  const events = [...image.svg.matchAll(/<g class="event" [^>]*data-event="([^"]*)" data-side="(\w+)" data-mark="([\d.]+) ([\d.]+)">(.*?)<\/g>/g)].map((m) => {
    const box = /<rect class="label-box" x="([\d.-]+)" y="[\d.]+" width="([\d.]+)"/.exec(m[5]!)!;
    return { id: m[1]!, side: m[2]!, markX0: Number(m[3]), markX1: Number(m[4]), labelX: Number(box[1]), labelW: Number(box[2]), svg: m[5]! };
  });
  return { events, plotX0: Number(plot[1]), plotX1: Number(plot[2]) };
}

/** The shared rule, checked on the picture: forward from the mark; before it only where it would leave the plot, touching it. */
function expectLabelRule(image: TimelineImage, context: string): void {
  const { events, plotX0, plotX1 } = drawn(image);
  expect(events.length, context).toBe(image.labelled.length);
  const gap = Math.max(4, image.fontSize * 0.55);
  for (const e of events) {
    const at = `${context}: ${e.id} (${e.side})`;
    expect(e.labelX, at).toBeGreaterThanOrEqual(plotX0 - 0.5);
    expect(e.labelX + e.labelW, at).toBeLessThanOrEqual(plotX1 + 0.5);
    switch (e.side) {
      case 'right':
        expect(Math.abs(e.labelX - (e.markX1 + gap)), at).toBeLessThan(0.6);
        break;
      case 'left':
        expect(Math.abs(e.labelX + e.labelW + gap - e.markX0), at).toBeLessThan(0.6);
        // Only where reading forward would have left the plot.
        expect(e.markX1 + gap + e.labelW, at).toBeGreaterThan(plotX1);
        break;
      case 'overlay':
        expect(e.labelX, at).toBeGreaterThanOrEqual(e.markX0);
        expect(e.labelX + e.labelW, at).toBeLessThanOrEqual(e.markX1 + 0.5);
        break;
      default:
        throw new Error(`unknown side ${e.side}`);
    }
  }
}

describe('labels', () => {
  const { header, columns } = load(bundledJson());

  it('read forward from their marks, at every size and window; before a mark only where they would leave the plot, touching it', () => {
    for (const width of [1920, 1280, 842]) {
      for (const window of [defaultWindow(header, columns, { width }), range('2017'), range('2013..2018'), range('2017-10..2017-11')]) {
        expectLabelRule(renderTimelineSvg({ header, columns, window, width }), `${width} px, ${new Date(window.start).toISOString().slice(0, 10)}`);
      }
    }
  });

  it('a label that fits on neither side starts at its mark and is cut by the edge, never moved back to an earlier date', () => {
    // A 2014 event in a 2008–2019 window at 700 px: its label is wider than the room on either side.
    const { header: h, columns: c } = withEvents([
      event('long', { value: '2014-06-01', precision: 'day' }, { title: 'An event whose title is far too long to fit on either side of its mark in so narrow a picture as this one' })
    ]);
    const image = renderTimelineSvg({ header: h, columns: c, window: range('2008..2019'), width: 700 });
    expectLabelRule(image, 'cut');
    const [e] = drawn(image).events;
    expect(e!.side).toBe('right');
    expect(checkSvg(image.svg).texts.some((t) => t.startsWith('An event whose') && t.endsWith('…'))).toBe(true);
  });
});

describe('windows of possible dates and spans that lasted', () => {
  const { header, columns } = withEvents([
    event('day', { value: '2017-03-06', precision: 'day' }),
    event('week', { value: '2017-W14', precision: 'week' }),
    event('month', { value: '2017-05', precision: 'month' }),
    event('year', { value: '2017', precision: 'year' }),
    event('between', { value: '2017-07-03/2017-07-28', precision: 'between' }),
    event('approx', { value: '2017-08-15', precision: 'approximate', margin: 3 }),
    event('lasted', { value: '2017-09', precision: 'month' }, { end: { value: '2017-10-20', precision: 'day' } })
  ]);
  const image = renderTimelineSvg({ header, columns, window: range('2017'), width: 1920 });
  const byId = new Map(drawn(image).events.map((e) => [e.id, e.svg]));

  it('draws week, month, year and "between" windows hatched between brackets, never filled like a span', () => {
    for (const id of ['week', 'month', 'year', 'between']) {
      const svg = byId.get(id)!;
      expect(svg, id).toMatch(/<path class="mark-window" d="M[^"]+"[^>]*fill="none"/);
      expect(svg, id).toMatch(/<path class="window-bracket" d="M[^"]+"[^>]*fill="none"/);
      expect(svg, id).not.toMatch(/mark-span|mark-exact|mark-approx/);
      expect(svg, id).toContain(`class="event-precision">${id}</text>`);
    }
  });

  it('draws an approximate day as a soft mark over its window with the coded day marked, and says its margin', () => {
    const svg = byId.get('approx')!;
    expect(svg).toMatch(/<ellipse class="mark-approx" [^>]*fill="url\(#fl-approx-capture\)"/);
    const tick = /<rect class="mark-coded-day" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
    const ellipse = /<ellipse class="mark-approx" cx="([\d.]+)"[^>]*rx="([\d.]+)"/.exec(svg)!;
    // A thin line in the middle of the window (the coded day is its middle day), not a solid day.
    expect(Number(tick[2])).toBeLessThanOrEqual(3);
    expect(Math.abs(Number(tick[1]) + Number(tick[2]) / 2 - Number(ellipse[1]))).toBeLessThan(1);
    // Seven days wide (3 either side of the day), as the window is.
    const pxPerDay = (drawn(image).plotX1 - drawn(image).plotX0) / 365;
    expect(2 * Number(ellipse[2])).toBeCloseTo(7 * pxPerDay, 0);
    expect(svg).toContain('approx. ±3 days');
  });

  it('draws a span that lasted as a solid band, faded across an end known only to a month', () => {
    const svg = byId.get('lasted')!;
    const fill = /<rect class="mark-span" [^>]*fill="url\(#(fl-span-\d+)\)"/.exec(svg)!;
    const gradient = new RegExp(`<linearGradient id="${fill[1]}"[^>]*>(.*?)</linearGradient>`).exec(image.svg)![1]!;
    const opacities = [...gradient.matchAll(/stop-opacity="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(opacities[0]).toBe(0);
    expect(Math.max(...opacities)).toBeGreaterThanOrEqual(0.45);
    expect(opacities[opacities.length - 1]).toBeGreaterThanOrEqual(0.45);
    expect(svg).not.toMatch(/mark-window|window-bracket/);
  });

  it('names each kind in the legend in plain words', () => {
    const texts = checkSvg(image.svg).texts;
    for (const words of ['Exact day', 'Sometime within (week/month/year, or between two dates)', 'Around a date', 'Lasted (from – to)']) expect(texts).toContain(words);
    expect(image.svg).toMatch(/<g class="legend-extent" data-kind="window">\s*<path d="M[^"]+"[^>]*fill="none"\/><path class="window-bracket"/);
  });
});

describe('edge markers', () => {
  const { header, columns } = load(bundledJson());
  const texts = (window: { start: number; end: number }) => checkSvg(renderTimelineSvg({ header, columns, window, width: 1600 }).svg).texts;

  it('count the events wholly before and after the window drawn', () => {
    // The default frame: 1916, January 2015 and Mosul (July 2017) lie before it.
    expect(texts(defaultWindow(header, columns, { width: 1600 }))).toContain('← 3 earlier events');
    const year = texts(range('2017'));
    expect(year).toContain('← 2 earlier events');
    expect(year.some((t) => t.includes('later event'))).toBe(false);
    const summer = texts(range('2017-06..2017-08'));
    expect(summer.some((t) => /^\d+ later events →$/.test(t))).toBe(true);
  });
});

describe('lanes of many events', () => {
  /** 400 clashes in Syria, most of them in the first week of 2017, with 112,337 fatalities between them. */
  function busy(): LoadedDataset {
    const events = Array.from({ length: 400 }, (_, k) => {
      const day = k < 300 ? Date.UTC(2017, 0, 2 + (k % 5)) : Date.UTC(2017, 1, 1) + (k - 300) * 3 * 86_400_000;
      return event(`c${k}`, { value: new Date(day).toISOString().slice(0, 10), precision: 'day' }, {
        type: 'clash',
        figures: [{ value: k === 0 ? 112_337 - 399 * 200 : 200, unit: 'fatalities', counts: 'reported fatalities', bound: 'exact', asWritten: 'x' }]
      });
    });
    return withEvents(events);
  }
  const { header, columns } = busy();
  const image = renderTimelineSvg({ header, columns, window: range('2017'), width: 1920, height: 1080 });

  it('give the lane header room for its figures: "112,337 fatalities" is whole, not "112,337 fata…"', () => {
    expect(image.lanes.find((l) => l.label === 'Syria')?.density).toBe(true);
    const notes = [...image.svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" font-size="([\d.]+)"[^>]*class="lane-note">([^<]*)<\/text>/g)];
    const figures = notes.find((m) => m[3]!.includes('fatalities'))!;
    expect(figures[3]).toBe('112,337 fatalities');
    for (const m of notes) expect(m[3]).not.toContain('…');
    // It ends before the plot begins.
    const { plotX0 } = drawn(image);
    expect(Number(figures[1]) + textWidth(figures[3]!, Number(figures[2]))).toBeLessThanOrEqual(plotX0);
  });

  it('draw the density caption clear of every bar, the tallest included', () => {
    const caption = /<text x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)"[^>]*class="density-caption">([^<]*)<\/text>/.exec(image.svg)!;
    const [x, y, size] = [Number(caption[1]), Number(caption[2]), Number(caption[3])];
    const box = { x0: x, x1: x + textWidth(caption[4]!, size), y0: y - size, y1: y + size * 0.3 };
    const path = /<path class="density" d="([^"]+)"/.exec(image.svg)![1]!;
    const bars = [...path.matchAll(/M([\d.]+) ([\d.]+)V([\d.]+)H([\d.]+)V[\d.]+Z/g)].map((m) => ({ x0: Number(m[1]), y1: Number(m[2]), y0: Number(m[3]), x1: Number(m[4]) }));
    expect(bars.length).toBeGreaterThan(10);
    // The busiest bins are at the very start, under where the caption is written.
    const tallest = bars.reduce((a, b) => (b.y1 - b.y0 > a.y1 - a.y0 ? b : a));
    expect(tallest.x0).toBeLessThan(box.x1);
    for (const b of bars) {
      const overlap = b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1;
      expect(overlap, `bar at ${b.x0}–${b.x1}, ${b.y0}–${b.y1} under the caption ${JSON.stringify(box)}`).toBe(false);
    }
  });
});
