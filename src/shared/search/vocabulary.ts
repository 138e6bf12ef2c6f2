// The distinct words of a dataset (each with an id), and the distinct pairs of neighbouring words
// (see linkedWords.ts), for SearchIndex. A pair is two word ids, kept in typed arrays: no string is
// made for it, however many a dataset has.
import { isShortSkeleton, shapeOf, vowelsAgree, type FoldedWord } from './fold';

/** Key of a word among the ids: acronyms (no skeleton) are words of their own. */
export function wordKey(word: FoldedWord): string {
  return word.skeleton === '' ? `=${word.literal}` : word.literal;
}

export class Vocabulary {
  readonly literals: string[] = [];
  readonly bySkeleton = new Map<string, number[]>();
  /** Shape of each word id ('' for acronyms), and the ids that have one. */
  readonly shapes: string[] = [];
  readonly shaped: number[] = [];
  /** 1 for a word met in Arabic script (at least once: one literal may come from both scripts). */
  readonly arabic: number[] = [];
  readonly #ids = new Map<string, number>();

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

/** Distinct pairs of word ids: an open-addressing hash table over two Uint32 columns. */
export class PairTable {
  first = new Uint32Array(1024);
  second = new Uint32Array(1024);
  size = 0;
  #slots = new Int32Array(1 << 11);

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
    }
    this.first[e] = a;
    this.second[e] = b;
    if ((e + 1) * 2 > slots.length) this.#rehash(slots.length * 2);
    else this.#place(e);
    return e;
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
    return this.first.byteLength + this.second.byteLength + this.#slots.byteLength;
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
