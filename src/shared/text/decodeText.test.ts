// decodeText / firstInvalidUtf8: UTF-8 and UTF-16 with BOM decode; invalid UTF-8 is refused with its line and column.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from './decodeText';

const ARABIC = 'دير الزور';
const bytes = (...parts: (string | number[])[]) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));

function decoded(result: ReturnType<typeof decodeText>) {
  if (!result.ok) throw new Error(`expected text, got: ${result.problem.message}`);
  return result;
}

function problem(result: ReturnType<typeof decodeText>) {
  if (result.ok) throw new Error(`expected a problem, got text ${JSON.stringify(result.text)}`);
  return result.problem;
}

describe('decodeText: accepted encodings', () => {
  it('UTF-8 without a BOM', () => {
    expect(decodeText(bytes(`{"name": "${ARABIC}"}`), 'a.frontline')).toEqual({ ok: true, text: `{"name": "${ARABIC}"}`, encoding: 'utf-8', bom: false });
  });

  it('UTF-8 with a BOM: the BOM is reported and stripped', () => {
    const r = decoded(decodeText(bytes([0xef, 0xbb, 0xbf], `{"a": "${ARABIC}"}`), 'a.frontline'));
    expect(r.bom).toBe(true);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(`{"a": "${ARABIC}"}`);
    expect(r.text.charCodeAt(0)).toBe(0x7b);
  });

  it('only the first BOM is stripped; a second one is kept as text', () => {
    expect(decoded(decodeText(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'x'), 'f')).text).toBe('\uFEFFx');
  });

  it('UTF-16LE with a BOM, Arabic text round-trips', () => {
    const text = `{"name": "${ARABIC}"}\n`;
    const data = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(decodeText(data, 'f')).toEqual({ ok: true, text, encoding: 'utf-16le', bom: true });
  });

  it('UTF-16BE with a BOM, Arabic text round-trips', () => {
    const text = `{"name": "${ARABIC}"}\n`;
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const data = new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(decodeText(data, 'f')).toEqual({ ok: true, text, encoding: 'utf-16be', bom: true });
  });

  it('an empty file is empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array(0), 'f')).toEqual({ ok: true, text: '', encoding: 'utf-8', bom: false });
  });

  it('four-byte sequences (emoji, U+10FFFF) are valid', () => {
    expect(decoded(decodeText(bytes('flag 🇸🇾'), 'f')).text).toBe('flag 🇸🇾');
    expect(decoded(decodeText(bytes([0xf4, 0x8f, 0xbf, 0xbf]), 'f')).text).toBe('\u{10FFFF}');
  });
});

describe('decodeText: invalid UTF-8', () => {
  it('names the file, line and column of the first bad byte', () => {
    const p = problem(decodeText(bytes('line one\nab', [0xff], 'cd\n'), 'data/bad.frontline'));
    expect(p).toMatchObject({ severity: 'error', file: 'data/bad.frontline', line: 2, column: 3 });
    expect(p.message).toMatch(/not valid UTF-8/);
    expect(p.message).toMatch(/byte 11 is 0xff/);
  });

  it('counts columns in characters, not bytes, before the bad byte', () => {
    // Line 3 starts with three Arabic letters (two bytes each in UTF-8), then the bad byte.
    const p = problem(decodeText(bytes('{\n"a": 1,\nدير', [0xfe]), 'f'));
    expect(p).toMatchObject({ line: 3, column: 4 });
  });

  it('reports the byte offset in the file, counting a UTF-8 BOM', () => {
    const p = problem(decodeText(bytes([0xef, 0xbb, 0xbf], 'ab', [0x80]), 'f'));
    expect(p).toMatchObject({ line: 1, column: 3 });
    expect(p.message).toMatch(/byte 5 is 0x80/);
  });

  it('refuses overlong encodings (0xC0 0xAF is an overlong "/")', () => {
    const p = problem(decodeText(bytes('x', [0xc0, 0xaf]), 'f'));
    expect(p).toMatchObject({ line: 1, column: 2 });
    expect(p.message).toMatch(/0xc0/);
  });

  it('refuses surrogate code points encoded in UTF-8 (0xED 0xA0 0x80)', () => {
    const p = problem(decodeText(bytes('ok\n', [0xed, 0xa0, 0x80]), 'f'));
    expect(p).toMatchObject({ line: 2, column: 1 });
    expect(p.message).toMatch(/0xed/);
  });

  it('refuses a sequence cut off at the end of the file', () => {
    // "é" is 0xC3 0xA9; the file ends after the lead byte.
    const p = problem(decodeText(bytes('caf', [0xc3]), 'f'));
    expect(p).toMatchObject({ line: 1, column: 4 });
    expect(p.message).toMatch(/byte 3 is 0xc3/);
  });

  it('tells the user what to do', () => {
    expect(problem(decodeText(bytes([0xff]), 'f')).message).toMatch(/Save it as UTF-8/);
  });

  it('reads Windows-1252 text as invalid UTF-8, not as garbled text', () => {
    // "café" saved as Windows-1252: 0xE9 followed by an ASCII byte.
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'f').ok).toBe(false);
  });
});

describe('firstInvalidUtf8', () => {
  it('is -1 for valid UTF-8, ASCII and the empty input', () => {
    expect(firstInvalidUtf8(bytes(`abc ${ARABIC} 🇸🇾 €`))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array(0))).toBe(-1);
  });

  it('points at a lone continuation byte', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x80, 0x61]))).toBe(1);
  });

  it('points at bytes that never start a sequence (0xC0, 0xC1, 0xF5–0xFF)', () => {
    for (const b of [0xc0, 0xc1, 0xf5, 0xf8, 0xfe, 0xff]) {
      expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, b, 0x80, 0x80, 0x80])), b.toString(16)).toBe(2);
    }
  });

  it('points at the lead byte of overlong three- and four-byte forms', () => {
    expect(firstInvalidUtf8(new Uint8Array([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xf0, 0x80, 0x80, 0xaf]))).toBe(1);
  });

  it('points at UTF-8-encoded surrogates, high and low', () => {
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x20, 0xed, 0xbf, 0xbf]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0x9f, 0xbf]))).toBe(-1); // U+D7FF is fine
  });

  it('points at code points above U+10FFFF', () => {
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });

  it('points at a truncated sequence at the end', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xf0, 0x9f, 0x87]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc3]))).toBe(0);
  });

  it('points at a sequence whose continuation is missing in the middle', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x41, 0x82, 0x61]))).toBe(1);
  });

  it('accepts a multi-byte sequence that ends exactly at the end', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3, 0xa9]))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0xe2, 0x82, 0xac]))).toBe(-1);
  });
});
