// Load a native dataset from its UTF-8 bytes one event at a time: the JSON skeleton is scanned
// without building values, each section and each event is parsed and validated on its own, and
// events go straight into columns. A million events never exist as one object graph.
import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';
import { JsonDepthError, JsonScanError, lineColumnOfByte, lineStarts, topLevelMembers, type Member } from '../json/jsonSkeleton';
import { DatasetColumnsBuilder, headerLookup, type LoadedColumns } from './datasetColumns';
import { capErrors, capProblems, lineColumnAt, type Problem } from './problems';
import type { TimelineEvent } from './schema';
import { jsonSyntaxProblem } from './validateDataset';
import { DatasetValidator, type FastEventCheck, type Locate, type Path, type Where } from './validator';
import { firstInvalidUtf8 } from '../text/decodeText';
import { jsonMayHaveInvisible } from '../text/cleanText';

export interface LoadProgress {
  /** Bytes of the file processed so far. */
  readonly done: number;
  readonly total: number;
  readonly events: number;
}

export interface LoadedDataset extends LoadedColumns {
  /** Byte range in the file of each event, by its position in the file: [start0, end0, start1, end1, …]. */
  readonly eventRanges: Uint32Array;
  readonly warnings: Problem[];
  /** Events left out because they were invalid (only with skipInvalidEvents). */
  readonly skipped?: Problem[];
}

export type LoadResult = { ok: true; loaded: LoadedDataset } | { ok: false; problems: Problem[] };

/** Fatal: invalid UTF-8 inside any value is refused, never replaced by U+FFFD. */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Thrown from a slice whose bytes are not valid UTF-8. */
class InvalidUtf8 extends Error {
  constructor(readonly where: { line: number; column: number }) {
    super('invalid UTF-8');
  }
}

/** Where a path is inside one slice of the file: parses the slice's text into a tree when first asked. */
class SliceLocator {
  #text: string | undefined;
  #root: Node | undefined;
  #base: { line: number; column: number } | undefined;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly start: number,
    private readonly end: number,
    private readonly lines: () => Uint32Array
  ) {}

  base(): { line: number; column: number } {
    this.#base ??= lineColumnOfByte(this.bytes, this.lines(), this.start);
    return this.#base;
  }

  text(): string {
    if (this.#text === undefined) {
      const slice = this.bytes.subarray(this.start, this.end);
      try {
        this.#text = decoder.decode(slice);
      } catch {
        const bad = this.start + Math.max(0, firstInvalidUtf8(slice));
        throw new InvalidUtf8(lineColumnOfByte(this.bytes, this.lines(), bad));
      }
    }
    return this.#text;
  }

  locate: Locate = (path: Path, atKey: boolean): Where => {
    this.#root ??= parseTree(this.text());
    if (!this.#root) return this.base();
    for (let len = path.length; len >= 0; len--) {
      const node = findNodeAtLocation(this.#root, [...path.slice(0, len)]);
      if (!node) continue;
      const target = atKey && len === path.length && node.parent?.type === 'property' ? node.parent : node;
      const at = lineColumnAt(this.text(), target.offset);
      const base = this.base();
      return { line: base.line + at.line - 1, column: at.line === 1 ? base.column + at.column - 1 : at.column };
    }
    return this.base();
  };
}

/**
 * Validate and index a native dataset from its bytes (UTF-8, BOM already removed). `onProgress`
 * is called every few thousand events. Returns columns ready to transfer, or every problem found.
 */
export interface LoadOptions {
  readonly onProgress?: (p: LoadProgress) => void;
  /**
   * Open a file whose only problems are invalid events, leaving those out (they come back as
   * `skipped`). The header, the syntax outside events and the count of errors must be fine.
   */
  readonly skipInvalidEvents?: boolean;
  /** Compiled JSON-Schema check of an event (Node only); zod runs only where it fails. */
  readonly fastCheck?: FastEventCheck;
}

export function loadDatasetBytes(bytes: Uint8Array, file: string, options: LoadOptions = {}): LoadResult {
  try {
    return load(bytes, file, options);
  } catch (err) {
    if (!(err instanceof InvalidUtf8)) throw err;
    return {
      ok: false,
      problems: [{ severity: 'error', file, ...err.where, message: 'the file is not valid UTF-8 here. Save it as UTF-8 (or UTF-16 with a byte-order mark) and open it again.' }]
    };
  }
}

function load(bytes: Uint8Array, file: string, options: LoadOptions): LoadResult {
  const onProgress = options.onProgress;
  let lineIndex: Uint32Array | undefined;
  const lines = () => (lineIndex ??= lineStarts(bytes));
  const at = (offset: number) => lineColumnOfByte(bytes, lines(), offset);
  let members: Member[];
  // Event byte ranges are collected during the one structural scan of the file.
  const collected = new RangeCollector();
  try {
    members = topLevelMembers(bytes, { key: 'events', each: (s, e) => collected.push(s, e) }).members;
  } catch (err) {
    if (!(err instanceof JsonScanError)) throw err;
    return { ok: false, problems: [syntaxProblem(bytes, file, err, at)] };
  }
  const v = new DatasetValidator(file, { ...(options.fastCheck ? { fastCheck: options.fastCheck } : {}), expectedEvents: collected.count });

  // Header: every member but the events, parsed on its own.
  const header: Record<string, unknown> = {};
  const memberLocators = new Map<string, SliceLocator>();
  let eventsMember: Member | undefined;
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.key)) {
      v.report('error', m.key, `"${m.key}" appears twice at the top level`, at(m.keyOffset));
      continue;
    }
    seen.add(m.key);
    if (m.key === 'events') {
      eventsMember = m;
      continue;
    }
    const locator = new SliceLocator(bytes, m.valueStart, m.valueEnd, lines);
    try {
      Object.defineProperty(header, m.key, { value: JSON.parse(locator.text()) as unknown, enumerable: true, writable: true, configurable: true });
    } catch (err) {
      return { ok: false, problems: [jsonSyntaxProblem(locator.text(), file, err, locator.base())] };
    }
    memberLocators.set(m.key, locator);
  }
  const locateHeader: Locate = (path, atKey) => {
    const key = path[0];
    if (typeof key !== 'string') return at(0);
    const locator = memberLocators.get(key);
    if (!locator) return at(0);
    if (path.length === 1 && atKey) {
      const member = members.find((m) => m.key === key);
      return member ? at(member.keyOffset) : locator.base();
    }
    return locator.locate(path.slice(1), atKey);
  };
  const checkedHeader = v.header(header, locateHeader);

  // Events. First their byte ranges (a structural scan), then in batches: one decode and one
  // JSON.parse per batch, each event validated on its own. Locating a problem re-reads only that
  // event's text.
  const builder = checkedHeader ? new DatasetColumnsBuilder(headerLookup(checkedHeader)) : undefined;
  let ranges: Uint32Array = new Uint32Array(0);
  if (!eventsMember) {
    v.report('error', 'events', 'is required but missing (expected array)', at(0));
  } else if (bytes[eventsMember.valueStart] !== 0x5b) {
    v.report('error', 'events', 'should be array', at(eventsMember.valueStart));
  } else {
    // The first "events" member's elements were collected during the scan.
    ranges = collected.ranges();
    const count = ranges.length / 2;
    const locateEvent = (i: number): Locate => (path, atKey) => new SliceLocator(bytes, ranges[2 * i]!, ranges[2 * i + 1]!, lines).locate(path, atKey);
    for (let first = 0; first < count && !v.gaveUp; first += BATCH) {
      const last = Math.min(count, first + BATCH);
      const batch = parseBatch(bytes, ranges, first, last);
      const parsed = batch?.events;
      const mayHaveInvisible = batch?.mayHaveInvisible ?? true;
      for (let i = first; i < last && !v.gaveUp; i++) {
        let raw: unknown;
        if (parsed) raw = parsed[i - first];
        else {
          const locator = new SliceLocator(bytes, ranges[2 * i]!, ranges[2 * i + 1]!, lines);
          try {
            raw = JSON.parse(locator.text());
          } catch (err) {
            const p = jsonSyntaxProblem(locator.text(), file, err, locator.base());
            v.report('error', `events[${i}]`, p.message, p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : locator.base(), 'event');
            continue;
          }
        }
        const checked = v.event(raw, i, locateEvent(i), mayHaveInvisible);
        if (checked && builder) builder.add(checked, i);
      }
      onProgress?.({ done: ranges[2 * last - 1] ?? bytes.length, total: bytes.length, events: last });
    }
  }

  const { errors, warnings } = v.result();
  const skippable = options.skipInvalidEvents === true && v.fileErrorCount === 0 && !v.gaveUp && builder !== undefined && builder.count > 0;
  if ((errors.length > 0 && !skippable) || !builder || !checkedHeader) return { ok: false, problems: capErrors(errors) };
  onProgress?.({ done: bytes.length, total: bytes.length, events: builder.count });
  return {
    ok: true,
    loaded: { ...builder.finish(checkedHeader), eventRanges: ranges, warnings: capProblems(warnings), ...(errors.length > 0 ? { skipped: capErrors(errors) } : {}) }
  };
}

/** Events parsed per JSON.parse call. */
const BATCH = 4096;

/** [start, end) byte ranges of array elements, packed in pairs, as the scan finds them. */
class RangeCollector {
  #out = new Uint32Array(8192);
  #n = 0;
  push(start: number, end: number): void {
    if (this.#n + 2 > this.#out.length) {
      const grown = new Uint32Array(this.#out.length * 2);
      grown.set(this.#out);
      this.#out = grown;
    }
    this.#out[this.#n++] = start;
    this.#out[this.#n++] = end;
  }
  get count(): number {
    return this.#n / 2;
  }
  ranges(): Uint32Array {
    return this.#out.slice(0, this.#n);
  }
}

/**
 * Parse events [first, last) with one decode and one JSON.parse: the bytes from the first event's
 * start to the last one's end are the body of a JSON array. Undefined when the batch holds a
 * syntax error or invalid UTF-8; the caller then parses its events one by one to say where.
 */
function parseBatch(bytes: Uint8Array, ranges: Uint32Array, first: number, last: number): { events: unknown[]; mayHaveInvisible: boolean } | undefined {
  try {
    const text = decoder.decode(bytes.subarray(ranges[2 * first]!, ranges[2 * last - 1]!));
    const events = JSON.parse(`[${text}]`) as unknown[];
    return events.length === last - first ? { events, mayHaveInvisible: jsonMayHaveInvisible(text) } : undefined;
  } catch {
    return undefined;
  }
}

function syntaxProblem(bytes: Uint8Array, file: string, err: JsonScanError, at: (offset: number) => { line: number; column: number }): Problem {
  // Too deep: said where and in which member, without handing the text to anything recursive.
  if (err instanceof JsonDepthError) return { severity: 'error', file, ...at(Math.min(err.offset, bytes.length)), ...(err.field ? { field: err.field } : {}), message: err.message };
  // The skeleton scan knows only roughly what is wrong; small files get jsonc-parser's exact report.
  if (bytes.length <= 8 * 1024 * 1024) {
    let text: string | undefined;
    try {
      text = decoder.decode(bytes);
    } catch {
      const bad = Math.max(0, firstInvalidUtf8(bytes));
      return { severity: 'error', file, ...at(bad), message: 'the file is not valid UTF-8 here. Save it as UTF-8 (or UTF-16 with a byte-order mark) and open it again.' };
    }
    const precise = jsonSyntaxProblem(text, file, err);
    if (precise.line !== undefined) return precise;
  }
  const where = at(Math.min(err.offset, bytes.length));
  return { severity: 'error', file, line: where.line, column: where.column, message: `the file is not valid JSON: ${err.message}` };
}

/**
 * The full event at position `index` of the file, read again from its byte range and checked
 * again (cheap for one event), so it comes back cleaned and with defaults filled in.
 */
export function readEvent(bytes: Uint8Array, ranges: Uint32Array, index: number, file: string): TimelineEvent | undefined {
  const start = ranges[2 * index];
  const end = ranges[2 * index + 1];
  if (start === undefined || end === undefined) return undefined;
  const raw = JSON.parse(decoder.decode(bytes.subarray(start, end))) as unknown;
  return new DatasetValidator(file).event(raw, index)?.event;
}
