// Faceted filtering of columnar events: which events to show, and for each option of each facet how
// many events it would show ("Syria (1,234)"). Facets combine with AND, the values ticked within one
// facet with OR; a date range keeps the events overlapping it. Every facet is reduced once, in the
// constructor, to integer codes per event (one code, or a CSR list for actors, places, regions and
// countries of events with several), so evaluating a filter is a few tight passes over typed
// arrays, block by block: a few tens of milliseconds at a million events, less with a date range.
// Keys are ids and type names, never positions, so a filter (plain data) survives a reload.
import { NO_END, FLAG_HAS_FIGURES, stringAt, type DatasetHeader, type EventColumns } from '../dataset/columns';
import { linkedEvents } from '../dataset/links';
import { DATE_PRECISIONS, coarserPrecision, type DatePrecision } from '../dataset/dates';
import { PRECISION_LABEL } from '../dataset/describe';
import { EVENT_TYPE_STYLES, EVENT_TYPES } from '../dataset/eventTypes';
import { placeCountries } from '../dataset/lanes';
import { countryLabeller } from '../dataset/countryLabels';
import { placeRegions } from '../dataset/regions';
import type { Place } from '../dataset/schema';

/** Facets in the order a filter panel shows them. */
export const FACET_IDS = ['type', 'country', 'region', 'place', 'actor', 'claimant', 'precision', 'figures', 'links'] as const;
export type FacetId = (typeof FACET_IDS)[number];

export const FACET_LABEL: Readonly<Record<FacetId, string>> = {
  type: 'Event type',
  country: 'Country',
  region: 'Region',
  place: 'Place',
  actor: 'Actor',
  claimant: 'Claimed by',
  precision: 'Date precision',
  figures: 'Figures',
  links: 'Links'
};

/** Claimant facet key of "no claimant named" (actor ids start with a letter or digit, so it cannot clash). */
export const NO_CLAIMANT = '(none)';
/** Figures facet keys. */
export const WITH_FIGURES = 'yes';
export const WITHOUT_FIGURES = 'no';
/** Links facet keys: events with a link to another event loaded, and those without. */
export const WITH_LINKS = 'yes';
export const WITHOUT_LINKS = 'no';

/**
 * A filter as plain data (for Svelte state, URLs, comparison): per facet the keys ticked, sorted
 * and unique (see normalizeFilter); a facet absent or empty does not filter. `from`/`to` keep the
 * events overlapping [from, to) (UTC ms; either may be absent). Keys are: type: an EventType;
 * country: ISO code; region: Region.key of placeRegions; place and actor: their ids; claimant: an
 * actor id or NO_CLAIMANT; precision: a DatePrecision (the coarser of start and end); figures:
 * WITH_FIGURES or WITHOUT_FIGURES; links: WITH_LINKS or WITHOUT_LINKS.
 */
export type EventFilter = { readonly [F in FacetId]?: readonly string[] } & { readonly from?: number; readonly to?: number };

export interface FacetValue {
  readonly key: string;
  readonly label: string;
  /** Events with this value in the whole dataset. */
  readonly total: number;
}

export interface Facet {
  readonly id: FacetId;
  readonly label: string;
  /** Values some event has, in display order (actors, places, regions, countries: busiest first). */
  readonly values: readonly FacetValue[];
}

export interface FacetCounts {
  /** Events passing the whole filter. */
  readonly total: number;
  /** Per facet, aligned with facets[f].values: events passing every other facet's filter that have the value. */
  readonly counts: Readonly<Record<FacetId, Uint32Array>>;
}

// ---------------------------------------------------------------------------------------------
// Filter values

/** The filter with every facet sorted, deduplicated, and empty ones (and non-finite bounds) dropped. */
export function normalizeFilter(filter: EventFilter): EventFilter {
  const out: { -readonly [F in FacetId]?: readonly string[] } & { from?: number; to?: number } = {};
  for (const f of FACET_IDS) {
    const keys = filter[f];
    const clean = Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
    if (clean.length > 0) out[f] = [...new Set(clean)].sort();
  }
  if (filter.from !== undefined && Number.isFinite(filter.from)) out.from = filter.from;
  if (filter.to !== undefined && Number.isFinite(filter.to)) out.to = filter.to;
  return out;
}

/** No facet ticked and no date bound: everything passes. */
export function isEmptyFilter(filter: EventFilter): boolean {
  return FACET_IDS.every((f) => (filter[f]?.length ?? 0) === 0) && !Number.isFinite(filter.from ?? NaN) && !Number.isFinite(filter.to ?? NaN);
}

export function filtersEqual(a: EventFilter, b: EventFilter): boolean {
  const x = normalizeFilter(a);
  const y = normalizeFilter(b);
  if (x.from !== y.from || x.to !== y.to) return false;
  for (const f of FACET_IDS) {
    const p = x[f] ?? [];
    const q = y[f] ?? [];
    if (p.length !== q.length || p.some((k, i) => k !== q[i])) return false;
  }
  return true;
}

/** The filter with `key` ticked (on) or unticked in `facet`. */
export function withValue(filter: EventFilter, facet: FacetId, key: string, on: boolean): EventFilter {
  const keys = new Set(filter[facet] ?? []);
  if (on) keys.add(key);
  else keys.delete(key);
  return normalizeFilter({ ...filter, [facet]: [...keys] });
}

/** The filter with `key` ticked if it was not, unticked if it was. */
export function toggleValue(filter: EventFilter, facet: FacetId, key: string): EventFilter {
  return withValue(filter, facet, key, !(filter[facet] ?? []).includes(key));
}

/** The filter with a new date range (undefined: unbounded on that side). */
export function withRange(filter: EventFilter, from: number | undefined, to: number | undefined): EventFilter {
  const out: { -readonly [F in FacetId]?: readonly string[] } & { from?: number; to?: number } = {};
  for (const f of FACET_IDS) if (filter[f]) out[f] = filter[f];
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to;
  return normalizeFilter(out);
}

/** The filter with nothing ticked in `facet` (every facet, and the date range, when omitted). */
export function clearFilter(filter: EventFilter, facet?: FacetId | 'range'): EventFilter {
  if (facet === undefined) return {};
  if (facet === 'range') return withRange(filter, undefined, undefined);
  return normalizeFilter({ ...filter, [facet]: [] });
}

/** Column indices of the events a mask shows, in start order. */
export function maskIndices(mask: Uint8Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) n++;
  const out = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) out[k++] = i;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The engine

/**
 * A facet reduced to codes. 'single': one code per event, `codeCount` (one past the last value)
 * meaning "no value" (a multi-valued facet whose events all have at most one value is stored so:
 * one place per event is the rule in imported data). 'multi': a CSR list of unique codes per event.
 */
type FacetCodes =
  | { readonly kind: 'single'; readonly codes: Uint16Array | Uint32Array; readonly codeCount: number }
  | { readonly kind: 'multi'; readonly offsets: Uint32Array; readonly values: Uint32Array; readonly codeCount: number };
/** ...with the key of each code and where its value sits in the facet's display order (-1: no event has it). */
type FacetData = FacetCodes & { readonly keyToCode: ReadonlyMap<string, number>; readonly positionOfCode: Int32Array };

/** Bits of the per-event failure word: one per facet, then the date range, then `within`. */
const DATE_BIT = 1 << FACET_IDS.length;
const SUBSET_BIT = DATE_BIT << 1;
/** Events are evaluated in blocks this long, so the per-event work stays in the CPU's cache. */
const BLOCK = 4096;

/**
 * Events a filter is restricted to beforehand: a mask over events (non-zero = in), or column
 * indices (as SearchIndex.search returns them).
 */
export type EventSubset = Uint8Array | Uint32Array;

/** A facet's test, prepared for one filter. */
type ActiveFacet =
  | { readonly kind: 'single'; readonly codes: Uint16Array | Uint32Array; readonly failBit: Uint16Array }
  | { readonly kind: 'multi'; readonly offsets: Uint32Array; readonly values: Uint32Array; readonly selected: Uint8Array; readonly bit: number };

/**
 * Builds the facets of a dataset once; then mask() and counts() answer for any filter. `within`
 * (every method) restricts everything to a subset of events, e.g. search matches, so the counts
 * beside each option agree with what the search plus the filter shows.
 */
export class FilterEngine {
  readonly facets: Readonly<Record<FacetId, Facet>>;
  readonly count: number;
  readonly #cols: EventColumns;
  readonly #data: Readonly<Record<FacetId, FacetData>>;
  /** Per block: earliest and latest start, latest end (to skip blocks outside a date range). */
  readonly #blockMinStart: Float64Array;
  readonly #blockMaxStart: Float64Array;
  readonly #blockMaxEnd: Float64Array;
  readonly #fails = new Uint16Array(BLOCK);
  readonly #passing = new Uint32Array(BLOCK);
  #subset: Uint8Array | undefined;

  constructor(cols: EventColumns, header: DatasetHeader) {
    this.#cols = cols;
    const n = cols.count;
    this.count = n;
    const facets = {} as Record<FacetId, Facet>;
    const data = {} as Record<FacetId, FacetData>;
    const add = (id: FacetId, given: FacetCodes, keyOf: (code: number) => string, labelOf: (code: number) => string, order: 'code' | 'busiest', first?: number) => {
      const d = given.kind === 'multi' ? singleIfPossible(given) : given;
      const totals = new Uint32Array(d.codeCount + 1);
      if (d.kind === 'single') for (let i = 0; i < n; i++) totals[d.codes[i]!]!++;
      else for (let k = 0; k < d.values.length; k++) totals[d.values[k]!]!++;
      const codes: number[] = [];
      for (let c = 0; c < d.codeCount; c++) if (totals[c]! > 0) codes.push(c);
      const labelByCode = new Map(codes.map((c) => [c, labelOf(c)]));
      if (order === 'busiest') codes.sort((a, b) => (a === first ? -1 : b === first ? 1 : 0) || totals[b]! - totals[a]! || labelByCode.get(a)!.localeCompare(labelByCode.get(b)!) || a - b);
      const positionOfCode = new Int32Array(d.codeCount + 1).fill(-1);
      codes.forEach((c, k) => (positionOfCode[c] = k));
      const keyToCode = new Map<string, number>();
      for (let c = 0; c < d.codeCount; c++) keyToCode.set(keyOf(c), c);
      data[id] = { ...d, keyToCode, positionOfCode };
      facets[id] = { id, label: FACET_LABEL[id], values: codes.map((c) => ({ key: keyOf(c), label: labelByCode.get(c)!, total: totals[c]! })) };
    };

    add('type', { kind: 'single', codes: singleCodes(n, EVENT_TYPES.length, (i) => cols.type[i]!), codeCount: EVENT_TYPES.length }, (c) => EVENT_TYPES[c]!, (c) => EVENT_TYPE_STYLES[EVENT_TYPES[c]!].label, 'code');

    // Countries and regions come from places; a place's lists are computed once, then unioned per event.
    const places = header.places;
    const byId = new Map<string, Place>(places.map((p) => [p.id, p]));
    const countryCodes = new Map<string, number>();
    const countryOfCode: string[] = [];
    const placeCountryLists = places.map((p) =>
      placeCountries(byId, p.id).map((c) => {
        let code = countryCodes.get(c);
        if (code === undefined) {
          code = countryOfCode.length;
          countryCodes.set(c, code);
          countryOfCode.push(c);
        }
        return code;
      })
    );
    const countryLabel = countryLabeller(header.metadata);
    const { regions, regionOfPlace } = placeRegions(places, countryLabel);
    const regionLists = places.map((_, p) => (regionOfPlace[p]! >= 0 ? [regionOfPlace[p]!] : []));
    add('country', { kind: 'multi', ...unionLists(cols.placeOffsets, cols.placeIndex, countryOfCode.length, (p) => placeCountryLists[p] ?? []) }, (c) => countryOfCode[c]!, (c) => countryLabel(countryOfCode[c]!), 'busiest');
    add('region', { kind: 'multi', ...unionLists(cols.placeOffsets, cols.placeIndex, regions.length, (p) => regionLists[p] ?? []) }, (c) => regions[c]!.key, (c) => regions[c]!.label, 'busiest');
    add('place', { kind: 'multi', ...unionLists(cols.placeOffsets, cols.placeIndex, places.length, undefined) }, (c) => places[c]!.id, (c) => places[c]!.name, 'busiest');

    const actors = header.actors;
    add('actor', { kind: 'multi', ...unionLists(cols.actorOffsets, cols.actorIndex, actors.length, undefined) }, (c) => actors[c]!.id, (c) => actors[c]!.name, 'busiest');

    // Claimant: code 0 is "none named", code a + 1 actor a.
    add(
      'claimant',
      {
        kind: 'single',
        codes: singleCodes(n, actors.length + 1, (i) => {
          const a = cols.claimant[i]!;
          return a >= 0 && a < actors.length ? a + 1 : 0;
        }),
        codeCount: actors.length + 1
      },
      (c) => (c === 0 ? NO_CLAIMANT : actors[c - 1]!.id),
      (c) => (c === 0 ? 'No claimant named' : actors[c - 1]!.name),
      'busiest',
      0
    );

    // Precision: the coarser of the two ends, as EventView.precision; values finest first.
    const coarser = DATE_PRECISIONS.map((a) => DATE_PRECISIONS.map((b) => DATE_PRECISIONS.indexOf(coarserPrecision(a, b))));
    const precision = singleCodes(n, DATE_PRECISIONS.length, (i) => {
      const s = Math.min(cols.startPrecision[i]!, DATE_PRECISIONS.length - 1);
      const e = cols.endPrecision[i]!;
      return e === NO_END || e >= DATE_PRECISIONS.length ? s : coarser[s]![e]!;
    });
    add('precision', { kind: 'single', codes: precision, codeCount: DATE_PRECISIONS.length }, (c) => DATE_PRECISIONS[c]!, (c) => capitalise(PRECISION_LABEL[DATE_PRECISIONS[c]!]), 'code');
    const rank = (key: string) => PRECISION_ORDER.indexOf(key as DatePrecision);
    facets.precision = { ...facets.precision, values: [...facets.precision.values].sort((a, b) => rank(a.key) - rank(b.key)) };
    data.precision.positionOfCode.fill(-1);
    facets.precision.values.forEach((v, k) => (data.precision.positionOfCode[data.precision.keyToCode.get(v.key)!] = k));

    // Figures: code 0 with, 1 without.
    add('figures', { kind: 'single', codes: singleCodes(n, 2, (i) => (cols.flags[i]! & FLAG_HAS_FIGURES ? 0 : 1)), codeCount: 2 }, (c) => (c === 0 ? WITH_FIGURES : WITHOUT_FIGURES), (c) => (c === 0 ? 'With figures' : 'Without figures'), 'code');

    // Links: code 0 with a link (to another event loaded), 1 without.
    const linked = linkedEvents(header.links, n, (i) => stringAt(cols.ids, i));
    add('links', { kind: 'single', codes: singleCodes(n, 2, (i) => (linked[i] === 1 ? 0 : 1)), codeCount: 2 }, (c) => (c === 0 ? WITH_LINKS : WITHOUT_LINKS), (c) => (c === 0 ? 'With links' : 'Without links'), 'code');

    this.facets = facets;
    this.#data = data;

    const blocks = Math.ceil(n / BLOCK);
    this.#blockMinStart = new Float64Array(blocks).fill(Infinity);
    this.#blockMaxStart = new Float64Array(blocks).fill(-Infinity);
    this.#blockMaxEnd = new Float64Array(blocks).fill(-Infinity);
    for (let i = 0; i < n; i++) {
      const b = (i / BLOCK) | 0;
      const s = cols.start[i]!;
      const e = cols.end[i]!;
      if (s < this.#blockMinStart[b]!) this.#blockMinStart[b] = s;
      if (s > this.#blockMaxStart[b]!) this.#blockMaxStart[b] = s;
      if (e > this.#blockMaxEnd[b]!) this.#blockMaxEnd[b] = e;
    }
  }

  /** No facet ticked and no date bound. */
  isEmpty(filter: EventFilter): boolean {
    return isEmptyFilter(filter);
  }

  /**
   * The filter normalised, keeping only keys some event of this dataset has: a filter saved for
   * another file (or an older version of this one) loses what no longer applies.
   */
  known(filter: EventFilter): EventFilter {
    const out: { -readonly [F in FacetId]?: readonly string[] } & { from?: number; to?: number } = { ...normalizeFilter(filter) };
    for (const f of FACET_IDS) {
      const keys = out[f];
      if (!keys) continue;
      const d = this.#data[f];
      out[f] = keys.filter((k) => {
        const code = d.keyToCode.get(k);
        return code !== undefined && d.positionOfCode[code]! >= 0;
      });
    }
    return normalizeFilter(out);
  }

  /**
   * 1 for each event the filter (and `within`, if given) shows, else 0. Writes into `out` when
   * given (length count), so a caller can keep one buffer.
   */
  mask(filter: EventFilter, within?: EventSubset, out?: Uint8Array): Uint8Array {
    const mask = this.#maskBuffer(out);
    this.#run(filter, within, mask, false);
    return mask;
  }

  /**
   * The test EventIndex takes (undefined when nothing is filtered out). Holds its own mask, so it
   * stays valid whatever the engine is asked later.
   */
  include(filter: EventFilter, within?: EventSubset): ((i: number) => boolean) | undefined {
    if (isEmptyFilter(filter) && !within) return undefined;
    const mask = this.mask(filter, within);
    return (i: number) => mask[i] === 1;
  }

  /** Events passing the filter, as a count. */
  size(filter: EventFilter, within?: EventSubset): number {
    return this.#run(filter, within, undefined, false).total;
  }

  /**
   * Faceted-search counts: for each value of each facet, how many events pass every other facet
   * (the date range and `within` included) and have that value; and how many pass everything.
   */
  counts(filter: EventFilter, within?: EventSubset): FacetCounts {
    return this.#run(filter, within, undefined, true);
  }

  /** mask() and counts() in one pass. */
  evaluate(filter: EventFilter, within?: EventSubset, out?: Uint8Array): { mask: Uint8Array; counts: FacetCounts } {
    const mask = this.#maskBuffer(out);
    const counts = this.#run(filter, within, mask, true);
    return { mask, counts };
  }

  #maskBuffer(out: Uint8Array | undefined): Uint8Array {
    if (out && out.length !== this.count) throw new RangeError(`mask buffer of ${out.length} for ${this.count} events`);
    return out ?? new Uint8Array(this.count);
  }

  /**
   * The one evaluation: per block of events, a failure word per event (a bit per test failed),
   * then the mask, and the counts: an event counts for facet f when it fails no test but perhaps f.
   */
  #run(filter: EventFilter, within: EventSubset | undefined, mask: Uint8Array | undefined, wantCounts: boolean): FacetCounts {
    const n = this.count;
    const selected = FACET_IDS.map((f) => this.#selected(f, filter));
    const range = dateRange(filter);
    if (!within && !range && selected.every((s) => s === undefined)) {
      mask?.fill(1);
      return wantCounts ? this.#totals() : { total: n, counts: this.#emptyCounts() };
    }
    let subset = within === undefined ? undefined : this.#subsetMask(within);
    // The mask may be written into the very buffer `within` came in.
    if (subset !== undefined && subset === mask) subset = subset.slice();
    // Tests: the single-valued facets first (cheap), then the multi-valued ones, whose lists are
    // only read for events failing at most one test so far.
    const tests: ActiveFacet[] = [];
    for (const kind of ['single', 'multi'] as const) {
      FACET_IDS.forEach((f, bitIndex) => {
        const sel = selected[bitIndex];
        const d = this.#data[f];
        if (!sel || d.kind !== kind) return;
        const bit = 1 << bitIndex;
        if (d.kind === 'single') {
          const failBit = new Uint16Array(sel.length);
          for (let c = 0; c < sel.length; c++) failBit[c] = sel[c] === 0 ? bit : 0;
          tests.push({ kind: 'single', codes: d.codes, failBit });
        } else {
          tests.push({ kind: 'multi', offsets: d.offsets, values: d.values, selected: sel, bit });
        }
      });
    }
    const byCode = FACET_IDS.map((f) => (wantCounts ? new Uint32Array(this.#data[f].codeCount + 1) : new Uint32Array(0)));
    const fails = this.#fails;
    const passing = this.#passing;
    const { start, end } = this.#cols;
    const from = range ? range[0] : -Infinity;
    const to = range ? range[1] : Infinity;
    mask?.fill(0);
    let total = 0;
    for (let base = 0, block = 0; base < n; base += BLOCK, block++) {
      const len = Math.min(BLOCK, n - base);
      // A block wholly outside the date range counts for nothing.
      if (range && (this.#blockMinStart[block]! >= to || (this.#blockMaxEnd[block]! <= from && this.#blockMaxStart[block]! < from))) continue;
      if (subset) {
        if (initSubset(fails, subset, base, len) === 0) continue;
      } else {
        fails.fill(0, 0, len);
      }
      if (range) failRange(fails, start, end, base, len, from, to);
      for (const t of tests) {
        if (t.kind === 'single') failSingle(fails, t.codes, t.failBit, base, len);
        else failMulti(fails, t.offsets, t.values, t.selected, t.bit, base, len);
      }
      const passed = listPassing(fails, passing, len);
      total += passed;
      if (mask) for (let k = 0; k < passed; k++) mask[base + passing[k]!] = 1;
      if (!wantCounts) continue;
      FACET_IDS.forEach((f, bitIndex) => {
        const d = this.#data[f];
        const counts = byCode[bitIndex]!;
        if (selected[bitIndex]) {
          const others = ~(1 << bitIndex) & 0xffff;
          if (d.kind === 'single') countSingleWhere(counts, d.codes, fails, others, base, len);
          else countMultiWhere(counts, d.offsets, d.values, fails, others, base, len);
        } else if (d.kind === 'single') {
          countSingle(counts, d.codes, passing, passed, base);
        } else {
          countMulti(counts, d.offsets, d.values, passing, passed, base);
        }
      });
    }
    if (!wantCounts) return { total, counts: this.#emptyCounts() };
    const counts = {} as Record<FacetId, Uint32Array>;
    FACET_IDS.forEach((f, bitIndex) => (counts[f] = this.#inDisplayOrder(f, byCode[bitIndex]!)));
    return { total, counts };
  }

  /** `within` as a mask (a buffer kept for index lists). */
  #subsetMask(within: EventSubset): Uint8Array {
    const n = this.count;
    if (within instanceof Uint8Array) {
      if (within.length !== n) throw new RangeError(`subset mask of ${within.length} for ${n} events`);
      return within;
    }
    const mask = (this.#subset ??= new Uint8Array(n));
    mask.fill(0);
    for (let k = 0; k < within.length; k++) if (within[k]! < n) mask[within[k]!] = 1;
    return mask;
  }

  /** Counts of the empty filter: every value's total. */
  #totals(): FacetCounts {
    const counts = {} as Record<FacetId, Uint32Array>;
    for (const f of FACET_IDS) counts[f] = Uint32Array.from(this.facets[f].values, (v) => v.total);
    return { total: this.count, counts };
  }

  /** Zero counts (what size() and mask() compute does not include counts). */
  #emptyCounts(): Record<FacetId, Uint32Array> {
    const counts = {} as Record<FacetId, Uint32Array>;
    for (const f of FACET_IDS) counts[f] = new Uint32Array(this.facets[f].values.length);
    return counts;
  }

  #inDisplayOrder(f: FacetId, byCode: Uint32Array): Uint32Array {
    const d = this.#data[f];
    const out = new Uint32Array(this.facets[f].values.length);
    for (let c = 0; c < d.codeCount; c++) {
      const at = d.positionOfCode[c]!;
      if (at >= 0) out[at] = byCode[c]!;
    }
    return out;
  }

  /**
   * Codes ticked in facet f (1 = ticked; one more entry than values, for "no value", never
   * ticked), or undefined when the facet does not filter.
   */
  #selected(f: FacetId, filter: EventFilter): Uint8Array | undefined {
    const keys = filter[f];
    if (!keys || keys.length === 0) return undefined;
    const d = this.#data[f];
    const selected = new Uint8Array(d.codeCount + 1);
    for (const key of keys) {
      const code = d.keyToCode.get(key);
      if (code !== undefined) selected[code] = 1;
    }
    return selected;
  }
}

/** Display order of precisions: finest first. */
const PRECISION_ORDER: readonly DatePrecision[] = ['day', 'approximate', 'week', 'between', 'month', 'year'];

/**
 * Does an event covering [start, end) overlap the range [from, to)? An event without extent
 * (end <= start) is taken as the instant `start`.
 */
export function overlaps(start: number, end: number, from: number, to: number): boolean {
  return start < to && (end > from || (end <= start && start >= from));
}

/** One code per event, in the smallest array that holds codeCount + 1 codes ("no value" included). */
function singleCodes(n: number, codeCount: number, codeOf: (i: number) => number): Uint16Array | Uint32Array {
  const codes = codeCount < 0xffff ? new Uint16Array(n) : new Uint32Array(n);
  for (let i = 0; i < n; i++) codes[i] = codeOf(i);
  return codes;
}

/** A multi-valued facet stored as single codes when no event has two values. */
function singleIfPossible(d: FacetCodes & { kind: 'multi' }): FacetCodes {
  const n = d.offsets.length - 1;
  for (let i = 0; i < n; i++) if (d.offsets[i + 1]! - d.offsets[i]! > 1) return d;
  const codes = singleCodes(n, d.codeCount, (i) => (d.offsets[i + 1]! > d.offsets[i]! ? d.values[d.offsets[i]!]! : d.codeCount));
  return { kind: 'single', codes, codeCount: d.codeCount };
}

// Block kernels: tight loops over [base, base + len), each called with one kind of typed array
// as far as a dataset goes, so V8 keeps them monomorphic.

/** Failure words of a block from the subset (SUBSET_BIT when out); returns how many are in. */
function initSubset(fails: Uint16Array, subset: Uint8Array, base: number, len: number): number {
  let inside = 0;
  for (let k = 0; k < len; k++) {
    const out = (subset[base + k]! - 1) >>> 31; // 1 when not in the subset
    fails[k] = out * SUBSET_BIT;
    inside += 1 - out;
  }
  return inside;
}

function failRange(fails: Uint16Array, start: Float64Array, end: Float64Array, base: number, len: number, from: number, to: number): void {
  for (let k = 0; k < len; k++) if (!overlaps(start[base + k]!, end[base + k]!, from, to)) fails[k]! |= DATE_BIT;
}

function failSingle(fails: Uint16Array, codes: Uint16Array | Uint32Array, failBit: Uint16Array, base: number, len: number): void {
  for (let k = 0; k < len; k++) fails[k]! |= failBit[codes[base + k]!]!;
}

function failMulti(fails: Uint16Array, offsets: Uint32Array, values: Uint32Array, selected: Uint8Array, bit: number, base: number, len: number): void {
  for (let k = 0; k < len; k++) {
    const x = fails[k]!;
    // Failing two tests already: it counts nowhere, whatever this facet says.
    if ((x & (x - 1)) !== 0) continue;
    const i = base + k;
    let hit = 0;
    for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) hit |= selected[values[j]!]!;
    if (hit === 0) fails[k] = x | bit;
  }
}

/** Lists the block's events failing nothing (offsets in the block); returns how many. */
function listPassing(fails: Uint16Array, passing: Uint32Array, len: number): number {
  let total = 0;
  // Written unconditionally, kept by advancing: no unpredictable branch.
  for (let k = 0; k < len; k++) {
    passing[total] = k;
    total += (fails[k]! - 1) >>> 31; // 1 when fails[k] is 0
  }
  return total;
}

function countSingle(byCode: Uint32Array, codes: Uint16Array | Uint32Array, passing: Uint32Array, passed: number, base: number): void {
  for (let k = 0; k < passed; k++) byCode[codes[base + passing[k]!]!]!++;
}

/** Counts the block's events failing nothing in `others` (bits). */
function countSingleWhere(byCode: Uint32Array, codes: Uint16Array | Uint32Array, fails: Uint16Array, others: number, base: number, len: number): void {
  for (let k = 0; k < len; k++) byCode[codes[base + k]!]! += ((fails[k]! & others) - 1) >>> 31;
}

function countMulti(byCode: Uint32Array, offsets: Uint32Array, values: Uint32Array, passing: Uint32Array, passed: number, base: number): void {
  for (let k = 0; k < passed; k++) {
    const i = base + passing[k]!;
    for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) byCode[values[j]!]!++;
  }
}

function countMultiWhere(byCode: Uint32Array, offsets: Uint32Array, values: Uint32Array, fails: Uint16Array, others: number, base: number, len: number): void {
  for (let k = 0; k < len; k++) {
    if ((fails[k]! & others) !== 0) continue;
    const i = base + k;
    for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) byCode[values[j]!]!++;
  }
}

/** [from, to) of the filter, or undefined when it has no finite bound. */
function dateRange(filter: EventFilter): [number, number] | undefined {
  const from = filter.from !== undefined && Number.isFinite(filter.from) ? filter.from : -Infinity;
  const to = filter.to !== undefined && Number.isFinite(filter.to) ? filter.to : Infinity;
  return from === -Infinity && to === Infinity ? undefined : [from, to];
}

/**
 * Per event, the union (unique, in order of first appearance) of the code lists of the items in
 * its CSR list; `listOf` undefined means each item is its own code.
 */
function unionLists(offsets: Uint32Array, items: Uint32Array, codeCount: number, listOf: ((item: number) => readonly number[]) | undefined): { offsets: Uint32Array; values: Uint32Array; codeCount: number } {
  const n = offsets.length - 1;
  const out = new Uint32Array(n + 1);
  const lastSeen = new Int32Array(codeCount).fill(-1);
  // Lists are short (an event has a few places); most items map to one code, so the first guess at
  // the size is the item count, grown if needed.
  let values = new Uint32Array(Math.max(16, items.length));
  let at = 0;
  const push = (code: number, i: number) => {
    if (lastSeen[code] === i) return;
    lastSeen[code] = i;
    if (at === values.length) {
      const next = new Uint32Array(values.length * 2);
      next.set(values);
      values = next;
    }
    values[at++] = code;
  };
  for (let i = 0; i < n; i++) {
    for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) {
      const item = items[k]!;
      if (listOf === undefined) {
        if (item < codeCount) push(item, i);
      } else {
        for (const code of listOf(item)) push(code, i);
      }
    }
    out[i + 1] = at;
  }
  return { offsets: out, values: values.slice(0, at), codeCount };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
