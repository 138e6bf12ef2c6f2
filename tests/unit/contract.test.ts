// The IPC contract, the preload and main's handlers cannot drift apart: same methods, same
// channels, argument schemas for every invoke method (accepting what the preload sends, refusing
// the rest), a handler behind every one, and the preload exposes only `api`.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DatasetService, inlineRunLoad } from '../../src/main/dataset/datasetService';
import { ExportSession } from '../../src/main/export/exportSession';
import { FileSession } from '../../src/main/files/fileSession';
import { SettingsStore } from '../../src/main/files/settingsStore';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers';
import { menuTemplate } from '../../src/main/menu';
import { buildApi, type IpcLike } from '../../src/preload/buildApi';
import { INVOKE_ARGS } from '../../src/shared/ipc/args';
import { API_GLOBAL, APP_COMMANDS, EVENT_CHANNELS, INVOKE_CHANNELS, type AppCommand, type ImageExportRequest, type InvokeMethod } from '../../src/shared/ipc/contract';

const exposeInMainWorld = vi.fn();
const fakeIpcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() };
const getPathForFile = vi.fn((file: File) => `/dropped/${file.name}`);
// Importing the real `electron` outside Electron tries to download it; the preload only needs these.
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: fakeIpcRenderer, webUtils: { getPathForFile } }));

/** Real handlers over a service with nothing loaded, and dialogs that are never answered. */
function realHandlers(): Handlers {
  const service = new DatasetService(inlineRunLoad);
  const files = new FileSession({
    service,
    settings: new SettingsStore(join(tmpdir(), 'frontline-contract-never-written', 'settings.json')),
    dialogs: { showOpen: async () => undefined, showSave: async () => undefined },
    sendCommand: () => {}
  });
  const exports = new ExportSession({ service, dialogs: { showSaveImage: async () => undefined }, writeClipboardPng: () => {} });
  return createHandlers({ service, files, exports, appInfo: () => ({ name: '', version: '', platform: '', versions: {} }), openExternal: async () => {}, openPresenterView: async () => ({ display: 'same' }) });
}

const TOKEN = '0123456789abcdef0123456789abcdef';
const EXPORT: ImageExportRequest = {
  format: 'svg',
  what: 'view',
  window: { start: Date.UTC(2017, 9, 1), end: Date.UTC(2017, 11, 1) },
  laneMode: 'theatre',
  indices: Uint32Array.of(2, 5),
  theme: 'print',
  width: 1920,
  height: 1080,
  title: 'Deir al-Zour'
};
const STORIES = [{ id: 'fall', title: 'The fall of Deir al-Zour', steps: [{ event: 'raqqa-taken', note: 'Start here' }, { event: 'deir-al-zour-taken' }] }];
/** For each invoke method: the call the renderer makes, and what must then travel on its channel. */
const CALLS: { [M in InvokeMethod]: { call: (api: ReturnType<typeof buildApi>) => Promise<unknown>; args: unknown[] } } = {
  getDataset: { call: (api) => api.getDataset(), args: [] },
  getEvent: { call: (api) => api.getEvent(7), args: [7] },
  cancelLoad: { call: (api) => api.cancelLoad(), args: [] },
  openFileDialog: { call: (api) => api.openFileDialog(), args: [] },
  openControlLayer: { call: (api) => api.openControlLayer(), args: [] },
  openDroppedFile: { call: (api) => api.openDroppedFile(new File(['x'], 'acled.csv')), args: ['/dropped/acled.csv'] },
  openRecent: { call: (api) => api.openRecent('/data/ged.csv'), args: ['/data/ged.csv'] },
  reloadFile: { call: (api) => api.reloadFile(), args: [] },
  openWithMapping: { call: (api) => api.openWithMapping(TOKEN, { date: 0, title: 2 }), args: [TOKEN, { date: 0, title: 2 }] },
  resolveReview: { call: (api) => api.resolveReview(TOKEN, false), args: [TOKEN, false] },
  getRecentFiles: { call: (api) => api.getRecentFiles(), args: [] },
  takeMainOpen: { call: (api) => api.takeMainOpen(), args: [] },
  saveAs: { call: (api) => api.saveAs('csv', Uint32Array.of(3, 1)), args: ['csv', Uint32Array.of(3, 1)] },
  exportImage: { call: (api) => api.exportImage(EXPORT), args: [EXPORT] },
  copyImage: { call: (api) => api.copyImage({ ...EXPORT, format: 'png', what: 'all', indices: null, scale: 2 }), args: [{ ...EXPORT, format: 'png', what: 'all', indices: null, scale: 2 }] },
  previewImage: { call: (api) => api.previewImage({ ...EXPORT, format: 'pdf', page: 'slide', pages: 2 }), args: [{ ...EXPORT, format: 'pdf', page: 'slide', pages: 2 }] },
  pageSize: { call: (api) => api.pageSize({ indices: null }), args: [{ indices: null }] },
  exportPage: { call: (api) => api.exportPage({ indices: Uint32Array.of(4, 0) }), args: [{ indices: Uint32Array.of(4, 0) }] },
  saveStories: { call: (api) => api.saveStories(STORIES), args: [STORIES] },
  getAppInfo: { call: (api) => api.getAppInfo(), args: [] },
  clearCache: { call: (api) => api.clearCache(), args: [] },
  openSourceUrl: { call: (api) => api.openSourceUrl('bbc-2017-11-03'), args: ['bbc-2017-11-03'] },
  checkLocalCopy: { call: (api) => api.checkLocalCopy('bbc-2017-11-03'), args: ['bbc-2017-11-03'] },
  addLocalCopy: { call: (api) => api.addLocalCopy('bbc-2017-11-03'), args: ['bbc-2017-11-03'] },
  openPresenterView: { call: (api) => api.openPresenterView(), args: [] },
  getBasemap: { call: (api) => api.getBasemap('50m'), args: ['50m'] },
  getMapLayout: { call: (api) => api.getMapLayout(), args: [] },
  saveMapLayout: { call: (api) => api.saveMapLayout({ open: true, placement: 'below', size: 0.35 }), args: [{ open: true, placement: 'below', size: 0.35 }] }
};

function recordingIpc() {
  const calls: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipc = {
    invoke: async (channel: string, ...args: unknown[]) => {
      calls.push({ channel, args });
      return { ok: true, value: null };
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.set(channel, listener);
      return ipc;
    },
    removeListener: (channel: string) => {
      listeners.delete(channel);
      return ipc;
    }
  } as unknown as IpcLike;
  return { ipc, calls, listeners };
}

const invokeMethods = Object.keys(INVOKE_CHANNELS).sort();
const eventMethods = Object.keys(EVENT_CHANNELS).sort();

describe('contract', () => {
  it('every channel is prefixed and unique', () => {
    const channels = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)];
    expect(new Set(channels).size).toBe(channels.length);
    for (const c of channels) expect(c).toMatch(/^frontline:[a-z-]+$/);
  });

  it('every invoke method has an argument schema, and nothing else does', () => {
    expect(Object.keys(INVOKE_ARGS).sort()).toEqual(invokeMethods);
  });

  it('main has a handler for exactly the invoke methods', () => {
    const handlers = realHandlers();
    expect(Object.keys(handlers).sort()).toEqual(invokeMethods);
    for (const handler of Object.values(handlers)) expect(typeof handler).toBe('function');
  });

  it('every schema accepts exactly what the preload sends for its method', () => {
    expect(Object.keys(CALLS).sort()).toEqual(invokeMethods);
    for (const method of Object.keys(CALLS) as InvokeMethod[]) {
      expect(INVOKE_ARGS[method].safeParse(CALLS[method].args).success, method).toBe(true);
      // One argument too many is refused everywhere.
      expect(INVOKE_ARGS[method].safeParse([...CALLS[method].args, 'extra']).success, method).toBe(false);
    }
  });

  it('every schema refuses a wrong argument in each position', () => {
    for (const method of Object.keys(CALLS) as InvokeMethod[]) {
      const args = CALLS[method].args;
      for (let i = 0; i < args.length; i++) {
        const wrong = [...args];
        wrong[i] = Symbol.for('wrong') as unknown;
        expect(INVOKE_ARGS[method].safeParse(wrong).success, `${method} argument ${i}`).toBe(false);
      }
      if (args.length > 0) expect(INVOKE_ARGS[method].safeParse([]).success, `${method} without arguments`).toBe(false);
    }
  });

  it('the dispatcher reaches a handler for every channel with the preload\'s arguments, and for no other', async () => {
    const handlers = realHandlers();
    const called: string[] = [];
    const spied = Object.fromEntries(
      (Object.keys(handlers) as InvokeMethod[]).map((m) => [
        m,
        async () => {
          called.push(m);
          return { ok: true, value: null };
        }
      ])
    ) as unknown as Handlers;
    const dispatch = createDispatcher(spied, () => true);
    for (const method of Object.keys(CALLS) as InvokeMethod[]) {
      expect(await dispatch(INVOKE_CHANNELS[method], { url: 'app://frontline/index.html', isMainFrame: true }, CALLS[method].args), method).toEqual({ ok: true, value: null });
    }
    expect(called.sort()).toEqual(invokeMethods);
  });
});

describe('preload', () => {
  it('buildApi offers exactly the contract methods, all functions', () => {
    const api = buildApi(recordingIpc().ipc, () => '');
    expect(Object.keys(api).sort()).toEqual([...invokeMethods, ...eventMethods].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('each invoke method calls its own channel with its arguments (a dropped file as its path)', async () => {
    const { ipc, calls } = recordingIpc();
    const api = buildApi(ipc, (file) => `/dropped/${file.name}`);
    for (const method of Object.keys(CALLS) as InvokeMethod[]) {
      calls.length = 0;
      await CALLS[method].call(api);
      expect(calls, method).toEqual([{ channel: INVOKE_CHANNELS[method], args: CALLS[method].args }]);
    }
  });

  it('command listeners get the command only, never the IPC event, and can unsubscribe', () => {
    const { ipc, listeners } = recordingIpc();
    const received: unknown[][] = [];
    const stop = buildApi(ipc, () => '').onCommand((...args: unknown[]) => received.push(args));
    const listener = listeners.get(EVENT_CHANNELS.onCommand);
    expect(listener).toBeDefined();
    listener?.({ sender: 'secret', ports: [] }, 'zoom-in');
    listener?.({ sender: 'secret' }, 'rm -rf');
    expect(received).toEqual([['zoom-in']]);
    stop();
    expect(listeners.has(EVENT_CHANNELS.onCommand)).toBe(false);
  });

  it('load progress listeners get well-formed progress only', () => {
    const { ipc, listeners } = recordingIpc();
    const received: unknown[][] = [];
    const stop = buildApi(ipc, () => '').onLoadProgress((...args: unknown[]) => received.push(args));
    const listener = listeners.get(EVENT_CHANNELS.onLoadProgress);
    const progress = { file: 'a.frontline', phase: 'checking', done: 10, total: 100, events: 3 };
    listener?.({ sender: 'secret' }, progress);
    listener?.({ sender: 'secret' }, 'not progress');
    expect(received).toEqual([[progress]]);
    stop();
    expect(listeners.has(EVENT_CHANNELS.onLoadProgress)).toBe(false);
  });

  it('export progress listeners get well-formed progress only', () => {
    const { ipc, listeners } = recordingIpc();
    const received: unknown[][] = [];
    const stop = buildApi(ipc, () => '').onExportProgress((...args: unknown[]) => received.push(args));
    const listener = listeners.get(EVENT_CHANNELS.onExportProgress);
    const progress = { phase: 'rasterising', done: 0, total: 1 };
    listener?.({ sender: 'secret' }, progress);
    listener?.({ sender: 'secret' }, { phase: 'deleting', done: 0, total: 1 });
    listener?.({ sender: 'secret' }, null);
    expect(received).toEqual([[progress]]);
    stop();
    expect(listeners.has(EVENT_CHANNELS.onExportProgress)).toBe(false);
  });

  describe('the preload script', () => {
    beforeEach(() => {
      exposeInMainWorld.mockClear();
      vi.resetModules();
    });

    it('exposes one global, `api`, built over ipcRenderer, and never ipcRenderer itself', async () => {
      await import('../../src/preload/index');
      expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
      const [name, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
      expect(name).toBe(API_GLOBAL);
      expect(Object.keys(api).sort()).toEqual([...invokeMethods, ...eventMethods].sort());
      expect(Object.values(api)).not.toContain(fakeIpcRenderer);
      expect(Object.values(api)).not.toContain(fakeIpcRenderer.invoke);
    });

    it('turns a dropped File into its path with webUtils.getPathForFile', async () => {
      await import('../../src/preload/index');
      const [, api] = exposeInMainWorld.mock.calls[0] as [string, ReturnType<typeof buildApi>];
      fakeIpcRenderer.invoke.mockClear();
      const file = new File(['x'], 'ged.csv');
      await api.openDroppedFile(file);
      expect(getPathForFile).toHaveBeenCalledWith(file);
      expect(fakeIpcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNELS.openDroppedFile, '/dropped/ged.csv');
    });
  });
});

describe('menu', () => {
  it('sends only commands the contract defines, and every one but main-open (which main sends itself)', () => {
    const sent: AppCommand[] = [];
    const opened: string[] = [];
    const template = menuTemplate((c) => sent.push(c), { isMac: false, devTools: false, recent: [{ path: '/data/a.csv', available: true }], openRecent: (p) => opened.push(p) });
    const clickAll = (items: typeof template): void => {
      for (const item of items) {
        if (typeof item.click === 'function') (item.click as () => void)();
        if (Array.isArray(item.submenu)) clickAll(item.submenu);
      }
    };
    clickAll(template);
    expect(sent.length).toBeGreaterThan(0);
    for (const c of sent) expect(APP_COMMANDS).toContain(c);
    expect(new Set(sent)).toEqual(new Set(APP_COMMANDS.filter((c) => c !== 'main-open')));
    expect(opened).toEqual(['/data/a.csv']);
  });
});
