// BrowserWindow options with every security switch set explicitly (Electron's checklist items
// 2-4, 6, 8-11): sandboxed, isolated, no Node, no webview, no drag-and-drop navigation. Every
// window of the app is made by createSecureWindow.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools
  };
}

export function mainWindowOptions(preloadPath: string, options: { devTools: boolean; iconPath?: string }): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Frontline',
    backgroundColor: '#f7f7f5',
    autoHideMenuBar: false,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(preloadPath, options.devTools)
  };
}

/** Electron's BrowserWindow class, or a fake of it in tests. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

export interface SecureWindowOptions {
  readonly devTools: boolean;
  readonly iconPath?: string;
  /** Size, place and title of this window; its web preferences are never taken from here. */
  readonly window?: Omit<BrowserWindowConstructorOptions, 'webPreferences'>;
}

/**
 * The one place a window is constructed. The sandbox, context isolation and Node switches are
 * written out again at the construction (they equal secureWebPreferences, asserted in
 * windowOptions.test.ts) and come last, so nothing spread in before can turn them off, and so
 * reviewers and Electronegativity, which reads only the literal at `new BrowserWindow`, see them.
 */
export function createSecureWindow<W>(BrowserWindow: WindowConstructor<W>, preloadPath: string, options: SecureWindowOptions): W {
  const base = mainWindowOptions(preloadPath, options);
  return new BrowserWindow({
    ...base,
    ...options.window,
    webPreferences: {
      ...secureWebPreferences(preloadPath, options.devTools),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false
    }
  });
}
