// What main does before the app is ready (checklist items 1 and 4): the Chromium sandbox for every
// renderer (app.enableSandbox) and the app:// scheme's privileges. Both only work before 'ready'.
import type { CustomScheme } from 'electron';
import { APP_SCHEME } from './appProtocol';

/** The part of Electron's `app` used here. */
export interface HardenableApp {
  isReady(): boolean;
  enableSandbox(): void;
}

/** The part of Electron's `protocol` used here. */
export interface SchemeRegistry {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
}

/**
 * app:// behaves like https: a standard, secure origin (module scripts, fetch of its own files, V8
 * code cache). Deliberately NOT bypassCSP, corsEnabled, allowServiceWorkers, stream or allowExtensions.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
};

/** Call once, at the top of main, before anything waits for 'ready'. Throws if the app is already ready. */
export function hardenApp(app: HardenableApp, protocol: SchemeRegistry): void {
  if (app.isReady()) {
    // Electron would refuse enableSandbox() too; registerSchemesAsPrivileged would just do nothing.
    throw new Error('hardenApp() must run before the app is ready: the sandbox and app:// privileges cannot be set afterwards');
  }
  // Every renderer sandboxed, whatever a window's options say (and --no-sandbox is dropped).
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}
