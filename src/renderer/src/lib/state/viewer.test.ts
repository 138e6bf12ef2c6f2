// @vitest-environment happy-dom
// The viewer state's intents and derived values, with main's API stood in for: the in-view count
// follows the window and the filter at once (no stale count until the next pan); a filter that
// hides the selected event closes its details; zoom keeps the selected event in place; the "show
// whole range" link goes once the whole range is shown; notices; the presentation's first step is
// never far-off context; the table takes the focus when opened from the keyboard.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetPayload, FrontlineApi } from '../../../../shared/ipc/contract';
import { testColumns } from '../timeline/testData';
import { perform } from './perform';
import { ViewerState } from './viewer.svelte';

const DAY = 86_400_000;

function payload(): DatasetPayload {
  const data = testColumns([
    { type: 'context', start: '1916', precision: 'year', title: 'Sykes-Picot' },
    { start: '2017-10-01', title: 'A' },
    { start: '2017-10-15', type: 'capture', title: 'B' },
    { start: '2017-11-03', title: 'C', country: 'IQ' },
    { start: '2017-11-03', type: 'capture', title: 'D', country: 'IQ' }
  ]);
  return {
    header: data.header,
    columns: data.columns,
    warnings: [],
    file: { path: '/data/test.frontline', displayName: 'test.frontline', bundled: false, bytes: 1, format: 'native', fromCache: false }
  } as unknown as DatasetPayload;
}

let viewer: ViewerState;
let shown: DatasetPayload;

beforeEach(async () => {
  shown = payload();
  const api: Partial<FrontlineApi> = {
    getDataset: async () => ({ ok: true, value: shown }),
    takeMainOpen: async () => ({ ok: true, value: { kind: 'dismissed' } }),
    getRecentFiles: async () => ({ ok: true, value: [] }),
    getEvent: async () => ({ ok: false, error: { code: 'not-found', message: 'not in this test' } })
  };
  (window as unknown as { api: Partial<FrontlineApi> }).api = api;
  viewer = new ViewerState();
  await viewer.opening.load();
});

afterEach(() => viewer.finder.dispose());

const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('ViewerState', () => {
  it('counts the events in view from the window and the filter of now', () => {
    viewer.reportWindow({ start: t('2017-10-01'), end: t('2017-11-10') });
    expect(viewer.inView).toBe(4);
    // A filter changes the count at once, with no pan in between.
    viewer.toggleType('capture');
    expect(viewer.finder.filter.type).toBeDefined();
    expect(viewer.inView).toBe(2);
    viewer.reportWindow({ start: t('2017-11-01'), end: t('2017-11-10') });
    expect(viewer.inView).toBe(1);
  });

  it('closes the details of a selected event the filters hide', () => {
    viewer.select(2);
    expect(viewer.selectedIndex).toBe(2);
    viewer.toggleType('capture');
    expect(viewer.selectedIndex).toBeUndefined();
  });

  it('zooms around the selected event when it is in view, around the middle otherwise', () => {
    viewer.reportWindow({ start: t('2017-10-01'), end: t('2017-11-10') });
    viewer.select(2, { reveal: true });
    expect(viewer.request).toMatchObject({ kind: 'reveal', index: 2 });
    perform(viewer, 'zoom-in');
    expect(viewer.request).toMatchObject({ kind: 'zoom', factor: 0.5, around: t('2017-10-15') });
    viewer.select(undefined);
    perform(viewer, 'zoom-out');
    expect(viewer.request).toMatchObject({ kind: 'zoom', factor: 2 });
    expect(viewer.request).not.toHaveProperty('around');
  });

  it('offers the whole range until it is shown', () => {
    viewer.reportWindow({ start: t('2017-09-25'), end: t('2017-11-20') });
    expect(viewer.wholeRangeShown).toBe(false);
    expect(viewer.offStory.map((e) => e.title)).toEqual(['Sykes-Picot']);
    viewer.reportWindow({ start: t('1915-01-01'), end: t('2018-01-01') });
    expect(viewer.wholeRangeShown).toBe(true);
  });

  it('presents the story, not context far outside it', () => {
    expect(viewer.presenting.steps).toEqual([1, 2, 3, 4]);
    viewer.presenting.act({ kind: 'start', from: 'beginning' });
    expect(viewer.presenting.active).toBe(true);
    expect(viewer.selectedIndex).toBe(1);
    expect(viewer.request).toMatchObject({ kind: 'present', index: 1 });
    const w = (viewer.request as { window: { start: number; end: number } }).window;
    expect(w.end - w.start).toBeLessThan(400 * DAY);
  });

  it('opens the table from the keyboard with the focus for its current row; Shift+F opens the filters', () => {
    expect(perform(viewer, 'toggle-table')).toBe(true);
    expect(viewer.panels.table).toBe(true);
    expect(viewer.tableFocus).toBe(true);
    perform(viewer, 'toggle-filters');
    expect(viewer.panels.filters).toBe(true);
  });

  it('says what opened, and lets the news go by itself', async () => {
    vi.useFakeTimers();
    try {
      viewer.notices.show('Opened test.frontline');
      vi.advanceTimersByTime(20_000);
      expect(viewer.notices.current).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a dataset covered until the timeline has drawn it', () => {
    expect(viewer.drawing).toBe(true);
    viewer.drawn(viewer.payload!);
    expect(viewer.drawing).toBe(false);
  });
});
