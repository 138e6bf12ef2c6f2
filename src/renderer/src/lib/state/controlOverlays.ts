// Control at the cursor's date and the control layer as map overlays (lib/map/overlays.svelte.ts):
// places coloured by who holds them (one colour per holder, the same on every date of a dataset;
// grey where the data names no taker, as for Mosul; purple where the events disagree), faint while
// uncertain at that date; the layer's areas filled and its points as dots, one colour per
// controller. Pure: the GeoJSON the states make in, overlays out (syncControlOverlays wires them).
import type { Geometry } from 'geojson';
import type { MapOverlay } from '../map/overlays.svelte';
import type { ControlGeoJson } from './control.svelte';
import type { LayerGeoJson } from './controlLayer.svelte';

/** Okabe–Ito's colours (told apart with colour-blindness), then more; holders and controllers take them in order. */
export const SIDE_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#8c6d1f', '#3b3b98'] as const;
/** A place taken with no taker named, or no longer held (the data does not say by whom). */
export const UNNAMED_COLOUR = '#8a8f96';
/** Events about the place disagree at this date. */
export const CONTESTED_COLOUR = '#6b2d8f';

export const CONTROL_OVERLAY_ID = 'control-at-date';
export const LAYER_AREAS_ID = 'control-layer-areas';
export const LAYER_POINTS_ID = 'control-layer-points';

/** A colour for each holder key ('sdf', 'iraqi-forces+shia-paramilitaries'), in the order given (keep it the same for a dataset). */
export function sideColours(keys: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of keys) if (key !== '' && !out.has(key)) out.set(key, SIDE_COLOURS[out.size % SIDE_COLOURS.length]!);
  return out;
}

/** The colour a place's control is drawn in: its holder's, grey with no taker named (or no longer held), purple when contested. */
export function controlColour(state: string, holderKey: string, colours: ReadonlyMap<string, string>): string {
  if (state === 'contested') return CONTESTED_COLOUR;
  return state === 'held' && holderKey !== '' ? (colours.get(holderKey) ?? UNNAMED_COLOUR) : UNNAMED_COLOUR;
}

/**
 * Control at the date as a circle overlay: places held coloured by holder (`colours`, e.g. from
 * sideColours over every holder the dataset's records name), taken with no taker named or no
 * longer held in grey, contested in purple; uncertain places faint; places no event had decided
 * by then left out. Each feature keeps its properties (decidingIndex selects the deciding event).
 */
export function controlOverlay(geojson: ControlGeoJson, colours: ReadonlyMap<string, string>, label: string): MapOverlay {
  const features = geojson.features
    .filter((f) => f.properties.state !== 'none')
    .map((f) => {
      const p = f.properties;
      const colour = controlColour(p.state, p.holderKey, colours);
      // Wider than an event's mark or a count's disc at the place, so the colour rings them.
      return { type: 'Feature' as const, id: f.id, geometry: { type: 'Point' as const, coordinates: [...f.geometry.coordinates] }, properties: { ...p, colour, opacity: p.uncertain ? 0.35 : 0.85, radius: p.state === 'held' ? 16 : 14 } };
    });
  return { id: CONTROL_OVERLAY_ID, kind: 'circle', label, features: { type: 'FeatureCollection', features } };
}

/** The control layer's features at the date: areas as a fill overlay, points as a circle overlay, each coloured by controller. */
export function layerOverlays(geojson: LayerGeoJson, label: string): MapOverlay[] {
  const colour = (i: number) => (i >= 0 ? SIDE_COLOURS[i % SIDE_COLOURS.length]! : UNNAMED_COLOUR);
  const areas = geojson.features.filter((f) => f.geometry.type === 'MultiPolygon');
  const points = geojson.features.filter((f) => f.geometry.type === 'Point');
  const feature = (f: LayerGeoJson['features'][number], extra: Record<string, number | string>) => ({
    type: 'Feature' as const,
    id: f.id,
    // Plain arrays, never changed by the map: handed over as they are (a layer may hold a million positions).
    geometry: f.geometry as unknown as Geometry,
    properties: { ...f.properties, colour: colour(f.properties.controllerIndex), ...extra }
  });
  return [
    { id: LAYER_AREAS_ID, kind: 'fill', label, features: { type: 'FeatureCollection', features: areas.map((f) => feature(f, { opacity: 0.28 })) } },
    { id: LAYER_POINTS_ID, kind: 'circle', label, features: { type: 'FeatureCollection', features: points.map((f) => feature(f, { opacity: 0.9, radius: 6 })) } }
  ];
}
