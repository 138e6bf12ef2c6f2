// Control records as they travel with the dataset: a few typed arrays instead of one object per
// record. An ACLED export of a million rows has some 30,000 capture records: as objects they take
// about 100 ms to clone or deserialise at each hop (worker to main, main to the window, the cache),
// in one task; as columns about a millisecond. The window unpacks them when control is first asked
// for. Ids are not carried: each record's event id is in the columns (found by its position in the file).
import { DATE_PRECISIONS, type DatePrecision } from '../dataset/dates';
import { EVENT_STATUSES, type EventStatus } from '../dataset/vocabulary';
import type { ControlRecord, DateSpan } from './controlRecords';

/** No end of holding (PackedControl.untilPrecision). */
const NO_UNTIL = 255;
const KINDS = ['capture', 'control'] as const;

/** The records of a dataset's capture and control events, in file order, as columns. */
export interface ControlData {
  readonly count: number;
  /** Position of each record's event in the file (columns.sourceIndex has the same numbers). */
  readonly sourceIndex: Uint32Array;
  /** 0 capture, 1 control. */
  readonly kind: Uint8Array;
  /** Index into EVENT_STATUSES. */
  readonly status: Uint8Array;
  /** Actor index of the claimant, or -1. */
  readonly claimant: Int32Array;
  /** [start, end) of `when`, in pairs. */
  readonly when: Float64Array;
  /** Index into DATE_PRECISIONS. */
  readonly whenPrecision: Uint8Array;
  /** [start, end) of `until`, in pairs (unused where untilPrecision is 255). */
  readonly until: Float64Array;
  /** Index into DATE_PRECISIONS, or 255 for a record without an end of holding. */
  readonly untilPrecision: Uint8Array;
  /** Record i's places, holders and taken-from lists: lists[offsets[3i]..offsets[3i+1]), [3i+1..3i+2), [3i+2..3i+3). */
  readonly offsets: Uint32Array;
  readonly lists: Uint32Array;
  /** Capture and control events that name no place the header knows (the map says how many it cannot show). */
  readonly withoutPlace: number;
}

export function packControl(records: readonly ControlRecord[], withoutPlace: number): ControlData {
  const n = records.length;
  let listLength = 0;
  for (const r of records) listLength += r.places.length + r.holders.length + r.takenFrom.length;
  const out = {
    count: n,
    sourceIndex: new Uint32Array(n),
    kind: new Uint8Array(n),
    status: new Uint8Array(n),
    claimant: new Int32Array(n),
    when: new Float64Array(2 * n),
    whenPrecision: new Uint8Array(n),
    until: new Float64Array(2 * n),
    untilPrecision: new Uint8Array(n).fill(NO_UNTIL),
    offsets: new Uint32Array(3 * n + 1),
    lists: new Uint32Array(listLength),
    withoutPlace
  };
  let at = 0;
  records.forEach((r, i) => {
    out.sourceIndex[i] = r.sourceIndex;
    out.kind[i] = r.kind === 'capture' ? 0 : 1;
    out.status[i] = EVENT_STATUSES.indexOf(r.status);
    out.claimant[i] = r.claimant;
    out.when[2 * i] = r.when.start;
    out.when[2 * i + 1] = r.when.end;
    out.whenPrecision[i] = DATE_PRECISIONS.indexOf(r.when.precision);
    if (r.until) {
      out.until[2 * i] = r.until.start;
      out.until[2 * i + 1] = r.until.end;
      out.untilPrecision[i] = DATE_PRECISIONS.indexOf(r.until.precision);
    }
    const lists = [r.places, r.holders, r.takenFrom];
    for (let k = 0; k < 3; k++) {
      out.offsets[3 * i + k] = at;
      for (const v of lists[k]!) out.lists[at++] = v;
    }
  });
  out.offsets[3 * n] = at;
  return out;
}

/** The records back as objects; `idOf(sourceIndex)`: the event's id (from the columns). */
export function unpackControl(data: ControlData, idOf: (sourceIndex: number) => string): ControlRecord[] {
  const out: ControlRecord[] = new Array(data.count);
  const span = (values: Float64Array, i: number, precision: number): DateSpan => ({ start: values[2 * i]!, end: values[2 * i + 1]!, precision: DATE_PRECISIONS[precision] as DatePrecision });
  const list = (i: number, k: number): number[] => Array.from(data.lists.subarray(data.offsets[3 * i + k]!, data.offsets[3 * i + k + 1]!));
  for (let i = 0; i < data.count; i++) {
    const until = data.untilPrecision[i]!;
    const sourceIndex = data.sourceIndex[i]!;
    out[i] = {
      id: idOf(sourceIndex),
      sourceIndex,
      kind: KINDS[data.kind[i]!]!,
      status: EVENT_STATUSES[data.status[i]!] as EventStatus,
      claimant: data.claimant[i]!,
      places: list(i, 0),
      holders: list(i, 1),
      takenFrom: list(i, 2),
      when: span(data.when, i, data.whenPrecision[i]!),
      ...(until !== NO_UNTIL ? { until: span(data.until, i, until) } : {})
    };
  }
  return out;
}
