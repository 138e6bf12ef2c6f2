// The IPC contract, the preload and main's handlers cannot drift apart: same methods, same
// channels, argument schemas for every invoke method, and the preload exposes only `api`.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DatasetService, inlineRunLoad } from '../../src/main/dataset/datasetService';
import { createHandlers } from '../../src/main/ipc/handlers';
import { menuTemplate } from '../../src/main/menu';
import { buildApi, type IpcLike } from '../../src/preload/buildApi';
import { INVOKE_ARGS } from '../../src/shared/ipc/args';
import { API_GLOBAL, APP_COMMANDS, EVENT_CHANNELS, INVOKE_CHANNELS, type AppCommand } from '../../src/shared/ipc/contract';

const exposeInMainWorld = vi.fn();
const fakeIpcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn(), sendSync: vi.fn() };
// Importing the real `electron` outside Electron tries to download it; the preload only needs these two.
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: fakeIpcRenderer }));

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
    const handlers = createHandlers({ service: new DatasetService(inlineRunLoad), appInfo: () => ({ name: '', version: '', platform: '', versions: {} }), openExternal: async () => {} });
    expect(Object.keys(handlers).sort()).toEqual(invokeMethods);
  });
});

describe('preload', () => {
  it('buildApi offers exactly the contract methods, all functions', () => {
    const api = buildApi(recordingIpc().ipc);
    expect(Object.keys(api).sort()).toEqual([...invokeMethods, ...eventMethods].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('each invoke method calls its own channel with its arguments', async () => {
    const { ipc, calls } = recordingIpc();
    const api = buildApi(ipc);
    await api.getDataset();
    await api.getEvent(7);
    await api.cancelLoad();
    await api.getAppInfo();
    await api.openSourceUrl('bbc-2017-11-03');
    expect(calls).toEqual([
      { channel: INVOKE_CHANNELS.getDataset, args: [] },
      { channel: INVOKE_CHANNELS.getEvent, args: [7] },
      { channel: INVOKE_CHANNELS.cancelLoad, args: [] },
      { channel: INVOKE_CHANNELS.getAppInfo, args: [] },
      { channel: INVOKE_CHANNELS.openSourceUrl, args: ['bbc-2017-11-03'] }
    ]);
  });

  it('command listeners get the command only, never the IPC event, and can unsubscribe', () => {
    const { ipc, listeners } = recordingIpc();
    const received: unknown[][] = [];
    const stop = buildApi(ipc).onCommand((...args: unknown[]) => received.push(args));
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
    const stop = buildApi(ipc).onLoadProgress((...args: unknown[]) => received.push(args));
    const listener = listeners.get(EVENT_CHANNELS.onLoadProgress);
    const progress = { file: 'a.frontline', phase: 'checking', done: 10, total: 100, events: 3 };
    listener?.({ sender: 'secret' }, progress);
    listener?.({ sender: 'secret' }, 'not progress');
    expect(received).toEqual([[progress]]);
    stop();
    expect(listeners.has(EVENT_CHANNELS.onLoadProgress)).toBe(false);
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
  });
});

describe('menu', () => {
  it('sends only commands the contract defines', () => {
    const sent: AppCommand[] = [];
    const template = menuTemplate((c) => sent.push(c), { isMac: false, devTools: false });
    const clickAll = (items: typeof template): void => {
      for (const item of items) {
        if (typeof item.click === 'function') (item.click as () => void)();
        if (Array.isArray(item.submenu)) clickAll(item.submenu);
      }
    };
    clickAll(template);
    expect(sent.length).toBeGreaterThan(0);
    for (const c of sent) expect(APP_COMMANDS).toContain(c);
    expect(new Set(sent)).toEqual(new Set(APP_COMMANDS));
  });
});
