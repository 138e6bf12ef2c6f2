// Short writes (write() returning fewer bytes than asked, without an error, as on a filling disk),
// stood in for: writeFileAtomic loops until every byte is written, and when the disk takes no
// more it fails, names the path and the full disk, and leaves the old file byte for byte; so do
// the settings store, Save As and saving stories, which write through it.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { shortWrites } from '../../../tests/support/shortWrites';
import type { SaveFormat } from '../../shared/ipc/contract';
import { DatasetService, inlineRunLoad } from '../dataset/datasetService';
import { writeFileAtomic } from './atomicWrite';
import { FileSession } from './fileSession';
import { SettingsStore } from './settingsStore';

vi.mock('node:fs/promises', async (real) => (await import('../../../tests/support/shortWrites')).withShortWrites(await real()));

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const STORY = { id: 'one', title: 'One step', steps: [{ event: 'raqqa-taken' }] };

let tmp: string;
let n = 0;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-short-writes-'));
});
afterEach(() => shortWrites.clear());
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = join(tmp, `t${n++}`);
  await mkdir(dir);
  return dir;
}

/** A folder holding `name` with some old bytes; returns the path and the bytes. */
async function oldFile(name: string, old: Uint8Array = randomBytes(3000)): Promise<{ dir: string; target: string; old: Uint8Array }> {
  const dir = await folder();
  const target = join(dir, name);
  await writeFile(target, old);
  return { dir, target, old };
}

const full = (target: string) => `${target} could not be written: the disk is full`;

describe('writeFileAtomic with short writes', () => {
  it('writes that make progress are repeated until every byte is written, chunk after chunk', async () => {
    const { dir, target } = await oldFile('a.bin');
    const data = randomBytes(100_000);
    shortWrites.set({ perCall: 777 });
    expect(await writeFileAtomic(target, data)).toEqual({ ok: true, path: target, bytes: 100_000 });
    expect(shortWrites.calls).toBe(Math.ceil(100_000 / 777));
    expect(Buffer.compare(await readFile(target), data)).toBe(0);

    // Chunks of text and bytes, each cut into pieces: all of them, in order.
    const parts = ['héllo, ', randomBytes(5000), 'wörld', randomBytes(1)];
    shortWrites.set({ perCall: 3 });
    expect(await writeFileAtomic(target, parts)).toMatchObject({ ok: true, bytes: 5015 });
    expect(Buffer.compare(await readFile(target), Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))))).toBe(0);
    expect(await readdir(dir)).toEqual(['a.bin']);
  });

  it('a write that writes nothing: the disk is full, the old file byte for byte, no temporary file', async () => {
    const { dir, target, old } = await oldFile('b.png');
    // The disk takes 10,000 bytes, in writes of at most 4096, then says 0 bytes without an error.
    shortWrites.set({ perCall: 4096, capacity: 10_000 });
    expect(await writeFileAtomic(target, randomBytes(50_000))).toEqual({ ok: false, path: target, message: full(target) });
    expect(Buffer.compare(await readFile(target), old)).toBe(0);
    expect(await readdir(dir)).toEqual(['b.png']);
  });

  it('a disk full in a later chunk, or from the first byte: the same', async () => {
    const { dir, target, old } = await oldFile('c.csv');
    shortWrites.set({ capacity: 2500 });
    expect(await writeFileAtomic(target, ['a'.repeat(1000), 'b'.repeat(1000), 'c'.repeat(1000)])).toEqual({ ok: false, path: target, message: full(target) });
    shortWrites.set({ capacity: 0 });
    expect(await writeFileAtomic(target, 'x')).toEqual({ ok: false, path: target, message: full(target) });
    expect(Buffer.compare(await readFile(target), old)).toBe(0);
    expect(await readdir(dir)).toEqual(['c.csv']);
  });

  it('a file system that says it wrote everything but did not: the size is checked before the rename', async () => {
    const { dir, target, old } = await oldFile('d.svg');
    shortWrites.set({ capacity: 1000, lies: true });
    expect(await writeFileAtomic(target, randomBytes(5000))).toEqual({ ok: false, path: target, message: full(target) });
    expect(Buffer.compare(await readFile(target), old)).toBe(0);
    expect(await readdir(dir)).toEqual(['d.svg']);
  });
});

describe('the writers that use it, on a full disk', () => {
  it('settings: the save fails saying why, the old settings file stays, the list in memory stays', async () => {
    const dir = await folder();
    const file = join(dir, 'settings.json');
    const store = new SettingsStore(file);
    await store.load();
    expect(await store.addRecent('/first.csv')).toEqual({ ok: true });
    const before = await readFile(file);
    shortWrites.set({ target: file, perCall: 8, capacity: 16 });
    expect(await store.addRecent('/second.csv')).toEqual({ ok: false, message: full(file) });
    expect(store.settings.recentFiles).toEqual(['/second.csv', '/first.csv']);
    expect(Buffer.compare(await readFile(file), before)).toBe(0);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('Save As (Frontline and CSV) over an existing file: an io error naming the path and the full disk; the old file stays', async () => {
    const { files, saveAnswers } = await session();
    for (const format of ['frontline', 'csv'] as const) {
      const { dir, target, old } = await oldFile(`over.${format}`);
      saveAnswers.push(target);
      shortWrites.set({ target, perCall: 1000, capacity: 4000 });
      expect(await files.saveAs(format, null)).toEqual({ ok: false, error: { code: 'io', message: full(target) } });
      expect(Buffer.compare(await readFile(target), old)).toBe(0);
      expect(await readdir(dir)).toEqual([`over.${format}`]);
    }
  });

  it('stories saved into the user\'s own file: an io error, the file and the dataset open as they were', async () => {
    const { service, files } = await session();
    const dir = await folder();
    const path = join(dir, 'mine.frontline');
    await copyFile(BUNDLED, path);
    const openedFirst = await service.open(path);
    expect(openedFirst.kind).toBe('opened');
    const before = await readFile(path);
    const storiesBefore = service.current?.header.stories;
    expect(storiesBefore?.length).toBeGreaterThan(0);
    shortWrites.set({ target: path, capacity: 5000 });
    expect(await files.saveStories([STORY])).toEqual({ ok: false, error: { code: 'io', message: full(path) } });
    expect(Buffer.compare(await readFile(path), before)).toBe(0);
    expect(service.current?.header.stories).toEqual(storiesBefore);
    expect(await readdir(dir)).toEqual(['mine.frontline']);
    // Room again: the same save goes through.
    shortWrites.clear();
    const saved = await files.saveStories([STORY]);
    expect(saved.ok && saved.value.kind).toBe('opened');
    expect((JSON.parse(await readFile(path, 'utf8')) as { stories: unknown }).stories).toEqual([STORY]);
  });
});

async function session() {
  const service = new DatasetService(inlineRunLoad);
  const saveAnswers: (string | undefined)[] = [];
  const dialogs = { showOpen: vi.fn(async () => undefined), showSave: vi.fn(async (_o: { defaultName: string; format: SaveFormat }) => saveAnswers.shift()) };
  const files = new FileSession({ service, settings: new SettingsStore(join(tmp, `settings-${n++}.json`)), dialogs, sendCommand: () => {} });
  await service.load(BUNDLED, { displayName: 'deir-al-zour-al-qaim-2017.frontline', bundled: true });
  return { service, saveAnswers, files };
}
