// PairFilter: a word is flagged when it can start or end a pair a query can ask for (neighbours in
// an alias name, by their letters; halves of a listed compound), and only such pairs are kept.
import { describe, expect, it } from 'vitest';
import { AliasTable } from './aliases';
import { foldText } from './fold';
import { PAIR_END, PAIR_START, PairFilter } from './pairFilter';
import { PairTable, Vocabulary } from './vocabulary';

const word = (text: string) => foldText(text)[0]!;

describe('PairFilter', () => {
  const filter = new PairFilter(new AliasTable([['Islamic State', 'Daesh'], ['Popular Mobilization Units', 'PMU']]), ['airstrike']);

  it('flags the words of alias names by their letters, and the halves of compounds', () => {
    expect(filter.flags(word('Islamic'))).toBe(PAIR_START);
    expect(filter.flags(word('State'))).toBe(PAIR_END);
    expect(filter.flags(word('Eslamic'))).toBe(PAIR_START);
    expect(filter.flags(word('air'))).toBe(PAIR_START);
    expect(filter.flags(word('strikes'))).toBe(PAIR_END);
    expect(filter.flags(word('fled'))).toBe(0);
    // A name word of three letters or more is also the acronym of its letters.
    expect(filter.flags(word('Mobilization'))).toBe(PAIR_START | PAIR_END);
  });

  it('wants neighbours of alias names and compound halves only', () => {
    expect(filter.wanted(word('Islamic'), word('State'))).toBe(true);
    expect(filter.wanted(word('State'), word('Islamic'))).toBe(false);
    expect(filter.wanted(word('air'), word('strike'))).toBe(true);
    expect(filter.wanted(word('air'), word('strikes'))).toBe(true);
    expect(filter.wanted(word('air'), word('State'))).toBe(false);
  });

  it('keeps in a PairTable only the pairs it wants', () => {
    const vocab = new Vocabulary(filter);
    const table = new PairTable(vocab, filter);
    const id = (t: string) => vocab.id(word(t));
    expect(table.keep(id('Islamic'), id('State'))).toBeGreaterThanOrEqual(0);
    expect(table.keep(id('fled'), id('overnight'))).toBe(-1);
    expect(table.keep(id('air'), id('State'))).toBe(-1);
    expect(table.findKept(id('Islamic'), id('State'))).toBe(table.keep(id('Islamic'), id('State')));
    expect(table.findKept(id('air'), id('State'))).toBe(-1);
    // Unflagged words are not even looked up.
    expect(table.size).toBe(2);
  });
});
