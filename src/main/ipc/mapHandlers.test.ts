// The map view's IPC, through the real dispatcher and handlers: the basemap comes from the app's
// own resources folder (no network), checked; the map layout is remembered in the settings file
// (atomically, so a restart finds it), refused when malformed, and a damaged layout in the file
// falls back to the defaults without costing the recent list.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type Result } from '../../shared/ipc/contract';
import type { BasemapFile } from '../../shared/map/basemap';
import { DEFAULT_MAP_LAYOUT, type MapLayout } from '../../shared/map/mapLayout';
import { DatasetService, inlineRunLoad } from '../dataset/datasetService';
import { ExportSession } from '../export/exportSession';
import { FileSession } from '../files/fileSession';
import { SettingsStore } from '../files/settingsStore';
import { createDispatcher } from './dispatcher';
import { createHandlers } from './handlers';

const ORIGIN = 'app://frontline';
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-map-ipc-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function setup(name: string, withSettings = true) {
  const settings = new SettingsStore(join(tmp, name, 'settings.json'));
  await settings.load();
  const service = new DatasetService(inlineRunLoad);
  const files = new FileSession({ service, settings, dialogs: { showOpen: async () => undefined, showSave: async () => undefined }, sendCommand: () => {} });
  const exports = new ExportSession({ service, dialogs: { showSaveImage: async () => undefined }, writeClipboardPng: () => {} });
  const handlers = createHandlers({
    service,
    files,
    exports,
    appInfo: () => ({ name: '', version: '', platform: '', versions: {} }),
    openExternal: async () => {},
    openPresenterView: async () => ({ display: 'same' }),
    ...(withSettings ? { settings } : {})
  });
  const dispatch = createDispatcher(handlers, (s) => s.url.startsWith(ORIGIN) && s.isMainFrame);
  const call = <T>(method: keyof typeof INVOKE_CHANNELS, ...args: unknown[]) => dispatch(INVOKE_CHANNELS[method], { url: `${ORIGIN}/index.html`, isMainFrame: true }, args) as Promise<Result<T>>;
  return { call, settings };
}

describe('getBasemap', () => {
  it('answers with the shipped basemap, checked, with the sources the attribution names', async () => {
    const { call } = await setup('basemap');
    for (const res of ['110m', '50m'] as const) {
      const result = await call<BasemapFile>('getBasemap', res);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.format).toBe('frontline-basemap');
      expect(result.value.resolution).toBe(res);
      expect(Object.keys(result.value.topology.objects)).toEqual(expect.arrayContaining(['land', 'countries', 'lakes', 'rivers']));
      expect(result.value.sources.map((s) => s.credit)).toEqual(expect.arrayContaining(['Natural Earth', 'GeoNames (CC BY 4.0)']));
    }
    const detail = await call<BasemapFile>('getBasemap', '50m');
    expect(detail.ok && Object.keys(detail.value.topology.objects)).toContain('admin1');
  });

  it('refuses a resolution it does not have, before reading anything', async () => {
    const { call } = await setup('basemap-bad');
    for (const bad of ['10m', '../../etc/passwd', 50, undefined]) {
      const result = await call('getBasemap', bad);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    }
  });
});

describe('map layout', () => {
  it('is the default at first, and once saved is what a restart reads from the settings file', async () => {
    const { call, settings } = await setup('layout');
    expect(await call('getMapLayout')).toEqual({ ok: true, value: DEFAULT_MAP_LAYOUT });
    const layout: MapLayout = { open: true, placement: 'below', size: 0.35 };
    expect(await call('saveMapLayout', layout)).toEqual({ ok: true, value: layout });
    expect(JSON.parse(await readFile(settings.file, 'utf8')).map).toEqual(layout);
    const restarted = new SettingsStore(settings.file);
    await restarted.load();
    expect(restarted.mapLayout()).toEqual(layout);
  });

  it('refuses a malformed layout and keeps the one saved', async () => {
    const { call } = await setup('layout-bad');
    await call('saveMapLayout', { open: true, placement: 'beside', size: 0.5 });
    for (const bad of [{ open: true, placement: 'left', size: 0.5 }, { open: true, placement: 'below', size: 2 }, { open: 1, placement: 'below', size: 0.5 }, { open: true, placement: 'below', size: 0.5, extra: 1 }, 'open']) {
      expect(await call('saveMapLayout', bad)).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    }
    expect(await call('getMapLayout')).toEqual({ ok: true, value: { open: true, placement: 'beside', size: 0.5 } });
  });

  it('reads a damaged layout in the file as the defaults, and keeps the recent list', async () => {
    const dir = join(tmp, 'layout-damaged');
    const { settings } = await setup('layout-damaged');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, recentFiles: ['/data/a.csv'], map: { open: 'yes', size: 'big' } }));
    await settings.load();
    expect(settings.mapLayout()).toEqual(DEFAULT_MAP_LAYOUT);
    expect(settings.settings.recentFiles).toEqual(['/data/a.csv']);
    expect(settings.notice).toBeUndefined();
  });

  it('without a settings file: the default layout, and saving says it cannot be remembered', async () => {
    const { call } = await setup('layout-none', false);
    expect(await call('getMapLayout')).toEqual({ ok: true, value: DEFAULT_MAP_LAYOUT });
    expect(await call('saveMapLayout', { open: true, placement: 'auto', size: 0.4 })).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/cannot be remembered/) } });
  });
});
