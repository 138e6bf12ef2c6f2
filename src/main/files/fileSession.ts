// Everything about files the renderer can ask main for, free of Electron: open (dialog, dropped
// file, recent list, reload, mapping, review), files main opens by itself (command line, the OS,
// a second instance), the recent list, Save As, and sources' local copies (their checks, adding
// one). Dialogs and the command channel are injected, so the same code runs in the app, under
// Vitest and behind the e2e bridge.
import { stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { fail, ok, type AppCommand, type OpenOutcome, type RecentFile, type Result, type SaveFormat } from '../../shared/ipc/contract';
import type { CsvMapping } from '../../shared/import/types';
import type { DatasetService, HeldDataset } from '../dataset/datasetService';
import { describeIoError } from '../dataset/loadDatasetFile';
import { formatProblem } from '../../shared/dataset/problems';
import { safeFileName, withExtension } from './dialogOptions';
import { saveHeldDataset } from './saveDataset';
import { cleanStories, withStories } from './saveStories';
import { writeFileAtomic } from './atomicWrite';
import { loadDatasetBytes } from '../../shared/dataset/loadDatasetBytes';
import type { Story } from '../../shared/dataset/schema';
import { fastEventCheck } from '../dataset/fastEventCheck';
import type { SettingsStore } from './settingsStore';
import type { LocalCopyCheck } from '../../shared/dataset/localCopies';
import { LocalCopyChecks, type LocalCopyChecksOptions } from './localCopyChecks';
import { placeLocalCopy, withSourceCopy } from './addLocalCopy';

/** The native dialogs: a path, or undefined when the user cancelled. */
export interface Dialogs {
  /** File > Open (a dataset), or the file to make a source's local copy (any file). */
  showOpen(purpose?: 'dataset' | 'local-copy'): Promise<string | undefined>;
  showSave(options: { readonly defaultName: string; readonly format: SaveFormat }): Promise<string | undefined>;
}

export interface FileSessionDeps {
  readonly service: DatasetService;
  readonly settings: SettingsStore;
  readonly dialogs: Dialogs;
  /** Send a command to the renderer (main-open). */
  readonly sendCommand: (command: AppCommand) => void;
  /** The recent list changed (rebuild the menu). */
  readonly onRecentChanged?: () => void;
  readonly log?: (message: string) => void;
  /** How local copies are checked (tests: a delay, a stand-in check). */
  readonly localCopies?: LocalCopyChecksOptions;
}

type Saved = Result<{ readonly path: string; readonly events: number } | { readonly dismissed: true }>;

export class FileSession {
  #mainOpen: Promise<OpenOutcome> | undefined;
  /** The held dataset's local copies, checked against their SHA-256 in the background. */
  readonly localCopies: LocalCopyChecks;

  constructor(private readonly deps: FileSessionDeps) {
    this.localCopies = new LocalCopyChecks(deps.localCopies);
  }

  /** File > Open: the dialog, then the file picked. */
  async openDialog(): Promise<OpenOutcome> {
    const path = await this.deps.dialogs.showOpen();
    if (path === undefined) return { kind: 'dismissed' };
    return this.#open(path);
  }

  /** A file dropped on the window: only an existing regular file, by its full path. */
  async openDropped(path: string): Promise<OpenOutcome> {
    const checked = await checkRegularFile(path);
    if (!checked.ok) return { kind: 'failed', file: { path, displayName: basename(path) }, error: checked.error };
    return this.#open(path);
  }

  /** One of the recent files: only a path on the list. */
  async openRecent(path: string): Promise<OpenOutcome> {
    if (!this.deps.settings.isRecent(path)) return { kind: 'failed', file: { path, displayName: basename(path) }, error: { code: 'not-found', message: `${path} is not in the list of recent files.` } };
    return this.#open(path);
  }

  async reload(): Promise<OpenOutcome> {
    return this.#track(this.deps.service.reload());
  }

  async openWithMapping(token: string, mapping: CsvMapping): Promise<OpenOutcome> {
    return this.#track(this.deps.service.openWithMapping(token, mapping));
  }

  async resolveReview(token: string, accept: boolean): Promise<OpenOutcome> {
    return this.#track(this.deps.service.resolveReview(token, accept));
  }

  async recentFiles(): Promise<Result<readonly RecentFile[]>> {
    return ok(await this.deps.settings.recentFiles());
  }

  /**
   * Main opens `path` by itself (command line, the OS, a second instance, a recent file picked in
   * the menu), after `after` (the startup load) when given, and tells the renderer, which then
   * collects the outcome once with takeMainOpen. A newer one replaces an outcome not yet taken.
   */
  openFromMain(path: string, after?: Promise<unknown>): Promise<OpenOutcome> {
    const run = (after ?? Promise.resolve()).then(
      () => this.#open(path),
      () => this.#open(path)
    );
    this.#mainOpen = run;
    this.deps.log?.(`opening ${path} (asked outside the window)`);
    this.deps.sendCommand('main-open');
    return run;
  }

  /** The outcome of what main opened by itself, once; 'dismissed' when there is none. */
  async takeMainOpen(): Promise<OpenOutcome> {
    const run = this.#mainOpen;
    this.#mainOpen = undefined;
    return run ?? { kind: 'dismissed' };
  }

  /** Save As: the dialog (named after the dataset), then an atomic write of the events. */
  async saveAs(format: SaveFormat, indices: Uint32Array | null): Promise<Saved> {
    const payload = this.deps.service.current;
    if (!payload) return fail('not-found', 'No dataset is open to save.');
    const whole = this.#heldAsShown('Nothing was saved');
    const count = payload.columns.count;
    if (indices !== null && indices.some((i) => i >= count)) {
      return fail('bad-arguments', `The dataset has ${count.toLocaleString('en-GB')} events; the events to save must be among them.`);
    }
    const chosen = await this.deps.dialogs.showSave({ defaultName: safeFileName(payload.header.metadata.title, format), format });
    if (chosen === undefined) return ok({ dismissed: true });
    if (!isAbsolute(chosen)) return fail('bad-arguments', `${chosen} is not a full path to save to.`);
    const target = withExtension(chosen, format);
    const held = await whole();
    if (!held.ok) return held;
    const saved = await saveHeldDataset(held.value, format, indices, target);
    if (saved.ok) this.deps.log?.(`saved ${saved.value.events} events to ${target}`);
    return saved;
  }

  /**
   * Save the stories into the current file (a user's native file) or, for the bundled dataset or
   * an import, into a native file the user picks; atomically, checked by loading it back first,
   * everything else in the file kept byte for byte. Then the file is opened again, so the header
   * carries the stories as saved: the outcome of that open, once the stories are saved.
   */
  async saveStories(stories: readonly Story[]): Promise<Result<OpenOutcome>> {
    const payload = this.deps.service.current;
    const file = this.deps.service.currentFile;
    if (!payload || !file) return fail('not-found', 'No dataset is open to save the stories into.');
    const whole = this.#heldAsShown('The stories were not saved');
    let target: string;
    if (!file.bundled && file.format === 'native') target = file.path;
    else {
      const chosen = await this.deps.dialogs.showSave({ defaultName: safeFileName(payload.header.metadata.title, 'frontline'), format: 'frontline' });
      if (chosen === undefined) return ok({ kind: 'dismissed' });
      if (!isAbsolute(chosen)) return fail('bad-arguments', `${chosen} is not a full path to save to.`);
      target = withExtension(chosen, 'frontline');
    }
    const held = await whole();
    if (!held.ok) return held;
    const bytes = withStories(held.value.bytes, cleanStories(stories));
    const check = loadDatasetBytes(bytes, basename(target), { fastCheck: fastEventCheck() });
    if (!check.ok) return fail('invalid-data', `The stories were not saved to ${basename(target)}: ${formatProblem(check.problems[0]!)}`, check.problems);
    const written = await writeFileAtomic(target, bytes);
    if (!written.ok) return fail('io', written.message);
    this.deps.log?.(`saved ${stories.length} stories to ${target}`);
    return ok(await this.#open(target));
  }

  /**
   * The held dataset as it is now, with its file image (an import's may still be being written):
   * asked for now, taken after the save dialog, so what the user saw is saved even if another
   * dataset is opened meanwhile. `failed` begins the message when the image cannot be written.
   */
  #heldAsShown(failed: string): () => Promise<Result<HeldDataset>> {
    const whole = this.deps.service.held();
    whole.catch(() => {});
    return async () => {
      try {
        const held = await whole;
        return held ? ok(held) : fail('not-found', 'No dataset is open.');
      } catch (err) {
        return fail('io', `${failed}: ${err instanceof Error ? err.message : String(err)}. Open the file again.`);
      }
    };
  }

  /**
   * Start checking the held dataset's local copies against their SHA-256, in the background: the
   * dataset is shown without waiting for them (see LocalCopyChecks).
   */
  startLocalCopyChecks(): void {
    const payload = this.deps.service.current;
    const file = this.deps.service.currentFile;
    if (payload && file) this.localCopies.start(payload, file.path, payload.header.sources);
  }

  /** How source `sourceId`'s local copy compares with its recorded SHA-256 (waiting for its check). */
  async localCopyCheck(sourceId: string): Promise<Result<LocalCopyCheck>> {
    const payload = this.deps.service.current;
    const file = this.deps.service.currentFile;
    if (!payload || !file) return fail('not-found', 'No dataset is open.');
    if (!payload.header.sources.some((s) => s.id === sourceId)) return fail('not-found', `The dataset has no source "${sourceId}".`);
    const checking = this.localCopies.check(payload, file.path, payload.header.sources, sourceId);
    return checking ? ok(await checking) : fail('not-found', `Source "${sourceId}" has no local copy.`);
  }

  /**
   * "Add local copy…" in an event's details: the user picks a file in main's dialog; it is
   * referenced where it lies when inside the dataset's folder, else copied into its sources/
   * (atomically); its SHA-256 is computed; the source's entry in the dataset file gets both
   * (atomically, checked by loading it back first, every other byte kept), and the file is opened
   * again, as saving stories does. Only into the user's own Frontline file: the bundled dataset
   * and imports have no folder of their own to keep copies in.
   */
  async addLocalCopy(sourceId: string): Promise<Result<OpenOutcome>> {
    const payload = this.deps.service.current;
    const file = this.deps.service.currentFile;
    if (!payload || !file) return fail('not-found', 'No dataset is open to add a local copy to.');
    const index = payload.header.sources.findIndex((s) => s.id === sourceId);
    if (index < 0) return fail('not-found', `The dataset has no source "${sourceId}".`);
    if (file.bundled || file.format !== 'native') {
      return fail(
        'invalid-data',
        `A local copy is kept beside a Frontline file of your own, and ${file.displayName} is ${file.bundled ? 'the dataset that comes with Frontline' : 'an import'}: save it as a Frontline dataset (File › Save…), open that file, then add the copy.`
      );
    }
    const whole = this.#heldAsShown('The local copy was not added');
    const picked = await this.deps.dialogs.showOpen('local-copy');
    if (picked === undefined) return ok({ kind: 'dismissed' });
    const held = await whole();
    if (!held.ok) return held;
    const placed = await placeLocalCopy(file.path, picked);
    if (!placed.ok) return placed;
    const { name, sha256, copied } = placed.value;
    let bytes: Uint8Array;
    try {
      bytes = withSourceCopy(held.value.bytes, index, name, sha256);
    } catch (err) {
      return fail('internal', `The local copy was not recorded in ${file.displayName}: ${err instanceof Error ? err.message : String(err)}.`);
    }
    const check = loadDatasetBytes(bytes, file.displayName, { fastCheck: fastEventCheck() });
    if (!check.ok) return fail('invalid-data', `The local copy was not recorded in ${file.displayName}: ${formatProblem(check.problems[0]!)}`, check.problems);
    const written = await writeFileAtomic(file.path, bytes);
    if (!written.ok) return fail('io', written.message);
    this.deps.log?.(`${copied ? 'copied' : 'referenced'} ${picked} as ${name} (SHA-256 ${sha256}), the local copy of source ${sourceId} in ${file.path}`);
    return ok(await this.#open(file.path));
  }

  #open(path: string): Promise<OpenOutcome> {
    return this.#track(this.deps.service.open(path, { displayName: basename(path) }));
  }

  /** Once a file is opened (held), it goes first in the recent list. */
  async #track(opening: Promise<OpenOutcome>): Promise<OpenOutcome> {
    const outcome = await opening;
    const file = this.deps.service.currentFile;
    if (outcome.kind === 'opened') this.startLocalCopyChecks();
    if (outcome.kind === 'opened' && file && !file.bundled) {
      const saved = await this.deps.settings.addRecent(file.path);
      if (!saved.ok) this.deps.log?.(saved.message);
      this.deps.onRecentChanged?.();
    }
    return outcome;
  }
}

/** `path` is a full path to an existing regular file (not a folder, device or pipe). */
export async function checkRegularFile(path: string): Promise<Result<string>> {
  if (!isAbsolute(path)) return fail('bad-arguments', `"${path.slice(0, 200)}" is not a full path to a file.`);
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    return fail('not-found', `${path} cannot be opened: ${describeIoError(err)}.`);
  }
  if (!info.isFile()) return fail('bad-arguments', `${path} cannot be opened: ${info.isDirectory() ? 'it is a folder, not a file' : 'it is not a regular file'}.`);
  return ok(path);
}

/**
 * Startup: load the bundled dataset (strictly), then open the file the command line or the OS
 * named, if any, as main does for any file it opens by itself.
 */
export function startDatasets(
  service: DatasetService,
  files: FileSession,
  bundled: { readonly path: string; readonly displayName: string; readonly bundled?: boolean },
  openPath?: string
): Promise<OpenOutcome> {
  const startup = service.load(bundled.path, { displayName: bundled.displayName, bundled: bundled.bundled ?? true });
  void startup.then((outcome) => {
    if (outcome.kind === 'opened') files.startLocalCopyChecks();
  });
  if (openPath !== undefined) void files.openFromMain(openPath, startup);
  return startup;
}
