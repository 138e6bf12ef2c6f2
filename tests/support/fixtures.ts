// Playwright fixtures: a server for the built renderer (one per worker) and a page bridged to the
// real main-process handlers, with CSP violations, page errors and outside requests recorded.
// How to drive file opening, dialogs, drops, the command line and Save As: see bridge.ts.
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunLoad } from '../../src/main/dataset/datasetService';
import { installBridge, type Bridge } from './bridge';
import { RENDERER_DIR, startRendererServer, type RendererServer } from './rendererServer';

export interface AppPage {
  readonly page: Page;
  readonly bridge: Bridge;
  readonly server: RendererServer;
  /** CSP violations, uncaught errors and console errors seen so far. */
  readonly errors: string[];
  /** Requests that left 127.0.0.1. */
  readonly outsideRequests: string[];
}

export interface OpenOptions {
  datasetPath?: string;
  /** Replace main's loader (e.g. to hold a load open). */
  runLoad?: RunLoad;
  /** Wait for the timeline to draw (default true). */
  waitForTimeline?: boolean;
  /** A file on the command line: main opens it after the startup dataset; the page takes it with takeMainOpen. */
  commandLinePath?: string;
  /** The recent list before the page loads, most recent first. */
  recentFiles?: readonly string[];
  /** Folder dropped files are looked up in, by name (default: none; drops are refused). */
  dropDir?: string;
  /** Folder of settings.json (default: a temporary folder). */
  settingsDir?: string;
}

/** The test fixtures folder (native files, valid and broken). */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures', import.meta.url));

export const test = base.extend<{ openApp: (options?: OpenOptions) => Promise<AppPage> }, { server: RendererServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
        throw new Error(`No built renderer in ${RENDERER_DIR}: run "npm run build" first (npm test does).`);
      }
      const server = await startRendererServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' }
  ],
  openApp: async ({ page, server }, use) => {
    const bridges: Bridge[] = [];
    await use(async (options = {}) => {
      const errors: string[] = [];
      const outsideRequests: string[] = [];
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}\n${err.stack ?? ''}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      page.on('request', (req) => {
        if (!req.url().startsWith(server.origin) && !req.url().startsWith('data:')) outsideRequests.push(req.url());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      const bridge = await installBridge(page, {
        trustedOrigin: server.origin,
        ...(options.datasetPath !== undefined ? { datasetPath: options.datasetPath } : {}),
        ...(options.runLoad !== undefined ? { runLoad: options.runLoad } : {}),
        ...(options.commandLinePath !== undefined ? { commandLinePath: options.commandLinePath } : {}),
        ...(options.recentFiles !== undefined ? { recentFiles: options.recentFiles } : {}),
        ...(options.dropDir !== undefined ? { dropDir: options.dropDir } : {}),
        ...(options.settingsDir !== undefined ? { settingsDir: options.settingsDir } : {})
      });
      bridges.push(bridge);
      await page.goto(server.url);
      if (options.waitForTimeline !== false) {
        await expect(page.locator('.vis-item.vis-range.fl-item').first()).toBeVisible();
        // Labels are measured again once the web fonts load; let that settle before tests measure.
        await page.evaluate(async () => {
          await document.fonts.ready;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        });
      }
      return { page, bridge, server, errors, outsideRequests };
    });
    for (const bridge of bridges) await bridge.dispose();
  }
});

/**
 * A second page in the same browser context (so a BroadcastChannel reaches the app page), at the
 * app's URL + `hash` (the presenter view's window: '#presenter'), bridged to the SAME main as the
 * app page: its handlers, service and dataset. Its page errors and console errors go to `errors`.
 */
export async function openSecondPage(app: AppPage, hash: string, errors: string[] = app.errors): Promise<Page> {
  const second = await app.page.context().newPage();
  second.on('pageerror', (err) => errors.push(`second page: pageerror: ${err.message}`));
  second.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`second page: console: ${msg.text()}`);
  });
  await app.bridge.attachPage(second);
  await second.goto(`${app.server.url}${hash}`);
  return second;
}

export { expect };
