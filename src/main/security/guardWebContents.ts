// The guard every web contents gets as it is created (checklist items 11-14): no <webview> ever
// attaches, no window ever opens, and no navigation leaves the page. Pure, over a WebContents-like interface.
import { isNavigationAllowed, windowOpenDecision } from './navigation';

export interface PreventableEvent {
  preventDefault(): void;
}

/** will-navigate, will-frame-navigate and will-redirect all carry the target as `event.url`. */
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** The part of Electron's WebContents the guard uses (Electron's own type satisfies it). */
export interface GuardedContents {
  on(event: 'will-attach-webview', listener: (event: PreventableEvent, webPreferences: unknown, params: unknown) => void): unknown;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  getURL(): string;
}

export function guardWebContents(contents: GuardedContents, log: (message: string) => void): void {
  // Refused whatever it asks for: the app has no webviews, so the webPreferences and params (which
  // a compromised page controls) are never read, let alone trusted.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview> from attaching');
  });
  contents.setWindowOpenHandler((details) => {
    log(`blocked a new window for ${details.url.slice(0, 200)}`);
    return windowOpenDecision();
  });
  const guard = (event: NavigationEvent): void => {
    if (isNavigationAllowed(event.url, contents.getURL())) return;
    event.preventDefault();
    log(`blocked navigation to ${event.url.slice(0, 200)}`);
  };
  // Written out per event so each listener is typed by its event (and so reviewers and
  // Electronegativity see the will-navigate guard).
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
}
