// The overlays other parts of the app set (viewer.mapOverlays, see overlays.svelte.ts) as MapLibre
// sources and layers, over the basemap and under the events, in the order set. Only what changed
// is handed over again: an unchanged overlay costs nothing when another one moves.
import type { AddLayerObject, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { OVERLAY_BEFORE } from './mapStyle';
import { defaultPaint, type MapOverlay } from './overlays.svelte';

export class OverlayLayers {
  readonly #map: MapLibreMap;
  readonly #shown = new Map<string, MapOverlay>();

  constructor(map: MapLibreMap) {
    this.#map = map;
  }

  /** Draw exactly these overlays (the map's style must be loaded). */
  apply(overlays: readonly MapOverlay[]): void {
    const map = this.#map;
    const wanted = new Set(overlays.map((o) => o.id));
    for (const [id] of this.#shown) {
      if (wanted.has(id)) continue;
      if (map.getLayer(`ov-${id}`)) map.removeLayer(`ov-${id}`);
      if (map.getSource(`ov-${id}`)) map.removeSource(`ov-${id}`);
      this.#shown.delete(id);
    }
    for (const o of overlays) {
      const id = `ov-${o.id}`;
      const before = this.#shown.get(o.id);
      if (before === o) {
        map.moveLayer(id, OVERLAY_BEFORE);
        continue;
      }
      const source = map.getSource<GeoJSONSource>(id);
      if (!source) map.addSource(id, { type: 'geojson', data: o.features });
      else if (before?.features !== o.features) source.setData(o.features);
      if (map.getLayer(id) && (before?.kind !== o.kind || before?.paint !== o.paint)) map.removeLayer(id);
      if (!map.getLayer(id)) map.addLayer({ id, type: o.kind, source: id, paint: { ...defaultPaint(o.kind), ...(o.paint ?? {}) } } as AddLayerObject, OVERLAY_BEFORE);
      else map.moveLayer(id, OVERLAY_BEFORE);
      this.#shown.set(o.id, o);
    }
  }
}
