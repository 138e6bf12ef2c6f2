// shortDate/shortWhen: one wording per precision, from the start of the date's window; spans name both ends.
import { describe, expect, it } from 'vitest';
import { utcDay } from './dates';
import { shortDate, shortWhen } from './shortDate';

describe('shortDate', () => {
  it('words each precision', () => {
    expect(shortDate(utcDay(2017, 11, 3), 'day')).toBe('3 Nov 2017');
    expect(shortDate(utcDay(2017, 11, 3), 'approximate')).toBe('c. 3 Nov 2017');
    expect(shortDate(utcDay(2017, 10, 30), 'week')).toBe('wk of 30 Oct 2017');
    expect(shortDate(utcDay(2017, 10, 1), 'month')).toBe('Oct 2017');
    expect(shortDate(utcDay(2014, 1, 1), 'year')).toBe('2014');
  });

  it('names both ends of a span, each in its own precision', () => {
    expect(shortWhen({ start: utcDay(2014, 1, 1), startPrecision: 'year', endPrecision: 'day', endWindowStart: utcDay(2017, 11, 3) })).toBe('2014 – 3 Nov 2017');
    expect(shortWhen({ start: utcDay(2017, 11, 3), startPrecision: 'day', endPrecision: undefined, endWindowStart: undefined })).toBe('3 Nov 2017');
  });
});
