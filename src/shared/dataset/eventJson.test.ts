// EventJsonWriter writes exactly what JSON.stringify writes, for events of every importer, odd
// text and odd values, and reuses the text of shared objects.
import { describe, expect, it } from 'vitest';
import { syntheticAcledCsv } from '../../../tests/support/syntheticAcled';
import { prng } from '../../../tests/support/prng';
import { importText } from '../import/importText';
import { EventJsonWriter } from './eventJson';

const ODD_STRINGS = [
  '',
  'plain',
  'quote " inside',
  'back\\slash',
  'new\nline\r\ttab',
  '\u0000\u001f control',
  '\u2028 line separator \u2029',
  'دير الزور',
  '😀 emoji',
  'lone \ud800 high',
  'lone \udc00 low',
  '\udc00\ud800 reversed pair',
  '</script><script>alert(1)</script>',
  '__proto__'
];

describe('EventJsonWriter', () => {
  it('writes what JSON.stringify writes, for odd strings in every position', () => {
    const w = new EventJsonWriter();
    for (const s of ODD_STRINGS) {
      const e = { id: s, title: s, start: { value: s, precision: 'day' }, tags: [s, s], citations: [{ source: s, quote: s }], [s]: s };
      expect(w.text(e)).toBe(JSON.stringify(e));
    }
  });

  it('writes odd values as JSON.stringify does: undefined left out, NaN and Infinity as null, nested lists, -0, large numbers', () => {
    const w = new EventJsonWriter();
    const values: unknown[] = [undefined, null, true, false, 0, -0, 1.5, 1e21, -1e-7, NaN, Infinity, -Infinity, [], {}, [undefined, NaN, () => 1], [[1, [2]], { a: [3] }], { a: undefined, b: 1 }, new Date(0), () => 1, Symbol('s')];
    for (const v of values) {
      const e = { id: 'x', v, list: [v, 'a', v], nested: { v } };
      expect(w.text(e)).toBe(JSON.stringify(e));
    }
    expect(w.text({})).toBe('{}');
    expect(w.text({ a: undefined })).toBe('{}');
    // Integer-like keys come first, as in JSON.stringify.
    const keys = { b: 1, 2: 'two', a: 2, 1: 'one' };
    expect(w.text(keys)).toBe(JSON.stringify(keys));
  });

  it('falls back to JSON.stringify for objects that are not plain or have toJSON', () => {
    const w = new EventJsonWriter();
    const withToJson = { id: 'x', toJSON: () => ({ replaced: true }) };
    expect(w.text(withToJson)).toBe(JSON.stringify(withToJson));
    class Custom {
      id = 'c';
      get title(): string {
        return 'from a getter';
      }
    }
    expect(w.text(new Custom())).toBe(JSON.stringify(new Custom()));
    const nullProto = Object.assign(Object.create(null) as object, { id: 'n' });
    expect(w.text(nullProto)).toBe(JSON.stringify(nullProto));
  });

  it('reuses the text of an object met again (which must not change once written)', () => {
    const w = new EventJsonWriter();
    const shared = { value: '2017-11-03', precision: 'day' };
    expect(w.text({ id: 'a', start: shared })).toBe('{"id":"a","start":{"value":"2017-11-03","precision":"day"}}');
    shared.value = 'changed';
    // The contract: written objects are not changed after. The text reused shows it was remembered.
    expect(w.text({ id: 'b', start: shared })).toBe('{"id":"b","start":{"value":"2017-11-03","precision":"day"}}');
    // A fresh writer sees the change.
    expect(new EventJsonWriter().text({ id: 'b', start: shared })).toBe(JSON.stringify({ id: 'b', start: shared }));
  });

  it('writes every event of imports (ACLED, with shared dates, citations and figures) as JSON.stringify does', () => {
    const outcome = importText(syntheticAcledCsv(3000, 7), 'synthetic.csv', { format: 'acled' });
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const w = new EventJsonWriter();
    const events = outcome.result.dataset.events;
    expect(events.length).toBe(3000);
    for (const e of events) expect(w.text(e)).toBe(JSON.stringify(e));
  });

  it('agrees with JSON.stringify on random nested values', () => {
    const random = prng(20171103);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const shared = [{ source: 'wire' }, { value: 3, unit: 'killed' }, ['x', 'y']];
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.3) return pick([...ODD_STRINGS, 0, -1.25, 1e300, NaN, null, true, undefined]);
      if (r < 0.45) return pick(shared);
      if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [pick(['a', 'id', '7', '__proto__x', `k${i}`]), value(depth + 1)]));
    };
    const w = new EventJsonWriter();
    for (let i = 0; i < 2000; i++) {
      const e = Object.fromEntries(Array.from({ length: 1 + Math.floor(random() * 6) }, (_, k) => [pick(['id', 'title', 'start', 'tags', 'figures', '3', `f${k}`]), value(0)]));
      expect(w.text(e)).toBe(JSON.stringify(e));
    }
  });
});
