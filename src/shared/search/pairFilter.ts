// Which pairs of neighbouring words SearchIndex keeps: those a query can ask for. Queries ask for
// pairs in two ways only (queryPlan.ts): the names of alias groups ("Islamic State", "Abu Kamal")
// and compound words split in two ("air strike"). Keeping every pair would double the time to build
// the index and its size (measured on a million events), for pairs nothing can look up; so a word
// is flagged, when first met, by whether it can start or end such a pair, and only pairs of a
// flagged word and a flagged word are looked at.
import type { AliasTable } from './aliases';
import { COMPOUND_WORDS } from './aliasData';
import type { FoldedWord } from './fold';

/** Word flags: may be the first word of a pair kept, may be the second. */
export const PAIR_START = 1;
export const PAIR_END = 2;

/** Shortest half of a split compound (queryPlan.ts). */
const MIN_HALF = 3;

/**
 * Keys of words (skeleton, or "=" and the letters of an acronym: words that are the same by
 * letters share it) as in alias names, and literal halves of compounds.
 */
export class PairFilter {
  readonly #startKeys = new Set<string>();
  readonly #endKeys = new Set<string>();
  readonly #aliasPairs = new Set<string>();
  readonly #startHalves = new Set<string>();
  readonly #endHalves = new Set<string>();
  readonly #compounds = new Set<string>();

  constructor(aliases: AliasTable | undefined, compounds: readonly string[] = COMPOUND_WORDS) {
    for (let g = 0; aliases && g < aliases.size; g++) {
      for (const name of aliases.names(g)) {
        for (const [a, b] of name.pairs) {
          const firsts = keysOf(name.words[a]!.word);
          const seconds = keysOf(name.words[b]!.word);
          for (const first of firsts) this.#startKeys.add(first);
          for (const second of seconds) this.#endKeys.add(second);
          for (const first of firsts) for (const second of seconds) this.#aliasPairs.add(`${first} ${second}`);
        }
      }
    }
    for (const c of compounds) {
      for (const word of [c, `${c}s`]) {
        this.#compounds.add(word);
        for (let k = MIN_HALF; k <= word.length - MIN_HALF; k++) {
          this.#startHalves.add(word.slice(0, k));
          this.#endHalves.add(word.slice(k));
        }
      }
    }
  }

  /** PAIR_START and PAIR_END bits of a word. */
  flags(word: FoldedWord): number {
    const key = pairKey(word);
    let f = 0;
    if (this.#startKeys.has(key) || this.#startHalves.has(word.literal)) f |= PAIR_START;
    if (this.#endKeys.has(key) || this.#endHalves.has(word.literal)) f |= PAIR_END;
    return f;
  }

  /** Is a pair of these words kept: neighbours in an alias name (by their letters), or the halves of a compound? */
  wanted(first: FoldedWord, second: FoldedWord): boolean {
    if (this.#aliasPairs.has(`${pairKey(first)} ${pairKey(second)}`)) return true;
    return first.skeleton !== '' && second.skeleton !== '' && this.#compounds.has(first.literal + second.literal);
  }
}

/** Words the same by their letters have the same skeleton (acronyms: the same letters). */
function pairKey(word: FoldedWord): string {
  return word.skeleton === '' ? `=${word.literal}` : word.skeleton;
}

/** Keys of the words a word of a name is by its letters (Vocabulary.sameWords): "pmu" is also the acronym PMU. */
function keysOf(word: FoldedWord): string[] {
  const keys = [pairKey(word)];
  if (word.skeleton !== '' && word.arabic !== true && word.literal.length >= 3) keys.push(`=${word.literal}`);
  return keys;
}
