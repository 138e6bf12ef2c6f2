// A really small disk for tests: a tmpfs of a few KiB mounted on a fresh folder (Linux, as root,
// as CI runs), so "disk full" and "read-only" are the kernel's own answers, not a stand-in's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TinyDisk {
  /** The folder the disk is mounted on. */
  readonly path: string;
  /** Make the disk read-only (what is on it stays). */
  readOnly(): void;
  /** Unmount it and remove the folder; safe to call twice. */
  unmount(): void;
}

function run(command: string, args: readonly string[]): string | undefined {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error) return r.error.message;
  return r.status === 0 ? undefined : `${command} ${args.join(' ')}: ${(r.stderr || r.stdout).trim() || `exit ${r.status}`}`;
}

let support: { ok: true } | { ok: false; reason: string } | undefined;

/** Whether a tmpfs can be mounted here, and if not why (said in the names of the tests skipped). */
export function tinyDiskSupport(): { ok: true } | { ok: false; reason: string } {
  if (support) return support;
  if (process.platform !== 'linux') return (support = { ok: false, reason: `needs Linux (this is ${process.platform})` });
  if (process.getuid?.() !== 0) return (support = { ok: false, reason: 'needs root to mount a tmpfs (CI runs as root)' });
  try {
    const disk = mountTinyDisk(4);
    disk.unmount();
    support = { ok: true };
  } catch (err) {
    support = { ok: false, reason: `mounting a tmpfs is not permitted here (${err instanceof Error ? err.message : String(err)})` };
  }
  return support;
}

/** Mount a tmpfs of `kib` KiB on a new folder under the system temporary folder. */
export function mountTinyDisk(kib: number): TinyDisk {
  const path = mkdtempSync(join(tmpdir(), 'frontline-tiny-disk-'));
  const failed = run('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0755`, 'tmpfs', path]);
  if (failed) {
    rmSync(path, { recursive: true, force: true });
    throw new Error(failed);
  }
  let mounted = true;
  return {
    path,
    readOnly() {
      const why = run('mount', ['-o', 'remount,ro', path]);
      if (why) throw new Error(why);
    },
    unmount() {
      if (!mounted) return;
      // A lazy unmount if something still holds it open, so a failed test never leaves it behind.
      if (run('umount', [path])) run('umount', ['-l', path]);
      mounted = false;
      rmSync(path, { recursive: true, force: true });
    }
  };
}
