// A dataset built in memory (an import) written out as a native file image, while its columns are
// built: main then keeps the same things for it as for a native file (the bytes, each event's byte
// range for fetching details, the columns), and Save As can write the bytes as they are. Events go
// in one at a time (an import hands each over as soon as its row is read and checked); the columns
// come out first, the file image when asked.
import { DatasetColumnsBuilder, headerLookup, type HeaderLookup, type LoadedColumns } from './datasetColumns';
import { parseDateValue } from './dates';
import { EventJsonWriter } from './eventJson';
import type { LoadedDataset } from './loadDatasetBytes';
import type { Problem } from './problems';
import { DATASET_FORMAT, DATASET_VERSION, type Dataset, type TimelineEvent } from './schema';
import type { CheckedEvent, DatasetHeaderInput } from './validator';

const encoder = new TextEncoder();

/** Event ranges are Uint32 byte offsets: a file image cannot be larger than this. */
export const MAX_PACKED_BYTES = 0xffffffff;

/** Between two events, before each event, and after the last one, in every file we write. */
export const EVENT_SEPARATOR = ',\n';
export const EVENT_INDENT = '    ';
export const NATIVE_TAIL = '\n  ]\n}\n';

export interface PackedDataset {
  /**
   * The file image, the whole of its buffer (transferable as it is). The buffer is a resizable
   * ArrayBuffer where the runtime has them (shrunk to fit; nothing resizes it again).
   */
  readonly bytes: Uint8Array;
  readonly loaded: LoadedDataset;
}

/**
 * The start of a native file up to and including the opening bracket of its events, in the
 * canonical key order. Only the fields of the format are written (a `$schema` hint is dropped:
 * it is a relative path that would not follow the file elsewhere); links only when there are some.
 */
export function nativeHead(header: Pick<DatasetHeaderInput, 'metadata' | 'sources' | 'places' | 'actors' | 'links'>): string {
  const { metadata, sources, places, actors, links } = header;
  const text = JSON.stringify({ format: DATASET_FORMAT, version: DATASET_VERSION, metadata, sources, places, actors, ...(links && links.length > 0 ? { links } : {}) }, null, 2);
  // An indented non-empty object always ends with "\n}".
  return `${text.slice(0, -2)},\n  "events": [\n`;
}

/** Events whose JSON is measured to size the buffer before the rest are written. */
const SAMPLE_EVENTS = 256;
/** Room beyond the estimate, should it fall short. */
const HEADROOM = 1.1;
const SEPARATOR_BYTES = encoder.encode(`${EVENT_SEPARATOR}${EVENT_INDENT}`);
const INDENT_BYTES = encoder.encode(EVENT_INDENT);

/** ES2024 resizable ArrayBuffers (not in this project's ES2023 library typings). */
interface ResizableArrayBuffer extends ArrayBuffer {
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}
const Resizable = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableArrayBuffer;

/** A resizable buffer, or undefined where there are none (or the address space cannot be reserved). */
function resizableBuffer(byteLength: number, maxByteLength: number): ResizableArrayBuffer | undefined {
  if (typeof (ArrayBuffer.prototype as Partial<ResizableArrayBuffer>).resize !== 'function') return undefined;
  try {
    return new Resizable(byteLength, { maxByteLength });
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 bytes appended to one buffer. A resizable ArrayBuffer grows and shrinks in place: the
 * bytes are written once and never copied, and only the pages written to cost memory (every fresh
 * megabyte costs page faults, and a copy of a large import costs tens of milliseconds). Where
 * there are no resizable buffers, a plain one is sized from an estimate, grown by copying when
 * the estimate falls short, and copied to its exact size at the end.
 */
export class ByteSink {
  #buffer: ArrayBuffer;
  #resizable: ResizableArrayBuffer | undefined;
  #bytes: Uint8Array;
  #at = 0;
  readonly #reserveAtLeast: number;
  /**
   * `initial`: the bytes expected. `reserveAtLeast`: the least address space a resizable buffer
   * reserves (it may grow that far in place; past it, it is copied into a larger one).
   */
  constructor(initial: number, reserveAtLeast = 64 * 1024 * 1024) {
    this.#reserveAtLeast = reserveAtLeast;
    const size = Math.max(1024, Math.min(Math.ceil(initial), MAX_PACKED_BYTES));
    this.#resizable = resizableBuffer(size, this.#maxFor(size));
    this.#buffer = this.#resizable ?? new ArrayBuffer(size);
    // Views of a fixed length: V8 handles them faster than length-tracking views of resizable buffers.
    this.#bytes = new Uint8Array(this.#buffer, 0, size);
  }
  /** What to reserve (address space, not memory) for a buffer of this size. */
  #maxFor(size: number): number {
    return Math.min(MAX_PACKED_BYTES, Math.max(2 * size, this.#reserveAtLeast));
  }
  get length(): number {
    return this.#at;
  }
  /** `more`: how much may follow, in bytes (an estimate), for sizing the buffer when it must grow. */
  write(text: string, more = 0): void {
    // Every UTF-16 code unit takes at least 1 byte in UTF-8, and at most 3.
    if (this.#at + text.length > MAX_PACKED_BYTES) throw new RangeError('the converted dataset would be larger than 4 GB');
    if (this.#at + text.length * 3 > this.#bytes.length) this.#reserve(text.length * 3, more);
    this.#at += encoder.encodeInto(text, this.#bytes.subarray(this.#at)).written;
    if (this.#at > MAX_PACKED_BYTES) throw new RangeError('the converted dataset would be larger than 4 GB');
  }
  /** A few bytes (separators), copied as they are. */
  writeBytes(bytes: Uint8Array): void {
    if (this.#at + bytes.length > this.#bytes.length) this.#reserve(bytes.length, 0);
    this.#bytes.set(bytes, this.#at);
    this.#at += bytes.length;
  }
  #reserve(extra: number, more: number): void {
    const need = this.#at + extra;
    // Past 4 GB by at most one string's worth: write() refuses what lands past it.
    const size = Math.ceil(Math.min(Math.max(need + more, this.#bytes.length * 1.5), MAX_PACKED_BYTES + extra));
    const resizable = this.#resizable;
    if (resizable && size <= resizable.maxByteLength) {
      resizable.resize(size);
      this.#bytes = new Uint8Array(resizable, 0, size);
      return;
    }
    this.#resizable = resizable ? resizableBuffer(size, Math.max(size, this.#maxFor(size))) : undefined;
    this.#buffer = this.#resizable ?? new ArrayBuffer(size);
    const grown = new Uint8Array(this.#buffer, 0, size);
    grown.set(this.#bytes.subarray(0, this.#at));
    this.#bytes = grown;
  }
  /** The bytes written, in a buffer of exactly their size (so it can be transferred whole). */
  finish(): Uint8Array {
    if (this.#resizable) {
      this.#resizable.resize(this.#at);
      return new Uint8Array(this.#resizable, 0, this.#at);
    }
    return this.#at === this.#bytes.length ? this.#bytes : this.#bytes.slice(0, this.#at);
  }
}

/** A native file image, and where each event is in it. */
export interface FileImage {
  /** The whole of its buffer (transferable as it is). */
  readonly bytes: Uint8Array;
  /** Byte range of each event in `bytes`, by its position in the file: [start0, end0, start1, end1, …]. */
  readonly ranges: Uint32Array;
}

/**
 * The native file image of a header and its validated events: each event's JSON made once
 * (EventJsonWriter) and written straight into the image, its byte range noted as it is written.
 * Throws a RangeError when the image would pass 4 GB (event ranges are 32-bit).
 */
export function writeImage(header: DatasetHeaderInput, events: readonly TimelineEvent[]): FileImage {
  const n = events.length;
  const head = nativeHead(header);
  // The size of a few events' JSON gives the size of all (text is mostly ASCII: a byte a character).
  let sampleChars = 0;
  const sampled = Math.min(n, SAMPLE_EVENTS);
  for (let i = 0; i < sampled; i++) sampleChars += JSON.stringify(events[i]).length + SEPARATOR_BYTES.length;
  const perEvent = sampled > 0 ? sampleChars / sampled : 0;
  const sink = new ByteSink(head.length * 3 + NATIVE_TAIL.length + perEvent * n * HEADROOM + 4096);
  const json = new EventJsonWriter();
  const ranges = new Uint32Array(n * 2);
  sink.write(head);
  const eventsStart = sink.length;
  for (let i = 0; i < n; i++) {
    sink.writeBytes(i > 0 ? SEPARATOR_BYTES : INDENT_BYTES);
    ranges[2 * i] = sink.length;
    // Should the buffer have to grow: the events still to come, at the bytes per event so far.
    const more = i > 0 ? ((sink.length - eventsStart) / i) * (n - i) * HEADROOM : 0;
    sink.write(json.text(events[i]!), more);
    ranges[2 * i + 1] = sink.length;
  }
  sink.write(NATIVE_TAIL);
  return { bytes: sink.finish(), ranges };
}

/**
 * Validated events in, one at a time, in file order: their columns now (what the timeline needs),
 * their file image when asked (for details and Save As; it can come later, once the timeline is
 * showing). Each event's columns come from the event object itself: nothing is parsed back.
 */
export class PackWriter {
  readonly #columns: DatasetColumnsBuilder;
  #events: TimelineEvent[] = [];
  #image: FileImage | undefined;

  /** `lookup`: the header as far as it is known (see HeaderLookup); it may grow while events come. */
  constructor(lookup: HeaderLookup) {
    this.#columns = new DatasetColumnsBuilder(lookup);
  }

  get count(): number {
    return this.#events.length;
  }

  add(checked: CheckedEvent): void {
    this.#columns.add(checked, this.#events.length);
    this.#events.push(checked.event);
  }

  /** The columns and their header. `header`: the dataset's, complete. */
  columns(header: DatasetHeaderInput): LoadedColumns {
    return this.#columns.finish(header);
  }

  /** The file image of the events added, under `header` (see writeImage): written once, the events let go then. */
  image(header: DatasetHeaderInput): FileImage {
    if (!this.#image) {
      this.#image = writeImage(header, this.#events);
      this.#events = [];
    }
    return this.#image;
  }
}

/**
 * `dataset` must be validated (validateDataset): dates parse, references resolve. Throws a
 * RangeError when the file image would pass 4 GB (event ranges are 32-bit). The result is what
 * loadDatasetBytes makes of the bytes (a test holds them to it).
 */
export function packDataset(dataset: Dataset, warnings: Problem[] = []): PackedDataset {
  const writer = new PackWriter(headerLookup(dataset));
  for (const e of dataset.events) {
    const start = parseDateValue(e.start.value, e.start.precision, e.start.margin);
    const end = e.end ? parseDateValue(e.end.value, e.end.precision, e.end.margin) : undefined;
    if (!start.ok || (end && !end.ok)) throw new Error(`event ${e.id} was not validated`);
    writer.add({ event: e, startWindow: start.window, endWindow: end?.ok ? end.window : undefined });
  }
  const columns = writer.columns(dataset);
  const image = writer.image(dataset);
  return { bytes: image.bytes, loaded: { ...columns, eventRanges: image.ranges, warnings } };
}
