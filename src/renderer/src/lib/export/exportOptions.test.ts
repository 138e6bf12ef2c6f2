// The export dialog's request: what the form's choices send to main, checked against main's own
// argument schema, and the words for what went wrong.
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_ARGS } from '../../../../shared/ipc/args';
import { buildRequest, copyCurrentView, defaultForm, describeProgress, parseDay, previewKey, screenSize, screenSizeLabel, type ExportContext } from './exportOptions';

const VIEW = { start: Date.UTC(2017, 9, 1), end: Date.UTC(2017, 11, 1) };
const CONTEXT: ExportContext = { window: VIEW, laneMode: 'type', indices: Uint32Array.of(1, 4, 9) };
const form = (change = {}) => ({ ...defaultForm(CONTEXT, 'IS loses Deir al-Zour', 'Subtitle'), ...change });
const valid = (request: unknown) => INVOKE_ARGS.exportImage.safeParse([request]).success;

describe('buildRequest', () => {
  it('defaults to a 1920 × 1080 PNG of the current view, with the lanes, filters and titles of the screen', () => {
    const built = buildRequest(form(), CONTEXT);
    expect(built).toEqual({
      ok: true,
      request: { format: 'png', what: 'view', window: VIEW, laneMode: 'type', indices: CONTEXT.indices, theme: 'screen', width: 1920, height: 1080, scale: 1, title: 'IS loses Deir al-Zour', subtitle: 'Subtitle' }
    });
    expect(built.ok && valid(built.request)).toBe(true);
    expect(form()).toMatchObject({ from: '2017-10-01', to: '2017-11-30' });
  });

  it('sends every format, size and page main accepts', () => {
    const cases = [
      form({ format: 'svg', size: '3840x2160', theme: 'dark' }),
      form({ format: 'png', size: '1280x720', scale: 4, theme: 'projector' }),
      form({ format: 'png', size: 'custom', width: 7680, height: 2000, scale: 2 }),
      form({ format: 'pdf', page: 'slide', pages: 3, theme: 'print', what: 'all' }),
      form({ format: 'pdf', what: 'range', from: '2017-01-01', to: '2017-12-31' })
    ];
    for (const f of cases) {
      const built = buildRequest(f, CONTEXT);
      expect(built.ok, JSON.stringify(f)).toBe(true);
      if (built.ok) expect(valid(built.request), JSON.stringify(built.request)).toBe(true);
    }
    const pdf = buildRequest(form({ format: 'pdf', page: 'letter', pages: 2 }), CONTEXT);
    expect(pdf.ok && pdf.request).toMatchObject({ format: 'pdf', page: 'letter', pages: 2 });
    expect(pdf.ok && 'scale' in pdf.request).toBe(false);
    const all = buildRequest(form({ what: 'all' }), CONTEXT);
    expect(all.ok && all.request.window).toBeUndefined();
  });

  it('sends the map choice (beside or above) in every format, and no map field for none', () => {
    for (const format of ['png', 'svg', 'pdf'] as const) {
      for (const map of ['beside', 'above'] as const) {
        const built = buildRequest(form({ format, map }), CONTEXT);
        expect(built.ok && built.request.map).toBe(map);
        expect(built.ok && valid(built.request)).toBe(true);
      }
      const none = buildRequest(form({ format, map: 'none' }), CONTEXT);
      expect(none.ok && 'map' in none.request).toBe(false);
    }
    expect(form().map).toBe('none');
  });

  it('a typed range runs from the start of the first day to the end of the last', () => {
    const built = buildRequest(form({ what: 'range', from: '2017-03-01', to: '2017-03-31' }), CONTEXT);
    expect(built.ok && built.request.window).toEqual({ start: Date.UTC(2017, 2, 1), end: Date.UTC(2017, 3, 1) });
  });

  it.each([
    [{ what: 'range', from: '2017-13-01', to: '2017-12-31' }, /YYYY-MM-DD/],
    [{ what: 'range', from: '2017-02-30', to: '2017-12-31' }, /YYYY-MM-DD/],
    [{ what: 'range', from: '2017-12-31', to: '2017-01-01' }, /ends before it starts/],
    [{ size: 'custom', width: 100, height: 1080 }, /320 to 16384 px wide/],
    [{ size: 'custom', width: 20_000, height: 1080 }, /320 to 16384 px wide/],
    [{ size: '3840x2160', scale: 8 }, /too large/],
    [{ size: '3840x2160', scale: 8 }, /30720 × 17280/],
    [{ format: 'pdf', pages: 0 }, /1 to 200 pages/]
  ])('refuses %o in words', (change, message) => {
    const built = buildRequest(form(change), CONTEXT);
    expect(built.ok).toBe(false);
    expect(!built.ok && built.message).toMatch(message);
  });

  it('needs a view for the current view', () => {
    expect(buildRequest(form(), { ...CONTEXT, window: undefined })).toEqual({ ok: false, message: 'The timeline has no view yet.' });
  });
});

describe('the rest', () => {
  it('parses real days only', () => {
    expect(parseDay('2017-10-17')).toBe(Date.UTC(2017, 9, 17));
    expect(parseDay(' 2017-10-17 ')).toBe(Date.UTC(2017, 9, 17));
    for (const bad of ['2017-10', '17/10/2017', '2017-02-29', '']) expect(parseDay(bad), bad).toBeUndefined();
  });

  it('describes progress', () => {
    expect(describeProgress({ phase: 'drawing', done: 1, total: 3 })).toBe('Drawing (2 of 3)…');
    expect(describeProgress({ phase: 'rasterising', done: 0, total: 1 })).toBe('Rendering the pixels…');
  });

  it('Copy Image copies the current view as a PNG and says what it copied, or why not', async () => {
    const copyImage = vi.fn(async () => ({ ok: true as const, value: { width: 1920, height: 1080 } }));
    expect(await copyCurrentView({ copyImage }, CONTEXT, 'T', '')).toBe('Copied a 1920 × 1080 image of the current view.');
    expect(copyImage).toHaveBeenCalledWith(expect.objectContaining({ format: 'png', what: 'view', window: VIEW, indices: CONTEXT.indices, laneMode: 'type' }));
    const failing = vi.fn(async () => ({ ok: false as const, error: { code: 'io' as const, message: 'the clipboard is busy' } }));
    expect(await copyCurrentView({ copyImage: failing }, CONTEXT, 'T', '')).toBe('Could not copy the image: the clipboard is busy');
  });
});

describe('the current view as seen', () => {
  it("is drawn at the timeline's size on screen when that is known (the same time per pixel, so the same labels)", () => {
    const screen = screenSize(1141.4, 639.6)!;
    expect(screen).toEqual({ width: 1141, height: 640 });
    const built = buildRequest(defaultForm(CONTEXT, 'T', 'S', screen), CONTEXT);
    expect(built.ok && [built.request.width, built.request.height]).toEqual([1141, 640]);
    expect(built.ok && valid(built.request)).toBe(true);
    expect(screenSizeLabel(screen)).toBe('As on screen (1,141 × 640)');
    // Within the export's bounds; nothing measured, the usual 1920 × 1080.
    expect(screenSize(100, 50)).toEqual({ width: 320, height: 200 });
    expect(screenSize(0, 0)).toBeUndefined();
    expect(defaultForm(CONTEXT, 'T', 'S').size).toBe('1920x1080');
  });
});

describe('previewKey', () => {
  it('changes with anything the picture shows, the filtered events included, and only then', () => {
    const request = (change = {}) => {
      const built = buildRequest(form(change), CONTEXT);
      if (!built.ok) throw new Error(built.message);
      return built.request;
    };
    expect(previewKey(request())).toBe(previewKey(request()));
    expect(previewKey(request({ theme: 'dark' }))).not.toBe(previewKey(request()));
    expect(previewKey(request({ title: 'Other' }))).not.toBe(previewKey(request()));
    expect(previewKey(request({ map: 'beside' }))).not.toBe(previewKey(request()));
    expect(previewKey(request({ map: 'above' }))).not.toBe(previewKey(request({ map: 'beside' })));
    expect(previewKey({ ...request(), indices: Uint32Array.of(1, 4, 8) })).not.toBe(previewKey(request()));
    expect(previewKey({ ...request(), indices: null })).not.toBe(previewKey(request()));
  });
});
