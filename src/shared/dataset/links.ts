// Links between events (issue 16): the kinds of link, how each reads from either end ("Led to …",
// "Disputed by …"), and the links of a dataset resolved to column indices. No zod here, so the
// renderer can use the words without bundling the schema library.

/**
 * What a link says, read from its `from` event to its `to` event: `from` leads to `to` (an
 * offensive to a capture), is part of it, responds to it, disputes it, is the same event as it
 * (reported twice), or is related to it in a way not said (an import's "related id" column).
 */
export const LINK_KINDS = ['leads-to', 'part-of', 'responds-to', 'disputes', 'same-as', 'related-to'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A link as a dataset holds it (the schema's shape, without zod). */
export interface EventLinkData {
  readonly from: string;
  readonly to: string;
  readonly kind: LinkKind;
  readonly note?: string | undefined;
  readonly citation?: { readonly source: string; readonly quote?: string | undefined; readonly note?: string | undefined } | undefined;
}

/** Kinds that read the same from either end: they have no direction (no arrowhead, "Same as" both ways). */
export const SYMMETRIC_KINDS: ReadonlySet<LinkKind> = new Set<LinkKind>(['same-as', 'related-to']);

/** How a link reads from its `from` end (outgoing) and from its `to` end (incoming), before the other event's title. */
export const LINK_WORDS: Readonly<Record<LinkKind, { readonly outgoing: string; readonly incoming: string }>> = {
  'leads-to': { outgoing: 'Led to', incoming: 'Followed from' },
  'part-of': { outgoing: 'Part of', incoming: 'Includes' },
  'responds-to': { outgoing: 'Responds to', incoming: 'Responded to by' },
  disputes: { outgoing: 'Disputes', incoming: 'Disputed by' },
  'same-as': { outgoing: 'Same as', incoming: 'Same as' },
  'related-to': { outgoing: 'Related to', incoming: 'Related to' }
};

/** What each kind means, in a sentence (the schema's description, the legend's hint, the import dialog). */
export const LINK_KIND_LABEL: Readonly<Record<LinkKind, string>> = {
  'leads-to': 'leads to',
  'part-of': 'part of',
  'responds-to': 'responds to',
  disputes: 'disputes',
  'same-as': 'same as',
  'related-to': 'related to'
};

export function isLinkKind(value: string): value is LinkKind {
  return (LINK_KINDS as readonly string[]).includes(value);
}

/** The words a link reads with from one of its ends. */
export function linkWords(kind: LinkKind, direction: 'outgoing' | 'incoming'): string {
  return LINK_WORDS[kind][direction];
}

/**
 * Two links are the same when they join the same events with the same kind (both ways round
 * for a kind without direction): the key both give.
 */
export function linkKey(link: Pick<EventLinkData, 'from' | 'to' | 'kind'>): string {
  const [a, b] = SYMMETRIC_KINDS.has(link.kind) && link.to < link.from ? [link.to, link.from] : [link.from, link.to];
  return `${link.kind}\u0000${a}\u0000${b}`;
}

/** The links whose two events are both kept (for a file saved with some of the events). */
export function linksForEvents<L extends Pick<EventLinkData, 'from' | 'to'>>(links: readonly L[], kept: ReadonlySet<string>): L[] {
  return links.filter((l) => kept.has(l.from) && kept.has(l.to));
}

// ---------------------------------------------------------------------------------------------
// Resolved to column indices

/** One link with its ends as column indices. `link` is its position in the dataset's links. */
export interface ResolvedLink {
  readonly link: number;
  readonly from: number;
  readonly to: number;
  readonly kind: LinkKind;
}

/** A link seen from one of its events: the other event, and how it reads from here. */
export interface LinkEnd {
  readonly link: number;
  readonly kind: LinkKind;
  readonly direction: 'outgoing' | 'incoming';
  /** Column index of the event at the other end. */
  readonly other: number;
}

/** The dataset's links by column index, and each event's links both ways. */
export class LinkIndex {
  readonly links: readonly ResolvedLink[];
  readonly #byEvent = new Map<number, LinkEnd[]>();
  readonly #byLink = new Map<number, ResolvedLink>();

  /** `indexOf`: the column index of an event id (undefined for an event not loaded: its links are left out). */
  constructor(links: readonly EventLinkData[], indexOf: (id: string) => number | undefined) {
    const resolved: ResolvedLink[] = [];
    links.forEach((l, k) => {
      const from = indexOf(l.from);
      const to = indexOf(l.to);
      if (from === undefined || to === undefined || from === to) return;
      const r: ResolvedLink = { link: k, from, to, kind: l.kind };
      resolved.push(r);
      this.#byLink.set(k, r);
      this.#end(from).push({ link: k, kind: l.kind, direction: 'outgoing', other: to });
      this.#end(to).push({ link: k, kind: l.kind, direction: 'incoming', other: from });
    });
    this.links = resolved;
  }

  get size(): number {
    return this.links.length;
  }

  #end(i: number): LinkEnd[] {
    let list = this.#byEvent.get(i);
    if (!list) this.#byEvent.set(i, (list = []));
    return list;
  }

  /** The links of event i, both ways, in the dataset's order. */
  of(i: number): readonly LinkEnd[] {
    return this.#byEvent.get(i) ?? [];
  }

  /** Whether event i has a link. */
  has(i: number): boolean {
    return this.#byEvent.has(i);
  }

  /** The links to draw: those of `selected` and, with `all`, every other; only where both ends pass `include`. */
  shown(selected: number | undefined, all: boolean, include: ((i: number) => boolean) | undefined): ResolvedLink[] {
    const ok = (l: ResolvedLink) => !include || (include(l.from) && include(l.to));
    if (all) return this.links.filter(ok);
    if (selected === undefined) return [];
    return this.of(selected)
      .map((end) => this.#byLink.get(end.link)!)
      .filter(ok);
  }
}

/**
 * The column index of each event a link names, from the events' ids (`idAt(i)`: the id of column
 * index i); only those ids are kept, so it is cheap on a large dataset with a few links.
 */
export function linkEndLookup(links: readonly Pick<EventLinkData, 'from' | 'to'>[], count: number, idAt: (i: number) => string): (id: string) => number | undefined {
  const ends = new Set<string>();
  for (const l of links) ends.add(l.from).add(l.to);
  const indexOf = new Map<string, number>();
  if (ends.size > 0) {
    for (let i = 0; i < count; i++) {
      const id = idAt(i);
      if (ends.has(id)) indexOf.set(id, i);
    }
  }
  return (id) => indexOf.get(id);
}

/**
 * 1 for each event with at least one link whose other end is loaded too (for the filter), from
 * the links and the events' ids (`idAt(i)`: the id of column index i).
 */
export function linkedEvents(links: readonly Pick<EventLinkData, 'from' | 'to'>[], count: number, idAt: (i: number) => string): Uint8Array {
  const out = new Uint8Array(count);
  if (links.length === 0) return out;
  const indexOf = linkEndLookup(links, count, idAt);
  for (const l of links) {
    const from = indexOf(l.from);
    const to = indexOf(l.to);
    if (from === undefined || to === undefined || from === to) continue;
    out[from] = 1;
    out[to] = 1;
  }
  return out;
}
