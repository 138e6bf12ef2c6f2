// @vitest-environment happy-dom
// The window's control layer: opened through the API (main's dialog and checks stood in for by
// the real parser on the synthetic fixture), kept until closed, its features valid on the time
// cursor's day as GeoJSON for the map (polygons as rings of [lon, lat], open-ended validity), a
// refused file shown as an open error with every problem while what was open stays, and the File
// menu's commands (close only with a layer open).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ViewerState } from '../../src/renderer/src/lib/state/viewer.svelte';
import { canRun, perform } from '../../src/renderer/src/lib/state/perform';
import { geometryOf } from '../../src/renderer/src/lib/state/controlLayer.svelte';
import { loadDatasetBytes } from '../../src/shared/dataset/loadDatasetBytes';
import type { DatasetPayload, FrontlineApi, LayerOutcome } from '../../src/shared/ipc/contract';
import { parseControlLayer } from '../../src/shared/map/controlLayer';

const ROOT = join(import.meta.dirname, '..', '..');
const BYTES = readFileSync(join(ROOT, 'data', 'deir-al-zour-al-qaim-2017.frontline'));
const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'map', name));

/** What main answers for a layer file: the real parser's verdict, as controlLayerFile.ts words it. */
function outcomeOf(name: string): LayerOutcome {
  const parsed = parseControlLayer(name, fixture(name));
  const file = { path: `/layers/${name}`, displayName: name };
  return parsed.ok
    ? { kind: 'opened', file, layer: parsed.layer, warnings: parsed.warnings }
    : { kind: 'failed', file, error: { code: 'invalid-data', message: `${name} could not be opened as a control layer: nothing of it was drawn.`, problems: parsed.problems } };
}

let viewer: ViewerState;
let next: LayerOutcome;

beforeEach(async () => {
  const loaded = loadDatasetBytes(new Uint8Array(BYTES), 'bundled.frontline');
  if (!loaded.ok) throw new Error('bundled dataset');
  const { header, columns, control, warnings } = loaded.loaded;
  const payload: DatasetPayload = { header, columns, control, warnings, file: { path: '/b.frontline', displayName: 'b.frontline', bundled: true, bytes: 1, format: 'native', fromCache: false } };
  const api: Partial<FrontlineApi> = {
    getDataset: async () => ({ ok: true, value: payload }),
    takeMainOpen: async () => ({ ok: true, value: { kind: 'dismissed' } }),
    getRecentFiles: async () => ({ ok: true, value: [] }),
    openControlLayer: async () => ({ ok: true, value: next })
  };
  (window as unknown as { api: Partial<FrontlineApi> }).api = api;
  viewer = new ViewerState();
  await viewer.opening.load();
});

afterEach(() => viewer.finder.dispose());

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const names = () => viewer.layer.geojson.features.map((f) => f.properties.name);

describe('the control layer on the viewer', () => {
  it('opens, shows the features valid on the cursor\'s day, and closes', async () => {
    expect(canRun(viewer, 'close-control-layer')).toBe(false);
    next = outcomeOf('synthetic-control-2017.geojson');
    perform(viewer, 'open-control-layer');
    await expect.poll(() => viewer.layer.layer).toBeDefined();
    expect(viewer.layer.file?.displayName).toBe('synthetic-control-2017.geojson');
    expect(viewer.notices.current?.text).toContain('Opened control layer synthetic-control-2017.geojson: 3 features');
    expect(viewer.layer.controllers).toEqual(['Side A (synthetic)', 'Side B (synthetic)']);
    // No cursor set: as of the data's last day, 3 November 2017.
    expect(names()).toEqual(['Synthetic square 2', 'Synthetic point']);
    viewer.timeCursor.set(d('2017-10-20'));
    expect(names()).toEqual(['Synthetic square 1', 'Synthetic point']);
    const square = viewer.layer.geojson.features[0]!;
    expect(square.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[[39, 34], [40, 34], [40, 35], [39, 35], [39, 34]]]] });
    expect(square.properties).toMatchObject({ controller: 'Side A (synthetic)', controllerIndex: 0, validFrom: '2017-01', validTo: '2017-10' });
    viewer.timeCursor.set(d('2017-09-01'));
    expect(names()).toEqual(['Synthetic square 1']);
    expect(canRun(viewer, 'close-control-layer')).toBe(true);
    perform(viewer, 'close-control-layer');
    expect(viewer.layer.layer).toBeUndefined();
    expect(viewer.layer.geojson.features).toEqual([]);
  });

  it('a refused file shows its problems as an open error; the dataset and a layer open stay', async () => {
    next = outcomeOf('synthetic-control-2017.geojson');
    await viewer.layer.open();
    const payload = viewer.payload;
    next = outcomeOf('broken-control.geojson');
    await viewer.layer.open();
    const error = viewer.opening.openError!;
    expect(error.message).toContain('broken-control.geojson could not be opened as a control layer');
    expect(error.problems!.some((p) => p.field === 'features[3].properties.validFrom' && p.line === 24)).toBe(true);
    expect(viewer.payload).toBe(payload);
    expect(viewer.layer.file?.displayName).toBe('synthetic-control-2017.geojson');
  });

  it('a cancelled dialog changes nothing', async () => {
    next = { kind: 'dismissed' };
    await viewer.layer.open();
    expect(viewer.layer.layer).toBeUndefined();
    expect(viewer.opening.openError).toBeUndefined();
  });
});

describe('geometryOf', () => {
  it('a point, and polygons with holes as rings of [lon, lat] pairs', () => {
    expect(geometryOf({ kind: 'point', lon: 40, lat: 35 })).toEqual({ type: 'Point', coordinates: [40, 35] });
    const outer = Float64Array.of(0, 0, 2, 0, 2, 2, 0, 0);
    const hole = Float64Array.of(0.5, 0.5, 1, 0.5, 1, 1, 0.5, 0.5);
    expect(geometryOf({ kind: 'area', polygons: [[outer, hole]] })).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [[0, 0], [2, 0], [2, 2], [0, 0]],
          [[0.5, 0.5], [1, 0.5], [1, 1], [0.5, 0.5]]
        ]
      ]
    });
  });
});
