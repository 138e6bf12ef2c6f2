// Read a dataset file from disk under plain Node: size check before reading, then the streaming
// loader (one event at a time). Used by the load worker, the command line and the tests.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadDatasetBytes, type LoadProgress, type LoadedDataset } from '../../shared/dataset/loadDatasetBytes';
import type { Problem } from '../../shared/dataset/problems';
import { utf8Bytes } from '../../shared/text/decodeText';
import { fastEventCheck } from './fastEventCheck';

/** V8 cannot hold a string much longer than 2^29 characters; refuse before trying. */
export const MAX_DATASET_BYTES = 512 * 1024 * 1024;

export type LoadedFile =
  | { ok: true; loaded: LoadedDataset; bytes: Uint8Array; path: string; name: string; size: number }
  | { ok: false; path: string; name: string; problems: Problem[] };

export type FileProgress = LoadProgress & { readonly phase: 'reading' | 'checking' };

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** `displayName` is how problems name the file (default: its name without the folder). */
export async function loadDatasetFile(path: string, displayName: string = basename(path), onProgress?: (p: FileProgress) => void): Promise<LoadedFile> {
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
  onProgress?.({ phase: 'reading', done: 0, total: size, events: 0 });
  let raw: Uint8Array;
  try {
    raw = await readFile(path);
  } catch (err) {
    return failure(`cannot be read: ${describeIoError(err)}`);
  }
  const decoded = utf8Bytes(raw, displayName);
  if (!decoded.ok) return { ok: false, path, name, problems: [decoded.problem] };
  const { bytes } = decoded;
  const result = loadDatasetBytes(bytes, displayName, { onProgress: (p) => onProgress?.({ ...p, phase: 'checking' }), fastCheck: fastEventCheck() });
  if (!result.ok) return { ok: false, path, name, problems: result.problems };
  return { ok: true, loaded: result.loaded, bytes, path, name, size };
}

/** The reason a file operation failed, in words a user can act on (the path is named by the caller). */
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
    case 'EDQUOT':
      return 'the disk is full (your disk quota is used up)';
    case 'EFBIG':
      return 'the file is too large for this disk';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open; close some programs and try again';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
