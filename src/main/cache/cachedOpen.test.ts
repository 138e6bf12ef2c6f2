// The cache of opened files, through the inline loader the e2e bridge uses: a second open of an
// unchanged file comes from it with the same result; a touched or edited file (same size and time
// too), a truncated, flipped or foreign entry, or another way of reading the file is a miss that
// opens the file itself and writes the entry again; least recently used entries go first; clearing
// empties it; a failed cache write never fails the open.
import { mkdirSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAcledCsv } from '../../../tests/support/syntheticAcled';
import type { FileRef } from '../../shared/ipc/contract';
import { inlineCachedLoader, inlineRunLoad, type PendingImage } from '../dataset/datasetService';
import { datasetOf, type OpenRequest, type ReadOutcome } from '../dataset/openDatasetFile';
import { entryHeader, HEADER_BYTES } from './entryCodec';
import { cacheUsage, clearCache } from './cacheEntries';
import type { CacheConfig } from './openCache';
import { readHashed } from './readEntry';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const INVALID_REFS = fileURLToPath(new URL('../../../tests/fixtures/invalid-refs.frontline', import.meta.url));
const HOSTILE = fileURLToPath(new URL('../../../tests/fixtures/hostile.frontline', import.meta.url));
const GENERIC = fileURLToPath(new URL('../../../tests/fixtures/import/generic-comma.csv', import.meta.url));

let tmp: string;
let n = 0;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-cache-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const never = new AbortController().signal;
const ref = (path: string, displayName = path.split('/').at(-1)!): FileRef => ({ path, displayName });

/** A cache of its own (and a folder for files), with a loader through it that logs what the cache did. */
function setup(config: Partial<CacheConfig> = {}) {
  const dir = join(tmp, `c${n++}`);
  mkdirSync(dir);
  const cache: CacheConfig = { dir: join(dir, 'cache'), maxBytes: 1024 ** 3, stamp: 'test', ...config };
  const log: string[] = [];
  const loader = inlineCachedLoader(cache, (m) => log.push(m));
  /** Open through the cache and wait until its entry is written. */
  const open = async (file: FileRef, request?: OpenRequest): Promise<ReadOutcome<PendingImage>> => {
    const outcome = await loader.runLoad(file, () => {}, never, request);
    await loader.idle();
    return outcome;
  };
  return { dir, cache, log, open, loader };
}

/** What opened, in a form to compare (the image read now). */
async function contents(outcome: ReadOutcome<PendingImage>) {
  const read = datasetOf(outcome);
  if (!read) throw new Error(`expected a dataset, got ${JSON.stringify(outcome).slice(0, 300)}`);
  const { image, fromCache, ...rest } = read.dataset;
  const written = await image.ready();
  return { kind: outcome.kind, file: outcome.file, skipped: read.skipped, fromCache, dataset: rest, bytes: Buffer.from(written.bytes), ranges: written.ranges };
}

/** Without the cache, as the app opened files before it. */
async function plain(file: FileRef, request?: OpenRequest) {
  return contents(await inlineRunLoad(file, () => {}, never, request));
}

async function copyTo(dir: string, from: string, name: string): Promise<string> {
  const path = join(dir, name);
  await copyFile(from, path);
  return path;
}

async function entries(cache: CacheConfig): Promise<string[]> {
  return (await readdir(cache.dir).catch(() => [] as string[])).filter((f) => f.endsWith('.fcache')).map((f) => join(cache.dir, f));
}

async function onlyEntry(cache: CacheConfig): Promise<string> {
  const all = await entries(cache);
  expect(all).toHaveLength(1);
  return all[0]!;
}

describe('a file opened again', () => {
  it.each([
    ['a native file', BUNDLED, {}],
    ['a native file with warnings', HOSTILE, {}],
    ['a native file with events to review', INVALID_REFS, {}],
    ['a generic table read with a mapping', GENERIC, { format: 'csv', mapping: { date: 1, title: 3 } }]
  ] as const)('%s: the second open comes from the cache, with the same result as opening it afresh', async (_what, fixture, request) => {
    const { dir, open, log, cache } = setup();
    const file = ref(await copyTo(dir, fixture, fixture.split('/').at(-1)!));
    const first = await contents(await open(file, request));
    expect(first.fromCache).toBe(false);
    expect(log).toEqual([`${file.displayName} not from the cache: no entry yet`, expect.stringMatching(new RegExp(`^cached ${file.displayName.replace('.', '\\.')} \\(`))]);
    await onlyEntry(cache);
    const second = await contents(await open(file, request));
    expect(second.fromCache).toBe(true);
    expect(log.at(-1)).toBe(`opened ${file.displayName} from the cache`);
    expect({ ...second, fromCache: false }).toEqual(first);
    expect({ ...second, fromCache: false }).toEqual(await plain(file, request));
  });

  it('an import (an ACLED export): its converted file image comes from the cache too', async () => {
    const { dir, open } = setup();
    const path = join(dir, 'acled.csv');
    await writeFile(path, syntheticAcledCsv(300, 4));
    const first = await contents(await open(ref(path)));
    expect(first.dataset.format).toBe('acled');
    const second = await contents(await open(ref(path)));
    expect(second.fromCache).toBe(true);
    expect({ ...second, fromCache: false }).toEqual(first);
  });

  it('every column of EventColumns comes back whole, of its type, and no other', async () => {
    const { dir, open } = setup();
    const path = await copyTo(dir, BUNDLED, 'columns.frontline');
    const first = await contents(await open(ref(path)));
    const second = await contents(await open(ref(path)));
    expect(second.fromCache).toBe(true);
    const walk = (a: object, b: object, at: string): void => {
      expect(Object.keys(b), at).toEqual(Object.keys(a));
      for (const [key, value] of Object.entries(a)) {
        const back = (b as Record<string, unknown>)[key];
        if (ArrayBuffer.isView(value)) {
          expect(back?.constructor, `${at}.${key}`).toBe(value.constructor);
          expect(back, `${at}.${key}`).toEqual(value);
          // Each array in a buffer of its own (handed to main and on to the window as it is).
          expect((back as Uint8Array).byteOffset, `${at}.${key}`).toBe(0);
        } else if (value !== null && typeof value === 'object') walk(value, back as object, `${at}.${key}`);
        else expect(back, `${at}.${key}`).toBe(value);
      }
    };
    walk(first.dataset.columns, second.dataset.columns, 'columns');
    expect(first.dataset.columns.count).toBe(BUNDLED_EVENT_COUNT);
  });
});

describe('never trusted over the file', () => {
  it('a file touched since (a new time) opens afresh, and is cached again', async () => {
    const { dir, open, log } = setup();
    const path = await copyTo(dir, BUNDLED, 'touched.frontline');
    await open(ref(path));
    const later = new Date(Date.now() + 60_000);
    await utimes(path, later, later);
    expect((await contents(await open(ref(path)))).fromCache).toBe(false);
    expect(log).toContain('touched.frontline not from the cache: its entry is stale (the file changed)');
    expect((await contents(await open(ref(path)))).fromCache).toBe(true);
  });

  it('a byte changed with the size and the time as they were: the hash catches it', async () => {
    const { dir, open, log } = setup();
    const path = await copyTo(dir, BUNDLED, 'edited.frontline');
    // A time in whole seconds, which utimes sets exactly.
    const when = new Date(Math.floor(Date.now() / 1000) * 1000 - 3600_000);
    await utimes(path, when, when);
    const first = await contents(await open(ref(path)));
    const before = await stat(path);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('IS loses Deir al-Zour and al-Qaim', 'IS loses Deir al-Zour and al-Qaix'));
    await utimes(path, when, when);
    const after = await stat(path);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const second = await contents(await open(ref(path)));
    expect(second.fromCache).toBe(false);
    expect(log).toContain('edited.frontline not from the cache: its entry is stale (the file has other content)');
    expect(second.dataset.header.metadata.title).toBe('IS loses Deir al-Zour and al-Qaix');
    expect(first.dataset.header.metadata.title).toBe('IS loses Deir al-Zour and al-Qaim');
  });

  it('the same file read another way (format, mapping, strict, name) has an entry of its own', async () => {
    const { dir, open, cache } = setup();
    const native = await copyTo(dir, INVALID_REFS, 'refs.frontline');
    expect((await open(ref(native))).kind).toBe('needs-review');
    expect((await open(ref(native), { strict: true })).kind).toBe('failed');
    expect((await contents(await open(ref(native, 'Other name.frontline')))).fromCache).toBe(false);
    expect((await contents(await open(ref(native), { format: 'native' }))).fromCache).toBe(true);
    const csv = await copyTo(dir, GENERIC, 'table.csv');
    await open(ref(csv), { format: 'csv', mapping: { date: 1, title: 3 } });
    const other = await contents(await open(ref(csv), { format: 'csv', mapping: { date: 1, title: 4 } }));
    expect(other.fromCache).toBe(false);
    expect((await contents(await open(ref(csv), { mapping: { title: 3, date: 1 }, format: 'csv' }))).fromCache).toBe(true);
    // refs (detected = native), refs under another name, table with two mappings.
    expect(await entries(cache)).toHaveLength(4);
  });
});

describe('a damaged or foreign entry is ignored, and written again', () => {
  /** Open a file once (writing its entry), damage the entry, then open it again twice. */
  async function damaged(damage: (entry: string) => Promise<void>, config: Partial<CacheConfig> = {}) {
    const { dir, open, log, cache } = setup(config);
    const path = await copyTo(dir, BUNDLED, 'damaged.frontline');
    const first = await contents(await open(ref(path)));
    const entry = await onlyEntry(cache);
    await damage(entry);
    const second = await contents(await open(ref(path)));
    const third = await contents(await open(ref(path)));
    return { first, second, third, log };
  }

  const flip = (at: (size: number, bytes: Buffer) => number) => async (entry: string) => {
    const bytes = await readFile(entry);
    const i = at(bytes.length, bytes);
    bytes[i] = bytes[i]! ^ 0x40;
    await writeFile(entry, bytes);
  };

  it.each([
    ['truncated', async (entry: string) => truncate(entry, (await stat(entry)).size - 1000), 'truncated or extended'],
    ['cut to its header', async (entry: string) => truncate(entry, 30), 'shorter than its header'],
    ['a byte flipped in the middle of the columns', flip((size) => Math.floor(size * 0.6)), 'corrupt (its checksum does not match)'],
    ['a byte flipped in the last block', flip((size) => size - 3), 'corrupt (its checksum does not match)'],
    ['a byte flipped in its checksum', flip(() => 30), 'corrupt (its checksum does not match)'],
    ['a byte flipped in its magic', flip(() => 2), 'not a cache entry'],
    ['a byte flipped in its description', flip(() => HEADER_BYTES), 'unreadable'],
    ['something else entirely', async (entry: string) => writeFile(entry, 'not an entry at all, but long enough to have a header of sorts. '.repeat(4)), 'not a cache entry']
  ] as const)('%s: opened from the file itself, with the same result', async (_what, damage, why) => {
    const { first, second, third, log } = await damaged(damage);
    expect(second.fromCache).toBe(false);
    expect(log.some((l) => l.startsWith('damaged.frontline not from the cache: its entry is') && l.includes(why))).toBe(true);
    expect(second).toEqual(first);
    // Written again: the next open comes from it.
    expect(third.fromCache).toBe(true);
    expect({ ...third, fromCache: false }).toEqual(first);
  });

  it("an import's image damaged in its entry: the timeline from the entry, the image made from the file again, the entry written afresh next time", async () => {
    const { dir, open, cache, log } = setup();
    const path = join(dir, 'acled.csv');
    await writeFile(path, syntheticAcledCsv(200, 5));
    const first = await contents(await open(ref(path)));
    const entry = await onlyEntry(cache);
    // The image is the entry's last block: flip a byte near its end.
    const bytes = await readFile(entry);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x40;
    await writeFile(entry, bytes);
    const second = await contents(await open(ref(path)));
    expect(second.fromCache).toBe(true);
    expect({ ...second, fromCache: false }).toEqual(first);
    expect(await entries(cache)).toEqual([]);
    const third = await contents(await open(ref(path)));
    expect(third.fromCache).toBe(false);
    expect(log.at(-2)).toBe('acled.csv not from the cache: no entry yet');
    expect((await contents(await open(ref(path)))).fromCache).toBe(true);
  });

  it('an entry of another version (stamp) is foreign', async () => {
    const { dir, cache } = setup({ stamp: 'version 1' });
    const path = await copyTo(dir, BUNDLED, 'foreign.frontline');
    const older = inlineCachedLoader(cache);
    await older.runLoad(ref(path), () => {}, never);
    await older.idle();
    const log: string[] = [];
    const newer = inlineCachedLoader({ ...cache, stamp: 'version 2' }, (m) => log.push(m));
    const second = await contents(await newer.runLoad(ref(path), () => {}, never));
    await newer.idle();
    expect(second.fromCache).toBe(false);
    expect(log[0]).toBe('foreign.frontline not from the cache: its entry is written by another version');
    expect((await contents(await newer.runLoad(ref(path), () => {}, never))).fromCache).toBe(true);
  });

  /** Rewrite the entry's description with `edit`, its checksum made right (as another build would have written it). */
  const rewritten = (edit: (meta: Record<string, unknown>) => void, layout?: number) => async (entry: string) => {
    const bytes = await readFile(entry);
    const metaLength = bytes.readUInt32LE(12);
    const meta = JSON.parse(bytes.subarray(HEADER_BYTES, HEADER_BYTES + metaLength).toString('utf8')) as Record<string, unknown>;
    edit(meta);
    const newMeta = Buffer.from(JSON.stringify(meta));
    expect(newMeta.length).toBe(metaLength);
    const body = Buffer.concat([newMeta, bytes.subarray(HEADER_BYTES + metaLength)]);
    const header = Buffer.from(entryHeader(metaLength, body.length, createHash('sha256').update(body).digest()));
    if (layout !== undefined) header.writeUInt32LE(layout, 8);
    await writeFile(entry, Buffer.concat([header, body]));
  };

  it.each([
    ['written with other columns (an older build)', rewritten((m) => (m.columnShape = String(m.columnShape).replace('count:number', 'count:string'))), 'of another set of columns'],
    ['of another entry layout', rewritten(() => {}, 2), 'of another layout (2)'],
    ['for another file (a hash collision)', rewritten((m) => (m.key = String(m.key).replace('damaged.frontline', 'damaged.frontlinx'))), 'for another file']
  ] as const)('an entry %s is foreign: ignored and written again', async (_what, damage, why) => {
    const { first, second, third, log } = await damaged(damage);
    expect(second.fromCache).toBe(false);
    expect(log).toContain(`damaged.frontline not from the cache: its entry is ${why}`);
    expect(second).toEqual(first);
    expect(third.fromCache).toBe(true);
  });
});

describe('reading a file while hashing it', () => {
  it('gives its bytes (in a buffer of their own) and their SHA-256, over many chunks', async () => {
    const path = join(tmp, 'chunks.bin');
    const bytes = Buffer.alloc(20 * 1024 * 1024 + 123);
    for (let i = 0; i < bytes.length; i += 997) bytes[i] = i % 251;
    await writeFile(path, bytes);
    const read = await readHashed(path, bytes.length);
    expect(Buffer.compare(Buffer.from(read.raw), bytes)).toBe(0);
    expect(read.raw.byteOffset).toBe(0);
    expect(read.raw.buffer.byteLength).toBe(bytes.length);
    expect(read.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('a file that grew or shrank since it was measured is read whole as it is now', async () => {
    const path = join(tmp, 'changing.txt');
    await writeFile(path, 'now longer than it was');
    for (const measured of [5, 500]) {
      const read = await readHashed(path, measured);
      expect(Buffer.from(read.raw).toString()).toBe('now longer than it was');
      expect(read.sha256).toBe(createHash('sha256').update('now longer than it was').digest('hex'));
    }
  });
});

describe('bounded, least recently used out', () => {
  it('past the bound the entries used longest ago are dropped, never the one just written', async () => {
    // Room for two entries of the bundled dataset, not three.
    const probe = setup();
    await probe.open(ref(await copyTo(probe.dir, BUNDLED, 'size.frontline')));
    const entrySize = (await stat(await onlyEntry(probe.cache))).size;
    const { dir, open, cache, log } = setup({ maxBytes: Math.floor(entrySize * 2.5) });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((name) => copyTo(dir, BUNDLED, `${name}.frontline`)));
    await open(ref(a!));
    await new Promise((r) => setTimeout(r, 20));
    await open(ref(b!));
    await new Promise((r) => setTimeout(r, 20));
    // a used again: b is now the least recently used.
    expect((await contents(await open(ref(a!)))).fromCache).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    await open(ref(c!));
    expect(log.at(-1)).toMatch(/^cached c\.frontline \(.*; 1 least recently used entry dropped\)$/);
    expect((await entries(cache)).length).toBe(2);
    expect((await cacheUsage(cache.dir)).bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect((await contents(await open(ref(a!)))).fromCache).toBe(true);
    expect((await contents(await open(ref(c!)))).fromCache).toBe(true);
    expect((await contents(await open(ref(b!)))).fromCache).toBe(false);
  });

  it('an entry larger than the whole bound is not written', async () => {
    const { dir, open, cache, log } = setup({ maxBytes: 1000 });
    const path = await copyTo(dir, BUNDLED, 'big.frontline');
    expect((await open(ref(path))).kind).toBe('opened');
    expect(log.at(-1)).toMatch(/^big\.frontline was not cached: [\d,]+ bytes is more than the cache may hold$/);
    expect(await entries(cache)).toEqual([]);
  });
});

describe('clearing', () => {
  it('removes every entry and says how many and how large; the next open reads the file', async () => {
    const { dir, open, cache } = setup();
    await open(ref(await copyTo(dir, BUNDLED, 'one.frontline')));
    await open(ref(await copyTo(dir, HOSTILE, 'two.frontline')));
    const before = await cacheUsage(cache.dir);
    expect(before.entries).toBe(2);
    expect(await clearCache(cache.dir)).toEqual(before);
    expect(await entries(cache)).toEqual([]);
    expect(await clearCache(cache.dir)).toEqual({ entries: 0, bytes: 0 });
    expect((await contents(await open(ref(join(dir, 'one.frontline'))))).fromCache).toBe(false);
  });

  it('a cache never written is empty', async () => {
    expect(await clearCache(join(tmp, 'never-made'))).toEqual({ entries: 0, bytes: 0 });
  });
});

describe('a cache that cannot be written', () => {
  it('never fails the open: a file where its folder should be', async () => {
    const { dir, open, cache, log } = setup();
    await writeFile(cache.dir, 'in the way');
    const path = await copyTo(dir, BUNDLED, 'blocked.frontline');
    const outcome = await contents(await open(ref(path)));
    expect(outcome).toEqual(await plain(ref(path)));
    expect(log.at(-1)).toMatch(/^blocked\.frontline was not cached: .* could not be made/);
  });
});
