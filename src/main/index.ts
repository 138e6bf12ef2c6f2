// Electron main process: the thin edge. It wires the pure modules (security, protocol, IPC
// dispatcher, dataset loading) to Electron and holds no logic of its own worth testing apart.
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type AppCommand, type AppError, type InvokeMethod } from '../shared/ipc/contract';
import { bundledDatasetPath } from './dataset/bundledDataset';
import { DatasetStore } from './dataset/datasetStore';
import { loadDatasetFile } from './dataset/loadDatasetFile';
import { createDispatcher } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { menuTemplate } from './menu';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, resolveAppAsset } from './security/appProtocol';
import { securityHeaders } from './security/csp';
import { isNavigationAllowed, permissionDecision, windowOpenDecision } from './security/navigation';
import { shouldBlockRequest } from './security/requestFilter';
import { isTrustedSender, originOf } from './security/senderCheck';
import { mainWindowOptions } from './security/windowOptions';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const trustedOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl) ?? ''] : [])];
const log = (message: string): void => console.log(`[frontline] ${message}`);

// Must run before the app is ready: app:// behaves like https (secure context, module scripts).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
]);
app.enableSandbox();

const store = new DatasetStore();
let startupError: AppError | undefined;
let mainWindow: BrowserWindow | undefined;

async function loadBundledDataset(): Promise<void> {
  const path = bundledDatasetPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() });
  const loaded = await loadDatasetFile(path);
  if (loaded.ok) {
    store.replace({ dataset: loaded.dataset, warnings: loaded.warnings, file: { name: loaded.name, bundled: true, bytes: loaded.bytes } });
    log(`loaded ${path}: ${loaded.dataset.events.length} events`);
  } else {
    startupError = { code: 'invalid-data', message: `The bundled dataset ${loaded.name} could not be loaded.`, problems: loaded.problems };
    log(`failed to load ${path}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  }
}

function registerIpc(): void {
  const handlers = createHandlers({
    store,
    startupError: () => startupError,
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform, versions: { ...process.versions } as Record<string, string> }),
    openExternal: (url) => shell.openExternal(url)
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

function guardWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
  const guard = (event: { preventDefault: () => void }, url: string): void => {
    if (!isNavigationAllowed(url, contents.getURL())) {
      event.preventDefault();
      log(`blocked navigation to ${url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
}

function sendCommand(command: AppCommand): void {
  mainWindow?.webContents.send(EVENT_CHANNELS.onCommand, command);
}

function createWindow(): void {
  // Packaged builds carry their icon; while developing, Linux needs it given explicitly.
  const iconPath = app.isPackaged ? undefined : join(app.getAppPath(), 'resources', 'icon.png');
  const win = new BrowserWindow(mainWindowOptions(preloadPath, { devTools: !app.isPackaged, ...(iconPath ? { iconPath } : {}) }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => {
    log(`renderer gone (${details.reason}); reloading with the dataset main still holds`);
    if (details.reason !== 'clean-exit') win.webContents.reload();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(async () => {
    hardenSession();
    serveAppProtocol();
    registerIpc();
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendCommand, { isMac: process.platform === 'darwin', devTools: !app.isPackaged })));
    await loadBundledDataset();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
