// Connects a Playwright page to the real main-process code: dataset loading, the IPC dispatcher
// (sender and argument validation) and the handlers. Only Electron itself is left out.
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { basename } from 'node:path';
import { EVENT_CHANNELS, type AppCommand, type LoadProgress } from '../../src/shared/ipc/contract';
import { DatasetService, inlineRunLoad, type RunLoad } from '../../src/main/dataset/datasetService';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';
import { isTrustedSender, originOf } from '../../src/main/security/senderCheck';

export const BUNDLED_DATASET = join(import.meta.dirname, '..', '..', 'data', 'deir-al-zour-al-qaim-2017.frontline');

let shimSource: Promise<string> | undefined;
function preloadShimSource(): Promise<string> {
  shimSource ??= build({
    entryPoints: [join(import.meta.dirname, 'preloadShim.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    target: 'chrome120'
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return shimSource;
}

export interface Bridge {
  readonly service: DatasetService;
  /** URLs main was asked to open in the browser. */
  readonly opened: string[];
  /** Log lines from the dispatcher (refusals). */
  readonly log: string[];
  /** Send a menu command, as main does. */
  sendCommand(command: AppCommand): Promise<void>;
}

/**
 * Bridge `page` to main's handlers and start loading `datasetPath` with main's loader, as main does
 * at startup. Call before page.goto. `runLoad` replaces the loader (e.g. to hold a load open).
 */
export async function installBridge(page: Page, options: { datasetPath?: string; trustedOrigin: string; runLoad?: RunLoad }): Promise<Bridge> {
  const progress: LoadProgress[] = [];
  const service = new DatasetService(options.runLoad ?? inlineRunLoad, (p) => {
    progress.push(p);
    void page.evaluate(([channel, payload]) => window.__frontlineEmit?.(channel, payload), [EVENT_CHANNELS.onLoadProgress, p] as const).catch(() => {});
  });
  const path = options.datasetPath ?? BUNDLED_DATASET;
  void service.load(path, { displayName: basename(path), bundled: path === BUNDLED_DATASET });
  const opened: string[] = [];
  const log: string[] = [];
  const handlers = createHandlers({
    service,
    appInfo: () => ({ name: 'Frontline', version: 'test', platform: process.platform, versions: { node: process.versions.node } }),
    openExternal: async (url) => {
      opened.push(url);
    }
  });
  const trusted = [originOf(options.trustedOrigin) ?? ''];
  const dispatch = createDispatcher(handlers, (sender) => isTrustedSender(sender, trusted), (m) => log.push(m));
  await page.exposeBinding('__frontlineInvoke', async ({ frame }, channel: string, args: unknown[]) =>
    dispatch(channel, { url: frame.url(), isMainFrame: frame === page.mainFrame() }, args)
  );
  await page.addInitScript({ content: await preloadShimSource() });
  return {
    service,
    opened,
    log,
    sendCommand: async (command) => {
      await page.evaluate(([channel, cmd]) => window.__frontlineEmit(channel, cmd), [EVENT_CHANNELS.onCommand, command] as const);
    }
  };
}
