// The matching side of SearchIndex: postings (events of each word or pair, varint-coded gaps) ORed
// into per-event bits, the word and pair ids of places' and actors' names, and collecting the events
// that have every bit. Pure functions over typed arrays.
import { foldLinked, Linker } from './linkedWords';
import type { PairTable, Vocabulary } from './vocabulary';

/** Events of each id: ascending, as varint-coded gaps in bytes[offsets[id]..offsets[id + 1]). */
export interface Postings {
  readonly offsets: Uint32Array;
  readonly bytes: Uint8Array;
}

/** Word ids and pair ids of each place (or actor)'s names (deduplicated), as CSR. */
export interface EntityIds {
  readonly wordOffsets: Uint32Array;
  readonly words: Uint32Array;
  readonly pairOffsets: Uint32Array;
  readonly pairs: Uint32Array;
}

export function entityIds(names: readonly (readonly string[])[], vocab: Vocabulary, pairTable: PairTable): EntityIds {
  const wordOffsets = new Uint32Array(names.length + 1);
  const pairOffsets = new Uint32Array(names.length + 1);
  const words: number[] = [];
  const pairs: number[] = [];
  const linker = new Linker(vocab.pairFlags);
  names.forEach((list, e) => {
    const seenWords = new Set<number>();
    const seenPairs = new Set<number>();
    const pair = (a: number, b: number) => {
      const p = pairTable.keep(a, b);
      if (p >= 0 && !seenPairs.has(p)) {
        seenPairs.add(p);
        pairs.push(p);
      }
    };
    for (const name of list) {
      linker.reset();
      for (const w of foldLinked(name)) {
        const id = vocab.id(w.word);
        if (!seenWords.has(id)) {
          seenWords.add(id);
          words.push(id);
        }
        linker.push(id, w.link, pair);
      }
    }
    wordOffsets[e + 1] = words.length;
    pairOffsets[e + 1] = pairs.length;
  });
  return { wordOffsets, words: Uint32Array.from(words), pairOffsets, pairs: Uint32Array.from(pairs) };
}

/** Marks each id with the bit and ORs the bit into the events of its postings (once per id). */
export function markPostings(ids: readonly number[], marks: Uint32Array, bit: number, bits: Uint32Array, postings: Postings): void {
  for (const id of ids) {
    if ((marks[id]! & bit) !== 0) continue;
    marks[id]! |= bit;
    orPostings(bits, postings.bytes, postings.offsets[id]!, postings.offsets[id + 1]!, bit);
  }
}

/** [lo, hi) of a sorted list of strings starting with `prefix`. */
export function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const lowerBound = (s: string) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [lowerBound(prefix), lowerBound(prefix + '\uffff')];
}

/** bits[e] |= bit for every event of a varint-coded posting list. */
export function orPostings(bits: Uint32Array, postings: Uint8Array, from: number, to: number, bit: number): void {
  let e = -1;
  let k = from;
  while (k < to) {
    let b = postings[k++]!;
    let gap = b & 0x7f;
    let shift = 7;
    while (b >= 0x80) {
      b = postings[k++]!;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    }
    e += gap;
    bits[e]! |= bit;
  }
}

/** Indices of the events whose bits (with their places' and actors') are all set, in one pass. */
export function collect(
  bits: Uint32Array,
  full: number,
  within: Uint8Array | undefined,
  placeBits: Uint32Array | undefined,
  placeOffsets: Uint32Array,
  placeIndex: Uint32Array,
  actorBits: Uint32Array | undefined,
  actorOffsets: Uint32Array,
  actorIndex: Uint32Array,
  scratch: Uint32Array
): Uint32Array {
  const n = bits.length;
  let found = 0;
  for (let i = 0; i < n; i++) {
    if (within !== undefined && within[i] === 0) continue;
    let b = bits[i]!;
    if (placeBits !== undefined) for (let k = placeOffsets[i]!, end = placeOffsets[i + 1]!; k < end; k++) b |= placeBits[placeIndex[k]!]!;
    if (actorBits !== undefined) for (let k = actorOffsets[i]!, end = actorOffsets[i + 1]!; k < end; k++) b |= actorBits[actorIndex[k]!]!;
    scratch[found] = i;
    found += b === full ? 1 : 0;
  }
  return scratch.slice(0, found);
}

export function allIndices(n: number, within: Uint8Array | undefined): Uint32Array {
  if (!within) {
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += within[i] === 0 ? 0 : 1;
  const out = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) if (within[i] !== 0) out[k++] = i;
  return out;
}

/** Per place (or actor), the OR of the marks of its words and pairs; undefined when none is marked. */
export function entityBits(e: EntityIds, marks: Uint32Array, pairMarks: Uint32Array): Uint32Array | undefined {
  const count = e.wordOffsets.length - 1;
  let bits: Uint32Array | undefined;
  for (let x = 0; x < count; x++) {
    let b = 0;
    for (let k = e.wordOffsets[x]!, end = e.wordOffsets[x + 1]!; k < end; k++) b |= marks[e.words[k]!]!;
    for (let k = e.pairOffsets[x]!, end = e.pairOffsets[x + 1]!; k < end; k++) b |= pairMarks[e.pairs[k]!]!;
    if (b !== 0) (bits ??= new Uint32Array(count))[x] = b;
  }
  return bits;
}
