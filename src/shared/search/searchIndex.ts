// Full-text search over columnar events, transliteration-aware (see fold.ts): titles and summaries
// of events, names and alternative spellings of their places, names and aliases of their actors.
// Built once from the columns and the header (in a worker: no DOM, no Node APIs), then a query
// reads only the postings of the words it matches.
//
// Every distinct folded word of the dataset gets an id (the vocabulary). Each word keeps the events
// whose title or summary has it (postings: ascending, varint-coded gaps); a place or actor keeps
// the ids of the words of its names, folded once however many events name it. A query word marks
// the ids of the words it matches (same skeleton: a lookup; literal or shape prefix: a range of a
// sorted list), ORs its bit into the events of their postings, and into the places and actors
// whose names have them; an event matches when it has, with its places and actors, every bit.
//
// Titles and summaries are read from their UTF-8 tables without decoding: words are hashed byte by
// byte and looked up in a table of the chunks of text seen, so each distinct one is folded once.
import { stringAt, type DatasetHeader, type EventColumns, type StringTable } from '../dataset/columns';
import { compileQuery, foldRawWord, foldText, isShortSkeleton, rawParts, shapeOf, vowelsAgree, type FoldedWord, type QueryWord, type SearchQuery } from './fold';

export interface SearchIndexOptions {
  /** Search summaries (notes) too; default true. */
  readonly summaries?: boolean;
  /** Read text from the bytes, word by word (default true; false folds each text whole, for tests of both paths). */
  readonly byteFastPath?: boolean;
}

/** Most query words one pass handles (bits of a 32-bit mask); longer queries take several passes. */
const WORDS_PER_PASS = 30;

export class SearchIndex {
  readonly count: number;
  /** Distinct folded words. */
  readonly vocabularySize: number;
  /** Literal form of each word id. */
  readonly #literals: readonly string[];
  /** Word ids in order of their literal forms; and the literals in that order (binary search). */
  readonly #sorted: Uint32Array;
  readonly #sortedLiterals: readonly string[];
  /** Word ids by skeleton. */
  readonly #bySkeleton: ReadonlyMap<string, readonly number[]>;
  /** Shape of each word id ('' for acronyms), and 1 where the word was met in Arabic script. */
  readonly #shapes: readonly string[];
  readonly #arabic: Uint8Array;
  /** Ids of the words with a skeleton (not acronyms) in order of their shapes, and the shapes in that order. */
  readonly #byShape: Uint32Array;
  readonly #sortedShapes: readonly string[];
  /** Events of each word (its title or summary has it): ascending, as varint-coded gaps in #postings[#postingOffsets[w]..[w + 1]). */
  readonly #postingOffsets: Uint32Array;
  readonly #postings: Uint8Array;
  readonly #placeOffsets: Uint32Array;
  readonly #placeWords: Uint32Array;
  readonly #actorOffsets: Uint32Array;
  readonly #actorWords: Uint32Array;
  readonly #cols: EventColumns;
  #marks: Uint32Array | undefined;
  #bits: Uint32Array | undefined;
  #scratch: Uint32Array | undefined;

  constructor(cols: EventColumns, header: DatasetHeader, options: SearchIndexOptions = {}) {
    this.#cols = cols;
    const n = cols.count;
    this.count = n;
    const vocab = new Vocabulary();

    const places = entityWords(
      header.places.map((p) => [p.name, ...p.altNames.map((a) => a.name)]),
      vocab
    );
    this.#placeOffsets = places.offsets;
    this.#placeWords = places.words;
    const actors = entityWords(
      header.actors.map((a) => [a.name, ...a.aliases]),
      vocab
    );
    this.#actorOffsets = actors.offsets;
    this.#actorWords = actors.words;

    // Events: the words of title and summary, per event (deduplicated), then turned into postings.
    const tables: StringTable[] = [cols.titles];
    if (options.summaries !== false) tables.push(cols.summaries);
    const forward = new EventWords(n, tables.reduce((sum, t) => sum + t.bytes.length, 0));
    const reader = new TextWords(vocab, forward, options.byteFastPath !== false);
    for (let i = 0; i < n; i++) {
      forward.begin(i);
      for (const table of tables) reader.read(table, i);
      forward.end(i);
    }
    const postings = invert(forward, n, vocab.size);
    this.#postingOffsets = postings.offsets;
    this.#postings = postings.bytes;

    this.vocabularySize = vocab.size;
    this.#literals = vocab.literals;
    const ids = new Uint32Array(vocab.size);
    for (let k = 0; k < ids.length; k++) ids[k] = k;
    const lit = vocab.literals;
    ids.sort((a, b) => (lit[a]! < lit[b]! ? -1 : lit[a]! > lit[b]! ? 1 : a - b));
    this.#sorted = ids;
    this.#sortedLiterals = Array.from(ids, (id) => lit[id]!);
    this.#bySkeleton = vocab.bySkeleton;
    this.#shapes = vocab.shapes;
    this.#arabic = Uint8Array.from(vocab.arabic);
    const shapeIds = Uint32Array.from(vocab.shaped);
    const shapes = vocab.shapes;
    shapeIds.sort((a, b) => (shapes[a]! < shapes[b]! ? -1 : shapes[a]! > shapes[b]! ? 1 : a - b));
    this.#byShape = shapeIds;
    this.#sortedShapes = Array.from(shapeIds, (id) => shapes[id]!);
  }

  /** Bytes the index holds in typed arrays (postings, lists), roughly. */
  get byteSize(): number {
    return this.#postings.byteLength + this.#postingOffsets.byteLength + this.#sorted.byteLength + this.#placeWords.byteLength + this.#actorWords.byteLength;
  }

  /**
   * Column indices (ascending) of the events matching the query: every query word matches a word
   * of the event's title, summary, places' names or actors' names. A query without words matches
   * every event. `within`: a mask over events (1 = may match), e.g. a filter's.
   */
  search(query: string | SearchQuery, within?: Uint8Array): Uint32Array {
    const q = typeof query === 'string' ? compileQuery(query) : query;
    if (within && within.length !== this.count) throw new RangeError(`mask of ${within.length} for ${this.count} events`);
    if (q.words.length === 0) return allIndices(this.count, within);
    let mask = within;
    let result: Uint32Array | undefined;
    for (let from = 0; from < q.words.length; from += WORDS_PER_PASS) {
      if (result) {
        mask = new Uint8Array(this.count);
        for (let k = 0; k < result.length; k++) mask[result[k]!] = 1;
      }
      result = this.#pass(q.words.slice(from, from + WORDS_PER_PASS), mask);
      if (result.length === 0) break;
    }
    return result!;
  }

  /** Literal forms of the dataset's words a query word matches (for tests and highlighting). */
  matchingWords(word: QueryWord | string): string[] {
    const w = typeof word === 'string' ? compileQuery(word).words[0] : word;
    if (!w) return [];
    const out = new Set<number>();
    this.#mark(w, (id) => out.add(id));
    return [...out].map((id) => this.#literals[id]!).sort();
  }

  /** Calls `each` with the id of every word the query word matches (see fold.ts wordMatches); an id may come twice. */
  #mark(word: QueryWord, each: (id: number) => void): void {
    const [lo, hi] = prefixRange(this.#sortedLiterals, word.literal);
    for (let k = lo; k < hi; k++) each(this.#sorted[k]!);
    if (word.skeleton === '') return;
    const group = this.#bySkeleton.get(word.skeleton) ?? [];
    if (!isShortSkeleton(word.skeleton)) for (const id of group) each(id);
    else {
      // A short skeleton: only words whose vowels agree (see fold.ts sameByLetters).
      const shape = shapeOf(word.literal);
      const arabic = word.arabic === true;
      for (const id of group) if (vowelsAgree(shape, arabic, this.#shapes[id]!, this.#arabic[id] === 1)) each(id);
    }
    if (word.open) {
      const [from, to] = prefixRange(this.#sortedShapes, shapeOf(word.literal));
      for (let k = from; k < to; k++) each(this.#byShape[k]!);
    }
  }

  /** Events matching every one of up to WORDS_PER_PASS words. */
  #pass(words: readonly QueryWord[], within: Uint8Array | undefined): Uint32Array {
    const n = this.count;
    const marks = (this.#marks ??= new Uint32Array(this.vocabularySize));
    const bits = (this.#bits ??= new Uint32Array(n));
    marks.fill(0);
    bits.fill(0);
    const offsets = this.#postingOffsets;
    const postings = this.#postings;
    for (let j = 0; j < words.length; j++) {
      const bit = 1 << j;
      let any = false;
      this.#mark(words[j]!, (id) => {
        if ((marks[id]! & bit) !== 0) return;
        marks[id]! |= bit;
        any = true;
        // The word's events, from its postings.
        orPostings(bits, postings, offsets[id]!, offsets[id + 1]!, bit);
      });
      // A word nothing in the dataset matches: no event can match.
      if (!any) return new Uint32Array(0);
    }
    const full = (1 << words.length) - 1;
    const placeBits = entityBits(this.#placeOffsets, this.#placeWords, marks);
    const actorBits = entityBits(this.#actorOffsets, this.#actorWords, marks);
    const c = this.#cols;
    const scratch = (this.#scratch ??= new Uint32Array(n));
    return collect(bits, full, within, placeBits, c.placeOffsets, c.placeIndex, actorBits, c.actorOffsets, c.actorIndex, scratch);
  }
}

/** [lo, hi) of a sorted list of strings starting with `prefix`. */
function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
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
function orPostings(bits: Uint32Array, postings: Uint8Array, from: number, to: number, bit: number): void {
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
function collect(
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

/** Build the search index of a dataset (same as `new SearchIndex`). */
export function buildSearchIndex(cols: EventColumns, header: DatasetHeader, options?: SearchIndexOptions): SearchIndex {
  return new SearchIndex(cols, header, options);
}

function allIndices(n: number, within: Uint8Array | undefined): Uint32Array {
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

/** Per place (or actor), the OR of the marks of its words; undefined when none is marked. */
function entityBits(offsets: Uint32Array, words: Uint32Array, marks: Uint32Array): Uint32Array | undefined {
  const count = offsets.length - 1;
  let bits: Uint32Array | undefined;
  for (let e = 0; e < count; e++) {
    let b = 0;
    for (let k = offsets[e]!, end = offsets[e + 1]!; k < end; k++) b |= marks[words[k]!]!;
    if (b !== 0) (bits ??= new Uint32Array(count))[e] = b;
  }
  return bits;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

class Vocabulary {
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

  /** Id of a folded word, added if new. Acronyms (no skeleton) are words of their own. */
  id(word: FoldedWord): number {
    const key = word.skeleton === '' ? `=${word.literal}` : word.literal;
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
}

/** Word ids of each entity's names (deduplicated), as CSR. */
function entityWords(names: readonly (readonly string[])[], vocab: Vocabulary): { offsets: Uint32Array; words: Uint32Array } {
  const offsets = new Uint32Array(names.length + 1);
  const words: number[] = [];
  names.forEach((list, e) => {
    const seen = new Set<number>();
    for (const name of list) {
      for (const w of foldText(name)) {
        const id = vocab.id(w);
        if (!seen.has(id)) {
          seen.add(id);
          words.push(id);
        }
      }
    }
    offsets[e + 1] = words.length;
  });
  return { offsets, words: Uint32Array.from(words) };
}

// ---------------------------------------------------------------------------------------------
// Events' words

/**
 * Word ids per event, deduplicated, as CSR; 16-bit while the vocabulary allows. push() adds to the
 * event begun last; rollback() takes back what was pushed since a mark.
 */
class EventWords {
  readonly offsets: Uint32Array;
  words: Uint16Array | Uint32Array;
  length = 0;
  // Public for speed only (read in the hot loop); not part of any interface.
  wide = false;
  /** Per word id: the last event it was pushed for (so also the gap to code in its postings). */
  stamp = new Int32Array(1024).fill(-1);
  /** Per word id: bytes of its postings so far; valid unless a rollback happened (`sizesValid`). */
  postingBytes = new Uint32Array(1024);
  sizesValid = true;
  event = -1;

  constructor(
    readonly count: number,
    textBytes: number
  ) {
    this.offsets = new Uint32Array(count + 1);
    this.words = new Uint16Array(Math.max(1024, Math.ceil(textBytes / 8)));
  }

  /** Start event i (events in order; each ended before the next begins). */
  begin(i: number): void {
    this.offsets[i] = this.length;
    this.event = i;
  }

  end(i: number): void {
    this.offsets[i + 1] = this.length;
  }

  push(id: number): void {
    if (id >= this.stamp.length) this.growStamps(id);
    const stamp = this.stamp;
    const last = stamp[id]!;
    if (last === this.event) return;
    stamp[id] = this.event;
    this.postingBytes[id]! += varintLength(this.event - last);
    if (this.length === this.words.length || (id > 0xffff && !this.wide)) this.grow(id);
    this.words[this.length++] = id;
  }

  growStamps(id: number): void {
    const size = Math.max(id + 1, this.stamp.length * 2);
    const next = new Int32Array(size).fill(-1);
    next.set(this.stamp);
    this.stamp = next;
    const bytes = new Uint32Array(size);
    bytes.set(this.postingBytes);
    this.postingBytes = bytes;
  }

  grow(id: number): void {
    const size = this.length === this.words.length ? Math.ceil(this.words.length * 1.5) : this.words.length;
    this.wide ||= id > 0xffff;
    const next = this.wide ? new Uint32Array(size) : new Uint16Array(size);
    next.set(this.words.subarray(0, this.length));
    this.words = next;
  }

  rollback(to: number): void {
    for (let k = to; k < this.length; k++) this.stamp[this.words[k]!] = -1;
    this.length = to;
    this.sizesValid = false;
  }
}

/** Postings (events of each word, ascending, varint-coded gaps) from the words of each event. */
function invert(forward: EventWords, n: number, vocabSize: number): { offsets: Uint32Array; bytes: Uint8Array } {
  const { offsets: eventOffsets, words } = forward;
  const last = new Int32Array(vocabSize).fill(-1);
  let size = forward.postingBytes;
  if (forward.sizesValid && size.length < vocabSize) {
    size = new Uint32Array(vocabSize);
    size.set(forward.postingBytes);
  } else if (!forward.sizesValid) {
    size = new Uint32Array(vocabSize);
    for (let i = 0; i < n; i++) {
      for (let k = eventOffsets[i]!, end = eventOffsets[i + 1]!; k < end; k++) {
        const w = words[k]!;
        size[w]! += varintLength(i - last[w]!);
        last[w] = i;
      }
    }
  }
  const offsets = new Uint32Array(vocabSize + 1);
  for (let w = 0; w < vocabSize; w++) offsets[w + 1] = offsets[w]! + size[w]!;
  const bytes = new Uint8Array(offsets[vocabSize]!);
  const at = offsets.slice(0, vocabSize);
  last.fill(-1);
  for (let i = 0; i < n; i++) {
    for (let k = eventOffsets[i]!, end = eventOffsets[i + 1]!; k < end; k++) {
      const w = words[k]!;
      let gap = i - last[w]!;
      last[w] = i;
      let p = at[w]!;
      while (gap >= 0x80) {
        bytes[p++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      bytes[p++] = gap;
      at[w] = p;
    }
  }
  return { offsets, bytes };
}

function varintLength(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

// ---------------------------------------------------------------------------------------------
// Reading words from string tables

/** Byte classes: 0 separates words, 1 is part of a word (ASCII letter, digit, apostrophe), 2 is non-ASCII. */
const BYTE_CLASS = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const word = (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b === 39 || b === 96;
  BYTE_CLASS[b] = b >= 0x80 ? 2 : word ? 1 : 0;
}

const decoder = new TextDecoder('utf-8');

/**
 * Words of strings in UTF-8 tables, read chunk by chunk: a chunk is a run of bytes between ASCII
 * separators (an ASCII word, or a piece of text with other characters). Each distinct chunk is
 * folded once, as fold.ts folds a text, and remembered by its bytes; so a text costs a hash and a
 * lookup per word, and gives the words foldText would (tested).
 */
class TextWords {
  readonly #chunks = new ChunkTable();
  readonly #vocab: Vocabulary;
  readonly #out: EventWords;
  readonly #fast: boolean;

  constructor(vocab: Vocabulary, out: EventWords, fast: boolean) {
    this.#vocab = vocab;
    this.#out = out;
    this.#fast = fast;
  }

  read(table: StringTable, i: number): void {
    const from = table.offsets[i]!;
    const to = table.offsets[i + 1]!;
    if (from === to) return;
    const out = this.#out;
    if (!this.#fast) {
      for (const w of foldText(stringAt(table, i))) out.push(this.#vocab.id(w));
      return;
    }
    const bytes = table.bytes;
    const chunks = this.#chunks;
    const mark = out.length;
    let info = 0;
    let parts = 0;
    let k = from;
    while (k < to) {
      while (k < to && BYTE_CLASS[bytes[k]!] === 0) k++;
      if (k >= to) break;
      const start = k;
      let hash = 0x811c9dc5 | 0;
      while (k < to) {
        const b = bytes[k]!;
        if (BYTE_CLASS[b] === 0 && (b !== 44 /* , */ || !isThousandsComma(bytes, k, to))) break;
        hash = Math.imul(hash ^ b, 0x01000193);
        k++;
      }
      let e = chunks.find(bytes, start, k, hash);
      if (e < 0) e = chunks.add(bytes, start, k, hash, this.#fold(bytes, start, k));
      const word = chunks.word[e]!;
      if (word >= 0) out.push(word);
      else if (word === MANY_WORDS) for (const id of chunks.words.get(e)!) out.push(id);
      const bits = chunks.info[e]!;
      info |= bits;
      parts += bits >>> 2;
    }
    // Capitals only, several words, and a word that would be an acronym: fold it whole instead.
    if ((info & CHUNK_DEPENDENT) !== 0 && (info & CHUNK_LOWER) === 0 && parts > 1) {
      out.rollback(mark);
      for (const w of foldText(stringAt(table, i))) out.push(this.#vocab.id(w));
    }
  }

  /** Word ids of a chunk (acronyms allowed), and what read() needs to know of it. */
  #fold(bytes: Uint8Array, start: number, end: number): { ids: number[]; info: number } {
    let ascii = true;
    for (let k = start; k < end; k++) if (bytes[k]! >= 0x80) ascii = false;
    let text = '';
    if (ascii) for (let k = start; k < end; k++) text += String.fromCharCode(bytes[k]!);
    else text = decoder.decode(bytes.subarray(start, end));
    const { parts, lower } = rawParts(text);
    const ids: number[] = [];
    let dependent = false;
    for (const part of parts) {
      const a = foldRawWord(part, true);
      const b = foldRawWord(part, false);
      if (a && !a.article) ids.push(this.#vocab.id(a.word));
      if (a?.word.skeleton !== b?.word.skeleton) dependent = true;
    }
    return { ids, info: (parts.length << 2) | (lower ? CHUNK_LOWER : 0) | (dependent ? CHUNK_DEPENDENT : 0) };
  }
}

/** Chunk info bits; the count of raw words is stored above them (info >>> 2). */
const CHUNK_LOWER = 1;
const CHUNK_DEPENDENT = 2;
/** ChunkTable.word: no word, or several (in ChunkTable.words). */
const NO_WORDS = -1;
const MANY_WORDS = -2;

/** A comma between a digit and exactly three digits ("1,500"), as fold.ts's THOUSANDS. */
function isThousandsComma(bytes: Uint8Array, k: number, to: number): boolean {
  return k > 0 && isDigitAt(bytes, k - 1, to) && isDigitAt(bytes, k + 1, to) && isDigitAt(bytes, k + 2, to) && isDigitAt(bytes, k + 3, to) && !isDigitAt(bytes, k + 4, to);
}

function isDigitAt(bytes: Uint8Array, at: number, to: number): boolean {
  return at < to && bytes[at]! >= 48 && bytes[at]! <= 57;
}

/**
 * Chunks (bytes as written) to their word ids: an open-addressing hash table over an arena of
 * bytes, so a chunk already seen costs a hash and a compare, not a string.
 */
class ChunkTable {
  arena = new Uint8Array(1 << 16);
  arenaUsed = 0;
  size = 0;
  start = new Int32Array(1024);
  length = new Int32Array(1024);
  hash = new Int32Array(1024);
  /** Per chunk: its one word id, or NO_WORDS, or MANY_WORDS (then `words` has them). */
  word = new Int32Array(1024);
  /** Per chunk: info bits (see TextWords.#fold). */
  info = new Int32Array(1024);
  readonly words = new Map<number, readonly number[]>();
  slots = new Int32Array(1 << 12);

  /** The chunk's entry, or -1. */
  find(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const slots = this.slots;
    const mask = slots.length - 1;
    const arena = this.arena;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const e = slots[s]! - 1;
      if (e < 0) return -1;
      if (this.hash[e] !== hash || this.length[e] !== length) continue;
      const other = this.start[e]!;
      let k = 0;
      while (k < length && arena[other + k] === bytes[start + k]) k++;
      if (k === length) return e;
    }
  }

  add(bytes: Uint8Array, start: number, end: number, hash: number, folded: { ids: number[]; info: number }): number {
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) this.arena = grown(this.arena, this.arenaUsed + length);
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    const e = this.size++;
    if (e === this.start.length) {
      this.start = grown(this.start, e + 1);
      this.length = grown(this.length, e + 1);
      this.hash = grown(this.hash, e + 1);
      this.word = grown(this.word, e + 1);
      this.info = grown(this.info, e + 1);
    }
    this.start[e] = this.arenaUsed;
    this.arenaUsed += length;
    this.length[e] = length;
    this.hash[e] = hash;
    this.word[e] = folded.ids.length === 0 ? NO_WORDS : folded.ids.length === 1 ? folded.ids[0]! : MANY_WORDS;
    if (folded.ids.length > 1) this.words.set(e, folded.ids);
    this.info[e] = folded.info;
    if ((e + 1) * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let x = 0; x <= e; x++) this.#place(x);
    } else {
      this.#place(e);
    }
    return e;
  }

  #place(e: number): void {
    const mask = this.slots.length - 1;
    let s = this.hash[e]! & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }
}

/** A copy of a typed array at least `least` long (doubling). */
function grown<A extends Uint8Array | Int32Array>(a: A, least: number): A {
  const next = new (a.constructor as new (n: number) => A)(Math.max(least, a.length * 2));
  next.set(a);
  return next;
}
