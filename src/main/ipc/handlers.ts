// What each invoke method does, free of Electron: dependencies (store, browser opener, app info)
// are injected, so the same code runs inside Electron, under Vitest and behind the e2e bridge.
import type { AppError, AppInfo, InvokeArgs, InvokeMethod, InvokeValue, Result } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/ipc/contract';
import { safeExternalUrl } from '../../shared/text/safeUrl';
import type { DatasetStore } from '../dataset/datasetStore';

export interface HandlerDeps {
  readonly store: DatasetStore;
  /** Why no dataset is loaded, when loading the first one failed. */
  readonly startupError: () => AppError | undefined;
  readonly appInfo: () => AppInfo;
  readonly openExternal: (url: string) => Promise<void>;
}

export type Handlers = { [M in InvokeMethod]: (...args: InvokeArgs<M>) => Promise<Result<InvokeValue<M>>> };

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    async getDataset() {
      const current = deps.store.current;
      if (current) return ok(current);
      const error = deps.startupError();
      if (error) return { ok: false, error };
      return fail('not-found', 'No dataset is loaded.');
    },

    async getAppInfo() {
      return ok(deps.appInfo());
    },

    async openSourceUrl(sourceId) {
      const current = deps.store.current;
      const source = current?.dataset.sources.find((s) => s.id === sourceId);
      if (!source) return fail('not-found', `The dataset has no source "${sourceId}".`);
      if (source.url === undefined) return fail('not-found', `Source "${sourceId}" has no web address.`);
      const url = safeExternalUrl(source.url);
      if (url === null) return fail('unsafe-url', `The address of source "${sourceId}" is not an http(s) web address, so it is not opened.`);
      await deps.openExternal(url);
      return ok({ url });
    }
  };
}
