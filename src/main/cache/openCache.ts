// The cache of opened files, in a folder of its own: one entry per file and way of reading it,
// holding what opening it produced (checked columns, header, warnings, rows left out, file image).
// An entry serves only the same file unchanged (size, time and SHA-256 of its bytes) read the same
// way by the same build; anything else (stale, corrupt, foreign) is a miss, never an error (see
// readEntry.ts); entries are written after the open (writeEntry.ts) and the folder is kept under a
// size bound by dropping the least recently used (cacheEntries.ts). This module: what the cache is
// configured with, and what names an entry.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Problem } from '../../shared/dataset/problems';
import type { OpenRequest, ReadDataset } from '../dataset/openDatasetFile';

export interface CacheConfig {
  /** The folder the entries live in (made when the first is written). */
  readonly dir: string;
  /** Bytes all entries may take together; the least recently used go first. */
  readonly maxBytes: number;
  /** Who writes the entries (app version and build): an entry with another stamp is foreign. */
  readonly stamp: string;
}

/** Two gigabytes: a few files of a million events (about 600 MB each with their image). */
export const DEFAULT_CACHE_BYTES = 2 * 1024 ** 3;

/** Entries are named after their key's hash, with this ending. */
export const ENTRY_SUFFIX = '.fcache';
/** What writeFileAtomic's temporary files carry in their name. */
export const TEMP_MARK = '.frontline-tmp-';

/** What a cache step came to, for the log. */
export interface CacheNote {
  readonly stored: boolean;
  readonly message: string;
}

/** A dataset as the cache holds it: what opening produced, with the rows left out. */
export interface CachedDataset {
  readonly kind: 'opened' | 'needs-review';
  /** Its file image at once (a native file's, from the file) or read when asked for (an import's). */
  readonly dataset: ReadDataset;
  readonly skipped: readonly Problem[];
}

/** The rest of a dataset (besides columns and image), as one V8-serialised block. */
export interface EntryInfo {
  readonly header: ReadDataset['header'];
  /** The capture and control events' records (plain objects: V8-serialised with the rest). */
  readonly control: ReadDataset['control'];
  readonly warnings: Problem[];
  readonly skipped: readonly Problem[];
  readonly bytes: number;
  readonly format: ReadDataset['format'];
  readonly mapping?: ReadDataset['mapping'];
  readonly rows: ReadDataset['rows'];
}

/** Keys sorted, at every level: the same request always says the same thing. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
    );
  }
  return value;
}

/**
 * What an entry is for: the file (its absolute path, and the name problems give it) and the whole
 * request (format as told, mapping, strict, and any option added later), so a file read another
 * way never gets this way's result.
 */
export function entryKey(path: string, displayName: string, request: OpenRequest & { readonly format: string }): string {
  return JSON.stringify(canonical({ path: resolve(path), displayName, request: { ...request, ...(request.strict === true ? {} : { strict: undefined }) } }));
}

export function entryPath(config: CacheConfig, key: string): string {
  return join(config.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}${ENTRY_SUFFIX}`);
}

/** The stamp entries are written with and checked against: the config's, the layout's and V8's. */
export function fullStamp(config: CacheConfig): string {
  return `${config.stamp}|v8 ${process.versions.v8}`;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
