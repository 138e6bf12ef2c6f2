// createDispatcher with the real handlers and the bundled dataset: channel, sender and argument checks, and errors as Results.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TimelineEvent } from '../../shared/dataset/schema';
import { INVOKE_CHANNELS, type AppCommand, type AppError, type AppInfo, type DatasetPayload, type InvokeMethod, type OpenOutcome, type Result } from '../../shared/ipc/contract';
import { DatasetService, inlineRunLoad, type RunLoad } from '../dataset/datasetService';
import { cancelledOpen } from '../dataset/openDatasetFile';
import { ExportSession } from '../export/exportSession';
import { FileSession } from '../files/fileSession';
import { SettingsStore } from '../files/settingsStore';
import { APP_ENTRY_URL, APP_ORIGIN } from '../security/appProtocol';
import { isTrustedSender, type SenderInfo } from '../security/senderCheck';
import { createDispatcher, methodForChannel } from './dispatcher';
import { createHandlers, type Handlers } from './handlers';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const BROKEN = fileURLToPath(new URL('../../../tests/fixtures/broken-syntax.frontline', import.meta.url));
const INVALID_REFS = fileURLToPath(new URL('../../../tests/fixtures/invalid-refs.frontline', import.meta.url));
const TRUSTED_ORIGINS = [APP_ORIGIN, 'http://127.0.0.1:1234'];
const APP_SENDER: SenderInfo = { url: APP_ENTRY_URL, isMainFrame: true };
const APP_INFO: AppInfo = { name: 'Frontline', version: '0.1.0', platform: 'linux', versions: { node: '20' } };

let tmp: string;

/** Load a file into the service as main does, failing the test if it does not load. */
async function loadInto(service: DatasetService, path: string): Promise<DatasetPayload> {
  const outcome = await service.load(path, { displayName: basename(path), bundled: path === BUNDLED });
  if (outcome.kind !== 'opened') throw new Error(`could not load ${path}: ${outcome.kind === 'failed' ? (outcome.error.problems ?? []).map((p) => p.message).join('; ') : outcome.kind}`);
  return outcome.dataset;
}

/** The bundled dataset with its sources' addresses replaced, written to a temporary file; returns its path. */
async function fileWithUrls(name: string, urls: Record<string, string>): Promise<string> {
  const json = JSON.parse(await readFile(BUNDLED, 'utf8')) as { sources: { id: string; url?: string }[] };
  for (const source of json.sources) if (source.id in urls) source.url = urls[source.id];
  const path = join(tmp, name);
  await writeFile(path, JSON.stringify(json, null, 2));
  return path;
}

/**
 * Handlers over a DatasetService that has loaded `files` in order (inline, as the command line
 * does), behind a dispatcher. `runLoad` replaces the inline loader.
 */
async function setup(options: { files?: readonly string[]; handlers?: Partial<Handlers>; runLoad?: RunLoad } = {}) {
  const service = new DatasetService(options.runLoad ?? inlineRunLoad);
  for (const file of options.files ?? []) await service.load(file, { displayName: basename(file), bundled: file === BUNDLED });
  const openExternal = vi.fn(async (_url: string) => {});
  const log = vi.fn((_message: string) => {});
  const dialogs = { showOpen: vi.fn(async (): Promise<string | undefined> => undefined), showSave: vi.fn(async (): Promise<string | undefined> => undefined) };
  const sent: AppCommand[] = [];
  const settings = new SettingsStore(join(tmp, `settings-${settingsCount++}.json`));
  const files = new FileSession({ service, settings, dialogs, sendCommand: (c) => sent.push(c) });
  const exports = new ExportSession({ service, dialogs: { showSaveImage: async () => undefined }, writeClipboardPng: () => {} });
  const real = createHandlers({ service, files, exports, appInfo: () => APP_INFO, openExternal, openPresenterView: async () => ({ display: 'same' as const }) });
  const handlers = Object.fromEntries(
    (Object.keys(real) as InvokeMethod[]).map((m) => [m, vi.fn((options.handlers?.[m] ?? real[m]) as (...a: unknown[]) => Promise<Result<unknown>>)])
  ) as unknown as Handlers & Record<InvokeMethod, ReturnType<typeof vi.fn>>;
  const dispatch = createDispatcher(handlers, (sender) => isTrustedSender(sender, TRUSTED_ORIGINS), log);
  const noHandlerCalled = () => {
    for (const m of Object.keys(handlers) as InvokeMethod[]) expect(handlers[m], m).not.toHaveBeenCalled();
  };
  return { service, files, settings, dialogs, sent, dispatch, handlers, openExternal, log, noHandlerCalled };
}

let settingsCount = 0;

function errorOf(result: Result<unknown>): AppError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

/** What an open through the dispatcher came to (the call itself went through). */
function outcomeOf(result: Result<unknown>): OpenOutcome {
  if (!result.ok) throw new Error(`expected an outcome, got ${result.error.code}: ${result.error.message}`);
  return result.value as OpenOutcome;
}

/** Why an open through the dispatcher failed. */
function openFailure(result: Result<unknown>): AppError {
  const outcome = outcomeOf(result);
  if (outcome.kind !== 'failed') throw new Error(`expected a failed open, got ${outcome.kind}`);
  return outcome.error;
}

let bundled: DatasetPayload;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-dispatcher-'));
  bundled = await loadInto(new DatasetService(inlineRunLoad), BUNDLED);
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
    const { dispatch, noHandlerCalled, log } = await setup({ files: [BUNDLED] });
    for (const channel of ['frontline:delete-everything', '__proto__', 'getDataset']) {
      const error = errorOf(await dispatch(channel, APP_SENDER, []));
      expect(error.code).toBe('unknown-channel');
    }
    noHandlerCalled();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/refused unknown channel "frontline:delete-everything"/));
  });

  it('a sub-frame, even of the app, gives bad-sender', async () => {
    const { dispatch, noHandlerCalled } = await setup({ files: [BUNDLED] });
    const error = errorOf(await dispatch(INVOKE_CHANNELS.getDataset, { url: APP_ENTRY_URL, isMainFrame: false }, []));
    expect(error.code).toBe('bad-sender');
    expect(error.message).toMatch(/did not come from the Frontline window/);
    noHandlerCalled();
  });

  it.each(['https://evil.example/', 'app://frontline.evil/index.html', 'http://127.0.0.1:1235/', 'file:///index.html', 'not a url'])(
    'a sender at %s gives bad-sender',
    async (url) => {
      const { dispatch, noHandlerCalled, log } = await setup({ files: [BUNDLED] });
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
    const { dispatch, noHandlerCalled, openExternal } = await setup({ files: [BUNDLED] });
    const error = errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, args));
    expect(error.code).toBe('bad-arguments');
    expect(error.message).toMatch(/^Request openSourceUrl refused: /);
    noHandlerCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('getDataset, cancelLoad and getAppInfo with any argument give bad-arguments', async () => {
    const { dispatch, noHandlerCalled } = await setup({ files: [BUNDLED] });
    expect(errorOf(await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, ['x'])).code).toBe('bad-arguments');
    expect(errorOf(await dispatch(INVOKE_CHANNELS.cancelLoad, APP_SENDER, [true])).code).toBe('bad-arguments');
    expect(errorOf(await dispatch(INVOKE_CHANNELS.getAppInfo, APP_SENDER, [undefined])).code).toBe('bad-arguments');
    noHandlerCalled();
  });

  it.each([
    ['no argument', []],
    ['a negative position', [-1]],
    ['a fraction', [1.5]],
    ['NaN', [Number.NaN]],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a position past 2^32 - 1', [2 ** 32]],
    ['text', ['0']],
    ['two arguments', [0, 1]],
    ['null', [null]]
  ])('getEvent with %s gives bad-arguments', async (_what, args) => {
    const { dispatch, noHandlerCalled } = await setup({ files: [BUNDLED] });
    const error = errorOf(await dispatch(INVOKE_CHANNELS.getEvent, APP_SENDER, args));
    expect(error.code).toBe('bad-arguments');
    expect(error.message).toMatch(/^Request getEvent refused: /);
    noHandlerCalled();
  });
});

describe('dispatch turns handler failures into internal Results', () => {
  it('a handler that rejects gives an internal error, not a throw', async () => {
    const { dispatch, log } = await setup({
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
    const { dispatch } = await setup({
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
    const { dispatch, openExternal } = await setup({ files: [BUNDLED] });
    openExternal.mockRejectedValueOnce(new Error('no browser'));
    const error = errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['geonames-2643743']));
    expect(error).toEqual({ code: 'internal', message: 'Something went wrong in openSourceUrl: no browser' });
  });
});

describe('getDataset and getAppInfo through the dispatcher', () => {
  it('returns the loaded bundled dataset', async () => {
    const { dispatch, handlers, service } = await setup({ files: [BUNDLED] });
    const result = await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, []);
    expect(result).toEqual({ ok: true, value: bundled });
    expect(handlers.getDataset).toHaveBeenCalledTimes(1);
    if (!result.ok) throw new Error('unreachable');
    const payload = result.value as DatasetPayload;
    expect(payload).toBe(service.current);
    expect(payload.columns.count).toBe(BUNDLED_EVENT_COUNT);
    expect(payload.header.metadata.title).toBe('IS loses Deir al-Zour and al-Qaim');
    expect(payload.file).toEqual({ path: BUNDLED, displayName: 'deir-al-zour-al-qaim-2017.frontline', bundled: true, bytes: (await readFile(BUNDLED)).byteLength, format: 'native', fromCache: false });
  });

  it('accepts the test-harness origin as well as app://', async () => {
    const { dispatch } = await setup({ files: [BUNDLED] });
    expect((await dispatch(INVOKE_CHANNELS.getDataset, { url: 'http://127.0.0.1:1234/index.html', isMainFrame: true }, [])).ok).toBe(true);
  });

  it('returns the error of the first load when it failed', async () => {
    const { dispatch } = await setup({ files: [BROKEN] });
    const error = errorOf(await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, []));
    expect(error).toMatchObject({ code: 'invalid-data', message: 'broken-syntax.frontline could not be opened.' });
    // The fixture lacks "sources" as well as having a syntax error in its one event.
    expect(error.problems).toContainEqual({
      severity: 'error',
      file: 'broken-syntax.frontline',
      line: 6,
      column: 18,
      field: 'events[0]',
      message: 'the file is not valid JSON: expected a field name in double quotes'
    });
  });

  it('returns not-found when nothing is loaded and nothing failed', async () => {
    const { dispatch } = await setup();
    expect(errorOf(await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, []))).toEqual({ code: 'not-found', message: 'No dataset is loaded.' });
  });

  it('a loaded dataset wins over an old startup error', async () => {
    const { dispatch } = await setup({ files: [BROKEN, BUNDLED] });
    const result = await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, []);
    expect(result.ok).toBe(true);
    expect((result as { value: DatasetPayload }).value.columns.count).toBe(BUNDLED_EVENT_COUNT);
  });

  it('waits for a load that is running and returns its dataset', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runLoad: RunLoad = async (path, displayName, onProgress, signal) => {
      await gate;
      return inlineRunLoad(path, displayName, onProgress, signal);
    };
    const { dispatch, service } = await setup({ runLoad });
    const loading = service.load(BUNDLED, { displayName: 'bundled.frontline', bundled: true });
    const pending = dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, []);
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    release();
    const result = await pending;
    expect(result.ok).toBe(true);
    expect((result as { value: DatasetPayload }).value.file.displayName).toBe('bundled.frontline');
    expect((await loading).kind).toBe('opened');
  });

  it('getAppInfo returns the app info', async () => {
    const { dispatch } = await setup();
    expect(await dispatch(INVOKE_CHANNELS.getAppInfo, APP_SENDER, [])).toEqual({ ok: true, value: APP_INFO });
  });
});

describe('getEvent and cancelLoad through the dispatcher', () => {
  it('returns the full event at a position of the file, with defaults filled in', async () => {
    const { dispatch } = await setup({ files: [BUNDLED] });
    const raw = JSON.parse(await readFile(BUNDLED, 'utf8')) as { events: { id: string; title: string }[] };
    for (const index of [0, 7, raw.events.length - 1]) {
      const result = await dispatch(INVOKE_CHANNELS.getEvent, APP_SENDER, [index]);
      if (!result.ok) throw new Error(result.error.message);
      const event = result.value as TimelineEvent;
      expect(event.id).toBe(raw.events[index]!.id);
      expect(event.title).toBe(raw.events[index]!.title);
      expect(Array.isArray(event.tags)).toBe(true);
      expect(event.status).toBeDefined();
    }
  });

  it('a position the dataset does not have gives not-found', async () => {
    const { dispatch } = await setup({ files: [BUNDLED] });
    expect(errorOf(await dispatch(INVOKE_CHANNELS.getEvent, APP_SENDER, [BUNDLED_EVENT_COUNT]))).toEqual({ code: 'not-found', message: `The dataset has no event at position ${BUNDLED_EVENT_COUNT}.` });
    expect(errorOf(await dispatch(INVOKE_CHANNELS.getEvent, APP_SENDER, [0xffffffff])).code).toBe('not-found');
  });

  it('gives not-found when no dataset is loaded', async () => {
    const { dispatch } = await setup();
    expect(errorOf(await dispatch(INVOKE_CHANNELS.getEvent, APP_SENDER, [0])).code).toBe('not-found');
  });

  it('cancelLoad says false when nothing is loading', async () => {
    const { dispatch } = await setup({ files: [BUNDLED] });
    expect(await dispatch(INVOKE_CHANNELS.cancelLoad, APP_SENDER, [])).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('cancelLoad stops a running load; the dataset before it stays', async () => {
    const inline = new DatasetService(inlineRunLoad);
    await loadInto(inline, BUNDLED);
    // A load that never finishes on its own: it ends only when aborted.
    const hanging: RunLoad = (file, _onProgress, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(cancelledOpen(file)), { once: true }));
    let calls = 0;
    const runLoad: RunLoad = (file, onProgress, signal) => (calls++ === 0 ? inlineRunLoad(file, onProgress, signal) : hanging(file, onProgress, signal));
    const { dispatch, service } = await setup({ files: [BUNDLED], runLoad });
    const before = service.current;
    const loading = service.load('/nowhere/other.frontline', { displayName: 'other.frontline', bundled: false });
    expect(service.loading).toBe(true);
    expect(await dispatch(INVOKE_CHANNELS.cancelLoad, APP_SENDER, [])).toEqual({ ok: true, value: { cancelled: true } });
    expect((await loading).kind).toBe('cancelled');
    expect(service.loading).toBe(false);
    expect(service.current).toBe(before);
    const result = await dispatch(INVOKE_CHANNELS.getDataset, APP_SENDER, []);
    expect(result.ok && result.value).toBe(before);
  });
});

describe('openSourceUrl through the dispatcher', () => {
  it('opens the bundled https source once, with its normalised address', async () => {
    const { dispatch, openExternal } = await setup({ files: [BUNDLED] });
    const result = await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['geonames-2643743']);
    expect(result).toEqual({ ok: true, value: { url: 'https://www.geonames.org/2643743' } });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://www.geonames.org/2643743');
  });

  it('opens a source with the normalised form of what the file wrote', async () => {
    const path = await fileWithUrls('normalise.frontline', { 'bbc-2017-11-03': 'HTTPS://WWW.BBC.co.uk:443/news/../news/world-middle-east-41846532' });
    const { dispatch, openExternal } = await setup({ files: [path] });
    const result = await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['bbc-2017-11-03']);
    expect(result).toEqual({ ok: true, value: { url: 'https://www.bbc.co.uk/news/world-middle-east-41846532' } });
    expect(openExternal.mock.calls).toEqual([['https://www.bbc.co.uk/news/world-middle-east-41846532']]);
  });

  it('refuses a source id the dataset does not have', async () => {
    const { dispatch, openExternal } = await setup({ files: [BUNDLED] });
    const error = errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['reuters']));
    expect(error).toEqual({ code: 'not-found', message: 'The dataset has no source "reuters".' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a source without a web address', async () => {
    const { dispatch, openExternal } = await setup({ files: [BUNDLED] });
    const error = errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['bbc-2017-11-03']));
    expect(error).toEqual({ code: 'not-found', message: 'Source "bbc-2017-11-03" has no web address.' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses when no dataset is loaded', async () => {
    const { dispatch, openExternal } = await setup();
    expect(errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['geonames-2643743'])).code).toBe('not-found');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '\\\\server\\share', 'https://user:pw@example.org/'])(
    'refuses a dataset address %j as unsafe-url and never calls openExternal',
    async (url) => {
      const path = await fileWithUrls('unsafe.frontline', { 'geonames-170794': url });
      const { dispatch, openExternal, service } = await setup({ files: [path] });
      // The file loads (the address is only a warning) but the address is never opened.
      expect(service.current?.warnings.map((w) => w.field)).toEqual(['sources[1] (id "geonames-170794").url']);
      const error = errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['geonames-170794']));
      expect(error.code).toBe('unsafe-url');
      expect(error.message).toMatch(/not an http\(s\) web address/);
      expect(openExternal).not.toHaveBeenCalled();
    }
  );

  it('follows the service: a newly loaded dataset is the one consulted', async () => {
    const { dispatch, service, openExternal } = await setup({ files: [BUNDLED] });
    await loadInto(service, await fileWithUrls('replaced.frontline', { 'geonames-2643743': 'javascript:alert(1)' }));
    expect(errorOf(await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['geonames-2643743'])).code).toBe('unsafe-url');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('keeps consulting the old dataset when a newer load fails', async () => {
    const { dispatch, openExternal } = await setup({ files: [BUNDLED, BROKEN] });
    expect((await dispatch(INVOKE_CHANNELS.openSourceUrl, APP_SENDER, ['geonames-2643743'])).ok).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.geonames.org/2643743');
  });
});

describe('the file methods through the dispatcher', () => {
  const TOKEN = 'a'.repeat(32);
  const newMethods = ['openFileDialog', 'openDroppedFile', 'openRecent', 'reloadFile', 'openWithMapping', 'resolveReview', 'getRecentFiles', 'takeMainOpen', 'saveAs'] as const;
  const goodArgs: Record<(typeof newMethods)[number], unknown[]> = {
    openFileDialog: [],
    openDroppedFile: ['/data/x.csv'],
    openRecent: ['/data/x.csv'],
    reloadFile: [],
    openWithMapping: [TOKEN, { date: 0, title: 1 }],
    resolveReview: [TOKEN, true],
    getRecentFiles: [],
    takeMainOpen: [],
    saveAs: ['csv', null]
  };

  it.each(newMethods)('%s from an untrusted sender or a sub-frame gives bad-sender, before any handler', async (method) => {
    const { dispatch, noHandlerCalled, dialogs } = await setup({ files: [BUNDLED] });
    for (const sender of [{ url: 'https://evil.example/', isMainFrame: true }, { url: APP_ENTRY_URL, isMainFrame: false }]) {
      expect(errorOf(await dispatch(INVOKE_CHANNELS[method], sender, goodArgs[method])).code).toBe('bad-sender');
    }
    noHandlerCalled();
    expect(dialogs.showOpen).not.toHaveBeenCalled();
    expect(dialogs.showSave).not.toHaveBeenCalled();
  });

  it.each([
    ['openFileDialog', [true]],
    ['reloadFile', ['/x']],
    ['getRecentFiles', [1]],
    ['takeMainOpen', [null]],
    ['openDroppedFile', []],
    ['openDroppedFile', ['']],
    ['openDroppedFile', [42]],
    ['openDroppedFile', [{ path: '/x' }]],
    ['openDroppedFile', ['/x'.repeat(3000)]],
    ['openDroppedFile', ['/x', '/y']],
    ['openRecent', [null]],
    ['openRecent', ['']],
    ['openWithMapping', [TOKEN]],
    ['openWithMapping', ['not-a-token', { date: 0 }]],
    ['openWithMapping', ['A'.repeat(32), { date: 0 }]],
    ['openWithMapping', ['a'.repeat(15), { date: 0 }]],
    ['openWithMapping', [TOKEN, { when: 0 }]],
    ['openWithMapping', [TOKEN, { date: -1 }]],
    ['openWithMapping', [TOKEN, { date: 1.5 }]],
    ['openWithMapping', [TOKEN, { date: '0' }]],
    ['openWithMapping', [TOKEN, [0, 1]]],
    ['resolveReview', [TOKEN]],
    ['resolveReview', [TOKEN, 'yes']],
    ['resolveReview', [TOKEN, 1]],
    ['resolveReview', ['../../etc/passwd', true]],
    ['saveAs', ['xlsx', null]],
    ['saveAs', ['csv']],
    ['saveAs', ['csv', [0, 1]]],
    ['saveAs', ['csv', new Int32Array([0])]],
    ['saveAs', ['csv', new Float64Array([0])]],
    ['saveAs', ['csv', { 0: 1, length: 1 }]],
    ['saveAs', ['frontline', null, 'extra']]
  ] as const)('%s with %j gives bad-arguments', async (method, args) => {
    const { dispatch, noHandlerCalled, dialogs } = await setup({ files: [BUNDLED] });
    const error = errorOf(await dispatch(INVOKE_CHANNELS[method], APP_SENDER, args as unknown as unknown[]));
    expect(error.code).toBe('bad-arguments');
    expect(error.message).toMatch(new RegExp(`^Request ${method} refused: `));
    noHandlerCalled();
    expect(dialogs.showOpen).not.toHaveBeenCalled();
    expect(dialogs.showSave).not.toHaveBeenCalled();
  });

  it('a "__proto__" key in a mapping never reaches the handler', async () => {
    const { dispatch, handlers } = await setup({ files: [BUNDLED] });
    await dispatch(INVOKE_CHANNELS.openWithMapping, APP_SENDER, [TOKEN, JSON.parse('{"__proto__": {"polluted": 1}, "date": 1}') as object]);
    const mapping = handlers.openWithMapping.mock.calls[0]?.[1] as object;
    expect(Object.keys(mapping)).toEqual(['date']);
    expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a well-formed token nobody issued is not-found; the dataset stays', async () => {
    const { dispatch, service } = await setup({ files: [BUNDLED] });
    const before = service.current;
    expect(openFailure(await dispatch(INVOKE_CHANNELS.resolveReview, APP_SENDER, [TOKEN, true])).code).toBe('not-found');
    expect(openFailure(await dispatch(INVOKE_CHANNELS.openWithMapping, APP_SENDER, [TOKEN, { date: 0 }])).code).toBe('not-found');
    expect(service.current).toBe(before);
  });

  it('open from the dialog, review, accept; the recent list and Save As follow', async () => {
    const { dispatch, dialogs, service } = await setup({ files: [BUNDLED] });
    dialogs.showOpen.mockResolvedValueOnce(undefined);
    expect(await dispatch(INVOKE_CHANNELS.openFileDialog, APP_SENDER, [])).toEqual({ ok: true, value: { kind: 'dismissed' } });
    dialogs.showOpen.mockResolvedValueOnce(INVALID_REFS);
    const review = outcomeOf(await dispatch(INVOKE_CHANNELS.openFileDialog, APP_SENDER, []));
    if (review.kind !== 'needs-review') throw new Error(`expected a review, got ${review.kind}`);
    const accepted = outcomeOf(await dispatch(INVOKE_CHANNELS.resolveReview, APP_SENDER, [review.token, true]));
    expect(accepted.kind).toBe('opened');
    expect(service.current?.columns.count).toBe(20);
    expect(await dispatch(INVOKE_CHANNELS.getRecentFiles, APP_SENDER, [])).toEqual({ ok: true, value: [{ path: INVALID_REFS, available: true }] });
    expect(outcomeOf(await dispatch(INVOKE_CHANNELS.openRecent, APP_SENDER, [INVALID_REFS])).kind).toBe('needs-review');
    expect(openFailure(await dispatch(INVOKE_CHANNELS.openRecent, APP_SENDER, [BUNDLED])).code).toBe('not-found');
    const target = join(tmp, 'through-dispatch.csv');
    dialogs.showSave.mockResolvedValueOnce(target);
    expect(await dispatch(INVOKE_CHANNELS.saveAs, APP_SENDER, ['csv', Uint32Array.of(0, 1)])).toEqual({ ok: true, value: { path: target, events: 2 } });
    dialogs.showSave.mockResolvedValueOnce(undefined);
    expect(await dispatch(INVOKE_CHANNELS.saveAs, APP_SENDER, ['frontline', null])).toEqual({ ok: true, value: { dismissed: true } });
  });

  it('a dropped folder or missing file is refused without loading anything', async () => {
    const { dispatch, service } = await setup({ files: [BUNDLED] });
    const before = service.current;
    expect(openFailure(await dispatch(INVOKE_CHANNELS.openDroppedFile, APP_SENDER, [tmp])).code).toBe('bad-arguments');
    expect(openFailure(await dispatch(INVOKE_CHANNELS.openDroppedFile, APP_SENDER, [join(tmp, 'nothing.csv')])).code).toBe('not-found');
    expect(openFailure(await dispatch(INVOKE_CHANNELS.openDroppedFile, APP_SENDER, ['relative.csv'])).code).toBe('bad-arguments');
    expect(service.current).toBe(before);
  });

  it('takeMainOpen gives what main opened, once, and reloadFile reads the file again', async () => {
    const { dispatch, files, sent } = await setup({ files: [BUNDLED] });
    void files.openFromMain(BROKEN);
    expect(sent).toEqual(['main-open']);
    const taken = openFailure(await dispatch(INVOKE_CHANNELS.takeMainOpen, APP_SENDER, []));
    expect(taken).toMatchObject({ code: 'invalid-data', message: 'broken-syntax.frontline could not be opened.' });
    expect(await dispatch(INVOKE_CHANNELS.takeMainOpen, APP_SENDER, [])).toEqual({ ok: true, value: { kind: 'dismissed' } });
    expect(outcomeOf(await dispatch(INVOKE_CHANNELS.reloadFile, APP_SENDER, [])).kind).toBe('opened');
  });
});
