// The map's labels for the view as it is now: the marks' places named (a disc of several places
// after its busiest, "+2"), then the largest cities in view for context, all kept clear of the
// marks and of the map's own notes; placed by labelPlacement.ts, drawn by labelLayer.ts. Runs on
// every frame the map moves, so it projects only what may show: the marks drawn and a few dozen cities.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BasemapCities } from '../../../../shared/map/basemap';
import type { Place } from '../../../../shared/dataset/schema';
import { placeLabel } from '../../../../shared/render/mapOfEvents';
import { citiesIn } from './basemapLayers';
import type { LabelLayer } from './labelLayer';
import { around, placeLabels, type Box, type LabelCandidate } from './labelPlacement';
import type { MapFeatures } from './mapFeatures';

const MAX_PLACE_LABELS = 30;
const MAX_CITY_LABELS = 14;

export interface LabelInput {
  readonly map: MapLibreMap;
  /** The map's element: its `.map-ui` children (notes, attribution) keep their room. */
  readonly container: HTMLElement;
  readonly layer: LabelLayer;
  readonly places: readonly Place[] | undefined;
  readonly features: MapFeatures | undefined;
  readonly cities: BasemapCities | undefined;
  /** How much larger marks are drawn (the projector theme). */
  readonly scale: number;
}

export function labelMap(input: LabelInput): void {
  const { map, layer, places, features, scale } = input;
  const canvas = map.getCanvas();
  const obstacles: Box[] = [];
  const candidates: LabelCandidate[] = [];
  if (places && features) {
    for (const m of features.places) {
      const { x, y } = map.project([m.lon, m.lat]);
      obstacles.push(around(x, y, m.reach * scale));
      if (candidates.length >= MAX_PLACE_LABELS * 3) continue;
      const name = placeLabel(places[m.place]!);
      // A left-to-right mark keeps "+2" after an Arabic name reading as written, not as "2+".
      const text = m.others > 0 ? `${name}\u200e +${m.others}` : name;
      candidates.push({ key: `p${m.place}`, text, kind: 'place', x, y, reach: m.reach * scale, priority: 1e9 + m.count, ...layer.measure(text, 'place') });
    }
  }
  if (input.cities) {
    const b = map.getBounds();
    citiesIn(input.cities, { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() }, MAX_CITY_LABELS * 2).forEach((c, k) => {
      const { x, y } = map.project([c.lon, c.lat]);
      candidates.push({ key: `c${c.index}`, text: c.name, kind: 'city', x, y, reach: 3, priority: -k, ...layer.measure(c.name, 'city') });
    });
  }
  const frame = input.container.getBoundingClientRect();
  for (const el of input.container.querySelectorAll<HTMLElement>('.map-ui')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0) obstacles.push({ x0: r.left - frame.left, y0: r.top - frame.top, x1: r.right - frame.left, y1: r.bottom - frame.top });
  }
  layer.draw(placeLabels(candidates, { width: canvas.clientWidth, height: canvas.clientHeight, obstacles, max: MAX_PLACE_LABELS + MAX_CITY_LABELS }));
}
