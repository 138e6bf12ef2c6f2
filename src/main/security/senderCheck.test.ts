// isTrustedSender / originOf: only the main frame of a trusted origin may call main over IPC.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './appProtocol';
import { isTrustedSender, originOf } from './senderCheck';

const TRUSTED = [APP_ORIGIN, 'http://127.0.0.1:1234'];
const main = (url: string) => ({ url, isMainFrame: true });

describe('originOf', () => {
  it('gives scheme://host[:port], also for app:// whose URL.origin is "null"', () => {
    expect(new URL('app://frontline/index.html').origin).toBe('null');
    expect(originOf('app://frontline/index.html')).toBe('app://frontline');
    expect(originOf('app://frontline')).toBe('app://frontline');
    expect(originOf('http://127.0.0.1:1234/index.html?x#y')).toBe('http://127.0.0.1:1234');
    expect(originOf('https://example.org/a')).toBe('https://example.org');
  });

  it('normalises scheme case, host case and the default port', () => {
    expect(originOf('HTTP://Example.ORG:80/')).toBe('http://example.org');
    expect(originOf('APP://frontline/')).toBe('app://frontline');
  });

  it('is undefined for URLs without a host and for garbage', () => {
    for (const url of ['about:blank', 'file:///etc/passwd', 'data:text/html,x', 'javascript:alert(1)', 'not a url', '', 'app:index.html']) {
      expect(originOf(url), url).toBeUndefined();
    }
  });
});

describe('isTrustedSender', () => {
  it('accepts the main frame of the app origin', () => {
    expect(isTrustedSender(main('app://frontline/index.html'), TRUSTED)).toBe(true);
    expect(isTrustedSender(main('app://frontline/'), [APP_ORIGIN])).toBe(true);
  });

  it('accepts the main frame of a given http origin (the test harness)', () => {
    expect(isTrustedSender(main('http://127.0.0.1:1234/index.html'), TRUSTED)).toBe(true);
  });

  it('rejects sub-frames, even of a trusted origin', () => {
    expect(isTrustedSender({ url: 'app://frontline/index.html', isMainFrame: false }, TRUSTED)).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:1234/', isMainFrame: false }, TRUSTED)).toBe(false);
  });

  it('rejects other origins and look-alike hosts', () => {
    for (const url of [
      'app://frontline.evil/index.html',
      'app://evil/index.html',
      'app://frontlinex/index.html',
      'app://user@evil/index.html',
      'https://frontline/index.html',
      'http://127.0.0.1:1235/',
      'http://127.0.0.1/',
      'https://127.0.0.1:1234/',
      'http://localhost:1234/',
      'http://127.0.0.1:1234.evil.org/',
      'file:///index.html'
    ]) {
      expect(isTrustedSender(main(url), TRUSTED), url).toBe(false);
    }
  });

  it('rejects garbage and empty URLs', () => {
    for (const url of ['', 'not a url', 'about:blank', 'app:frontline']) {
      expect(isTrustedSender(main(url), TRUSTED), url).toBe(false);
    }
  });

  it('trusts nothing when no origin is trusted', () => {
    expect(isTrustedSender(main('app://frontline/index.html'), [])).toBe(false);
  });
});
