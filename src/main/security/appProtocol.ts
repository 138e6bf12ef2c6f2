// The app:// protocol the renderer is served from (never file://). Resolving a request to a file
// refuses anything that would leave the renderer's folder.
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'frontline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf'
};

export type AssetResolution = { ok: true; filePath: string; mimeType: string } | { ok: false; status: 400 | 403 | 404 };

/** Map an app:// request URL to a file under `rootDir`, or the HTTP status to answer with. */
export function resolveAppAsset(rootDir: string, requestUrl: string): AssetResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // Backslashes (Windows separators), NUL and any ".." segment are refused outright, before resolving.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) {
    return { ok: false, status: 403 };
  }
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const root = resolve(rootDir);
  const filePath = resolve(root, `.${pathname}`);
  if (!filePath.startsWith(root + sep)) return { ok: false, status: 403 };
  const mimeType = MIME_TYPES[extname(filePath).toLowerCase()];
  if (mimeType === undefined) return { ok: false, status: 404 };
  return { ok: true, filePath, mimeType };
}
