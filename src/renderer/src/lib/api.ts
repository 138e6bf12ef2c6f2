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
