// resolveAppAsset: app://frontline/ requests map to files under the renderer folder and nowhere else.
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, resolveAppAsset } from './appProtocol';

const ROOT = resolve(tmpdir(), 'frontline-renderer-root');

function served(url: string, root = ROOT): { filePath: string; mimeType: string } {
  const r = resolveAppAsset(root, url);
  if (!r.ok) throw new Error(`expected ${url} to be served, got ${r.status}`);
  return r;
}

function refused(url: string, root = ROOT): number {
  const r = resolveAppAsset(root, url);
  if (r.ok) throw new Error(`expected ${url} to be refused, got ${r.filePath}`);
  return r.status;
}

describe('resolveAppAsset serves the renderer', () => {
  it('the entry URL is index.html under the root', () => {
    expect(APP_ORIGIN).toBe('app://frontline');
    expect(APP_ENTRY_URL).toBe('app://frontline/index.html');
    expect(resolveAppAsset(ROOT, APP_ENTRY_URL)).toEqual({ ok: true, filePath: join(ROOT, 'index.html'), mimeType: 'text/html; charset=utf-8' });
  });

  it('"/" and no path at all are index.html', () => {
    expect(served('app://frontline/').filePath).toBe(join(ROOT, 'index.html'));
    expect(served('app://frontline').filePath).toBe(join(ROOT, 'index.html'));
  });

  it('serves nested assets and ignores query and fragment', () => {
    expect(served('app://frontline/assets/index-abc123.js?v=1#x').filePath).toBe(join(ROOT, 'assets', 'index-abc123.js'));
  });

  it('decodes percent-encoded names once', () => {
    expect(served('app://frontline/assets/ibm%20plex.woff2').filePath).toBe(join(ROOT, 'assets', 'ibm plex.woff2'));
  });

  it('resolves a relative or trailing-slash root', () => {
    expect(served(APP_ENTRY_URL, `${ROOT}${sep}`).filePath).toBe(join(ROOT, 'index.html'));
    expect(served(APP_ENTRY_URL, 'out/renderer').filePath).toBe(join(resolve('out/renderer'), 'index.html'));
  });

  it.each([
    ['.js', 'text/javascript; charset=utf-8'],
    ['.mjs', 'text/javascript; charset=utf-8'],
    ['.css', 'text/css; charset=utf-8'],
    ['.html', 'text/html; charset=utf-8'],
    ['.woff2', 'font/woff2'],
    ['.svg', 'image/svg+xml'],
    ['.png', 'image/png'],
    ['.json', 'application/json; charset=utf-8']
  ])('gives %s the MIME type %s', (ext, mime) => {
    expect(served(`app://frontline/assets/file${ext}`).mimeType).toBe(mime);
    expect(served(`app://frontline/assets/FILE${ext.toUpperCase()}`).mimeType).toBe(mime);
  });

  it('answers 404 for unknown extensions and extension-less names', () => {
    for (const name of ['app.exe', 'script.sh', 'notes.txt', 'Makefile', 'archive.tar.gz', 'assets/']) {
      expect(refused(`app://frontline/${name}`), name).toBe(404);
    }
  });
});

describe('resolveAppAsset never leaves the root', () => {
  const ESCAPES = [
    'app://frontline/../secret.js',
    'app://frontline/../../../../etc/passwd',
    'app://frontline/assets/../../secret.js',
    'app://frontline/%2e%2e/secret.js',
    'app://frontline/%2E%2E/%2E%2E/secret.js',
    'app://frontline/.%2e/secret.js',
    'app://frontline/%2E%2E%2Fsecret.js',
    'app://frontline/%2e%2e%2f%2e%2e%2fsecret.js',
    'app://frontline/assets/..%2F..%2Fsecret.js',
    'app://frontline/..%5csecret.js',
    'app://frontline/..%5C..%5Csecret.js',
    'app://frontline/..\\..\\secret.js',
    'app://frontline/assets\\..\\..\\secret.js',
    'app://frontline/index.html%00.js',
    'app://frontline/%00/secret.js',
    'app://frontline/%252e%252e/secret.js',
    'app://frontline/%252e%252e%252fsecret.js',
    'app://frontline//etc/passwd.js',
    'app://frontline/%2Fetc%2Fpasswd.js',
    'app://frontline/C:%5CWindows%5Cwin.ini.js'
  ];

  it.each(ESCAPES)('%s resolves inside the root or is refused', (url) => {
    const r = resolveAppAsset(ROOT, url);
    if (r.ok) {
      expect(r.filePath.startsWith(ROOT + sep)).toBe(true);
      expect(resolve(r.filePath)).toBe(r.filePath);
    } else {
      expect([400, 403, 404]).toContain(r.status);
    }
  });

  it('refuses ".." hidden by percent-encoding inside one segment with 403', () => {
    expect(refused('app://frontline/%2E%2E%2Fsecret.js')).toBe(403);
    expect(refused('app://frontline/assets/..%2F..%2Fsecret.js')).toBe(403);
    expect(refused('app://frontline/%2e%2e%2f%2e%2e%2fsecret.js')).toBe(403);
  });

  it('refuses any encoded ".." segment, even one that would resolve inside the root', () => {
    expect(refused('app://frontline/assets%2F..%2Findex.js')).toBe(403);
    expect(refused('app://frontline/assets/%2E%2E%2Fassets%2Findex.js')).toBe(403);
  });

  it('refuses backslashes, raw or encoded, with 403', () => {
    expect(refused('app://frontline/..%5csecret.js')).toBe(403);
    expect(refused('app://frontline/..\\..\\secret.js')).toBe(403);
    expect(refused('app://frontline/assets%5Cindex.js')).toBe(403);
  });

  it('refuses an encoded NUL with 403', () => {
    expect(refused('app://frontline/index.html%00.js')).toBe(403);
  });

  it('plain "../" and "%2e%2e/" segments are collapsed by the URL parser and land inside the root', () => {
    expect(served('app://frontline/../secret.js').filePath).toBe(join(ROOT, 'secret.js'));
    expect(served('app://frontline/%2e%2e/%2e%2e/secret.js').filePath).toBe(join(ROOT, 'secret.js'));
  });

  it('a double-encoded "%252e%252e" stays a literal folder name inside the root', () => {
    expect(served('app://frontline/%252e%252e/secret.js').filePath).toBe(join(ROOT, '%2e%2e', 'secret.js'));
  });

  it('answers 400 for malformed percent-encoding', () => {
    for (const url of ['app://frontline/%zz.js', 'app://frontline/%E0%A4%A.js', 'app://frontline/%C3.js', 'app://frontline/%FF.js']) {
      expect(refused(url), url).toBe(400);
    }
  });

  it('answers 400 for something that is not a URL', () => {
    expect(refused('not a url')).toBe(400);
    expect(refused('')).toBe(400);
  });

  it('answers 403 for other hosts and other schemes', () => {
    for (const url of [
      'app://evil/index.html',
      'app://frontline.evil/index.html',
      'app://frontline:8080/index.html',
      'app://user@evil/index.html',
      'file:///etc/passwd',
      'file://frontline/index.html',
      'https://frontline/index.html',
      'http://frontline/index.html',
      'apps://frontline/index.html'
    ]) {
      expect(refused(url), url).toBe(403);
    }
  });
});
