// Why an event matches a query: the fields (title, notes, a place's name or other name, an actor's
// name or alias) in which the query's terms were found, and where in them, as offsets into plain
// text. The list of results shows these as text with the matched words marked (never as HTML).
import { stringAt, valuesOf, type DatasetHeader, type EventColumns } from '../dataset/columns';
import { ARTICLES } from './fold';
import { foldLinked, pairsOf } from './linkedWords';
import type { ResolvedTerm } from './searchIndex';
import { wordKey, type PairTable, type Vocabulary } from './vocabulary';

export type MatchField = 'title' | 'notes' | 'place' | 'actor';

export interface MatchReason {
  readonly field: MatchField;
  /** The text shown: the title, an extract of the notes around the match, or the name that matched. */
  readonly text: string;
  /** The matched words in `text`: [start, end) offsets, ascending, not overlapping. */
  readonly hits: readonly (readonly [number, number])[];
  /** The main name of the place or actor, when `text` is one of its other names or aliases. */
  readonly of?: string;
}

export interface ExplainContext {
  readonly cols: EventColumns;
  readonly header: DatasetHeader;
  readonly vocab: Vocabulary;
  readonly pairs: PairTable;
  readonly terms: readonly ResolvedTerm[];
}

/** Most reasons given for one event. */
export const MAX_REASONS = 6;
/** Notes longer than this are shown as an extract around the first match. */
export const EXTRACT_CHARS = 160;
/** Words shown before the first match of an extract (about this many characters). */
const LEAD_CHARS = 40;

interface FieldIds {
  readonly field: MatchField;
  readonly text: string;
  readonly of?: string;
  readonly spans: readonly (readonly [number, number])[];
  readonly words: readonly number[];
  /** [first token, second token, pair id] of each pair of neighbours. */
  readonly pairs: readonly (readonly [number, number, number])[];
}

function fieldIds(ctx: ExplainContext, field: MatchField, text: string, of?: string): FieldIds {
  const tokens = foldLinked(text);
  const words = tokens.map((t) => ctx.vocab.find(wordKey(t.word)));
  const pairs = pairsOf(tokens).map(([a, b]) => [a, b, words[a]! >= 0 && words[b]! >= 0 ? ctx.pairs.findKept(words[a]!, words[b]!) : -1] as const);
  return { field, text, spans: tokens.map((t) => [t.start, t.end] as const), words, pairs, ...(of !== undefined ? { of } : {}) };
}

/** The reasons one event (column index `i`) matches the resolved terms. */
export function explainEvent(ctx: ExplainContext, i: number): MatchReason[] {
  const { cols, header } = ctx;
  const fields: FieldIds[][] = [[fieldIds(ctx, 'title', stringAt(cols.titles, i))], [fieldIds(ctx, 'notes', stringAt(cols.summaries, i))]];
  for (const p of valuesOf(cols.placeOffsets, cols.placeIndex, i)) {
    const place = header.places[p];
    if (place) fields.push([place.name, ...place.altNames.map((a) => a.name)].map((name, k) => fieldIds(ctx, 'place', name, k > 0 ? place.name : undefined)));
  }
  for (const a of valuesOf(cols.actorOffsets, cols.actorIndex, i)) {
    const actor = header.actors[a];
    if (actor) fields.push([actor.name, ...actor.aliases].map((name, k) => fieldIds(ctx, 'actor', name, k > 0 ? actor.name : undefined)));
  }

  // What to mark: the terms' words and pairs, and the conditions of an alternative of several
  // when the event meets all of them.
  const words = new Set<number>();
  const pairs = new Set<number>();
  const present = { words: new Set<number>(), pairs: new Set<number>() };
  for (const group of fields)
    for (const f of group) {
      for (const w of f.words) present.words.add(w);
      for (const p of f.pairs) present.pairs.add(p[2]);
    }
  for (const term of ctx.terms) {
    for (const w of term.words) words.add(w);
    for (const p of term.pairs) pairs.add(p);
    for (const conditions of term.complex) {
      if (!conditions.every((c) => c.ids.some((id) => (c.pairs ? present.pairs : present.words).has(id)))) continue;
      for (const c of conditions) for (const id of c.ids) (c.pairs ? pairs : words).add(id);
    }
  }

  const out: MatchReason[] = [];
  for (const group of fields) {
    // A place or actor: its first name that matches.
    for (const f of group) {
      const hits = hitsIn(f, words, pairs);
      if (hits.length === 0) continue;
      out.push(f.field === 'notes' ? extract(f.text, hits) : { field: f.field, text: f.text, hits, ...(f.of !== undefined ? { of: f.of } : {}) });
      break;
    }
    if (out.length >= MAX_REASONS) break;
  }
  return out;
}

function hitsIn(f: FieldIds, words: ReadonlySet<number>, pairs: ReadonlySet<number>): [number, number][] {
  const marked = new Set<number>();
  f.words.forEach((id, k) => {
    if (words.has(id)) marked.add(k);
  });
  for (const [a, b, id] of f.pairs) {
    if (!pairs.has(id)) continue;
    marked.add(a);
    marked.add(b);
  }
  const spans = [...marked].map((k) => f.spans[k]!).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = out[out.length - 1];
    // Words of one match, apart by spaces, a hyphen or an article, are marked as one ("Islamic State", "Deir ez-Zor").
    if (last && (s <= last[1] || joins(f.text.slice(last[1], s)))) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Is the text between two marked words only spaces or hyphens, with at most an Arabic article ("al-")? */
function joins(gap: string): boolean {
  const m = /^[\s-]{1,2}(?:([A-Za-z]{2,3})[\s-]{1,2})?$/.exec(gap);
  return m !== null && (m[1] === undefined || ARTICLES.has(m[1].toLowerCase()));
}

/** Notes as shown: whole when short and the match is near the start, else an extract from a little before the first match, with its marks. */
function extract(text: string, hits: readonly (readonly [number, number])[]): MatchReason {
  const first = hits[0]!;
  if (text.length <= EXTRACT_CHARS && first[0] <= LEAD_CHARS) return { field: 'notes', text, hits };
  let start = Math.max(0, first[0] - LEAD_CHARS);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first[0] ? space + 1 : start;
  }
  let end = Math.min(text.length, start + EXTRACT_CHARS);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > first[1] ? space : Math.max(end, first[1]);
  }
  const lead = start > 0 ? '…' : '';
  const shift = lead.length - start;
  const kept = hits.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift] as const);
  return { field: 'notes', text: `${lead}${text.slice(start, end)}${end < text.length ? '…' : ''}`, hits: kept };
}
