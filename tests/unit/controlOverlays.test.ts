// @vitest-environment happy-dom
// Control at the cursor's date and the control layer as the map's overlays, on the bundled dataset:
// places coloured by holder (the same colour on every date), Mosul grey (no taker named), uncertain
// places faint, undecided places left out; the layer's areas and points by controller, at the
// cursor's date. (syncControlOverlays, which sets them on viewer.mapOverlays from an effect, runs in
// the page only: Vitest compiles runes for the server, where effects never run.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTESTED_COLOUR, CONTROL_OVERLAY_ID, controlOverlay, LAYER_AREAS_ID, LAYER_POINTS_ID, layerOverlays, sideColours, SIDE_COLOURS, UNNAMED_COLOUR } from '../../src/renderer/src/lib/state/controlOverlays';
import { ViewerState } from '../../src/renderer/src/lib/state/viewer.svelte';
import { loadDatasetBytes } from '../../src/shared/dataset/loadDatasetBytes';
import type { DatasetPayload, FrontlineApi, LayerOutcome } from '../../src/shared/ipc/contract';
import { parseControlLayer } from '../../src/shared/map/controlLayer';

const ROOT = join(import.meta.dirname, '..', '..');
const BYTES = readFileSync(join(ROOT, 'data', 'deir-al-zour-al-qaim-2017.frontline'));
const LAYER = readFileSync(join(ROOT, 'tests', 'fixtures', 'map', 'synthetic-control-2017.geojson'));
const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

let viewer: ViewerState;

beforeEach(async () => {
  const loaded = loadDatasetBytes(new Uint8Array(BYTES), 'bundled.frontline');
  if (!loaded.ok) throw new Error('bundled dataset');
  const { header, columns, control, warnings } = loaded.loaded;
  const payload: DatasetPayload = { header, columns, control, warnings, file: { path: '/b.frontline', displayName: 'b.frontline', bundled: true, bytes: 1, format: 'native', fromCache: false } };
  const parsed = parseControlLayer('synthetic-control-2017.geojson', LAYER);
  if (!parsed.ok) throw new Error('layer');
  const layer: LayerOutcome = { kind: 'opened', file: { path: '/l.geojson', displayName: 'synthetic-control-2017.geojson' }, layer: parsed.layer, warnings: [] };
  const api: Partial<FrontlineApi> = {
    getDataset: async () => ({ ok: true, value: payload }),
    takeMainOpen: async () => ({ ok: true, value: { kind: 'dismissed' } }),
    getRecentFiles: async () => ({ ok: true, value: [] }),
    openControlLayer: async () => ({ ok: true, value: layer })
  };
  (window as unknown as { api: Partial<FrontlineApi> }).api = api;
  viewer = new ViewerState();
  await viewer.opening.load();
});

afterEach(() => viewer.finder.dispose());

describe('control overlays', () => {
  it('colours each holder the same on every date; grey for no taker; faint while uncertain; undecided left out', () => {
    const colours = sideColours(['sdf', '', 'syrian-army', 'sdf', 'iraqi-forces']);
    expect([...colours]).toEqual([
      ['sdf', SIDE_COLOURS[0]],
      ['syrian-army', SIDE_COLOURS[1]],
      ['iraqi-forces', SIDE_COLOURS[2]]
    ]);
    viewer.timeCursor.set(d('2017-11-03'));
    const overlay = controlOverlay(viewer.control.geojson, colours, 'Control');
    expect(overlay).toMatchObject({ id: CONTROL_OVERLAY_ID, kind: 'circle' });
    const props = (id: string) => overlay.features.features.find((f) => f.properties?.['placeId'] === id)?.properties;
    expect(props('raqqa')).toMatchObject({ colour: SIDE_COLOURS[0], opacity: 0.85, holderKey: 'sdf' });
    expect(props('deir-al-zour')).toMatchObject({ colour: SIDE_COLOURS[1] });
    expect(props('mosul')).toMatchObject({ colour: UNNAMED_COLOUR, holderKey: '', holderNames: '' });
    viewer.timeCursor.set(d('2017-10-15'));
    const mid = controlOverlay(viewer.control.geojson, colours, 'Control');
    // Raqqa is undecided mid-October (taken "in October"): not drawn as held by anyone.
    expect(mid.features.features.find((f) => f.properties?.['placeId'] === 'raqqa')).toBeUndefined();
    // A contested place is purple.
    const contested = controlOverlay(
      { type: 'FeatureCollection', features: [{ type: 'Feature', id: 1, geometry: { type: 'Point', coordinates: [40, 35] }, properties: { place: 1, placeId: 'x', name: 'X', state: 'contested', holderKey: '', holderNames: '', how: '', uncertain: true, doubtful: false, decidingIndex: 3 } }] },
      colours,
      'Control'
    );
    expect(contested.features.features[0]!.properties).toMatchObject({ colour: CONTESTED_COLOUR, opacity: 0.35, decidingIndex: 3 });
  });

  it('the layer: areas filled and points as dots, by controller', async () => {
    await viewer.layer.open();
    viewer.timeCursor.set(d('2017-10-20'));
    const [areas, points] = layerOverlays(viewer.layer.geojson, 'layer');
    expect(areas!).toMatchObject({ id: LAYER_AREAS_ID, kind: 'fill' });
    expect(areas!.features.features.map((f) => f.properties?.['colour'])).toEqual([SIDE_COLOURS[0]]);
    expect(points!).toMatchObject({ id: LAYER_POINTS_ID, kind: 'circle' });
    expect(points!.features.features.map((f) => f.properties?.['colour'])).toEqual([SIDE_COLOURS[1]]);
  });
});
