// Navigation, window.open and permission decisions: the page never leaves itself, opens windows or gains permissions.
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './appProtocol';
import { isNavigationAllowed, permissionDecision, windowOpenDecision } from './navigation';

describe('isNavigationAllowed', () => {
  it('allows only a reload of the identical URL', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL, APP_ENTRY_URL)).toBe(true);
  });

  it('allows the presenter view (the app at #presenter) to reload itself, and nothing else', () => {
    const presenter = `${APP_ENTRY_URL}#presenter`;
    expect(isNavigationAllowed(presenter, presenter)).toBe(true);
    expect(isNavigationAllowed('https://example.com/', presenter)).toBe(false);
    expect(isNavigationAllowed(`${APP_ENTRY_URL}#other`, presenter)).toBe(false);
  });

  it.each([
    'https://www.bbc.co.uk/news',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://frontline/other.html',
    'app://frontline/index.html#section',
    'app://frontline/index.html?x=1',
    'app://frontline/',
    'APP://frontline/index.html',
    ''
  ])('denies %j', (target) => {
    expect(isNavigationAllowed(target, APP_ENTRY_URL)).toBe(false);
  });
});

describe('windowOpenDecision', () => {
  it('always denies', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('permissionDecision', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'pointerLock', 'unknown', ''])(
    'denies %j',
    (permission) => {
      expect(permissionDecision(permission)).toBe(false);
    }
  );
});
