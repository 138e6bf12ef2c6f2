// What SearchIndex should answer, worked out the slow way: each event's texts (title, summary, each
// name of its places and actors) folded one by one (foldLinked) and each query term checked
// against them word by word and pair by pair. The plan (terms, alternatives) is the index's own:
// this checks matching, not reading the query.
import { stringAt, valuesOf, type DatasetHeader, type EventColumns } from '../../src/shared/dataset/columns';
import { sameByLetters, shapeOf, type FoldedWord } from '../../src/shared/search/fold';
import { foldLinked, pairsOf } from '../../src/shared/search/linkedWords';
import type { PlanWord, QueryPlan, Term } from '../../src/shared/search/queryPlan';

export interface Searchable {
  readonly columns: EventColumns;
  readonly header: DatasetHeader;
}

/** Every text an event is searched by: title, summary, its places' names, its actors' names. */
export function textsOf(f: Searchable, i: number, summaries = true): string[] {
  const { columns: c, header: h } = f;
  const texts = [stringAt(c.titles, i)];
  if (summaries) texts.push(stringAt(c.summaries, i));
  for (const p of valuesOf(c.placeOffsets, c.placeIndex, i)) texts.push(h.places[p]!.name, ...h.places[p]!.altNames.map((a) => a.name));
  for (const a of valuesOf(c.actorOffsets, c.actorIndex, i)) texts.push(h.actors[a]!.name, ...h.actors[a]!.aliases);
  return texts;
}

interface FoldedEvent {
  readonly words: FoldedWord[];
  readonly pairs: [FoldedWord, FoldedWord][];
}

const cache = new WeakMap<EventColumns, FoldedEvent[]>();

function folded(f: Searchable): FoldedEvent[] {
  let events = cache.get(f.columns);
  if (!events) {
    events = Array.from({ length: f.columns.count }, (_, i) => {
      const words: FoldedWord[] = [];
      const pairs: [FoldedWord, FoldedWord][] = [];
      for (const text of textsOf(f, i)) {
        const linked = foldLinked(text);
        for (const w of linked) words.push(w.word);
        for (const [a, b] of pairsOf(linked)) pairs.push([linked[a]!.word, linked[b]!.word]);
      }
      return { words, pairs };
    });
    cache.set(f.columns, events);
  }
  return events;
}

/** Is text word `w` the query word `q` (whole, by its letters; see Vocabulary.sameWords)? */
export function sameWord(q: PlanWord, w: FoldedWord): boolean {
  if (q.arabicOnly === true && w.arabic !== true) return false;
  if (q.literalOnly === true) return w.skeleton !== '' && w.literal === q.literal;
  if (q.skeleton === '') return w.skeleton === '' && w.literal === q.literal;
  if (w.skeleton === '') return q.literal.length >= 3 && q.arabic !== true && w.literal === q.literal;
  return sameByLetters(q, w);
}

function termMatches(term: Term, e: FoldedEvent): boolean {
  return term.alternatives.some((alt) => {
    const paired = new Set(alt.pairs.flat());
    const pairsOk = alt.pairs.every(([a, b]) => e.pairs.some(([x, y]) => sameWord(alt.words[a]!, x) && sameWord(alt.words[b]!, y)));
    const wordsOk = alt.words.every((q, k) => paired.has(k) || e.words.some((w) => sameWord(q, w)));
    return pairsOk && wordsOk;
  });
}

/** Column indices of the events matching every term. */
export function naiveMatch(f: Searchable, terms: readonly Term[], within?: Uint8Array): number[] {
  const out: number[] = [];
  folded(f).forEach((e, i) => {
    if ((!within || within[i]) && terms.every((t) => termMatches(t, e))) out.push(i);
  });
  return out;
}

/** Whole-word matches of a plan, and those only completing its last word finds. */
export function naiveFind(f: Searchable, plan: QueryPlan, within?: Uint8Array): { exact: number[]; prefix: number[] } {
  const exact = naiveMatch(f, plan.terms, within);
  if (!plan.typing) return { exact, prefix: [] };
  const q = plan.typing.word;
  const completes = (w: FoldedWord) =>
    !sameWord(q, w) && (w.literal.startsWith(q.literal) || (q.open && q.skeleton !== '' && w.skeleton !== '' && shapeOf(w.literal).startsWith(shapeOf(q.literal))));
  const events = folded(f);
  const inExact = new Set(exact);
  const prefix = naiveMatch(f, plan.typing.before, within).filter((i) => !inExact.has(i) && events[i]!.words.some(completes));
  return { exact, prefix };
}
