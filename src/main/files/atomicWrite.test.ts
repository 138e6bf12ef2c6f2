// writeFileAtomic: a temporary file beside the target, renamed over it only once complete; a
// failure half-way leaves the old file exactly as it was and no temporary file behind; the sweep
// removes only old leftovers of ours.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepTempFiles, tempPathFor, writeFileAtomic } from './atomicWrite';

let tmp: string;
let n = 0;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-atomic-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A fresh folder for one test. */
async function folder(): Promise<string> {
  const dir = join(tmp, `t${n++}`);
  await mkdir(dir);
  return dir;
}

describe('writeFileAtomic', () => {
  it('writes a new file from a string, bytes or chunks, and says how many bytes', async () => {
    const dir = await folder();
    expect(await writeFileAtomic(join(dir, 'a.txt'), 'héllo')).toEqual({ ok: true, path: join(dir, 'a.txt'), bytes: 6 });
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('héllo');
    expect((await writeFileAtomic(join(dir, 'b.bin'), new Uint8Array([1, 2, 3]))).ok).toBe(true);
    expect([...(await readFile(join(dir, 'b.bin')))]).toEqual([1, 2, 3]);
    function* chunks() {
      yield 'one,';
      yield new TextEncoder().encode('two,');
      yield 'three';
    }
    expect(await writeFileAtomic(join(dir, 'c.csv'), chunks())).toMatchObject({ ok: true, bytes: 13 });
    expect(await readFile(join(dir, 'c.csv'), 'utf8')).toBe('one,two,three');
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.bin', 'c.csv']);
  });

  it('writes a hidden temporary file of ours beside the target, renamed over it only at the end', async () => {
    const dir = await folder();
    const target = join(dir, 'data.frontline');
    await writeFile(target, 'old');
    let during: string[] = [];
    let targetDuring = '';
    function* chunks() {
      yield 'new ';
      // Half-way (the first chunk has been written): the target still holds the old text.
      during = readdirSync(dir).sort();
      targetDuring = readFileSync(target, 'utf8');
      yield 'text';
    }
    expect((await writeFileAtomic(target, chunks())).ok).toBe(true);
    expect(targetDuring).toBe('old');
    expect(await readFile(target, 'utf8')).toBe('new text');
    expect(await readdir(dir)).toEqual(['data.frontline']);
    expect(during).toHaveLength(2);
    const temp = during.find((f) => f !== 'data.frontline')!;
    expect(temp).toMatch(/^\.data\.frontline\.frontline-tmp-\d+-[0-9a-f]{8}$/);
    expect(tempPathFor(target)).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.data\\.frontline\\.frontline-tmp-`));
  });

  it('a failure half-way leaves the old file exactly as it was, and no temporary file', async () => {
    const dir = await folder();
    const target = join(dir, 'keep.frontline');
    await writeFile(target, 'precious');
    function* chunks() {
      yield 'partial';
      throw new Error('disk pulled out');
    }
    const result = await writeFileAtomic(target, chunks());
    expect(result).toEqual({ ok: false, path: target, message: `${target} could not be written: disk pulled out` });
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await readdir(dir)).toEqual(['keep.frontline']);
  });

  it('a folder that does not exist: the message names the path and the reason', async () => {
    const target = join(tmp, 'no-such-folder', 'x.csv');
    expect(await writeFileAtomic(target, 'x')).toEqual({ ok: false, path: target, message: `${target} could not be written: no such file` });
  });

  it('a target that is a folder is refused and the folder is left alone', async () => {
    const dir = await folder();
    const target = join(dir, 'sub');
    await mkdir(target);
    const result = await writeFileAtomic(target, 'x');
    expect(result.ok).toBe(false);
    expect((result as { message: string }).message).toMatch(new RegExp(`^${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be written: `));
    expect((await stat(target)).isDirectory()).toBe(true);
    expect(await readdir(dir)).toEqual(['sub']);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a read-only folder: permission denied, nothing changed', async () => {
    const dir = await folder();
    const target = join(dir, 'x.csv');
    await writeFile(target, 'old');
    await chmod(dir, 0o555);
    try {
      expect(await writeFileAtomic(target, 'new')).toEqual({ ok: false, path: target, message: `${target} could not be written: permission denied` });
      expect(await readFile(target, 'utf8')).toBe('old');
    } finally {
      await chmod(dir, 0o755);
    }
  });
});

describe('sweepTempFiles', () => {
  it('removes our temporary files older than the limit, and nothing else', async () => {
    const dir = await folder();
    const old = join(dir, '.settings.json.frontline-tmp-123-deadbeef');
    const fresh = join(dir, '.settings.json.frontline-tmp-456-cafebabe');
    const other = join(dir, 'settings.json');
    const otherOld = join(dir, '.someone-elses.tmp');
    for (const f of [old, fresh, other, otherOld]) await writeFile(f, 'x');
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    await utimes(old, hoursAgo(2), hoursAgo(2));
    await utimes(otherOld, hoursAgo(5), hoursAgo(5));
    expect(await sweepTempFiles(dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['.settings.json.frontline-tmp-456-cafebabe', '.someone-elses.tmp', 'settings.json']);
    expect(await sweepTempFiles(dir, 0)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['.someone-elses.tmp', 'settings.json']);
  });

  it('a folder that does not exist sweeps nothing', async () => {
    expect(await sweepTempFiles(join(tmp, 'absent'))).toBe(0);
  });
});

