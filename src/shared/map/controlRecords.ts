// The compact record of a capture or control event that "control at a date" works from: its places,
// who takes or holds, from whom, and the windows of possible dates it happened in. Built once per dataset.
import { parseDateValue, type DatePrecision, type DateWindow } from '../dataset/dates';
import type { Dataset, TimelineEvent } from '../dataset/schema';
import type { EventStatus } from '../dataset/vocabulary';
import { packControl, type ControlData } from './controlPack';

export type { ControlData } from './controlPack';

/** A window of possible dates [start, end) in UTC ms, with the precision it was written in. */
export interface DateSpan {
  readonly start: number;
  readonly end: number;
  readonly precision: DatePrecision;
}

/**
 * One capture or control event, reduced to what deciding control needs. Plain numbers and short
 * arrays: a list of these crosses IPC (structured clone) cheaply, and only capture and control
 * events have one (a few per cent of an ACLED export at most).
 */
export interface ControlRecord {
  /** The event's id, and its position in the file's events (to fetch it in full: one click away). */
  readonly id: string;
  readonly sourceIndex: number;
  readonly kind: 'capture' | 'control';
  readonly status: EventStatus;
  /** Actor index of who says so, or -1 when the event names no claimant. */
  readonly claimant: number;
  /** Place indices (into the header's places), ascending, without repeats. */
  readonly places: readonly number[];
  /**
   * Actor indices of who holds the place after this event: a capture's attackers (or, where it
   * names none, its holders, as ACLED's non-violent transfers of territory have); a control
   * event's holders. May be empty: "Mosul was taken from IS" names no taker.
   */
  readonly holders: readonly number[];
  /** A capture's defenders and targets: who held the place until it was taken. Empty for control. */
  readonly takenFrom: readonly number[];
  /**
   * When the change happened. A capture: its end's window when it has one (the taking completes
   * when the fighting ends), else its start's. A control event: its start's window.
   */
  readonly when: DateSpan;
  /** A control event with an end: the window in which the holding it reports ended. */
  readonly until?: DateSpan;
}

/** Where an id is in the header's lists (datasetColumns' HeaderLookup has this shape). */
export interface ControlLookup {
  placeIndex(id: string): number | undefined;
  actorIndex(id: string): number | undefined;
}

function sortedUnique(values: number[]): number[] {
  values.sort((a, b) => a - b);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[k - 1]) values[k++] = values[i]!;
  values.length = k;
  return values;
}

function actorsWithRole(event: TimelineEvent, lookup: ControlLookup, roles: readonly string[]): number[] {
  const out: number[] = [];
  for (const a of event.actors) {
    if (!roles.includes(a.role)) continue;
    const i = lookup.actorIndex(a.actor);
    if (i !== undefined) out.push(i);
  }
  return sortedUnique(out);
}

function span(window: DateWindow, precision: DatePrecision): DateSpan {
  return { start: window.start, end: window.end, precision };
}

/**
 * The record of a capture or control event, or undefined for any other type and for one that
 * names no place the header knows (nothing to put it on). `startWindow`/`endWindow`: the windows
 * its start and end name (the validator's CheckedEvent has them).
 */
export function controlRecordOf(
  event: TimelineEvent,
  sourceIndex: number,
  lookup: ControlLookup,
  startWindow: DateWindow,
  endWindow: DateWindow | undefined
): ControlRecord | undefined {
  if (event.type !== 'capture' && event.type !== 'control') return undefined;
  const places: number[] = [];
  for (const id of event.places) {
    const i = lookup.placeIndex(id);
    if (i !== undefined) places.push(i);
  }
  if (places.length === 0) return undefined;
  const capture = event.type === 'capture';
  let holders = actorsWithRole(event, lookup, capture ? ['attacker'] : ['holder']);
  if (capture && holders.length === 0) holders = actorsWithRole(event, lookup, ['holder']);
  const claimant = event.claimant?.actor === undefined ? -1 : (lookup.actorIndex(event.claimant.actor) ?? -1);
  const start = span(startWindow, event.start.precision);
  const end = event.end && endWindow ? span(endWindow, event.end.precision) : undefined;
  return {
    id: event.id,
    sourceIndex,
    kind: event.type,
    status: event.status,
    claimant,
    places: sortedUnique(places),
    holders,
    takenFrom: capture ? actorsWithRole(event, lookup, ['defender', 'target']) : [],
    when: capture ? (end ?? start) : start,
    ...(!capture && end ? { until: end } : {})
  };
}

/**
 * Collects the records while a dataset's events are read (the loading worker can call add() for
 * each checked event beside the columns builder, and send `records` with the columns).
 */
export class ControlRecordsBuilder {
  readonly records: ControlRecord[] = [];
  /** Capture and control events that name no known place, so the map can say how many it cannot show. */
  withoutPlace = 0;

  constructor(private readonly lookup: ControlLookup) {}

  add(event: TimelineEvent, sourceIndex: number, startWindow: DateWindow, endWindow: DateWindow | undefined): void {
    // Most events are neither: the test comes first, before any call (this runs for every event).
    if (event.type !== 'capture' && event.type !== 'control') return;
    const record = controlRecordOf(event, sourceIndex, this.lookup, startWindow, endWindow);
    if (record) this.records.push(record);
    else this.withoutPlace++;
  }

  /** What was collected, packed as the payload carries it (controlPack.ts). */
  finish(): ControlData {
    return packControl(this.records, this.withoutPlace);
  }
}

/** Records of a dataset already validated as a whole (tests, exports). */
export function controlRecordsFromDataset(ds: Dataset): { records: ControlRecord[]; withoutPlace: number } {
  const places = new Map(ds.places.map((p, i) => [p.id, i]));
  const actors = new Map(ds.actors.map((a, i) => [a.id, i]));
  const builder = new ControlRecordsBuilder({ placeIndex: (id) => places.get(id), actorIndex: (id) => actors.get(id) });
  ds.events.forEach((event, i) => {
    if (event.type !== 'capture' && event.type !== 'control') return;
    const start = parseDateValue(event.start.value, event.start.precision, event.start.margin);
    const end = event.end ? parseDateValue(event.end.value, event.end.precision, event.end.margin) : undefined;
    if (!start.ok || (end && !end.ok)) throw new Error(`event ${event.id} was not validated`);
    builder.add(event, i, start.window, end?.ok ? end.window : undefined);
  });
  return { records: builder.records, withoutPlace: builder.withoutPlace };
}
