// Runs in the page before the app (Playwright init script) in place of the Electron preload: the
// REAL buildApi from src/preload, over an ipcRenderer stand-in whose invoke goes to the test
// process's binding (the real main-process dispatcher and handlers).
import { buildApi, type IpcLike } from '../../src/preload/buildApi';

declare global {
  interface Window {
    __frontlineInvoke(channel: string, args: unknown[]): Promise<unknown>;
    __frontlineEmit(channel: string, payload: unknown): void;
  }
}

const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();

const ipc = {
  invoke: (channel: string, ...args: unknown[]) => window.__frontlineInvoke(channel, args),
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    return ipc;
  },
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    listeners.get(channel)?.delete(listener);
    return ipc;
  }
} as unknown as IpcLike;

// contextBridge hands the page a frozen copy; so do we.
Object.defineProperty(window, 'api', { value: Object.freeze(buildApi(ipc)), writable: false, configurable: false });
Object.defineProperty(window, '__frontlineEmit', {
  value: (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'main' }, payload);
  }
});
