// The column mapping the window sends main (openWithMapping) crosses IPC checked by zod: column
// numbers for known fields, and the day/month order of dates the user chose, nothing else.
import { describe, expect, it } from 'vitest';
import { INVOKE_ARGS } from './args';

const TOKEN = 'a'.repeat(32);
const check = (mapping: unknown) => INVOKE_ARGS.openWithMapping.safeParse([TOKEN, mapping]).success;

describe('openWithMapping arguments', () => {
  it('takes columns for known fields and the date order chosen (day first or month first)', () => {
    expect(check({ date: 0, title: 1 })).toBe(true);
    expect(check({ start: 0, end: 1, title: 2, dateOrder: 'dmy' })).toBe(true);
    expect(check({ date: 3, title: 1, dateOrder: 'mdy' })).toBe(true);
    expect(INVOKE_ARGS.openWithMapping.parse([TOKEN, { date: 0, dateOrder: 'mdy' }])[1]).toEqual({ date: 0, dateOrder: 'mdy' });
  });

  it('drops an own "__proto__" key (JSON.parse makes one) and keeps the rest', () => {
    const parsed = INVOKE_ARGS.openWithMapping.parse([TOKEN, JSON.parse('{"date": 0, "__proto__": {"polluted": 1}, "dateOrder": "dmy"}') as unknown])[1];
    expect(Object.keys(parsed)).toEqual(['date', 'dateOrder']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it.each([
    ['an unknown field', { when: 0 }],
    ['an order that is neither', { date: 0, dateOrder: 'ymd' }],
    ['an order given as a number', { date: 0, dateOrder: 1 }],
    ['a column given as text', { date: '0' }],
    ['a negative column', { date: -1 }],
    ['not an object', [0, 1]]
  ])('refuses %s', (_what, mapping) => {
    expect(check(mapping)).toBe(false);
  });
});
