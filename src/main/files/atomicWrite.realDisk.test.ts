// writeFileAtomic on disks that really refuse: a 64 KiB tmpfs filled up, the same tmpfs made
// read-only, and (as root, where folder permissions do not bind) a folder the writing user may not
// write to. Each time: no success, the path and the reason said, the old file byte for byte.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { mountTinyDisk, tinyDiskSupport, type TinyDisk } from '../../../tests/support/tinyDisk';
import { writeFileAtomic } from './atomicWrite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const support = tinyDiskSupport();
const skipped = support.ok ? '' : ` (skipped: ${support.reason})`;

let disk: TinyDisk | undefined;
afterEach(() => {
  disk?.unmount();
  disk = undefined;
});

/** A 64 KiB disk holding `old.png` of 20,000 bytes. */
async function diskWithOldFile(): Promise<{ target: string; old: Buffer }> {
  disk = mountTinyDisk(64);
  const target = join(disk.path, 'old.png');
  const old = randomBytes(20_000);
  await writeFile(target, old);
  return { target, old };
}

describe.skipIf(!support.ok)(`on a real 64 KiB tmpfs${skipped}`, () => {
  it('data larger than the room left: the disk is full, the old file byte for byte, nothing left behind; then a smaller write succeeds', async () => {
    const { target, old } = await diskWithOldFile();
    for (const data of [randomBytes(200_000), Array.from({ length: 20 }, () => randomBytes(4096))]) {
      expect(await writeFileAtomic(target, data)).toEqual({ ok: false, path: target, message: `${target} could not be written: the disk is full` });
      expect(Buffer.compare(await readFile(target), old)).toBe(0);
      expect(await readdir(disk!.path)).toEqual(['old.png']);
    }
    // The temporary file was removed, so its room is free again for a write that fits.
    const fits = randomBytes(30_000);
    expect(await writeFileAtomic(target, fits)).toEqual({ ok: true, path: target, bytes: 30_000 });
    expect(Buffer.compare(await readFile(target), fits)).toBe(0);
  });

  it('a read-only disk: the disk is read-only, the old file byte for byte', async () => {
    const { target, old } = await diskWithOldFile();
    disk!.readOnly();
    expect(await writeFileAtomic(target, 'new')).toEqual({ ok: false, path: target, message: `${target} could not be written: the disk is read-only` });
    expect(Buffer.compare(await readFile(target), old)).toBe(0);
    expect(await readdir(disk!.path)).toEqual(['old.png']);
  });
});

const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
describe.skipIf(!asRoot)(`a folder the writing user may not write to, as root${asRoot ? '' : ' (skipped: needs root to write as another user; the plain case is in atomicWrite.test.ts)'}`, () => {
  it('written by a child process running as nobody: permission denied, the old file byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'frontline-nobody-'));
    try {
      await chmod(dir, 0o755);
      const target = join(dir, 'settings.json');
      await writeFile(target, 'old');
      const child = join(dir, 'child.mts');
      await writeFile(
        child,
        `import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'src', 'main', 'files', 'atomicWrite.ts'))};
process.stdout.write(JSON.stringify(await writeFileAtomic(process.argv[2], 'new')));
`
      );
      // A temporary folder the user nobody may write in, for tsx's cache (root's is not nobody's to touch).
      const scratch = await mkdtemp(join(dir, 'scratch-'));
      await chmod(scratch, 0o777);
      const env = { ...process.env, TMPDIR: scratch, HOME: scratch };
      const run = spawnSync(process.execPath, ['--import', 'tsx', child, target], { cwd: ROOT, encoding: 'utf8', uid: 65534, gid: 65534, env, timeout: 60_000 });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual({ ok: false, path: target, message: `${target} could not be written: permission denied` });
      expect(await readFile(target, 'utf8')).toBe('old');
      expect((await readdir(dir)).filter((f) => !f.startsWith('scratch-')).sort()).toEqual(['child.mts', 'settings.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
