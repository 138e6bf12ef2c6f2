// pieces: a matched text cut at its hits into plain and marked pieces (text only, rendered as text
// nodes); fieldLabel names the field, and whose other name or alias matched.
import { describe, expect, it } from 'vitest';
import { fieldLabel, pieces } from './highlight';

describe('pieces', () => {
  it('cuts the text at the hits, marked and unmarked in order', () => {
    expect(pieces('Clashes in Deir ez-Zor today', [[11, 22]])).toEqual([
      { text: 'Clashes in ', hit: false },
      { text: 'Deir ez-Zor', hit: true },
      { text: ' today', hit: false }
    ]);
    expect(pieces('ISIS', [[0, 4]])).toEqual([{ text: 'ISIS', hit: true }]);
    expect(pieces('no match', [])).toEqual([{ text: 'no match', hit: false }]);
  });

  it('keeps markup as text, and hits out of range or overlapping within the text', () => {
    const text = '<img src=x onerror=alert(1)> IS';
    expect(pieces(text, [[29, 31]]).map((p) => p.text).join('')).toBe(text);
    expect(pieces('abc', [[1, 10], [0, 2]])).toEqual([
      { text: 'a', hit: false },
      { text: 'bc', hit: true }
    ]);
  });
});

describe('fieldLabel', () => {
  it('names the field, and the main name for another name or an alias', () => {
    expect(fieldLabel({ field: 'notes', text: '', hits: [] })).toBe('notes');
    expect(fieldLabel({ field: 'place', text: 'البوكمال', hits: [], of: 'Albu Kamal' })).toBe('place, other name of Albu Kamal');
    expect(fieldLabel({ field: 'actor', text: 'IS', hits: [], of: 'Islamic State (IS)' })).toBe('actor, alias of Islamic State (IS)');
  });
});
