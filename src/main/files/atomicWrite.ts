// Writing a file so that a crash, a kill or a full disk half-way never leaves it truncated and
// never destroys what was there: write a temporary file in the same folder, flush it to disk,
// then rename it over the target (atomic on one file system). Leftovers of ours are swept.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeIoError } from '../dataset/loadDatasetFile';

const TEMP_MARK = '.frontline-tmp-';

export type WriteResult = { ok: true; path: string; bytes: number } | { ok: false; path: string; message: string };

/** Name of the temporary file for `target`: hidden, in the same folder, recognisably ours. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Write `data` (chunks, written in order) to `target` atomically. Success is reported only after
 * every byte is on disk and the rename is done; on failure the target is untouched, the temporary
 * file is removed and the message names the path and the reason.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string | Iterable<Uint8Array | string>): Promise<WriteResult> {
  const temp = tempPathFor(target);
  let handle: FileHandle | undefined;
  let bytes = 0;
  try {
    handle = await open(temp, 'wx', 0o644);
    const chunks = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
    for (const chunk of chunks) {
      bytes += await writeAll(handle, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, bytes);
    }
    // What the file system holds must be what we meant to write, whatever write() said.
    const { size } = await handle.stat();
    if (size !== bytes) throw incomplete(`${size} of ${bytes} bytes were written`);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
    await syncFolder(dirname(target));
    return { ok: true, path: target, bytes };
  } catch (err) {
    await handle?.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    return { ok: false, path: target, message: `${target} could not be written: ${describeIoError(err)}` };
  }
}

/**
 * Write all of `buffer` at `position`. write() may write fewer bytes than asked without an error
 * (a disk filling up does this), so loop until every byte is written; a write that makes no
 * progress means the disk takes no more.
 */
async function writeAll(handle: FileHandle, buffer: Uint8Array, position: number): Promise<number> {
  let done = 0;
  while (done < buffer.byteLength) {
    const { bytesWritten } = await handle.write(buffer, done, buffer.byteLength - done, position + done);
    if (!(bytesWritten > 0)) throw incomplete('no more bytes could be written');
    done += bytesWritten;
  }
  return done;
}

/** A write the file system cut short without an error: reported as a full disk, which it almost always is. */
function incomplete(detail: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`the disk is full (${detail})`), { code: 'ENOSPC' });
}

/** Make the rename durable (POSIX); folders cannot be opened for this on Windows, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const dir = await open(folder, 'r');
    await dir.sync().catch(() => {});
    await dir.close();
  } catch {
    // Not supported here: the rename itself is still atomic.
  }
}

/** Remove temporary files of ours older than `olderThanMs` left in `folder` by a crash. */
export async function sweepTempFiles(folder: string, olderThanMs = 60 * 60 * 1000): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.includes(TEMP_MARK)) continue;
    const path = join(folder, name);
    try {
      const info = await stat(path);
      if (now - info.mtimeMs > olderThanMs) {
        await rm(path, { force: true });
        removed++;
      }
    } catch {
      // Gone already, or not ours to touch.
    }
  }
  return removed;
}
