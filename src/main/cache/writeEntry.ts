// Writing an entry of the cache of opened files: what opening produced is laid out in blocks
// (entryCodec.ts), written atomically (a failure, a full disk included, only means it is not
// cached), then the folder is brought back under its bound.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { serialize } from 'node:v8';
import type { FileImage } from '../../shared/dataset/packDataset';
import type { Problem } from '../../shared/dataset/problems';
import { writeFileAtomic } from '../files/atomicWrite';
import { describeIoError } from '../dataset/loadDatasetFile';
import type { MeasuredFile, ReadDataset } from '../dataset/openDatasetFile';
import { evictEntries } from './cacheEntries';
import { currentColumnShape, entryHeader, HEADER_BYTES, layOut, splitColumns, type AnyTypedArray, type EntryMeta } from './entryCodec';
import { entryPath, fullStamp, sha256, type CacheConfig, type CacheNote, type EntryInfo } from './openCache';

/** What opening produced that an entry keeps: the dataset (its image however it comes) and the rows left out. */
export interface ToCache {
  readonly kind: 'opened' | 'needs-review';
  readonly dataset: ReadDataset<unknown>;
  readonly skipped: readonly Problem[];
}

/**
 * An entry being made, in two steps because the load worker hands its arrays over to main (which
 * leaves it none): what it needs is copied before that, at `prepareEntry` for the columns and at
 * `withImage` for the file image (and the file's bytes, `raw`, hashed then unless `sourceHash`
 * says their SHA-256 already); `write` then writes it while the timeline shows.
 */
export interface PreparedEntry {
  withImage(image: FileImage): { write(): Promise<CacheNote> };
}

export function prepareEntry(
  config: CacheConfig,
  key: string,
  measured: MeasuredFile,
  raw: Uint8Array,
  sourceHash: string | undefined,
  opened: ToCache,
  options: { readonly copy: boolean }
): PreparedEntry {
  const { dataset } = opened;
  const copyOf = <A extends AnyTypedArray>(a: A): A => (options.copy ? (a.slice() as A) : a);
  const columns = splitColumns(dataset.columns, 1);
  const arrays = columns.arrays.map(copyOf);
  const info: EntryInfo = {
    header: dataset.header,
    control: dataset.control,
    warnings: dataset.warnings,
    skipped: opened.skipped,
    bytes: dataset.bytes,
    format: dataset.format,
    ...(dataset.mapping ? { mapping: dataset.mapping } : {}),
    rows: dataset.rows
  };
  const infoBytes = new Uint8Array(serialize(info));
  const fromFile = (image: FileImage): boolean => image.bytes.buffer === raw.buffer;
  return {
    withImage(written) {
      // Hashed now, after the open (not on its way), and before the file's bytes may be handed over with the image.
      const fileHash = sourceHash ?? sha256(raw);
      const inFile = fromFile(written);
      const imageAt = { offset: written.bytes.byteOffset - raw.byteOffset, length: written.bytes.byteLength };
      const ranges = copyOf(written.ranges);
      const bytes = inFile ? undefined : copyOf(written.bytes);
      return {
        async write() {
          try {
            const blocks: AnyTypedArray[] = [infoBytes, ...arrays, ranges, ...(bytes ? [bytes] : [])];
            const meta: Omit<EntryMeta, 'blocks'> = {
              stamp: fullStamp(config),
              columnShape: currentColumnShape(),
              key,
              source: { size: measured.size, mtimeMs: measured.mtimeMs, sha256: fileHash },
              kind: opened.kind,
              info: 0,
              columns: columns.shape,
              ranges: 1 + arrays.length,
              image: bytes ? { block: 2 + arrays.length, sha256: sha256(bytes) } : { file: imageAt }
            };
            return await writeEntry(config, key, meta, blocks, measured.file.displayName);
          } catch (err) {
            return { stored: false, message: `${measured.file.displayName} was not cached: ${err instanceof Error ? err.message : String(err)}` };
          }
        }
      };
    }
  };
}

async function writeEntry(config: CacheConfig, key: string, meta: Omit<EntryMeta, 'blocks'>, blocks: readonly AnyTypedArray[], displayName: string): Promise<CacheNote> {
  const { body } = layOut(meta, blocks);
  const size = HEADER_BYTES + body.reduce((n, b) => n + b.byteLength, 0);
  const name = { displayName };
  if (size > config.maxBytes) return { stored: false, message: `${name.displayName} was not cached: ${size.toLocaleString('en-GB')} bytes is more than the cache may hold` };
  // The checksum leaves out an image block (the last chunk): that has its own, checked when it is read.
  const hash = createHash('sha256');
  for (const chunk of 'block' in meta.image ? body.slice(0, -1) : body) hash.update(chunk);
  const header = entryHeader(body[0]!.byteLength, size - HEADER_BYTES, hash.digest());
  try {
    await mkdir(config.dir, { recursive: true });
  } catch (err) {
    return { stored: false, message: `${name.displayName} was not cached: ${config.dir} could not be made (${describeIoError(err)})` };
  }
  const path = entryPath(config, key);
  const written = await writeFileAtomic(path, [header, ...body]);
  if (!written.ok) return { stored: false, message: `${name.displayName} was not cached: ${written.message}` };
  const evicted = await evictEntries(config, path);
  return { stored: true, message: `cached ${name.displayName} (${(size / 1e6).toFixed(1)} MB${evicted > 0 ? `; ${evicted} least recently used ${evicted === 1 ? 'entry' : 'entries'} dropped` : ''})` };
}
