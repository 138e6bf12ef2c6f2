// A figure cell of a generic table ("1,234", "about 300", "at least 50", "50+", "10-20") as a
// number with its bound and qualifier, and what the column counts, from its header.
import { clip } from '../text/clip';
import { oneLine } from './cellText';
import { nameKey } from './csvMapping';

export interface FigureNumber {
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly bound: 'exact' | 'approximate' | 'at-least' | 'at-most';
  readonly qualifier?: string;
}

const NUMBER = /^(?:\d{1,3}(?:[, \u00A0\u202F']\d{3})+|\d+)(?:\.\d+)?$/;
const QUALIFIERS: readonly (readonly [RegExp, FigureNumber['bound']])[] = [
  [/^(~|c\.|ca\.|approx\.|approximately|about|around|circa|some|roughly|nearly|almost|est\.|estimated)\s*/i, 'approximate'],
  [/^(at least|more than|over|>=|≥|>|min\.|minimum)\s*/i, 'at-least'],
  [/^(at most|up to|fewer than|less than|under|<=|≤|<|max\.|maximum)\s*/i, 'at-most']
];

function readNumber(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t.replace(/[, \u00A0\u202F']/g, ''));
  return Number.isFinite(n) && n <= 1e15 ? n : undefined;
}

/** A figure cell: "1,234", "about 300", "at least 50", "50+", "10-20"; undefined when it is not one. */
export function parseFigure(text: string): FigureNumber | undefined {
  let body = text.trim();
  for (const [re, bound] of QUALIFIERS) {
    const m = re.exec(body);
    if (m) {
      const value = readNumber(body.slice(m[0].length));
      if (value === undefined) return undefined;
      // Words are kept as the source wrote them; symbols (~, >, ≤) are said by the bound.
      return /[a-z]/i.test(m[1]!) ? { value, bound, qualifier: m[1]! } : { value, bound };
    }
  }
  if (body.endsWith('+')) {
    const value = readNumber(body.slice(0, -1));
    return value === undefined ? undefined : { value, bound: 'at-least' };
  }
  const range = /^(.+?)\s*(?:-|–|—|to)\s*(.+)$/i.exec(body);
  if (range && !body.startsWith('-')) {
    const low = readNumber(range[1]!);
    const high = readNumber(range[2]!);
    if (low !== undefined && high !== undefined && low <= high) return { value: low, low, high, bound: 'at-least' };
    return undefined;
  }
  if (body.startsWith('-')) body = body.slice(1);
  const value = readNumber(body);
  if (value === undefined) return undefined;
  return { value: text.trim().startsWith('-') ? -value : value, bound: 'exact' };
}

/** What a figure column counts, from its header. */
export function figureMeaning(header: string): { unit: string; counts: string; label: string } {
  const key = nameKey(header);
  const name = oneLine(header);
  const of = `(the "${clip(name, 80)}" column)`;
  if (/casualt/.test(key)) return { unit: 'people', counts: `people killed or wounded ${of}`, label: 'casualties' };
  if (/fatalit|death|dead|kill|toll/.test(key)) return { unit: 'people', counts: `people killed ${of}`, label: 'killed' };
  if (/injur|wound/.test(key)) return { unit: 'people', counts: `people wounded ${of}`, label: 'wounded' };
  if (/displac|refugee|idp/.test(key)) return { unit: 'people', counts: `people displaced ${of}`, label: 'displaced' };
  if (/arrest|detain/.test(key)) return { unit: 'people', counts: `people arrested ${of}`, label: 'arrested' };
  const word = name.toLowerCase() || 'figure';
  return { unit: clip(word, 100), counts: `the "${clip(name, 80) || 'figure'}" column`, label: clip(word, 60) };
}
