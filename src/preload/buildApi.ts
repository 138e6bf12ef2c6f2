// Builds `window.api` from an ipcRenderer: exactly the contract's methods, each on its own
// channel. Never exposes ipcRenderer or a generic invoke, and listeners never see the IPC event.
import type { IpcRenderer } from 'electron';
import { APP_COMMANDS, EVENT_CHANNELS, INVOKE_CHANNELS, type AppCommand, type ExportProgress, type FrontlineApi, type LoadProgress, type Unsubscribe } from '../shared/ipc/contract';

export type IpcLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * `pathForFile` turns a dropped File into its path (Electron's webUtils.getPathForFile); the
 * renderer never sees paths, and main opens only what it is given here, its dialogs and its lists.
 */
export function buildApi(ipc: IpcLike, pathForFile: (file: File) => string): FrontlineApi {
  /** Subscribe to a main-to-renderer channel; the listener gets the payload only, never the IPC event. */
  function subscribe<T>(channel: string, accept: (payload: unknown) => payload is T, listener: (payload: T) => void): Unsubscribe {
    const wrapped = (_event: unknown, payload: unknown): void => {
      if (accept(payload)) listener(payload);
    };
    ipc.on(channel, wrapped);
    return () => {
      ipc.removeListener(channel, wrapped);
    };
  }
  return {
    getDataset: () => ipc.invoke(INVOKE_CHANNELS.getDataset),
    getEvent: (sourceIndex) => ipc.invoke(INVOKE_CHANNELS.getEvent, sourceIndex),
    cancelLoad: () => ipc.invoke(INVOKE_CHANNELS.cancelLoad),
    openFileDialog: () => ipc.invoke(INVOKE_CHANNELS.openFileDialog),
    openControlLayer: () => ipc.invoke(INVOKE_CHANNELS.openControlLayer),
    openDroppedFile: (file) => ipc.invoke(INVOKE_CHANNELS.openDroppedFile, pathForFile(file)),
    openRecent: (path) => ipc.invoke(INVOKE_CHANNELS.openRecent, path),
    reloadFile: () => ipc.invoke(INVOKE_CHANNELS.reloadFile),
    openWithMapping: (token, mapping) => ipc.invoke(INVOKE_CHANNELS.openWithMapping, token, mapping),
    resolveReview: (token, accept) => ipc.invoke(INVOKE_CHANNELS.resolveReview, token, accept),
    getRecentFiles: () => ipc.invoke(INVOKE_CHANNELS.getRecentFiles),
    takeMainOpen: () => ipc.invoke(INVOKE_CHANNELS.takeMainOpen),
    saveAs: (format, indices) => ipc.invoke(INVOKE_CHANNELS.saveAs, format, indices),
    exportImage: (request) => ipc.invoke(INVOKE_CHANNELS.exportImage, request),
    copyImage: (request) => ipc.invoke(INVOKE_CHANNELS.copyImage, request),
    previewImage: (request) => ipc.invoke(INVOKE_CHANNELS.previewImage, request),
    pageSize: (request) => ipc.invoke(INVOKE_CHANNELS.pageSize, request),
    exportPage: (request) => ipc.invoke(INVOKE_CHANNELS.exportPage, request),
    saveStories: (stories) => ipc.invoke(INVOKE_CHANNELS.saveStories, stories),
    getAppInfo: () => ipc.invoke(INVOKE_CHANNELS.getAppInfo),
    clearCache: () => ipc.invoke(INVOKE_CHANNELS.clearCache),
    openSourceUrl: (sourceId) => ipc.invoke(INVOKE_CHANNELS.openSourceUrl, sourceId),
    checkLocalCopy: (sourceId) => ipc.invoke(INVOKE_CHANNELS.checkLocalCopy, sourceId),
    addLocalCopy: (sourceId) => ipc.invoke(INVOKE_CHANNELS.addLocalCopy, sourceId),
    openPresenterView: () => ipc.invoke(INVOKE_CHANNELS.openPresenterView),
    getBasemap: (resolution) => ipc.invoke(INVOKE_CHANNELS.getBasemap, resolution),
    getMapLayout: () => ipc.invoke(INVOKE_CHANNELS.getMapLayout),
    saveMapLayout: (layout) => ipc.invoke(INVOKE_CHANNELS.saveMapLayout, layout),
    onCommand: (listener) => subscribe(EVENT_CHANNELS.onCommand, isAppCommand, listener),
    onLoadProgress: (listener) => subscribe(EVENT_CHANNELS.onLoadProgress, isLoadProgress, listener),
    onExportProgress: (listener) => subscribe(EVENT_CHANNELS.onExportProgress, isExportProgress, listener)
  };
}

function isAppCommand(value: unknown): value is AppCommand {
  return (APP_COMMANDS as readonly unknown[]).includes(value);
}

function isLoadProgress(value: unknown): value is LoadProgress {
  return value !== null && typeof value === 'object' && typeof (value as { done?: unknown }).done === 'number';
}

function isExportProgress(value: unknown): value is ExportProgress {
  if (value === null || typeof value !== 'object') return false;
  const p = value as { phase?: unknown; done?: unknown; total?: unknown };
  return (p.phase === 'drawing' || p.phase === 'rasterising' || p.phase === 'writing') && typeof p.done === 'number' && typeof p.total === 'number';
}
