// SettingsStore: defaults without a file; a corrupt file set aside (never overwritten) with
// defaults used; the recent list first-in, once each, at most ten, missing files kept as
// unavailable; saves written atomically and in order.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECENT, SettingsStore } from './settingsStore';

let tmp: string;
let n = 0;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-settings-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = join(tmp, `t${n++}`);
  await mkdir(dir);
  return dir;
}

/** Existing files to put on the list. */
async function files(dir: string, count: number): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `f${i}.frontline`);
    await writeFile(path, '{}');
    paths.push(path);
  }
  return paths;
}

const FIXED = new Date('2026-03-04T05:06:07.089Z');

describe('loading', () => {
  it('no file: defaults, no notice, and nothing written', async () => {
    const dir = await folder();
    const store = new SettingsStore(join(dir, 'settings.json'));
    await store.load();
    expect(store.settings).toEqual({ version: 1, recentFiles: [] });
    expect(store.notice).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads a valid file, keeping keys it does not know', async () => {
    const dir = await folder();
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ version: 1, recentFiles: ['/a.csv', '/b.csv', '/a.csv'], theme: 'dark' }));
    const store = new SettingsStore(file);
    await store.load();
    expect(store.settings).toEqual({ version: 1, recentFiles: ['/a.csv', '/b.csv'], theme: 'dark' });
    await store.addRecent('/c.csv');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, recentFiles: ['/c.csv', '/a.csv', '/b.csv'], theme: 'dark' });
  });

  it.each([
    ['not JSON', '{"version": 1, "recentFiles": ['],
    ['the wrong shape', JSON.stringify({ version: 1, recentFiles: 'all of them' })],
    ['a newer version', JSON.stringify({ version: 2, recentFiles: [] })],
    ['a list of numbers', JSON.stringify({ recentFiles: [1, 2] })],
    ['an array', '[]'],
    ['empty', '']
  ])('a corrupt file (%s) is set aside as settings.json.corrupt-<time>; defaults are used', async (_what, text) => {
    const dir = await folder();
    const file = join(dir, 'settings.json');
    await writeFile(file, text);
    const store = new SettingsStore(file, () => FIXED);
    await store.load();
    expect(store.settings).toEqual({ version: 1, recentFiles: [] });
    const aside = 'settings.json.corrupt-2026-03-04T05-06-07-089Z';
    expect(await readdir(dir)).toEqual([aside]);
    expect(await readFile(join(dir, aside), 'utf8')).toBe(text);
    expect(store.notice).toBe(`The settings file could not be read; it was kept as ${join(dir, aside)} and defaults are used.`);
    // The next save writes a fresh file beside the one set aside.
    await store.addRecent('/x.csv');
    expect((await readdir(dir)).sort()).toEqual(['settings.json', aside]);
  });

  it('a settings path that is a folder: defaults, with a notice', async () => {
    const dir = await folder();
    const file = join(dir, 'settings.json');
    await mkdir(file);
    const store = new SettingsStore(file);
    await store.load();
    expect(store.settings.recentFiles).toEqual([]);
    expect(store.notice).toMatch(/could not be read \(it is a folder\); defaults are used/);
  });
});

describe('the recent list', () => {
  it('puts the latest first, once, and keeps at most ten', async () => {
    const dir = await folder();
    const paths = await files(dir, 12);
    const store = new SettingsStore(join(dir, 'settings.json'));
    await store.load();
    for (const p of paths.slice(0, 3)) await store.addRecent(p);
    expect(store.settings.recentFiles).toEqual([paths[2], paths[1], paths[0]]);
    await store.addRecent(paths[0]!);
    expect(store.settings.recentFiles).toEqual([paths[0], paths[2], paths[1]]);
    for (const p of paths) await store.addRecent(p);
    expect(store.settings.recentFiles).toHaveLength(MAX_RECENT);
    expect(MAX_RECENT).toBe(10);
    expect(store.settings.recentFiles).toEqual(paths.slice(2).reverse());
  });

  it('is written to disk and read back by a new store', async () => {
    const dir = await folder();
    const [a, b] = await files(dir, 2);
    const file = join(dir, 'settings.json');
    const store = new SettingsStore(file);
    await store.load();
    await store.addRecent(a!);
    await store.addRecent(b!);
    const again = new SettingsStore(file);
    await again.load();
    expect(again.settings.recentFiles).toEqual([b, a]);
    // Atomically: no temporary file is left.
    expect((await readdir(dir)).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('a list longer than ten on disk is cut to ten when read', async () => {
    const dir = await folder();
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ version: 1, recentFiles: Array.from({ length: 15 }, (_, i) => `/f${i}.csv`) }));
    const store = new SettingsStore(file);
    await store.load();
    expect(store.settings.recentFiles).toEqual(Array.from({ length: 10 }, (_, i) => `/f${i}.csv`));
  });

  it('lists missing files as unavailable rather than dropping them; folders are unavailable too', async () => {
    const dir = await folder();
    const [a, b] = await files(dir, 2);
    const store = new SettingsStore(join(dir, 'settings.json'));
    await store.load();
    await store.addRecent(a!);
    await store.addRecent(join(dir, 'gone.csv'));
    await store.addRecent(dir);
    await store.addRecent(b!);
    expect(await store.recentFiles()).toEqual([
      { path: b, available: true },
      { path: dir, available: false },
      { path: join(dir, 'gone.csv'), available: false },
      { path: a, available: true }
    ]);
    await rm(b!);
    expect((await store.recentFiles())[0]).toEqual({ path: b, available: false });
    expect(store.settings.recentFiles).toHaveLength(4);
  });

  it('isRecent knows exactly the paths on the list', async () => {
    const dir = await folder();
    const [a] = await files(dir, 1);
    const store = new SettingsStore(join(dir, 'settings.json'));
    await store.addRecent(a!);
    expect(store.isRecent(a!)).toBe(true);
    expect(store.isRecent(`${a}x`)).toBe(false);
    expect(store.isRecent(a!.toUpperCase())).toBe(false);
  });

  it('clearRecent empties it on disk', async () => {
    const dir = await folder();
    const file = join(dir, 'settings.json');
    const store = new SettingsStore(file);
    await store.addRecent('/a.csv');
    await store.clearRecent();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, recentFiles: [] });
  });

  it('saves made at once land in order: the last change is the one on disk', async () => {
    const dir = await folder();
    const file = join(dir, 'settings.json');
    const store = new SettingsStore(file);
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.addRecent(`/f${i}.csv`)));
    expect(JSON.parse(await readFile(file, 'utf8')).recentFiles).toEqual(Array.from({ length: 8 }, (_, i) => `/f${7 - i}.csv`));
  });

  it('creates the settings folder on the first save', async () => {
    const file = join(tmp, 'first-run', 'userData', 'settings.json');
    const store = new SettingsStore(file);
    await store.load();
    expect(await store.addRecent('/a.csv')).toEqual({ ok: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, recentFiles: ['/a.csv'] });
  });

  it('a save that cannot be written says why, and the list in memory stays', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'not-a-folder'), 'x');
    const file = join(dir, 'not-a-folder', 'settings.json');
    const store = new SettingsStore(file);
    const result = await store.addRecent('/a.csv');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be written: `));
    expect(store.settings.recentFiles).toEqual(['/a.csv']);
  });
});
