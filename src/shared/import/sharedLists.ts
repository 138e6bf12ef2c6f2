// Lists that many events of an import hold alike, made once and shared by them: the actors of an
// event without associates (one list per pair of actor entries) and its tags when they are only
// the type's, the disorder's and the civilian-targeting flag. An import keeps every event until its
// file image is written, so each list an event does not get of its own is memory the garbage
// collector does not copy row after row. Shared lists hold only what the dataset check leaves as
// it is (entries of the importer's own ids; tags that need no cleaning), so that check, which
// cleans text in place, never changes one.
import { hasInvisibleControls } from '../text/cleanText';

/**
 * Lists of none, one or two items, one per pair of items, keyed by the items themselves (objects,
 * compared by identity: no text is looked at).
 */
export class PairLists<T extends object> {
  readonly #empty: T[] = [];
  readonly #ones = new Map<T, T[]>();
  readonly #pairs = new Map<T, Map<T, T[]>>();

  /** [first, second] without the missing ones (the same item twice stays twice). */
  of(first: T | undefined, second: T | undefined): T[] {
    if (first === undefined) return second === undefined ? this.#empty : this.#one(second);
    if (second === undefined) return this.#one(first);
    let after = this.#pairs.get(first);
    if (after === undefined) this.#pairs.set(first, (after = new Map()));
    let list = after.get(second);
    if (list === undefined) after.set(second, (list = [first, second]));
    return list;
  }

  #one(item: T): T[] {
    let list = this.#ones.get(item);
    if (list === undefined) this.#ones.set(item, (list = [item]));
    return list;
  }
}

/** A tag made once per distinct cell, and whether the dataset check would leave it as it is. */
export interface MadeTag {
  readonly tag: string;
  /** No spaces to trim at either end and no invisible control characters to remove. */
  readonly clean: boolean;
}

export function madeTag(tag: string): MadeTag {
  return { tag, clean: tag.length > 0 && tag.charCodeAt(0) > 32 && tag.charCodeAt(tag.length - 1) > 32 && !hasInvisibleControls(tag) };
}

/**
 * Tag lists [first, second?, flag?] shared by the events that have them, where both `first` and
 * `second` (a MadeTag, by identity) are clean; otherwise each event gets a list of its own, as
 * without sharing. `flag`: the importer's own words, added to the lists asked for with it.
 */
export class TagLists {
  readonly #byFirst = new Map<string, { readonly clean: boolean; readonly bySecond: Map<MadeTag | undefined, [string[] | undefined, string[] | undefined]> }>();
  constructor(private readonly flag: string) {}

  of(first: string, second: MadeTag | undefined, flagged: boolean): string[] {
    let known = this.#byFirst.get(first);
    if (known === undefined) this.#byFirst.set(first, (known = { clean: madeTag(first).clean, bySecond: new Map() }));
    if (!known.clean || (second !== undefined && !second.clean)) return this.#list(first, second, flagged);
    let lists = known.bySecond.get(second);
    if (lists === undefined) known.bySecond.set(second, (lists = [undefined, undefined]));
    return flagged ? (lists[1] ??= this.#list(first, second, true)) : (lists[0] ??= this.#list(first, second, false));
  }

  #list(first: string, second: MadeTag | undefined, flagged: boolean): string[] {
    const tags = [first];
    if (second !== undefined) tags.push(second.tag);
    if (flagged) tags.push(this.flag);
    return tags;
  }
}
