// Electron main process: the thin edge. It wires the pure modules (security, protocol, IPC
// dispatcher, dataset loading) to Electron and holds no logic of its own worth testing apart.
import { app, BrowserWindow, type BrowserWindowConstructorOptions, clipboard, ClipboardItem, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type AppCommand, type ExportProgress, type InvokeMethod, type LoadProgress } from '../shared/ipc/contract';
import { codeStamp, openCacheFolder } from './cache/cacheFolder';
import { clearCache } from './cache/cacheEntries';
import { DEFAULT_CACHE_BYTES, type CacheConfig } from './cache/openCache';
import { BUNDLED_DATASET_FILE, bundledDatasetPath } from './dataset/bundledDataset';
import { DatasetService } from './dataset/datasetService';
import { WORKER_RESOURCE_LIMITS, workerPool } from './dataset/workerRunLoad';
import { ExportSession, IMAGE_FILTERS, type ImageDialogs } from './export/exportSession';
import { PAGE_FILTER, PageExportSession } from './export/pageExportSession';
import { sweepTempFiles } from './files/atomicWrite';
import { fileArgument } from './files/commandLine';
import { LOCAL_COPY_FILTERS, OPEN_FILTERS, saveFilters } from './files/dialogOptions';
import { FileSession, startDatasets, type Dialogs } from './files/fileSession';
import { SETTINGS_FILE, SettingsStore } from './files/settingsStore';
import { createDispatcher } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { LAYER_FILTERS, LayerSession } from './map/controlLayerFile';
import { menuTemplate } from './menu';
import { presenterPlacement } from './present/presenterPlacement';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, resolveAppAsset } from './security/appProtocol';
import { CrashReloadGate, crashLogLine, crashLoopDialog, type CrashedWindow } from './security/crashReload';
import { securityHeaders } from './security/csp';
import { guardWebContents } from './security/guardWebContents';
import { hardenApp } from './security/hardenApp';
import { permissionDecision } from './security/navigation';
import { shouldBlockRequest } from './security/requestFilter';
import { isTrustedSender, originOf } from './security/senderCheck';
import { createSecureWindow } from './security/windowOptions';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const trustedOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl) ?? ''] : [])];
const log = (message: string): void => console.log(`[frontline] ${message}`);

// Before the app is ready: every renderer sandboxed; app:// behaves like https (secure context, module scripts).
hardenApp(app, protocol);

let mainWindow: BrowserWindow | undefined;
/** The presenter view (one at most), closed with the main window. */
let presenterWindow: BrowserWindow | undefined;
// Files opened before and unchanged since open from a cache in the system's cache folder, written
// and checked by this very build (its stamp), within a size bound.
const cache: CacheConfig = {
  dir: openCacheFolder(process.platform, app.getPath('home'), process.env, app.getName()),
  maxBytes: DEFAULT_CACHE_BYTES,
  stamp: `${app.getVersion()}+${codeStamp(here)}`
};
// Files are parsed and validated in a worker thread, never on the main process's event loop.
const loaders = workerPool(() => new Worker(join(here, 'loadWorker.js'), { resourceLimits: WORKER_RESOURCE_LIMITS }), { cache, log });
app.on('will-quit', () => loaders.dispose());
const service = new DatasetService(
  loaders.runLoad,
  (progress: LoadProgress) => mainWindow?.webContents.send(EVENT_CHANNELS.onLoadProgress, progress)
);

const settings = new SettingsStore(join(app.getPath('userData'), SETTINGS_FILE));

// The native dialogs, attached to the window. Which filter the user picked is not needed: the
// file's format is told from its contents.
const dialogs: Dialogs = {
  async showOpen(purpose) {
    // A dataset to open, or any file to keep as a source's local copy.
    const local = purpose === 'local-copy';
    const filters = (local ? LOCAL_COPY_FILTERS : OPEN_FILTERS).map((f) => ({ name: f.name, extensions: [...f.extensions] }));
    const options = { title: local ? 'Add Local Copy of the Source' : 'Open', properties: ['openFile' as const], filters };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  },
  async showSave({ defaultName, format }) {
    const options = { title: format === 'csv' ? 'Save As CSV' : 'Save As Frontline Dataset', defaultPath: defaultName, filters: saveFilters(format).map((f) => ({ name: f.name, extensions: [...f.extensions] })), properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  }
};

const files = new FileSession({ service, settings, dialogs, sendCommand, onRecentChanged: () => void refreshMenu(), log });

// File > Open Control Layer…: its own open dialog, filtered to GeoJSON and KML.
const layers = new LayerSession({
  dialogs: {
    async showOpenLayer() {
      const options = { title: 'Open Control Layer', properties: ['openFile' as const], filters: LAYER_FILTERS.map((f) => ({ name: f.name, extensions: [...f.extensions] })) };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    }
  },
  log
});

// File > Export Image: its own save dialog, filtered to the format chosen in the export dialog.
const imageDialogs: ImageDialogs = {
  async showSaveImage({ defaultName, format }) {
    const filter = IMAGE_FILTERS[format];
    const options = { title: 'Export Image', defaultPath: defaultName, filters: [{ name: filter.name, extensions: [...filter.extensions] }], properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  }
};

const exports = new ExportSession({
  service,
  dialogs: imageDialogs,
  // Electron 45's clipboard is the W3C-style one (clipboard.writeImage is gone): a PNG ClipboardItem.
  writeClipboardPng: (png) => clipboard.write([new ClipboardItem({ 'image/png': new Blob([new Uint8Array(png)], { type: 'image/png' }) })]),
  sendProgress: (progress: ExportProgress) => mainWindow?.webContents.send(EVENT_CHANNELS.onExportProgress, progress),
  location: { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() },
  log
});

// File > Export Interactive Page: its own save dialog (.html); the template ships in out/page.
const pages = new PageExportSession({
  service,
  dialogs: {
    async showSavePage({ defaultName }) {
      const options = { title: 'Export Interactive Page', defaultPath: defaultName, filters: [{ name: PAGE_FILTER.name, extensions: [...PAGE_FILTER.extensions] }], properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    }
  },
  madeWith: `${app.getName()} ${app.getVersion()}`,
  location: { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() },
  log
});

/** A file the OS asked to open before the app was ready (macOS open-file at launch). */
let launchFile: string | undefined;
let started = false;

/** Open a file main was asked to open (OS, second instance), bringing up a window for it. */
function openFromOutside(path: string): void {
  if (!started) {
    launchFile = path;
    return;
  }
  void files.openFromMain(path);
  if (!mainWindow) createWindow();
  else {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
}

function startLoading(): void {
  const path = bundledDatasetPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() });
  const openPath = launchFile ?? fileArgument(process.argv, { defaultApp: process.defaultApp === true, cwd: process.cwd() });
  launchFile = undefined;
  void startDatasets(service, files, { path, displayName: BUNDLED_DATASET_FILE }, openPath).then((loaded) => {
    if (loaded.kind === 'opened') log(`loaded ${path}: ${loaded.dataset.columns.count} events`);
    else if (loaded.kind === 'failed') log(`failed to load ${path}: ${loaded.error.message} ${(loaded.error.problems ?? []).map((p) => p.message).join('; ')}`);
    else log(`did not load ${path}: ${loaded.kind}`);
  });
}

async function refreshMenu(): Promise<void> {
  const recent = await settings.recentFiles();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(sendCommand, {
        isMac: process.platform === 'darwin',
        devTools: !app.isPackaged,
        recent,
        openRecent: (path) => openFromOutside(path),
        clearRecent: () => void settings.clearRecent().then(() => refreshMenu())
      })
    )
  );
}

function registerIpc(): void {
  const handlers = createHandlers({
    service,
    files,
    exports,
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform, versions: { ...process.versions } as Record<string, string> }),
    openExternal: (url) => shell.openExternal(url),
    openPresenterView: async () => openPresenterWindow(),
    settings,
    location: { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() },
    layers,
    pages,
    clearCache: async () => {
      const cleared = await clearCache(cache.dir);
      log(`cleared the cache of opened files: ${cleared.entries} entries, ${cleared.bytes} bytes`);
      return cleared;
    }
  });
  const dispatch = createDispatcher(handlers, (sender) => isTrustedSender(sender, trustedOrigins), log);
  for (const method of Object.keys(INVOKE_CHANNELS) as InvokeMethod[]) {
    const channel = INVOKE_CHANNELS[method];
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      dispatch(channel, { url: event.senderFrame?.url ?? '', isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame }, args)
    );
  }
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = shouldBlockRequest(details.url, devServerUrl);
    if (cancel) log(`blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel });
  });
  // The dev server's responses get the same CSP the app:// handler sends.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const [name, value] of Object.entries(securityHeaders(devServerUrl ? { devServerUrl } : {}))) headers[name] = [value];
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  ses.setDevicePermissionHandler(() => false);
}

function serveAppProtocol(): void {
  const headers = securityHeaders();
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppAsset(rendererRoot, request.url);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    try {
      const body = await readFile(resolved.filePath);
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': resolved.mimeType } });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

function sendCommand(command: AppCommand): void {
  mainWindow?.webContents.send(EVENT_CHANNELS.onCommand, command);
}

/** A window with the secure options (windowOptions.ts); `window` sets its size, place and title. */
function secureWindow(window?: Omit<BrowserWindowConstructorOptions, 'webPreferences'>): BrowserWindow {
  // Packaged builds carry their icon; while developing, Linux needs it given explicitly.
  const iconPath = app.isPackaged ? undefined : join(app.getAppPath(), 'resources', 'icon.png');
  return createSecureWindow(BrowserWindow, preloadPath, { devTools: !app.isPackaged, ...(iconPath ? { iconPath } : {}), ...(window ? { window } : {}) });
}

/**
 * A crashed renderer is reloaded with the dataset main still holds, but a page that keeps crashing
 * is not reloaded forever (crashReload.ts): the user is asked instead.
 */
function reloadAfterCrash(win: BrowserWindow, which: CrashedWindow): void {
  const gate = new CrashReloadGate();
  let asking = false;
  win.webContents.on('render-process-gone', (_event, details) => {
    // A monotonic clock: a change of the system time cannot reset the count.
    const decision = gate.decide(details.reason, performance.now());
    log(crashLogLine(which, details, decision));
    if (decision.action === 'reload') win.webContents.reload();
    else if (decision.action === 'give-up' && !asking) {
      asking = true;
      const { reloadButton, ...box } = crashLoopDialog(which, details.reason, decision);
      void dialog.showMessageBox(win, box).then(({ response }) => {
        asking = false;
        if (win.isDestroyed()) return;
        if (response === reloadButton) {
          log(`${which} window: reloading after the crashes, as the user asked`);
          gate.reset();
          win.webContents.reload();
        } else win.close();
      });
    }
  });
}

function createWindow(): void {
  const win = secureWindow();
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  reloadAfterCrash(win, 'main');
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
    presenterWindow?.close();
  });
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

/**
 * The presenter view: the same page (and the same security options) at #presenter, on another
 * display when there is one, else beside the main window. It talks to the main window's page over
 * a BroadcastChannel; main only places it.
 */
function openPresenterWindow(): { display: 'second' | 'same' } {
  const displays = screen.getAllDisplays();
  const placement = presenterPlacement(displays, mainWindow?.getBounds() ?? screen.getPrimaryDisplay().workArea);
  if (presenterWindow && !presenterWindow.isDestroyed()) {
    if (presenterWindow.isMinimized()) presenterWindow.restore();
    presenterWindow.focus();
    return { display: placement.display };
  }
  const win = secureWindow({ ...placement.bounds, minWidth: 480, minHeight: 360, title: 'Frontline — Presenter view' });
  presenterWindow = win;
  win.once('ready-to-show', () => win.show());
  reloadAfterCrash(win, 'presenter');
  win.on('closed', () => {
    if (presenterWindow === win) presenterWindow = undefined;
  });
  void win.loadURL(`${devServerUrl ?? APP_ENTRY_URL}#presenter`);
  return { display: placement.display };
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // A second instance's file (double-clicked, or given on its command line) opens here.
    const path = fileArgument(argv, { defaultApp: process.defaultApp === true, cwd: workingDirectory });
    if (path !== undefined) openFromOutside(path);
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // macOS: a file opened from the Finder or dropped on the Dock icon (also at launch, before ready).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOutside(path);
  });
  // Every web contents, windows and anything else, guarded as it is created.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(async () => {
    hardenSession();
    serveAppProtocol();
    registerIpc();
    await settings.load();
    if (settings.notice) log(settings.notice);
    void sweepTempFiles(app.getPath('userData'));
    // An entry half-written when the app was killed leaves a temporary file, never an entry.
    void sweepTempFiles(cache.dir);
    await refreshMenu();
    started = true;
    startLoading();
    createWindow();
    // Files on the recent list may have appeared or gone while the app was in the background.
    app.on('browser-window-focus', () => void refreshMenu());
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
