// File > Export Image and Copy Image through the dispatcher and the real handlers, over the
// bundled dataset: the argument schema's bounds, the save dialog's name and filter, the picture
// drawn from what main holds (filtered by the indices sent), atomic writes, errors that name the
// path, progress, and the PNG put on the clipboard.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventView, FLAG_ERA } from '../../shared/dataset/columns';
import { INVOKE_ARGS } from '../../shared/ipc/args';
import { INVOKE_CHANNELS, type ExportProgress, type ImageExportRequest, type InvokeMethod, type Result } from '../../shared/ipc/contract';
import { checkSvg } from '../../shared/render/svgCheck';
import { DatasetService, inlineRunLoad } from '../dataset/datasetService';
import { FileSession } from '../files/fileSession';
import { SettingsStore } from '../files/settingsStore';
import { createDispatcher } from '../ipc/dispatcher';
import { createHandlers } from '../ipc/handlers';
import { APP_ENTRY_URL } from '../security/appProtocol';
import { ExportSession, IMAGE_FILTERS, withImageExtension } from './exportSession';
import { BUNDLED_PATH } from './testData';

const SLOW = 60_000;
const SENDER = { url: APP_ENTRY_URL, isMainFrame: true };
const AUTUMN = { start: Date.UTC(2017, 9, 1), end: Date.UTC(2017, 11, 1) };
const VIEW: ImageExportRequest = { format: 'svg', what: 'view', window: AUTUMN, laneMode: 'theatre', indices: null, theme: 'screen', width: 1600, height: 900 };

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-export-session-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function setup(options: { load?: boolean } = {}) {
  const service = new DatasetService(inlineRunLoad);
  if (options.load !== false) await service.load(BUNDLED_PATH, { displayName: 'bundled', bundled: true });
  const answers: (string | undefined)[] = [];
  const showSaveImage = vi.fn(async (_o: { defaultName: string; format: string }) => answers.shift());
  const copied: Uint8Array[] = [];
  const progress: ExportProgress[] = [];
  const exports = new ExportSession({ service, dialogs: { showSaveImage }, writeClipboardPng: (png) => void copied.push(png), sendProgress: (p) => progress.push(p) });
  const files = new FileSession({
    service,
    settings: new SettingsStore(join(tmp, 'never-written', 'settings.json')),
    dialogs: { showOpen: async () => undefined, showSave: async () => undefined },
    sendCommand: () => {}
  });
  const handlers = createHandlers({ service, files, exports, appInfo: () => ({ name: '', version: '', platform: '', versions: {} }), openExternal: async () => {}, openPresenterView: async () => ({ display: 'same' }) });
  const dispatch = createDispatcher(handlers, () => true);
  const call = (method: InvokeMethod, ...args: unknown[]) => dispatch(INVOKE_CHANNELS[method], SENDER, args) as Promise<Result<Record<string, unknown>>>;
  return { service, answers, showSaveImage, copied, progress, call };
}

describe('the export request schema', () => {
  const parse = (request: unknown) => INVOKE_ARGS.exportImage.safeParse([request]).success;

  it('accepts a view, the whole range and a typed range in every format, theme and page', () => {
    expect(parse(VIEW)).toBe(true);
    expect(parse({ ...VIEW, what: 'all', window: undefined, indices: Uint32Array.of(1, 2) })).toBe(true);
    expect(parse({ ...VIEW, format: 'png', scale: 4, width: 3840, height: 2160, theme: 'dark' })).toBe(true);
    expect(parse({ ...VIEW, format: 'pdf', page: 'slide', pages: 3, theme: 'print', title: 'T', subtitle: '' })).toBe(true);
    expect(parse({ ...VIEW, what: 'range', theme: 'projector', laneMode: 'type' })).toBe(true);
  });

  it.each([
    ['a width over 16384', { width: 16_385 }],
    ['a width under 320', { width: 100 }],
    ['a fractional width', { width: 1600.5 }],
    ['a height over 16384', { height: 20_000 }],
    ['a PNG over 16384 px once scaled', { format: 'png', width: 7680, scale: 4 }],
    ['a scale of 0', { scale: 0 }],
    ['a scale over 8', { scale: 16 }],
    ['an unknown format', { format: 'jpeg' }],
    ['an unknown theme', { theme: 'neon' }],
    ['an unknown lane mode', { laneMode: 'colour' }],
    ['an unknown page', { page: 'a3' }],
    ['301 pages', { pages: 301 }],
    ['a window that ends before it starts', { window: { start: AUTUMN.end, end: AUTUMN.start } }],
    ['a window of NaN', { window: { start: Number.NaN, end: 1 } }],
    ['the current view without a window', { window: undefined }],
    ['indices as a plain array', { indices: [1, 2] }],
    ['a title of 10,000 characters', { title: 'x'.repeat(10_000) }],
    ['an unknown key', { script: 'alert(1)' }]
  ])('refuses %s', (_what, change) => {
    expect(parse({ ...VIEW, ...change })).toBe(false);
  });
});

describe('exportImage', () => {
  it(
    'asks where to save with a safe name from the title and the format, then writes the SVG of the filtered view there',
    async () => {
      const { service, answers, showSaveImage, progress, call } = await setup();
      const cols = service.current!.columns;
      // Every other event of the window only: as if a filter showed these.
      const inWindow = [...Array(cols.count).keys()].filter((i) => cols.start[i]! < AUTUMN.end && cols.end[i]! > AUTUMN.start);
      const shown = Uint32Array.from(inWindow.filter((_, k) => k % 2 === 0));
      const target = join(tmp, 'autumn.svg');
      answers.push(target);
      const result = await call('exportImage', { ...VIEW, indices: shown, title: 'Autumn: <b>Deir</b> / al-Qaim' });
      expect(result).toEqual({ ok: true, value: { path: target, bytes: expect.any(Number) } });
      expect(showSaveImage).toHaveBeenCalledWith({ defaultName: 'Autumn b Deir b al-Qaim.svg', format: 'svg' });
      const svg = await readFile(target, 'utf8');
      expect(checkSvg(svg).ok).toBe(true);
      // The title is text, escaped; the events drawn are exactly those shown in the window (eras aside).
      expect(svg).toContain('Autumn: &lt;b&gt;Deir&lt;/b&gt; / al-Qaim');
      const drawn = [...svg.matchAll(/data-event="([^"]*)"/g)].map((m) => m[1]).sort();
      const expected = [...shown].filter((i) => (cols.flags[i]! & FLAG_ERA) === 0).map((i) => eventView(cols, i).id).sort();
      expect(drawn).toEqual(expected);
      expect(drawn.length).toBeGreaterThan(2);
      expect(progress.map((p) => p.phase)).toEqual(['drawing', 'writing']);
      // Nothing left beside it.
      expect((await readdir(tmp)).filter((f) => f.includes('.tmp'))).toEqual([]);
    },
    SLOW
  );

  it('adds the extension the dialog left off, or replaces none the user typed', async () => {
    expect(withImageExtension('/a/b', 'png')).toBe('/a/b.png');
    expect(withImageExtension('/a/b.PNG', 'png')).toBe('/a/b.PNG');
    expect(withImageExtension('/a/b.jpg', 'png')).toBe('/a/b.jpg.png');
    expect(IMAGE_FILTERS.pdf).toEqual({ name: 'PDF document', extensions: ['pdf'] });
  });

  it(
    'writes a PNG at the size asked for, to the path with its extension added',
    async () => {
      const { answers, showSaveImage, call } = await setup();
      answers.push(join(tmp, 'sized'));
      const result = await call('exportImage', { ...VIEW, format: 'png', width: 1280, height: 720, scale: 2, what: 'all', window: undefined });
      expect(result).toEqual({ ok: true, value: { path: join(tmp, 'sized.png'), bytes: expect.any(Number) } });
      expect(showSaveImage).toHaveBeenCalledWith({ defaultName: 'IS loses Deir al-Zour and al-Qaim.png', format: 'png' });
      const png = PNG.sync.read(await readFile(join(tmp, 'sized.png')));
      expect([png.width, png.height]).toEqual([2560, 1440]);
    },
    SLOW
  );

  it('writes nothing when the dialog is cancelled', async () => {
    const { call } = await setup();
    const before = await readdir(tmp);
    expect(await call('exportImage', VIEW)).toEqual({ ok: true, value: { dismissed: true } });
    expect(await readdir(tmp)).toEqual(before);
  });

  it('refuses events the dataset does not have, and no dataset at all, before asking for a file', async () => {
    const { showSaveImage, call } = await setup();
    const result = await call('exportImage', { ...VIEW, indices: Uint32Array.of(0, 99_999) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('bad-arguments');
    const empty = await setup({ load: false });
    expect(await empty.call('exportImage', VIEW)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(showSaveImage).not.toHaveBeenCalled();
    expect(empty.showSaveImage).not.toHaveBeenCalled();
  });

  it('a folder that does not exist gives an io error naming the path and the reason', async () => {
    const { answers, call } = await setup();
    const target = join(tmp, 'no-such-folder', 'x.svg');
    answers.push(target);
    const result = await call('exportImage', VIEW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('io');
      expect(result.error.message).toContain(target);
      expect(result.error.message).toMatch(/folder|directory|exist/i);
    }
  });

  it('refuses a relative path from the dialog', async () => {
    const { answers, call } = await setup();
    answers.push('relative/x.svg');
    expect(await call('exportImage', VIEW)).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
  });
});

describe('copyImage', () => {
  it(
    'puts a PNG of the request on the clipboard, whatever format it names, and says its size',
    async () => {
      const { copied, call } = await setup();
      const result = await call('copyImage', { ...VIEW, format: 'pdf', width: 1280, height: 720 });
      expect(result).toEqual({ ok: true, value: { width: 1280, height: 720 } });
      expect(copied).toHaveLength(1);
      const png = PNG.sync.read(Buffer.from(copied[0]!));
      expect([png.width, png.height]).toEqual([1280, 720]);
    },
    SLOW
  );

  it('with nothing open, says so and copies nothing', async () => {
    const { copied, call } = await setup({ load: false });
    expect(await call('copyImage', VIEW)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(copied).toEqual([]);
  });
});

describe('previewImage', () => {
  it(
    'draws a small PNG of what Export would write, with no dialog, no file and no clipboard',
    async () => {
      const { showSaveImage, copied, call } = await setup();
      const before = await readdir(tmp);
      const result = await call('previewImage', { ...VIEW, format: 'png', width: 1280, height: 720 });
      if (!result.ok) throw new Error(result.error.message);
      const value = result.value as { png: Uint8Array; width: number; height: number; imageWidth: number; imageHeight: number; pages: number };
      expect([value.width, value.height, value.imageWidth, value.imageHeight, value.pages]).toEqual([480, 270, 1280, 720, 1]);
      expect(PNG.sync.read(Buffer.from(value.png)).width).toBe(480);
      // The whole range of a PDF: its first page, and how many pages there are.
      const pdf = await call('previewImage', { ...VIEW, what: 'all', window: undefined, format: 'pdf', page: 'a4', pages: 2 });
      expect(pdf).toMatchObject({ ok: true, value: { width: 480, pages: 2 } });
      expect(showSaveImage).not.toHaveBeenCalled();
      expect(copied).toEqual([]);
      expect(await readdir(tmp)).toEqual(before);
    },
    SLOW
  );

  it('refuses what Export would refuse, and says so with nothing open', async () => {
    const { call } = await setup();
    expect(await call('previewImage', { ...VIEW, indices: Uint32Array.of(9999) })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(await call('previewImage', { ...VIEW, width: 10 })).toMatchObject({ ok: false });
    const empty = await setup({ load: false });
    expect(await empty.call('previewImage', VIEW)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
