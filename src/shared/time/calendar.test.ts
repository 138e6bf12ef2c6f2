// The one calendar: floors and steps of every unit from an hour to a millennium, in UTC, with ISO
// weeks on Mondays, quarters from January, and years counted from year 0 (never before year 1).
import { describe, expect, it } from 'vitest';
import { CALENDAR_UNITS, DAY_MS, approxUnitMs, calendarFloor, calendarNext, utcDay } from './calendar';
import { prng } from '../../../tests/support/prng';

const at = (s: string) => Date.parse(s);
const iso = (t: number) => new Date(t).toISOString();

describe('calendarFloor and calendarNext', () => {
  const t = at('2017-11-03T13:45:10.500Z'); // a Friday

  it('hours', () => {
    expect(iso(calendarFloor(t, 'hour'))).toBe('2017-11-03T13:00:00.000Z');
    expect(iso(calendarNext(calendarFloor(t, 'hour'), 'hour'))).toBe('2017-11-03T14:00:00.000Z');
    expect(iso(calendarFloor(t, '3 hours'))).toBe('2017-11-03T12:00:00.000Z');
    expect(iso(calendarNext(calendarFloor(t, '3 hours'), '3 hours'))).toBe('2017-11-03T15:00:00.000Z');
    expect(iso(calendarFloor(t, '6 hours'))).toBe('2017-11-03T12:00:00.000Z');
    expect(iso(calendarNext(calendarFloor(t, '6 hours'), '6 hours'))).toBe('2017-11-03T18:00:00.000Z');
    expect(iso(calendarFloor(t, '12 hours'))).toBe('2017-11-03T12:00:00.000Z');
    expect(iso(calendarFloor(at('2017-11-03T11:59:59.999Z'), '12 hours'))).toBe('2017-11-03T00:00:00.000Z');
    expect(iso(calendarNext(calendarFloor(t, '12 hours'), '12 hours'))).toBe('2017-11-04T00:00:00.000Z');
  });

  it('days', () => {
    expect(iso(calendarFloor(t, 'day'))).toBe('2017-11-03T00:00:00.000Z');
    expect(iso(calendarNext(calendarFloor(t, 'day'), 'day'))).toBe('2017-11-04T00:00:00.000Z');
    expect(iso(calendarNext(at('2016-02-28T00:00:00Z'), 'day'))).toBe('2016-02-29T00:00:00.000Z');
  });

  it('ISO weeks start on Monday', () => {
    expect(iso(calendarFloor(t, 'week'))).toBe('2017-10-30T00:00:00.000Z');
    expect(iso(calendarFloor(at('2017-10-23T00:00:00Z'), 'week'))).toBe('2017-10-23T00:00:00.000Z'); // a Monday is its own week
    expect(iso(calendarFloor(at('2017-10-29T23:59:59.999Z'), 'week'))).toBe('2017-10-23T00:00:00.000Z'); // the Sunday after
    expect(iso(calendarNext(at('2017-10-23T00:00:00Z'), 'week'))).toBe('2017-10-30T00:00:00.000Z');
    // Across a year end, and before 1970.
    expect(iso(calendarFloor(at('2019-01-01T00:00:00Z'), 'week'))).toBe('2018-12-31T00:00:00.000Z');
    expect(iso(calendarFloor(at('1970-01-01T00:00:00Z'), 'week'))).toBe('1969-12-29T00:00:00.000Z');
    expect(iso(calendarFloor(at('1969-12-31T12:00:00Z'), 'week'))).toBe('1969-12-29T00:00:00.000Z');
  });

  it('every week floor is a Monday at midnight, within the 7 days before', () => {
    const random = prng(9);
    for (let n = 0; n < 2000; n++) {
      const x = at('1900-01-01T00:00:00Z') + random() * 200 * 365 * DAY_MS;
      const monday = calendarFloor(x, 'week');
      expect(new Date(monday).getUTCDay()).toBe(1);
      expect(Math.abs(monday % DAY_MS)).toBe(0);
      expect(monday).toBeLessThanOrEqual(x);
      expect(x - monday).toBeLessThan(7 * DAY_MS);
    }
  });

  it('months, across a year end', () => {
    expect(iso(calendarFloor(t, 'month'))).toBe('2017-11-01T00:00:00.000Z');
    expect(iso(calendarNext(calendarFloor(t, 'month'), 'month'))).toBe('2017-12-01T00:00:00.000Z');
    expect(iso(calendarNext(at('2017-12-01T00:00:00Z'), 'month'))).toBe('2018-01-01T00:00:00.000Z');
    expect(iso(calendarFloor(at('2016-02-29T23:00:00Z'), 'month'))).toBe('2016-02-01T00:00:00.000Z');
    expect(iso(calendarNext(at('2016-02-01T00:00:00Z'), 'month'))).toBe('2016-03-01T00:00:00.000Z');
    expect(iso(calendarNext(at('2017-01-01T00:00:00Z'), 'month'))).toBe('2017-02-01T00:00:00.000Z');
  });

  it('quarters start in January, April, July and October', () => {
    expect(iso(calendarFloor(t, 'quarter'))).toBe('2017-10-01T00:00:00.000Z');
    expect(iso(calendarNext(calendarFloor(t, 'quarter'), 'quarter'))).toBe('2018-01-01T00:00:00.000Z');
    expect(iso(calendarFloor(at('2017-03-31T23:59:59Z'), 'quarter'))).toBe('2017-01-01T00:00:00.000Z');
    expect(iso(calendarFloor(at('2017-04-01T00:00:00Z'), 'quarter'))).toBe('2017-04-01T00:00:00.000Z');
    expect(iso(calendarNext(at('2017-01-01T00:00:00Z'), 'quarter'))).toBe('2017-04-01T00:00:00.000Z');
    expect(iso(calendarNext(at('2017-07-01T00:00:00Z'), 'quarter'))).toBe('2017-10-01T00:00:00.000Z');
  });

  it('years and decades', () => {
    expect(iso(calendarFloor(t, 'year'))).toBe('2017-01-01T00:00:00.000Z');
    expect(iso(calendarNext(calendarFloor(t, 'year'), 'year'))).toBe('2018-01-01T00:00:00.000Z');
    expect(iso(calendarFloor(at('2017-01-01T00:00:00Z'), 'year'))).toBe('2017-01-01T00:00:00.000Z');
    expect(iso(calendarFloor(t, 'decade'))).toBe('2010-01-01T00:00:00.000Z');
    expect(iso(calendarNext(calendarFloor(t, 'decade'), 'decade'))).toBe('2020-01-01T00:00:00.000Z');
    expect(iso(calendarFloor(at('2010-01-01T00:00:00Z'), 'decade'))).toBe('2010-01-01T00:00:00.000Z');
    expect(iso(calendarFloor(at('2009-12-31T23:59:59Z'), 'decade'))).toBe('2000-01-01T00:00:00.000Z');
    expect(iso(calendarFloor(at('1969-06-01T00:00:00Z'), 'decade'))).toBe('1960-01-01T00:00:00.000Z');
    expect(calendarFloor(utcDay(1916, 5, 16), 'decade')).toBe(utcDay(1910, 1, 1));
    expect(calendarNext(utcDay(1910, 1, 1), 'decade')).toBe(utcDay(1920, 1, 1));
  });

  it('for every unit: floor <= t < next(floor), and floors and steps land on bin starts', () => {
    const random = prng(10);
    for (const unit of CALENDAR_UNITS) {
      for (let n = 0; n < 300; n++) {
        const x = at('1910-01-01T00:00:00Z') + random() * 120 * 365 * DAY_MS;
        const floor = calendarFloor(x, unit);
        const next = calendarNext(floor, unit);
        expect(floor, unit).toBeLessThanOrEqual(x);
        expect(next, unit).toBeGreaterThan(x);
        expect(calendarFloor(floor, unit), unit).toBe(floor);
        expect(calendarFloor(next, unit), unit).toBe(next);
        expect(calendarFloor(next - 1, unit), unit).toBe(floor);
      }
    }
  });
});


describe('the longer units', () => {
  it('5 years, 50 years, centuries, 500 years and millennia start on their round years', () => {
    const t = utcDay(2017, 11, 3);
    expect(calendarFloor(t, '5 years')).toBe(utcDay(2015, 1, 1));
    expect(calendarNext(utcDay(2015, 1, 1), '5 years')).toBe(utcDay(2020, 1, 1));
    expect(calendarFloor(t, '50 years')).toBe(utcDay(2000, 1, 1));
    expect(calendarFloor(t, 'century')).toBe(utcDay(2000, 1, 1));
    expect(calendarFloor(utcDay(1916, 5, 16), 'century')).toBe(utcDay(1900, 1, 1));
    expect(calendarFloor(utcDay(1916, 5, 16), '500 years')).toBe(utcDay(1500, 1, 1));
    expect(calendarFloor(t, 'millennium')).toBe(utcDay(2000, 1, 1));
    // Never before year 1: the first century starts on 1 January of year 1.
    expect(calendarFloor(utcDay(50, 6, 1), 'century')).toBe(utcDay(1, 1, 1));
  });

  it('typical lengths grow from unit to unit', () => {
    for (let k = 1; k < CALENDAR_UNITS.length; k++) expect(approxUnitMs(CALENDAR_UNITS[k]!)).toBeGreaterThan(approxUnitMs(CALENDAR_UNITS[k - 1]!));
  });
});
