// Figures written the same way everywhere (timeline, detail panel, presentation, exports) so a
// reader can compare them: the source's qualifier, a grouped number, what it counts (agreeing in
// number: "1 civilian killed"), then the range the source gives ("0 killed, up to 7,961").
import type { Figure } from './schema';

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Numbers already written: the same few values (fatalities, mostly) recur over thousands of events. */
const written = new Map<number, string>();
const MAX_WRITTEN = 4096;

function groupedNumber(v: number): string {
  // A Map holds -0 and 0 as one key; Intl writes them apart.
  if (Object.is(v, -0)) return grouped.format(v);
  let text = written.get(v);
  if (text === undefined) {
    text = grouped.format(v);
    if (written.size < MAX_WRITTEN) written.set(v, text);
  }
  return text;
}

/** Units written with the number itself ("95%", "12 km"), so not again after it. */
function unitInNumber(unit: string): boolean {
  return ['percent', '%', 'km', 'kilometres', 'kilometers'].includes(unit.toLowerCase());
}

/** A number alone: "350,000", "4.4 million". */
function plainNumber(v: number): string {
  const abs = Math.abs(v);
  return abs >= 1_000_000 && abs % 100_000 === 0 ? `${groupedNumber(v / 1_000_000)} million` : groupedNumber(v);
}

/** A number with the unit it is written with, if any: "95%", "12 km", "350,000". */
function numberInUnit(v: number, unit: string): string {
  const n = plainNumber(v);
  const u = unit.toLowerCase();
  if (u === 'percent' || u === '%') return `${n}%`;
  if (u === 'km' || u === 'kilometres' || u === 'kilometers') return `${n} km`;
  return n;
}

/** "350,000", "4.4 million", "95%", or the source's words when it gave no number. */
export function formatFigureNumber(f: Pick<Figure, 'value' | 'unit' | 'asWritten'>): string {
  return f.value === null ? f.asWritten : numberInUnit(f.value, f.unit);
}

/** Lower-case qualifier as it reads before a number ("some", "about", "more than"). */
export function figureQualifier(f: Pick<Figure, 'qualifier' | 'bound'>): string {
  if (f.qualifier) return f.qualifier.toLowerCase();
  switch (f.bound) {
    case 'approximate':
      return 'about';
    case 'at-least':
      return 'at least';
    case 'at-most':
      return 'at most';
    default:
      return '';
  }
}

/** The ends of a figure's range that differ from its value (none when it has no number). */
function rangeEnds(f: Pick<Figure, 'value' | 'low' | 'high'>): { readonly low: number | undefined; readonly high: number | undefined } {
  if (f.value === null) return NO_RANGE;
  // Written without spreads: every event's figure label comes through here.
  const low = f.low !== undefined && f.low !== f.value ? f.low : undefined;
  const high = f.high !== undefined && f.high !== f.value ? f.high : undefined;
  return low === undefined && high === undefined ? NO_RANGE : { low, high };
}

const NO_RANGE = { low: undefined, high: undefined } as const;

/**
 * The range the source gives around its estimate, as it reads after the figure's words: " (10–15)"
 * when both ends differ from the value, ", up to 7,961" when only the high one does, ", as few as
 * 10" when only the low one does; '' when there is no range (or no number to put it around).
 */
export function figureRange(f: Pick<Figure, 'value' | 'low' | 'high' | 'unit'>): string {
  const { low, high } = rangeEnds(f);
  if (low !== undefined && high !== undefined) return ` (${plainNumber(low)}–${numberInUnit(high, f.unit)})`;
  if (high !== undefined) return `, up to ${numberInUnit(high, f.unit)}`;
  if (low !== undefined) return `, as few as ${numberInUnit(low, f.unit)}`;
  return '';
}

/** The range on a line of its own: "range 10–15", "up to 7,961", "as few as 10", or ''. */
export function figureRangeAlone(f: Pick<Figure, 'value' | 'low' | 'high' | 'unit'>): string {
  const { low, high } = rangeEnds(f);
  if (low !== undefined && high !== undefined) return `range ${plainNumber(low)}–${numberInUnit(high, f.unit)}`;
  return figureRange(f).replace(/^, /, '');
}

/** A figure in its four parts, each shown as it is (the detail panel styles them apart). */
export interface FigureParts {
  /** "some", "at least"; '' when the source gave none, or when the range says how uncertain it is. */
  readonly qualifier: string;
  /** "350,000", "95%", or the source's words when it gave no number. */
  readonly number: string;
  /** What it counts, agreeing with the number ("1 civilian killed", "2 civilians killed"). */
  readonly words: string;
  /** See figureRange: " (10–15)", ", up to 7,961" or ''. */
  readonly range: string;
  /** See figureRangeAlone: "range 10–15", "up to 7,961" or ''. */
  readonly rangeAlone: string;
}

/**
 * The parts of a figure followed by `words` (its label on the timeline, what it counts in details
 * and exports). An approximation shown by its range is not also called "about": "about 0 killed"
 * would hide that UCDP's high estimate is 7,961. A figure without a number is the source's own
 * words, qualifier included ("just a few kilometres"), so the qualifier is not said twice.
 */
export function figureParts(f: Figure, words: string): FigureParts {
  const p = lineParts(f, words);
  return { qualifier: p.qualifier, number: p.number, words: p.words, range: p.range, rangeAlone: figureRangeAlone(f) };
}

/** The parts of a figure that make its line (figureParts but the range alone, which no line shows). */
function lineParts(f: Figure, words: string): Omit<FigureParts, 'rangeAlone'> {
  const range = figureRange(f);
  const qualifier = f.value === null || (range !== '' && !f.qualifier && f.bound === 'approximate') ? '' : figureQualifier(f);
  return { qualifier, number: formatFigureNumber(f), words: f.value === null ? words : agreeInNumber(words, f.value), range };
}

/** A figure as one line: "some 350,000 displaced", "0 killed, up to 7,961", "12 killed (10–15)". */
export function figureText(f: Figure, words: string): string {
  const p = lineParts(f, words);
  // The non-empty parts, a space between each (made for every event with figures: no lists).
  let line = p.qualifier;
  if (p.number.length > 0) line = line.length > 0 ? `${line} ${p.number}` : p.number;
  if (p.words.length > 0) line = line.length > 0 ? `${line} ${p.words}` : p.words;
  return line + p.range;
}

/** Short text for the timeline: "some 350,000 displaced", "about 1,500 IS fighters left", "0 killed, up to 7,961". */
export function figureLabel(f: Figure): string {
  if (f.value === null) return f.asWritten;
  return figureText(f, f.label ?? (unitInNumber(f.unit) ? '' : f.unit));
}

// ---------------------------------------------------------------------------------------------
// Agreement in number. Labels and counts are written for many ("civilians killed", "people
// displaced"); one of them reads "1 civilian killed", "1 person displaced". Only the counted noun
// changes: the first plural word among the first two words, past acronyms ("IS fighters left").

const IRREGULAR: Readonly<Record<string, string>> = {
  people: 'person',
  persons: 'person',
  men: 'man',
  women: 'woman',
  children: 'child',
  lives: 'life',
  wives: 'wife',
  thieves: 'thief',
  policemen: 'policeman',
  gunmen: 'gunman',
  militiamen: 'militiaman',
  servicemen: 'serviceman',
  tribesmen: 'tribesman'
};

/** Words ending in s that are not plurals of a counted noun. */
const NOT_PLURAL = new Set(['its', 'this', 'his', 'hers', 'ours', 'yours', 'theirs', 'was', 'has', 'does', 'is', 'as', 'us', 'yes', 'plus', 'thus', 'whereas', 'always', 'perhaps', 'towards', 'afterwards', 'besides', 'sometimes', 'across', 'news', 'series', 'species', 'various', 'numerous', 'previous', 'famous']);

/** The singular of a plural noun, or undefined when `word` does not look like one. */
function singular(word: string): string | undefined {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular !== undefined) return word[0] === lower[0] ? irregular : irregular[0]!.toUpperCase() + irregular.slice(1);
  if (word.length < 3 || NOT_PLURAL.has(lower) || !/^\p{L}+$/u.test(word) || /(ss|us)$/.test(lower)) return undefined;
  // "crisis", "analysis" are singular; "Iraqis", "Yemenis" (capitalised) are people.
  if (lower.endsWith('is') && word[0] === lower[0]) return undefined;
  if (/[^aeiou]ies$/.test(lower)) return `${word.slice(0, -3)}${word.endsWith('IES') ? 'Y' : 'y'}`;
  if (/(ch|sh|x|z|ss)es$/.test(lower)) return word.slice(0, -2);
  if (lower.endsWith('s')) return word.slice(0, -1);
  return undefined;
}

/** An acronym ("IS", "SDF", "YPG"): a name, never the counted noun. */
function isAcronym(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** `words` agreeing with `value`: for exactly one, the counted noun in the singular. */
export function agreeInNumber(words: string, value: number): string {
  if (value !== 1 && value !== -1) return words;
  const tokens = words.split(/(\s+)/);
  let seen = 0;
  for (let i = 0; i < tokens.length && seen < 2; i++) {
    const token = tokens[i]!;
    // The word without what ends it ("deaths," "casualties:").
    const m = /^(\p{L}+)(\P{L}*)$/u.exec(token);
    if (!m) {
      if (token.trim() !== '') seen++;
      continue;
    }
    if (isAcronym(m[1]!)) continue;
    seen++;
    const one = singular(m[1]!);
    if (one !== undefined) {
      tokens[i] = one + m[2]!;
      return tokens.join('');
    }
  }
  return words;
}
