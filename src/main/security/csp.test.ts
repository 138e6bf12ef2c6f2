// contentSecurityPolicy / securityHeaders / metaContentSecurityPolicy: a locked-down production policy;
// development adds only the Vite server; the <meta> carries the production policy less frame-ancestors.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, HEADER_ONLY_DIRECTIVES, metaContentSecurityPolicy, securityHeaders } from './csp';

/** Directive name -> its source list, parsed from the header value. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name), `directive ${name} appears twice`).toBe(false);
    map.set(name, values);
  }
  return map;
}

const DEV_URL = 'http://localhost:5173/';

describe('production CSP', () => {
  const csp = directives(contentSecurityPolicy());

  it('denies by default', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
  });

  it('allows scripts and styles only from the app itself, never inline or eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
  });

  it('allows no network connections and no remote origins at all', () => {
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toMatch(/https?:|wss?:|\*/);
  });

  it.each(['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src', 'media-src', 'manifest-src'])('sets %s to none', (name) => {
    expect(csp.get(name)).toEqual(["'none'"]);
  });

  it('allows images, fonts and workers only from the app (plus data:/blob: images)', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
  });

  it('is a well-formed header value (no empty sources, no trailing separator)', () => {
    const policy = contentSecurityPolicy();
    expect(policy).not.toMatch(/;\s*;|;\s*$|\s{2,}/);
    expect(contentSecurityPolicy({})).toBe(policy);
  });
});

describe('development CSP', () => {
  const prod = directives(contentSecurityPolicy());
  const dev = directives(contentSecurityPolicy({ devServerUrl: DEV_URL }));

  it('adds exactly the dev server origin to script-src', () => {
    expect(dev.get('script-src')).toEqual(["'self'", 'http://localhost:5173']);
  });

  it('lets connections go only to the dev server and its ws:// socket', () => {
    expect(dev.get('connect-src')).toEqual(['http://localhost:5173', 'ws://localhost:5173']);
  });

  it('allows inline styles (Vite injects <style> elements)', () => {
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('leaves every other directive as in production', () => {
    expect([...dev.keys()]).toEqual([...prod.keys()]);
    for (const [name, values] of prod) {
      if (['script-src', 'connect-src', 'style-src'].includes(name)) continue;
      expect(dev.get(name), name).toEqual(values);
    }
    expect(contentSecurityPolicy({ devServerUrl: DEV_URL })).not.toMatch(/unsafe-eval/);
  });

  it('uses the origin only, whatever path the dev server URL has', () => {
    const csp = directives(contentSecurityPolicy({ devServerUrl: 'http://127.0.0.1:5174/some/path?x=1' }));
    expect(csp.get('script-src')).toEqual(["'self'", 'http://127.0.0.1:5174']);
    expect(csp.get('connect-src')).toEqual(['http://127.0.0.1:5174', 'ws://127.0.0.1:5174']);
  });

  it('an empty dev server URL means production', () => {
    expect(contentSecurityPolicy({ devServerUrl: '' })).toBe(contentSecurityPolicy());
  });
});

describe('securityHeaders', () => {
  it('carries the CSP and nosniff, with isolation and no referrer', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(headers['Cross-Origin-Resource-Policy']).toBe('same-origin');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });

  it('passes the dev server on to the CSP', () => {
    expect(securityHeaders({ devServerUrl: DEV_URL })['Content-Security-Policy']).toBe(contentSecurityPolicy({ devServerUrl: DEV_URL }));
  });
});

describe('metaContentSecurityPolicy (the built index.html carries it; tests/unit/builtRenderer.test.ts checks the file)', () => {
  const header = directives(contentSecurityPolicy());
  const meta = directives(metaContentSecurityPolicy());

  it('is the production header policy, in the same order, less frame-ancestors', () => {
    expect([...meta.keys()]).toEqual([...header.keys()].filter((name) => name !== 'frame-ancestors'));
    for (const [name, values] of meta) expect(values, name).toEqual(header.get(name));
  });

  it('carries none of the directives a <meta> cannot (frame-ancestors, report-uri, sandbox)', () => {
    expect(HEADER_ONLY_DIRECTIVES).toEqual(['frame-ancestors', 'report-uri', 'sandbox']);
    for (const name of HEADER_ONLY_DIRECTIVES) expect(meta.has(name), name).toBe(false);
  });

  it('keeps the strict parts: nothing by default, no network, no inline or eval, no dev server', () => {
    expect(meta.get('default-src')).toEqual(["'none'"]);
    expect(meta.get('connect-src')).toEqual(["'none'"]);
    expect(meta.get('script-src')).toEqual(["'self'"]);
    expect(metaContentSecurityPolicy()).not.toMatch(/unsafe-|https?:|wss?:|\*/);
    expect(metaContentSecurityPolicy()).not.toMatch(/;\s*;|;\s*$|\s{2,}/);
  });

  it('the header still says frame-ancestors none', () => {
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
