// parseLooseDate / decideDayMonthOrder: the dates people type, read strictly, never rolled over.
import { describe, expect, it } from 'vitest';
import { parseDateValue } from '../dataset/dates';
import { decideDayMonthOrder, monthNumber, parseLooseDate, type LooseDateOptions } from './looseDate';

function ok(text: string, options?: LooseDateOptions) {
  const r = parseLooseDate(text, options);
  if (!r.ok) throw new Error(`expected "${text}" to parse: ${r.reason}`);
  // Whatever is returned must be a value the native format accepts at that precision.
  expect(parseDateValue(r.date.value, r.date.precision).ok).toBe(true);
  return r.date;
}

function reason(text: string, options?: LooseDateOptions): string {
  const r = parseLooseDate(text, options);
  if (r.ok) throw new Error(`expected "${text}" to be refused, got ${r.date.value} (${r.date.precision})`);
  return r.reason;
}

describe('parseLooseDate: what spreadsheets hold', () => {
  it.each([
    ['2017-11-03', '2017-11-03', 'day'],
    ['2017/11/3', '2017-11-03', 'day'],
    ['2017.11.03', '2017-11-03', 'day'],
    ['2017-11', '2017-11', 'month'],
    ['2017', '2017', 'year'],
    ['2017-W43', '2017-W43', 'week'],
    ['3 November 2017', '2017-11-03', 'day'],
    ['03 November 2017', '2017-11-03', 'day'],
    ['3rd of November 2017', '2017-11-03', 'day'],
    ['01-January-2015', '2015-01-01', 'day'],
    ['3-Nov-2017', '2017-11-03', 'day'],
    ['Nov 3, 2017', '2017-11-03', 'day'],
    ['November 3rd, 2017', '2017-11-03', 'day'],
    ['Nov. 3 2017', '2017-11-03', 'day'],
    ['Sept 9, 2017', '2017-09-09', 'day'],
    ['Friday 3 November 2017', '2017-11-03', 'day'],
    ['Fri, 3 Nov 2017', '2017-11-03', 'day'],
    ['November 2017', '2017-11', 'month'],
    ['Nov 2017', '2017-11', 'month'],
    ['2017 November', '2017-11', 'month'],
    ['  3   November   2017 ', '2017-11-03', 'day'],
    ['AD 70', '0070', 'year'],
    ['70 CE', '0070', 'year']
  ])('%s → %s (%s)', (text, value, precision) => {
    const d = ok(text);
    expect(d.value).toBe(value);
    expect(d.precision).toBe(precision);
    expect(d.droppedTime).toBeUndefined();
    expect(d.warning).toBeUndefined();
  });

  it('reads month names case-insensitively, with or without a dot', () => {
    expect(monthNumber('NOV')).toBe(11);
    expect(monthNumber('nov.')).toBe(11);
    expect(monthNumber('May')).toBe(5);
    expect(monthNumber('Mayday')).toBeUndefined();
  });

  it('leap days exist only in leap years', () => {
    expect(ok('29 February 2016').value).toBe('2016-02-29');
    expect(ok('2000-02-29').value).toBe('2000-02-29');
    expect(reason('29 February 2017')).toBe('"29 February 2017" does not exist: February 2017 has 28 days');
    expect(reason('1900-02-29')).toContain('February 1900 has 28 days');
  });

  it.each(['2017-02-30', '30 February 2017', 'Feb 30, 2017', '31/04/2017', '2017-04-31', '2017-13-01', '2017-00-10', '0 May 2017'])(
    'refuses the impossible date %s instead of rolling it over',
    (text) => {
      expect(reason(text)).toMatch(/does not exist|has no month/);
    }
  );

  it.each(['44 BC', '44 B.C.', '44 BCE', '-50', '-0044-03-15'])('refuses the BCE date %s', (text) => {
    expect(reason(text)).toContain('before the year 1 are not supported');
  });

  it('refuses the year 0 and years beyond 9999', () => {
    expect(reason('0000')).toContain('year 0 is outside 1–9999');
    expect(reason('0000-01-01')).toContain('year 0 is outside');
    expect(reason('12017')).toContain('not a date this app can read');
  });

  it.each(['', '   ', 'yesterday', 'early November', 'n/a', '3 Novembre 2017', '17', '2017-11-03-04', 'November 3', '3 November'])(
    'refuses %j with a plain reason',
    (text) => {
      expect(reason(text)).toMatch(/empty|not a date this app can read/);
    }
  );

  it('checks a written weekday, keeps the date and warns when it is wrong', () => {
    expect(ok('Friday 3 November 2017').warning).toBeUndefined();
    const d = ok('Monday 3 November 2017');
    expect(d.value).toBe('2017-11-03');
    expect(d.warning).toBe('"Monday 3 November 2017": 2017-11-03 is a Friday, not a Monday; the date is kept and the weekday ignored');
  });
});

describe('parseLooseDate: times are dropped, the date as written is kept', () => {
  it.each([
    ['2017-11-03T14:30', '14:30'],
    ['2017-11-03T14:30:05', '14:30:05'],
    ['2017-11-03 00:00:00.000', '00:00:00.000'],
    ['2017-11-03T23:30:00Z', '23:30:00Z'],
    ['2017-11-03T01:30:00+03:00', '01:30:00+03:00'],
    ['03/11/2017 14:00', '14:00']
  ])('%s → 2017-11-03, time %s dropped with a warning', (text, time) => {
    const d = ok(text, { order: 'dmy' });
    // No zone conversion: 23:30Z is not moved to the 4th, 01:30+03:00 is not moved to the 2nd.
    expect(d.value).toBe('2017-11-03');
    expect(d.precision).toBe('day');
    expect(d.droppedTime).toBe(time);
    expect(d.warning).toContain(`the time "${time}" was dropped`);
  });

  it('still refuses an impossible day that carries a time', () => {
    expect(reason('2017-02-29T10:00')).toContain('February 2017 has 28 days');
  });
});

describe('parseLooseDate: approximate dates', () => {
  it.each(['c. 3 November 2017', 'about 3 November 2017', 'circa 2017-11-03', '~2017-11-03', '2017-11-03~'])('%s is an approximate day', (text) => {
    const d = ok(text);
    expect(d).toMatchObject({ value: '2017-11-03', precision: 'approximate', approximate: true });
  });

  it('keeps a coarser precision and flags it', () => {
    expect(ok('c. 2017')).toMatchObject({ value: '2017', precision: 'year', approximate: true });
    expect(ok('around November 2017')).toMatchObject({ value: '2017-11', precision: 'month', approximate: true });
  });
});

describe('parseLooseDate: numeric dates and day/month order', () => {
  it('reads a date that only reads one way without an order', () => {
    expect(ok('25/12/2017').value).toBe('2017-12-25');
    expect(ok('12/25/2017').value).toBe('2017-12-25');
    expect(ok('3.3.2017').value).toBe('2017-03-03');
  });

  it('refuses a date that reads both ways without an order', () => {
    expect(reason('03/11/2017')).toBe(
      '"03/11/2017" is ambiguous: it could be 3 November or March 11, and its column does not show which order it uses'
    );
  });

  it('reads with the column order and says when the order decided it', () => {
    expect(ok('03/11/2017', { order: 'dmy' })).toMatchObject({ value: '2017-11-03', orderUsed: 'dmy' });
    expect(ok('03/11/2017', { order: 'mdy' })).toMatchObject({ value: '2017-03-11', orderUsed: 'mdy' });
    expect(ok('25/12/2017', { order: 'dmy' }).orderUsed).toBeUndefined();
  });

  it('refuses a value that contradicts the column order', () => {
    expect(reason('25/12/2017', { order: 'mdy' })).toBe('"25/12/2017" has no month 25 (this column writes the month first)');
    expect(reason('31/31/2017')).toContain('neither 31 nor 31 is a month');
  });

  it('never rolls over a numeric date', () => {
    expect(reason('30/02/2017', { order: 'dmy' })).toContain('February 2017 has 28 days');
    expect(reason('02/30/2017', { order: 'mdy' })).toContain('February 2017 has 28 days');
  });

  it('reads two-digit years only when the year is known', () => {
    expect(reason('03-11-17', { order: 'dmy' })).toContain('two-digit year');
    expect(ok('03-11-17', { order: 'dmy', year: 2017 }).value).toBe('2017-11-03');
    expect(ok('3-Nov-17', { year: 2017 }).value).toBe('2017-11-03');
    expect(reason('3-Nov-17')).toContain('two-digit year');
    expect(reason('3-Nov-16', { year: 2017 })).toContain('does not match the year 2017');
  });
});

describe('decideDayMonthOrder', () => {
  it('day-first when some value has a day above 12', () => {
    const d = decideDayMonthOrder(['03/11/2017', '2017-01-01', '25/11/2017', '']);
    expect(d).toEqual({ order: 'dmy', basis: 'evidence', dayFirstAt: 2, monthFirstAt: -1, ambiguousAt: 0 });
  });

  it('month-first when some value has a day above 12 in second place', () => {
    expect(decideDayMonthOrder(['11/03/2017', '11/25/2017 10:00'])).toMatchObject({ order: 'mdy', basis: 'evidence', monthFirstAt: 1 });
  });

  it('assumes day-first, and says so, when every value reads both ways', () => {
    expect(decideDayMonthOrder(['03/11/2017', '04/11/2017', '05/05/2017'])).toEqual({
      order: 'dmy',
      basis: 'assumed',
      dayFirstAt: -1,
      monthFirstAt: -1,
      ambiguousAt: 0
    });
  });

  it('reports a column that uses both orders', () => {
    expect(decideDayMonthOrder(['25/12/2017', '12/25/2017', '03/04/2017'])).toEqual({
      order: undefined,
      basis: 'mixed',
      dayFirstAt: 0,
      monthFirstAt: 1,
      ambiguousAt: 2
    });
  });

  it('has nothing to decide without numeric dates', () => {
    expect(decideDayMonthOrder(['2017-11-03', '3 November 2017', '05/05/2017'])).toMatchObject({ order: undefined, basis: 'none' });
  });
});
