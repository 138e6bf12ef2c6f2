// A cache entry that cannot be written (the disk fills up while it is written: short writes stood
// in for) never fails the open: the file opens as it would have, the log says why it was not
// cached, no entry and no temporary file are left, and an entry that was there stays whole.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { shortWrites } from '../../../tests/support/shortWrites';
import { inlineCachedLoader, inlineRunLoad } from '../dataset/datasetService';
import { datasetOf } from '../dataset/openDatasetFile';
import type { CacheConfig } from './openCache';

vi.mock('node:fs/promises', async (real) => (await import('../../../tests/support/shortWrites')).withShortWrites(await real()));

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const never = new AbortController().signal;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-cache-full-'));
});
afterEach(() => shortWrites.clear());
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('a full disk while an entry is written', () => {
  it('the open succeeds as without a cache; nothing is left in the cache folder', async () => {
    const cache: CacheConfig = { dir: join(tmp, 'cache'), maxBytes: 1024 ** 3, stamp: 'test' };
    const path = join(tmp, 'full.frontline');
    await copyFile(BUNDLED, path);
    const log: string[] = [];
    const loader = inlineCachedLoader(cache, (m) => log.push(m));
    shortWrites.set({ perCall: 4096, capacity: 20_000 });
    const outcome = await loader.runLoad({ path, displayName: 'full.frontline' }, () => {}, never);
    await loader.idle();
    expect(shortWrites.calls).toBeGreaterThan(0);
    expect(outcome.kind).toBe('opened');
    const plain = await inlineRunLoad({ path, displayName: 'full.frontline' }, () => {}, never);
    expect(datasetOf(outcome)?.dataset.columns).toEqual(datasetOf(plain)?.dataset.columns);
    expect(log.at(-1)).toMatch(/^full\.frontline was not cached: .* could not be written: the disk is full/);
    expect(await readdir(cache.dir)).toEqual([]);
  });

  it('an entry already there stays whole, and still serves the file', async () => {
    const cache: CacheConfig = { dir: join(tmp, 'cache2'), maxBytes: 1024 ** 3, stamp: 'test' };
    await mkdir(cache.dir);
    const path = join(tmp, 'kept.frontline');
    await copyFile(BUNDLED, path);
    const log: string[] = [];
    const loader = inlineCachedLoader(cache, (m) => log.push(m));
    await loader.runLoad({ path, displayName: 'kept.frontline' }, () => {}, never);
    await loader.idle();
    const [entry] = await readdir(cache.dir);
    const before = await readFile(join(cache.dir, entry!));
    // The file is touched (so its entry is stale and written again), and the disk is full.
    const later = new Date(Date.now() + 60_000);
    await utimes(path, later, later);
    shortWrites.set({ perCall: 4096, capacity: 10_000 });
    expect((await loader.runLoad({ path, displayName: 'kept.frontline' }, () => {}, never)).kind).toBe('opened');
    await loader.idle();
    expect(log.at(-1)).toMatch(/the disk is full/);
    expect(await readdir(cache.dir)).toEqual([entry]);
    expect(Buffer.compare(await readFile(join(cache.dir, entry!)), before)).toBe(0);
  });
});
