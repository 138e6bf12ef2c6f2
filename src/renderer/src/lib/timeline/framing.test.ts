// Fit frames where the events are: for a story like the bundled one, October–November 2017 with
// the 1916 context and the early events counted outside; the filters decide what is framed; a
// large dataset is framed from a sample, its outside counts exact; "whole range" holds everything.
import { describe, expect, it } from 'vitest';
import { FRAME_SAMPLE, frameView, outside, wholeRange } from './framing';
import { dailyColumns, testColumns } from './testData';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('frameView', () => {
  const story = testColumns([
    { type: 'context', start: '1916', precision: 'year' },
    { type: 'control', start: '2014', precision: 'year', end: '2017-11-03' },
    { start: '2015-01', precision: 'month' },
    { start: '2017-07', precision: 'month' },
    { start: '2017-10', precision: 'month' },
    { start: '2017-W43', precision: 'week', end: '2017-11-03' },
    { start: '2017-10-31', precision: 'approximate' },
    ...Array.from({ length: 15 }, () => ({ start: '2017-11-03' }))
  ]);
  const input = { cols: story.columns, include: undefined, widthPx: 1100, labelPx: () => 300, typicalLabelPx: 300 };

  it('frames the body of the story, with the far-off events counted outside it', () => {
    const f = frameView(input)!;
    expect(f.start).toBeGreaterThan(day('2017-09-15'));
    expect(f.end).toBeGreaterThan(day('2017-11-04'));
    expect(f.end).toBeLessThan(day('2018-01-15'));
    // 1916, January 2015 and July 2017 lie wholly before it.
    expect(f.before).toBe(3);
    expect(f.after).toBe(0);
    expect(outside(input, f)).toEqual({ before: 3, after: 0 });
  });

  it('frames what the filters show', () => {
    const early = frameView({ ...input, include: (i: number) => i <= 3 })!;
    expect(early.start).toBeLessThan(day('2015-01-01'));
    expect(frameView({ ...input, include: () => false })).toBeUndefined();
  });

  it('frames a large dataset from a sample, with exact counts outside', () => {
    const big = dailyColumns(FRAME_SAMPLE * 3);
    const f = frameView({ cols: big.columns, include: undefined, widthPx: 1200, labelPx: () => 240, typicalLabelPx: 240 })!;
    expect(f.start).toBeLessThanOrEqual(big.columns.start[FRAME_SAMPLE]!);
    expect(f.end).toBeGreaterThanOrEqual(big.columns.start[2 * FRAME_SAMPLE]!);
    expect({ before: f.before, after: f.after }).toEqual(outside({ cols: big.columns, include: undefined }, f));
  });
});

describe('wholeRange', () => {
  it('holds every event shown, 1916 included, with a margin', () => {
    const cols = testColumns([{ type: 'context', start: '1916', precision: 'year' }, { start: '2017-11-03' }]).columns;
    const w = wholeRange({ cols, include: undefined })!;
    expect(w.start).toBeLessThan(day('1916-01-01'));
    expect(w.end).toBeGreaterThan(day('2017-11-04'));
    expect(wholeRange({ cols, include: () => false })).toBeUndefined();
  });
});
