// Runs in the page before the app (Playwright init script) in place of the Electron preload: the
// REAL buildApi from src/preload, over an ipcRenderer stand-in whose invoke goes to the test
// process's binding (the real main-process dispatcher and handlers).
//
// Dropped files: Electron's preload turns a dropped File into its path with
// webUtils.getPathForFile, which Chromium does not have. Here a File maps to
// `window.__frontlineDropDir + file.name` (the bridge sets that folder, ending in a separator, from
// its dropDir option or setDropDir), so a test drops `new File([''], 'x.csv')` to open
// `<dropDir>/x.csv`. With no drop folder it maps to '' as Electron does for a File that is not on
// disk, and main refuses the call.
import { buildApi, type IpcLike } from '../../src/preload/buildApi';

declare global {
  interface Window {
    __frontlineDropDir?: string;
    __frontlineInvoke(channel: string, args: unknown[]): Promise<unknown>;
    __frontlineSlice(id: number, from: number, to: number): Promise<Uint8Array>;
    __frontlineEmit(channel: string, payload: unknown): void;
  }
}

const SLICE = 16 * 1024 * 1024;
const ARRAY_TYPES: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView> = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int32Array,
  Float64Array
};

/** Replace the bridge's placeholders for big typed arrays with the arrays, fetched in slices. */
async function unpark(value: unknown): Promise<unknown> {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  const placeholder = value as { __parked?: number; type?: string; length?: number };
  if (typeof placeholder.__parked === 'number') {
    const Type = ARRAY_TYPES[placeholder.type ?? ''];
    if (!Type) throw new Error(`cannot rebuild ${placeholder.type}`);
    const bytesPer = (Type as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    const total = (placeholder.length ?? 0) * bytesPer;
    const buffer = new ArrayBuffer(total);
    const target = new Uint8Array(buffer);
    for (let from = 0; from < total; from += SLICE) {
      target.set(await window.__frontlineSlice(placeholder.__parked, from, Math.min(total, from + SLICE)), from);
    }
    return new Type(buffer);
  }
  if (Array.isArray(value)) return Promise.all(value.map(unpark));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = await unpark(v);
  return out;
}

const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();

const ipc = {
  invoke: async (channel: string, ...args: unknown[]) => unpark(await window.__frontlineInvoke(channel, args)),
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
/** What Electron's webUtils.getPathForFile would give, as described above. */
function pathForFile(file: File): string {
  const dir = window.__frontlineDropDir;
  return typeof dir === 'string' && dir !== '' ? `${dir}${file.name}` : '';
}

Object.defineProperty(window, 'api', { value: Object.freeze(buildApi(ipc, pathForFile)), writable: false, configurable: false });
Object.defineProperty(window, '__frontlineEmit', {
  value: (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'main' }, payload);
  }
});
