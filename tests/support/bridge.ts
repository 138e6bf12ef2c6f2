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

/** Typed arrays larger than this are fetched separately, in slices (each result must stay well under 100 MB). */
export const CHUNK_BYTES = 1024 * 1024;

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
  // Playwright's pipe to the browser holds at most 100 MB per message, so big typed arrays (a
  // million events) travel in slices: the result carries placeholders the shim fills in. Electron's
  // IPC has no such limit; this is test plumbing only.
  const parked = new Map<number, ArrayBufferView>();
  let nextParked = 0;
  const park = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value) && value.byteLength > CHUNK_BYTES) {
      const id = nextParked++;
      parked.set(id, value);
      return { __parked: id, type: value.constructor.name, length: (value as unknown as { length: number }).length };
    }
    if (Array.isArray(value)) return value.map(park);
    if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, park(v)]));
    }
    return value;
  };
  await page.exposeBinding('__frontlineInvoke', async ({ frame }, channel: string, args: unknown[]) =>
    park(await dispatch(channel, { url: frame.url(), isMainFrame: frame === page.mainFrame() }, args))
  );
  await page.exposeBinding('__frontlineSlice', async (_source, id: number, from: number, to: number) => {
    const view = parked.get(id);
    if (!view) throw new Error(`nothing parked as ${id}`);
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength).subarray(from, to);
    if (to >= view.byteLength) parked.delete(id);
    return bytes;
  });
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
