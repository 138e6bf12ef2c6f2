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
import type { CsvMapping, CsvPreview, ImportFormat } from '../../shared/import/types';
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

export interface RowCounts {
  /** Rows (or events, for a native file) in the file. */
  readonly total: number;
  /** Events opened. */
  readonly imported: number;
  /** Rows or events left out. */
  readonly skipped: number;
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
 * What opening came to. A success with `skipped` problems needs the user's review: some rows or
 * events were left out. Warnings alone (in loaded.warnings) do not. `I`: how the file image comes
 * (from openDatasetFile: an ImageSource; a RunLoad hands it on as a PendingImage).
 */
export type OpenedFile<I = ImageSource> =
  | {
      ok: true;
      loaded: OpenedColumns;
      image: I;
      path: string;
      name: string;
      /** Size of the file on disk. */
      size: number;
      format: ImportFormat;
      /** The mapping a generic table was read with (kept for reloading). */
      mapping?: CsvMapping;
      rows: RowCounts;
      /** Why rows or events were left out (severity error). */
      skipped: Problem[];
    }
  | { ok: false; path: string; name: string; problems: Problem[] }
  /** A generic table: its columns must be mapped before it can be read. */
  | { ok: false; path: string; name: string; size: number; needsMapping: CsvPreview };

export type OpenedSuccess<I = ImageSource> = Extract<OpenedFile<I>, { ok: true }>;

/** The file image, written now if it was not yet. */
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
): Promise<OpenedFile> {
  const name = basename(path);
  const failure = (message: string, where: Partial<Problem> = {}): OpenedFile => ({ ok: false, path, name, problems: [{ severity: 'error', file: displayName, ...where, message }] });
  let size: number;
  let format: ImportFormat;
  try {
    const info = await stat(path);
    if (!info.isFile()) return failure(info.isDirectory() ? 'is a folder, not a file' : 'is not a file');
    size = info.size;
    if (size > MAX_DATASET_BYTES) return failure(tooLarge(size, MAX_DATASET_BYTES, 'to open'));
    format = request.format ?? detectFormat(headText(await readHead(path, size)), name);
  } catch (err) {
    return failure(`cannot be read: ${describeIoError(err)}`);
  }
  if (format !== 'native' && size > MAX_IMPORT_BYTES) {
    return failure(`${tooLarge(size, MAX_IMPORT_BYTES, 'to import')} (Frontline datasets may be up to ${formatBytes(MAX_DATASET_BYTES)})`);
  }
  onProgress?.({ phase: 'reading', done: 0, total: size, events: 0 });
  let raw: Uint8Array;
  try {
    raw = await readFile(path);
  } catch (err) {
    return failure(`cannot be read: ${describeIoError(err)}`);
  }
  // The file may have grown since it was measured.
  if (raw.length > (format === 'native' ? MAX_DATASET_BYTES : MAX_IMPORT_BYTES)) return failure(tooLarge(raw.length, format === 'native' ? MAX_DATASET_BYTES : MAX_IMPORT_BYTES, 'to open'));
  const opened =
    format === 'native'
      ? openNative(raw, path, name, displayName, size, request.strict === true, onProgress)
      : openImport(raw, path, name, displayName, size, format, request.mapping, onProgress);
  // Strict: rows an importer skipped make the file fail as a whole, like invalid native events.
  if (request.strict === true && opened.ok && opened.skipped.length > 0) return { ok: false, path, name, problems: opened.skipped };
  return opened;
}

function tooLarge(size: number, limit: number, what: string): string {
  return `is too large ${what}: ${size.toLocaleString('en-GB')} bytes (${formatBytes(size)}), over the limit of ${limit.toLocaleString('en-GB')} bytes`;
}

function openNative(raw: Uint8Array, path: string, name: string, displayName: string, size: number, strict: boolean, onProgress?: (p: FileProgress) => void): OpenedFile {
  const decoded = utf8Bytes(raw, displayName);
  if (!decoded.ok) return { ok: false, path, name, problems: [decoded.problem] };
  const { bytes } = decoded;
  // Invalid events are left out (for the user to review) when everything else is fine.
  const result = loadDatasetBytes(bytes, displayName, { onProgress: (p) => onProgress?.({ ...p, phase: 'checking' }), fastCheck: fastEventCheck(), skipInvalidEvents: !strict });
  if (!result.ok) return { ok: false, path, name, problems: result.problems };
  const { skipped, eventRanges, ...loaded } = result.loaded;
  const total = eventRanges.length / 2;
  return {
    ok: true,
    loaded: decoded.warning ? { ...loaded, warnings: [decoded.warning, ...loaded.warnings] } : loaded,
    image: { bytes, ranges: eventRanges },
    path,
    name,
    size,
    format: 'native',
    rows: { total, imported: loaded.columns.count, skipped: total - loaded.columns.count },
    skipped: skipped ?? []
  };
}

function openImport(
  raw: Uint8Array,
  path: string,
  name: string,
  displayName: string,
  size: number,
  format: Exclude<ImportFormat, 'native'>,
  mapping: CsvMapping | undefined,
  onProgress?: (p: FileProgress) => void
): OpenedFile {
  const decoded = decodeText(raw, displayName);
  if (!decoded.ok) return { ok: false, path, name, problems: [decoded.problem] };
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
  const imported = importText(text, displayName, { format, ...(mapping ? { mapping } : {}), sink: packer });
  if (imported.status === 'failed') return { ok: false, path, name, problems: capProblems(imported.problems) };
  if (imported.status === 'needs-mapping') return { ok: false, path, name, size, needsMapping: imported.preview };
  const { result } = imported;
  const checked = packer.finish(result.dataset);
  const importErrors = result.problems.filter((p) => p.severity === 'error');
  if (!checked.ok) return { ok: false, path, name, problems: capErrors([...importErrors, ...checked.problems]) };
  const skipped = capProblems([...importErrors, ...checked.skipped]);
  if (checked.kept === 0) {
    // Nothing to show: say why, rather than open an empty timeline.
    return { ok: false, path, name, problems: skipped.length > 0 ? skipped : [{ severity: 'error', file: displayName, message: 'has no rows that could be read as events' }] };
  }
  const importWarnings = result.problems.filter((p) => p.severity !== 'error');
  onProgress?.({ phase: 'checking', done: size, total: size, events: checked.kept });
  return {
    ok: true,
    loaded: { ...checked.loaded, warnings: capProblems([...(decoded.warning ? [decoded.warning] : []), ...importWarnings, ...checked.warnings]) },
    image: checked.image,
    path,
    name,
    size,
    format,
    ...(format === 'csv' && mapping ? { mapping } : {}),
    rows: { total: result.rows.total, imported: checked.kept, skipped: result.rows.skipped + checked.offered - checked.kept },
    skipped
  };
}

/** Lines of a text (for progress). */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
