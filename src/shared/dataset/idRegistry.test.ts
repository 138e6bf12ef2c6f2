// IdRegistry: finds the first holder of a repeated id, across growth of its table, and keeps
// look-alike ids apart.
import { describe, expect, it } from 'vitest';
import { IdRegistry } from './idRegistry';

describe('IdRegistry', () => {
  it('returns -1 for a new id and the first index for a repeated one', () => {
    const r = new IdRegistry(4);
    expect(r.add('a', 0)).toBe(-1);
    expect(r.add('b', 1)).toBe(-1);
    expect(r.add('a', 2)).toBe(0);
    expect(r.add('a', 3)).toBe(0);
    expect(r.add('b', 4)).toBe(1);
  });

  it('keeps working past the size it was made for', () => {
    const r = new IdRegistry(2);
    for (let i = 0; i < 50_000; i++) expect(r.add(`event-${i}`, i)).toBe(-1);
    for (let i = 0; i < 50_000; i += 997) expect(r.add(`event-${i}`, 99_999)).toBe(i);
  });

  it('does not confuse ids that differ only slightly, nor prototype names', () => {
    const r = new IdRegistry();
    const ids = ['constructor', '__proto__', 'toString', 'ab', 'ba', 'a', 'A', '\u00e9', 'e\u0301'];
    ids.forEach((id, i) => expect(r.add(id, i)).toBe(-1));
    ids.forEach((id, i) => expect(r.add(id, 100 + i)).toBe(i));
  });
});
