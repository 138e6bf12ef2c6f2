// Who holds each place as of a date, derived only from the dataset's capture and control events:
// the last event that certainly happened by then decides; events that disagree, and events whose
// window of possible dates holds the date, are reported as such, never resolved by guessing.
import { DAY_MS } from '../dataset/dates';
import type { ControlRecord, DateSpan } from './controlRecords';

export type { ControlRecord, DateSpan } from './controlRecords';

/** Statuses that make a deciding event a doubt to show beside it: said by one side, denied, or an analyst's view. */
const DOUBTFUL = new Set(['claimed', 'disputed', 'assessment']);

/** Records by place, each list ordered by when it happened (earliest possible day first). Build once per dataset. */
export interface ControlIndex {
  readonly byPlace: ReadonlyMap<number, readonly ControlRecord[]>;
  readonly count: number;
}

export function indexControl(records: readonly ControlRecord[]): ControlIndex {
  const byPlace = new Map<number, ControlRecord[]>();
  for (const r of records) {
    for (const p of r.places) {
      let list = byPlace.get(p);
      if (!list) byPlace.set(p, (list = []));
      list.push(r);
    }
  }
  for (const list of byPlace.values()) list.sort((a, b) => a.when.start - b.when.start || a.when.end - b.when.end || a.sourceIndex - b.sourceIndex);
  return { byPlace, count: records.length };
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

const keyOf = (holders: readonly number[]): string => holders.join(',');

/** The instant "as of `day`" means: the end of the UTC day it falls in. */
export function endOfDay(day: number): number {
  return Math.floor(day / DAY_MS) * DAY_MS + DAY_MS;
}

/** Control of every place some capture or control event names, as of the end of `day` (UTC ms), by place index. */
export function controlAtDate(index: ControlIndex, day: number): PlaceControl[] {
  const asOf = endOfDay(day);
  const out: PlaceControl[] = [];
  for (const [place, records] of index.byPlace) out.push(placeControl(place, records, asOf));
  out.sort((a, b) => a.place - b.place);
  return out;
}

/** Control of one place as of the end of `day`. */
export function controlOfPlace(index: ControlIndex, place: number, day: number): PlaceControl {
  return placeControl(place, index.byPlace.get(place) ?? [], endOfDay(day));
}

/** `records`: the place's, ordered as indexControl orders them. `asOf`: an instant; events whose window ended by then happened. */
export function placeControl(place: number, records: readonly ControlRecord[], asOf: number): PlaceControl {
  const happened: Assertion[] = [];
  const stillHeld: Assertion[] = [];
  const pending: Assertion[] = [];
  let next: ControlRecord | undefined;
  for (const r of records) {
    const w = r.when;
    if (w.end <= asOf) {
      const hold: Assertion = { record: r, at: w, holders: r.holders, release: false };
      happened.push(hold);
      if (r.until) {
        const release: Assertion = { record: r, at: r.until, holders: r.holders, release: true };
        if (r.until.end <= asOf) happened.push(release);
        else if (r.until.start < asOf) pending.push(release);
        else stillHeld.push(hold);
      }
    } else if (w.start < asOf) pending.push({ record: r, at: w, holders: r.holders, release: false });
    else if (next === undefined) next = r;
  }
  const known = decide(happened, stillHeld);
  const uncertain = pending.filter((p) => changes(known, p)).map((p) => p.record);
  const shown = new Set<ControlRecord>(uncertain);
  if (known.state === 'held') {
    shown.add(known.deciding);
    for (const r of known.agreeing) shown.add(r);
  } else if (known.state === 'contested') for (const r of known.claims) shown.add(r);
  else if (known.state === 'released') shown.add(known.deciding);
  const doubts = [...shown].filter((r) => DOUBTFUL.has(r.status)).sort((a, b) => a.when.start - b.when.start || a.sourceIndex - b.sourceIndex);
  return { ...known, place, uncertain: dedupe(uncertain), doubts, ...(next ? { next } : {}) };
}

function dedupe(records: readonly ControlRecord[]): ControlRecord[] {
  return [...new Set(records)];
}

/**
 * The latest holdings: those no other holding that happened certainly follows (one is certainly
 * before another when its window ends by the other's start). With windows, several can be latest
 * at once; if they name different holders, the order that would settle it is unknown. A holding
 * whose end has passed takes back only what its holders held: "IS held it until 3 November"
 * says nothing about a side that had taken it meanwhile.
 */
function decide(happened: readonly Assertion[], stillHeld: readonly Assertion[]): KnownControl {
  const releases = happened.filter((a) => a.release);
  const holds = happened.filter((a) => !a.release && !releases.some((r) => r.record === a.record || (keyOf(r.holders) === keyOf(a.holders) && a.at.end <= r.at.start)));
  if (holds.length === 0) {
    if (releases.length === 0) return { state: 'none' };
    const release = pick(releases);
    return { state: 'released', holders: release.holders, deciding: release.record };
  }
  let latestStart = -Infinity;
  for (const a of holds) if (a.at.start > latestStart) latestStart = a.at.start;
  const holding = holds.filter((a) => a.at.end > latestStart);
  // A holding reported to last past the date speaks for it even when a later event disagrees.
  const inLatest = new Set(holding.map((a) => a.record));
  const claims = holding.concat(stillHeld.filter((a) => !inLatest.has(a.record)));
  const groups = new Set(claims.map((a) => keyOf(a.holders)));
  if (groups.size > 1) {
    const latestAgree = new Set(holding.map((a) => keyOf(a.holders))).size <= 1;
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
  const key = keyOf(p.holders);
  if (p.release) {
    if (known.state === 'held') return keyOf(known.holders) === key;
    return known.state === 'contested';
  }
  if (known.state === 'held') return keyOf(known.holders) !== key || (p.record.kind === 'capture' && p.holders.length === 0);
  return true;
}
