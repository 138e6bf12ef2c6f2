// Reading an entry of the cache of opened files: its description first (cheap: is it this build's,
// for this file as measured?), then, while the file itself is read and hashed, its blocks, each
// into a buffer of its own, checked against the entry's checksum; a hit only once the file's
// SHA-256 matches too. An import's file image is read (and checked) later, when asked for.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { deserialize } from 'node:v8';
import type { EventColumns } from '../../shared/dataset/columns';
import type { FileImage } from '../../shared/dataset/packDataset';
import { describeIoError } from '../dataset/loadDatasetFile';
import type { MeasuredFile, ReadDataset } from '../dataset/openDatasetFile';
import { ARRAY_TYPES, blocksStart, columnShape, currentColumnShape, HEADER_BYTES, joinColumns, parseMeta, readHeader, type AnyTypedArray, type EntryMeta } from './entryCodec';
import { entryPath, fullStamp, sha256, type CacheConfig, type CachedDataset, type EntryInfo } from './openCache';

/** The file's bytes as read, and their SHA-256. */
export interface HashedFile {
  readonly raw: Uint8Array;
  readonly sha256: string;
}

const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Read the whole of a measured file and hash it as it comes in (each chunk hashed while the next
 * is read), into a buffer of its own. A file that grew since it was measured is read whole the
 * usual way. Throws what reading throws.
 */
export async function readHashed(path: string, size: number): Promise<HashedFile> {
  const hash = createHash('sha256');
  const raw = Buffer.allocUnsafeSlow(size);
  const handle = await open(path, 'r');
  try {
    const readChunk = async (from: number): Promise<number> => {
      let done = 0;
      const length = Math.min(CHUNK_BYTES, size - from);
      while (done < length) {
        const { bytesRead } = await handle.read(raw, from + done, length - done, from + done);
        if (bytesRead === 0) return done;
        done += bytesRead;
      }
      return done;
    };
    let from = 0;
    let next = size > 0 ? readChunk(0) : undefined;
    while (next) {
      const got = await next;
      const end = from + got;
      next = end < size && got > 0 ? readChunk(end) : undefined;
      hash.update(raw.subarray(from, end));
      from = end;
      if (got === 0) break;
    }
    // Shorter or longer than measured (it changed meanwhile): read it whole as it is now.
    const extra = await handle.read(Buffer.alloc(1), 0, 1, size);
    if (from !== size || extra.bytesRead > 0) {
      const now = await readFile(path);
      return { raw: now, sha256: sha256(now) };
    }
  } finally {
    await handle.close().catch(() => {});
  }
  return { raw, sha256: hash.digest('hex') };
}

/** An entry whose description matches the file as measured: its data is still to be checked. */
export interface Probe {
  readonly path: string;
  readonly meta: EntryMeta;
  readonly metaBytes: Uint8Array;
  readonly checksum: Uint8Array;
  readonly size: number;
}

async function readExactly(handle: FileHandle, target: Uint8Array, position: number): Promise<boolean> {
  let done = 0;
  while (done < target.byteLength) {
    const { bytesRead } = await handle.read(target, done, target.byteLength - done, position + done);
    if (bytesRead === 0) return false;
    done += bytesRead;
  }
  return true;
}

/**
 * The entry for `key`, if its description says it is this build's, for this file as measured
 * (size and time): whether its content still matches is checked by readEntry. A miss says why.
 */
export async function probeEntry(config: CacheConfig, key: string, measured: MeasuredFile): Promise<Probe | { miss: string }> {
  const path = entryPath(config, key);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return { miss: 'absent' };
  }
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(HEADER_BYTES);
    if (!(await readExactly(handle, head, 0))) return { miss: 'shorter than its header' };
    const header = readHeader(head, size);
    if ('miss' in header) return header;
    const metaBytes = new Uint8Array(header.metaLength);
    if (!(await readExactly(handle, metaBytes, HEADER_BYTES))) return { miss: 'truncated' };
    const meta = parseMeta(metaBytes);
    if ('miss' in meta) return meta;
    if (meta.stamp !== fullStamp(config)) return { miss: 'written by another version' };
    if (meta.columnShape !== currentColumnShape()) return { miss: 'of another set of columns' };
    if (meta.key !== key) return { miss: 'for another file' };
    if (meta.source.size !== measured.size || meta.source.mtimeMs !== measured.mtimeMs) return { miss: 'stale (the file changed)' };
    return { path, meta, metaBytes, checksum: header.checksum, size };
  } catch (err) {
    return { miss: `unreadable (${describeIoError(err)})` };
  } finally {
    await handle.close().catch(() => {});
  }
}

/** An entry's blocks read and checked against its checksum (all but an import's image). */
export interface EntryBlocks {
  readonly arrays: readonly AnyTypedArray[];
}

/**
 * Read an entry's blocks, each into a buffer of its own, and check them against the entry's
 * checksum (an import's image, the last block, is left for later). A miss says why; nothing here
 * throws. Runs while the file itself is read and hashed: see cachedOpen.
 */
export async function readBlocks(probe: Probe): Promise<EntryBlocks | { miss: string }> {
  const { meta } = probe;
  const imageBlock = 'block' in meta.image ? meta.image.block : -1;
  if (imageBlock !== -1 && imageBlock !== meta.blocks.length - 1) return { miss: 'of another shape' };
  let handle: FileHandle | undefined;
  try {
    handle = await open(probe.path, 'r');
    const hash = createHash('sha256').update(probe.metaBytes);
    let position = HEADER_BYTES + probe.metaBytes.length;
    const start = blocksStart(probe.metaBytes.length);
    const arrays: AnyTypedArray[] = [];
    for (const [i, block] of meta.blocks.entries()) {
      const from = start + block.offset;
      if (from < position) return { miss: 'of overlapping blocks' };
      const gap = new Uint8Array(from - position);
      if (!(await readExactly(handle, gap, position))) return { miss: 'truncated' };
      hash.update(gap);
      const Type = ARRAY_TYPES[block.type];
      const end = from + block.length * Type.BYTES_PER_ELEMENT;
      if (end > probe.size) return { miss: 'truncated' };
      if (i === imageBlock) {
        // Read later, when needed; it must end the entry.
        if (end !== probe.size || block.type !== 'Uint8Array') return { miss: 'of another length' };
        position = end;
        break;
      }
      // Each array in a buffer of its own, read straight from the entry (transferable as it is).
      const array = new Type(block.length);
      const bytes = new Uint8Array(array.buffer);
      if (!(await readExactly(handle, bytes, from))) return { miss: 'truncated' };
      hash.update(bytes);
      arrays.push(array);
      position = end;
    }
    if (position !== probe.size) return { miss: 'of another length' };
    if (!Buffer.from(hash.digest()).equals(probe.checksum)) return { miss: 'corrupt (its checksum does not match)' };
    return { arrays };
  } catch (err) {
    return { miss: `unreadable (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    await handle?.close().catch(() => {});
  }
}

/**
 * The dataset an entry holds, once the file's content (`raw`, whose SHA-256 is `sourceHash`)
 * matches it; the image of a native file is the file's bytes, not kept twice. An import's image is
 * read when asked for, and checked then: should it not check out, `rebuild` makes it from the file
 * again (and the entry goes, to be written afresh next time). A miss says why.
 */
export function assemble(probe: Probe, blocks: EntryBlocks, raw: Uint8Array, sourceHash: string, rebuild: () => FileImage): CachedDataset | { miss: string } {
  const { meta } = probe;
  if (sourceHash !== meta.source.sha256) return { miss: 'stale (the file has other content)' };
  const { arrays } = blocks;
  const infoBlock = arrays[meta.info];
  const ranges = arrays[meta.ranges];
  if (!(infoBlock instanceof Uint8Array) || !(ranges instanceof Uint32Array) || ranges.length % 2 !== 0) return { miss: 'of another shape' };
  const info = deserialize(infoBlock) as EntryInfo;
  // An entry from before control records were kept has none: made afresh, never opened without them.
  if (typeof info.control?.count !== 'number' || !(info.control.sourceIndex instanceof Uint32Array)) return { miss: 'of another shape' };
  // Likewise an entry whose header has no links (written before links were kept): never opened without them.
  if (!Array.isArray((info.header as { links?: unknown } | undefined)?.links)) return { miss: 'of another shape' };
  const columns: EventColumns = joinColumns(meta.columns, arrays);
  if (columnShape(columns) !== currentColumnShape()) return { miss: 'of another set of columns' };
  let image: ReadDataset['image'];
  let imageLength: number;
  if ('block' in meta.image) {
    const spec = meta.blocks[meta.image.block]!;
    imageLength = spec.length;
    image = laterImage(probe.path, blocksStart(probe.metaBytes.length) + spec.offset, spec.length, meta.image.sha256, ranges, rebuild);
  } else {
    const { offset, length } = meta.image.file;
    if (offset < 0 || offset + length > raw.byteLength) return { miss: 'of another shape' };
    imageLength = length;
    image = { bytes: raw.subarray(offset, offset + length), ranges };
  }
  // Every event's range lies in the image (details read them).
  for (let i = 1; i < ranges.length; i += 2) if (ranges[i]! > imageLength || ranges[i - 1]! > ranges[i]!) return { miss: 'of another shape' };
  const { skipped, ...rest } = info;
  return { kind: meta.kind, skipped, dataset: { ...rest, columns, image, fromCache: true } };
}

/**
 * An import's file image, read from its entry when asked for (after the timeline shows, like an
 * import's image written afresh) and checked against its SHA-256. Read synchronously: it is asked
 * for in the load worker (or in tests), never on main's event loop.
 */
function laterImage(path: string, at: number, length: number, expected: string, ranges: Uint32Array, rebuild: () => FileImage): () => FileImage {
  return () => {
    const bytes = new Uint8Array(length);
    try {
      const fd = openSync(path, 'r');
      try {
        let done = 0;
        while (done < length) {
          const read = readSync(fd, bytes, done, length - done, at + done);
          if (read === 0) break;
          done += read;
        }
        if (done === length && sha256(bytes) === expected) return { bytes, ranges };
      } finally {
        closeSync(fd);
      }
    } catch {
      // Unreadable: made afresh below.
    }
    // Damaged since it was checked: made from the file again (it has not changed: its hash was
    // checked), and the entry goes, to be written afresh by the next open.
    rmSync(path, { force: true });
    return rebuild();
  };
}
