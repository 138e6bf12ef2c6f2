// The map's MapLibre style: the offline basemap's layers (water, land, lakes, regions, rivers,
// borders) in the theme's colours, then the layers of the events in view (soft areas, discs with
// counts, event marks fanned around their place, the hover and selection rings) and the selected
// area. Every source is GeoJSON the app hands over (no URL anywhere: no tiles, no glyphs, no
// sprites; text is drawn as DOM labels, images are made in the page). Pure: colours in, style out.
import type { AllPaintProperties, ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { mapColours, type MapColours } from '../../../../shared/map/mapTheme';
import { THEMES, type ThemeName } from '../../../../shared/render/themes';
import { fanSlots } from './mapFeatures';

/** Source ids (GeoJSON, data set by the controller). */
export const SOURCES = {
  land: 'fl-land',
  lakes: 'fl-lakes',
  rivers: 'fl-rivers',
  admin1: 'fl-admin1',
  borders: 'fl-borders',
  marks: 'fl-marks',
  highlight: 'fl-highlight',
  areaBox: 'fl-area-box'
} as const;

/** Layers the pointer finds events on, top first. */
export const EVENT_LAYERS = ['fl-events', 'fl-discs', 'fl-areas'] as const;
/** Overlays (control layers and the like, see overlays.ts) go under this layer: above the basemap, below the events. */
export const OVERLAY_BEFORE = 'fl-area-box-fill';

export interface MapPalette extends MapColours {
  readonly disc: string;
  readonly discText: string;
  readonly accent: string;
  readonly text: string;
  readonly muted: string;
}

/** The app's screen themes as the map draws them (the page has two: screen and projector). */
export function mapPalette(theme: ThemeName): MapPalette {
  const t = THEMES[theme];
  return { ...mapColours(theme), disc: theme === 'projector' ? '#2b3440' : '#3d4853', discText: '#ffffff', accent: '#1d5ea8', text: t.text, muted: t.muted };
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Where a fanned mark sits from its place, by its slot (mapFeatures.fanSlot). */
export function fanOffsetExpression(): ExpressionSpecification {
  const cases: unknown[] = [];
  for (const { slot, offset } of fanSlots()) cases.push(slot, ['literal', offset]);
  return ['match', ['get', 'slot'], ...cases, ['literal', [0, 0]]] as unknown as ExpressionSpecification;
}

/**
 * An area's radius: its size in metres at every zoom (the radius at zoom 0 doubled each zoom
 * level), never under 5 px so a small area stays in sight when zoomed out.
 */
export function areaRadiusExpression(): ExpressionSpecification {
  const stops: unknown[] = [];
  for (let z = 0; z <= 22; z += 2) stops.push(z, ['max', 5, ['*', ['get', 'r0'], 2 ** z]]);
  return ['interpolate', ['exponential', 2], ['zoom'], ...stops] as unknown as ExpressionSpecification;
}

export function basemapLayers(c: MapPalette): LayerSpecification[] {
  return [
    { id: 'fl-water', type: 'background', paint: { 'background-color': c.water } },
    { id: 'fl-land', type: 'fill', source: SOURCES.land, paint: { 'fill-color': c.land, 'fill-antialias': true } },
    { id: 'fl-coast', type: 'line', source: SOURCES.land, paint: { 'line-color': c.coast, 'line-width': 0.7 } },
    { id: 'fl-lakes', type: 'fill', source: SOURCES.lakes, paint: { 'fill-color': c.water, 'fill-outline-color': c.coast } },
    { id: 'fl-admin1', type: 'line', source: SOURCES.admin1, minzoom: 3.5, paint: { 'line-color': c.regionBorder, 'line-width': 0.8, 'line-dasharray': [3, 2] } },
    { id: 'fl-rivers', type: 'line', source: SOURCES.rivers, paint: { 'line-color': c.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.8, 8, 2] }, layout: { 'line-cap': 'round', 'line-join': 'round' } },
    { id: 'fl-borders', type: 'line', source: SOURCES.borders, paint: { 'line-color': c.countryBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.8, 8, 1.6] }, layout: { 'line-join': 'round' } }
  ];
}

export function eventLayers(c: MapPalette): LayerSpecification[] {
  const offset = fanOffsetExpression();
  return [
    { id: 'fl-area-box-fill', type: 'fill', source: SOURCES.areaBox, paint: { 'fill-color': c.accent, 'fill-opacity': 0.07 } },
    { id: 'fl-area-box-line', type: 'line', source: SOURCES.areaBox, paint: { 'line-color': c.accent, 'line-width': 2, 'line-dasharray': [3, 1.5] } },
    {
      id: 'fl-areas',
      type: 'circle',
      source: SOURCES.marks,
      filter: ['==', ['get', 'kind'], 'area'],
      paint: {
        'circle-radius': areaRadiusExpression(),
        'circle-color': ['get', 'colour'],
        'circle-opacity': 0.26,
        'circle-blur': 0.45,
        'circle-stroke-color': ['get', 'colour'],
        'circle-stroke-opacity': 0.55,
        'circle-stroke-width': 1
      }
    },
    {
      id: 'fl-discs',
      type: 'circle',
      source: SOURCES.marks,
      filter: ['==', ['get', 'kind'], 'cluster'],
      paint: { 'circle-radius': ['get', 'r'], 'circle-color': c.disc, 'circle-opacity': 0.88, 'circle-stroke-color': c.halo, 'circle-stroke-width': 1.5 }
    },
    {
      id: 'fl-counts',
      type: 'symbol',
      source: SOURCES.marks,
      filter: ['==', ['get', 'kind'], 'cluster'],
      layout: { 'icon-image': ['concat', 'count:', ['get', 'label']], 'icon-allow-overlap': true, 'icon-ignore-placement': true }
    },
    {
      id: 'fl-events',
      type: 'symbol',
      source: SOURCES.marks,
      filter: ['==', ['get', 'kind'], 'event'],
      layout: { 'icon-image': ['concat', 'type:', ['get', 'type']], 'icon-offset': offset, 'icon-allow-overlap': true, 'icon-ignore-placement': true }
    },
    {
      id: 'fl-highlight',
      type: 'symbol',
      source: SOURCES.highlight,
      layout: { 'icon-image': ['get', 'ring'], 'icon-offset': offset, 'icon-allow-overlap': true, 'icon-ignore-placement': true }
    }
  ];
}

/** The whole style, with empty sources (the controller sets their data). */
export function mapStyle(theme: ThemeName): StyleSpecification {
  const c = mapPalette(theme);
  const sources: StyleSpecification['sources'] = {};
  // The basemap is Natural Earth at 1:50m: tiles finer than zoom 6 would add nothing but work (each
  // new zoom level's tiles are cut in MapLibre's worker and uploaded), so deeper zooms enlarge those.
  for (const id of Object.values(SOURCES)) sources[id] = { type: 'geojson', data: EMPTY, maxzoom: 6 };
  // The events' marks change with every pan of the timeline: small tiles' worth of overlap, and
  // tiles no finer than zoom 10 (a metre's precision there), so an update is few tiles to remake.
  sources[SOURCES.marks] = { type: 'geojson', data: EMPTY, buffer: 48, maxzoom: 10 };
  sources[SOURCES.highlight] = { type: 'geojson', data: EMPTY, buffer: 48, maxzoom: 10 };
  return { version: 8, sources, layers: [...basemapLayers(c), ...eventLayers(c)] };
}

/** The paint properties that change with the theme (set on a live map, so nothing reloads). */
export function themePaint(theme: ThemeName): [layer: string, property: keyof AllPaintProperties, colour: string][] {
  const c = mapPalette(theme);
  return [
    ['fl-water', 'background-color', c.water],
    ['fl-land', 'fill-color', c.land],
    ['fl-coast', 'line-color', c.coast],
    ['fl-lakes', 'fill-color', c.water],
    ['fl-lakes', 'fill-outline-color', c.coast],
    ['fl-admin1', 'line-color', c.regionBorder],
    ['fl-rivers', 'line-color', c.river],
    ['fl-borders', 'line-color', c.countryBorder],
    ['fl-discs', 'circle-color', c.disc],
    ['fl-discs', 'circle-stroke-color', c.halo]
  ];
}
