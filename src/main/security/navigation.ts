// The renderer never navigates away and never opens windows: the app is a single page. Links to
// sources are opened by main (openSourceUrl), never by the page.

/** Decision for will-navigate / will-frame-navigate / will-redirect: only a reload of our own page. */
export function isNavigationAllowed(targetUrl: string, currentUrl: string): boolean {
  return targetUrl === currentUrl;
}

/** setWindowOpenHandler answer: always deny. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission request and check handlers: deny everything (camera, notifications, clipboard read, ...). */
export function permissionDecision(_permission: string): boolean {
  return false;
}
