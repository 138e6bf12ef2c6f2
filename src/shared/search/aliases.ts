// Groups of names that mean the same (aliasData.ts, and per dataset its places' other names and its
// actors' aliases), so that a query naming one finds what is written under any of them. Groups that
// share a name are one group (every spelling of one name must find the same events). A name is
// recognised in a query by its folded letters written together: "Deir ez-Zor", "Dayr az Zawr" and
// "Deir Ezzor" all give the skeleton drzr, "Bukamal", "Bu Kamal" and "البوكمال" give bkml.
import type { DatasetHeader } from '../dataset/columns';
import { ACTOR_ALIASES, PLACE_ALIASES, type AliasGroupData } from './aliasData';
import { isShortSkeleton, shapeOf, skeletonOf, vowelsAgree, type FoldedWord } from './fold';
import { foldLinked, pairsOf, type LinkedWord } from './linkedWords';

/** Names longer than this many words are not used as aliases (they are still searched as names). */
export const MAX_ALIAS_WORDS = 8;
/** Names a group keeps for searching (a dataset may give thousands). */
export const MAX_GROUP_NAMES = 64;
/** A name shared by more groups of a dataset than this is too vague to join them ("unknown"). */
const MAX_SHARED = 4;

/** A name of a group, folded. */
export interface AliasName {
  readonly text: string;
  readonly words: readonly LinkedWord[];
  /** Neighbouring words of the name (indices into words), as they must be in a text. */
  readonly pairs: readonly (readonly [number, number])[];
}

/** How a run of folded words is looked up: its letters written together. */
export interface NameKey {
  /** Skeleton of the words written together, or "=" and the literals when one is an acronym. */
  readonly key: string;
  readonly shape: string;
  readonly arabic: boolean;
}

export function nameKey(words: readonly FoldedWord[]): NameKey {
  if (words.some((w) => w.skeleton === '')) return { key: `=${words.map((w) => w.literal).join(' ')}`, shape: '', arabic: false };
  const joined = words.map((w) => w.literal).join('');
  return { key: skeletonOf(joined), shape: shapeOf(joined), arabic: words.some((w) => w.arabic === true) };
}

/**
 * Do typed words name a name of a group? The same letters written together; for a short skeleton
 * (which unrelated words share), vowels in the same places too: the same shape, or a name written
 * in Latin letters whose vowels typed Arabic script leaves out. Typed Latin letters never name an
 * Arabic-script name by its consonants alone ("drew" is not درعا).
 */
function names(typed: NameKey, name: NameKey): boolean {
  if (typed.key !== name.key) return false;
  if (typed.shape === '' || name.shape === '' || !isShortSkeleton(typed.key)) return true;
  if (name.arabic) return typed.arabic && typed.shape === name.shape;
  return vowelsAgree(typed.shape, typed.arabic, name.shape, false);
}

interface Entry extends NameKey {
  readonly group: number;
}

export class AliasTable {
  /** Names of each group, the first as shown. */
  readonly #groups: AliasName[][] = [];
  readonly #byKey = new Map<string, Entry[]>();

  /** `lists`: each a list of names that mean the same (lists sharing a name are joined). */
  constructor(lists: readonly (readonly string[])[]) {
    const folded = lists.map((names) => names.map(foldName).filter((n): n is AliasName & NameKey => n !== undefined));
    // Join lists that share a name (union-find over exact keys), unless a name is too widely shared.
    const parent = folded.map((_, k) => k);
    const root = (k: number): number => {
      while (parent[k] !== k) k = parent[k] = parent[parent[k]!]!;
      return k;
    };
    const owners = new Map<string, number[]>();
    folded.forEach((names, k) => {
      for (const n of names) {
        const id = `${n.key}|${n.shape}`;
        const list = owners.get(id);
        if (!list) owners.set(id, [k]);
        else if (list[list.length - 1] !== k) list.push(k);
      }
    });
    for (const list of owners.values()) {
      if (list.length > MAX_SHARED) continue;
      for (const k of list) parent[root(k)] = root(list[0]!);
    }
    const groupOf = new Map<number, number>();
    folded.forEach((names, k) => {
      if (names.length === 0) return;
      const r = root(k);
      let g = groupOf.get(r);
      if (g === undefined) {
        g = this.#groups.length;
        groupOf.set(r, g);
        this.#groups.push([]);
      }
      const group = this.#groups[g]!;
      for (const n of names) {
        const id = `${n.key}|${n.shape}`;
        if ((owners.get(id)?.length ?? 0) > MAX_SHARED || group.length >= MAX_GROUP_NAMES) continue;
        if (group.some((m) => m.text === n.text)) continue;
        group.push({ text: n.text, words: n.words, pairs: n.pairs });
        const entry: Entry = { key: n.key, shape: n.shape, arabic: n.arabic, group: g };
        const list = this.#byKey.get(n.key);
        if (list) list.push(entry);
        else this.#byKey.set(n.key, [entry]);
      }
    });
  }

  /** Groups whose names the words make, written together (see the top of the file). */
  groupsOf(words: readonly FoldedWord[]): number[] {
    if (words.length === 0) return [];
    const keys = [nameKey(words)];
    // A lower-case word of three letters may be an acronym: "pmu" is PMU.
    const only = words[0]!;
    if (words.length === 1 && only.skeleton !== '' && only.arabic !== true && only.literal.length === 3) keys.push({ key: `=${only.literal}`, shape: '', arabic: false });
    const out: number[] = [];
    for (const k of keys) for (const e of this.#byKey.get(k.key) ?? []) if (names(k, e) && !out.includes(e.group)) out.push(e.group);
    return out;
  }

  /** The names of a group, the first as shown. */
  names(group: number): readonly AliasName[] {
    return this.#groups[group] ?? [];
  }

  get size(): number {
    return this.#groups.length;
  }
}

function foldName(text: string): (AliasName & NameKey) | undefined {
  const words = foldLinked(text);
  if (words.length === 0 || words.length > MAX_ALIAS_WORDS) return undefined;
  return { text, words, pairs: pairsOf(words), ...nameKey(words.map((w) => w.word)) };
}

/** The built-in groups. */
export const BUILT_IN_ALIASES: readonly AliasGroupData[] = [...ACTOR_ALIASES, ...PLACE_ALIASES];

/**
 * The alias table for a dataset: the built-in groups, and on top of them each place with its other
 * names and each actor with its aliases (those that have some).
 */
export function datasetAliases(header: Pick<DatasetHeader, 'places' | 'actors'>): AliasTable {
  const lists: string[][] = BUILT_IN_ALIASES.map((g) => [...g.names]);
  for (const p of header.places) if (p.altNames.length > 0) lists.push([p.name, ...p.altNames.map((a) => a.name)]);
  for (const a of header.actors) if (a.aliases.length > 0) lists.push([a.name, ...a.aliases]);
  return new AliasTable(lists);
}
