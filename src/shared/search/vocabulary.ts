// The distinct words of a dataset (each with an id), and the distinct pairs of neighbouring words
// (see linkedWords.ts), for SearchIndex. A pair is two word ids, kept in typed arrays: no string is
// made for it, however many a dataset has.
import { isShortSkeleton, shapeOf, vowelsAgree, type FoldedWord } from './fold';
import { PAIR_END, PAIR_START, type PairFilter } from './pairFilter';

/** Key of a word among the ids: acronyms (no skeleton) are words of their own. */
export function wordKey(word: FoldedWord): string {
  return word.skeleton === '' ? `=${word.literal}` : word.literal;
}

export class Vocabulary {
  readonly literals: string[] = [];
  /** Skeleton of each word id ('' for acronyms). */
  readonly skeletons: string[] = [];
  /** PairFilter flags of each word id: whether pairs it starts or ends may be kept. */
  readonly pairFlags: number[] = [];
  readonly bySkeleton = new Map<string, number[]>();
  /** Shape of each word id ('' for acronyms), and the ids that have one. */
  readonly shapes: string[] = [];
  readonly shaped: number[] = [];
  /** 1 for a word met in Arabic script (at least once: one literal may come from both scripts). */
  readonly arabic: number[] = [];
  readonly #ids = new Map<string, number>();
  readonly #filter: PairFilter | undefined;

  constructor(filter?: PairFilter) {
    this.#filter = filter;
  }

  get size(): number {
    return this.literals.length;
  }

  /** Id of a folded word, added if new. */
  id(word: FoldedWord): number {
    const key = wordKey(word);
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.literals.length;
      this.#ids.set(key, id);
      this.literals.push(word.literal);
      this.skeletons.push(word.skeleton);
      this.pairFlags.push(this.#filter?.flags(word) ?? 0);
      this.shapes.push(word.skeleton === '' ? '' : shapeOf(word.literal));
      this.arabic.push(0);
      if (word.skeleton !== '') {
        this.shaped.push(id);
        const group = this.bySkeleton.get(word.skeleton);
        if (group) group.push(id);
        else this.bySkeleton.set(word.skeleton, [id]);
      }
    }
    if (word.arabic === true) this.arabic[id] = 1;
    return id;
  }

  /** The folded word of an id. */
  word(id: number): FoldedWord {
    return { literal: this.literals[id]!, skeleton: this.skeletons[id]!, ...(this.arabic[id] === 1 ? { arabic: true } : {}) };
  }

  /** Id of a word by its key (see wordKey), or -1. */
  find(key: string): number {
    return this.#ids.get(key) ?? -1;
  }

  /**
   * Ids of the words a word is by its letters (fold.ts sameByLetters): the same skeleton, with the
   * vowels of a short one agreeing. An acronym is its own letters only; a word of three letters or
   * more is also the acronym of those letters ("pmu" is PMU; "is" is not IS). `arabicOnly`: words
   * met in Arabic script only.
   */
  sameWords(word: FoldedWord & { readonly arabicOnly?: boolean }, each: (id: number) => void): void {
    if (word.arabicOnly === true) {
      this.sameWords({ ...word, arabicOnly: false }, (id) => {
        if (this.arabic[id] === 1) each(id);
      });
      return;
    }
    if (word.skeleton === '') {
      const id = this.find(wordKey(word));
      if (id >= 0) each(id);
      return;
    }
    const group = this.bySkeleton.get(word.skeleton);
    if (group) {
      if (!isShortSkeleton(word.skeleton)) for (const id of group) each(id);
      else {
        const shape = shapeOf(word.literal);
        const arabic = word.arabic === true;
        for (const id of group) if (vowelsAgree(shape, arabic, this.shapes[id]!, this.arabic[id] === 1)) each(id);
      }
    }
    if (word.literal.length >= 3 && word.arabic !== true) {
      const acronym = this.find(`=${word.literal}`);
      if (acronym >= 0) each(acronym);
    }
  }
}

/**
 * Distinct pairs of word ids: an open-addressing hash table over two Uint32 columns. With a
 * filter, only pairs of flagged words are looked at, and only those it wants are kept (see
 * pairFilter.ts); pairs looked at but not wanted are remembered as such.
 */
export class PairTable {
  first = new Uint32Array(1024);
  second = new Uint32Array(1024);
  /** 1 for a pair kept (its events indexed), 0 for one looked at and not wanted. */
  kept = new Uint8Array(1024);
  size = 0;
  #slots = new Int32Array(1 << 11);
  readonly #vocab: Vocabulary | undefined;
  readonly #filter: PairFilter | undefined;

  /** Without a filter, every pair is kept. */
  constructor(vocab?: Vocabulary, filter?: PairFilter) {
    this.#vocab = vocab;
    this.#filter = filter;
  }

  /** Id of the pair (a, b) if it is kept (added if new), else -1. */
  keep(a: number, b: number): number {
    const vocab = this.#vocab;
    if (vocab && this.#filter && ((vocab.pairFlags[a]! & PAIR_START) === 0 || (vocab.pairFlags[b]! & PAIR_END) === 0)) return -1;
    const p = this.id(a, b);
    return this.kept[p] === 1 ? p : -1;
  }

  /** Id of the pair (a, b), added if new. */
  id(a: number, b: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let s = pairHash(a, b) & mask; ; s = (s + 1) & mask) {
      const e = slots[s]! - 1;
      if (e < 0) break;
      if (this.first[e] === a && this.second[e] === b) return e;
    }
    const e = this.size++;
    if (e === this.first.length) {
      const first = new Uint32Array(e * 2);
      first.set(this.first);
      this.first = first;
      const second = new Uint32Array(e * 2);
      second.set(this.second);
      this.second = second;
      const kept = new Uint8Array(e * 2);
      kept.set(this.kept);
      this.kept = kept;
    }
    this.first[e] = a;
    this.second[e] = b;
    const vocab = this.#vocab;
    this.kept[e] = !this.#filter || !vocab || this.#filter.wanted(vocab.word(a), vocab.word(b)) ? 1 : 0;
    if ((e + 1) * 2 > slots.length) this.#rehash(slots.length * 2);
    else this.#place(e);
    return e;
  }

  /** Id of the pair (a, b) if it is kept, or -1. */
  findKept(a: number, b: number): number {
    const p = this.find(a, b);
    return p >= 0 && this.kept[p] === 1 ? p : -1;
  }

  /** Id of the pair (a, b), or -1. */
  find(a: number, b: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let s = pairHash(a, b) & mask; ; s = (s + 1) & mask) {
      const e = slots[s]! - 1;
      if (e < 0) return -1;
      if (this.first[e] === a && this.second[e] === b) return e;
    }
  }

  /** Bytes held, roughly. */
  get byteSize(): number {
    return this.first.byteLength + this.second.byteLength + this.kept.byteLength + this.#slots.byteLength;
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size);
    for (let e = 0; e < this.size; e++) this.#place(e);
  }

  #place(e: number): void {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let s = pairHash(this.first[e]!, this.second[e]!) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = e + 1;
  }
}

function pairHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}
