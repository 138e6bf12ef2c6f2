// cleanText / hasInvisibleControls: which invisible characters are removed and which shaping characters stay.
import { describe, expect, it } from 'vitest';
import { cleanText, hasInvisibleControls } from './cleanText';

const BIDI_EMBEDDINGS_AND_OVERRIDES = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E'];
const BIDI_ISOLATES = ['\u2066', '\u2067', '\u2068', '\u2069'];
const MARKS = ['\u200E', '\u200F']; // LRM, RLM
const ZERO_WIDTH_SPACE = '\u200B';
const BOM = '\uFEFF';
const C0_REMOVED = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\t\n\r'.includes(c));

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

describe('cleanText removes invisible controls', () => {
  it.each([...BIDI_EMBEDDINGS_AND_OVERRIDES, ...BIDI_ISOLATES].map((c) => [hex(c), c]))('removes bidi control %s', (_name, c) => {
    expect(cleanText(`Deir${c} al-Zour`)).toEqual({ text: 'Deir al-Zour', removed: 1 });
  });

  it.each([...MARKS, ZERO_WIDTH_SPACE, BOM].map((c) => [hex(c), c]))('removes %s', (_name, c) => {
    expect(cleanText(`${c}al-Qaim${c}`)).toEqual({ text: 'al-Qaim', removed: 2 });
  });

  it('removes every C0 control except tab, newline and carriage return', () => {
    expect(C0_REMOVED).toHaveLength(29);
    for (const c of C0_REMOVED) {
      expect(cleanText(`a${c}b`), hex(c)).toEqual({ text: 'ab', removed: 1 });
    }
  });

  it('keeps tab, newline and carriage return', () => {
    const text = 'line one\tcolumn\r\nline two\n';
    expect(cleanText(text)).toEqual({ text, removed: 0 });
  });

  it('counts every removed character, including a run of them', () => {
    // A right-to-left override hiding a reversed word, closed by PDF, padded with zero-width spaces.
    const disguised = '\u200B\u200BSDF \u202Eterces\u202C\u200B says\u0000';
    expect(cleanText(disguised)).toEqual({ text: 'SDF terces says', removed: 6 });
  });

  it('gives the same answer when called repeatedly (no regex state carried over)', () => {
    const input = 'a\u202Eb';
    expect(cleanText(input)).toEqual({ text: 'ab', removed: 1 });
    expect(cleanText(input)).toEqual({ text: 'ab', removed: 1 });
    expect(hasInvisibleControls(input)).toBe(true);
    expect(hasInvisibleControls(input)).toBe(true);
  });
});

describe('cleanText keeps real text intact', () => {
  it('keeps ZWJ (U+200D) and ZWNJ (U+200C), which Arabic and Persian shaping needs', () => {
    const persian = 'می\u200Cخواهم'; // "I want", with a zero-width non-joiner
    const joined = 'ل\u200Dا';
    expect(cleanText(persian)).toEqual({ text: persian, removed: 0 });
    expect(cleanText(joined)).toEqual({ text: joined, removed: 0 });
  });

  it('leaves Arabic text unchanged', () => {
    expect(cleanText('دير الزور')).toEqual({ text: 'دير الزور', removed: 0 });
    expect(cleanText('البوكمال، القائم')).toEqual({ text: 'البوكمال، القائم', removed: 0 });
  });

  it('leaves ordinary punctuation, accents and emoji alone', () => {
    const text = 'Al-Qaïm — “Islamic State” (IS) 95% – 4.4m 🇸🇾';
    expect(cleanText(text)).toEqual({ text, removed: 0 });
  });

  it('removes only the controls from mixed Arabic text', () => {
    expect(cleanText('\u202Bدير الزور\u202C')).toEqual({ text: 'دير الزور', removed: 2 });
  });

  it('handles the empty string', () => {
    expect(cleanText('')).toEqual({ text: '', removed: 0 });
  });
});

describe('hasInvisibleControls', () => {
  it('is true when any removable character is present', () => {
    for (const c of [...BIDI_EMBEDDINGS_AND_OVERRIDES, ...BIDI_ISOLATES, ...MARKS, ZERO_WIDTH_SPACE, BOM, '\u0000', '\u001B']) {
      expect(hasInvisibleControls(`text${c}`), hex(c)).toBe(true);
    }
  });

  it('is false for clean text, ZWJ/ZWNJ, tab and newline', () => {
    for (const text of ['', 'plain', 'دير الزور', 'a\u200Cb', 'a\u200Db', 'a\tb\nc\r\n']) {
      expect(hasInvisibleControls(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('agrees with cleanText', () => {
    for (const text of ['a\u2066b', 'clean', '\uFEFFx', 'y\u200C']) {
      expect(hasInvisibleControls(text)).toBe(cleanText(text).removed > 0);
    }
  });
});
