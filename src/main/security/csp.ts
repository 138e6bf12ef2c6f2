// The Content-Security-Policy every renderer response carries, plus the other response headers.
// Development adds only what Vite's dev server needs (its origin and HMR websocket).

export interface CspOptions {
  /** Vite dev server URL under `electron-vite dev`; absent in production. */
  readonly devServerUrl?: string;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
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
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values.filter((v) => v !== '')].join(' '))
    .join('; ');
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
