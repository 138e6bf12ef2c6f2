// Connects a Playwright page to the real main-process code: dataset loading, the IPC dispatcher
// (sender and argument validation) and the handlers. Only Electron itself is left out.
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EVENT_CHANNELS, type AppCommand, type DatasetPayload } from '../../src/shared/ipc/contract';
import { DatasetStore } from '../../src/main/dataset/datasetStore';
import { loadDatasetFile } from '../../src/main/dataset/loadDatasetFile';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';
import { isTrustedSender, originOf } from '../../src/main/security/senderCheck';
import type { AppError } from '../../src/shared/ipc/contract';

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
  readonly store: DatasetStore;
  /** URLs main was asked to open in the browser. */
  readonly opened: string[];
  /** Log lines from the dispatcher (refusals). */
  readonly log: string[];
  /** Send a menu command, as main does. */
  sendCommand(command: AppCommand): Promise<void>;
}

/** Load `datasetPath` with main's loader and bridge `page` to main's handlers. Call before page.goto. */
export async function installBridge(page: Page, options: { datasetPath?: string; trustedOrigin: string }): Promise<Bridge> {
  const store = new DatasetStore();
  let startupError: AppError | undefined;
  const path = options.datasetPath ?? BUNDLED_DATASET;
  const loaded = await loadDatasetFile(path);
  if (loaded.ok) {
    const payload: DatasetPayload = { dataset: loaded.dataset, warnings: loaded.warnings, file: { name: loaded.name, bundled: path === BUNDLED_DATASET, bytes: loaded.bytes } };
    store.replace(payload);
  } else {
    startupError = { code: 'invalid-data', message: `The dataset ${loaded.name} could not be loaded.`, problems: loaded.problems };
  }
  const opened: string[] = [];
  const log: string[] = [];
  const handlers = createHandlers({
    store,
    startupError: () => startupError,
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
    store,
    opened,
    log,
    sendCommand: async (command) => {
      await page.evaluate(([channel, cmd]) => window.__frontlineEmit(channel, cmd), [EVENT_CHANNELS.onCommand, command] as const);
    }
  };
}
