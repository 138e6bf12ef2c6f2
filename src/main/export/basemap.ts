// The offline basemap for exported maps and the renderer's map view, read from the files the
// build writes (scripts/build-basemap.ts into resources/basemap; packaged, <resources>/basemap),
// checked, decoded once and kept. Nothing is fetched: a missing file is a plain error that says how to build it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBasemapFile, decodeBasemap, type Basemap, type BasemapFile, type BasemapResolution } from '../../shared/map/basemap';
import type { AppLocation } from '../dataset/bundledDataset';

const BASEMAP_DIR = join('resources', 'basemap');
const fileName = (res: BasemapResolution): string => `basemap-${res}.json`;

/**
 * The folder holding the basemap. Packaged: `<resourcesPath>/basemap` (electron-builder copies
 * resources/basemap there). Developing, testing, on the command line: the project's
 * resources/basemap, found from the app path or by walking up from this module.
 */
export function basemapDir(loc?: AppLocation): string | undefined {
  const probe = fileName('110m');
  if (loc) {
    const dir = loc.isPackaged ? join(loc.resourcesPath, 'basemap') : join(loc.appPath, BASEMAP_DIR);
    if (existsSync(join(dir, probe))) return dir;
  }
  let at = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const dir = join(at, BASEMAP_DIR);
    if (existsSync(join(dir, probe))) return dir;
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  const fromCwd = resolve(BASEMAP_DIR);
  return existsSync(join(fromCwd, probe)) ? fromCwd : undefined;
}

const cache = new Map<string, Promise<BasemapFile>>();
const decoded = new WeakMap<BasemapFile, Basemap>();

/**
 * The basemap file at `res`, read and checked (once per file), as the build wrote it: what the
 * renderer's map draws from (it decodes the layers itself). Rejects with a plain reason when it
 * is missing or damaged.
 */
export function loadBasemapFile(res: BasemapResolution, loc?: AppLocation): Promise<BasemapFile> {
  const dir = basemapDir(loc);
  if (!dir) return Promise.reject(new Error(`the offline basemap was not found (${join(BASEMAP_DIR, fileName(res))}): it is made by npm run build, or npm run basemap`));
  const path = join(dir, fileName(res));
  let pending = cache.get(path);
  if (!pending) {
    pending = readBasemap(path);
    cache.set(path, pending);
    // A failure is not kept: the next export tries again (the file may have been built since).
    pending.catch(() => cache.delete(path));
  }
  return pending;
}

/** The basemap at `res`, decoded (once per file). Rejects with a plain reason when it is missing or damaged. */
export async function loadBasemap(res: BasemapResolution, loc?: AppLocation): Promise<Basemap> {
  const file = await loadBasemapFile(res, loc);
  let map = decoded.get(file);
  if (!map) {
    map = decodeBasemap(file);
    decoded.set(file, map);
  }
  return map;
}

async function readBasemap(path: string): Promise<BasemapFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new Error(`the offline basemap ${path} could not be read (${err instanceof Error ? err.message : String(err)}): build it again with npm run basemap`);
  }
  const checked = checkBasemapFile(parsed);
  if (!checked.ok) throw new Error(`the offline basemap ${path} ${checked.message}: build it again with npm run basemap`);
  return checked.file;
}
