// Label placement and fitting: labels never run past the last date, wide bars carry their label,
// and the fitted window holds every box in the given width.
import { describe, expect, it } from 'vitest';
import { utcDay } from '../../../../shared/dataset/dates';
import { LABEL_GAP_PX, fitWindow, layoutItem, type Extent } from './itemLayout';

const DAY = 86_400_000;

/** An event's extent: a day, or from the start day to the end day inclusive. */
function ev(_id: string, start: string, end?: string): Extent {
  return { start: Date.parse(start), end: Date.parse(end ?? start) + DAY };
}

describe('layoutItem', () => {
  const dataEnd = utcDay(2017, 11, 4);

  it('puts the label after the bar when there is room before the data ends', () => {
    const e = ev('a', '2017-01-01');
    const layout = layoutItem(e, 200, DAY, dataEnd);
    expect(layout.side).toBe('right');
    expect(layout.boxStart).toBe(e.start);
    expect(layout.boxEnd).toBe(e.start + (1 + LABEL_GAP_PX + 200) * DAY);
  });

  it('puts the label before the bar when it would run past the last date', () => {
    const e = ev('b', '2017-11-03');
    const layout = layoutItem(e, 200, DAY, dataEnd);
    expect(layout.side).toBe('left');
    expect(layout.boxStart).toBe(e.start - (200 + LABEL_GAP_PX) * DAY);
    expect(layout.boxEnd).toBe(e.end);
    expect(layout.boxEnd).toBeLessThanOrEqual(dataEnd);
  });

  it('lets a bar wide enough carry its label on top', () => {
    const e = ev('c', '2014-01-01', '2017-11-03');
    const layout = layoutItem(e, 200, DAY, dataEnd);
    expect(layout.side).toBe('overlay');
    expect(layout.barPx).toBeCloseTo((e.end - e.start) / DAY);
    expect([layout.boxStart, layout.boxEnd]).toEqual([e.start, e.end]);
  });

  it('the same span at a wider zoom is too short for its label and moves it aside', () => {
    const e = ev('d', '2017-10-23', '2017-11-03');
    expect(layoutItem(e, 200, DAY / 100, dataEnd).side).toBe('overlay');
    expect(layoutItem(e, 200, DAY, dataEnd).side).toBe('left');
  });
});

describe('fitWindow', () => {
  const label = () => 300;

  it('holds every box, labels included, inside the width with the margin', () => {
    const events = [ev('a', '2014-01-01', '2017-11-03'), ev('b', '2017-10-01'), ev('c', '2017-11-03'), ev('d', '2015-06-01')];
    const width = 1100;
    const margin = 16;
    const dataEnd = Math.max(...events.map((e) => e.end));
    const window = fitWindow(events, label, width, dataEnd, margin);
    expect(window).toBeDefined();
    const { start, end } = window!;
    const msPerPx = (end - start) / width;
    for (const e of events) {
      const layout = layoutItem(e, label(), msPerPx, dataEnd);
      const left = (layout.boxStart - start) / msPerPx;
      const right = (layout.boxEnd - start) / msPerPx;
      expect(left).toBeGreaterThanOrEqual(margin - 1);
      expect(right).toBeLessThanOrEqual(width - margin + 1);
    }
    // Not wastefully wide: the data's last day sits near the right edge.
    expect((dataEnd - start) / msPerPx).toBeGreaterThan(width - margin - 2);
  });

  it('fits events that all fall on one day', () => {
    const events = [ev('a', '2017-11-03'), ev('b', '2017-11-03')];
    const window = fitWindow(events, label, 800, utcDay(2017, 11, 4));
    expect(window).toBeDefined();
    expect(window!.end - window!.start).toBeGreaterThan(DAY);
  });

  it('stays around the events when labels are wider than the view (a narrow timeline)', () => {
    // Labels of 300 px in a 420 px view cannot all fit; the window must not run off into past centuries.
    const events = [ev('a', '2014-01-01', '2017-11-03'), ev('b', '2017-10-01'), ev('c', '2017-11-03'), ev('d', '2015-06-01')];
    const dataEnd = Math.max(...events.map((e) => e.end));
    const window = fitWindow(events, () => 600, 420, dataEnd);
    expect(window).toBeDefined();
    const lo = Math.min(...events.map((e) => e.start));
    expect(window!.start).toBeLessThanOrEqual(lo);
    expect(window!.end).toBeGreaterThanOrEqual(dataEnd);
    expect(window!.end - window!.start).toBeLessThan(8 * (dataEnd - lo));
    expect(new Date(window!.start).getUTCFullYear()).toBeGreaterThan(1990);
  });

  it('returns nothing for no events or no room', () => {
    expect(fitWindow([], label, 800, 0)).toBeUndefined();
    expect(fitWindow([ev('a', '2017-11-03')], label, 20, 0)).toBeUndefined();
  });
});
