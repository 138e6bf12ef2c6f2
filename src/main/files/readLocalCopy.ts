// Read a file a dataset names beside itself (a source's local copy) without trusting the name:
// only a regular file inside the dataset's folder once links are resolved, never more than a size
// limit, and never waiting on a FIFO or a device. A hostile dataset can name anything.
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { describeIoError } from '../dataset/loadDatasetFile';

/** Local copies are article texts and documents: 64 MB is far above any, and bounds what is read. */
export const MAX_LOCAL_COPY_BYTES = 64 * 1024 * 1024;

/** `missing`: there is no file by that name (as against one refused or unreadable). */
export type LocalCopy = { ok: true; path: string; bytes: Uint8Array } | { ok: false; path: string; message: string; missing?: true };

const isMissing = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === 'ENOENT';

/** True when `inner` (resolved) is `folder` itself or inside it. */
function isInside(folder: string, inner: string): boolean {
  const rel = relative(folder, inner);
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}

/**
 * The bytes of `name` (as the dataset writes it) in the folder of `datasetPath`. Fails, saying
 * why, when the name leads outside the folder (through "..", an absolute path or a link), when it
 * is not a regular file (a folder, FIFO, socket or device), or when it is over `maxBytes`.
 */
export async function readLocalCopy(datasetPath: string, name: string, maxBytes = MAX_LOCAL_COPY_BYTES): Promise<LocalCopy> {
  const path = resolve(dirname(datasetPath), name);
  const fail = (message: string): LocalCopy => ({ ok: false, path, message });
  if (name.includes('\0')) return fail('the name holds a NUL character');
  let folder: string;
  let real: string;
  try {
    folder = await realpath(dirname(resolve(datasetPath)));
    if (!isInside(resolve(dirname(datasetPath)), path)) return fail('is outside the dataset\'s folder; only files inside it are read');
    real = await realpath(path);
  } catch (err) {
    return { ...fail(`cannot be read: ${describeIoError(err)}`), ...(isMissing(err) ? { missing: true as const } : {}) };
  }
  if (!isInside(folder, real)) return fail('is a link to a file outside the dataset\'s folder; only files inside it are read');
  return readResolved(path, real, maxBytes);
}

/**
 * The bytes of a file the user picked (in a dialog), links resolved: only a regular file, never
 * more than `maxBytes`, never waiting on a FIFO or a device.
 */
export async function readPickedFile(path: string, maxBytes = MAX_LOCAL_COPY_BYTES): Promise<LocalCopy> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (err) {
    return { ok: false, path, message: `cannot be read: ${describeIoError(err)}`, ...(isMissing(err) ? { missing: true as const } : {}) };
  }
  return readResolved(path, real, maxBytes);
}

/** Read `real` (the resolved form of `path`, which messages name) as a bounded regular file. */
async function readResolved(path: string, real: string, maxBytes: number): Promise<LocalCopy> {
  const fail = (message: string): LocalCopy => ({ ok: false, path, message });
  // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the last part must not have
  // become a link since it was resolved. Neither exists on Windows, where FIFOs cannot be named so.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(real, flags);
  } catch (err) {
    return fail(`cannot be read: ${describeIoError(err)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fail(info.isDirectory() ? 'is a folder, not a file' : 'is not a regular file (a device, pipe or socket); only regular files are read');
    if (info.size > maxBytes) return fail(`is too large to read: ${info.size.toLocaleString('en-GB')} bytes, over the limit of ${maxBytes.toLocaleString('en-GB')}`);
    // Read what stat promised and one byte more, so a file that grows meanwhile is noticed, not followed.
    const buffer = new Uint8Array(info.size + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, got, buffer.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > info.size) return fail('changed while it was being read');
    }
    return { ok: true, path, bytes: buffer.subarray(0, got) };
  } catch (err) {
    return fail(`cannot be read: ${describeIoError(err)}`);
  } finally {
    await handle.close().catch(() => {});
  }
}
