// Turn file bytes into text without garbling: UTF-8 (with or without BOM) and UTF-16 with a BOM
// are accepted; invalid UTF-8 is refused with the line and byte where it goes wrong.
import { lineColumnAt, type Problem } from '../dataset/problems';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
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

export function decodeText(bytes: Uint8Array, file: string): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: we strip it ourselves so that `bom` is reported truthfully.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, encoding: 'utf-8', bom };
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
          `the file is not valid UTF-8 (byte ${bad + (bom ? 3 : 0)} is 0x${(body[bad] ?? 0).toString(16).padStart(2, '0')}). ` +
          'Save it as UTF-8 (or UTF-16 with a byte-order mark) and open it again.'
      }
    };
  }
}

/**
 * File bytes as UTF-8 without a byte-order mark, for the streaming loader: UTF-16 files (with a
 * BOM) are converted; UTF-8 is passed through and checked slice by slice as it is parsed.
 */
export function utf8Bytes(bytes: Uint8Array): { bytes: Uint8Array; encoding: TextEncodingName; bom: boolean } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding: TextEncodingName = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(encoding).decode(bytes.subarray(2));
    return { bytes: new TextEncoder().encode(text), encoding, bom: true };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { bytes: bom ? bytes.subarray(3) : bytes, encoding: 'utf-8', bom };
}
