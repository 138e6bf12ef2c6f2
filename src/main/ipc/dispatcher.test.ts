// createDispatcher with the real handlers and the bundled dataset: channel, sender and argument checks, and errors as Results.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type AppError, type AppInfo, type DatasetPayload, type Result } from '../../shared/ipc/contract';
import { DatasetStore } from '../dataset/datasetStore';
import { loadDatasetFile } from '../dataset/loadDatasetFile';
import { APP_ENTRY_URL, APP_ORIGIN } from '../security/appProtocol';
import { isTrustedSender, type SenderInfo } from '../security/senderCheck';
import { createDispatcher, methodForChannel } from './dispatcher';
import { createHandlers, type Handlers } from './handlers';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const TRUSTED_ORIGINS = [APP_ORIGIN, 'http://127.0.0.1:1234'];
const APP_SENDER: SenderInfo = { url: APP_ENTRY_URL, isMainFrame: true };
const APP_INFO: AppInfo = { name: 'Frontline', version: '0.1.0', platform: 'linux', versions: { node: '20' } };

let tmp: string;

async function loadPayload(path: string): Promise<DatasetPayload> {
  const loaded = await loadDatasetFile(path);
  if (!loaded.ok) throw new Error(`could not load ${path}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return { dataset: loaded.dataset, warnings: loaded.warnings, file: { name: loaded.name, bundled: false, bytes: loaded.bytes } };
}

/** The bundled dataset with its sources' addresses replaced, written to a temporary file and loaded like any other. */
async function payloadWithUrls(name: string, urls: Record<string, string>): Promise<DatasetPayload> {
  const json = JSON.parse(await readFile(BUNDLED, 'utf8')) as { sources: { id: string; url?: string }[] };
  for (const source of json.sources) if (source.id in urls) source.url = urls[source.id];
  const path = join(tmp, name);
  await writeFile(path, JSON.stringify(json, null, 2));
  return loadPayload(path);
}

function setup(options: { payload?: DatasetPayload; startupError?: AppError; handlers?: Partial<Handlers> } = {}) {
  const store = new DatasetStore();
  if (options.payload) store.replace(options.payload);
  const openExternal = vi.fn(async (_url: string) => {});
  const log = vi.fn((_message: string) => {});
  const real = createHandlers({ store, startupError: () => options.startupError, appInfo: () => APP_INFO, openExternal });
  const handlers: Handlers = {
    getDataset: vi.fn(options.handlers?.getDataset ?? real.getDataset),
    getAppInfo: vi.fn(options.handlers?.getAppInfo ?? real.getAppInfo),
    openSourceUrl: vi.fn(options.handlers?.openSourceUrl ?? real.openSourceUrl)
  };
  const dispatch = createDispatcher(handlers, (sender) => isTrustedSender(sender, TRUSTED_ORIGINS), log);
  const noHandlerCalled = () => {
    expect(handlers.getDataset).not.toHaveBeenCalled();
    expect(handlers.getAppInfo).not.toHaveBeenCalled();
    expect(handlers.openSourceUrl).not.toHaveBeenCalled();
  };
  return { store, dispatch, handlers, openExternal, log, noHandlerCalled };
}

function errorOf(result: Result<unknown>): AppError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

let bundled: DatasetPayload;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-dispatcher-'));
  bundled = await loadPayload(BUNDLED);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('methodForChannel', () => {
  it('maps every invoke channel to its method', () => {
    expect(methodForChannel('frontline:get-dataset')).toBe('getDataset');
    expect(methodForChannel('frontline:get-app-info')).toBe('getAppInfo');
    expect(methodForChannel('frontline:open-source-url')).toBe('openSourceUrl');
    for (const [method, channel] of Object.entries(INVOKE_CHANNELS)) expect(methodForChannel(channel)).toBe(method);
  });

  it('knows no other channel, method name or prototype key', () => {
    for (const channel of ['getDataset', 'frontline:command', 'frontline:get-dataset ', 'FRONTLINE:GET-DATASET', '', '__proto__', 'constructor', 'toString']) {
      expect(methodForChannel(channel), channel).toBeUndefined();
    }
  });
});

describe('dispatch refuses bad calls without running a handler', () => {
  it('an unknown channel gives unknown-channel', async () => {
    const { dispatch, noHandlerCalled, log } = setup({ payload: bundled });
    for (const channel of ['frontline:delete-everything', '__proto__', 'getDataset']) {
      const error = errorOf(await dispatch(channel, APP_SENDER, []));
      expect(error.code).toBe('unknown-channel');
    }
    noHandlerCalled();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/refused unknown channel "frontline:delete-everything"/));
  });

  it('a sub-frame, even of the app, gives bad-sender', async () => {
    const { dispatch, noHandlerCalled } = setup({ payload: bundled });
    const error = errorOf(await dispatch(INVOKE_CHANNELS.getDataset, { url: APP_ENTRY_URL, isMainFrame: false }, []));
    expect(error.code).toBe('bad-sender');
    expect(error.message).toMatch(/did not come from the Frontline window/);
    noHandlerCalled();
  });

  it.each(['https://evil.example/', 'app://frontline.evil/index.html', 'http://127.0.0.1:1235/', 'file:///index.html', 'not a url'])(
    'a sender at %s gives bad-sender',
    async (url) => {
      const { dispatch, noHandlerCalled, log } = setup({ payload: bundled });
      expect(errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, { url, isMainFrame: true }, ['geonames-2643743'])).code).toBe('bad-sender');
      noHandlerCalled();
      expect(log).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'));
    }
  );

  it.each([
    ['a number', [42]],
    ['two arguments', ['geonames-2643743', 'extra']],
    ['no argument', []],
    ['an id with spaces', ['geonames 2643743']],
    ['"__proto__"', ['__proto__']],
    ['an empty id', ['']],
    ['an object', [{ id: 'geonames-2643743' }]],
    ['null', [null]],
    ['an over-long id', ['a'.repeat(129)]]
  ])('openSourceUrl with %s gives bad-arguments', async (_what, args) => {
    const { dispatch, noHandlerCalled, openExternal } = setup({ payload: bundled });
    const error = errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, args));
    expect(error.code).toBe('bad-arguments');
    expect(error.message).toMatch(/^Request openSourceUrl refused: /);
    noHandlerCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('getDataset and getAppInfo with any argument give bad-arguments', async () => {
    const { dispatch, noHandlerCalled } = setup({ payload: bundled });
    expect(errorOf(await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, ['x'])).code).toBe('bad-arguments');
    expect(errorOf(await dispatch(INVOKE_CHANNELS.getAppInfo, APP_SENDER, [undefined])).code).toBe('bad-arguments');
    noHandlerCalled();
  });
});

describe('dispatch turns handler failures into internal Results', () => {
  it('a handler that rejects gives an internal error, not a throw', async () => {
    const { dispatch, log } = setup({
      handlers: {
        getAppInfo: async () => {
          throw new Error('boom');
        }
      }
    });
    const result = await dispatch(INVOKE_CHANNELS.getAppInfo, APP_SENDER, []);
    const error = errorOf(result);
    expect(error.code).toBe('internal');
    expect(error.message).toBe('Something went wrong in getAppInfo: boom');
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^handler getAppInfo threw: Error: boom/));
  });

  it('a handler that throws synchronously, or throws a non-Error, gives an internal error', async () => {
    const { dispatch } = setup({
      handlers: {
        getDataset: () => {
          throw new TypeError('sync');
        },
        getAppInfo: () => Promise.reject('plain string')
      }
    });
    await expect(dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, [])).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong in getDataset: sync' }
    });
    expect(errorOf(await dispatch(INVOKE_CHANNELS.getAppInfo, APP_SENDER, [])).message).toBe('Something went wrong in getAppInfo: plain string');
  });

  it('openExternal failing gives an internal error', async () => {
    const { dispatch, openExternal } = setup({ payload: bundled });
    openExternal.mockRejectedValueOnce(new Error('no browser'));
    const error = errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['geonames-2643743']));
    expect(error).toEqual({ code: 'internal', message: 'Something went wrong in openSourceUrl: no browser' });
  });
});

describe('getDataset and getAppInfo through the dispatcher', () => {
  it('returns the loaded bundled dataset', async () => {
    const { dispatch, handlers } = setup({ payload: bundled });
    const result = await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, []);
    expect(result).toEqual({ ok: true, value: bundled });
    expect(handlers.getDataset).toHaveBeenCalledTimes(1);
    if (!result.ok) throw new Error('unreachable');
    const payload = result.value as DatasetPayload;
    expect(payload.dataset.events).toHaveLength(23);
    expect(payload.file.name).toBe('deir-al-zour-al-qaim-2017.frontline');
  });

  it('accepts the test-harness origin as well as app://', async () => {
    const { dispatch } = setup({ payload: bundled });
    expect((await dispatch(INVOKE_CHANNELS.getDataset, { url: 'http://127.0.0.1:1234/index.html', isMainFrame: true }, [])).ok).toBe(true);
  });

  it('returns the startup error when the first load failed', async () => {
    const startupError: AppError = {
      code: 'invalid-data',
      message: 'The bundled dataset x.frontline could not be loaded.',
      problems: [{ severity: 'error', file: 'x.frontline', line: 3, message: 'bad' }]
    };
    const { dispatch } = setup({ startupError });
    expect(await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, [])).toEqual({ ok: false, error: startupError });
  });

  it('returns not-found when nothing is loaded and nothing failed', async () => {
    const { dispatch } = setup();
    expect(errorOf(await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, []))).toEqual({ code: 'not-found', message: 'No dataset is loaded.' });
  });

  it('a loaded dataset wins over an old startup error', async () => {
    const { dispatch } = setup({ payload: bundled, startupError: { code: 'io', message: 'old' } });
    expect((await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, [])).ok).toBe(true);
  });

  it('getAppInfo returns the app info', async () => {
    const { dispatch } = setup();
    expect(await dispatch(INVOKE_CHANNELS.getAppInfo, APP_SENDER, [])).toEqual({ ok: true, value: APP_INFO });
  });
});

describe('openSourceUrl through the dispatcher', () => {
  it('opens the bundled https source once, with its normalised address', async () => {
    const { dispatch, openExternal } = setup({ payload: bundled });
    const result = await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['geonames-2643743']);
    expect(result).toEqual({ ok: true, value: { url: 'https://www.geonames.org/2643743' } });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://www.geonames.org/2643743');
  });

  it('opens a source with the normalised form of what the file wrote', async () => {
    const payload = await payloadWithUrls('normalise.frontline', { 'bbc-2017-11-03': 'HTTPS://WWW.BBC.co.uk:443/news/../news/world-middle-east-41846532' });
    const { dispatch, openExternal } = setup({ payload });
    const result = await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['bbc-2017-11-03']);
    expect(result).toEqual({ ok: true, value: { url: 'https://www.bbc.co.uk/news/world-middle-east-41846532' } });
    expect(openExternal.mock.calls).toEqual([['https://www.bbc.co.uk/news/world-middle-east-41846532']]);
  });

  it('refuses a source id the dataset does not have', async () => {
    const { dispatch, openExternal } = setup({ payload: bundled });
    const error = errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['reuters']));
    expect(error).toEqual({ code: 'not-found', message: 'The dataset has no source "reuters".' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a source without a web address', async () => {
    const { dispatch, openExternal } = setup({ payload: bundled });
    const error = errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['bbc-2017-11-03']));
    expect(error).toEqual({ code: 'not-found', message: 'Source "bbc-2017-11-03" has no web address.' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses when no dataset is loaded', async () => {
    const { dispatch, openExternal } = setup();
    expect(errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['geonames-2643743'])).code).toBe('not-found');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '\\\\server\\share', 'https://user:pw@example.org/'])(
    'refuses a dataset address %j as unsafe-url and never calls openExternal',
    async (url) => {
      const payload = await payloadWithUrls('unsafe.frontline', { 'frontline-gazetteer': url });
      // The file loads (the address is only a warning) but the address is never opened.
      expect(payload.warnings.map((w) => w.field)).toEqual(['sources[1] (id "frontline-gazetteer").url']);
      const { dispatch, openExternal } = setup({ payload });
      const error = errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['frontline-gazetteer']));
      expect(error.code).toBe('unsafe-url');
      expect(error.message).toMatch(/not an http\(s\) web address/);
      expect(openExternal).not.toHaveBeenCalled();
    }
  );

  it('follows the store: a replaced dataset is the one consulted', async () => {
    const { dispatch, store, openExternal } = setup({ payload: bundled });
    store.replace(await payloadWithUrls('replaced.frontline', { 'geonames-2643743': 'javascript:alert(1)' }));
    expect(errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['geonames-2643743'])).code).toBe('unsafe-url');
    expect(openExternal).not.toHaveBeenCalled();
  });
});
