// The entries of the cache of opened files as files: marking one as used, dropping the least
// recently used past the bound, how much the cache holds, and clearing it (File > Clear Cache).
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { ENTRY_SUFFIX, TEMP_MARK, type CacheConfig } from './openCache';

/** Mark an entry as just used (the least recently used go first). */
export async function touchEntry(path: string): Promise<void> {
  const now = new Date();
  await utimes(path, now, now).catch(() => {});
}

/** The entries in the folder, most recently used first. */
async function listEntries(dir: string): Promise<{ path: string; size: number; used: number }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const entries = [];
  for (const name of names) {
    if (!name.endsWith(ENTRY_SUFFIX) || name.includes(TEMP_MARK)) continue;
    try {
      const info = await stat(join(dir, name));
      if (info.isFile()) entries.push({ path: join(dir, name), size: info.size, used: info.mtimeMs });
    } catch {
      // Gone meanwhile.
    }
  }
  return entries.sort((a, b) => b.used - a.used);
}

/**
 * Drop the least recently used entries until the rest fit in the bound, never `keep` (the one
 * just written). Returns how many were dropped.
 */
export async function evictEntries(config: CacheConfig, keep?: string): Promise<number> {
  const entries = await listEntries(config.dir);
  let total = entries.reduce((n, e) => n + e.size, 0);
  let dropped = 0;
  for (const entry of [...entries].reverse()) {
    if (total <= config.maxBytes) break;
    if (entry.path === keep) continue;
    await rm(entry.path, { force: true }).catch(() => {});
    total -= entry.size;
    dropped++;
  }
  return dropped;
}

/** What the cache holds. */
export async function cacheUsage(dir: string): Promise<{ entries: number; bytes: number }> {
  const entries = await listEntries(dir);
  return { entries: entries.length, bytes: entries.reduce((n, e) => n + e.size, 0) };
}

/** Remove every entry (and our temporary files): what was removed. */
export async function clearCache(dir: string): Promise<{ entries: number; bytes: number }> {
  const entries = await listEntries(dir);
  let bytes = 0;
  let removed = 0;
  for (const entry of entries) {
    try {
      await rm(entry.path);
      bytes += entry.size;
      removed++;
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    // No folder: nothing cached.
  }
  for (const name of names) if (name.includes(TEMP_MARK)) await rm(join(dir, name), { force: true }).catch(() => {});
  return { entries: removed, bytes };
}
