// FilterEngine: facet values and totals of a hand-built dataset, AND across facets and OR within
// one, faceted counts that ignore their own facet, date ranges overlapping at the edges, `within`,
// filters surviving a reload; the filter helpers; and, on datasets larger than a block (synthetic,
// one and several places per event), every mask and count equal to a plain reference computation.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticDataset } from '../../../scripts/bench/synthetic';
import { prng } from '../../../tests/support/prng';
import { eventView, FLAG_HAS_FIGURES, stringAt, valuesOf, type DatasetHeader, type EventColumns } from '../dataset/columns';
import { columnsFromDataset } from '../dataset/datasetColumns';
import { utcDay } from '../dataset/dates';
import { EVENT_TYPES } from '../dataset/eventTypes';
import { LINK_KINDS } from '../dataset/links';
import { placeCountries } from '../dataset/lanes';
import { loadDatasetBytes } from '../dataset/loadDatasetBytes';
import { placeRegions } from '../dataset/regions';
import type { Dataset, Place, TimelineEvent } from '../dataset/schema';
import { parseDatasetText } from '../dataset/validateDataset';
import {
  clearFilter,
  FACET_IDS,
  FilterEngine,
  filtersEqual,
  isEmptyFilter,
  maskIndices,
  normalizeFilter,
  NO_CLAIMANT,
  overlaps,
  toggleValue,
  withRange,
  withValue,
  type EventFilter,
  type FacetId
} from './eventFilter';

const NOV = (day: number) => utcDay(2017, 11, day);

function event(id: string, extra: Partial<TimelineEvent>): TimelineEvent {
  return {
    id,
    type: 'clash',
    title: id,
    start: { value: '2017-11-01', precision: 'day' },
    places: [],
    actors: [],
    status: 'reported',
    figures: [],
    citations: [{ source: 's' }],
    tags: [],
    ...extra
  };
}

const day = (d: number) => ({ value: `2017-11-${String(d).padStart(2, '0')}`, precision: 'day' as const });
const actor = (id: string) => ({ actor: id, role: 'participant' as const });
const figure = { value: 10, unit: 'people', counts: 'killed', bound: 'exact' as const, asWritten: '10' };

function place(id: string, extra: Partial<Place>): Place {
  return { id, name: id, altNames: [], kind: 'other', countries: [], ...extra };
}

/** Nine events over Syria, Iraq and London, with one, two and no places; see the tests for what each is. */
function small(): Dataset {
  return {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Filters', theatres: [] },
    sources: [{ id: 's', kind: 'other', publisher: 'P', title: 'T' }],
    places: [
      place('sy', { name: 'Syria', kind: 'country', countries: ['SY'] }),
      place('iq', { name: 'Iraq', kind: 'country', countries: ['IQ'] }),
      place('dezp', { name: 'Deir al-Zour province', kind: 'province', countries: ['SY'], parent: 'sy' }),
      place('dez', { name: 'Deir al-Zour', kind: 'city', parent: 'dezp' }),
      place('raq', { name: 'Raqqa', kind: 'city', countries: ['SY'], admin1: 'Raqqa', parent: 'sy' }),
      place('qaim', { name: 'al-Qaim', kind: 'town', countries: ['IQ'], admin1: 'Anbar', parent: 'iq' }),
      place('border', { name: 'Border crossing', kind: 'crossing', countries: ['SY', 'IQ'] }),
      place('lon', { name: 'London', kind: 'city', countries: ['GB'] })
    ],
    actors: ['army', 'is', 'sdf'].map((id) => ({ id, name: id.toUpperCase(), aliases: [], kind: 'other' as const, backedBy: [], memberOf: [], countries: [] })),
    events: [
      event('e1', { start: day(1), places: ['dez'], actors: [actor('army'), actor('is')], claimant: { actor: 'army', asWritten: 'army says' }, figures: [figure] }),
      event('e2', { type: 'capture', start: day(2), places: ['raq'], actors: [actor('sdf'), actor('is')] }),
      event('e3', { start: day(3), end: day(5), places: ['qaim'], actors: [actor('is')], claimant: { actor: 'is', asWritten: 'IS says' } }),
      event('e4', { type: 'statement', start: { value: '2017-11', precision: 'month' }, places: ['lon'], actors: [actor('sdf')], claimant: { actor: 'sdf', asWritten: 'SDF says' }, figures: [figure] }),
      event('e5', { start: { value: '2017-W44', precision: 'week' }, places: ['dez', 'qaim'], actors: [actor('army'), actor('sdf')] }),
      event('e6', { type: 'displacement', start: { value: '2017-11-03', precision: 'approximate' }, places: ['dezp'], figures: [figure] }),
      event('e7', { type: 'context', start: { value: '1916', precision: 'year' }, places: ['border'], actors: [actor('is')] }),
      event('e8', { start: day(6) }),
      event('e9', { type: 'capture', start: day(4), places: ['raq', 'dez'], actors: [actor('army')], claimant: { actor: 'army', asWritten: 'army says' } })
    ]
  };
}

interface Fixture {
  readonly columns: EventColumns;
  readonly header: DatasetHeader;
  readonly engine: FilterEngine;
}

function fixture(ds: Dataset): Fixture {
  const { columns, header } = columnsFromDataset(ds);
  return { columns, header, engine: new FilterEngine(columns, header) };
}

// ---------------------------------------------------------------------------------------------
// A plain reference: each event's keys per facet as sets, filters applied by the definition.

type Keys = Readonly<Record<FacetId, readonly string[]>>;

function referenceKeys(cols: EventColumns, header: DatasetHeader): Keys[] {
  const byId = new Map(header.places.map((p) => [p.id, p]));
  const { regions, regionOfPlace } = placeRegions(header.places);
  // An event has links when a link joins it to another event of the dataset.
  const ids = new Set(Array.from({ length: cols.count }, (_, i) => stringAt(cols.ids, i)));
  const linked = new Set(header.links.filter((l) => l.from !== l.to && ids.has(l.from) && ids.has(l.to)).flatMap((l) => [l.from, l.to]));
  return Array.from({ length: cols.count }, (_, i) => {
    const places = Array.from(valuesOf(cols.placeOffsets, cols.placeIndex, i));
    const claimant = cols.claimant[i]!;
    return {
      type: [EVENT_TYPES[cols.type[i]!]!],
      country: [...new Set(places.flatMap((p) => placeCountries(byId, header.places[p]!.id)))],
      region: [...new Set(places.filter((p) => regionOfPlace[p]! >= 0).map((p) => regions[regionOfPlace[p]!]!.key))],
      place: [...new Set(places.map((p) => header.places[p]!.id))],
      actor: [...new Set(Array.from(valuesOf(cols.actorOffsets, cols.actorIndex, i), (a) => header.actors[a]!.id))],
      claimant: [claimant < 0 ? NO_CLAIMANT : header.actors[claimant]!.id],
      precision: [eventView(cols, i).precision],
      figures: [cols.flags[i]! & FLAG_HAS_FIGURES ? 'yes' : 'no'],
      links: [linked.has(stringAt(cols.ids, i)) ? 'yes' : 'no']
    };
  });
}

function passes(keys: Keys, cols: EventColumns, i: number, filter: EventFilter, within: Uint8Array | undefined, except?: FacetId): boolean {
  if (within && within[i] === 0) return false;
  if (!overlaps(cols.start[i]!, cols.end[i]!, filter.from ?? -Infinity, filter.to ?? Infinity)) return false;
  for (const f of FACET_IDS) {
    const want = filter[f];
    if (f === except || !want || want.length === 0) continue;
    if (!keys[f].some((k) => want.includes(k))) return false;
  }
  return true;
}

function referenceMask(all: Keys[], cols: EventColumns, filter: EventFilter, within?: Uint8Array): number[] {
  return all.map((keys, i) => (passes(keys, cols, i, filter, within) ? 1 : 0));
}

function referenceCounts(all: Keys[], cols: EventColumns, engine: FilterEngine, filter: EventFilter, within?: Uint8Array): Record<FacetId, number[]> {
  const out = {} as Record<FacetId, number[]>;
  for (const f of FACET_IDS) {
    const byKey = new Map<string, number>();
    all.forEach((keys, i) => {
      if (passes(keys, cols, i, filter, within, f)) for (const k of keys[f]) byKey.set(k, (byKey.get(k) ?? 0) + 1);
    });
    out[f] = engine.facets[f].values.map((v) => byKey.get(v.key) ?? 0);
  }
  return out;
}

/** Counts of a facet by key, for readable expectations. */
function byKey(engine: FilterEngine, counts: Readonly<Record<FacetId, Uint32Array>>, f: FacetId): Record<string, number> {
  return Object.fromEntries(engine.facets[f].values.map((v, k) => [v.key, counts[f][k]!]));
}

/** Event ids a mask shows. */
function shown(f: Fixture, mask: Uint8Array): string[] {
  return Array.from(maskIndices(mask), (i) => eventView(f.columns, i).id).sort();
}

// ---------------------------------------------------------------------------------------------

describe('FilterEngine facets', () => {
  const f = fixture(small());

  it('lists the values events have, with totals, busiest first', () => {
    const totals = (id: FacetId) => Object.fromEntries(f.engine.facets[id].values.map((v) => [v.key, v.total]));
    expect(totals('type')).toEqual({ clash: 4, capture: 2, displacement: 1, statement: 1, context: 1 });
    expect(f.engine.facets.type.values.map((v) => v.key)).toEqual(['capture', 'clash', 'displacement', 'statement', 'context']); // EVENT_TYPES order
    // dez inherits Syria from its province; the border crossing is in both countries.
    expect(totals('country')).toEqual({ SY: 6, IQ: 3, GB: 1 });
    expect(f.engine.facets.country.values.map((v) => v.label)).toEqual(['Syria', 'Iraq', 'United Kingdom']);
    expect(totals('region')).toEqual({ 'place:dezp': 4, 'SY|Raqqa': 2, 'IQ|Anbar': 2 });
    expect(totals('place')).toEqual({ dez: 3, raq: 2, qaim: 2, dezp: 1, border: 1, lon: 1 });
    expect(totals('actor')).toEqual({ is: 4, army: 3, sdf: 3 });
    expect(f.engine.facets.claimant.values[0]).toEqual({ key: NO_CLAIMANT, label: 'No claimant named', total: 5 });
    expect(totals('claimant')).toEqual({ [NO_CLAIMANT]: 5, army: 2, is: 1, sdf: 1 });
    expect(f.engine.facets.precision.values.map((v) => [v.key, v.total])).toEqual([
      ['day', 5],
      ['approximate', 1],
      ['week', 1],
      ['month', 1],
      ['year', 1]
    ]);
    expect(totals('figures')).toEqual({ yes: 3, no: 6 });
  });

  it('counts that add up: every single-valued facet sums to the events shown', () => {
    for (const filter of [{}, { type: ['clash'] }, { country: ['SY'] }, { from: NOV(3), to: NOV(5) }] as EventFilter[]) {
      const { total, counts } = f.engine.counts(filter);
      for (const id of ['type', 'claimant', 'precision', 'figures'] as const) {
        const own = filter[id] ? undefined : total;
        if (own !== undefined) expect(counts[id].reduce((a, b) => a + b, 0), `${id} ${JSON.stringify(filter)}`).toBe(own);
      }
    }
    const empty = f.engine.counts({});
    expect(empty.total).toBe(9);
    for (const id of FACET_IDS) expect(Array.from(empty.counts[id])).toEqual(f.engine.facets[id].values.map((v) => v.total));
  });
});

describe('a dataset without events', () => {
  it('has no values and shows nothing, whatever the filter', () => {
    const f = fixture({ ...small(), events: [] });
    expect(f.engine.facets.type.values).toEqual([]);
    expect(f.engine.mask({ type: ['clash'], from: 0 })).toHaveLength(0);
    expect(f.engine.counts({ country: ['SY'] })).toEqual({ total: 0, counts: Object.fromEntries(FACET_IDS.map((id) => [id, new Uint32Array(0)])) });
  });
});

describe('FilterEngine.mask', () => {
  const f = fixture(small());

  it('shows everything for the empty filter', () => {
    expect(shown(f, f.engine.mask({}))).toHaveLength(9);
    expect(f.engine.include({})).toBeUndefined();
    expect(f.engine.size({})).toBe(9);
  });

  it('ORs the values ticked within a facet', () => {
    expect(shown(f, f.engine.mask({ type: ['capture'] }))).toEqual(['e2', 'e9']);
    expect(shown(f, f.engine.mask({ type: ['capture', 'statement'] }))).toEqual(['e2', 'e4', 'e9']);
    expect(shown(f, f.engine.mask({ place: ['raq', 'qaim'] }))).toEqual(['e2', 'e3', 'e5', 'e9']);
    expect(shown(f, f.engine.mask({ country: ['IQ', 'GB'] }))).toEqual(['e3', 'e4', 'e5', 'e7']);
  });

  it('ANDs the facets', () => {
    expect(shown(f, f.engine.mask({ type: ['clash'], country: ['IQ'] }))).toEqual(['e3', 'e5']);
    expect(shown(f, f.engine.mask({ type: ['clash', 'capture'], actor: ['army'], figures: ['no'] }))).toEqual(['e5', 'e9']);
    expect(shown(f, f.engine.mask({ claimant: [NO_CLAIMANT], region: ['place:dezp'] }))).toEqual(['e5', 'e6']);
    expect(shown(f, f.engine.mask({ type: ['statement'], country: ['SY'] }))).toEqual([]);
  });

  it('matches an event whose places are in several countries or regions on any of them', () => {
    expect(shown(f, f.engine.mask({ country: ['SY'] }))).toEqual(['e1', 'e2', 'e5', 'e6', 'e7', 'e9']);
    expect(shown(f, f.engine.mask({ region: ['IQ|Anbar'] }))).toEqual(['e3', 'e5']);
  });

  it('takes the coarser precision of start and end', () => {
    expect(shown(f, f.engine.mask({ precision: ['day'] }))).toEqual(['e1', 'e2', 'e3', 'e8', 'e9']);
    expect(shown(f, f.engine.mask({ precision: ['week', 'year'] }))).toEqual(['e5', 'e7']);
  });

  it('ignores keys this dataset does not have (a facet with only those shows nothing)', () => {
    expect(shown(f, f.engine.mask({ place: ['nowhere'] }))).toEqual([]);
    expect(f.engine.known({ place: ['nowhere', 'dez'], type: ['other'], from: 5 })).toEqual({ place: ['dez'], from: 5 });
  });

  it('writes into a given buffer, and refuses one of the wrong length', () => {
    const out = new Uint8Array(9).fill(7);
    expect(f.engine.mask({ type: ['capture'] }, undefined, out)).toBe(out);
    expect(shown(f, out)).toEqual(['e2', 'e9']);
    expect(Array.from(out).every((v) => v === 0 || v === 1)).toBe(true);
    expect(() => f.engine.mask({}, undefined, new Uint8Array(3))).toThrow(RangeError);
  });
});

describe('date ranges', () => {
  const f = fixture(small());
  const ids = (filter: EventFilter) => shown(f, f.engine.mask(filter)).filter((id) => ['e1', 'e3'].includes(id));

  it('keeps an event whose [start, end) overlaps [from, to), edges exclusive', () => {
    // e1 covers 1 November: [Nov 1, Nov 2).
    expect(ids({ from: NOV(2) })).toEqual(['e3']);
    expect(ids({ from: NOV(2) - 1 })).toEqual(['e1', 'e3']);
    expect(ids({ to: NOV(1) })).toEqual([]);
    expect(ids({ to: NOV(1) + 1 })).toEqual(['e1']);
    // e3 runs from 3 to 5 November: [Nov 3, Nov 6).
    expect(ids({ from: NOV(5), to: NOV(7) })).toEqual(['e3']);
    expect(ids({ from: NOV(6), to: NOV(7) })).toEqual([]);
    expect(ids({ from: NOV(4), to: NOV(4) + 1 })).toEqual(['e3']);
  });

  it('keeps a month-precision event for any day of its month, and the 1916 context for its year', () => {
    expect(shown(f, f.engine.mask({ type: ['statement'], from: NOV(30), to: NOV(30) + 1 }))).toEqual(['e4']);
    expect(shown(f, f.engine.mask({ type: ['statement'], from: utcDay(2017, 12, 1) }))).toEqual([]);
    expect(shown(f, f.engine.mask({ from: utcDay(1916, 6, 1), to: utcDay(1916, 6, 2) }))).toEqual(['e7']);
  });

  it('treats an event without extent as its instant', () => {
    expect(overlaps(10, 10, 10, 11)).toBe(true);
    expect(overlaps(10, 10, 9, 10)).toBe(false);
    expect(overlaps(10, 10, 11, 12)).toBe(false);
    expect(overlaps(10, 12, 12, 13)).toBe(false);
    expect(overlaps(10, 12, 11, 11.5)).toBe(true);
  });
});

describe('FilterEngine.counts', () => {
  const f = fixture(small());

  it('counts each facet as if its own selection were not there', () => {
    const { total, counts } = f.engine.counts({ type: ['clash'] });
    expect(total).toBe(4);
    // The type facet ignores the type selection: every type keeps its total...
    expect(byKey(f.engine, counts, 'type')).toEqual({ capture: 2, clash: 4, displacement: 1, statement: 1, context: 1 });
    // ...while every other facet counts clashes only.
    expect(byKey(f.engine, counts, 'country')).toEqual({ SY: 2, IQ: 2, GB: 0 });
    expect(byKey(f.engine, counts, 'actor')).toEqual({ is: 2, army: 2, sdf: 1 });
    expect(byKey(f.engine, counts, 'figures')).toEqual({ yes: 1, no: 3 });
  });

  it('applies every other facet, and the date range, to each facet', () => {
    const filter: EventFilter = { type: ['clash', 'capture'], country: ['SY'], from: NOV(2), to: NOV(5) };
    const { total, counts } = f.engine.counts(filter);
    expect(shown(f, f.engine.mask(filter))).toEqual(['e2', 'e5', 'e9']);
    expect(total).toBe(3);
    // type: events in Syria between 2 and 5 November (e2, e5, e6, e9), by type.
    expect(byKey(f.engine, counts, 'type')).toEqual({ capture: 2, clash: 1, displacement: 1, statement: 0, context: 0 });
    // country: clashes and captures between 2 and 5 November (e2, e3, e5, e9), by country.
    expect(byKey(f.engine, counts, 'country')).toEqual({ SY: 3, IQ: 2, GB: 0 });
    expect(byKey(f.engine, counts, 'place')).toEqual({ dez: 2, raq: 2, qaim: 1, dezp: 0, border: 0, lon: 0 });
  });

  it('agrees with evaluate(), which gives the mask too', () => {
    const filter: EventFilter = { actor: ['is', 'sdf'], precision: ['day', 'month'] };
    const { mask, counts } = f.engine.evaluate(filter);
    expect(Array.from(mask)).toEqual(Array.from(f.engine.mask(filter)));
    expect(counts).toEqual(f.engine.counts(filter));
  });
});

describe('within', () => {
  const f = fixture(small());
  const indexOf = (id: string) => Array.from({ length: f.columns.count }, (_, i) => i).find((i) => eventView(f.columns, i).id === id)!;

  it('restricts masks and counts to a subset, given as indices or as a mask', () => {
    const indices = Uint32Array.from(['e1', 'e2', 'e3', 'e4'].map(indexOf).sort((a, b) => a - b));
    const mask = new Uint8Array(f.columns.count);
    for (const i of indices) mask[i] = 1;
    for (const within of [indices, mask]) {
      expect(shown(f, f.engine.mask({}, within))).toEqual(['e1', 'e2', 'e3', 'e4']);
      expect(shown(f, f.engine.mask({ type: ['clash'] }, within))).toEqual(['e1', 'e3']);
      const { total, counts } = f.engine.counts({ type: ['clash'] }, within);
      expect(total).toBe(2);
      expect(byKey(f.engine, counts, 'type')).toEqual({ capture: 1, clash: 2, displacement: 0, statement: 1, context: 0 });
      expect(f.engine.size({}, within)).toBe(4);
      expect(f.engine.include({}, within)!(indexOf('e5'))).toBe(false);
    }
    expect(() => f.engine.mask({}, new Uint8Array(2))).toThrow(RangeError);
    // The mask may go back into the buffer the subset came in.
    const buffer = new Uint8Array(f.columns.count);
    for (const i of indices) buffer[i] = 1;
    expect(shown(f, f.engine.mask({ type: ['clash'] }, buffer, buffer))).toEqual(['e1', 'e3']);
  });
});

describe('filters over a reload', () => {
  it('keys are ids and type names, so a filter means the same after the file is opened again', () => {
    const check = (text: string) => {
      const parsed = parseDatasetText(text, 'bundled.frontline');
      if (!parsed.ok) throw new Error('bundled dataset invalid');
      return fixture(parsed.dataset);
    };
    const text = readFileSync(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url), 'utf8');
    const first = check(text);
    const second = check(text);
    const filter: EventFilter = { country: ['SY'], actor: ['syrian-army', 'sdf'], type: ['capture', 'offensive', 'control'] };
    expect(first.engine.facets.country.values.find((v) => v.key === 'SY')?.label).toBe('Syria');
    const a = shown(first, first.engine.mask(filter));
    expect(a).toEqual(['deir-al-zour-taken', 'raqqa-taken', 'sdf-offensive-albu-kamal', 'sdf-syrian-army-positions', 'syrian-army-offensive-albu-kamal']);
    expect(shown(second, second.engine.mask(JSON.parse(JSON.stringify(filter)) as EventFilter))).toEqual(a);
    expect(first.engine.known(filter)).toEqual(normalizeFilter(filter));
  });
});

describe('filter helpers', () => {
  it('normalizeFilter sorts, deduplicates and drops what does not filter', () => {
    expect(normalizeFilter({ type: ['clash', 'attack', 'clash'], place: [], actor: ['b', 'a'], from: NaN, to: 5 })).toEqual({ type: ['attack', 'clash'], actor: ['a', 'b'], to: 5 });
    expect(normalizeFilter({ from: Infinity })).toEqual({});
    expect(normalizeFilter({ type: ['clash', 3 as unknown as string] })).toEqual({ type: ['clash'] });
  });

  it('isEmptyFilter and filtersEqual', () => {
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ type: [], from: NaN })).toBe(true);
    expect(isEmptyFilter({ type: ['clash'] })).toBe(false);
    expect(isEmptyFilter({ to: 0 })).toBe(false);
    expect(filtersEqual({ type: ['a', 'b'] }, { type: ['b', 'a', 'a'], place: [] })).toBe(true);
    expect(filtersEqual({ type: ['a'] }, { type: ['a'], from: 1 })).toBe(false);
  });

  it('toggleValue ticks and unticks; withValue sets', () => {
    let filter: EventFilter = {};
    filter = toggleValue(filter, 'country', 'SY');
    expect(filter).toEqual({ country: ['SY'] });
    filter = toggleValue(filter, 'country', 'IQ');
    expect(filter).toEqual({ country: ['IQ', 'SY'] });
    filter = toggleValue(filter, 'country', 'SY');
    expect(filter).toEqual({ country: ['IQ'] });
    filter = toggleValue(filter, 'country', 'IQ');
    expect(filter).toEqual({});
    expect(withValue({ type: ['clash'] }, 'type', 'clash', true)).toEqual({ type: ['clash'] });
    expect(withValue({ type: ['clash'] }, 'type', 'clash', false)).toEqual({});
  });

  it('withRange and clearFilter', () => {
    expect(withRange({ type: ['clash'] }, 1, 2)).toEqual({ type: ['clash'], from: 1, to: 2 });
    expect(withRange({ type: ['clash'], from: 1, to: 2 }, undefined, 3)).toEqual({ type: ['clash'], to: 3 });
    const full: EventFilter = { type: ['clash'], place: ['dez'], from: 1 };
    expect(clearFilter(full)).toEqual({});
    expect(clearFilter(full, 'type')).toEqual({ place: ['dez'], from: 1 });
    expect(clearFilter(full, 'range')).toEqual({ type: ['clash'], place: ['dez'] });
  });

  it('maskIndices lists the events a mask shows', () => {
    expect(Array.from(maskIndices(Uint8Array.from([0, 1, 1, 0, 1])))).toEqual([1, 2, 4]);
  });
});

// ---------------------------------------------------------------------------------------------
// Larger datasets against the reference

/** Events with zero to three places and actors, every type and precision, spread over two years. */
function generated(n: number, seed: number): Dataset {
  const r = prng(seed);
  const base = small();
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const precisions = ['day', 'day', 'day', 'week', 'month', 'approximate', 'year'] as const;
  const events: TimelineEvent[] = Array.from({ length: n }, (_, k) => {
    const d = new Date(utcDay(2016, 1, 1) + Math.floor(r() * 700) * 86_400_000);
    const iso = d.toISOString().slice(0, 10);
    const precision = pick(precisions);
    const start =
      precision === 'week' ? { value: `${d.getUTCFullYear()}-W${String(1 + Math.floor(r() * 52)).padStart(2, '0')}`, precision } : precision === 'month' ? { value: iso.slice(0, 7), precision } : precision === 'year' ? { value: iso.slice(0, 4), precision } : { value: iso, precision };
    const places = [...new Set(Array.from({ length: Math.floor(r() * 4) }, () => pick(base.places).id))];
    const actors = [...new Set(Array.from({ length: Math.floor(r() * 4) }, () => pick(base.actors).id))];
    const endDays = r() < 0.3 ? Math.floor(r() * 40) : -1;
    return event(`g${k}`, {
      type: pick(EVENT_TYPES),
      start,
      ...(endDays >= 0 && precision === 'day' ? { end: { value: new Date(d.getTime() + endDays * 86_400_000).toISOString().slice(0, 10), precision: 'day' as const } } : {}),
      places,
      actors: actors.map(actor),
      ...(r() < 0.4 ? { claimant: { actor: pick(base.actors).id, asWritten: 'says' } } : {}),
      figures: r() < 0.3 ? [figure] : []
    });
  });
  // Links between a few events (some to an event that is not there: those count for neither end).
  const links = Array.from({ length: Math.floor(n / 20) }, () => ({ from: `g${Math.floor(r() * n)}`, to: r() < 0.1 ? 'gone' : `g${Math.floor(r() * n)}`, kind: pick(LINK_KINDS) }));
  return { ...base, events, links };
}

function randomFilter(engine: FilterEngine, r: () => number): EventFilter {
  const filter: { -readonly [F in FacetId]?: string[] } & { from?: number; to?: number } = {};
  for (const f of FACET_IDS) {
    if (r() < 0.35) filter[f] = engine.facets[f].values.filter(() => r() < 0.4).map((v) => v.key);
  }
  if (r() < 0.4) {
    const from = utcDay(2016, 1, 1) + Math.floor(r() * 600) * 86_400_000;
    filter.from = from;
    if (r() < 0.7) filter.to = from + Math.floor(r() * 200) * 86_400_000;
  }
  return filter;
}

function checkAgainstReference(columns: EventColumns, header: DatasetHeader, rounds: number, seed: number): void {
  const engine = new FilterEngine(columns, header);
  const all = referenceKeys(columns, header);
  const r = prng(seed);
  const out = new Uint8Array(columns.count);
  for (let round = 0; round < rounds; round++) {
    const filter = randomFilter(engine, r);
    const within = r() < 0.3 ? new Uint8Array(columns.count).map(() => (r() < 0.6 ? 1 : 0)) : undefined;
    const label = `${round}: ${JSON.stringify(filter)}${within ? ' within' : ''}`;
    const mask = referenceMask(all, columns, filter, within);
    expect(Array.from(engine.mask(filter, within, out)), label).toEqual(mask);
    const { total, counts } = engine.counts(filter, within);
    expect(total, label).toBe(mask.reduce((a, b) => a + b, 0));
    const expected = referenceCounts(all, columns, engine, filter, within);
    for (const f of FACET_IDS) expect(Array.from(counts[f]), `${label} ${f}`).toEqual(expected[f]);
    if (within) {
      const indices = maskIndices(within);
      expect(engine.counts(filter, indices), label).toEqual({ total, counts });
    }
  }
}

describe('FilterEngine against a reference, over several blocks', () => {
  it('events with several places and actors', () => {
    const { columns, header } = columnsFromDataset(generated(9000, 21));
    checkAgainstReference(columns, header, 25, 4);
  });

  describe('the benchmark\'s synthetic dataset (one place per event)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-filter-'));
    let loaded: { columns: EventColumns; header: DatasetHeader };
    beforeAll(() => {
      const path = join(dir, 'synthetic.frontline');
      writeSyntheticDataset(path, { events: 10_000, countries: 6, seed: 9 });
      const result = loadDatasetBytes(new Uint8Array(readFileSync(path)), 'synthetic.frontline');
      if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
      loaded = result.loaded;
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('masks and counts', () => {
      checkAgainstReference(loaded.columns, loaded.header, 25, 8);
    });

    it('counts add up: regions and countries, one per event, sum to the events shown', () => {
      const engine = new FilterEngine(loaded.columns, loaded.header);
      const filter: EventFilter = { type: ['clash', 'attack'], from: utcDay(2016, 1, 1), to: utcDay(2017, 1, 1) };
      const { total, counts } = engine.counts(filter);
      expect(total).toBeGreaterThan(100);
      expect(counts.country.reduce((a, b) => a + b, 0)).toBe(total);
      expect(counts.region.reduce((a, b) => a + b, 0)).toBe(total);
      expect(counts.place.reduce((a, b) => a + b, 0)).toBe(total);
      // Every event has two actors.
      expect(counts.actor.reduce((a, b) => a + b, 0)).toBe(2 * total);
    });
  });
});
