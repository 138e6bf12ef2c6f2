// Walks the structure of JSON held as UTF-8 bytes without building values: where each top-level
// member and each array element starts and ends. Lets a million-event file be parsed one event at
// a time (native JSON.parse on each slice) instead of as one giant object graph.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

export class JsonScanError extends Error {
  constructor(
    message: string,
    /** Byte offset of the problem. */
    readonly offset: number,
    /** The member (or list item) it is in, as a field path, where known: `metadata`, `events[3]`. */
    readonly field?: string
  ) {
    super(message);
  }
}

/**
 * Lists and objects inside each other deeper than this (counted from the top of the document) are
 * refused by the scan, before anything walks the values recursively (a 20 KB file can hold 10,000
 * levels, and recursive code over that ends in a stack overflow). Real datasets need about 6.
 */
export const MAX_JSON_DEPTH = 64;

/** The document nests lists and objects deeper than MAX_JSON_DEPTH. */
export class JsonDepthError extends JsonScanError {}

/** The message for a document nested too deeply, in the user's words. */
export function depthMessage(limit = MAX_JSON_DEPTH): string {
  return `lists and objects are nested more than ${limit} levels deep here; Frontline reads at most ${limit} levels`;
}

/** The same error, said of `field` (the member or item it was found in). */
function inField(err: unknown, field: string): unknown {
  return err instanceof JsonScanError && err.field === undefined ? new (err.constructor as typeof JsonScanError)(err.message, err.offset, field) : err;
}

/**
 * Offset in `text` (JSON as a string) where lists and objects first nest deeper than `limit`, or -1.
 * For JSON parsed whole (imports): checked before JSON.parse, so nothing recursive meets it after.
 */
export function jsonDepthOffset(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: to the next quote not escaped by an odd run of backslashes.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i++;
        else if (d === QUOTE) break;
      }
    } else if (c === LBRACE || c === LBRACKET) {
      if (++depth > limit) return i;
    } else if (c === RBRACE || c === RBRACKET) {
      depth--;
    }
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function skipSpace(b: Uint8Array, i: number): number {
  while (i < b.length && isSpace(b[i]!)) i++;
  return i;
}

/** Index just past the string starting at `i` (which holds its opening quote). */
export function skipString(b: Uint8Array, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = b.indexOf(QUOTE, j);
    if (q < 0) throw new JsonScanError('unfinished text (missing closing ")', i);
    let m = q - 1;
    while (b[m] === BACKSLASH) m--;
    // An even number of backslashes before the quote: it closes the string.
    if ((q - 1 - m) % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/**
 * Index just past the JSON value starting at `i` (after whitespace). Nested values are skipped
 * whole; `maxDepth`: how deep lists and objects may nest inside this value (itself counting 1).
 */
export function skipValue(b: Uint8Array, i: number, maxDepth = MAX_JSON_DEPTH): number {
  const n = b.length;
  const c = b[i];
  if (c === undefined) throw new JsonScanError('expected a value', i);
  if (c === QUOTE) return skipString(b, i);
  if (c === LBRACE || c === LBRACKET) {
    let depth = 0;
    let j = i;
    while (j < n) {
      const d = b[j]!;
      if (d === QUOTE) {
        j = skipString(b, j);
        continue;
      }
      if (d === LBRACE || d === LBRACKET) {
        if (++depth > maxDepth) throw new JsonDepthError(depthMessage(), j);
      } else if (d === RBRACE || d === RBRACKET) {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    throw new JsonScanError(c === LBRACE ? 'expected "}"' : 'expected "]"', i);
  }
  // Number, true, false, null: up to the next delimiter; JSON.parse judges the token itself.
  let j = i;
  while (j < n) {
    const d = b[j]!;
    if (d === COMMA || d === RBRACE || d === RBRACKET || isSpace(d)) break;
    j++;
  }
  if (j === i) throw new JsonScanError('expected a value', i);
  return j;
}

export interface Member {
  readonly key: string;
  readonly keyOffset: number;
  /** [valueStart, valueEnd) byte range of the value. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

const decoder = new TextDecoder('utf-8');

/**
 * The members of the object at the top of the document, in order. With `elementsOf`, the
 * elements of that member's array are reported as they are scanned (saving a second pass).
 */
export function topLevelMembers(
  b: Uint8Array,
  elementsOf?: { readonly key: string; readonly each: (start: number, end: number, index: number) => void }
): { members: Member[]; start: number; end: number } {
  let i = skipSpace(b, 0);
  if (b[i] !== LBRACE) throw new JsonScanError(i >= b.length ? 'the file is empty' : 'expected an object "{" at the top', i);
  const start = i;
  i = skipSpace(b, i + 1);
  const members: Member[] = [];
  if (b[i] === RBRACE) return { members, start, end: endOfDocument(b, i + 1) };
  for (;;) {
    if (b[i] !== QUOTE) throw new JsonScanError('expected a field name in double quotes', i);
    const keyEnd = skipString(b, i);
    const key = JSON.parse(decoder.decode(b.subarray(i, keyEnd))) as string;
    let j = skipSpace(b, keyEnd);
    if (b[j] !== COLON) throw new JsonScanError('expected ":"', j);
    j = skipSpace(b, j + 1);
    // Only the first member with that key has its elements reported (a repeated key is an error anyway).
    const scan = elementsOf && key === elementsOf.key && b[j] === LBRACKET && !members.some((m) => m.key === key);
    let valueEnd: number;
    try {
      // The top object is level 1: its members' values may nest MAX_JSON_DEPTH - 1 levels.
      valueEnd = scan ? scanArray(b, j, elementsOf.each, MAX_JSON_DEPTH - 1, key) : skipValue(b, j, MAX_JSON_DEPTH - 1);
    } catch (err) {
      throw inField(err, key);
    }
    members.push({ key, keyOffset: i, valueStart: j, valueEnd });
    j = skipSpace(b, valueEnd);
    if (b[j] === COMMA) {
      i = skipSpace(b, j + 1);
      continue;
    }
    if (b[j] === RBRACE) return { members, start, end: endOfDocument(b, j + 1) };
    throw new JsonScanError('expected "," between items', j);
  }
}

/** `end` just past the closing "}" of the document; only whitespace may follow. */
function endOfDocument(b: Uint8Array, end: number): number {
  const after = skipSpace(b, end);
  if (after < b.length) throw new JsonScanError('unexpected text after the end of the data', after);
  return end;
}

/**
 * Like forEachElement, but returns the offset just past the closing "]". `maxDepth`: how deep the
 * array may nest (itself counting 1); `field`: the array's name, to say which item went too deep.
 */
export function scanArray(b: Uint8Array, start: number, each: (start: number, end: number, index: number) => void, maxDepth = MAX_JSON_DEPTH, field?: string): number {
  let i = skipSpace(b, start + 1);
  if (b[i] === RBRACKET) return i + 1;
  let index = 0;
  for (;;) {
    let end: number;
    try {
      end = skipValue(b, i, maxDepth - 1);
    } catch (err) {
      throw field === undefined ? err : inField(err, `${field}[${index}]`);
    }
    each(i, end, index++);
    const j = skipSpace(b, end);
    if (b[j] === COMMA) {
      i = skipSpace(b, j + 1);
      if (b[i] === RBRACKET) throw new JsonScanError('expected a value (no comma after the last item)', i);
      continue;
    }
    if (b[j] === RBRACKET) return j + 1;
    throw new JsonScanError('expected "," between items', j);
  }
}

/**
 * Calls `each(start, end, index)` for every element of the array whose "[" is at `start`.
 * Returns the element count. Stops early (returning -1) when `each` returns false.
 */
export function forEachElement(b: Uint8Array, start: number, each: (start: number, end: number, index: number) => boolean | void): number {
  if (b[start] !== LBRACKET) throw new JsonScanError('expected a list "["', start);
  let i = skipSpace(b, start + 1);
  if (b[i] === RBRACKET) return 0;
  let index = 0;
  for (;;) {
    const end = skipValue(b, i);
    if (each(i, end, index) === false) return -1;
    index++;
    const j = skipSpace(b, end);
    if (b[j] === COMMA) {
      i = skipSpace(b, j + 1);
      if (b[i] === RBRACKET) throw new JsonScanError('expected a value (no comma after the last item)', i);
      continue;
    }
    if (b[j] === RBRACKET) return index;
    throw new JsonScanError('expected "," between items', j);
  }
}

/** Offsets of every line start, for turning byte offsets into line numbers (built only when needed). */
export function lineStarts(b: Uint8Array): Uint32Array {
  let count = 1;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) count++;
  const starts = new Uint32Array(count);
  let k = 1;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) starts[k++] = i + 1;
  return starts;
}

/** 1-based line and column (in characters) of a byte offset. */
export function lineColumnOfByte(b: Uint8Array, starts: Uint32Array, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const lineStart = starts[lo]!;
  const column = decoder.decode(b.subarray(lineStart, Math.min(offset, b.length))).length + 1;
  return { line: lo + 1, column };
}
