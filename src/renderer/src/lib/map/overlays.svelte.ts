// Layers other parts of the app put on the map, under the events and over the basemap: control at
// the cursor's date, control layers the user opens, a presentation step's frame… The map view draws
// whatever is in viewer.mapOverlays; the code that knows the data builds the GeoJSON and calls set().
//
// How to add one (e.g. places coloured by who held them at the cursor's date):
//   viewer.mapOverlays.set({
//     id: 'control-at-date',
//     kind: 'circle',                      // 'fill' (polygons), 'line', or 'circle' (points)
//     features,                            // GeoJSON FeatureCollection, lon/lat
//     // optional: per-feature properties the default paint reads:
//     //   colour (CSS colour), opacity (0–1), radius (px, circles), width (px, lines)
//     label: 'Control on 3 Nov 2017',      // named in the map's legend of overlays
//   });
//   viewer.mapOverlays.remove('control-at-date');
// Overlays draw in the order set (later on top). Feature text is never drawn as HTML.
import type { FeatureCollection } from 'geojson';

export type OverlayKind = 'fill' | 'line' | 'circle';

export interface MapOverlay {
  /** Unique among overlays; letters, digits and dashes. */
  readonly id: string;
  readonly kind: OverlayKind;
  readonly features: FeatureCollection;
  /** Shown in the map's list of overlays. */
  readonly label?: string;
  /**
   * MapLibre paint properties replacing the defaults (which read each feature's `colour`,
   * `opacity`, `radius` and `width`), for a look of its own.
   */
  readonly paint?: Readonly<Record<string, unknown>>;
}

const ID = /^[a-z0-9-]{1,64}$/i;

export class MapOverlays {
  list = $state.raw<readonly MapOverlay[]>([]);

  /** Add an overlay, or replace the one with its id (keeping its place in the order). */
  set(overlay: MapOverlay): void {
    if (!ID.test(overlay.id)) throw new Error(`map overlay id "${overlay.id}": letters, digits and dashes only`);
    const at = this.list.findIndex((o) => o.id === overlay.id);
    this.list = at < 0 ? [...this.list, overlay] : this.list.map((o, i) => (i === at ? overlay : o));
  }

  remove(id: string): void {
    if (this.list.some((o) => o.id === id)) this.list = this.list.filter((o) => o.id !== id);
  }
}

/** The paint a kind gets unless the overlay brings its own: from each feature's properties. */
export function defaultPaint(kind: OverlayKind): Record<string, unknown> {
  const colour = ['coalesce', ['get', 'colour'], '#6b4fa0'];
  const opacity = (fallback: number) => ['coalesce', ['get', 'opacity'], fallback];
  switch (kind) {
    case 'fill':
      return { 'fill-color': colour, 'fill-opacity': opacity(0.3), 'fill-outline-color': colour };
    case 'line':
      return { 'line-color': colour, 'line-opacity': opacity(0.9), 'line-width': ['coalesce', ['get', 'width'], 2] };
    case 'circle':
      return { 'circle-color': colour, 'circle-opacity': opacity(0.8), 'circle-radius': ['coalesce', ['get', 'radius'], 7], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 };
  }
}
