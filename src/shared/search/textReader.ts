// Reading the words of events' titles and summaries into per-event lists (EventWords) of word ids
// and of pair ids (neighbouring words, see linkedWords.ts), then inverting them into postings.
//
// Titles and summaries are read from their UTF-8 tables without decoding: a chunk is a run of bytes
// between ASCII separators (an ASCII word, or a piece of text with other characters); each distinct
// chunk is folded once, as fold.ts folds a text, and remembered by its bytes. So a text costs a hash
// and a lookup per word, and gives the words and pairs foldLinked gives (tested).
import { stringAt, type StringTable } from '../dataset/columns';
import { foldRawWord, rawParts } from './fold';
import { BYTE_CLASS, BYTE_LINK, foldLinked, LINK_BREAK, LINK_NEXT, Linker, type Link } from './linkedWords';
import type { PairTable, Vocabulary } from './vocabulary';

/**
 * Ids (words or pairs) per event, deduplicated, as CSR; 16-bit while the ids allow. push() adds to
 * the event begun last; rollback() takes back what was pushed since a mark.
 */
export class EventWords {
  readonly offsets: Uint32Array;
  words: Uint16Array | Uint32Array;
  length = 0;
  // Public for speed only (read in the hot loop); not part of any interface.
  wide = false;
  /** Per id: the last event it was pushed for (so also the gap to code in its postings). */
  stamp = new Int32Array(1024).fill(-1);
  /** Per id: bytes of its postings so far; valid unless a rollback happened (`sizesValid`). */
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

/** Postings (events of each id, ascending, varint-coded gaps) from the ids of each event. */
export function invert(forward: EventWords, n: number, idCount: number): { offsets: Uint32Array; bytes: Uint8Array } {
  const { offsets: eventOffsets, words } = forward;
  const last = new Int32Array(idCount).fill(-1);
  let size = forward.postingBytes;
  if (forward.sizesValid && size.length < idCount) {
    size = new Uint32Array(idCount);
    size.set(forward.postingBytes);
  } else if (!forward.sizesValid) {
    size = new Uint32Array(idCount);
    for (let i = 0; i < n; i++) {
      for (let k = eventOffsets[i]!, end = eventOffsets[i + 1]!; k < end; k++) {
        const w = words[k]!;
        size[w]! += varintLength(i - last[w]!);
        last[w] = i;
      }
    }
  }
  const offsets = new Uint32Array(idCount + 1);
  for (let w = 0; w < idCount; w++) offsets[w + 1] = offsets[w]! + size[w]!;
  const bytes = new Uint8Array(offsets[idCount]!);
  const at = offsets.slice(0, idCount);
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

const decoder = new TextDecoder('utf-8');

/** Where TextWords puts what it reads: word ids and pair ids per event, and the tables that number them. */
export interface TextSink {
  readonly vocab: Vocabulary;
  readonly pairs: PairTable;
  readonly words: EventWords;
  readonly pairEvents: EventWords;
}

/** Reads texts (strings of UTF-8 tables) into a TextSink: see the top of the file. */
export class TextWords {
  readonly #chunks = new ChunkTable();
  readonly #sink: TextSink;
  readonly #fast: boolean;
  readonly #linker: Linker;
  readonly #pair: (a: number, b: number) => void;

  constructor(sink: TextSink, fast: boolean) {
    this.#sink = sink;
    this.#fast = fast;
    this.#linker = new Linker(sink.vocab.pairFlags);
    const { pairs, pairEvents } = sink;
    this.#pair = (a, b) => {
      const p = pairs.keep(a, b);
      if (p >= 0) pairEvents.push(p);
    };
  }

  read(table: StringTable, i: number): void {
    const from = table.offsets[i]!;
    const to = table.offsets[i + 1]!;
    if (from === to) return;
    if (!this.#fast) {
      this.#readSlowly(stringAt(table, i));
      return;
    }
    const { words: out, pairEvents } = this.#sink;
    const bytes = table.bytes;
    const chunks = this.#chunks;
    const linker = this.#linker;
    const pair = this.#pair;
    const mark = out.length;
    const pairMark = pairEvents.length;
    let info = 0;
    let parts = 0;
    let link: Link = LINK_BREAK;
    let k = from;
    while (k < to) {
      for (let b = bytes[k]!; BYTE_CLASS[b] === 0; b = bytes[k]!) {
        if (BYTE_LINK[b]! > link) link = BYTE_LINK[b] as Link;
        if (++k >= to) break;
      }
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
      if (word >= 0) {
        out.push(word);
        linker.push(word, link, pair);
        link = LINK_NEXT;
      } else if (word === MANY_WORDS) {
        for (const id of chunks.words.get(e)!) {
          out.push(id);
          linker.push(id, link, pair);
          link = LINK_NEXT;
        }
      }
      const bits = chunks.info[e]!;
      info |= bits;
      parts += bits >>> 2;
    }
    // Capitals only, several words, and a word that would be an acronym: fold it whole instead.
    if ((info & CHUNK_DEPENDENT) !== 0 && (info & CHUNK_LOWER) === 0 && parts > 1) {
      out.rollback(mark);
      pairEvents.rollback(pairMark);
      this.#readSlowly(stringAt(table, i));
    }
  }

  /** A text folded whole (foldLinked), for the slow path and the texts the chunks cannot tell. */
  #readSlowly(text: string): void {
    const { vocab, words: out } = this.#sink;
    const linker = this.#linker;
    for (const w of foldLinked(text)) {
      const id = vocab.id(w.word);
      out.push(id);
      linker.push(id, w.link, this.#pair);
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
      if (a && !a.article) ids.push(this.#sink.vocab.id(a.word));
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
