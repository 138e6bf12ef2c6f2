// Connects a Playwright page to the real main-process code: dataset loading, the IPC dispatcher
// (sender and argument validation), the handlers and the file session (open, recent list, review,
// mapping, main's own opens, Save As with atomic writes). Only Electron itself is left out: its
// dialogs are answered by the test, settings live in a temporary folder, and a dropped File is
// turned into a path by the preload shim (see below).
//
// Driving it from a test (see also tests/support/fixtures.ts, which passes these options through):
//
//   const app = await openApp({ dropDir: FIXTURES, recentFiles: [a, b], commandLinePath: c });
//   app.bridge.nextOpenDialog('/abs/path/acled.csv');     // File > Open returns this path…
//   app.bridge.nextOpenDialog('cancel');                 // …or the user cancels (also when nothing is queued)
//                                                       // (File › Open Control Layer… answers from the same queue)
//   app.bridge.nextSaveDialog(join(app.bridge.tempDir, 'out.csv'));  // Save As (and Export Image) writes here (or 'cancel')
//   await app.bridge.sendCommand('open-file');           // a menu command, as main sends it
//   await app.bridge.openFromCommandLine(path);          // a second instance / the OS / Open Recent in the menu:
//                                                       // main opens it and sends 'main-open'
//   app.bridge.dialogCalls                               // what the dialogs were asked (default save names…)
//   await app.bridge.readWritten(path)                   // what Save As wrote
//   await app.bridge.recentFiles()                       // the recent list, as getRecentFiles answers
//   app.bridge.copied                                    // PNGs Copy Image put on the clipboard
//   app.bridge.exportProgress                            // export progress main sent
//   app.bridge.settingsPath                              // settings.json in a temporary folder
//   await app.bridge.cacheIdle()                         // files opened are in the cache (of this test's own)
//   app.bridge.cacheLog                                  // what it did: 'opened x.csv from the cache', 'cached x.csv (...)'
//
// Dropping files: Chromium has no webUtils.getPathForFile, so the shim maps a dropped File to
// `<dropDir>/<file.name>` (dropDir from the option or setDropDir). Without a drop folder it gives
// '' as Electron does for a File that is not on disk, which main refuses. In a test:
//
//   const dataTransfer = await page.evaluateHandle(() => {
//     const dt = new DataTransfer();
//     dt.items.add(new File([''], 'invalid-refs.frontline'));   // only the name matters
//     return dt;
//   });
//   await page.dispatchEvent('body', 'drop', { dataTransfer });
import { build } from 'esbuild';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { EVENT_CHANNELS, type AppCommand, type ExportProgress, type LoadProgress, type OpenOutcome, type RecentFile, type SaveFormat } from '../../src/shared/ipc/contract';
import { clearCache } from '../../src/main/cache/cacheEntries';
import type { CacheConfig } from '../../src/main/cache/openCache';
import { DatasetService, inlineCachedLoader, inlineRunLoad, type RunLoad } from '../../src/main/dataset/datasetService';
import type { ExportFormat } from '../../src/main/export/exportImage';
import { ExportSession } from '../../src/main/export/exportSession';
import { PageExportSession } from '../../src/main/export/pageExportSession';
import { FileSession, startDatasets, type Dialogs } from '../../src/main/files/fileSession';
import { SETTINGS_FILE, SettingsStore } from '../../src/main/files/settingsStore';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';
import { LayerSession } from '../../src/main/map/controlLayerFile';
import { isTrustedSender, originOf } from '../../src/main/security/senderCheck';

/** Typed arrays larger than this are fetched separately, in slices (each result must stay well under 100 MB). */
export const CHUNK_BYTES = 1024 * 1024;

export const BUNDLED_DATASET = join(import.meta.dirname, '..', '..', 'data', 'deir-al-zour-al-qaim-2017.frontline');

let shimSource: Promise<string> | undefined;
export function preloadShimSource(): Promise<string> {
  shimSource ??= build({
    entryPoints: [join(import.meta.dirname, 'preloadShim.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    target: 'chrome120'
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return shimSource;
}

export type DialogCall =
  | { readonly kind: 'open' }
  | { readonly kind: 'open-layer' }
  | { readonly kind: 'save'; readonly defaultName: string; readonly format: SaveFormat }
  | { readonly kind: 'save-image'; readonly defaultName: string; readonly format: ExportFormat }
  | { readonly kind: 'save-page'; readonly defaultName: string };

export interface BridgeOptions {
  /** The startup dataset (default: the bundled one). */
  readonly datasetPath?: string;
  readonly trustedOrigin: string;
  /** Replace main's loader (e.g. to hold a load open). Used for every load, the startup one included; no cache then. */
  readonly runLoad?: RunLoad;
  /**
   * Open through a cache of opened files, as the app does (default true): in a folder of this
   * test's own, written in the background after each open (cacheIdle waits for that).
   */
  readonly cache?: boolean;
  /** A file on the first instance's command line: opened after the startup dataset, as main does. */
  readonly commandLinePath?: string;
  /** Folder of settings.json (default: a fresh temporary folder, removed by dispose). */
  readonly settingsDir?: string;
  /** Put these on the recent list before the page loads, most recent first (they need not exist). */
  readonly recentFiles?: readonly string[];
  /** Folder the shim looks dropped files up in, by name. */
  readonly dropDir?: string;
}

export interface Bridge {
  readonly service: DatasetService;
  readonly files: FileSession;
  readonly settings: SettingsStore;
  /** URLs main was asked to open in the browser. */
  readonly opened: string[];
  /** Log lines from the dispatcher (refusals) and the file session. */
  readonly log: string[];
  /** What the cache of opened files did, as main logs it ('opened x from the cache', 'cached x (…)'). */
  readonly cacheLog: string[];
  /** The cache's folder (in tempDir), when there is a cache. */
  readonly cacheDir: string | undefined;
  /** Resolves once no entry is being written into the cache. */
  cacheIdle(): Promise<void>;
  /** Load progress main sent. */
  readonly progress: LoadProgress[];
  /** How many times the page asked for the presenter view (openPresenterView; answered 'same'). */
  readonly presenterViews: { count: number };
  /**
   * Bridge another page (a presenter view's window) to the same main: the same handlers, service
   * and dataset. Call before that page's goto. Main's events (progress, commands) go to the first page only.
   */
  attachPage(page: Page): Promise<void>;
  /** Commands main sent to the page (menu commands by sendCommand, and 'main-open'). */
  readonly commands: AppCommand[];
  /** PNGs Copy Image would have put on the clipboard, in order. */
  readonly copied: Uint8Array[];
  /** Export progress main sent. */
  readonly exportProgress: ExportProgress[];
  /** A temporary folder for this test (removed by dispose); a place to save to. */
  readonly tempDir: string;
  readonly settingsDir: string;
  readonly settingsPath: string;
  /** What the native dialogs were asked, in order. */
  readonly dialogCalls: DialogCall[];
  /** What the next File > Open dialog returns: a full path, or 'cancel'. Unqueued: cancel. */
  nextOpenDialog(result: string | 'cancel'): void;
  /** What the next Save As or Export Image dialog returns: a full path, or 'cancel'. Unqueued: cancel. */
  nextSaveDialog(result: string | 'cancel'): void;
  /** Where dropped files are looked up by name from now on (undefined: nowhere, refused). */
  setDropDir(dir: string | undefined): Promise<void>;
  /** Send a menu command, as main does. */
  sendCommand(command: AppCommand): Promise<void>;
  /**
   * Main opens `path` by itself (a second instance's command line, the OS, Open Recent in the
   * menu) and sends 'main-open'; the page then takes the outcome. Resolves with that outcome once
   * main has finished opening.
   */
  openFromCommandLine(path: string): Promise<OpenOutcome>;
  /** The text of a file Save As wrote. */
  readWritten(path: string): Promise<string>;
  /** The recent list, as getRecentFiles answers it. */
  recentFiles(): Promise<readonly RecentFile[]>;
  /** Remove the temporary folder. */
  dispose(): Promise<void>;
}

/**
 * Bridge `page` to main's handlers and start loading the startup dataset with main's loader, as
 * main does at startup (then the command-line file, if any). Call before page.goto.
 */
export async function installBridge(page: Page, options: BridgeOptions): Promise<Bridge> {
  const tempDir = await mkdtemp(join(tmpdir(), 'frontline-e2e-'));
  const settingsDir = options.settingsDir ?? join(tempDir, 'userData');
  await mkdir(settingsDir, { recursive: true });
  const settingsPath = join(settingsDir, SETTINGS_FILE);
  const settings = new SettingsStore(settingsPath);
  await settings.load();
  for (const path of [...(options.recentFiles ?? [])].reverse()) await settings.addRecent(path);

  const emit = (channel: string, payload: unknown): void => {
    void page.evaluate(([c, p]) => window.__frontlineEmit?.(c, p), [channel, payload] as const).catch(() => {});
  };
  const progress: LoadProgress[] = [];
  const commands: AppCommand[] = [];
  const log: string[] = [];
  // As the app: through a cache (of this test's own), unless the test brings its own loader.
  const cache: CacheConfig | undefined = options.runLoad === undefined && options.cache !== false ? { dir: join(tempDir, 'cache'), maxBytes: 2 * 1024 ** 3, stamp: 'e2e' } : undefined;
  const cacheLog: string[] = [];
  const cached = cache ? inlineCachedLoader(cache, (m) => cacheLog.push(m)) : undefined;
  const service = new DatasetService(options.runLoad ?? cached?.runLoad ?? inlineRunLoad, (p) => {
    progress.push(p);
    emit(EVENT_CHANNELS.onLoadProgress, p);
  });

  const openAnswers: (string | 'cancel')[] = [];
  const saveAnswers: (string | 'cancel')[] = [];
  const dialogCalls: DialogCall[] = [];
  const answer = (queue: (string | 'cancel')[]): string | undefined => {
    const next = queue.shift();
    return next === undefined || next === 'cancel' ? undefined : next;
  };
  const dialogs: Dialogs = {
    showOpen: async () => {
      dialogCalls.push({ kind: 'open' });
      return answer(openAnswers);
    },
    showSave: async ({ defaultName, format }) => {
      dialogCalls.push({ kind: 'save', defaultName, format });
      return answer(saveAnswers);
    }
  };
  const sendCommand = (command: AppCommand): void => {
    commands.push(command);
    emit(EVENT_CHANNELS.onCommand, command);
  };
  const files = new FileSession({ service, settings, dialogs, sendCommand, log: (m) => log.push(m) });
  const copied: Uint8Array[] = [];
  const exportProgress: ExportProgress[] = [];
  const exports = new ExportSession({
    service,
    dialogs: {
      showSaveImage: async ({ defaultName, format }) => {
        dialogCalls.push({ kind: 'save-image', defaultName, format });
        return answer(saveAnswers);
      }
    },
    writeClipboardPng: (png) => {
      copied.push(png);
    },
    sendProgress: (p) => {
      exportProgress.push(p);
      emit(EVENT_CHANNELS.onExportProgress, p);
    },
    log: (m) => log.push(m)
  });

  const path = options.datasetPath ?? BUNDLED_DATASET;
  void startDatasets(service, files, { path, displayName: basename(path), bundled: path === BUNDLED_DATASET }, options.commandLinePath);

  const opened: string[] = [];
  const presenterViews = { count: 0 };
  const handlers = createHandlers({
    service,
    files,
    exports,
    appInfo: () => ({ name: 'Frontline', version: 'test', platform: process.platform, versions: { node: process.versions.node } }),
    openExternal: async (url) => {
      opened.push(url);
    },
    openPresenterView: async () => {
      presenterViews.count++;
      return { display: 'same' };
    },
    // The map view's layout is remembered in this test's settings file, as the app's is in its own.
    settings,
    // File › Export Interactive Page…'s dialog answers from the same queue as Save As's (nextSaveDialog).
    pages: new PageExportSession({
      service,
      dialogs: {
        showSavePage: async ({ defaultName }) => {
          dialogCalls.push({ kind: 'save-page', defaultName });
          return answer(saveAnswers);
        }
      },
      madeWith: 'Frontline test',
      log: (m) => log.push(m)
    }),
    // File › Open Control Layer…'s dialog answers from the same queue as File › Open's (nextOpenDialog).
    layers: new LayerSession({
      dialogs: {
        showOpenLayer: async () => {
          dialogCalls.push({ kind: 'open-layer' });
          return answer(openAnswers);
        }
      },
      log: (m) => log.push(m)
    }),
    ...(cache ? { clearCache: () => clearCache(cache.dir) } : {})
  });
  const trusted = [originOf(options.trustedOrigin) ?? ''];
  const dispatch = createDispatcher(handlers, (sender) => isTrustedSender(sender, trusted), (m) => log.push(m));
  // Playwright's pipe to the browser holds at most 100 MB per message, so big typed arrays (a
  // million events) travel in slices: the result carries placeholders the shim fills in. Electron's
  // IPC has no such limit; this is test plumbing only.
  const parked = new Map<number, ArrayBufferView>();
  let nextParked = 0;
  const park = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value) && value.byteLength > CHUNK_BYTES) {
      const id = nextParked++;
      parked.set(id, value);
      return { __parked: id, type: value.constructor.name, length: (value as unknown as { length: number }).length };
    }
    if (Array.isArray(value)) return value.map(park);
    if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, park(v)]));
    }
    return value;
  };
  // The drop folder is set before the app runs (and on every reload), and again whenever the test
  // changes it: init scripts run in the order added, so the latest one wins.
  const setDropGlobal = (prefix: string): void => {
    (window as unknown as { __frontlineDropDir: string }).__frontlineDropDir = prefix;
  };
  const dropPrefix = (dir: string | undefined): string => (dir === undefined ? '' : dir.endsWith(sep) ? dir : `${dir}${sep}`);
  const attachPage = async (target: Page): Promise<void> => {
    await target.exposeBinding('__frontlineInvoke', async ({ frame }, channel: string, args: unknown[]) =>
      park(await dispatch(channel, { url: frame.url(), isMainFrame: frame === target.mainFrame() }, args))
    );
    await target.exposeBinding('__frontlineSlice', async (_source, id: number, from: number, to: number) => {
      const view = parked.get(id);
      if (!view) throw new Error(`nothing parked as ${id}`);
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength).subarray(from, to);
      if (to >= view.byteLength) parked.delete(id);
      return bytes;
    });
    await target.addInitScript(setDropGlobal, dropPrefix(options.dropDir));
    await target.addInitScript({ content: await preloadShimSource() });
  };
  await attachPage(page);
  return {
    service,
    files,
    settings,
    opened,
    presenterViews,
    attachPage,
    log,
    cacheLog,
    cacheDir: cache?.dir,
    cacheIdle: async () => cached?.idle(),
    progress,
    commands,
    copied,
    exportProgress,
    tempDir,
    settingsDir,
    settingsPath,
    dialogCalls,
    nextOpenDialog: (result) => {
      openAnswers.push(result);
    },
    nextSaveDialog: (result) => {
      saveAnswers.push(result);
    },
    setDropDir: async (dir) => {
      await page.addInitScript(setDropGlobal, dropPrefix(dir));
      await page.evaluate(setDropGlobal, dropPrefix(dir)).catch(() => {});
    },
    sendCommand: async (command) => {
      commands.push(command);
      await page.evaluate(([channel, cmd]) => window.__frontlineEmit(channel, cmd), [EVENT_CHANNELS.onCommand, command] as const);
    },
    openFromCommandLine: (file) => files.openFromMain(file),
    readWritten: (file) => readFile(file, 'utf8'),
    recentFiles: () => settings.recentFiles(),
    dispose: async () => {
      // Nothing may still be writing into the folder (a load running, a cache entry being written).
      await service.awaitCurrent().catch(() => {});
      await cached?.idle();
      await rm(tempDir, { recursive: true, force: true });
    }
  };
}
