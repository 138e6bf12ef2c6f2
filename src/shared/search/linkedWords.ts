// The words of a text in order, with how each is linked to the one before, so that phrases ("Islamic
// State", "air strike") can be matched as neighbouring words. A text is cut into chunks at ASCII
// separators exactly as SearchIndex reads its UTF-8 tables byte by byte (TextWords), and each chunk
// is folded as fold.ts folds a text; so both give the same words and the same pairs (tested).
//
// Links: two words are neighbours (a pair) unless punctuation that ends a phrase (. , ; : ! ? ( )
// [ ] { } < > " | or a tab or line break) stands between them. A slash makes alternatives: in
// "Air/drone strike" both "air" and "drone" are neighbours of "strike". Hyphens, spaces and the
// Arabic article (dropped) do not separate neighbours: "Deir ez-Zor" is the pair (deir, zor).
import { foldRawWord, rawParts, type FoldedWord } from './fold';

/** How a word is linked to the word before it. */
export const LINK_NEXT = 0;
export const LINK_SLASH = 1;
export const LINK_BREAK = 2;
export type Link = typeof LINK_NEXT | typeof LINK_SLASH | typeof LINK_BREAK;

/** Byte classes of UTF-8 text: 0 separates words, 1 is part of a word (ASCII letter, digit, apostrophe, backtick), 2 is non-ASCII. */
export const BYTE_CLASS = new Uint8Array(256);
/** For a separating ASCII byte: the link it makes (LINK_NEXT for neutral ones such as space and hyphen). */
export const BYTE_LINK = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const word = (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b === 39 || b === 96;
  BYTE_CLASS[b] = b >= 0x80 ? 2 : word ? 1 : 0;
}
for (const c of '.,;:!?()[]{}<>"|\t\n\r\v\f') BYTE_LINK[c.charCodeAt(0)] = LINK_BREAK;
BYTE_LINK['/'.charCodeAt(0)] = LINK_SLASH;

/** Most alternatives one position keeps ("a/b/c/…"): a long run of slashes stays linear. */
export const MAX_ALTERNATIVES = 8;

/** A folded word of a text, where its chunk lies in the text, and its link to the word before. */
export interface LinkedWord {
  readonly word: FoldedWord;
  readonly link: Link;
  /** The chunk the word comes from: [start, end) in the text as given (UTF-16 offsets). */
  readonly start: number;
  readonly end: number;
}

/** Is the comma at `k` one grouping thousands ("1,500"): a digit before, exactly three after? */
export function isThousandsCommaAt(text: string, k: number): boolean {
  const digit = (at: number) => at >= 0 && at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57;
  return digit(k - 1) && digit(k + 1) && digit(k + 2) && digit(k + 3) && !digit(k + 4);
}

/**
 * The words of a text with their links (articles dropped, as foldText). `acronyms`: whether short
 * capital words are acronyms; by default as foldText decides (the text has lower-case letters, or
 * is a single word).
 */
export function foldLinked(text: string, acronyms?: boolean): LinkedWord[] {
  if (acronyms === undefined) {
    const { parts, lower } = rawParts(text);
    acronyms = lower || parts.length <= 1;
  }
  const out: LinkedWord[] = [];
  let link: Link = LINK_BREAK;
  let k = 0;
  const n = text.length;
  while (k < n) {
    // Separators: the strongest link among them counts.
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c >= 128 || BYTE_CLASS[c] !== 0) break;
      if (BYTE_LINK[c]! > link) link = BYTE_LINK[c] as Link;
      k++;
    }
    if (k >= n) break;
    const start = k;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c < 128 && BYTE_CLASS[c] === 0 && (c !== 44 /* , */ || !isThousandsCommaAt(text, k))) break;
      k++;
    }
    for (const part of rawParts(text.slice(start, k)).parts) {
      const folded = foldRawWord(part, acronyms);
      if (!folded || folded.article) continue;
      out.push({ word: folded.word, link, start, end: k });
      link = LINK_NEXT;
    }
  }
  return out;
}

/**
 * Turns a stream of word ids with their links into pairs of neighbours (see the top of the file).
 * Reused for each text: reset() before the first word. With `flags` (per word id: 1 may start a
 * pair wanted, 2 may end one; see pairFilter.ts), only pairs of such words are given.
 */
export class Linker {
  #prev = new Int32Array(MAX_ALTERNATIVES);
  #cur = new Int32Array(MAX_ALTERNATIVES);
  #prevLength = 0;
  #curLength = 0;
  readonly #flags: readonly number[] | undefined;

  constructor(flags?: readonly number[]) {
    this.#flags = flags;
  }

  reset(): void {
    this.#prevLength = 0;
    this.#curLength = 0;
  }

  /** Add the next word; `pair(a, b)` is called for each pair it makes (a before b). */
  push(id: number, link: Link, pair: (a: number, b: number) => void): void {
    if (link === LINK_BREAK) {
      this.#prevLength = 0;
      this.#cur[0] = id;
      this.#curLength = 1;
      return;
    }
    if (link === LINK_SLASH && this.#curLength > 0) {
      // An alternative to the word before: the same neighbours before it (and after it, later).
      if (this.#curLength < MAX_ALTERNATIVES) this.#cur[this.#curLength++] = id;
      this.#pairs(this.#prev, this.#prevLength, id, pair);
      return;
    }
    const prev = this.#cur;
    this.#cur = this.#prev;
    this.#prev = prev;
    this.#prevLength = this.#curLength;
    this.#cur[0] = id;
    this.#curLength = 1;
    this.#pairs(prev, this.#prevLength, id, pair);
  }

  #pairs(prev: Int32Array, length: number, id: number, pair: (a: number, b: number) => void): void {
    const flags = this.#flags;
    if (flags === undefined) {
      for (let k = 0; k < length; k++) pair(prev[k]!, id);
      return;
    }
    if ((flags[id]! & 2) === 0) return;
    for (let k = 0; k < length; k++) if ((flags[prev[k]!]! & 1) !== 0) pair(prev[k]!, id);
  }
}

/** Pairs of neighbours of linked words, as [index of the first, index of the second]. */
export function pairsOf(words: readonly { readonly link: Link }[]): [number, number][] {
  const linker = new Linker();
  const out: [number, number][] = [];
  words.forEach((w, i) => linker.push(i, w.link, (a, b) => out.push([a, b])));
  return out;
}
