// The per-row helpers every table importer shares (rowHelpers, rowDates): numbers, lists, memos,
// ISO weeks, the sides of an event and what is done with the CSV reader's problems.
import { describe, expect, it } from 'vitest';
import { ImportBuilder } from './importBuilder';
import { isoWeekOf } from './rowDates';
import { EventSides, Memo, passOnTableProblems, PlaceLists, readDecimal, splitList } from './rowHelpers';

describe('row helpers', () => {
  it('isoWeekOf gives the ISO week, across year ends', () => {
    expect(isoWeekOf('2017-11-08')).toBe('2017-W45');
    expect(isoWeekOf('2018-12-31')).toBe('2019-W01');
    expect(isoWeekOf('2016-01-01')).toBe('2015-W53');
  });

  it('readDecimal reads points and commas, and nothing else', () => {
    expect(readDecimal('35.3359')).toBe(35.3359);
    expect(readDecimal('-40,5')).toBe(-40.5);
    expect(readDecimal('0x10')).toBeNaN();
    expect(readDecimal('1e3')).toBeNaN();
    expect(readDecimal('')).toBeNaN();
  });

  it('splitList splits on ";", trims and drops repeats', () => {
    expect(splitList('A; B;; A ;C')).toEqual(['A', 'B', 'C']);
    expect(splitList('')).toEqual([]);
  });

  it('Memo makes each value once, before and after it switches to a Map', () => {
    let made = 0;
    const memo = new Memo((k) => ({ k, n: ++made }));
    const keys = Array.from({ length: 40 }, (_, i) => `key ${i % 20}`);
    const values = keys.map((k) => memo.get(k));
    expect(made).toBe(20);
    expect(values[0]).toBe(values[20]);
    expect(values[19]).toBe(values[39]);
    expect([...memo.values()]).toHaveLength(20);
  });

  it('EventSides names an actor once on its side and keeps the same actor on both sides', () => {
    const sides = new EventSides();
    const a = { actor: 'a', role: 'participant' } as const;
    const b = { actor: 'b', role: 'participant' } as const;
    sides.add(a);
    sides.add(b);
    sides.add(a); // a listed again among its own associates
    sides.nextSide();
    sides.add(a); // the other side: two groups of one name
    sides.add(a);
    expect(sides.list).toEqual([a, b, a]);
  });

  it('PlaceLists gives one shared list per place, and none for no place', () => {
    const lists = new PlaceLists();
    expect(lists.of('p1')).toBe(lists.of('p1'));
    expect(lists.of('p1')).toEqual(['p1']);
    expect(lists.of(undefined)).toEqual([]);
  });

  it('passOnTableProblems skips the rows the reader left out and keeps warnings as warnings', () => {
    const b = new ImportBuilder('f.csv', 'acled');
    const left = passOnTableProblems(b, [
      { severity: 'error', file: 'f.csv', line: 4, message: 'the file ends in the middle of a row' },
      { severity: 'warning', file: 'f.csv', line: 2, field: 'notes', message: 'invisible' }
    ]);
    expect(left).toBe(1);
    expect(b.problems.map((p) => `${p.severity} ${p.line}`)).toEqual(['error 4', 'warning 2']);
  });
});
