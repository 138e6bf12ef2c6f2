// Preload (sandboxed, CommonJS): exposes the contract as `window.api`, nothing more.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_GLOBAL } from '../shared/ipc/contract';
import { buildApi } from './buildApi';

contextBridge.exposeInMainWorld(
  API_GLOBAL,
  buildApi(ipcRenderer, (file) => webUtils.getPathForFile(file))
);
