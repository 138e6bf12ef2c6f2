// Local copies over IPC, through the real dispatcher and handlers: a source's check as main found
// it (the bundled article verified), hostile source ids refused before any handler runs, and
// "Add local copy…" refused for the bundled dataset without a dialog.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalCopyCheck } from '../../shared/dataset/localCopies';
import { INVOKE_CHANNELS, type OpenOutcome, type Result } from '../../shared/ipc/contract';
import { DatasetService, inlineRunLoad } from '../dataset/datasetService';
import { ExportSession } from '../export/exportSession';
import { FileSession, startDatasets } from '../files/fileSession';
import { SettingsStore } from '../files/settingsStore';
import { createDispatcher } from './dispatcher';
import { createHandlers } from './handlers';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const ORIGIN = 'app://frontline';
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-copy-ipc-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function setup() {
  const settings = new SettingsStore(join(tmp, 'settings.json'));
  const service = new DatasetService(inlineRunLoad);
  const showOpen = vi.fn(async () => undefined);
  const files = new FileSession({ service, settings, dialogs: { showOpen, showSave: async () => undefined }, sendCommand: () => {} });
  const exports = new ExportSession({ service, dialogs: { showSaveImage: async () => undefined }, writeClipboardPng: () => {} });
  const handlers = createHandlers({ service, files, exports, appInfo: () => ({ name: '', version: '', platform: '', versions: {} }), openExternal: async () => {}, openPresenterView: async () => ({ display: 'same' }) });
  const dispatch = createDispatcher(handlers, (s) => s.url.startsWith(ORIGIN) && s.isMainFrame);
  const call = <T>(method: keyof typeof INVOKE_CHANNELS, ...args: unknown[]) => dispatch(INVOKE_CHANNELS[method], { url: `${ORIGIN}/index.html`, isMainFrame: true }, args) as Promise<Result<T>>;
  await startDatasets(service, files, { path: BUNDLED, displayName: 'deir-al-zour-al-qaim-2017.frontline' });
  return { call, showOpen };
}

describe('checkLocalCopy and addLocalCopy through the dispatcher', () => {
  it("the bundled article's copy is verified; a source without a copy, or none at all, is said so", async () => {
    const { call } = await setup();
    const result = await call<LocalCopyCheck>('checkLocalCopy', 'bbc-2017-11-03');
    expect(result.ok && result.value).toMatchObject({ state: 'verified', recorded: '041f1a87942a24b34ea7a4e070c64d4e71143d085243556066ed73926f2ecfaf' });
    expect(await call('checkLocalCopy', 'geonames-170794')).toEqual({ ok: false, error: { code: 'not-found', message: 'Source "geonames-170794" has no local copy.' } });
    expect(await call('checkLocalCopy', 'nope')).toEqual({ ok: false, error: { code: 'not-found', message: 'The dataset has no source "nope".' } });
  });

  it('hostile source ids never reach a handler', async () => {
    const { call, showOpen } = await setup();
    for (const args of [['../../etc/passwd'], ['__proto__x y'], [''], ['a'.repeat(129)], [42], [], ['bbc-2017-11-03', 'extra']]) {
      for (const method of ['checkLocalCopy', 'addLocalCopy'] as const) {
        const result = await call(method, ...args);
        expect(!result.ok && result.error.code, `${method} ${JSON.stringify(args).slice(0, 40)}`).toBe('bad-arguments');
      }
    }
    expect(showOpen).not.toHaveBeenCalled();
  });

  it('adding a copy to the bundled dataset is refused before any dialog', async () => {
    const { call, showOpen } = await setup();
    const result = await call<OpenOutcome>('addLocalCopy', 'bbc-2017-11-03');
    expect(!result.ok && result.error.message).toMatch(/is the dataset that comes with Frontline: save it as a Frontline dataset/);
    expect(showOpen).not.toHaveBeenCalled();
  });
});
