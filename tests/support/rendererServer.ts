// Serves the built renderer (out/renderer) on 127.0.0.1 for browser tests, through the same path
// resolution and security headers (CSP) as the app:// protocol in main. Chromium refuses module
// scripts from file://, and the app never uses file:// anyway.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { APP_ORIGIN, resolveAppAsset } from '../../src/main/security/appProtocol';
import { securityHeaders } from '../../src/main/security/csp';

export const RENDERER_DIR = join(import.meta.dirname, '..', '..', 'out', 'renderer');

export interface RendererServer {
  readonly origin: string;
  readonly url: string;
  close(): Promise<void>;
}

export async function startRendererServer(rootDir = RENDERER_DIR): Promise<RendererServer> {
  const headers = securityHeaders();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const resolved = resolveAppAsset(rootDir, `${APP_ORIGIN}${req.url ?? '/'}`);
      if (!resolved.ok) {
        res.writeHead(resolved.status).end();
        return;
      }
      try {
        const body = await readFile(resolved.filePath);
        res.writeHead(200, { ...headers, 'Content-Type': resolved.mimeType, 'Cache-Control': 'no-store' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/index.html`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())))
  };
}
