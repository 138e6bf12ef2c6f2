// secureWebPreferences / mainWindowOptions: every Electron security switch is set explicitly and safely.
import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from './windowOptions';

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
