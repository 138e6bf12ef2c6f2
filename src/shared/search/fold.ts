// Folding text for search, so that the spellings analysts meet for one place find the same events:
// "Deir al-Zour", "Deir ez-Zor", "Dayr az Zawr", "Deir-ez-Zor" and "دير الزور" all fold to words
// with the skeletons "dr" and "zr". Each word of a text has:
//
//  - its literal form: lower case, no diacritics, no apostrophes or ʿayn/hamza marks, Arabic
//    transliterated letter by letter ("qaim" for al-Qa'im and for القائم);
//  - its skeleton: the literal's consonants (vowels dropped, w and y dropped unless they open the
//    word, doubled letters merged, q as k, a final -ah/-eh as -a), because transliterations differ
//    mostly in vowels. A word that opens with a vowel keeps a marker for it, so "Iraq" (_rk) and
//    "Raqqa" (rk) stay apart;
//  - its shape (computed when needed): the skeleton with one mark per run of vowels.
//
// The Arabic article is dropped (al-, el-, ez-, ash-, ... as separate words or joined by a hyphen;
// ال on an Arabic word). A query word matches a text word when their skeletons are equal (any
// transliteration of a whole word), or when the query word's literal form starts the text word's
// (type-ahead: "Deir al-Z" finds Deir al-Zour), or, for the last word of a query, still being
// typed and ending in a vowel ("Dayr az-Za"), when its shape starts the text word's. Skeleton prefixes are not used:
// "Qaim" (km) would find "Kamal" (kml). Two- and three-letter capital words with a vowel (IS, US,
// UN) are acronyms unless the whole text is in capitals: they match by their letters only, so "IS"
// does not find "US". Short skeletons (fewer than three consonants) meet by chance ("Deir" and
// "drew" are both dr), so words with one must also have their vowels in the same places: the same
// shape, or for a word in Arabic script (which leaves short vowels out) a shape the other's gives
// by leaving out vowels. "Deir" finds Dayr, Dair and دير but not "drew" or "Daraa"; it still finds
// "door", whose vowels are where Deir's are.
//
// Pure functions on strings: no DOM, no Node; used by SearchIndex in a worker.

/** One folded word. `skeleton` is '' for a word matched by its letters only (an acronym). */
export interface FoldedWord {
  readonly literal: string;
  readonly skeleton: string;
  /** Written in Arabic script: its literal form has the long vowels only. */
  readonly arabic?: boolean;
}

/**
 * A word of a query. `open`: the word is being typed (the last of the query, nothing typed after
 * it) and ends in a vowel, so it may match other vowels by its shape.
 */
export interface QueryWord extends FoldedWord {
  readonly open: boolean;
}

/** A compiled query: every word must match some word of a text. No words: a blank query. */
export interface SearchQuery {
  readonly words: readonly QueryWord[];
}

// ---------------------------------------------------------------------------------------------
// Characters

/** Apostrophes, ʿayn and hamza marks, primes and accents written on their own: joined, not split. */
const APOSTROPHES = /[\u2019\u2018\u02BC\u02BB\u02BF\u02BE\u0060\u00B4\u2032\u201B\u02C8]/g;

/** Letters NFKD leaves alone or decomposes the wrong way for transliteration (š is sh, not s). */
const SPECIAL: Readonly<Record<string, string>> = {
  š: 'sh', Š: 'sh', č: 'ch', Č: 'ch', ž: 'zh', Ž: 'zh', ǧ: 'j', Ǧ: 'j', ḏ: 'dh', Ḏ: 'dh', ṯ: 'th', Ṯ: 'th',
  ḫ: 'kh', Ḫ: 'kh', ẖ: 'kh', ġ: 'gh', Ġ: 'gh', ß: 'ss', ẞ: 'ss', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd',
  ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ı: 'i', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't'
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

/** Arabic-script consonants as Latin letters (after NFKD: hamza seats are already plain letters). */
const ARABIC_CONSONANT: Readonly<Record<string, string>> = {
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ک: 'k', ل: 'l', م: 'm', ن: 'n',
  ه: 'h', ھ: 'h', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ڤ: 'v'
};
/** Letters that transliterate as vowels (alef, alef maqsura, ta marbuta, ʿayn), or nothing (hamza). */
const ARABIC_VOWEL: Readonly<Record<string, string>> = { ا: 'a', ٱ: 'a', ى: 'a', ة: 'a', ۃ: 'a', ع: 'a', ء: '' };
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F]/;
const ARABIC_DIGIT_ZERO = 0x0660;
const PERSIAN_DIGIT_ZERO = 0x06f0;

/** The Latin spellings of the Arabic article (assimilated ones included), as words of their own. */
export const ARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'il', 'ul', 'ad', 'adh', 'an', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'ed', 'edh', 'en', 'er', 'es', 'esh', 'et', 'eth', 'ez'
]);

const VOWEL = new Uint8Array(128);
for (const c of 'aeiou') VOWEL[c.charCodeAt(0)] = 1;

// ---------------------------------------------------------------------------------------------
// Words

/** A final "ah" / "eh" loses its h (Raqqah, Raqqa), in words of more than three letters. */
function withoutFinalH(literal: string): string {
  if (literal.length > 3 && literal.charCodeAt(literal.length - 1) === 104 /* h */) {
    const before = literal.charCodeAt(literal.length - 2);
    if (before === 97 /* a */ || before === 101 /* e */) return literal.slice(0, -1);
  }
  return literal;
}

/** Skeleton of a literal form: see the top of the file. Digits are kept as they are. */
export function skeletonOf(literal: string): string {
  const w = withoutFinalH(literal);
  let out = '';
  let last = -1;
  for (let i = 0; i < w.length; i++) {
    let c = w.charCodeAt(i);
    if (c < 128 && VOWEL[c] === 1) {
      if (i === 0) out = '_';
      continue;
    }
    if ((c === 119 /* w */ || c === 121) /* y */ && i > 0) continue;
    if (c >= 48 && c <= 57) {
      out += w[i];
      last = -1;
      continue;
    }
    if (c === 113 /* q */) c = 107; // k
    if (c === last) continue;
    out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

/**
 * Shape of a literal form: like its skeleton, but each run of vowels (and w, y after the first
 * letter) is kept as one "a", so "zo" (za) starts "zour", "zawr" and "zor" (zar) alike. Used for a
 * query word being typed that ends in a vowel (see isOpenWord).
 */
export function shapeOf(literal: string): string {
  const w = withoutFinalH(literal);
  let out = '';
  let last = -1;
  for (let i = 0; i < w.length; i++) {
    let c = w.charCodeAt(i);
    const vowel = (c < 128 && VOWEL[c] === 1) || ((c === 119 /* w */ || c === 121) /* y */ && i > 0);
    if (vowel) {
      if (i === 0) out = '_';
      else if (last !== -2) out += 'a';
      last = -2;
      continue;
    }
    if (c === 113 /* q */) c = 107; // k
    if (c === last && !(c >= 48 && c <= 57)) continue;
    out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

/** A skeleton of fewer than three consonants, which unrelated words share by chance. */
export function isShortSkeleton(skeleton: string): boolean {
  let n = 0;
  for (let i = 0; i < skeleton.length; i++) if (skeleton.charCodeAt(i) !== 95 /* _ */) n++;
  return n < 3;
}

/**
 * Can shape `full` be made from shape `sparse` by adding vowel marks ("a") only, not at the end?
 * Arabic script leaves short vowels out inside a word, but a final vowel is written (ا ي و ة):
 * العراق is Iraq, not Iraqi.
 */
function addsOnlyVowels(full: string, sparse: string): boolean {
  if (full.endsWith('a') && !sparse.endsWith('a')) return false;
  let j = 0;
  for (let i = 0; i < full.length; i++) {
    if (j < sparse.length && full[i] === sparse[j]) j++;
    else if (full[i] !== 'a') return false;
  }
  return j === sparse.length;
}

/**
 * For two words of one short skeleton: are their vowels in the same places? Two Latin spellings:
 * the same shape. A word in Arabic script: the other's shape with vowels left out gives its shape.
 * Two in Arabic script: yes (their skeletons are what they have to go by).
 */
export function vowelsAgree(shapeA: string, arabicA: boolean, shapeB: string, arabicB: boolean): boolean {
  if (arabicA && arabicB) return true;
  if (arabicA) return addsOnlyVowels(shapeB, shapeA);
  if (arabicB) return addsOnlyVowels(shapeA, shapeB);
  return shapeA === shapeB;
}

/** The same word by its letters: the same skeleton, and for a short one, vowels that agree. */
export function sameByLetters(a: FoldedWord, b: FoldedWord): boolean {
  if (a.skeleton !== b.skeleton) return false;
  return !isShortSkeleton(a.skeleton) || vowelsAgree(shapeOf(a.literal), a.arabic === true, shapeOf(b.literal), b.arabic === true);
}

/** Does a word end in a vowel, as one still being typed often does ("Dayr az-Za")? */
export function isOpenWord(literal: string): boolean {
  if (literal.length === 0) return false;
  const c = literal.charCodeAt(literal.length - 1);
  return (c < 128 && VOWEL[c] === 1) || ((c === 119 || c === 121) && literal.length > 1);
}

/**
 * Literal form of one Arabic-script word (no marks, lower case already): the article and the
 * conjunctions and prepositions joined to it dropped, letters transliterated.
 */
function arabicLiteral(word: string): string {
  let w = word;
  if (w.length >= 3 && w.startsWith('ال')) w = w.slice(2);
  else if (w.length >= 6 && /^[وبفك]ال/.test(w)) w = w.slice(3);
  else if (w.length >= 5 && w.startsWith('لل')) w = w.slice(2);
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i]!;
    const code = ch.charCodeAt(0);
    const consonant = ARABIC_CONSONANT[ch];
    // A final ه is often written for ta marbuta (الرقه for الرقة).
    if (ch === 'ه' && i === w.length - 1 && i >= 2) out += 'a';
    else if (consonant !== undefined) out += consonant;
    else if (ch === 'و') out += i === 0 ? 'w' : 'u';
    else if (ch === 'ي' || ch === 'ی' || ch === 'ې') out += i === 0 ? 'y' : 'i';
    else if (ARABIC_VOWEL[ch] !== undefined) out += ARABIC_VOWEL[ch];
    else if (code >= ARABIC_DIGIT_ZERO && code <= ARABIC_DIGIT_ZERO + 9) out += String.fromCharCode(48 + code - ARABIC_DIGIT_ZERO);
    else if (code >= PERSIAN_DIGIT_ZERO && code <= PERSIAN_DIGIT_ZERO + 9) out += String.fromCharCode(48 + code - PERSIAN_DIGIT_ZERO);
    else if (!ARABIC_LETTER.test(ch)) out += ch;
  }
  return out;
}

/** A comma grouping thousands ("1,500"): dropped, so the number is one word. */
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;

const ACRONYM = /^[A-Z]{2,3}$/;
const HAS_VOWEL = /[AEIOU]/;
const LOWER = /\p{Ll}/u;

/**
 * Plain form of a text: apostrophe-like marks as ', no commas grouping thousands, the letters of
 * SPECIAL replaced, NFKD without combining marks or tatweel. Its words are the runs of letters,
 * digits and apostrophes (see WORD_SEPARATORS).
 */
export function plainText(text: string): string {
  return text
    .replace(APOSTROPHES, "'")
    .replace(THOUSANDS, '$1')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '');
}

export const WORD_SEPARATORS = /[^\p{L}\p{N}']+/u;

/** Result of folding one raw word: the word, and whether it spells the Arabic article. */
export interface RawWordFold {
  readonly word: FoldedWord;
  readonly article: boolean;
}

/**
 * Fold one raw word of a plain text (letters, digits, apostrophes; see plainText). `acronyms`:
 * whether a short all-capital word is taken as an acronym (not in a text written in capitals).
 * Undefined when nothing is left of it.
 */
export function foldRawWord(part: string, acronyms: boolean): RawWordFold | undefined {
  let raw = part;
  // "IS's": the possessive of an acronym (not "Ra's", a word of its own).
  if (raw.length > 3 && (raw.endsWith("'s") || raw.endsWith("'S")) && ACRONYM.test(raw.slice(0, -2))) raw = raw.slice(0, -2);
  if (raw.includes("'")) raw = raw.replace(/'/g, '');
  if (raw === '') return undefined;
  if (ARABIC_LETTER.test(raw)) {
    const literal = arabicLiteral(raw.toLowerCase());
    return literal === '' ? undefined : { word: { literal, skeleton: skeletonOf(literal), arabic: true }, article: false };
  }
  const literal = raw.toLowerCase();
  const acronym = acronyms && ACRONYM.test(raw) && HAS_VOWEL.test(raw);
  return { word: { literal, skeleton: acronym ? '' : skeletonOf(literal) }, article: ARTICLES.has(literal) };
}

/**
 * The raw words of a text (see foldRawWord), and whether it has lower-case letters. Short capital
 * words are acronyms when it has, or when it is a single word.
 */
export function rawParts(text: string): { parts: string[]; lower: boolean } {
  const plain = plainText(text);
  return { parts: plain.split(WORD_SEPARATORS).filter((p) => p !== ''), lower: LOWER.test(plain) };
}

function rawWords(text: string): RawWordFold[] {
  const { parts, lower } = rawParts(text);
  const acronyms = lower || parts.length <= 1;
  const out: RawWordFold[] = [];
  for (const part of parts) {
    const folded = foldRawWord(part, acronyms);
    if (folded) out.push(folded);
  }
  return out;
}

/** The folded words of a text to search in (articles dropped). */
export function foldText(text: string): FoldedWord[] {
  const out: FoldedWord[] = [];
  for (const r of rawWords(text)) if (!r.article) out.push(r.word);
  return out;
}

/**
 * A query, folded. Articles are dropped, unless the query is nothing but articles ("al" may be the
 * start of "Albu Kamal"); repeated words count once. The last word is open (see QueryWord) when it
 * ends the query and ends in a vowel.
 */
export function compileQuery(query: string): SearchQuery {
  const text = query.slice(0, 1000);
  const raw = rawWords(text);
  const typing = raw.length > 0 && !WORD_END.test(text);
  const kept = raw.some((r) => !r.article) ? raw.filter((r) => !r.article) : raw;
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  kept.forEach(({ word }, k) => {
    const open = typing && k === kept.length - 1 && kept[k] === raw[raw.length - 1] && word.skeleton !== '' && isOpenWord(word.literal);
    const key = `${word.literal} ${word.skeleton} ${open} ${word.arabic === true}`;
    if (seen.has(key)) return;
    seen.add(key);
    words.push({ ...word, open });
  });
  return { words };
}

/** A query ending in a separator: its last word is finished. */
const WORD_END = /[^\p{L}\p{N}'\u2019\u02BC\u02BF\u02BE\p{M}]$/u;

/** A query without any word to look for (empty, spaces, punctuation). */
export function isBlankQuery(query: string | SearchQuery): boolean {
  return (typeof query === 'string' ? compileQuery(query) : query).words.length === 0;
}

/**
 * Does a query word match a text word: the same by its letters (sameByLetters), or the text word
 * starts with the query word, or (an open query word) with its shape. Acronyms match by their
 * letters only.
 */
export function wordMatches(q: QueryWord, w: FoldedWord): boolean {
  if (w.literal.startsWith(q.literal)) return true;
  if (q.skeleton === '' || w.skeleton === '') return false;
  return sameByLetters(q, w) || (q.open && shapeOf(w.literal).startsWith(shapeOf(q.literal)));
}

/**
 * Does a text (or several) match the query: every query word matches some word of the texts. A
 * blank query matches everything. For single texts and tests; SearchIndex does this at scale.
 */
export function matchesText(query: string | SearchQuery, ...texts: readonly string[]): boolean {
  const q = typeof query === 'string' ? compileQuery(query) : query;
  const words = texts.flatMap(foldText);
  return q.words.every((qw) => words.some((w) => wordMatches(qw, w)));
}
