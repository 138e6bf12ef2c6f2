// A dataset built in memory (an import) written out as a native file image, while its columns are
// built: main then keeps the same things for it as for a native file (the bytes, each event's byte
// range for fetching details, the columns), and Save As can write the bytes as they are.
import { DatasetColumnsBuilder } from './datasetColumns';
import { parseDateValue } from './dates';
import type { LoadedDataset } from './loadDatasetBytes';
import type { Problem } from './problems';
import { DATASET_FORMAT, DATASET_VERSION, type Dataset } from './schema';
import type { DatasetHeaderInput } from './validator';

const encoder = new TextEncoder();

/** Event ranges are Uint32 byte offsets: a file image cannot be larger than this. */
export const MAX_PACKED_BYTES = 0xffffffff;

/** Between two events, before each event, and after the last one, in every file we write. */
export const EVENT_SEPARATOR = ',\n';
export const EVENT_INDENT = '    ';
export const NATIVE_TAIL = '\n  ]\n}\n';

export interface PackedDataset {
  readonly bytes: Uint8Array;
  readonly loaded: LoadedDataset;
}

/**
 * The start of a native file up to and including the opening bracket of its events, in the
 * canonical key order. Only the fields of the format are written (a `$schema` hint is dropped:
 * it is a relative path that would not follow the file elsewhere).
 */
export function nativeHead(header: Pick<DatasetHeaderInput, 'metadata' | 'sources' | 'places' | 'actors'>): string {
  const { metadata, sources, places, actors } = header;
  const text = JSON.stringify({ format: DATASET_FORMAT, version: DATASET_VERSION, metadata, sources, places, actors }, null, 2);
  // An indented non-empty object always ends with "\n}".
  return `${text.slice(0, -2)},\n  "events": [\n`;
}

/** UTF-8 bytes appended to a buffer that grows as needed. */
class ByteSink {
  #bytes: Uint8Array;
  #at = 0;
  constructor(initial: number) {
    this.#bytes = new Uint8Array(Math.max(1024, initial));
  }
  get length(): number {
    return this.#at;
  }
  write(text: string): void {
    // Every UTF-16 code unit takes at least 1 byte in UTF-8, and at most 3.
    if (this.#at + text.length > MAX_PACKED_BYTES) throw new RangeError('the converted dataset would be larger than 4 GB');
    this.#reserve(text.length * 3);
    this.#at += encoder.encodeInto(text, this.#bytes.subarray(this.#at)).written;
    if (this.#at > MAX_PACKED_BYTES) throw new RangeError('the converted dataset would be larger than 4 GB');
  }
  #reserve(extra: number): void {
    const need = this.#at + extra;
    if (need <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < need) size *= 2;
    const grown = new Uint8Array(Math.max(need, Math.min(size, MAX_PACKED_BYTES)));
    grown.set(this.#bytes.subarray(0, this.#at));
    this.#bytes = grown;
  }
  /** The bytes written, in a buffer of exactly their size (so it can be transferred whole). */
  finish(): Uint8Array {
    return this.#at === this.#bytes.length ? this.#bytes : this.#bytes.slice(0, this.#at);
  }
}

/**
 * `dataset` must be validated (validateDataset): dates parse, references resolve. Throws a
 * RangeError when the file image would pass 4 GB (event ranges are 32-bit).
 */
export function packDataset(dataset: Dataset, warnings: Problem[] = []): PackedDataset {
  const { events } = dataset;
  const head = nativeHead(dataset);
  const sink = new ByteSink(head.length + events.length * 512);
  const ranges = new Uint32Array(events.length * 2);
  const builder = new DatasetColumnsBuilder(dataset);
  sink.write(head);
  for (let i = 0; i < events.length; i++) {
    sink.write(i > 0 ? `${EVENT_SEPARATOR}${EVENT_INDENT}` : EVENT_INDENT);
    const e = events[i]!;
    ranges[2 * i] = sink.length;
    sink.write(JSON.stringify(e));
    ranges[2 * i + 1] = sink.length;
    const start = parseDateValue(e.start.value, e.start.precision);
    const end = e.end ? parseDateValue(e.end.value, e.end.precision) : undefined;
    if (!start.ok || (end && !end.ok)) throw new Error(`event ${e.id} was not validated`);
    builder.add({ event: e, startWindow: start.window, endWindow: end?.ok ? end.window : undefined }, i);
  }
  sink.write(NATIVE_TAIL);
  return { bytes: sink.finish(), loaded: { ...builder.finish(), eventRanges: ranges, warnings } };
}
