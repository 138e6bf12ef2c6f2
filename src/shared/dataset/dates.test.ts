// Strict date values: the UTC window each precision names, impossible dates refused, and their wording.
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  coarserPrecision,
  daysInMonth,
  describeDateValue,
  isLeapYear,
  isoDay,
  isoWeekStart,
  isoWeeksInYear,
  parseDateValue,
  utcDay,
  type DatePrecision
} from './dates';

/** The window of a value that must parse. */
function windowOf(value: string, precision: DatePrecision): { start: number; end: number } {
  const parsed = parseDateValue(value, precision);
  if (!parsed.ok) throw new Error(`expected ${value} (${precision}) to parse, got: ${parsed.reason}`);
  return parsed.window;
}

/** The reason a value that must not parse is refused. */
function reasonFor(value: string, precision: DatePrecision): string {
  const parsed = parseDateValue(value, precision);
  if (parsed.ok) throw new Error(`expected ${value} (${precision}) to be refused`);
  return parsed.reason;
}

describe('parseDateValue: day', () => {
  it('names the whole UTC day, end exclusive', () => {
    expect(windowOf('2017-11-03', 'day')).toEqual({ start: Date.UTC(2017, 10, 3), end: Date.UTC(2017, 10, 4) });
  });

  it('rolls the end over month and year boundaries', () => {
    expect(windowOf('2017-10-31', 'day')).toEqual({ start: Date.UTC(2017, 9, 31), end: Date.UTC(2017, 10, 1) });
    expect(windowOf('2017-12-31', 'day')).toEqual({ start: Date.UTC(2017, 11, 31), end: Date.UTC(2018, 0, 1) });
  });

  it('refuses days that do not exist instead of rolling them over', () => {
    expect(reasonFor('2017-02-30', 'day')).toMatch(/"2017-02-30" does not exist: month 02 of 2017 has 28 days/);
    expect(reasonFor('2017-04-31', 'day')).toMatch(/has 30 days/);
    expect(reasonFor('2017-11-00', 'day')).toMatch(/does not exist/);
    expect(reasonFor('2017-01-32', 'day')).toMatch(/has 31 days/);
  });

  it('accepts 29 February only in leap years (Gregorian century rule)', () => {
    expect(reasonFor('2017-02-29', 'day')).toMatch(/has 28 days/);
    expect(windowOf('2016-02-29', 'day').start).toBe(Date.UTC(2016, 1, 29));
    expect(reasonFor('1900-02-29', 'day')).toMatch(/month 02 of 1900 has 28 days/);
    expect(windowOf('2000-02-29', 'day').start).toBe(Date.UTC(2000, 1, 29));
  });

  it('refuses month 00 and month 13', () => {
    expect(reasonFor('2017-13-01', 'day')).toBe('"2017-13-01" has no month 13');
    expect(reasonFor('2017-00-10', 'day')).toBe('"2017-00-10" has no month 00');
  });

  it('refuses year 0000 (no BCE dates) with a reason that says so', () => {
    const reason = reasonFor('0000-01-01', 'day');
    expect(reason).toMatch(/year 0 is outside the supported range/);
    expect(reason).toMatch(/BCE/);
  });

  it('refuses anything not written YYYY-MM-DD', () => {
    for (const value of ['12017-01-01', '44 BC', '2017-11-03T10:00', '2017-11-3', '2017/11/03', ' 2017-11-03', '2017-11-03 ', '', '03-11-2017']) {
      expect(reasonFor(value, 'day'), value).toMatch(/is not a date written as YYYY-MM-DD/);
    }
  });

  it('works for years 1–99 (which Date.UTC would map to 19xx)', () => {
    // 0001-01-01T00:00Z is 62,135,596,800 seconds before the Unix epoch (proleptic Gregorian).
    expect(windowOf('0001-01-01', 'day')).toEqual({ start: -62_135_596_800_000, end: -62_135_596_800_000 + DAY_MS });
    const ides = windowOf('0044-03-15', 'day');
    const d = new Date(ides.start);
    expect([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()]).toEqual([44, 3, 15, 0]);
    expect(ides.end - ides.start).toBe(DAY_MS);
    expect(ides.start).toBeLessThan(Date.UTC(100, 0, 1)); // not 1944
  });

  it('accepts the last supported day', () => {
    expect(windowOf('9999-12-31', 'day')).toEqual({ start: Date.UTC(9999, 11, 31), end: Date.UTC(10000, 0, 1) });
  });
});

describe('parseDateValue: approximate', () => {
  it('is anchored on a day and names that day', () => {
    expect(windowOf('2017-10-31', 'approximate')).toEqual({ start: Date.UTC(2017, 9, 31), end: Date.UTC(2017, 10, 1) });
  });

  it('applies the same existence checks as a day', () => {
    expect(reasonFor('2017-02-30', 'approximate')).toMatch(/does not exist/);
    expect(reasonFor('2017-10', 'approximate')).toMatch(/YYYY-MM-DD/);
  });
});

describe('parseDateValue: approximate, give or take a margin', () => {
  it('is the day give or take the margin either side, anchored on the day', () => {
    expect(parseDateValue('2017-03-06', 'approximate', 3)).toEqual({ ok: true, window: { start: Date.UTC(2017, 2, 3), end: Date.UTC(2017, 2, 10), anchor: Date.UTC(2017, 2, 6) } });
  });

  it('never turns into a calendar week: a Monday or a Sunday stays the middle of its window', () => {
    // ACLED's coded day is the report date or the middle of a range: a Monday report is not 6 days early.
    const monday = parseDateValue('2017-03-06', 'approximate', 3);
    const sunday = parseDateValue('2017-03-05', 'approximate', 3);
    if (!monday.ok || !sunday.ok) throw new Error('expected both to parse');
    expect((monday.window.start + monday.window.end) / 2).toBe(Date.UTC(2017, 2, 6) + DAY_MS / 2);
    expect((sunday.window.start + sunday.window.end) / 2).toBe(Date.UTC(2017, 2, 5) + DAY_MS / 2);
  });

  it('is only for an approximate day, as a whole number of days from 1 to 366', () => {
    expect(parseDateValue('2017-03-06', 'day', 3)).toMatchObject({ ok: false, reason: expect.stringMatching(/only for an approximate date/) });
    for (const m of [0, -2, 1.5, 367]) expect(parseDateValue('2017-03-06', 'approximate', m), String(m)).toMatchObject({ ok: false, reason: expect.stringMatching(/whole number of days from 1 to 366/) });
    expect(parseDateValue('2017-02-30', 'approximate', 3)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not exist/) });
  });
});

describe('parseDateValue: between (a window of possible dates)', () => {
  it('runs from the first possible day to the last, both included', () => {
    expect(windowOf('2017-04-07/2017-05-31', 'between')).toEqual({ start: Date.UTC(2017, 3, 7), end: Date.UTC(2017, 5, 1) });
    expect(windowOf('2016-12-28/2017-01-03', 'between')).toEqual({ start: Date.UTC(2016, 11, 28), end: Date.UTC(2017, 0, 4) });
  });

  it('refuses a malformed, impossible, reversed, single-day or century-long window', () => {
    expect(reasonFor('2017-04-07', 'between')).toMatch(/YYYY-MM-DD\/YYYY-MM-DD/);
    expect(reasonFor('2017-04-07/2017-02-30', 'between')).toMatch(/does not exist/);
    expect(reasonFor('2017-05-31/2017-04-07', 'between')).toMatch(/must come after the first/);
    expect(reasonFor('2017-05-31/2017-05-31', 'between')).toMatch(/precision "day"/);
    expect(reasonFor('1800-01-01/2017-01-01', 'between')).toMatch(/spans more than 36,600 days/);
  });
});

describe('parseDateValue: week (ISO 8601)', () => {
  it('2017-W43 runs from Monday 23 October 2017 to Monday 30 October (exclusive)', () => {
    const w = windowOf('2017-W43', 'week');
    expect(w).toEqual({ start: Date.UTC(2017, 9, 23), end: Date.UTC(2017, 9, 30) });
    expect(new Date(w.start).getUTCDay()).toBe(1);
  });

  it('week 1 may start in the previous calendar year: 2020-W01 starts Monday 30 December 2019', () => {
    expect(windowOf('2020-W01', 'week')).toEqual({ start: Date.UTC(2019, 11, 30), end: Date.UTC(2020, 0, 6) });
  });

  it('week 1 may start after 1 January: 2021-W01 starts Monday 4 January 2021', () => {
    expect(windowOf('2021-W01', 'week').start).toBe(Date.UTC(2021, 0, 4));
  });

  it('accepts week 53 only in years that have one', () => {
    // 2015 began on a Thursday, so it has 53 ISO weeks; W53 is 28 Dec 2015 – 3 Jan 2016.
    expect(windowOf('2015-W53', 'week')).toEqual({ start: Date.UTC(2015, 11, 28), end: Date.UTC(2016, 0, 4) });
    // 2020 began on a Wednesday and is a leap year: 53 weeks too.
    expect(windowOf('2020-W53', 'week').start).toBe(Date.UTC(2020, 11, 28));
    expect(reasonFor('2017-W53', 'week')).toBe('"2017-W53" does not exist: 2017 has 52 ISO weeks');
  });

  it('refuses week 00 and week 54', () => {
    expect(reasonFor('2017-W00', 'week')).toMatch(/does not exist/);
    expect(reasonFor('2015-W54', 'week')).toMatch(/2015 has 53 ISO weeks/);
  });

  it('refuses other spellings of a week', () => {
    for (const value of ['2017-W4', '2017W43', '2017-w43', '2017-W43-1', '2017-43']) {
      expect(reasonFor(value, 'week'), value).toMatch(/is not an ISO week written as YYYY-Www/);
    }
    expect(reasonFor('0000-W01', 'week')).toMatch(/outside the supported range/);
  });
});

describe('parseDateValue: month', () => {
  it('names the whole month', () => {
    expect(windowOf('2017-10', 'month')).toEqual({ start: Date.UTC(2017, 9, 1), end: Date.UTC(2017, 10, 1) });
    expect(windowOf('2016-02', 'month')).toEqual({ start: Date.UTC(2016, 1, 1), end: Date.UTC(2016, 2, 1) });
  });

  it('December ends on 1 January of the next year', () => {
    expect(windowOf('2017-12', 'month')).toEqual({ start: Date.UTC(2017, 11, 1), end: Date.UTC(2018, 0, 1) });
  });

  it('refuses month 13 and 00, and day-precision values', () => {
    expect(reasonFor('2017-13', 'month')).toBe('"2017-13" has no month 13');
    expect(reasonFor('2017-00', 'month')).toMatch(/has no month 00/);
    expect(reasonFor('2017-10-01', 'month')).toMatch(/is not a month written as YYYY-MM/);
    expect(reasonFor('0000-01', 'month')).toMatch(/outside the supported range/);
  });
});

describe('parseDateValue: year', () => {
  it('names the whole year', () => {
    expect(windowOf('2014', 'year')).toEqual({ start: Date.UTC(2014, 0, 1), end: Date.UTC(2015, 0, 1) });
    expect(windowOf('2016', 'year').end - windowOf('2016', 'year').start).toBe(366 * DAY_MS);
  });

  it('works for years 1–99', () => {
    const w = windowOf('0099', 'year');
    expect(new Date(w.start).getUTCFullYear()).toBe(99);
    expect(new Date(w.end).getUTCFullYear()).toBe(100);
    expect(w.end - w.start).toBe(365 * DAY_MS);
  });

  it('refuses year 0000, 5-digit years and free text', () => {
    expect(reasonFor('0000', 'year')).toMatch(/outside the supported range 1–9999/);
    expect(reasonFor('10000', 'year')).toMatch(/is not a year written as YYYY/);
    expect(reasonFor('44 BC', 'year')).toMatch(/is not a year written as YYYY/);
    expect(reasonFor('-044', 'year')).toMatch(/is not a year written as YYYY/);
    expect(reasonFor('2017-11', 'year')).toMatch(/is not a year/);
  });
});

describe('calendar helpers', () => {
  it('isLeapYear follows the Gregorian rule', () => {
    expect([1900, 2000, 2016, 2017, 2100, 2400].map(isLeapYear)).toEqual([false, true, true, false, false, true]);
  });

  it('daysInMonth', () => {
    expect([1, 2, 3, 4, 6, 9, 11, 12].map((m) => daysInMonth(2017, m))).toEqual([31, 28, 31, 30, 30, 30, 30, 31]);
    expect(daysInMonth(2016, 2)).toBe(29);
  });

  it('utcDay matches Date.UTC from year 100 on, and keeps years below 100', () => {
    expect(utcDay(2017, 11, 3)).toBe(Date.UTC(2017, 10, 3));
    expect(utcDay(100, 1, 1)).toBe(Date.UTC(100, 0, 1));
    expect(new Date(utcDay(5, 6, 7)).toISOString()).toBe('0005-06-07T00:00:00.000Z');
  });

  it('isoWeeksInYear gives 53 for years starting on Thursday (or Wednesday in leap years)', () => {
    expect([2004, 2009, 2015, 2017, 2019, 2020, 2021, 2026].map(isoWeeksInYear)).toEqual([53, 53, 53, 52, 52, 53, 52, 53]);
  });

  it('isoWeekStart is always a Monday', () => {
    for (const [year, week] of [[2017, 43], [2020, 1], [2015, 53], [1, 1], [9999, 1]] as const) {
      expect(new Date(isoWeekStart(year, week)).getUTCDay(), `${year}-W${week}`).toBe(1);
    }
  });
});

describe('describeDateValue', () => {
  it('a day reads with its weekday', () => {
    expect(describeDateValue('2017-11-03', 'day')).toBe('Friday 3 November 2017');
    expect(describeDateValue('2017-10-23', 'day')).toBe('Monday 23 October 2017');
  });

  it('a month, a year and an approximate day', () => {
    expect(describeDateValue('2017-10', 'month')).toBe('October 2017');
    expect(describeDateValue('2014', 'year')).toBe('2014');
    expect(describeDateValue('2017-10-31', 'approximate')).toBe('around 31 October 2017');
  });

  it('a week within one month names the month once', () => {
    expect(describeDateValue('2017-W43', 'week')).toBe('week of 23–29 October 2017');
  });

  it('a week across two months names both months', () => {
    expect(describeDateValue('2017-W44', 'week')).toBe('week of 30 October–5 November 2017');
  });

  it('a week across two years names both years', () => {
    // Without the first year this would read as 30 December 2020.
    expect(describeDateValue('2020-W01', 'week')).toBe('week of 30 December 2019–5 January 2020');
  });

  it('a window of possible dates says "sometime between", an approximate day its margin and window', () => {
    expect(describeDateValue('2017-04-07/2017-05-31', 'between')).toBe('sometime between 7 April and 31 May 2017');
    expect(describeDateValue('2016-12-28/2017-01-03', 'between')).toBe('sometime between 28 December 2016 and 3 January 2017');
    expect(describeDateValue('2017-03-06', 'approximate', 3)).toBe('around 6 March 2017 (give or take 3 days: 3–9 March 2017)');
    expect(describeDateValue('2017-05-08', 'approximate', 15)).toBe('around 8 May 2017 (give or take 15 days: 23 April–23 May 2017)');
  });

  it('an invalid value is shown as written', () => {
    expect(describeDateValue('2017-02-30', 'day')).toBe('2017-02-30');
    expect(describeDateValue('last week', 'week')).toBe('last week');
  });
});

describe('coarserPrecision', () => {
  it('returns the coarser of two precisions: day < approximate < week < month < year', () => {
    expect(coarserPrecision('day', 'year')).toBe('year');
    expect(coarserPrecision('year', 'day')).toBe('year');
    expect(coarserPrecision('day', 'approximate')).toBe('approximate');
    expect(coarserPrecision('approximate', 'week')).toBe('week');
    expect(coarserPrecision('month', 'week')).toBe('month');
    expect(coarserPrecision('week', 'between')).toBe('between');
    expect(coarserPrecision('between', 'month')).toBe('month');
    expect(coarserPrecision('day', 'day')).toBe('day');
  });
});

describe('isoDay', () => {
  it('writes the UTC calendar date of an instant', () => {
    expect(isoDay(Date.UTC(2017, 10, 3))).toBe('2017-11-03');
    expect(isoDay(Date.UTC(2017, 10, 3, 23, 59, 59, 999))).toBe('2017-11-03');
    expect(isoDay(Date.UTC(2017, 10, 4) - 1)).toBe('2017-11-03');
  });

  it('pads years below 1000 to four digits', () => {
    expect(isoDay(utcDay(44, 3, 15))).toBe('0044-03-15');
  });

  it('round-trips with parseDateValue', () => {
    for (const value of ['2016-02-29', '0001-01-01', '1916-05-16', '9999-12-31']) {
      expect(isoDay(windowOf(value, 'day').start)).toBe(value);
    }
  });
});
