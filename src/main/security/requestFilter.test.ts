// shouldBlockRequest: the renderer reaches no network or file; only app:, data:, blob:, devtools: and the dev server.
import { describe, expect, it } from 'vitest';
import { shouldBlockRequest } from './requestFilter';

const DEV = 'http://localhost:5173';

describe('shouldBlockRequest in production', () => {
  it.each([
    'http://example.org/',
    'https://www.bbc.co.uk/news',
    'ws://example.org/socket',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'http://localhost:5173/src/main.ts',
    'ws://localhost:5173/',
    'http://127.0.0.1/',
    'javascript:alert(1)'
  ])('blocks %s', (url) => {
    expect(shouldBlockRequest(url)).toBe(true);
  });

  it.each([
    'app://frontline/index.html',
    'app://frontline/assets/index.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://frontline/4b1c-8e2f',
    'devtools://devtools/bundled/devtools_app.html',
    'chrome-extension://abcdef/panel.html'
  ])('allows %s', (url) => {
    expect(shouldBlockRequest(url)).toBe(false);
  });

  it('blocks anything it cannot parse', () => {
    expect(shouldBlockRequest('not a url')).toBe(true);
    expect(shouldBlockRequest('')).toBe(true);
  });

  it('compares schemes case-insensitively', () => {
    expect(shouldBlockRequest('HTTPS://example.org/')).toBe(true);
    expect(shouldBlockRequest('APP://frontline/index.html')).toBe(false);
  });
});

describe('shouldBlockRequest in development', () => {
  it('allows the dev server over http and its ws:// socket', () => {
    expect(shouldBlockRequest('http://localhost:5173/src/main.ts', DEV)).toBe(false);
    expect(shouldBlockRequest('http://localhost:5173/@vite/client', `${DEV}/`)).toBe(false);
    expect(shouldBlockRequest('ws://localhost:5173/', DEV)).toBe(false);
  });

  it('still blocks every other host, port and scheme', () => {
    for (const url of [
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'https://localhost:5173/',
      'wss://localhost:5173/',
      'ftp://localhost:5173/',
      'http://localhost:5173.evil.org/',
      'http://localhost:5173@evil.org/',
      'https://example.org/',
      'file:///etc/passwd'
    ]) {
      expect(shouldBlockRequest(url, DEV), url).toBe(true);
    }
  });

  it('keeps app: and data: allowed', () => {
    expect(shouldBlockRequest('app://frontline/index.html', DEV)).toBe(false);
    expect(shouldBlockRequest('data:text/plain,x', DEV)).toBe(false);
  });
});
