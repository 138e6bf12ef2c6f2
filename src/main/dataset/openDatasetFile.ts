// Open a file of any supported format under plain Node: size check before reading, then native
// files through the streaming byte loader and every other format through its importer, converted
// to a native file image so main holds imports exactly as it holds native files. Used by the load
// worker, the command line and the tests.
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { LoadedColumns } from '../../shared/dataset/datasetColumns';
import { loadDatasetBytes } from '../../shared/dataset/loadDatasetBytes';
import type { FileImage } from '../../shared/dataset/packDataset';
import { capErrors, capProblems, type Problem } from '../../shared/dataset/problems';
import { detectFormat, importText } from '../../shared/import/importText';
import { ImportPacker } from '../../shared/import/importPacker';
import type { FileRef, OpenOutcome, RowCounts } from '../../shared/ipc/contract';
import type { CsvMapping, ImportFormat } from '../../shared/import/types';
import { decodeText, sniffEncoding, utf8Bytes } from '../../shared/text/decodeText';
import { fastEventCheck } from './fastEventCheck';
import { describeIoError, MAX_DATASET_BYTES, type FileProgress } from './loadDatasetFile';

/**
 * Foreign formats are read into one string and then into objects, which takes several times the
 * file's size in memory: they get a lower limit than native files, which are read event by event.
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** Bytes of the file's start used to tell its format. */
const HEAD_BYTES = 64 * 1024;

export interface OpenRequest {
  /** Read the file as this format instead of detecting it. */
  readonly format?: ImportFormat;
  /** For a generic table: which column holds what. */
  readonly mapping?: CsvMapping;
  /**
   * Refuse the whole file when any event or row would be left out (the startup dataset, the
   * command line on a native file): its problems come back as the failure's problems.
   */
  readonly strict?: boolean;
}

/** The columns of what was opened (what the timeline needs), their header, and warnings. */
export type OpenedColumns = LoadedColumns & { readonly warnings: Problem[] };

/**
 * The native file image of what was opened (the file itself for a native file, converted for an
 * import): at once, or a function that writes it (an import's, which can be written once the
 * timeline is showing; it throws a RangeError past 4 GB).
 */
export type ImageSource = FileImage | (() => FileImage);

/**
 * A file read and checked, as main holds it: what the timeline needs (header, columns, warnings
 * alone, not the rows left out), its file image, and how it was read. `I`: how the image comes
 * (from openDatasetFile an ImageSource; from the worker a FileImage or 'follows'; a RunLoad hands
 * it on as a PendingImage).
 */
export interface ReadDataset<I = ImageSource> extends OpenedColumns {
  readonly image: I;
  /** Size of the file on disk. */
  readonly bytes: number;
  readonly format: ImportFormat;
  /** The mapping a generic table was read with (kept for reloading). */
  readonly mapping?: CsvMapping;
  readonly rows: RowCounts;
  /** Read from the cache of files opened before (unchanged since), not checked again. */
  readonly fromCache: boolean;
}

/** Main's step of opening: an opened file, or one with rows to review, brings the dataset read. */
export interface ReadStage<I> {
  readonly opened: { readonly dataset: ReadDataset<I> };
  readonly review: { readonly dataset: ReadDataset<I> };
  readonly mapping: Record<never, never>;
}

/**
 * What opening a file came to in main and its load worker: the window's OpenOutcome, carrying
 * the dataset read where the window gets its payload or a token. Warnings alone (in
 * dataset.warnings) open at once; rows left out need the user's review.
 */
export type ReadOutcome<I = ImageSource> = Exclude<OpenOutcome<ReadStage<I>>, { readonly kind: 'dismissed' }>;

/** The dataset an outcome brings (opened, or opened but for rows left out), and those rows' problems. */
export function datasetOf<I>(outcome: ReadOutcome<I>): { readonly dataset: ReadDataset<I>; readonly skipped: readonly Problem[] } | undefined {
  if (outcome.kind === 'opened') return { dataset: outcome.dataset, skipped: [] };
  if (outcome.kind === 'needs-review') return { dataset: outcome.dataset, skipped: outcome.problems };
  return undefined;
}

/** A failure naming the file, with its problems. */
export function failedOpen(file: FileRef, problems: readonly Problem[]): ReadOutcome<never> {
  return { kind: 'failed', file, error: { code: 'invalid-data', message: `${file.displayName} could not be opened.`, problems } };
}

/** Opening `file` was cancelled (by the user, or by a newer open). */
export function cancelledOpen(file: FileRef): ReadOutcome<never> {
  return { kind: 'cancelled', file, message: `Opening ${file.displayName} was cancelled.` };
}

/** The outcome when it brings no dataset (failed, cancelled, a table to map), whatever the image would have been. */
export function withoutDataset<I>(outcome: ReadOutcome<I>): ReadOutcome<never> | undefined {
  return outcome.kind === 'opened' || outcome.kind === 'needs-review' ? undefined : outcome;
}

/** The same outcome with its file image (if it brings one) come another way. */
export function withImage<I, J>(outcome: ReadOutcome<I>, image: (from: I) => J): ReadOutcome<J> {
  if (outcome.kind === 'opened') return { ...outcome, dataset: { ...outcome.dataset, image: image(outcome.dataset.image) } };
  if (outcome.kind === 'needs-review') return { ...outcome, dataset: { ...outcome.dataset, image: image(outcome.dataset.image) } };
  return outcome;
}

/** The file an open reads now: measured, its format told (from the request or its start). */
export interface MeasuredFile {
  readonly file: FileRef;
  readonly size: number;
  /** Last modified (ms since the epoch, with the file system's precision). */
  readonly mtimeMs: number;
  readonly format: ImportFormat;
}

/** The image, written now if it was not yet. */
export function imageNow(image: ImageSource): FileImage {
  return typeof image === 'function' ? image() : image;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * The start of the file as text, only to tell its format (never used as the data): in the encoding
 * the whole file will be read in (UTF-16 without a byte-order mark too), not strictly, since the
 * head may end inside a character.
 */
function headText(head: Uint8Array): string {
  const { encoding, bomLength } = sniffEncoding(head);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(head.subarray(bomLength));
}

async function readHead(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Open `path`. `displayName` is how problems name the file (default: its name without the
 * folder). Never throws for anything about the file: every failure comes back as problems.
 */
export async function openDatasetFile(
  path: string,
  displayName: string = basename(path),
  request: OpenRequest = {},
  onProgress?: (p: FileProgress) => void
): Promise<ReadOutcome> {
  const measured = await measureFile({ path, displayName }, request);
  if ('kind' in measured) return measured;
  const raw = await readWhole(measured, onProgress);
  if (!(raw instanceof Uint8Array)) return raw;
  return openBytes(measured, raw, request, onProgress);
}

/**
 * Measure the file and tell its format: size limits are checked before anything is read. A
 * failure (missing, a folder, too large, unreadable) comes back as the outcome.
 */
export async function measureFile(file: FileRef, request: OpenRequest): Promise<MeasuredFile | ReadOutcome<never>> {
  const failure = (message: string) => failedOpen(file, [{ severity: 'error', file: file.displayName, message }]);
  let size: number;
  let mtimeMs: number;
  let format: ImportFormat;
  try {
    const info = await stat(file.path);
    if (!info.isFile()) return failure(info.isDirectory() ? 'is a folder, not a file' : 'is not a file');
    size = info.size;
    mtimeMs = info.mtimeMs;
    if (size > MAX_DATASET_BYTES) return failure(tooLarge(size, MAX_DATASET_BYTES, 'to open'));
    format = request.format ?? detectFormat(headText(await readHead(file.path, size)), basename(file.path));
  } catch (err) {
    return failure(`cannot be read: ${describeIoError(err)}`);
  }
  if (format !== 'native' && size > MAX_IMPORT_BYTES) {
    return failure(`${tooLarge(size, MAX_IMPORT_BYTES, 'to import')} (Frontline datasets may be up to ${formatBytes(MAX_DATASET_BYTES)})`);
  }
  return { file, size, mtimeMs, format };
}

/** The whole file's bytes, or why they cannot be read. `read` reads them (the cache's hashes them as they come). */
export async function readWhole(
  measured: MeasuredFile,
  onProgress?: (p: FileProgress) => void,
  read: (path: string, size: number) => Promise<Uint8Array> = (path) => readFile(path)
): Promise<Uint8Array | ReadOutcome<never>> {
  const { file, size, format } = measured;
  const failure = (message: string) => failedOpen(file, [{ severity: 'error', file: file.displayName, message }]);
  onProgress?.({ phase: 'reading', done: 0, total: size, events: 0 });
  let raw: Uint8Array;
  try {
    raw = await read(file.path, size);
  } catch (err) {
    return failure(`cannot be read: ${describeIoError(err)}`);
  }
  // The file may have grown since it was measured.
  const limit = format === 'native' ? MAX_DATASET_BYTES : MAX_IMPORT_BYTES;
  if (raw.length > limit) return failure(tooLarge(raw.length, limit, 'to open'));
  return raw;
}

/** Open the bytes read from a measured file, in its format, as `request` asks. */
export function openBytes(measured: MeasuredFile, raw: Uint8Array, request: OpenRequest, onProgress?: (p: FileProgress) => void): ReadOutcome {
  const { file, size, format } = measured;
  const opened =
    format === 'native' ? openNative(raw, file, size, request.strict === true, onProgress) : openImport(raw, file, size, format, request.mapping, onProgress);
  return strictly(opened, request);
}

/** Strict: rows or events left out make the file fail as a whole, with their problems. */
export function strictly<I>(outcome: ReadOutcome<I>, request: OpenRequest): ReadOutcome<I> {
  return request.strict === true && outcome.kind === 'needs-review' ? failedOpen(outcome.file, outcome.problems) : outcome;
}

/** Opened, or opened but for the rows left out (which the user reviews). */
function opened(file: FileRef, dataset: ReadDataset, skipped: readonly Problem[]): ReadOutcome {
  return skipped.length > 0 ? { kind: 'needs-review', file, format: dataset.format, rows: dataset.rows, problems: skipped, dataset } : { kind: 'opened', file, dataset };
}

function tooLarge(size: number, limit: number, what: string): string {
  return `is too large ${what}: ${size.toLocaleString('en-GB')} bytes (${formatBytes(size)}), over the limit of ${limit.toLocaleString('en-GB')} bytes`;
}

function openNative(raw: Uint8Array, file: FileRef, size: number, strict: boolean, onProgress?: (p: FileProgress) => void): ReadOutcome {
  const decoded = utf8Bytes(raw, file.displayName);
  if (!decoded.ok) return failedOpen(file, [decoded.problem]);
  const { bytes } = decoded;
  // Invalid events are left out (for the user to review) when everything else is fine.
  const result = loadDatasetBytes(bytes, file.displayName, { onProgress: (p) => onProgress?.({ ...p, phase: 'checking' }), fastCheck: fastEventCheck(), skipInvalidEvents: !strict });
  if (!result.ok) return failedOpen(file, result.problems);
  const { skipped, eventRanges, ...loaded } = result.loaded;
  const total = eventRanges.length / 2;
  const dataset: ReadDataset = {
    ...loaded,
    ...(decoded.warning ? { warnings: [decoded.warning, ...loaded.warnings] } : {}),
    image: { bytes, ranges: eventRanges },
    bytes: size,
    format: 'native',
    rows: { total, imported: loaded.columns.count, skipped: total - loaded.columns.count },
    fromCache: false
  };
  return opened(file, dataset, skipped ?? []);
}

function openImport(
  raw: Uint8Array,
  file: FileRef,
  size: number,
  format: Exclude<ImportFormat, 'native'>,
  mapping: CsvMapping | undefined,
  onProgress?: (p: FileProgress) => void
): ReadOutcome {
  const { displayName } = file;
  const decoded = decodeText(raw, displayName);
  if (!decoded.ok) return failedOpen(file, [decoded.problem]);
  const text = decoded.text;
  onProgress?.({ phase: 'checking', done: 0, total: size, events: 0 });
  // Each event is checked (the same check a native file's events get, so nothing an importer
  // misses gets in) and put into the columns as soon as its row is read; the file image is written
  // later (see ImageSource). Progress: the line reached, of the file's lines.
  const lines = countLines(text);
  const packer = new ImportPacker(displayName, {
    fastCheck: fastEventCheck(),
    ...(onProgress ? { onEvents: (events: number, line: number) => onProgress({ phase: 'checking', done: Math.floor((size * Math.min(line, lines)) / lines), total: size, events }) } : {})
  });
  // The importers speak their own ImportOutcome (src/shared/import): turned into ours here.
  const imported = importText(text, displayName, { format, ...(mapping ? { mapping } : {}), sink: packer });
  if (imported.status === 'failed') return failedOpen(file, capProblems(imported.problems));
  if (imported.status === 'needs-mapping') return { kind: 'needs-mapping', file, preview: imported.preview };
  const { result } = imported;
  const checked = packer.finish(result.dataset);
  const importErrors = result.problems.filter((p) => p.severity === 'error');
  if (!checked.ok) return failedOpen(file, capErrors([...importErrors, ...checked.problems]));
  const skipped = capProblems([...importErrors, ...checked.skipped]);
  if (checked.kept === 0) {
    // Nothing to show: say why, rather than open an empty timeline.
    return failedOpen(file, skipped.length > 0 ? skipped : [{ severity: 'error', file: displayName, message: 'has no rows that could be read as events' }]);
  }
  const importWarnings = result.problems.filter((p) => p.severity !== 'error');
  onProgress?.({ phase: 'checking', done: size, total: size, events: checked.kept });
  const dataset: ReadDataset = {
    ...checked.loaded,
    warnings: capProblems([...(decoded.warning ? [decoded.warning] : []), ...importWarnings, ...checked.warnings]),
    image: checked.image,
    bytes: size,
    format,
    ...(format === 'csv' && mapping ? { mapping } : {}),
    rows: { total: result.rows.total, imported: checked.kept, skipped: result.rows.skipped + checked.offered - checked.kept },
    fromCache: false
  };
  return opened(file, dataset, skipped);
}

/** Lines of a text (for progress). */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
