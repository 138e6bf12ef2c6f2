// @vitest-environment happy-dom
// The presenting state's map frame, on the bundled dataset, as the map view reads it: none while not
// presenting; each step framed on its event's places (Deir al-Zour's step holds Deir al-Zour and not
// Mosul); a step with no located place (Syria and Iraq as a whole) shows every step's places.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ViewerState } from '../../src/renderer/src/lib/state/viewer.svelte';
import { stringAt } from '../../src/shared/dataset/columns';
import { loadDatasetBytes } from '../../src/shared/dataset/loadDatasetBytes';
import type { DatasetPayload, FrontlineApi } from '../../src/shared/ipc/contract';

const BYTES = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'deir-al-zour-al-qaim-2017.frontline'));

function bundledPayload(): DatasetPayload {
  const loaded = loadDatasetBytes(new Uint8Array(BYTES), 'bundled.frontline');
  if (!loaded.ok) throw new Error('the bundled dataset does not load');
  const { header, columns, control, warnings } = loaded.loaded;
  return { header, columns, control, warnings, file: { path: '/data/bundled.frontline', displayName: 'bundled.frontline', bundled: true, bytes: BYTES.length, format: 'native', fromCache: false } };
}

let viewer: ViewerState;
let payload: DatasetPayload;

beforeEach(async () => {
  payload = bundledPayload();
  const api: Partial<FrontlineApi> = {
    getDataset: async () => ({ ok: true, value: payload }),
    takeMainOpen: async () => ({ ok: true, value: { kind: 'dismissed' } }),
    getRecentFiles: async () => ({ ok: true, value: [] }),
    getEvent: async () => ({ ok: false, error: { code: 'not-found', message: 'not in this test' } })
  };
  (window as unknown as { api: Partial<FrontlineApi> }).api = api;
  viewer = new ViewerState();
  await viewer.opening.load();
});

afterEach(() => viewer.finder.dispose());

const holds = (b: { west: number; east: number; south: number; north: number }, placeId: string) => {
  const c = payload.header.places.find((p) => p.id === placeId)!.coordinates!;
  return c.lon > b.west && c.lon < b.east && c.lat > b.south && c.lat < b.north;
};

/** Go to the step showing the event with this id. */
function goToEvent(id: string): void {
  const presenting = viewer.presenting;
  const position = presenting.steps.findIndex((i) => stringAt(payload.columns.ids, i) === id);
  expect(position).toBeGreaterThanOrEqual(0);
  presenting.act({ kind: 'first' });
  while (presenting.state.step < position) presenting.act({ kind: 'next' });
  expect(presenting.state.step).toBe(position);
}

describe('the map frame of the step presented', () => {
  it('is undefined while not presenting', () => {
    expect(viewer.presenting.mapFrame).toBeUndefined();
  });

  it('frames each step on its own places, and every step\'s places when it has none located', () => {
    viewer.presenting.act({ kind: 'start', from: 'beginning' });
    expect(viewer.presenting.active).toBe(true);
    goToEvent('deir-al-zour-taken');
    const deir = viewer.presenting.mapFrame!;
    expect(deir.of).toBe('step');
    expect(holds(deir.bounds, 'deir-al-zour')).toBe(true);
    expect(holds(deir.bounds, 'mosul')).toBe(false);
    goToEvent('mosul-taken');
    const mosul = viewer.presenting.mapFrame!;
    expect(holds(mosul.bounds, 'mosul')).toBe(true);
    expect(holds(mosul.bounds, 'deir-al-zour')).toBe(false);
    // "IS held … in January 2015": Syria and Iraq as a whole, which have no coordinates.
    goToEvent('is-area-2015-01');
    const whole = viewer.presenting.mapFrame!;
    expect(whole.of).toBe('story');
    for (const id of ['deir-al-zour', 'al-qaim', 'raqqa', 'mosul']) expect(holds(whole.bounds, id)).toBe(true);
    viewer.presenting.act({ kind: 'leave' });
    expect(viewer.presenting.mapFrame).toBeUndefined();
  });
});
