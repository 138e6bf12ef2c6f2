// Events as columns of typed arrays, sorted by start: compact to transfer between processes (no
// object graph to clone), cheap to index, and small in the JS heap. Text that drawing needs
// (ids, titles, figure labels) travels as UTF-8 string tables; everything else about an event is
// fetched on demand by its position in the file.
import { coarserPrecision, DATE_PRECISIONS, DAY_MS, utcDay, type DatePrecision } from './dates';
import { EVENT_TYPES, type EventType } from './eventTypes';
import type { Actor, DatasetMetadata, EventLink, Place, Source, Story } from './schema';
import { EVENT_STATUSES, type EventStatus } from './vocabulary';

/** Strings packed as UTF-8: string i is bytes[offsets[i], offsets[i+1]). */
export interface StringTable {
  readonly bytes: Uint8Array;
  readonly offsets: Uint32Array;
}

export const NO_END = 255;

export interface EventColumns {
  readonly count: number;
  /** Earliest instant each event may cover (UTC ms), ascending. */
  readonly start: Float64Array;
  /** Latest instant (exclusive). */
  readonly end: Float64Array;
  /** Index into DATE_PRECISIONS. */
  readonly startPrecision: Uint8Array;
  /** Index into DATE_PRECISIONS, or NO_END for an event without an end. */
  readonly endPrecision: Uint8Array;
  /**
   * Days the start's window of possible dates lasts where its precision does not fix that (an
   * approximate day with a margin, a "between" window); 0 where it does (a day, week, month, year).
   */
  readonly startDays: Uint32Array;
  /** Likewise for the end's window; 0 for an event without an end. */
  readonly endDays: Uint32Array;
  /** Index into EVENT_TYPES. */
  readonly type: Uint8Array;
  /** Index into EVENT_STATUSES. */
  readonly status: Uint8Array;
  /** Index into header.theatreLanes. */
  readonly theatre: Uint16Array;
  /** Sum of the event's figures in the dataset's main figure unit; NaN when it has none. */
  readonly figure: Float64Array;
  /** Position of the event in the file's events array (for fetching its details). */
  readonly sourceIndex: Uint32Array;
  /** Actors of event i: actorIndex[actorOffsets[i], actorOffsets[i+1]), indices into header.actors, in the event's order. */
  readonly actorOffsets: Uint32Array;
  readonly actorIndex: Uint32Array;
  /** Places of event i, likewise, indices into header.places. */
  readonly placeOffsets: Uint32Array;
  readonly placeIndex: Uint32Array;
  /** Claimant actor (index into header.actors), or -1 when none is named. */
  readonly claimant: Int32Array;
  /** Bit flags: FLAG_HAS_FIGURES, FLAG_ERA. */
  readonly flags: Uint8Array;
  /** Group of the event (tag "group: <name>", as TimelineJS groups): 0 none, k header.groups[k - 1]. */
  readonly group: Uint16Array;
  readonly ids: StringTable;
  readonly titles: StringTable;
  /** Figures as written on the timeline ("some 350,000 displaced"), joined by "\u001f"; empty when none. */
  readonly figureLabels: StringTable;
  /** The event's summary (notes), for search; empty when none. */
  readonly summaries: StringTable;
}

export interface LaneInfo {
  readonly id: string;
  readonly label: string;
}

export interface DatasetHeader {
  readonly metadata: DatasetMetadata;
  readonly sources: readonly Source[];
  readonly places: readonly Place[];
  readonly actors: readonly Actor[];
  /** Lanes of the theatre lane mode, in display order; columns.theatre indexes this. */
  readonly theatreLanes: readonly LaneInfo[];
  /** The unit density displays sum (the one most figures use), with how to say it. */
  readonly figureUnit: { readonly unit: string; readonly label: string } | undefined;
  /** Range of every event; undefined for a dataset without events. */
  readonly fullRange: { readonly start: number; readonly end: number } | undefined;
  /** Range without historical-context events (which may lie centuries away). */
  readonly storyRange: { readonly start: number; readonly end: number } | undefined;
  /** Names of the events' groups (tags "group: <name>"), in order of first appearance. */
  readonly groups: readonly string[];
  /** The dataset's stories (named, ordered selections of events to present); empty when it has none. */
  readonly stories: readonly Story[];
  /** Links between events (by id; a link to an event not loaded is left out where they are used); empty when it has none. */
  readonly links: readonly EventLink[];
}

export const FIGURE_SEPARATOR = '\u001f';
/** flags bit: the event has at least one figure (in any unit). */
export const FLAG_HAS_FIGURES = 1;
/** flags bit: the event is an era (tag "era"): a background period drawn behind every lane. */
export const FLAG_ERA = 2;
/** Tag prefix naming an event's group; the tag that marks an era. */
export const GROUP_TAG = 'group: ';
export const ERA_TAG = 'era';

/** The group an event's tags name, if any, and whether they mark it as an era. */
export function groupAndEra(tags: readonly string[]): { group: string | undefined; era: boolean } {
  let group: string | undefined;
  let era = false;
  for (const t of tags) {
    if (group === undefined && t.startsWith(GROUP_TAG) && t.length > GROUP_TAG.length) group = t.slice(GROUP_TAG.length);
    else if (t === ERA_TAG) era = true;
  }
  return { group, era };
}

// ---------------------------------------------------------------------------------------------
// Reading

const decoder = new TextDecoder('utf-8');

export function stringAt(table: StringTable, i: number): string {
  const from = table.offsets[i];
  const to = table.offsets[i + 1];
  if (from === undefined || to === undefined) throw new RangeError(`no string ${i}`);
  return from === to ? '' : decoder.decode(table.bytes.subarray(from, to));
}

export function tableSize(table: StringTable): number {
  return table.offsets.length - 1;
}

/** Everything the timeline needs to draw one event. */
export interface EventView {
  readonly index: number;
  readonly id: string;
  readonly title: string;
  readonly type: EventType;
  readonly status: EventStatus;
  readonly start: number;
  readonly end: number;
  readonly startPrecision: DatePrecision;
  readonly endPrecision: DatePrecision | undefined;
  /** Coarsest precision of its ends. */
  readonly precision: DatePrecision;
  /** End of the window the start value names (the start is known to lie in [start, startWindowEnd)). */
  readonly startWindowEnd: number;
  /** Start of the window the end value names, for spans. */
  readonly endWindowStart: number | undefined;
  readonly figureLabels: readonly string[];
}

/**
 * Exclusive end of the window a date value of this precision opens at `start`. `days`: the
 * window's length where the precision does not fix it (see EventColumns.startDays).
 */
export function windowEndFrom(start: number, precision: DatePrecision, days = 0): number {
  if (days > 0) return start + days * DAY_MS;
  const d = new Date(start);
  switch (precision) {
    case 'day':
    case 'approximate':
    case 'between':
      return start + DAY_MS;
    case 'week':
      return start + 7 * DAY_MS;
    case 'month':
      return utcDay(d.getUTCFullYear(), d.getUTCMonth() + 2, 1);
    case 'year':
      return utcDay(d.getUTCFullYear() + 1, 1, 1);
  }
}

/** Start of the window of this precision that ends (exclusive) at `end`; `days` as for windowEndFrom. */
export function windowStartTo(end: number, precision: DatePrecision, days = 0): number {
  if (days > 0) return end - days * DAY_MS;
  const last = new Date(end - 1);
  switch (precision) {
    case 'day':
    case 'approximate':
    case 'between':
      return end - DAY_MS;
    case 'week':
      return end - 7 * DAY_MS;
    case 'month':
      return utcDay(last.getUTCFullYear(), last.getUTCMonth() + 1, 1);
    case 'year':
      return utcDay(last.getUTCFullYear(), 1, 1);
  }
}

export function eventView(cols: EventColumns, i: number): EventView {
  const startPrecision = DATE_PRECISIONS[cols.startPrecision[i]!]!;
  const endCode = cols.endPrecision[i]!;
  const endPrecision = endCode === NO_END ? undefined : DATE_PRECISIONS[endCode];
  const start = cols.start[i]!;
  const end = cols.end[i]!;
  const labels = stringAt(cols.figureLabels, i);
  return {
    index: i,
    id: stringAt(cols.ids, i),
    title: stringAt(cols.titles, i),
    type: EVENT_TYPES[cols.type[i]!]!,
    status: EVENT_STATUSES[cols.status[i]!]!,
    start,
    end,
    startPrecision,
    endPrecision,
    precision: endPrecision ? coarserPrecision(startPrecision, endPrecision) : startPrecision,
    startWindowEnd: windowEndFrom(start, startPrecision, cols.startDays[i]),
    endWindowStart: endPrecision ? windowStartTo(end, endPrecision, cols.endDays[i]) : undefined,
    figureLabels: labels === '' ? [] : labels.split(FIGURE_SEPARATOR)
  };
}

// ---------------------------------------------------------------------------------------------
// Building

/** A typed array that doubles as it fills. */
class Growable<A extends Float64Array | Uint32Array> {
  length = 0;
  constructor(
    public data: A,
    private readonly make: (size: number) => A
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

const growableF64 = () => new Growable(new Float64Array(1024), (n) => new Float64Array(n));
const growableU32 = () => new Growable(new Uint32Array(1024), (n) => new Uint32Array(n));

const encoder = new TextEncoder();

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/** Bytes of `s` in UTF-8 as TextEncoder writes them (a lone surrogate becomes U+FFFD: 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Strings encoded per call while packing a table (one call per string costs more than the text). */
const STRINGS_PER_ENCODE = 1024;

/**
 * Pack strings, taken in the given order, into a table. The strings are joined a thousand at a
 * time; a batch that is all ASCII (the usual case) has its offsets from the strings' lengths,
 * others from each string's length in UTF-8. The table is then allocated at its exact size and
 * each batch encoded with one call.
 */
export function buildStringTable(strings: readonly string[], order?: Uint32Array): StringTable {
  const n = order ? order.length : strings.length;
  const at = (k: number): string => strings[order ? order[k]! : k] ?? '';
  const offsets = new Uint32Array(n + 1);
  const batches: string[] = [];
  const batch: string[] = [];
  let total = 0;
  for (let first = 0; first < n; first += STRINGS_PER_ENCODE) {
    const last = Math.min(n, first + STRINGS_PER_ENCODE);
    batch.length = 0;
    let end = total;
    for (let k = first; k < last; k++) {
      const s = at(k);
      batch.push(s);
      end += s.length;
      offsets[k + 1] = end;
    }
    const text = batch.join('');
    if (NON_ASCII.test(text)) {
      end = total;
      for (let k = first; k < last; k++) {
        const s = batch[k - first]!;
        end += s.length === 0 ? 0 : NON_ASCII.test(s) ? utf8Length(s) : s.length;
        offsets[k + 1] = end;
      }
    }
    total = end;
    batches.push(text);
  }
  const bytes = new Uint8Array(total);
  let written = 0;
  for (let b = 0; b < batches.length; b++) {
    written += encoder.encodeInto(batches[b]!, bytes.subarray(written)).written;
    const last = Math.min(n, (b + 1) * STRINGS_PER_ENCODE);
    if (written !== offsets[last]) throw new Error(`string table: UTF-8 length of strings ${b * STRINGS_PER_ENCODE}–${last - 1} was miscounted`);
  }
  return { bytes, offsets };
}

export interface ColumnsInput {
  readonly id: string;
  readonly title: string;
  readonly type: EventType;
  readonly status: EventStatus;
  readonly start: number;
  readonly end: number;
  readonly startPrecision: DatePrecision;
  readonly endPrecision: DatePrecision | undefined;
  /** See EventColumns.startDays and endDays (default 0: the precision fixes the window). */
  readonly startDays?: number;
  readonly endDays?: number;
  /**
   * The part of [start, end) that makes the dataset's date range (default: all of it): an
   * approximate day counts as its day, not its margin, so a margin never stretches the range.
   */
  readonly rangeStart?: number;
  readonly rangeEnd?: number;
  /** Lane key of the theatre lane mode (see laneKeys). */
  readonly theatreKey: string;
  readonly figures: readonly { readonly unit: string; readonly value: number | null; readonly label: string }[];
  readonly sourceIndex: number;
  /** Indices into the header's actors and places, and the claimant's (-1: none). */
  readonly actors: readonly number[];
  readonly places: readonly number[];
  readonly claimant: number;
  readonly summary: string;
  /** Group name (see GROUP_TAG), if any. */
  readonly group?: string | undefined;
  /** An era: drawn as a background period (see FLAG_ERA). */
  readonly era?: boolean;
}

const TYPE_CODE = new Map(EVENT_TYPES.map((t, i) => [t, i]));
const STATUS_CODE = new Map(EVENT_STATUSES.map((s, i) => [s, i]));
const PRECISION_CODE = new Map(DATE_PRECISIONS.map((p, i) => [p, i]));

/**
 * Collects events one at a time (in file order), then sorts them by start into columns. Holds
 * only flat arrays, so a million events cost tens of megabytes, not an object graph.
 */
export class ColumnsBuilder {
  readonly #start = growableF64();
  readonly #end = growableF64();
  readonly #startDays = growableU32();
  readonly #endDays = growableU32();
  readonly #rangeStart = growableF64();
  readonly #rangeEnd = growableF64();
  readonly #codes: number[] = []; // packed: startPrecision | endPrecision << 8 | type << 16 | status << 24
  readonly #theatreKey = growableU32();
  readonly #sourceIndex = growableU32();
  // Actors and places, flat: per event its count, then the values.
  readonly #actorCount = growableU32();
  readonly #actorValues = growableU32();
  readonly #placeCount = growableU32();
  readonly #placeValues = growableU32();
  readonly #claimant = growableU32();
  readonly #ids: string[] = [];
  readonly #titles: string[] = [];
  readonly #figureLabels: string[] = [];
  readonly #summaries: string[] = [];
  readonly #laneKeys = new Map<string, number>();
  readonly #laneKeyList: string[] = [];
  readonly #laneCounts: number[] = [];
  // Figures, flat: event slot, unit index, value.
  readonly #figSlot = growableU32();
  readonly #figUnit = growableU32();
  readonly #figValue = growableF64();
  readonly #units = new Map<string, number>();
  readonly #unitNames: string[] = [];
  readonly #unitCounts: number[] = [];
  readonly #unitLabels: string[] = [];
  readonly #context: boolean[] = [];
  readonly #group = growableU32();
  readonly #groups = new Map<string, number>();
  readonly #era: boolean[] = [];

  get count(): number {
    return this.#start.length;
  }

  add(e: ColumnsInput): void {
    const slot = this.#start.length;
    this.#start.push(e.start);
    this.#end.push(e.end);
    this.#startDays.push(e.startDays ?? 0);
    this.#endDays.push(e.endDays ?? 0);
    this.#rangeStart.push(e.rangeStart ?? e.start);
    this.#rangeEnd.push(e.rangeEnd ?? e.end);
    this.#codes.push(
      (PRECISION_CODE.get(e.startPrecision) ?? 0) |
        ((e.endPrecision === undefined ? NO_END : (PRECISION_CODE.get(e.endPrecision) ?? 0)) << 8) |
        ((TYPE_CODE.get(e.type) ?? 0) << 16) |
        ((STATUS_CODE.get(e.status) ?? 0) << 24)
    );
    let lane = this.#laneKeys.get(e.theatreKey);
    if (lane === undefined) {
      lane = this.#laneKeyList.length;
      this.#laneKeys.set(e.theatreKey, lane);
      this.#laneKeyList.push(e.theatreKey);
      this.#laneCounts.push(0);
    }
    this.#laneCounts[lane]!++;
    this.#theatreKey.push(lane);
    this.#sourceIndex.push(e.sourceIndex);
    this.#actorCount.push(e.actors.length);
    for (const a of e.actors) this.#actorValues.push(a);
    this.#placeCount.push(e.places.length);
    for (const p of e.places) this.#placeValues.push(p);
    this.#claimant.push(e.claimant + 1);
    this.#ids.push(e.id);
    this.#titles.push(e.title);
    this.#summaries.push(e.summary);
    this.#context.push(e.type === 'context');
    this.#era.push(e.era === true);
    let group = 0;
    if (e.group !== undefined) {
      group = this.#groups.get(e.group) ?? 0;
      if (group === 0) {
        group = this.#groups.size + 1;
        this.#groups.set(e.group, group);
      }
    }
    this.#group.push(group);
    const figures = e.figures;
    for (let k = 0; k < figures.length; k++) {
      const f = figures[k]!;
      if (f.value === null) continue;
      let unit = this.#units.get(f.unit);
      if (unit === undefined) {
        unit = this.#unitNames.length;
        this.#units.set(f.unit, unit);
        this.#unitNames.push(f.unit);
        this.#unitCounts.push(0);
        this.#unitLabels.push(f.unit);
      }
      this.#unitCounts[unit]!++;
      this.#figSlot.push(slot);
      this.#figUnit.push(unit);
      this.#figValue.push(f.value);
    }
    this.#figureLabels.push(figureLabels(figures));
  }

  /**
   * Sort and pack. `laneOf` turns the keys events were added with into lane keys (several may
   * share a lane; default: each key is its lane). `orderLanes` turns the lane keys (with their
   * event counts, in order of first appearance) into the display order and labels of the lanes.
   */
  finish(
    orderLanes: (keys: readonly { key: string; count: number }[]) => { key: string; label: string }[],
    laneOf: (key: string) => string = (key) => key
  ): { columns: EventColumns; theatreLanes: LaneInfo[]; figureUnit: string | undefined; fullRange: DatasetHeader['fullRange']; storyRange: DatasetHeader['storyRange']; groups: string[] } {
    const n = this.#start.length;
    const start = this.#start.data;
    const end = this.#end.data;
    const srcIndex = this.#sourceIndex.data;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => start[a]! - start[b]! || end[a]! - end[b]! || srcIndex[a]! - srcIndex[b]!);

    const laneCounts = new Map<string, number>();
    const laneOfKey = this.#laneKeyList.map((key, i) => {
      const lane = laneOf(key);
      laneCounts.set(lane, (laneCounts.get(lane) ?? 0) + (this.#laneCounts[i] ?? 0));
      return lane;
    });
    const lanes = orderLanes([...laneCounts].map(([key, count]) => ({ key, count })));
    const laneIndexOfKey = new Map(lanes.map((l, i) => [l.key, i]));
    const laneRemap = laneOfKey.map((lane) => laneIndexOfKey.get(lane) ?? 0);

    let primaryUnit = -1;
    for (let u = 0; u < this.#unitCounts.length; u++) if (primaryUnit < 0 || this.#unitCounts[u]! > this.#unitCounts[primaryUnit]!) primaryUnit = u;
    const figureBySlot = new Float64Array(n).fill(NaN);
    for (let k = 0; k < this.#figSlot.length; k++) {
      if (this.#figUnit.data[k] !== primaryUnit) continue;
      const slot = this.#figSlot.data[k]!;
      const prev = figureBySlot[slot]!;
      figureBySlot[slot] = (Number.isNaN(prev) ? 0 : prev) + this.#figValue.data[k]!;
    }

    const cols = {
      count: n,
      start: new Float64Array(n),
      end: new Float64Array(n),
      startPrecision: new Uint8Array(n),
      endPrecision: new Uint8Array(n),
      startDays: new Uint32Array(n),
      endDays: new Uint32Array(n),
      type: new Uint8Array(n),
      status: new Uint8Array(n),
      theatre: new Uint16Array(n),
      figure: new Float64Array(n),
      sourceIndex: new Uint32Array(n),
      claimant: new Int32Array(n),
      flags: new Uint8Array(n),
      group: new Uint16Array(n)
    };
    const actors = packMultiValued(n, order, this.#actorCount.data, this.#actorValues.data);
    const places = packMultiValued(n, order, this.#placeCount.data, this.#placeValues.data);
    let fullStart = Infinity;
    let fullEnd = -Infinity;
    let storyStart = Infinity;
    let storyEnd = -Infinity;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const code = this.#codes[i]!;
      cols.start[k] = start[i]!;
      cols.end[k] = end[i]!;
      cols.startPrecision[k] = code & 0xff;
      cols.endPrecision[k] = (code >>> 8) & 0xff;
      cols.startDays[k] = this.#startDays.data[i]!;
      cols.endDays[k] = this.#endDays.data[i]!;
      cols.type[k] = (code >>> 16) & 0xff;
      cols.status[k] = (code >>> 24) & 0xff;
      cols.theatre[k] = laneRemap[this.#theatreKey.data[i]!] ?? 0;
      cols.figure[k] = figureBySlot[i]!;
      cols.sourceIndex[k] = srcIndex[i]!;
      cols.claimant[k] = this.#claimant.data[i]! - 1;
      cols.flags[k] = (this.#figureLabels[i] !== '' ? FLAG_HAS_FIGURES : 0) | (this.#era[i] ? FLAG_ERA : 0);
      cols.group[k] = this.#group.data[i]!;
      const rangeStart = this.#rangeStart.data[i]!;
      const rangeEnd = this.#rangeEnd.data[i]!;
      fullStart = Math.min(fullStart, rangeStart);
      fullEnd = Math.max(fullEnd, rangeEnd);
      if (!this.#context[i]) {
        storyStart = Math.min(storyStart, rangeStart);
        storyEnd = Math.max(storyEnd, rangeEnd);
      }
    }
    const columns: EventColumns = {
      ...cols,
      actorOffsets: actors.offsets,
      actorIndex: actors.values,
      placeOffsets: places.offsets,
      placeIndex: places.values,
      ids: buildStringTable(this.#ids, order),
      titles: buildStringTable(this.#titles, order),
      figureLabels: buildStringTable(this.#figureLabels, order),
      summaries: buildStringTable(this.#summaries, order)
    };
    const fullRange = n > 0 ? { start: fullStart, end: fullEnd } : undefined;
    return {
      columns,
      theatreLanes: lanes.map((l) => ({ id: l.key, label: l.label })),
      figureUnit: primaryUnit >= 0 ? this.#unitNames[primaryUnit] : undefined,
      fullRange,
      storyRange: storyStart <= storyEnd ? { start: storyStart, end: storyEnd } : fullRange,
      groups: [...this.#groups.keys()]
    };
  }
}

/** An event's figure labels joined by FIGURE_SEPARATOR ('' for none; one is its own label). */
function figureLabels(figures: ColumnsInput['figures']): string {
  if (figures.length === 0) return '';
  if (figures.length === 1) return figures[0]!.label;
  return figures.map((f) => f.label).join(FIGURE_SEPARATOR);
}

/**
 * Multi-valued column in sorted order: counts[i] values per event i (file order) stored one after
 * the other in `values`; returns offsets and values for the events taken in `order`.
 */
function packMultiValued(n: number, order: Uint32Array, counts: Uint32Array, values: Uint32Array): { offsets: Uint32Array; values: Uint32Array } {
  const startOf = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) startOf[i + 1] = startOf[i]! + counts[i]!;
  const offsets = new Uint32Array(n + 1);
  const out = new Uint32Array(startOf[n]!);
  let at = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    out.set(values.subarray(startOf[i]!, startOf[i + 1]!), at);
    at += counts[i]!;
    offsets[k + 1] = at;
  }
  return { offsets, values: out };
}

/** Values of a multi-valued column for event i. */
export function valuesOf(offsets: Uint32Array, values: Uint32Array, i: number): Uint32Array {
  return values.subarray(offsets[i]!, offsets[i + 1]!);
}

/** The typed arrays of the columns, for transfer lists (postMessage) and byte counts. */
export function columnBuffers(c: EventColumns): ArrayBufferLike[] {
  return [
    c.start,
    c.end,
    c.startPrecision,
    c.endPrecision,
    c.startDays,
    c.endDays,
    c.type,
    c.status,
    c.theatre,
    c.figure,
    c.sourceIndex,
    c.actorOffsets,
    c.actorIndex,
    c.placeOffsets,
    c.placeIndex,
    c.claimant,
    c.flags,
    c.group,
    c.ids.bytes,
    c.ids.offsets,
    c.titles.bytes,
    c.titles.offsets,
    c.figureLabels.bytes,
    c.figureLabels.offsets,
    c.summaries.bytes,
    c.summaries.offsets
  ].map((a) => a.buffer);
}

export function columnBytes(c: EventColumns): number {
  return columnBuffers(c).reduce((n, b) => n + b.byteLength, 0);
}
