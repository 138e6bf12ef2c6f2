// What a query asks for, as terms that must all match an event. A term is one or more alternatives,
// any of which may match; an alternative is one word, or words that must be neighbours (a phrase).
//
//  - Names of an alias group (aliases.ts) are one term whose alternatives are all the group's names:
//    "ISIS", "Daesh" and "Islamic State" make the same term, so they find the same events.
//  - A compound is one term: "airstrike", "air strike" and "air-strike" all make the term "the word
//    airstrike, or air followed by strike". Compounds are the words of COMPOUND_WORDS (and their
//    plurals): two query words written together that make one, or one query word that is one, split
//    into the two neighbouring words the dataset writes it as. (Only listed compounds: indexing every
//    pair of neighbouring words, which any compound would need, costs twice the time and memory.)
//  - Any other word is a term of its own, found anywhere in the event (title, summary, places,
//    actors), in any order.
//
// Words match whole (by their letters, see fold.ts). The last word of a query still being typed is
// also completed ("Deir ez-Zo" → Zor, Zour, Zorjib): those matches are listed apart (SearchIndex).
import type { AliasTable } from './aliases';
import { COMPOUND_WORDS } from './aliasData';
import { compileQuery, skeletonOf, type FoldedWord, type QueryWord } from './fold';
import { foldLinked, LINK_BREAK, LINK_NEXT, type Link } from './linkedWords';

/**
 * A word of an alternative. `literalOnly`: matched by its literal form only (the halves of a split
 * compound). `arabicOnly`: matched by words written in Arabic script only (the Arabic-script names
 * of an alias group: the group's Latin names find Latin text, and Arabic script, which leaves short
 * vowels out, would find too much of it: درعا is "dr" and a vowel, as "drew" is).
 */
export interface PlanWord extends FoldedWord {
  readonly literalOnly?: boolean;
  readonly arabicOnly?: boolean;
}

/** One way a term may match: its words, and which of them must be neighbours (indices into words). */
export interface Alternative {
  readonly words: readonly PlanWord[];
  readonly pairs: readonly (readonly [number, number])[];
}

export interface Term {
  /** The query words it comes from, as typed. */
  readonly typed: string;
  readonly alternatives: readonly Alternative[];
  /** Names of the alias groups it was expanded to, the typed one among them. */
  readonly aliases?: readonly string[];
  /** The compound it was read as ("airstrike"). */
  readonly compound?: string;
}

export interface QueryPlan {
  readonly terms: readonly Term[];
  /**
   * The last word, while it is being typed (the query does not end in a separator): the plan for
   * completing it is `before` (the terms of the words before it, each word as a term of its own
   * where they were part of the same name or compound) and the word's completions.
   */
  readonly typing?: { readonly word: QueryWord; readonly before: readonly Term[] };
}

/** What a plan needs to know of the dataset. */
export interface Lexicon {
  /** Words with these literal forms are neighbours somewhere in the dataset. */
  hasPair(first: string, second: string): boolean;
}

/** Shortest half of a split compound, and shortest word that is split. */
const MIN_HALF = 3;
const MIN_SPLIT = 6;
const COMPOUNDS: ReadonlySet<string> = new Set(COMPOUND_WORDS);

/** A query ending in a separator: its last word is finished. */
const WORD_END = /[^\p{L}\p{N}'\u2019\u02BC\u02BF\u02BE\p{M}]$/u;

interface QueryToken {
  readonly word: QueryWord;
  readonly link: Link;
  /** The query typed, and where the word's chunk lies in it. */
  readonly query: string;
  readonly start: number;
  readonly end: number;
}

/** The words of a query with their links (articles dropped unless it has nothing else). */
function tokens(query: string): QueryToken[] {
  const text = query.slice(0, 1000);
  const compiled = compileQuery(text);
  const linked = foldLinked(text);
  if (linked.length === 0) return compiled.words.map((word, k) => ({ word, link: k === 0 ? LINK_BREAK : LINK_NEXT, query: word.literal, start: 0, end: word.literal.length }));
  const last = compiled.words[compiled.words.length - 1];
  return linked.map((w, k) => ({
    word: { ...w.word, open: k === linked.length - 1 && last !== undefined && last.open && last.literal === w.word.literal },
    link: w.link,
    query: text,
    start: w.start,
    end: w.end
  }));
}

function single(word: PlanWord): Alternative {
  return { words: [word], pairs: [] };
}

/** Is this literal form a compound word (see the top of the file)? */
export function isCompound(literal: string): boolean {
  return COMPOUNDS.has(literal) || (literal.endsWith('s') && COMPOUNDS.has(literal.slice(0, -1)));
}

/** The term of one word (`typed` as typed): the word, and for a compound its splits into two neighbouring words of the dataset. */
export function wordTerm(word: FoldedWord, lexicon: Lexicon, typed = word.literal): Term {
  const alternatives: Alternative[] = [single(word)];
  const lit = word.literal;
  if (word.skeleton !== '' && word.arabic !== true && lit.length >= MIN_SPLIT && isCompound(lit)) {
    for (let k = MIN_HALF; k <= lit.length - MIN_HALF; k++) {
      const a = lit.slice(0, k);
      const b = lit.slice(k);
      if (lexicon.hasPair(a, b)) alternatives.push({ words: [literalWord(a), literalWord(b)], pairs: [[0, 1]] });
    }
  }
  return { typed, alternatives, ...(alternatives.length > 1 ? { compound: lit } : {}) };
}

function literalWord(literal: string): PlanWord {
  return { literal, skeleton: skeletonOf(literal), literalOnly: true };
}

/** Two neighbouring query words written as one, when that is a compound word (see the top of the file). */
function compoundOf(a: FoldedWord, b: FoldedWord): FoldedWord | undefined {
  if (a.skeleton === '' || b.skeleton === '' || a.arabic === true || b.arabic === true) return undefined;
  const literal = a.literal + b.literal;
  return isCompound(literal) ? { literal, skeleton: skeletonOf(literal) } : undefined;
}

/** The term of an alias group (or of several a name belongs to). */
function aliasTerm(typed: string, groups: readonly number[], aliases: AliasTable): Term {
  const alternatives: Alternative[] = [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const g of groups) {
    for (const name of aliases.names(g)) {
      names.push(name.text);
      const words: PlanWord[] = name.words.map((w) => (w.word.arabic === true ? { ...w.word, arabicOnly: true } : w.word));
      const key = `${words.map((w) => `${w.skeleton}/${w.literal}`).join(' ')}|${name.pairs.join(';')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      alternatives.push({ words, pairs: name.pairs });
    }
  }
  return { typed, alternatives, aliases: names };
}

/** Query words as typed, from the first to the last. */
function typedText(toks: readonly QueryToken[]): string {
  return toks[0]!.query.slice(toks[0]!.start, toks[toks.length - 1]!.end);
}

/** The terms of a run of query words: names of alias groups (longest first), compounds, words. */
function segment(toks: readonly QueryToken[], aliases: AliasTable, lexicon: Lexicon): { terms: Term[]; starts: number[] } {
  const terms: Term[] = [];
  const starts: number[] = [];
  let i = 0;
  while (i < toks.length) {
    starts.push(i);
    // The longest run from here that names an alias group (not across a break).
    let end = i + 1;
    while (end < toks.length && end - i < 8 && toks[end]!.link !== LINK_BREAK) end++;
    let found: { end: number; groups: number[] } | undefined;
    for (let j = end; j > i && !found; j--) {
      const groups = aliases.groupsOf(toks.slice(i, j).map((t) => t.word));
      if (groups.length > 0) found = { end: j, groups };
    }
    if (found) {
      terms.push(aliasTerm(typedText(toks.slice(i, found.end)), found.groups, aliases));
      i = found.end;
      continue;
    }
    const next = toks[i + 1];
    const compound = next && next.link !== LINK_BREAK ? compoundOf(toks[i]!.word, next.word) : undefined;
    if (compound) {
      terms.push(wordTerm(compound, lexicon, typedText(toks.slice(i, i + 2))));
      i += 2;
      continue;
    }
    terms.push(wordTerm(toks[i]!.word, lexicon, typedText([toks[i]!])));
    i++;
  }
  return { terms, starts };
}

/** The plan of a query (see the top of the file). */
export function planQuery(query: string, aliases: AliasTable, lexicon: Lexicon): QueryPlan {
  const toks = tokens(query);
  if (toks.length === 0) return { terms: [] };
  const { terms, starts } = segment(toks, aliases, lexicon);
  const typing = toks.length > 0 && !WORD_END.test(query.slice(0, 1000));
  if (!typing) return { terms };
  // Completing the last word: the terms before its term, then its term's other words, one by one.
  const lastStart = starts[starts.length - 1]!;
  const before = terms.slice(0, -1);
  for (let k = lastStart; k < toks.length - 1; k++) before.push(wordTerm(toks[k]!.word, lexicon, typedText([toks[k]!])));
  return { terms, typing: { word: toks[toks.length - 1]!.word, before } };
}
