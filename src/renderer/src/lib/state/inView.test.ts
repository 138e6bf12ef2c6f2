// The "in view" count: events starting in the window among those the filter shows, eras aside,
// always from the window and filter of now (never a copy kept from the last pan).
import { describe, expect, it } from 'vitest';
import { FLAG_ERA } from '../../../../shared/dataset/columns';
import { countStarting, shownPrefix } from './inView';

const starts = Float64Array.from([0, 10, 10, 20, 30, 40, 50]);

describe('countStarting', () => {
  it('counts the run of events starting in [start, end) when every event counts', () => {
    const flags = new Uint8Array(starts.length);
    const prefix = shownPrefix(starts.length, flags, undefined);
    expect(prefix).toBeUndefined();
    expect(countStarting(starts, prefix, 10, 30)).toBe(3);
    expect(countStarting(starts, prefix, 0, 100)).toBe(7);
    expect(countStarting(starts, prefix, 55, 100)).toBe(0);
    expect(countStarting(starts, prefix, 30, 10)).toBe(0);
  });

  it('counts only what the filter shows, and never eras', () => {
    const flags = new Uint8Array(starts.length);
    flags[3] = FLAG_ERA;
    const prefix = shownPrefix(starts.length, flags, (i) => i !== 1);
    expect(countStarting(starts, prefix, 10, 30)).toBe(1);
    expect(countStarting(starts, prefix, 0, 100)).toBe(5);
    const eraOnly = shownPrefix(starts.length, flags, undefined);
    expect(countStarting(starts, eraOnly, 0, 100)).toBe(6);
  });
});
