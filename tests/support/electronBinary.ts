// Is there an Electron binary to run the real app with? The electron package downloads it from
// GitHub on first use; where that cannot happen, the Electron suite reports itself skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(packageDir, 'dist');
  if (!existsSync(pathFile) && !process.env['ELECTRON_OVERRIDE_DIST_PATH']) {
    return {
      ok: false,
      reason:
        'no Electron binary: the electron package downloads it from GitHub on first use, and this machine cannot reach GitHub ' +
        '(on a machine with network, `npx electron --version` fetches it once)'
    };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = join(distDir, relative);
  if (!existsSync(binary)) return { ok: false, reason: `the Electron binary ${binary} is missing` };
  const probe = spawnSync(binary, ['--version'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 20_000, encoding: 'utf8' });
  if (probe.status !== 0) return { ok: false, reason: `the Electron binary does not start here: ${(probe.stderr || probe.error?.message || '').trim().slice(0, 300)}` };
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return { ok: false, reason: 'no display to open a window on (run the suite under xvfb-run)' };
  }
  return { ok: true, path: binary };
}
