// The feed policy over a real event index: small datasets show every event; a lane with more
// events than rows of labels shows density; zooming in turns it back into events, every event in
// view drawn and none twice; the item budget turns the busiest lanes to density first; the
// selected event is drawn even over density; reveal zooms in until the lane shows events.
import { describe, expect, it } from 'vitest';
import { assignLanes } from '../../../../shared/timeline/laneAssignment';
import { EventIndex } from '../../../../shared/timeline/eventIndex';
import { LONG_EVENT_SPANS, MAX_ITEMS, MAX_LANE_ITEMS, maxInView, planFeed, revealWindow, SMALL_DATASET } from './feedPolicy';
import { dailyColumns, testColumns } from './testData';

const DAY = 86_400_000;

function indexOf(data: ReturnType<typeof testColumns>, include?: (i: number) => boolean) {
  const lanes = assignLanes('theatre', data.header, data.columns);
  return { index: new EventIndex(data.columns, { laneOf: lanes.laneOf, laneCount: lanes.lanes.length }, include), lanes, cols: data.columns };
}

/** Brute force: the events of a lane overlapping [t0, t1). */
function overlapping(cols: ReturnType<typeof testColumns>['columns'], laneOf: ArrayLike<number>, lane: number, t0: number, t1: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < cols.count; i++) if (laneOf[i] === lane && cols.start[i]! < t1 && cols.end[i]! > t0) out.push(i);
  return out;
}

describe('planFeed', () => {
  it('shows every event of a small dataset as an item, whatever the zoom', () => {
    const { index, lanes, cols } = indexOf(dailyColumns(SMALL_DATASET));
    const window = { start: cols.start[0]! - 1000 * DAY, end: cols.end[cols.count - 1]! + 1000 * DAY };
    const plan = planFeed({ index, laneCount: lanes.lanes.length, window, widthPx: 300, labelPx: 240 });
    expect(plan.density.size).toBe(0);
    expect(plan.wanted.size).toBe(SMALL_DATASET);
  });

  it('turns a lane with more events than rows of labels into density, and back into every event when zoomed in', () => {
    const { index, lanes, cols } = indexOf(dailyColumns(2000));
    const all = { start: cols.start[0]!, end: cols.end[cols.count - 1]! };
    const wide = planFeed({ index, laneCount: 2, window: all, widthPx: 1000, labelPx: 240 });
    expect([...wide.density]).toEqual([0, 1]);
    expect(wide.wanted.size).toBe(0);
    // Ten days in view: both lanes show events, every one in the fed window (three views), none twice.
    const mid = cols.start[1000]!;
    const window = { start: mid, end: mid + 10 * DAY };
    const plan = planFeed({ index, laneCount: 2, window, widthPx: 1000, labelPx: 240 });
    expect(plan.density.size).toBe(0);
    expect(plan.fedWindow).toEqual({ start: mid - 10 * DAY, end: mid + 20 * DAY });
    for (let l = 0; l < 2; l++) {
      expect(plan.items[l]).toEqual(overlapping(cols, lanes.laneOf, l, plan.fedWindow.start, plan.fedWindow.end));
      for (const i of overlapping(cols, lanes.laneOf, l, window.start, window.end)) expect(plan.wanted.has(i)).toBe(true);
    }
  });

  it('asks for density as soon as the events in view need more rows than MAX_LABEL_ROWS', () => {
    const { index, cols } = indexOf(dailyColumns(2000));
    const rows = maxInView(1000, 240);
    // One lane holds every other day: 2 × rows days hold exactly `rows` of its events; one more day tips it.
    const start = cols.start[0]!;
    const fits = planFeed({ index, laneCount: 2, window: { start, end: start + (2 * rows - 1) * DAY }, widthPx: 1000, labelPx: 240 });
    expect(fits.density.has(0)).toBe(false);
    const tips = planFeed({ index, laneCount: 2, window: { start, end: start + (2 * rows + 1) * DAY }, widthPx: 1000, labelPx: 240 });
    expect(tips.density.has(0)).toBe(true);
  });

  it('keeps the items within budget, turning the busiest lanes to density first', () => {
    // Lane 0 (Syria): 140 events in the fed window; lane 1 (Iraq): 20; narrow labels so rows allow them.
    const events = [
      ...Array.from({ length: 420 }, (_, i) => ({ start: new Date(Date.UTC(2016, 0, 1) + Math.floor(i / 3) * DAY).toISOString().slice(0, 10), country: 'SY' as const })),
      ...Array.from({ length: 60 }, (_, i) => ({ start: new Date(Date.UTC(2016, 0, 1) + i * 2 * DAY).toISOString().slice(0, 10), country: 'IQ' as const }))
    ];
    const { index, cols } = indexOf(testColumns(events));
    const start = cols.start[0]!;
    const plan = planFeed({ index, laneCount: 2, window: { start: start + 40 * DAY, end: start + 80 * DAY }, widthPx: 4000, labelPx: 10 });
    const total = plan.items.reduce((n, a) => n + a.length, 0);
    expect(total).toBeLessThanOrEqual(MAX_ITEMS);
    expect(plan.items.every((a) => a.length <= MAX_LANE_ITEMS)).toBe(true);
    if (plan.density.size > 0) expect(plan.density.has(0)).toBe(true);
  });

  it('draws the selected event even in a lane showing density, unless the filters hide it', () => {
    const { index, cols } = indexOf(dailyColumns(2000));
    const window = { start: cols.start[0]!, end: cols.end[cols.count - 1]! };
    const selected = { index: 700, start: cols.start[700]!, end: cols.end[700]!, shown: true };
    expect(planFeed({ index, laneCount: 2, window, widthPx: 1000, labelPx: 240, selected }).wanted).toEqual(new Set([700]));
    expect(planFeed({ index, laneCount: 2, window, widthPx: 1000, labelPx: 240, selected: { ...selected, shown: false } }).wanted.size).toBe(0);
  });

  it('counts the events much longer than the view instead of drawing them', () => {
    const events = [...Array.from({ length: 300 }, (_, i) => ({ start: new Date(Date.UTC(2016, 0, 1) + i * DAY).toISOString().slice(0, 10) })), { start: '2015-01-01', end: '2018-01-01' }];
    const { index, cols } = indexOf(testColumns(events));
    const long = cols.count - 1 - [...cols.start].reverse().findIndex((t) => t === Date.UTC(2015, 0, 1));
    const window = { start: Date.UTC(2016, 3, 1), end: Date.UTC(2016, 3, 11) };
    const plan = planFeed({ index, laneCount: 2, window, widthPx: 1000, labelPx: 240 });
    expect(plan.spanning[0]).toBe(1);
    expect(plan.wanted.has(long)).toBe(false);
    expect(cols.end[long]! - cols.start[long]!).toBeGreaterThan(LONG_EVENT_SPANS * (window.end - window.start));
  });

  it('feeds only what the filter shows', () => {
    const data = dailyColumns(100);
    const { index, lanes, cols } = indexOf(data, (i) => i % 4 === 0);
    const plan = planFeed({ index, laneCount: lanes.lanes.length, window: { start: cols.start[0]!, end: cols.end[99]! }, widthPx: 1000, labelPx: 240 });
    expect([...plan.wanted].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, k) => 4 * k));
  });
});

describe('revealWindow', () => {
  it('zooms in around the event until its lane shows events, never narrower than the event', () => {
    const { index, cols, lanes } = indexOf(dailyColumns(4000));
    const all = { start: cols.start[0]!, end: cols.end[cols.count - 1]! };
    const target = 2500;
    const w = revealWindow(index, lanes.laneOf[target]!, { start: cols.start[target]!, end: cols.end[target]! }, all, 1000, 240);
    expect(w.start).toBeLessThanOrEqual(cols.start[target]!);
    expect(w.end).toBeGreaterThanOrEqual(cols.end[target]!);
    expect(w.end - w.start).toBeLessThan(all.end - all.start);
    const plan = planFeed({ index, laneCount: 2, window: w, widthPx: 1000, labelPx: 240 });
    expect(plan.density.has(lanes.laneOf[target]!)).toBe(false);
    expect(plan.wanted.has(target)).toBe(true);
  });

  it('keeps the width for a small dataset (every event is drawn anyway)', () => {
    const { index, cols } = indexOf(dailyColumns(50));
    const window = { start: cols.start[0]!, end: cols.end[49]! };
    const w = revealWindow(index, 0, { start: cols.start[10]!, end: cols.end[10]! }, window, 1000, 240);
    expect(w.end - w.start).toBe(window.end - window.start);
  });
});
