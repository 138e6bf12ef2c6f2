// The Content-Security-Policy every renderer response carries, plus the other response headers, and
// the same policy for the built page's <meta>. Development adds only what Vite's dev server needs.

export interface CspOptions {
  /** Vite dev server URL under `electron-vite dev`; absent in production. */
  readonly devServerUrl?: string;
}

/** Directives a <meta> policy cannot carry: browsers ignore them there (CSP3), and Chromium warns. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors', 'report-uri', 'sandbox'];

export function contentSecurityPolicy(options: CspOptions = {}): string {
  return serialize(cspDirectives(options));
}

/**
 * The production policy for the built index.html's <meta http-equiv="Content-Security-Policy">
 * (electron.vite.config.ts puts it there), less what a <meta> cannot carry. The header stays: it
 * alone can say frame-ancestors, and it covers every response, not just the page.
 */
export function metaContentSecurityPolicy(): string {
  return serialize(cspDirectives({}).filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name)));
}

function serialize(directives: readonly (readonly [string, readonly string[]])[]): string {
  return directives.map(([name, values]) => [name, ...values.filter((v) => v !== '')].join(' ')).join('; ');
}

function cspDirectives(options: CspOptions): (readonly [string, readonly string[]])[] {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : undefined;
  const devOrigin = dev ? dev.origin : '';
  const devSocket = dev ? `ws://${dev.host}` : '';
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'", devOrigin],
    // Vite injects <style> elements in development only.
    'style-src': ["'self'", dev ? "'unsafe-inline'" : ''],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': dev ? [devOrigin, devSocket] : ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'self'", 'blob:'],
    'media-src': ["'none'"],
    'manifest-src': ["'none'"]
  };
  return Object.entries(directives);
}

export function securityHeaders(options: CspOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer'
  };
}
