// safeExternalUrl: only http(s) addresses with a host and no credentials get through, normalised.
import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './safeUrl';

describe('safeExternalUrl allows web addresses', () => {
  it('accepts http and https with a host', () => {
    expect(safeExternalUrl('https://www.bbc.co.uk/news/world-middle-east-41853421')).toBe('https://www.bbc.co.uk/news/world-middle-east-41853421');
    expect(safeExternalUrl('http://example.org/a?b=1#c')).toBe('http://example.org/a?b=1#c');
  });

  it('returns the normalised href (lower-case scheme and host, default port dropped, dot segments resolved)', () => {
    expect(safeExternalUrl('HTTPS://Example.COM:443/a/../b')).toBe('https://example.com/b');
    expect(safeExternalUrl('http://example.org')).toBe('http://example.org/');
  });

  it('accepts a URL of exactly 2048 characters', () => {
    const url = `https://example.org/${'a'.repeat(2048 - 'https://example.org/'.length)}`;
    expect(url).toHaveLength(2048);
    expect(safeExternalUrl(url)).toBe(url);
  });
});

describe('safeExternalUrl refuses everything else', () => {
  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['odd-cased javascript:', 'JAVASCRIPT:alert(1)'],
    ['mixed-case javascript:', 'JaVaScRiPt:alert(1)'],
    ['javascript: behind a leading space', ' javascript:alert(1)'],
    ['javascript: behind a C0 control', '\u0001javascript:alert(1)'],
    ['javascript: behind a tab inside the scheme', 'java\tscript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file:///C:/Windows/system32/calc.exe'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['ftp:', 'ftp://example.org/file'],
    ['mailto:', 'mailto:someone@example.org'],
    ['a UNC path', '\\\\server\\share\\file.txt'],
    ['a scheme-relative path', '//server/share'],
    ['credentials', 'https://user:pw@example.org/'],
    ['a user name alone', 'https://user@example.org/'],
    ['a relative path', '/news/article'],
    ['a bare host', 'www.bbc.co.uk'],
    ['http with no host', 'http:'],
    ['the empty string', ''],
    ['a trailing space', 'https://example.org/ '],
    ['a newline inside', 'https://exam\nple.org/'],
    ['a zero-width space inside the host', 'https://exa\u200Bmple.org/'],
    ['a zero-width joiner inside', 'https://example.org/\u200Dpath'],
    ['a right-to-left override inside', 'https://example.org/\u202Egpj.exe'],
    ['a byte-order mark at the start', '\uFEFFhttps://example.org/'],
    ['a DEL character', 'https://example.org/\u007F'],
    ['a line separator', 'https://example.org/\u2028']
  ])('refuses %s', (_name, url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('refuses addresses over 2048 characters', () => {
    const url = `https://example.org/${'a'.repeat(2049 - 'https://example.org/'.length)}`;
    expect(url).toHaveLength(2049);
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.org/'], new URL('https://example.org/'), { toString: () => 'https://example.org/' }]) {
      expect(safeExternalUrl(value)).toBeNull();
    }
  });
});
