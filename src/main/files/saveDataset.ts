// Save As: the held dataset's events at some column indices written as a native file (the events'
// own text from the held file image, under the dataset's header, checked by loading it back before
// anything is written, each local copy's SHA-256 recorded) or as spreadsheet-safe CSV; always
// through an atomic write.
import { basename, dirname, resolve } from 'node:path';
import { loadDatasetBytes, readEvent } from '../../shared/dataset/loadDatasetBytes';
import { EVENT_INDENT, EVENT_SEPARATOR, NATIVE_TAIL, nativeHead } from '../../shared/dataset/packDataset';
import { formatProblem } from '../../shared/dataset/problems';
import type { EventColumns } from '../../shared/dataset/columns';
import type { DatasetHeaderInput } from '../../shared/dataset/validator';
import { fail, ok, type Result, type SaveFormat } from '../../shared/ipc/contract';
import { CSV_BOM, csvEventLine, csvHeaderLine, csvLookups } from '../../shared/export/csvExport';
import type { HeldDataset } from '../dataset/datasetService';
import { fastEventCheck } from '../dataset/fastEventCheck';
import { writeFileAtomic } from './atomicWrite';
import { storiesForEvents, withStories } from './saveStories';
import { stringAt } from '../../shared/dataset/columns';
import { sourcesForSave, type LocalCopyCheck } from '../../shared/dataset/localCopies';
import type { EventLink, Source } from '../../shared/dataset/schema';
import { linksForEvents } from '../../shared/dataset/links';
import { checkSourceCopy } from './localCopyHash';

const encoder = new TextEncoder();

/** Column indices to save (all when null), each checked against the dataset, once each in the order given. */
export function checkIndices(columns: EventColumns, indices: Uint32Array | null): Result<Uint32Array> {
  if (indices === null) return ok(Uint32Array.from({ length: columns.count }, (_, i) => i));
  const seen = new Uint8Array(columns.count);
  const out = new Uint32Array(indices.length);
  let n = 0;
  for (const i of indices) {
    if (i >= columns.count) return fail('bad-arguments', `The dataset has no event at position ${i} (it has ${columns.count.toLocaleString('en-GB')}).`);
    if (seen[i] === 1) continue;
    seen[i] = 1;
    out[n++] = i;
  }
  return ok(n === out.length ? out : out.slice(0, n));
}

/** Positions in the file of the events at these column indices, once each, in file order. */
export function fileOrder(columns: EventColumns, indices: Uint32Array): Uint32Array {
  const picked = new Uint8Array(columns.count);
  for (const i of indices) picked[i] = 1;
  const out: number[] = [];
  for (let i = 0; i < columns.count; i++) if (picked[i] === 1) out.push(columns.sourceIndex[i]!);
  return Uint32Array.from(out).sort();
}

/**
 * A native file holding the held dataset's metadata, sources, places, actors and links and the events at
 * these file positions, each exactly as the held file image has it.
 */
export function nativeFileBytes(
  held: Pick<HeldDataset, 'bytes' | 'ranges'> & { readonly payload: Pick<HeldDataset['payload'], 'header'> },
  sourceIndices: Uint32Array,
  sources: readonly Source[] = held.payload.header.sources,
  // Every link when every event is written; else only the links given (those whose two events are).
  links: readonly EventLink[] = sourceIndices.length === held.ranges.length / 2 ? held.payload.header.links : []
): Uint8Array {
  const header = { ...held.payload.header, sources, links };
  const head = encoder.encode(nativeHead(header as unknown as Pick<DatasetHeaderInput, 'metadata' | 'sources' | 'places' | 'actors' | 'links'>));
  const separator = encoder.encode(`${EVENT_SEPARATOR}${EVENT_INDENT}`);
  const indent = encoder.encode(EVENT_INDENT);
  const tail = encoder.encode(NATIVE_TAIL);
  let size = head.length + tail.length;
  for (let k = 0; k < sourceIndices.length; k++) {
    const s = sourceIndices[k]!;
    size += (k === 0 ? indent.length : separator.length) + held.ranges[2 * s + 1]! - held.ranges[2 * s]!;
  }
  const out = new Uint8Array(size);
  out.set(head, 0);
  let at = head.length;
  for (let k = 0; k < sourceIndices.length; k++) {
    const s = sourceIndices[k]!;
    const lead = k === 0 ? indent : separator;
    out.set(lead, at);
    at += lead.length;
    const text = held.bytes.subarray(held.ranges[2 * s]!, held.ranges[2 * s + 1]!);
    out.set(text, at);
    at += text.length;
  }
  out.set(tail, at);
  return out;
}

/** The CSV text of the events at these column indices, in that order, in chunks of lines. */
export function* csvChunks(held: HeldDataset, indices: Uint32Array, linesPerChunk = 2000): Generator<string> {
  const { header, columns, file } = held.payload;
  const lookups = csvLookups(header);
  let chunk = `${CSV_BOM}${csvHeaderLine()}`;
  let lines = 0;
  for (const i of indices) {
    const event = readEvent(held.bytes, held.ranges, columns.sourceIndex[i]!, file.displayName);
    if (!event) continue;
    chunk += csvEventLine(header, event, lookups);
    if (++lines === linesPerChunk) {
      yield chunk;
      chunk = '';
      lines = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * The held dataset's sources as a saved file records them: each local copy read from the held
 * file's folder and hashed now (see sourcesForSave: a copy that matches or had no SHA-256 gets the
 * one computed; a changed copy keeps the one recorded, with a warning), and what to warn about.
 */
export async function sourcesWithHashes(held: HeldDataset, target: string): Promise<{ sources: Source[]; warnings: string[] }> {
  const { sources } = held.payload.header;
  const checks = new Map<string, LocalCopyCheck>();
  for (const s of sources) if (s.localCopy !== undefined) checks.set(s.id, await checkSourceCopy(held.file.path, s));
  const saved = sourcesForSave(sources, checks);
  // Local copies are named relative to the dataset's folder, and Save As does not copy them.
  if (checks.size > 0 && resolve(dirname(target)) !== resolve(dirname(held.file.path))) {
    saved.warnings.push(
      `The local copies stay in ${dirname(held.file.path)}: copy ${checks.size === 1 ? 'the file its source names' : `the ${checks.size} files its sources name`} (localCopy) beside ${basename(target)} for them to be found and verified there.`
    );
  }
  return saved;
}

/** Write the events at `indices` (all when null) of `held` to `target` as `format`; warnings about local copies, if any. */
export async function saveHeldDataset(
  held: HeldDataset,
  format: SaveFormat,
  indices: Uint32Array | null,
  target: string
): Promise<Result<{ path: string; events: number; warnings?: readonly string[] }>> {
  const checked = checkIndices(held.payload.columns, indices);
  if (!checked.ok) return checked;
  if (format === 'csv') {
    const written = await writeFileAtomic(target, csvChunks(held, checked.value));
    return written.ok ? ok({ path: target, events: checked.value.length }) : fail('io', written.message);
  }
  const sourceIndices = fileOrder(held.payload.columns, checked.value);
  const { sources, warnings } = await sourcesWithHashes(held, target);
  // The dataset's links go too, those whose two events are saved; its stories, with the steps whose events are saved.
  const { stories, links } = held.payload.header;
  const kept = stories.length > 0 || links.length > 0 ? new Set(Array.from(checked.value, (i) => stringAt(held.payload.columns.ids, i))) : new Set<string>();
  let bytes = nativeFileBytes(held, sourceIndices, sources, linksForEvents(links, kept));
  if (stories.length > 0) bytes = withStories(bytes, storiesForEvents(stories, kept));
  // Loaded back exactly as opening it would: nothing is written that would not open.
  const check = loadDatasetBytes(bytes, basename(target), { fastCheck: fastEventCheck() });
  if (!check.ok || check.loaded.columns.count !== sourceIndices.length) {
    const why = check.ok ? `it holds ${check.loaded.columns.count} events instead of ${sourceIndices.length}` : formatProblem(check.problems[0]!);
    return fail('internal', `${target} was not written: the file made from the dataset did not pass its own checks (${why}).`);
  }
  const written = await writeFileAtomic(target, bytes);
  return written.ok ? ok({ path: target, events: sourceIndices.length, ...(warnings.length > 0 ? { warnings } : {}) }) : fail('io', written.message);
}
