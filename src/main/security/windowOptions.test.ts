// secureWebPreferences / mainWindowOptions / createSecureWindow: every Electron security switch is
// set explicitly and safely, and reaches the BrowserWindow constructor whatever a window adds.
import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createSecureWindow, mainWindowOptions, secureWebPreferences } from './windowOptions';

const PRELOAD = '/opt/Frontline/resources/app.asar/out/preload/index.cjs';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences(PRELOAD, false);

  it('passes the preload path through unchanged', () => {
    expect(prefs.preload).toBe(PRELOAD);
  });

  it('sandboxes and isolates the renderer', () => {
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
  });

  it('gives Node to no renderer context: page, workers or sub-frames', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and insecure or experimental features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
  });

  it('enables no Blink features', () => {
    expect(Object.keys(prefs)).not.toContain('enableBlinkFeatures');
  });

  it('turns devtools on only when asked', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences(PRELOAD, true).devTools).toBe(true);
  });
});

describe('mainWindowOptions', () => {
  it('uses the secure web preferences', () => {
    const options = mainWindowOptions(PRELOAD, { devTools: false });
    expect(options.webPreferences).toEqual(secureWebPreferences(PRELOAD, false));
  });

  it('passes devTools through to the web preferences', () => {
    expect(mainWindowOptions(PRELOAD, { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('starts hidden (shown once ready) and titled Frontline', () => {
    const options = mainWindowOptions(PRELOAD, { devTools: false });
    expect(options.show).toBe(false);
    expect(options.title).toBe('Frontline');
  });

  it('sets an icon only when given one', () => {
    expect('icon' in mainWindowOptions(PRELOAD, { devTools: false })).toBe(false);
    expect(mainWindowOptions(PRELOAD, { devTools: false, iconPath: '/icons/frontline.png' }).icon).toBe('/icons/frontline.png');
  });
});

/** Stands in for Electron's BrowserWindow: keeps the options it was constructed with. */
class FakeWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('createSecureWindow', () => {
  it('constructs the window with the main window options and exactly the secure web preferences', () => {
    const win = createSecureWindow(FakeWindow, PRELOAD, { devTools: false });
    expect(win).toBeInstanceOf(FakeWindow);
    expect(win.options).toEqual(mainWindowOptions(PRELOAD, { devTools: false }));
    expect(win.options.webPreferences).toEqual(secureWebPreferences(PRELOAD, false));
  });

  it('passes the sandbox, context isolation and no Node integration to the constructor', () => {
    // Electronegativity's SANDBOX / CONTEXT_ISOLATION / NODE_INTEGRATION checks read these at the construction site.
    const prefs = createSecureWindow(FakeWindow, PRELOAD, { devTools: true }).options.webPreferences;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false, devTools: true });
  });

  it('takes size, place and title from the window options', () => {
    const win = createSecureWindow(FakeWindow, PRELOAD, { devTools: false, iconPath: '/i.png', window: { x: 10, y: 20, width: 800, height: 600, minWidth: 480, title: 'Presenter' } });
    expect(win.options).toMatchObject({ x: 10, y: 20, width: 800, height: 600, minWidth: 480, title: 'Presenter', icon: '/i.png', show: false });
  });

  it('never takes web preferences from the window options, even when they are forced in', () => {
    const forced = { webPreferences: { sandbox: false, contextIsolation: false, nodeIntegration: true, preload: '/evil.js', webviewTag: true } } as never;
    const win = createSecureWindow(FakeWindow, PRELOAD, { devTools: false, window: forced });
    expect(win.options.webPreferences).toEqual(secureWebPreferences(PRELOAD, false));
  });
});
