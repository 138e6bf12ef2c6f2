// frameWindow: the default view frames the body of events; long background spans and far-off
// events run off its edge (counted), and the last labels have room after their marks.
import { describe, expect, it } from 'vitest';
import { frameWindow, type FrameItem } from './frame';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const DAY = 86_400_000;
const point = (from: string, to = from, labelPx = 300): FrameItem => ({ start: day(from), end: day(to) + DAY, span: false, labelPx });
const span = (from: string, to: string, labelPx = 300): FrameItem => ({ start: day(from), end: day(to) + DAY, span: true, labelPx });

describe('frameWindow', () => {
  // The bundled story's shape: a span since 2014, the January 2015 map, Mosul in July, Raqqa in
  // October, a window "in recent months", and most events on or around 3 November 2017.
  const story: FrameItem[] = [
    span('2014-01-01', '2017-11-03'),
    point('2015-01-01', '2015-01-31'),
    point('2017-07-01', '2017-07-31'),
    point('2017-08-03', '2017-11-03'),
    point('2017-10-01', '2017-10-31'),
    span('2017-10-23', '2017-11-03'),
    point('2017-10-31'),
    ...Array.from({ length: 15 }, () => point('2017-11-03'))
  ];

  it('frames October–November 2017, not 2014–2017, for the bundled story at 1280 px', () => {
    const f = frameWindow(story, { widthPx: 1100 })!;
    expect(f.start).toBeGreaterThan(day('2017-09-20'));
    expect(f.start).toBeLessThanOrEqual(day('2017-10-01'));
    expect(f.end).toBeGreaterThan(day('2017-11-04'));
    expect(f.end).toBeLessThan(day('2018-01-01'));
    // The January 2015 map and Mosul (July) lie wholly before it; the long span only runs off its edge.
    expect(f.before).toBe(2);
    expect(f.after).toBe(0);
  });

  it('leaves room after the last marks for their labels, so they read forward', () => {
    const f = frameWindow(story, { widthPx: 1100, marginPx: 16 })!;
    const msPerPx = (f.end - f.start) / (1100 - 32);
    expect(f.end - (day('2017-11-03') + DAY)).toBeGreaterThanOrEqual((8 + 300) * msPerPx);
  });

  it('a story of evenly spread events is framed whole', () => {
    const even = Array.from({ length: 12 }, (_, m) => point(`2017-${String(m + 1).padStart(2, '0')}-15`, undefined, 120));
    const f = frameWindow(even, { widthPx: 1600 })!;
    expect(f.start).toBeLessThanOrEqual(day('2017-01-15'));
    expect(f.end).toBeGreaterThan(day('2017-12-16'));
    expect(f.before + f.after).toBe(0);
  });

  it('one event gets a week around it; no events, no frame', () => {
    const f = frameWindow([point('2017-11-03', undefined, 100)], { widthPx: 1000 })!;
    expect(f.end - f.start).toBeGreaterThanOrEqual(7 * DAY);
    expect(f.start).toBeLessThan(day('2017-11-03'));
    expect(frameWindow([], { widthPx: 1000 })).toBeUndefined();
  });

  it('labels wider than the axis still give a frame that ends (they count as at most 40%)', () => {
    const f = frameWindow([point('2017-11-01', undefined, 5000), point('2017-11-03', undefined, 5000)], { widthPx: 600 })!;
    expect(Number.isFinite(f.end)).toBe(true);
    expect(f.end - f.start).toBeLessThan(60 * DAY);
  });
});
