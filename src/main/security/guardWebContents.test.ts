// guardWebContents over a fake WebContents: webviews never attach, windows never open, navigation
// away from the page is prevented (a reload of the same URL is not).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardWebContents, type GuardedContents } from './guardWebContents';

const PAGE = 'app://frontline/index.html';

class FakeContents extends EventEmitter {
  url = PAGE;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
}

/** An Electron-like event: remembers whether a listener called preventDefault. */
function fakeEvent(url = ''): { url: string; defaultPrevented: boolean; preventDefault(): void } {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    }
  };
}

/** An object that fails the test if anything reads or writes it. */
function untouchable(name: string): object {
  return new Proxy(
    {},
    {
      get: (_t, key) => {
        throw new Error(`${name}.${String(key)} was read`);
      },
      set: (_t, key) => {
        throw new Error(`${name}.${String(key)} was written`);
      },
      has: (_t, key) => {
        throw new Error(`${name} was asked for ${String(key)}`);
      },
      ownKeys: () => {
        throw new Error(`${name} keys were listed`);
      }
    }
  );
}

function guarded(): { contents: FakeContents; logs: string[] } {
  const contents = new FakeContents();
  const logs: string[] = [];
  guardWebContents(contents satisfies GuardedContents, (m) => logs.push(m));
  return { contents, logs };
}

describe('will-attach-webview', () => {
  it('is always prevented, and neither its webPreferences nor its params are looked at', () => {
    const { contents, logs } = guarded();
    const event = fakeEvent();
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    contents.emit('will-attach-webview', event, untouchable('webPreferences'), untouchable('params'));
    expect(event.defaultPrevented).toBe(true);
    expect(logs).toEqual(['blocked a <webview> from attaching']);
  });

  it('is prevented even for a webview of our own page with the secure preferences', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, { sandbox: true, contextIsolation: true, nodeIntegration: false }, { src: PAGE });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('new windows', () => {
  it.each(['https://example.com/', PAGE, 'javascript:alert(1)', 'file:///etc/passwd'])('are denied for %s', (url) => {
    const { contents, logs } = guarded();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(logs[0]).toBe(`blocked a new window for ${url}`);
  });
});

describe('navigation', () => {
  const EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'];

  it.each(EVENTS)('%s is guarded by exactly one listener', (name) => {
    expect(guarded().contents.listenerCount(name)).toBe(1);
  });

  it.each(
    EVENTS.flatMap((name) =>
      ['https://example.com/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://frontline/other.html', 'app://evil/index.html', 'javascript:alert(1)', `${PAGE}#elsewhere`].map(
        (url) => [name, url] as const
      )
    )
  )('%s to %s is prevented and logged', (name, url) => {
    const { contents, logs } = guarded();
    const event = fakeEvent(url);
    contents.emit(name, event);
    expect(event.defaultPrevented).toBe(true);
    expect(logs).toEqual([`blocked navigation to ${url}`]);
  });

  it.each(EVENTS)('%s to the page itself (a reload) goes ahead', (name) => {
    const { contents, logs } = guarded();
    const event = fakeEvent(PAGE);
    contents.emit(name, event);
    expect(event.defaultPrevented).toBe(false);
    expect(logs).toEqual([]);
  });

  it('compares with the URL the contents has at the time, not when it was guarded', () => {
    const { contents } = guarded();
    contents.url = `${PAGE}#presenter`;
    const stay = fakeEvent(`${PAGE}#presenter`);
    const leave = fakeEvent(PAGE);
    contents.emit('will-navigate', stay);
    contents.emit('will-navigate', leave);
    expect(stay.defaultPrevented).toBe(false);
    expect(leave.defaultPrevented).toBe(true);
  });

  it('logs at most 200 characters of a long target', () => {
    const { contents, logs } = guarded();
    contents.emit('will-navigate', fakeEvent(`https://example.com/${'a'.repeat(5000)}`));
    expect(logs[0]!.length).toBe('blocked navigation to '.length + 200);
  });
});
