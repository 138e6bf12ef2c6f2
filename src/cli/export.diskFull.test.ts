// npm run export onto a disk that refuses the image: exit 1, the path and the reason on stderr,
// never "Wrote", and the file that was there byte for byte. With short writes stood in for, and
// (as root on Linux, as CI runs) on a real 64 KiB tmpfs, full and then read-only.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { shortWrites } from '../../tests/support/shortWrites';
import { mountTinyDisk, tinyDiskSupport, type TinyDisk } from '../../tests/support/tinyDisk';
import { runExport } from './export';

vi.mock('node:fs/promises', async (real) => (await import('../../tests/support/shortWrites')).withShortWrites(await real()));

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'src', 'cli', 'export.ts');
const BUNDLED = 'data/deir-al-zour-al-qaim-2017.frontline';
const SLOW = 60_000;
const support = tinyDiskSupport();

let tmp: string;
let disk: TinyDisk | undefined;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-cli-full-'));
});
afterEach(() => {
  shortWrites.clear();
  disk?.unmount();
  disk = undefined;
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** `name` in `folder` holding 20,000 old bytes. */
async function oldFile(folder: string, name: string): Promise<{ target: string; old: Buffer }> {
  const target = join(folder, name);
  const old = randomBytes(20_000);
  await writeFile(target, old);
  return { target, old };
}

describe('export onto a disk that takes no more (short writes stood in for)', () => {
  it(
    'exit 1, the path and "the disk is full", nothing on stdout; the old PNG byte for byte',
    async () => {
      const { target, old } = await oldFile(tmp, 'stub.png');
      shortWrites.set({ target, perCall: 16_384, capacity: 40_000 });
      const out = await runExport([join(ROOT, BUNDLED), '--out', target, '--width', '4000']);
      expect(out).toEqual({ exitCode: 1, stdout: '', stderr: `${target} could not be written: the disk is full\n` });
      expect(shortWrites.calls).toBeGreaterThan(2);
      expect(Buffer.compare(await readFile(target), old)).toBe(0);
      expect(await readdir(tmp)).toEqual(['stub.png']);
    },
    SLOW
  );
});

describe.skipIf(!support.ok)(`export onto a real 64 KiB tmpfs${support.ok ? '' : ` (skipped: ${support.reason})`}`, () => {
  it(
    'full: npm run export --width 4000 as a process exits 1 naming the path and the full disk; the old file stays',
    async () => {
      disk = mountTinyDisk(64);
      const { target, old } = await oldFile(disk.path, 'x.png');
      const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, BUNDLED, '--out', target, '--width', '4000'], { cwd: ROOT, encoding: 'utf8', timeout: SLOW });
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${target} could not be written: the disk is full\n`);
      expect(run.status).toBe(1);
      expect(Buffer.compare(await readFile(target), old)).toBe(0);
      expect(await readdir(disk.path)).toEqual(['x.png']);
    },
    SLOW
  );

  it(
    'read-only: exit 1 naming the path and the read-only disk; the old file stays',
    async () => {
      disk = mountTinyDisk(64);
      const { target, old } = await oldFile(disk.path, 'x.svg');
      disk.readOnly();
      const out = await runExport([join(ROOT, BUNDLED), '--out', target]);
      expect(out).toEqual({ exitCode: 1, stdout: '', stderr: `${target} could not be written: the disk is read-only\n` });
      expect(Buffer.compare(await readFile(target), old)).toBe(0);
      expect(await readdir(disk.path)).toEqual(['x.svg']);
    },
    SLOW
  );
});
