// Who holds each place as of a date, derived only from the dataset's capture and control events:
// the last event that certainly happened by then decides; events that disagree, and events whose
// window of possible dates holds the date, are reported as such, never resolved by guessing.
import { DAY_MS } from '../dataset/dates';
import type { ControlRecord, DateSpan } from './controlRecords';

export type { ControlRecord, DateSpan } from './controlRecords';

/** Statuses that make a deciding event a doubt to show beside it: said by one side, denied, or an analyst's view. */
const DOUBTFUL = new Set(['claimed', 'disputed', 'assessment']);

/**
 * A place's records, as a query reads them: those without an end of holding ("points") ordered by
 * when they happened (earliest possible day first), with their starts for a binary search and the
 * widest window among them (how far back a query must look); holdings with an end ("spans") apart,
 * read whole (few: a span says who held a place from when until when).
 */
export interface PlaceRecords {
  readonly points: readonly ControlRecord[];
  readonly starts: Float64Array;
  readonly widest: number;
  readonly spans: readonly ControlRecord[];
}

/** Records by place. Build once per dataset. */
export interface ControlIndex {
  readonly byPlace: ReadonlyMap<number, PlaceRecords>;
  /** The places any record names, ascending. */
  readonly places: Uint32Array;
  readonly count: number;
}

export function indexControl(records: readonly ControlRecord[]): ControlIndex {
  const lists = new Map<number, ControlRecord[]>();
  for (const r of records) {
    for (const p of r.places) {
      const list = lists.get(p);
      if (list) list.push(r);
      else lists.set(p, [r]);
    }
  }
  const byPlace = new Map<number, PlaceRecords>();
  for (const [place, list] of lists) {
    let spans = NONE;
    let points: readonly ControlRecord[] = list;
    if (list.some((r) => r.until !== undefined)) {
      spans = list.filter((r) => r.until !== undefined);
      points = list.filter((r) => r.until === undefined);
    }
    if (points.length > 1) (points as ControlRecord[]).sort((a, b) => a.when.start - b.when.start || a.when.end - b.when.end || a.sourceIndex - b.sourceIndex);
    const starts = new Float64Array(points.length);
    let widest = 0;
    for (let i = 0; i < points.length; i++) {
      const w = points[i]!.when;
      starts[i] = w.start;
      if (w.end - w.start > widest) widest = w.end - w.start;
    }
    byPlace.set(place, { points, starts, widest, spans });
  }
  const places = Uint32Array.from(lists.keys()).sort();
  return { byPlace, places, count: records.length };
}

/**
 * What the events say about a place as of the end of a day.
 * - held: the latest event that certainly happened by then (or several agreeing) says who holds it;
 *   `how` says whether it was taken (capture: "from July 2017") or reported held (control: "as of 2014").
 *   `holders` may be empty: a capture that names no taker ("taken from IS").
 * - contested: the latest events disagree: on the same date, in windows whose order is unknown, or
 *   a control event says its holder still holds it while a later one says otherwise.
 * - released: the latest event is the end of a holding ("IS held it until 3 November") and no event names who followed.
 * - none: no event about the place had certainly happened by then.
 * Beside any state, `uncertain` lists events whose window of possible dates holds the date and
 * that would change the answer: the place is "uncertain at this date", not flipped.
 */
export type KnownControl =
  | { readonly state: 'held'; readonly holders: readonly number[]; readonly takenFrom: readonly number[]; readonly how: 'took' | 'held'; readonly deciding: ControlRecord; readonly agreeing: readonly ControlRecord[] }
  | { readonly state: 'contested'; readonly reason: 'same-date' | 'order-unknown' | 'still-held'; readonly claims: readonly ControlRecord[] }
  | { readonly state: 'released'; readonly holders: readonly number[]; readonly deciding: ControlRecord }
  | { readonly state: 'none' };

export type PlaceControl = KnownControl & {
  readonly place: number;
  /** Events whose window holds the date and would change the answer, earliest first. */
  readonly uncertain: readonly ControlRecord[];
  /** Events shown here (deciding, agreeing, claims, uncertain) that are claimed, disputed or an assessment. */
  readonly doubts: readonly ControlRecord[];
  /** The first event about the place after the date, if any (for "IS held it until it was taken in July 2017"). */
  readonly next?: ControlRecord;
};

/** One thing an event says at a moment: who holds the place from `at` on, or (release) that `holders` stopped holding it. */
interface Assertion {
  readonly record: ControlRecord;
  readonly at: DateSpan;
  readonly holders: readonly number[];
  readonly release: boolean;
}

/** Same holders (both lists are sorted and without repeats). */
function same(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Shared empty list (answers are read-only). */
const NONE: readonly ControlRecord[] = Object.freeze([]);

const byWhen = (a: ControlRecord, b: ControlRecord) => a.when.start - b.when.start || a.sourceIndex - b.sourceIndex;

/** The instant "as of `day`" means: the end of the UTC day it falls in. */
export function endOfDay(day: number): number {
  return Math.floor(day / DAY_MS) * DAY_MS + DAY_MS;
}

/** Control of every place some capture or control event names, as of the end of `day` (UTC ms), by place index. */
export function controlAtDate(index: ControlIndex, day: number): PlaceControl[] {
  const asOf = endOfDay(day);
  const out: PlaceControl[] = new Array(index.places.length);
  for (let k = 0; k < index.places.length; k++) out[k] = placeControl(index.places[k]!, index.byPlace.get(index.places[k]!)!, asOf);
  return out;
}

const NO_RECORDS: PlaceRecords = { points: [], starts: new Float64Array(0), widest: 0, spans: [] };

/** Control of one place as of the end of `day`. */
export function controlOfPlace(index: ControlIndex, place: number, day: number): PlaceControl {
  return placeControl(place, index.byPlace.get(place) ?? NO_RECORDS, endOfDay(day));
}

/** First index whose start is at or after `t`. */
function firstStartFrom(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What the place's records say as of the instant `asOf` (events whose window ended by then
 * happened). Reads only the records that can matter: back from the date until the windows
 * can no longer reach the latest that happened, so a place with years of events costs a few.
 */
function placeControl(place: number, records: PlaceRecords, asOf: number): PlaceControl {
  const { points, starts, widest } = records;
  const hi = firstStartFrom(starts, asOf);
  let next: ControlRecord | undefined = points[hi];
  // The common case first, without building anything: no holding with an end, and at most one
  // latest event, none pending.
  let latest = -1;
  let more = records.spans.length > 0;
  let latestStart = -Infinity;
  for (let i = hi - 1; i >= 0 && !more; i--) {
    const r = points[i]!;
    if (r.when.start + widest <= latestStart) break;
    if (r.when.end > asOf) more = true;
    else if (latest < 0) {
      latest = i;
      latestStart = r.when.start;
    } else if (r.when.end > latestStart) more = true;
  }
  if (!more) {
    const tail = next ? { next } : {};
    if (latest < 0) return { state: 'none', place, uncertain: NONE, doubts: NONE, ...tail };
    const r = points[latest]!;
    const doubts = DOUBTFUL.has(r.status) ? [r] : NONE;
    return { state: 'held', holders: r.holders, takenFrom: r.takenFrom, how: r.kind === 'capture' ? 'took' : 'held', deciding: r, agreeing: NONE, place, uncertain: NONE, doubts, ...tail };
  }
  const holds: Assertion[] = [];
  const releases: Assertion[] = [];
  const stillHeld: Assertion[] = [];
  const pending: Assertion[] = [];
  latestStart = -Infinity;
  for (let i = hi - 1; i >= 0; i--) {
    const r = points[i]!;
    if (r.when.start + widest <= latestStart) break;
    if (r.when.end > asOf) pending.push({ record: r, at: r.when, holders: r.holders, release: false });
    else {
      if (latestStart === -Infinity) latestStart = r.when.start;
      if (r.when.end > latestStart) holds.push({ record: r, at: r.when, holders: r.holders, release: false });
    }
  }
  for (const r of records.spans) {
    const until = r.until!;
    if (r.when.start >= asOf) {
      if (next === undefined || r.when.start < next.when.start) next = r;
    } else if (r.when.end > asOf) pending.push({ record: r, at: r.when, holders: r.holders, release: false });
    else if (until.end <= asOf) releases.push({ record: r, at: until, holders: r.holders, release: true });
    else {
      const hold: Assertion = { record: r, at: r.when, holders: r.holders, release: false };
      holds.push(hold);
      if (until.start < asOf) pending.push({ record: r, at: until, holders: r.holders, release: true });
      else stillHeld.push(hold);
    }
  }
  const known = decide(holds, releases, stillHeld);
  const uncertain = pending.length === 0 ? [] : pending.filter((p) => changes(known, p)).map((p) => p.record);
  const shown = known.state === 'held' ? [known.deciding, ...known.agreeing] : known.state === 'contested' ? known.claims : known.state === 'released' ? [known.deciding] : [];
  const doubts = shown.concat(uncertain).filter((r) => DOUBTFUL.has(r.status));
  return { ...known, place, uncertain: dedupe(uncertain), doubts: dedupe(doubts), ...(next ? { next } : {}) };
}

/** Without repeats, in the order the events happened (then their order in the file). */
function dedupe(records: readonly ControlRecord[]): ControlRecord[] {
  if (records.length <= 1) return records.slice();
  return [...new Set(records)].sort(byWhen);
}

/**
 * The latest holdings: those no other holding that happened certainly follows (one is certainly
 * before another when its window ends by the other's start). With windows, several can be latest
 * at once; if they name different holders, the order that would settle it is unknown. A holding
 * whose end has passed ("IS held it until 3 November") no longer speaks, and ends its holders'
 * latest holding when it certainly follows it; it says nothing of a side that had taken the place meanwhile.
 */
function decide(holds: readonly Assertion[], releases: readonly Assertion[], stillHeld: readonly Assertion[]): KnownControl {
  let latestStart = -Infinity;
  for (const a of holds) if (a.at.start > latestStart) latestStart = a.at.start;
  const holding = holds.filter((a) => a.at.end > latestStart);
  const ended = holding.length > 0 && releases.find((r) => holding.every((h) => same(h.holders, r.holders) && h.at.end <= r.at.start));
  if (holding.length === 0 || ended) {
    if (releases.length === 0) return { state: 'none' };
    const release = ended || pick(releases);
    return { state: 'released', holders: release.holders, deciding: release.record };
  }
  // A holding reported to last past the date speaks for it even when a later event disagrees.
  const claims = stillHeld.length === 0 ? holding : holding.concat(stillHeld.filter((a) => !holding.some((h) => h.record === a.record)));
  if (!claims.every((a) => same(a.holders, claims[0]!.holders))) {
    const latestAgree = holding.every((a) => same(a.holders, holding[0]!.holders));
    const sameWindow = holding.every((a) => a.at.start === holding[0]!.at.start && a.at.end === holding[0]!.at.end);
    const reason = latestAgree ? 'still-held' : sameWindow ? 'same-date' : 'order-unknown';
    return { state: 'contested', reason, claims: dedupe(claims.map((a) => a.record)) };
  }
  const record = pick(holding).record;
  return {
    state: 'held',
    holders: record.holders,
    takenFrom: record.takenFrom,
    how: record.kind === 'capture' ? 'took' : 'held',
    deciding: record,
    agreeing: dedupe(claims.map((a) => a.record).filter((r) => r !== record))
  };
}

/** Of assertions that agree, the one to show: the latest possible start, then the narrowest window, then the later in the file. */
function pick(assertions: readonly Assertion[]): Assertion {
  let best = assertions[0]!;
  for (const a of assertions) {
    const d = a.at.start - best.at.start || best.at.end - best.at.start - (a.at.end - a.at.start) || a.record.sourceIndex - best.record.sourceIndex;
    if (d > 0) best = a;
  }
  return best;
}

/** Whether an event that may or may not have happened by the date would change what is known. */
function changes(known: KnownControl, p: Assertion): boolean {
  if (p.release) {
    if (known.state === 'held') return same(known.holders, p.holders);
    return known.state === 'contested';
  }
  if (known.state === 'held') return !same(known.holders, p.holders) || (p.record.kind === 'capture' && p.holders.length === 0);
  return true;
}
