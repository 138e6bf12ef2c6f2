// The renderer's one door to main: `window.api`, as the preload exposes it (the contract in
// src/shared/ipc/contract.ts). No other renderer module reads window.api.
import type { FrontlineApi } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    readonly api?: FrontlineApi;
  }
}

export function getApi(): FrontlineApi {
  const api = window.api;
  if (!api) throw new Error('window.api is missing: the preload script did not run.');
  return api;
}

/**
 * The interactive page has no preload: its entry (src/renderer/src/page/main.ts) provides the API,
 * answered from the page's own data, before the app mounts. Fixed once given, as the preload's is.
 */
export function provideApi(api: FrontlineApi): void {
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false, enumerable: false });
}
