// The app's settings (the recent files, the map view's layout) in one JSON file in the user's data folder, written
// atomically. A corrupt file is set aside (settings.json.corrupt-<time>) and defaults are used,
// never silently overwritten: the user can still look at what it held.
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../../shared/ipc/contract';
import { normalizeMapLayout, type MapLayout } from '../../shared/map/mapLayout';
import { writeFileAtomic } from './atomicWrite';
import { describeIoError } from '../dataset/loadDatasetFile';

export const MAX_RECENT = 10;
export const SETTINGS_FILE = 'settings.json';

// Loose: keys a newer version added are kept when this one writes the file back.
const settingsSchema = z.looseObject({
  version: z.literal(1).default(1),
  recentFiles: z.array(z.string().min(1).max(4096)).max(1000).default([]),
  // Read leniently (normalizeMapLayout): a damaged map layout falls back to the defaults on its
  // own and never costs the user the rest of the file (the recent list).
  map: z.unknown().optional()
});
export type Settings = z.infer<typeof settingsSchema>;

export class SettingsStore {
  #settings: Settings = { version: 1, recentFiles: [] };
  #notice: string | undefined;
  /** Saves run one after another, so the last change is the one left on disk. */
  #saving: Promise<unknown> = Promise.resolve();

  constructor(
    /** Full path of the settings file. */
    readonly file: string,
    private readonly now: () => Date = () => new Date()
  ) {}

  /** Something the user should be told about the settings file (it was corrupt and set aside). */
  get notice(): string | undefined {
    return this.#notice;
  }

  get settings(): Settings {
    return this.#settings;
  }

  /** Read the file; missing: defaults; unreadable as settings: set aside, defaults. */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'ENOENT') this.#notice = `The settings file ${this.file} could not be read (${describeIoError(err)}); defaults are used.`;
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const checked = settingsSchema.safeParse(parsed);
    if (checked.success) {
      this.#settings = { ...checked.data, recentFiles: dedupe(checked.data.recentFiles).slice(0, MAX_RECENT) };
      return;
    }
    const aside = `${this.file}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(this.file, aside);
      this.#notice = `The settings file could not be read; it was kept as ${aside} and defaults are used.`;
    } catch (err) {
      this.#notice = `The settings file ${this.file} could not be read, nor set aside (${describeIoError(err)}); defaults are used.`;
    }
  }

  /** Write the settings as they are now (after any save already under way). */
  save(): Promise<{ ok: true } | { ok: false; message: string }> {
    const run = this.#saving.then(async () => {
      // The user data folder may not exist yet on a first run.
      await mkdir(dirname(this.file), { recursive: true }).catch(() => {});
      const result = await writeFileAtomic(this.file, `${JSON.stringify(this.#settings, null, 2)}\n`);
      return result.ok ? ({ ok: true } as const) : ({ ok: false, message: result.message } as const);
    });
    this.#saving = run.catch(() => {});
    return run;
  }

  /** Put `path` first in the recent list (once; at most MAX_RECENT are kept). */
  async addRecent(path: string): Promise<{ ok: true } | { ok: false; message: string }> {
    this.#settings = { ...this.#settings, recentFiles: dedupe([path, ...this.#settings.recentFiles]).slice(0, MAX_RECENT) };
    return this.save();
  }

  async clearRecent(): Promise<{ ok: true } | { ok: false; message: string }> {
    this.#settings = { ...this.#settings, recentFiles: [] };
    return this.save();
  }

  /** The map view's layout: where it sits, its size, whether it is open (defaults when never saved). */
  mapLayout(): MapLayout {
    return normalizeMapLayout(this.#settings.map);
  }

  /** Remember the map view's layout; the layout as kept (made whole). */
  async setMapLayout(layout: MapLayout): Promise<{ ok: true; layout: MapLayout } | { ok: false; message: string }> {
    const kept = normalizeMapLayout(layout);
    this.#settings = { ...this.#settings, map: kept };
    const saved = await this.save();
    return saved.ok ? { ok: true, layout: kept } : saved;
  }

  /** True when `path` is on the recent list exactly as written there. */
  isRecent(path: string): boolean {
    return this.#settings.recentFiles.includes(path);
  }

  /** The recent files, most recent first; missing ones stay listed as unavailable. */
  async recentFiles(): Promise<RecentFile[]> {
    return Promise.all(
      this.#settings.recentFiles.map(async (path) => {
        try {
          return { path, available: (await stat(path)).isFile() };
        } catch {
          return { path, available: false };
        }
      })
    );
  }
}

function dedupe(paths: readonly string[]): string[] {
  return [...new Set(paths)];
}
