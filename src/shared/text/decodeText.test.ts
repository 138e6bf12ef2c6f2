// decodeText / utf8Bytes / firstInvalidUtf8: UTF-8 and UTF-16 (with a BOM, or without one by its zero bytes) decode; invalid text and NUL bytes are refused with their line.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, utf8Bytes } from './decodeText';

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

const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  return new Uint8Array(order === 'le' ? le : Buffer.from(le).swap16());
};
const ACLED_LIKE = 'event_id_cnty,event_date,actor1,location,notes,fatalities\nSYR1,2017-11-03,Military Forces of Syria,Deir ez-Zor,"On 3 November, ""clashes"" in دير الزور",12\n';

describe('decodeText: UTF-16 without a byte-order mark', () => {
  for (const order of ['le', 'be'] as const) {
    const name = order === 'le' ? 'utf-16le' : 'utf-16be';
    it(`an ACLED-like table in ${name.toUpperCase()} is read as ${name.toUpperCase()}, with a warning that says so`, () => {
      const r = decoded(decodeText(utf16(ACLED_LIKE, order), 'acled.csv'));
      expect(r).toMatchObject({ text: ACLED_LIKE, encoding: name, bom: false });
      expect(r.warning).toMatchObject({ severity: 'warning', file: 'acled.csv' });
      expect(r.warning!.message).toContain(`read as ${name.toUpperCase()}`);
      expect(r.warning!.message).toContain('no byte-order mark');
    });
  }

  it('Arabic prose (a space or digit in every few characters) is recognised too', () => {
    const text = 'دير الزور ٢٠١٧ تشرين الثاني 3 قتلى في اشتباكات قرب المدينة\n'.repeat(20);
    expect(decoded(decodeText(utf16(text, 'le'), 'f.csv'))).toMatchObject({ text, encoding: 'utf-16le' });
  });

  it('CJK text whose characters have a zero low byte (一 is U+4E00) is still read by its ASCII', () => {
    const text = 'date,title\n2017-11-03,一二三 一 中文 一一\n'.repeat(10);
    expect(decoded(decodeText(utf16(text, 'le'), 'f.csv'))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decoded(decodeText(utf16(text, 'be'), 'f.csv'))).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('a BOM-less UTF-16 file whose text has a lone surrogate is refused at its line, naming the encoding', () => {
    const data = utf16('date,title\n2017-11-03,ok\n2017-11-04,bad \ud83d here\n', 'le');
    const p = problem(decodeText(data, 'f.csv'));
    expect(p).toMatchObject({ severity: 'error', file: 'f.csv', line: 3, column: 16 });
    expect(p.message).toMatch(/read as UTF-16LE \(it has no byte-order mark/);
    expect(p.message).toMatch(/lone surrogate, 0xd83d/);
  });

  it('an odd number of bytes is refused, not read with a replacement character', () => {
    const data = new Uint8Array([...utf16('date,title\n', 'be'), 0x00]);
    const p = problem(decodeText(data, 'f.csv'));
    expect(p.message).toMatch(/not valid UTF-16BE: it has an odd number of bytes/);
    expect(p.line).toBe(2);
  });
});

describe('decodeText: UTF-16 with a byte-order mark is decoded strictly', () => {
  it('a lone low surrogate in UTF-16LE is refused with its line and byte', () => {
    const data = new Uint8Array([0xff, 0xfe, ...utf16('a\nb', 'le'), 0x00, 0xdc, ...utf16('c', 'le')]);
    const p = problem(decodeText(data, 'f.csv'));
    expect(p).toMatchObject({ line: 2, column: 2 });
    expect(p.message).toMatch(/read as UTF-16LE, but it is not valid UTF-16LE: bytes 8–9 are half of a character/);
  });

  it('a high surrogate at the very end of UTF-16BE is refused', () => {
    const data = new Uint8Array([0xfe, 0xff, ...utf16('x', 'be'), 0xd8, 0x3d]);
    expect(problem(decodeText(data, 'f')).message).toMatch(/lone surrogate, 0xd83d/);
  });

  it('a pair of surrogates (an emoji) is fine', () => {
    const data = new Uint8Array([0xff, 0xfe, ...utf16('flag 🇸🇾', 'le')]);
    expect(decoded(decodeText(data, 'f')).text).toBe('flag 🇸🇾');
  });
});

describe('decodeText: NUL (zero) bytes are refused', () => {
  it('a NUL in UTF-8 text names its line, column and byte', () => {
    const p = problem(decodeText(bytes('date,title\n2017-11-03,ab', [0], 'c\n'), 'junk.csv'));
    expect(p).toMatchObject({ severity: 'error', file: 'junk.csv', line: 2, column: 14 });
    expect(p.message).toMatch(/NUL \(zero\) character \(byte 24 of the file\)/);
    expect(p.message).toMatch(/binary/);
  });

  it('zero padding after the text is refused at the line where it starts', () => {
    const p = problem(decodeText(new Uint8Array([...bytes('a,b\n1,2\n'), ...new Uint8Array(4096)]), 'padded.csv'));
    expect(p).toMatchObject({ line: 3, column: 1 });
  });

  it('scattered zero bytes in UTF-8 are not taken for UTF-16', () => {
    // Ten zero bytes, all at even offsets, in 1,000 bytes of text.
    const text = new Uint8Array(1000).fill(0x61);
    for (let i = 0; i < 10; i++) text[100 * i + 50] = 0;
    expect(problem(decodeText(text, 'f')).message).toMatch(/NUL \(zero\) character \(byte 50 of the file\)/);
  });

  it('a U+0000 in UTF-16 text is refused too', () => {
    const p = problem(decodeText(new Uint8Array([0xff, 0xfe, ...utf16('a,b\n1\u00002\n', 'le')]), 'f'));
    expect(p).toMatchObject({ line: 2, column: 2 });
    expect(p.message).toMatch(/byte 12 of the file/);
  });

  it('UTF-32 text is refused with a message that names it', () => {
    const data = new Uint8Array(Buffer.concat([...'date,title\n2017,x\n'].map((c) => Buffer.from([c.charCodeAt(0), 0, 0, 0]))));
    const p = problem(decodeText(data, 'wide.csv'));
    expect(p.message).toMatch(/looks like UTF-32LE text, which Frontline does not read/);
  });
});

describe('utf8Bytes: what the streaming loader reads', () => {
  const native = '{"format": "frontline-dataset", "version": 1, "metadata": {"title": "دير الزور"}, "events": []}\n';

  for (const order of ['le', 'be'] as const) {
    it(`a native file in UTF-16${order.toUpperCase()} without a byte-order mark becomes its UTF-8, with a warning`, () => {
      const r = utf8Bytes(utf16(native, order), 'x.frontline');
      if (!r.ok) throw new Error(r.problem.message);
      expect(Buffer.from(r.bytes).toString('utf8')).toBe(native);
      expect(r).toMatchObject({ encoding: `utf-16${order}`, bom: false, warning: { severity: 'warning', file: 'x.frontline' } });
    });
  }

  it('UTF-8 passes through unchanged (a BOM stripped), with no warning', () => {
    const r = utf8Bytes(bytes([0xef, 0xbb, 0xbf], native), 'x.frontline');
    if (!r.ok) throw new Error(r.problem.message);
    expect(Buffer.from(r.bytes).toString('utf8')).toBe(native);
    expect(r).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(r.warning).toBeUndefined();
  });

  it('a zero byte in UTF-8 is refused at its line and column', () => {
    const r = utf8Bytes(bytes('{\n  "format": "دير', [0], '"\n}'), 'x.frontline');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ file: 'x.frontline', line: 2, column: 17 });
    expect(r.problem.message).toMatch(/NUL \(zero\) character \(byte 21 of the file\)/);
  });

  it('a lone surrogate in UTF-16 is refused rather than replaced', () => {
    const r = utf8Bytes(new Uint8Array([0xff, 0xfe, ...utf16('{"a": "', 'le'), 0x3d, 0xd8, ...utf16('"}', 'le')]), 'x.frontline');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/lone surrogate/);
  });
});
