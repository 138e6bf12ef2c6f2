// Turn file bytes into text without garbling: UTF-8 (with or without BOM) and UTF-16 (with a BOM, or
// without one when its zero bytes show it) are accepted; anything else is refused with its line.
import { lineColumnAt, type Problem } from '../dataset/problems';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: TextEncodingName;
      bom: boolean;
      /** Said when the encoding was guessed (UTF-16 without a byte-order mark), for the user to see. */
      warning?: Problem;
    }
  | { ok: false; problem: Problem };

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= n) return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** What the bytes look like, from their start. */
export interface SniffedEncoding {
  readonly encoding: TextEncodingName;
  /** Bytes of the byte-order mark (0 when there is none). */
  readonly bomLength: number;
  /** UTF-16 without a byte-order mark, recognised by its zero bytes. */
  readonly guessed: boolean;
}

/** Bytes of the file's start looked at for the zero-byte pattern of UTF-16 or UTF-32. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Zero bytes in the file's start, counted by position modulo 4. Text in UTF-16 without a
 * byte-order mark has many of them, almost all on one side of each byte pair: the high byte of
 * every ASCII character (digits, commas, line breaks, Latin letters) is zero. UTF-8 text has none.
 */
function zeroPattern(bytes: Uint8Array): { pairs: number; even: number; odd: number; byQuad: number[] } {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  const byQuad = [0, 0, 0, 0];
  for (let i = bytes.indexOf(0); i >= 0 && i < n; i = bytes.indexOf(0, i + 1)) byQuad[i & 3]!++;
  return { pairs: n / 2, even: byQuad[0]! + byQuad[2]!, odd: byQuad[1]! + byQuad[3]!, byQuad };
}

/**
 * The UTF-16 (or UTF-32) a run of bytes without a byte-order mark looks like, or undefined. UTF-16:
 * at least one pair in eight has a zero byte on one side (ASCII is most of any table or dataset,
 * and even Arabic prose has a space, digit or line break every few letters), and the other side
 * has at most a quarter as many (CJK characters such as U+4E00 have a zero low byte, so not none).
 * A stray zero byte or two in UTF-8 text is not enough: that is refused as a NUL.
 */
export function looksLikeWideText(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | undefined {
  const { pairs, even, odd, byQuad } = zeroPattern(bytes);
  if (pairs === 0 || even + odd === 0) return undefined;
  const quads = Math.floor(pairs / 2);
  // UTF-32 text: three zero bytes in every four for ASCII (and always two: code points stop at U+10FFFF).
  if (quads > 0 && byQuad[1]! >= quads * 0.9 && byQuad[2]! >= quads * 0.9 && byQuad[3]! >= quads * 0.9 && byQuad[0]! <= quads / 8) return 'utf-32le';
  if (quads > 0 && byQuad[0]! >= quads * 0.9 && byQuad[1]! >= quads * 0.9 && byQuad[2]! >= quads * 0.9 && byQuad[3]! <= quads / 8) return 'utf-32be';
  if (odd >= 2 && odd >= pairs / 8 && even <= odd / 4) return 'utf-16le';
  if (even >= 2 && even >= pairs / 8 && odd <= even / 4) return 'utf-16be';
  return undefined;
}

/** The encoding of file bytes: a byte-order mark when there is one, else UTF-16 by its zero bytes, else UTF-8. */
export function sniffEncoding(bytes: Uint8Array): SniffedEncoding {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, guessed: false };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, guessed: false };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, guessed: false };
  const wide = looksLikeWideText(bytes);
  if (wide === 'utf-16le' || wide === 'utf-16be') return { encoding: wide, bomLength: 0, guessed: true };
  return { encoding: 'utf-8', bomLength: 0, guessed: false };
}

const LABEL: Readonly<Record<string, string>> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'utf-32le': 'UTF-32LE', 'utf-32be': 'UTF-32BE' };

function guessedWarning(file: string, encoding: TextEncodingName): Problem {
  return {
    severity: 'warning',
    file,
    message: `has no byte-order mark, but its bytes are ${LABEL[encoding]} text (a zero byte beside every ASCII character), so it was read as ${LABEL[encoding]}`
  };
}

/** Offset (in 16-bit units) of the first unpaired surrogate in UTF-16 bytes, or -1. */
function firstLoneSurrogate(body: Uint8Array, littleEndian: boolean): number {
  const units = body.length >> 1;
  const unit = (k: number) => (littleEndian ? body[2 * k]! | (body[2 * k + 1]! << 8) : (body[2 * k]! << 8) | body[2 * k + 1]!);
  for (let k = 0; k < units; k++) {
    const u = unit(k);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u >= 0xdc00) return k;
    if (k + 1 >= units) return k;
    const next = unit(k + 1);
    if (next < 0xdc00 || next > 0xdfff) return k;
    k++;
  }
  return -1;
}

/** Why UTF-16 bytes cannot be read, at the line and column where it goes wrong. */
function invalidUtf16(body: Uint8Array, sniffed: SniffedEncoding, file: string): Problem {
  const little = sniffed.encoding === 'utf-16le';
  const how = sniffed.guessed ? `${LABEL[sniffed.encoding]} (it has no byte-order mark, but its zero bytes say so)` : LABEL[sniffed.encoding];
  const lone = firstLoneSurrogate(body, little);
  const unitAt = lone >= 0 ? lone : body.length >> 1;
  const before = new TextDecoder(sniffed.encoding).decode(body.subarray(0, unitAt * 2));
  const { line, column } = lineColumnAt(before, before.length);
  const byte = sniffed.bomLength + unitAt * 2;
  const what =
    lone >= 0
      ? `bytes ${byte}–${byte + 1} are half of a character whose other half is missing (a lone surrogate, 0x${(little ? body[unitAt * 2]! | (body[unitAt * 2 + 1]! << 8) : (body[unitAt * 2]! << 8) | body[unitAt * 2 + 1]!).toString(16)})`
      : `it has an odd number of bytes, so its last byte is half a character (was the file cut short?)`;
  return { severity: 'error', file, line, column, message: `the file is read as ${how}, but it is not valid ${LABEL[sniffed.encoding]}: ${what}. Save it as UTF-8 and open it again.` };
}

/**
 * A NUL (zero) character in decoded text: no table or dataset has one. It is binary junk, zero
 * padding, or text in an encoding this was not read as; the message says which it looks like.
 */
function nulProblem(file: string, line: number, column: number, byte: number, raw: Uint8Array): Problem {
  const wide = looksLikeWideText(raw);
  const hint =
    wide === 'utf-32le' || wide === 'utf-32be'
      ? `The file looks like ${LABEL[wide]} text, which Frontline does not read: save it as UTF-8 and open it again.`
      : 'Text files have none: the file may be binary (not a table or dataset), padded with zero bytes, or damaged. Frontline reads text saved as UTF-8 or UTF-16.';
  return { severity: 'error', file, line, column, message: `holds a NUL (zero) character (byte ${byte} of the file). ${hint}` };
}

export function decodeText(bytes: Uint8Array, file: string): DecodeResult {
  const sniffed = sniffEncoding(bytes);
  const body = bytes.subarray(sniffed.bomLength);
  const bom = sniffed.bomLength > 0;
  let text: string;
  if (sniffed.encoding !== 'utf-8') {
    try {
      // Fatal: a lone surrogate or a trailing odd byte is refused, never replaced by U+FFFD.
      text = new TextDecoder(sniffed.encoding, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return { ok: false, problem: invalidUtf16(body, sniffed, file) };
    }
  } else {
    try {
      // ignoreBOM: we strip it ourselves so that `bom` is reported truthfully.
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      const bad = firstInvalidUtf8(body);
      const before = new TextDecoder('utf-8').decode(body.subarray(0, Math.max(0, bad)));
      const { line, column } = lineColumnAt(before, before.length);
      return {
        ok: false,
        problem: {
          severity: 'error',
          file,
          line,
          column,
          message:
            `the file is not valid UTF-8 (byte ${bad + sniffed.bomLength} is 0x${(body[bad] ?? 0).toString(16).padStart(2, '0')}). ` +
            'Save it as UTF-8 (or UTF-16 with a byte-order mark) and open it again.'
        }
      };
    }
  }
  // In UTF-8 a zero byte is only ever the NUL character: looking for it among the bytes (memchr)
  // is much cheaper than among the characters of the decoded text, which are looked at only when
  // there is one.
  const nul = sniffed.encoding === 'utf-8' && body.indexOf(0) < 0 ? -1 : text.indexOf('\0');
  if (nul >= 0) {
    const { line, column } = lineColumnAt(text, nul);
    // In UTF-8 a zero byte is only ever the NUL character; in UTF-16 it is two bytes per unit.
    const byte = sniffed.bomLength + (sniffed.encoding === 'utf-8' ? body.indexOf(0) : nul * 2);
    return { ok: false, problem: nulProblem(file, line, column, byte, body) };
  }
  return { ok: true, text, encoding: sniffed.encoding, bom, ...(sniffed.guessed ? { warning: guessedWarning(file, sniffed.encoding) } : {}) };
}

export type Utf8BytesResult =
  | {
      ok: true;
      /** UTF-8 without a byte-order mark. */
      bytes: Uint8Array;
      encoding: TextEncodingName;
      bom: boolean;
      /** See DecodeResult. */
      warning?: Problem;
    }
  | { ok: false; problem: Problem };

/**
 * File bytes as UTF-8 without a byte-order mark, for the streaming loader: UTF-16 files (with a
 * BOM, or recognised by their zero bytes) are converted; UTF-8 is passed through (a zero byte is
 * refused here) and checked slice by slice as it is parsed. `file` names the file in problems.
 */
export function utf8Bytes(bytes: Uint8Array, file: string): Utf8BytesResult {
  const sniffed = sniffEncoding(bytes);
  if (sniffed.encoding !== 'utf-8') {
    const decoded = decodeText(bytes, file);
    if (!decoded.ok) return decoded;
    return { ok: true, bytes: new TextEncoder().encode(decoded.text), encoding: decoded.encoding, bom: decoded.bom, ...(decoded.warning ? { warning: decoded.warning } : {}) };
  }
  const body = bytes.subarray(sniffed.bomLength);
  const nul = body.indexOf(0);
  if (nul >= 0) {
    // Line and column of the zero byte: line breaks before it, characters since the last one.
    let line = 1;
    let lineStart = 0;
    for (let i = body.indexOf(10); i >= 0 && i < nul; i = body.indexOf(10, i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const column = new TextDecoder('utf-8').decode(body.subarray(lineStart, nul)).length + 1;
    return { ok: false, problem: nulProblem(file, line, column, nul + sniffed.bomLength, body) };
  }
  return { ok: true, bytes: body, encoding: 'utf-8', bom: sniffed.bomLength > 0 };
}
