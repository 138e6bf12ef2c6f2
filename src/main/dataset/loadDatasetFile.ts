// Read a dataset file from disk under plain Node: size check before reading, strict decoding, then
// the shared validator. Used by the main process and the command line alike.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Problem } from '../../shared/dataset/problems';
import type { Dataset } from '../../shared/dataset/schema';
import { parseDatasetText } from '../../shared/dataset/validateDataset';
import { decodeText } from '../../shared/text/decodeText';

/** V8 cannot hold a string much longer than 2^29 characters; refuse before trying. */
export const MAX_DATASET_BYTES = 512 * 1024 * 1024;

export type LoadedFile =
  | { ok: true; dataset: Dataset; warnings: Problem[]; path: string; name: string; bytes: number }
  | { ok: false; path: string; name: string; problems: Problem[] };

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** `displayName` is how problems name the file (default: its name without the folder). */
export async function loadDatasetFile(path: string, displayName: string = basename(path)): Promise<LoadedFile> {
  const name = basename(path);
  const failure = (message: string): LoadedFile => ({ ok: false, path, name, problems: [{ severity: 'error', file: displayName, message }] });
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return failure('is not a file');
    size = info.size;
  } catch (err) {
    return failure(`cannot be read: ${describeIoError(err)}`);
  }
  if (size > MAX_DATASET_BYTES) {
    return failure(`is too large to open: ${size.toLocaleString('en-GB')} bytes (${formatBytes(size)}), over the limit of ${MAX_DATASET_BYTES.toLocaleString('en-GB')} bytes`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return failure(`cannot be read: ${describeIoError(err)}`);
  }
  const decoded = decodeText(bytes, displayName);
  if (!decoded.ok) return { ok: false, path, name, problems: [decoded.problem] };
  const checked = parseDatasetText(decoded.text, displayName);
  if (!checked.ok) return { ok: false, path, name, problems: checked.problems };
  return { ok: true, dataset: checked.dataset, warnings: checked.warnings, path, name, bytes: bytes.length };
}

export function describeIoError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
