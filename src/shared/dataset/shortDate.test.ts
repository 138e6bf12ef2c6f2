// shortDate/shortWhen: one wording per precision, from the window of possible dates; an
// approximate day is named by its middle, never its window's start; spans name both ends.
import { describe, expect, it } from 'vitest';
import { DAY_MS, utcDay } from './dates';
import { shortDate, shortWhen } from './shortDate';

describe('shortDate', () => {
  it('words each precision', () => {
    expect(shortDate(utcDay(2017, 11, 3), utcDay(2017, 11, 4), 'day')).toBe('3 Nov 2017');
    expect(shortDate(utcDay(2017, 11, 3), utcDay(2017, 11, 4), 'approximate')).toBe('c. 3 Nov 2017');
    expect(shortDate(utcDay(2017, 10, 30), utcDay(2017, 11, 6), 'week')).toBe('wk of 30 Oct 2017');
    expect(shortDate(utcDay(2017, 10, 1), utcDay(2017, 11, 1), 'month')).toBe('Oct 2017');
    expect(shortDate(utcDay(2014, 1, 1), utcDay(2015, 1, 1), 'year')).toBe('2014');
    expect(shortDate(utcDay(2017, 4, 7), utcDay(2017, 6, 1), 'between')).toBe('betw. 7 Apr 2017 – 31 May 2017');
  });

  it('names an approximate day with a margin by its middle, with the margin', () => {
    // 6 March give or take 3 days: the window is 3–9 March.
    expect(shortDate(utcDay(2017, 3, 3), utcDay(2017, 3, 10), 'approximate')).toBe('c. 6 Mar 2017 ±3 d');
  });

  it('names both ends of a span, each in its own precision', () => {
    expect(
      shortWhen({ start: utcDay(2014, 1, 1), startWindowEnd: utcDay(2015, 1, 1), startPrecision: 'year', end: utcDay(2017, 11, 4), endPrecision: 'day', endWindowStart: utcDay(2017, 11, 3) })
    ).toBe('2014 – 3 Nov 2017');
    expect(shortWhen({ start: utcDay(2017, 11, 3), startWindowEnd: utcDay(2017, 11, 3) + DAY_MS, startPrecision: 'day', end: utcDay(2017, 11, 4), endPrecision: undefined, endWindowStart: undefined })).toBe('3 Nov 2017');
  });
});
