// Builds `window.api` from an ipcRenderer: exactly the contract's methods, each on its own
// channel. Never exposes ipcRenderer or a generic invoke, and listeners never see the IPC event.
import type { IpcRenderer } from 'electron';
import { APP_COMMANDS, EVENT_CHANNELS, INVOKE_CHANNELS, type AppCommand, type FrontlineApi } from '../shared/ipc/contract';

export type IpcLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function buildApi(ipc: IpcLike): FrontlineApi {
  return {
    getDataset: () => ipc.invoke(INVOKE_CHANNELS.getDataset),
    getAppInfo: () => ipc.invoke(INVOKE_CHANNELS.getAppInfo),
    openSourceUrl: (sourceId) => ipc.invoke(INVOKE_CHANNELS.openSourceUrl, sourceId),
    onCommand: (listener) => {
      const wrapped = (_event: unknown, command: unknown): void => {
        if ((APP_COMMANDS as readonly unknown[]).includes(command)) listener(command as AppCommand);
      };
      ipc.on(EVENT_CHANNELS.onCommand, wrapped);
      return () => {
        ipc.removeListener(EVENT_CHANNELS.onCommand, wrapped);
      };
    }
  };
}
