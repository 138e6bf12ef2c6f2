// Invisible characters that can disguise dataset text (bidi overrides that reorder a label,
// zero-width spaces that hide inside ids, C0 controls). ZWJ and ZWNJ stay: Arabic and Persian
// script needs them for correct shaping.

// LRE RLE PDF LRO RLO (U+202A–U+202E), LRI RLI FSI PDI (U+2066–U+2069), LRM RLM ALM,
// zero-width space, word joiner, invisible operators, BOM/ZWNBSP, and C0/C1 controls except tab and newline.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060-\u2064\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export interface CleanedText {
  readonly text: string;
  /** How many characters were removed. */
  readonly removed: number;
}

export function cleanText(input: string): CleanedText {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(input)) return { text: input, removed: 0 };
  const text = input.replace(INVISIBLE, '');
  return { text, removed: input.length - text.length };
}

/** True when the string holds any character `cleanText` would remove. */
export function hasInvisibleControls(input: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(input);
}

/**
 * `text`, or '' when nothing would be left of it once cleaned and trimmed (only spaces and
 * invisible control characters): importers treat such a cell as empty, as a reader sees it,
 * rather than making a title or name the dataset check then finds empty.
 */
export function blankIfInvisible(text: string): string {
  return hasInvisibleControls(text) && cleanText(text).text.trim() === '' ? '' : text;
}

/**
 * Quick test of JSON text before parsing: false means no string in it can hold a character
 * cleanText removes (neither the character itself nor any \u escape appears). True means maybe.
 */
export function jsonMayHaveInvisible(jsonText: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(jsonText) || jsonText.includes('\\u');
}
