// Where the cache of opened files lives and who it belongs to, worked out for the Electron edge:
// the system's folder for caches (never a roaming profile, which would copy gigabytes around a
// network), and a stamp of the app's version and the very build that writes the entries.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/**
 * The cache folder: the system's folder for caches (Linux: $XDG_CACHE_HOME or ~/.cache; macOS:
 * ~/Library/Caches; Windows: the local, not roaming, application data), in a folder for the app.
 * Electron offers no such path itself (its 'appData' is the roaming one on Windows).
 */
export function openCacheFolder(platform: NodeJS.Platform, home: string, env: NodeJS.ProcessEnv, appName: string): string {
  const base =
    platform === 'win32'
      ? (env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Caches')
        : env['XDG_CACHE_HOME'] && isAbsolute(env['XDG_CACHE_HOME'])
          ? env['XDG_CACHE_HOME']
          : join(home, '.cache');
  return join(base, appName, 'Opened files');
}

/**
 * A stamp of the build in `dir` (the built main process and its load worker): the SHA-256 of its
 * JavaScript files. An entry written by any other build (even of the same version) is foreign.
 */
export function codeStamp(dir: string): string {
  const hash = createHash('sha256');
  try {
    for (const file of scripts(dir, '')) {
      hash.update(file);
      hash.update(readFileSync(join(dir, file)));
    }
  } catch {
    // The build cannot be read: a stamp no entry has, so none is trusted (and the app still starts).
    return `unread-${randomBytes(8).toString('hex')}`;
  }
  return hash.digest('hex').slice(0, 16);
}

/** The script files under `dir`, by their path in it, sorted (walked by hand: the asar archive has no recursive listing). */
function scripts(dir: string, prefix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) for (const inner of scripts(dir, path)) out.push(inner);
    else if (/\.(m|c)?js$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}
