// Full-text search over columnar events, transliteration-aware (fold.ts), with phrases, aliases and
// compounds (queryPlan.ts): titles and summaries of events, names and other spellings of their
// places, names and aliases of their actors. Built once from the columns and the header (in a
// worker: no DOM, no Node APIs), then a query reads only the postings of what it matches.
//
// Every distinct folded word of the dataset gets an id (Vocabulary), and so does every distinct pair
// of neighbouring words a query can ask for (PairTable, see linkedWords.ts and pairFilter.ts: words
// of alias names, halves of compounds). Each word and each pair keeps the events
// whose title or summary has it (postings: ascending, varint-coded gaps); a place or actor keeps the
// ids of the words and pairs of its names, folded once however many events name it. A query term
// marks the ids of the words and pairs it matches, ORs its bit into the events of their postings and
// into the places and actors whose names have them; an event matches when it has, with its places
// and actors, every term's bit. Words match whole; the last word of a query being typed is also
// completed, and what only its completions find is answered apart (`find`).
import { type DatasetHeader, type EventColumns, type StringTable } from '../dataset/columns';
import { AliasTable, datasetAliases } from './aliases';
import { explainEvent, type ExplainContext, type MatchReason } from './explain';
import { shapeOf, type QueryWord } from './fold';
import { PairFilter } from './pairFilter';
import { allIndices, collect, entityBits, entityIds, markPostings, orPostings, prefixRange, type EntityIds, type Postings } from './postings';
import { planQuery, type Lexicon, type PlanWord, type QueryPlan, type Term } from './queryPlan';
import { EventWords, invert, TextWords } from './textReader';
import { PairTable, Vocabulary } from './vocabulary';

export type { MatchReason } from './explain';

export interface SearchIndexOptions {
  /** Search summaries (notes) too; default true. */
  readonly summaries?: boolean;
  /** Read text from the bytes, word by word (default true; false folds each text whole, for tests of both paths). */
  readonly byteFastPath?: boolean;
  /** Names that mean the same (default: the built-in groups and the dataset's other names and aliases). */
  readonly aliases?: AliasTable;
}

/** What a query finds. */
export interface SearchResult {
  /** Events matching the query, whole words (column indices, ascending). */
  readonly exact: Uint32Array;
  /** Events found only by completing the last word being typed ("Deir Zor" → "Deir Zorjib"), ascending. */
  readonly prefix: Uint32Array;
  /** What the last word was completed to (most frequent first, at most MAX_COMPLETIONS). */
  readonly completions: readonly string[];
  /** Terms searched under other names: the alias groups and compounds the query was read as. */
  readonly expansions: readonly { readonly typed: string; readonly names: readonly string[] }[];
}

/** Most query terms one pass handles (bits of a 32-bit mask); longer queries take several passes. */
const TERMS_PER_PASS = 30;
/** Most conditions (pairs and lone words) an alternative of several may have. */
const MAX_CONDITIONS = 8;
/** Conditions of alternatives of several checked in one pass over the events (bits of a word, sign bit spared). */
const COMPLEX_BITS = 31;
export const MAX_COMPLETIONS = 8;

/** A set of ids: of words or of pairs. */
interface Condition {
  readonly pairs: boolean;
  readonly ids: readonly number[];
}

/** A term resolved to ids: words and pairs any of which matches, and alternatives of several conditions. */
export interface ResolvedTerm {
  readonly words: readonly number[];
  readonly pairs: readonly number[];
  readonly complex: readonly (readonly Condition[])[];
}

export class SearchIndex {
  readonly count: number;
  /** Distinct folded words. */
  readonly vocabularySize: number;
  /** Distinct pairs of neighbouring words. */
  readonly pairCount: number;
  readonly #vocab: Vocabulary;
  readonly #pairTable: PairTable;
  readonly #aliases: AliasTable;
  /** Word ids in order of their literal forms; and the literals in that order (binary search). */
  readonly #sorted: Uint32Array;
  readonly #sortedLiterals: readonly string[];
  /** Ids of the words with a skeleton (not acronyms) in order of their shapes, and the shapes in that order. */
  readonly #byShape: Uint32Array;
  readonly #sortedShapes: readonly string[];
  readonly #words: Postings;
  readonly #pairs: Postings;
  readonly #places: EntityIds;
  readonly #actors: EntityIds;
  readonly #cols: EventColumns;
  readonly #header: DatasetHeader;
  readonly #lexicon: Lexicon;
  #marks: Uint32Array | undefined;
  #pairMarks: Uint32Array | undefined;
  #bits: Uint32Array | undefined;
  #sub: Uint32Array | undefined;
  #scratch: Uint32Array | undefined;

  constructor(cols: EventColumns, header: DatasetHeader, options: SearchIndexOptions = {}) {
    this.#cols = cols;
    this.#header = header;
    const n = cols.count;
    this.count = n;
    this.#aliases = options.aliases ?? datasetAliases(header);
    const filter = new PairFilter(this.#aliases);
    const vocab = new Vocabulary(filter);
    const pairTable = new PairTable(vocab, filter);

    this.#places = entityIds(
      header.places.map((p) => [p.name, ...p.altNames.map((a) => a.name)]),
      vocab,
      pairTable
    );
    this.#actors = entityIds(
      header.actors.map((a) => [a.name, ...a.aliases]),
      vocab,
      pairTable
    );

    // Events: the words and pairs of title and summary, per event (deduplicated), then inverted.
    const tables: StringTable[] = [cols.titles];
    if (options.summaries !== false) tables.push(cols.summaries);
    const textBytes = tables.reduce((sum, t) => sum + t.bytes.length, 0);
    // Pairs kept are few (alias names, compounds): their lists start small and grow.
    const sink = { vocab, pairs: pairTable, words: new EventWords(n, textBytes), pairEvents: new EventWords(n, 0) };
    const reader = new TextWords(sink, options.byteFastPath !== false);
    for (let i = 0; i < n; i++) {
      sink.words.begin(i);
      sink.pairEvents.begin(i);
      for (const table of tables) reader.read(table, i);
      sink.words.end(i);
      sink.pairEvents.end(i);
    }
    this.#words = invert(sink.words, n, vocab.size);
    this.#pairs = invert(sink.pairEvents, n, pairTable.size);

    this.#vocab = vocab;
    this.#pairTable = pairTable;
    this.vocabularySize = vocab.size;
    this.pairCount = pairTable.size;
    const lit = vocab.literals;
    const ids = new Uint32Array(vocab.size);
    for (let k = 0; k < ids.length; k++) ids[k] = k;
    ids.sort((a, b) => (lit[a]! < lit[b]! ? -1 : lit[a]! > lit[b]! ? 1 : a - b));
    this.#sorted = ids;
    this.#sortedLiterals = Array.from(ids, (id) => lit[id]!);
    const shapes = vocab.shapes;
    const shapeIds = Uint32Array.from(vocab.shaped);
    shapeIds.sort((a, b) => (shapes[a]! < shapes[b]! ? -1 : shapes[a]! > shapes[b]! ? 1 : a - b));
    this.#byShape = shapeIds;
    this.#sortedShapes = Array.from(shapeIds, (id) => shapes[id]!);
    this.#lexicon = {
      hasPair: (a, b) => {
        const x = vocab.find(a);
        const y = x < 0 ? -1 : vocab.find(b);
        return y >= 0 && pairTable.findKept(x, y) >= 0;
      }
    };
  }

  /** Bytes the index holds in typed arrays (postings, lists), roughly. */
  get byteSize(): number {
    const e = (x: EntityIds) => x.words.byteLength + x.pairs.byteLength;
    return this.#words.bytes.byteLength + this.#words.offsets.byteLength + this.#pairs.bytes.byteLength + this.#pairs.offsets.byteLength + this.#sorted.byteLength + this.#pairTable.byteSize + e(this.#places) + e(this.#actors);
  }

  /** What a query asks for (see queryPlan.ts). */
  plan(query: string): QueryPlan {
    return planQuery(query, this.#aliases, this.#lexicon);
  }

  /**
   * Column indices (ascending) of the events matching the query, whole words: every term matches
   * the event's title, summary, places' names or actors' names. A query without words matches
   * every event. `within`: a mask over events (1 = may match), e.g. a filter's.
   */
  search(query: string, within?: Uint8Array): Uint32Array {
    return this.#run(this.plan(query).terms.map((t) => this.#resolve(t)), within);
  }

  /** The events a query finds (whole words), those only completing its last word finds, and how it was read. */
  find(query: string, within?: Uint8Array): SearchResult {
    const plan = this.plan(query);
    const exact = this.#run(plan.terms.map((t) => this.#resolve(t)), within);
    const expansions = plan.terms.filter((t) => t.aliases || t.compound).map((t) => ({ typed: t.typed, names: t.aliases ?? [t.compound!, ...t.alternatives.slice(1).map((a) => a.words.map((w) => w.literal).join(' '))] }));
    const typing = plan.typing ? this.#completionTerms(plan.typing.word, plan.typing.before) : undefined;
    if (!typing || typing.completions.length === 0) return { exact, prefix: new Uint32Array(0), completions: [], expansions };
    // The events found whole are not looked at again.
    const rest = within ? within.slice() : new Uint8Array(this.count).fill(1);
    for (let k = 0; k < exact.length; k++) rest[exact[k]!] = 0;
    return { exact, prefix: this.#run(typing.terms, rest), completions: typing.completions, expansions };
  }

  /**
   * Why each of these events matches the query (or, `prefix`, the query with its last word
   * completed): the fields and the words in them. For the results a list shows, not for all.
   */
  explain(query: string, indices: readonly number[], prefix = false): MatchReason[][] {
    const plan = this.plan(query);
    let terms: ResolvedTerm[];
    if (prefix) {
      const typing = plan.typing ? this.#completionTerms(plan.typing.word, plan.typing.before) : undefined;
      if (!typing) return indices.map(() => []);
      terms = typing.terms;
    } else terms = plan.terms.map((t) => this.#resolve(t));
    const ctx: ExplainContext = { cols: this.#cols, header: this.#header, vocab: this.#vocab, pairs: this.#pairTable, terms };
    return indices.map((i) => (i >= 0 && i < this.count ? explainEvent(ctx, i) : []));
  }

  /** Literal forms of the dataset's words a query word matches whole (for tests). */
  matchingWords(word: string): string[] {
    const w = this.plan(word).terms[0]?.alternatives[0]?.words[0];
    if (!w) return [];
    const out = new Set<string>();
    this.#vocab.sameWords(w, (id) => out.add(this.#vocab.literals[id]!));
    return [...out].sort();
  }

  // -------------------------------------------------------------------------------------------
  // Resolving terms to ids

  #wordIds(word: PlanWord): number[] {
    if (word.literalOnly === true) {
      const id = this.#vocab.find(word.literal);
      return id >= 0 ? [id] : [];
    }
    const out: number[] = [];
    this.#vocab.sameWords(word, (id) => {
      if (!out.includes(id)) out.push(id);
    });
    return out;
  }

  #resolve(term: Term): ResolvedTerm {
    const words = new Set<number>();
    const pairs = new Set<number>();
    const complex: Condition[][] = [];
    for (const alt of term.alternatives) {
      const conditions: Condition[] = [];
      const paired = new Set<number>();
      let ok = true;
      for (const [a, b] of alt.pairs) {
        paired.add(a).add(b);
        const first = this.#wordIds(alt.words[a]!);
        const second = this.#wordIds(alt.words[b]!);
        const ids: number[] = [];
        for (const x of first) for (const y of second) {
          const p = this.#pairTable.findKept(x, y);
          if (p >= 0) ids.push(p);
        }
        if (ids.length === 0) ok = false;
        conditions.push({ pairs: true, ids });
      }
      alt.words.forEach((w, k) => {
        if (paired.has(k)) return;
        const ids = this.#wordIds(w);
        if (ids.length === 0) ok = false;
        conditions.push({ pairs: false, ids });
      });
      if (!ok || conditions.length === 0 || conditions.length > MAX_CONDITIONS) continue;
      if (conditions.length > 1) complex.push(conditions);
      else for (const id of conditions[0]!.ids) (conditions[0]!.pairs ? pairs : words).add(id);
    }
    return { words: [...words], pairs: [...pairs], complex };
  }

  /** Terms for completing the last word: `before`, then the completions of the word (whole words excluded). */
  #completionTerms(word: QueryWord, before: readonly Term[]): { terms: ResolvedTerm[]; completions: string[] } {
    const exact = new Set(this.#wordIds(word));
    const ids = new Set<number>();
    const [lo, hi] = prefixRange(this.#sortedLiterals, word.literal);
    for (let k = lo; k < hi; k++) ids.add(this.#sorted[k]!);
    if (word.open && word.skeleton !== '') {
      const [from, to] = prefixRange(this.#sortedShapes, shapeOf(word.literal));
      for (let k = from; k < to; k++) ids.add(this.#byShape[k]!);
    }
    for (const id of exact) ids.delete(id);
    const offsets = this.#words.offsets;
    const weight = (id: number) => offsets[id + 1]! - offsets[id]!;
    const completions = [...ids]
      .sort((a, b) => weight(b) - weight(a) || (this.#vocab.literals[a]! < this.#vocab.literals[b]! ? -1 : 1))
      .slice(0, MAX_COMPLETIONS)
      .map((id) => this.#vocab.literals[id]!);
    return { terms: [...before.map((t) => this.#resolve(t)), { words: [...ids], pairs: [], complex: [] }], completions };
  }

  // -------------------------------------------------------------------------------------------
  // Matching

  #run(terms: readonly ResolvedTerm[], within: Uint8Array | undefined): Uint32Array {
    if (within && within.length !== this.count) throw new RangeError(`mask of ${within.length} for ${this.count} events`);
    if (terms.length === 0) return allIndices(this.count, within);
    let mask = within;
    let result: Uint32Array | undefined;
    for (let from = 0; from < terms.length; from += TERMS_PER_PASS) {
      if (result) {
        mask = new Uint8Array(this.count);
        for (let k = 0; k < result.length; k++) mask[result[k]!] = 1;
      }
      result = this.#pass(terms.slice(from, from + TERMS_PER_PASS), mask);
      if (result.length === 0) break;
    }
    return result!;
  }

  /** Events matching every one of up to TERMS_PER_PASS terms. */
  #pass(terms: readonly ResolvedTerm[], within: Uint8Array | undefined): Uint32Array {
    const n = this.count;
    const marks = (this.#marks ??= new Uint32Array(this.vocabularySize));
    const pairMarks = (this.#pairMarks ??= new Uint32Array(this.pairCount));
    const bits = (this.#bits ??= new Uint32Array(n));
    marks.fill(0);
    pairMarks.fill(0);
    bits.fill(0);
    for (let j = 0; j < terms.length; j++) {
      const term = terms[j]!;
      // A term nothing in the dataset matches: no event can match.
      if (term.words.length === 0 && term.pairs.length === 0 && term.complex.length === 0) return new Uint32Array(0);
      const bit = 1 << j;
      markPostings(term.words, marks, bit, bits, this.#words);
      markPostings(term.pairs, pairMarks, bit, bits, this.#pairs);
      if (term.complex.length > 0) this.#complex(term.complex, bit, bits);
    }
    const full = (1 << terms.length) - 1;
    const placeBits = entityBits(this.#places, marks, pairMarks);
    const actorBits = entityBits(this.#actors, marks, pairMarks);
    const c = this.#cols;
    const scratch = (this.#scratch ??= new Uint32Array(n));
    return collect(bits, full, within, placeBits, c.placeOffsets, c.placeIndex, actorBits, c.actorOffsets, c.actorIndex, scratch);
  }

  /**
   * bits[e] |= bit for the events meeting every condition of one of the alternatives (each up to
   * MAX_CONDITIONS), with their places and actors. Alternatives share one pass over the events
   * while their conditions fit in the bits of a word.
   */
  #complex(alternatives: readonly (readonly Condition[])[], bit: number, bits: Uint32Array): void {
    let from = 0;
    while (from < alternatives.length) {
      let to = from;
      let used = 0;
      while (to < alternatives.length && used + alternatives[to]!.length <= COMPLEX_BITS) used += alternatives[to++]!.length;
      this.#complexPass(alternatives.slice(from, to), bit, bits);
      from = to;
    }
  }

  #complexPass(alternatives: readonly (readonly Condition[])[], bit: number, bits: Uint32Array): void {
    const n = this.count;
    const sub = (this.#sub ??= new Uint32Array(n));
    sub.fill(0);
    const wordConds = new Map<number, number>();
    const pairConds = new Map<number, number>();
    const masks: number[] = [];
    let shift = 0;
    for (const conditions of alternatives) {
      conditions.forEach((c, k) => {
        const b = 1 << (shift + k);
        const postings = c.pairs ? this.#pairs : this.#words;
        const conds = c.pairs ? pairConds : wordConds;
        for (const id of c.ids) {
          orPostings(sub, postings.bytes, postings.offsets[id]!, postings.offsets[id + 1]!, b);
          conds.set(id, (conds.get(id) ?? 0) | b);
        }
      });
      masks.push(((1 << conditions.length) - 1) << shift);
      shift += conditions.length;
    }
    const entity = (e: EntityIds) => {
      const count = e.wordOffsets.length - 1;
      let out: Uint32Array | undefined;
      for (let x = 0; x < count; x++) {
        let b = 0;
        for (let k = e.wordOffsets[x]!; k < e.wordOffsets[x + 1]!; k++) b |= wordConds.get(e.words[k]!) ?? 0;
        for (let k = e.pairOffsets[x]!; k < e.pairOffsets[x + 1]!; k++) b |= pairConds.get(e.pairs[k]!) ?? 0;
        if (b !== 0) (out ??= new Uint32Array(count))[x] = b;
      }
      return out;
    };
    const places = entity(this.#places);
    const actors = entity(this.#actors);
    const c = this.#cols;
    for (let i = 0; i < n; i++) {
      let b = sub[i]!;
      if (places) for (let k = c.placeOffsets[i]!, end = c.placeOffsets[i + 1]!; k < end; k++) b |= places[c.placeIndex[k]!]!;
      if (actors) for (let k = c.actorOffsets[i]!, end = c.actorOffsets[i + 1]!; k < end; k++) b |= actors[c.actorIndex[k]!]!;
      if (b === 0) continue;
      for (const m of masks) {
        if ((b & m) === m) {
          bits[i]! |= bit;
          break;
        }
      }
    }
  }
}

/** Build the search index of a dataset (same as `new SearchIndex`). */
export function buildSearchIndex(cols: EventColumns, header: DatasetHeader, options?: SearchIndexOptions): SearchIndex {
  return new SearchIndex(cols, header, options);
}
