// The interactive map (MapLibre GL JS): the offline basemap, the events in the timeline's window
// that pass the filters (clustered where they would overlap), labels, the hover and selection
// rings, the selected area and other parts' overlays. The map view (MapView.svelte) feeds it the
// viewer state; it reports hover, selection, areas and its counts back through callbacks. Pointer
// and keys are in mapPointer.ts and mapKeys.ts; drawing rules in mapStyle/mapFeatures/labelPlacement.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { DatasetHeader, EventColumns } from '../../../../shared/dataset/columns';
import { aggregate, type Aggregate } from '../../../../shared/map/mapAggregate';
import { frameOf } from '../../../../shared/map/projection';
import { placeLabel } from '../../../../shared/render/mapOfEvents';
import type { ThemeName } from '../../../../shared/render/themes';
import type { AreaBox } from '../state/area';
import { areaPolygon, AreaTool } from './areaTool';
import { citiesIn, type BasemapLayers } from './basemapLayers';
import { EventList } from './eventList';
import { LabelLayer } from './labelLayer';
import { around, placeLabels, type Box, type LabelCandidate } from './labelPlacement';
import { buildMapIndex, countInWindow, type MapIndex, type Shown, type TimeWindow, type WindowCounts } from './mapData';
import { buildFeatures, fanOffset, WORLD_PX_AT_ZOOM_0, type MapFeatures } from './mapFeatures';
import { addMapImages, countImages } from './mapImages';
import { MapKeys } from './mapKeys';
import { MapPointer } from './mapPointer';
import { mapPalette, mapStyle, OVERLAY_BEFORE, SOURCES, themePaint } from './mapStyle';
import { defaultPaint, type MapOverlay } from './overlays.svelte';

maplibregl.setWorkerUrl(workerUrl);

export interface MapCallbacks {
  readonly onhover: (index: number | undefined) => void;
  readonly onselect: (index: number) => void;
  readonly onarea: (box: AreaBox) => void;
  readonly onareatool: (active: boolean) => void;
  readonly onstats: (stats: MapStats) => void;
  /** Esc on the map with nothing of its own to close: the focus should go back. */
  readonly onescape: () => void;
}

/** What the map shows, for its status line and its test hooks (data attributes). */
export interface MapStats {
  readonly events: number;
  readonly located: number;
  readonly unlocated: number;
  readonly drawn: number;
  readonly marks: number;
  /** Bumped each time new events have been drawn (after the map rendered them). */
  readonly seq: number;
  /** Events drawn on their own that are on screen: "index:x,y" (px in the map), at most 200. */
  readonly points: string;
}

/** Places beyond which the clusters are only worked out for the view and its surroundings. */
const WORLD_AGGREGATE_MAX = 5000;
const CELL_PX = 46;
const MAX_PLACE_LABELS = 30;
const MAX_CITY_LABELS = 14;

export interface MapData {
  readonly header: DatasetHeader;
  readonly cols: EventColumns;
  readonly index: MapIndex;
}

export class MapController {
  readonly map: maplibregl.Map;
  readonly #container: HTMLElement;
  readonly #cb: MapCallbacks;
  readonly #labels: LabelLayer;
  readonly area: AreaTool;
  readonly list: EventList;
  readonly #pointer: MapPointer;
  readonly #keys: MapKeys;
  #ready = false;
  #data: MapData | undefined;
  #window: TimeWindow | undefined;
  #shown: Shown;
  #counts: WindowCounts | undefined;
  features: MapFeatures | undefined;
  agg: Aggregate | undefined;
  #aggZoom = Number.NaN;
  #hovered: number | undefined;
  #selected: number | undefined;
  #areaBox: AreaBox | undefined;
  #theme: ThemeName = 'screen';
  #basemap: BasemapLayers | undefined;
  #overlays: readonly MapOverlay[] = [];
  #framed = false;
  #frame = 0;
  #recount = false;
  #labelFrame = 0;
  #seq = 0;
  #drawnPending = false;

  constructor(container: HTMLElement, callbacks: MapCallbacks, theme: ThemeName) {
    this.#container = container;
    this.#cb = callbacks;
    this.#theme = theme;
    this.map = new maplibregl.Map({
      container,
      style: mapStyle(theme),
      center: [40, 34],
      zoom: 4,
      minZoom: 0.5,
      maxZoom: 15,
      attributionControl: false,
      // Arrows and +/- are the map's own (mapKeys.ts), Shift+drag selects an area (areaTool.ts).
      keyboard: false,
      boxZoom: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      fadeDuration: 0
    });
    this.map.touchZoomRotate.disableRotation();
    this.#labels = new LabelLayer(container);
    this.list = new EventList(container, (i) => this.#cb.onselect(i), () => this.map.getCanvas().focus());
    this.area = new AreaTool(container, this.map, (box) => this.#cb.onarea(box), (active) => this.#cb.onareatool(active));
    this.#pointer = new MapPointer(this);
    this.#keys = new MapKeys(this, () => this.#cb.onescape());
    this.map.on('styleimagemissing', countImages(this.map, () => mapPalette(this.#theme).discText));
    this.map.on('load', () => {
      this.#ready = true;
      addMapImages(this.map, mapPalette(this.#theme));
      this.#applyBasemap();
      this.#applyOverlays();
      this.setArea(this.#areaBox);
      this.#schedule(true);
    });
    this.map.on('move', () => this.#scheduleLabels());
    this.map.on('resize', () => this.#scheduleLabels());
    this.map.on('moveend', () => {
      if (this.#needsAggregate()) this.#schedule(false);
      else this.#report();
    });
    this.map.on('idle', () => this.#idle());
  }

  get callbacks(): MapCallbacks {
    return this.#cb;
  }
  get data(): MapData | undefined {
    return this.#data;
  }
  get counts(): WindowCounts | undefined {
    return this.#counts;
  }
  get shown(): Shown {
    return this.#shown;
  }

  // -------------------------------------------------------------------------------------------
  // What to show

  setDataset(header: DatasetHeader, cols: EventColumns): void {
    this.#data = { header, cols, index: buildMapIndex(header, cols) };
    this.#framed = false;
    this.list.close();
    this.#schedule(true);
  }

  /** The timeline's window and the filter: the events to show are those starting in it that pass. */
  setView(window: TimeWindow | undefined, shown: Shown): void {
    if (this.#window?.start === window?.start && this.#window?.end === window?.end && this.#shown === shown) return;
    performance.mark('frontline:map-change');
    this.#window = window;
    this.#shown = shown;
    this.#schedule(true);
  }

  setBasemap(layers: BasemapLayers): void {
    this.#basemap = layers;
    this.#applyBasemap();
    this.#scheduleLabels();
  }

  setHovered(index: number | undefined): void {
    this.#hovered = index;
    this.#applyHighlight();
  }

  setSelected(index: number | undefined): void {
    this.#selected = index;
    this.#applyHighlight();
  }

  setArea(box: AreaBox | undefined): void {
    this.#areaBox = box;
    this.#source(SOURCES.areaBox)?.setData({ type: 'FeatureCollection', features: box ? [areaPolygon(box)] : [] });
  }

  setTheme(theme: ThemeName): void {
    if (theme === this.#theme) return;
    this.#theme = theme;
    if (!this.#ready) return;
    for (const [layer, property, colour] of themePaint(theme)) this.map.setPaintProperty(layer, property, colour);
    addMapImages(this.map, mapPalette(theme));
    const size = theme === 'projector' ? 1.3 : 1;
    for (const layer of ['fl-events', 'fl-highlight']) this.map.setLayoutProperty(layer, 'icon-size', size);
    this.#labels.refreshFonts();
    this.#scheduleLabels();
  }

  setOverlays(overlays: readonly MapOverlay[]): void {
    this.#overlays = overlays;
    this.#applyOverlays();
  }

  /** Frame the events in view (or every place with coordinates when none is in view). */
  fit(animate = true): void {
    const data = this.#data;
    const counts = this.#counts;
    if (!data) return;
    const { lon, lat } = data.index.positions;
    const points = [];
    const active = counts && counts.active.length > 0 ? counts.active : undefined;
    for (let p = 0; p < data.index.positions.count; p++) {
      if (active ? counts!.counts[p] === 0 : lon[p] !== lon[p]) continue;
      points.push({ lon: lon[p]!, lat: lat[p]!, radiusKm: data.index.approximate[p] ? data.index.radiusKm[p]! : 0, weight: active ? counts!.counts[p]! : 1 });
    }
    if (points.length === 0) return;
    const b = frameOf(points).bounds;
    this.map.fitBounds([b.west, b.south, b.east, b.north], { padding: 40, maxZoom: 9, animate, duration: animate ? 400 : 0 });
  }

  resize(): void {
    this.map.resize();
  }

  /** Enter on the focused map: act on what is under the crosshair at its centre. */
  activateCentre(): void {
    this.#pointer.activateCentre();
  }

  // -------------------------------------------------------------------------------------------
  // Drawing

  #source(id: string): maplibregl.GeoJSONSource | undefined {
    return this.#ready ? this.map.getSource<maplibregl.GeoJSONSource>(id) : undefined;
  }

  #applyBasemap(): void {
    const b = this.#basemap;
    if (!b || !this.#ready) return;
    this.#source(SOURCES.land)?.setData(b.land);
    this.#source(SOURCES.lakes)?.setData(b.lakes);
    this.#source(SOURCES.rivers)?.setData(b.rivers);
    this.#source(SOURCES.borders)?.setData(b.borders);
    this.#source(SOURCES.admin1)?.setData(b.admin1);
  }

  #schedule(recount: boolean): void {
    this.#recount ||= recount;
    if (this.#frame !== 0) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const recountNow = this.#recount;
      this.#recount = false;
      this.#refresh(recountNow);
    });
  }

  #needsAggregate(): boolean {
    const counts = this.#counts;
    if (!counts) return false;
    return Math.floor(this.map.getZoom()) !== this.#aggZoom || counts.active.length > WORLD_AGGREGATE_MAX;
  }

  #refresh(recount: boolean): void {
    const data = this.#data;
    if (!this.#ready || !data) return;
    if (recount || !this.#counts) {
      const w = this.#window ?? data.header.fullRange;
      this.#counts = w ? countInWindow(data.index, data.cols, w, this.#shown) : undefined;
    }
    const counts = this.#counts;
    if (!counts) return;
    if (!this.#framed && counts.located > 0) {
      this.#framed = true;
      this.fit(false);
    }
    const zoom = Math.floor(this.map.getZoom());
    const b = this.map.getBounds();
    const pad = counts.active.length > WORLD_AGGREGATE_MAX;
    const dx = b.getEast() - b.getWest();
    const dy = b.getNorth() - b.getSouth();
    this.agg = aggregate(data.index.positions, counts, {
      worldPx: WORLD_PX_AT_ZOOM_0 * 2 ** zoom,
      cellPx: CELL_PX,
      ...(pad ? { bounds: { west: b.getWest() - dx, east: b.getEast() + dx, south: Math.max(-85, b.getSouth() - dy), north: Math.min(85, b.getNorth() + dy) } } : {})
    });
    this.#aggZoom = zoom;
    this.features = buildFeatures({ index: data.index, cols: data.cols, counts, agg: this.agg, shown: this.#shown });
    this.list.close();
    this.#source(SOURCES.marks)?.setData(this.features.marks);
    this.#source(SOURCES.areas)?.setData(this.features.areas);
    this.#applyHighlight();
    this.#drawnPending = true;
    this.#drawLabels();
    this.#report();
  }

  #applyHighlight(): void {
    const data = this.#data;
    const src = this.#source(SOURCES.highlight);
    if (!src || !data) return;
    const features: Feature<Point>[] = [];
    const ring = (index: number | undefined, kind: string) => {
      if (index === undefined || index >= data.cols.count) return;
      const at = this.features?.eventMarks.get(index);
      const p = data.index.anchors[index]!;
      if (!at && p < 0) return;
      const lon = at ? at.lon : data.index.positions.lon[p]!;
      const lat = at ? at.lat : data.index.positions.lat[p]!;
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { ring: kind, slot: at ? at.slot : 16, event: index } });
    };
    if (this.#hovered !== this.#selected) ring(this.#hovered, 'ring:hover');
    ring(this.#selected, 'ring:selected');
    src.setData({ type: 'FeatureCollection', features });
  }

  #applyOverlays(): void {
    if (!this.#ready) return;
    const style = this.map.getStyle();
    const wanted = new Set(this.#overlays.map((o) => `ov-${o.id}`));
    for (const layer of style.layers) if (layer.id.startsWith('ov-') && !wanted.has(layer.id)) this.map.removeLayer(layer.id);
    for (const id of Object.keys(style.sources)) if (id.startsWith('ov-') && !wanted.has(id)) this.map.removeSource(id);
    for (const o of this.#overlays) {
      const id = `ov-${o.id}`;
      const existing = this.map.getSource<maplibregl.GeoJSONSource>(id);
      if (existing) existing.setData(o.features as FeatureCollection);
      else this.map.addSource(id, { type: 'geojson', data: o.features as FeatureCollection });
      if (this.map.getLayer(id)) this.map.removeLayer(id);
      this.map.addLayer({ id, type: o.kind, source: id, paint: { ...defaultPaint(o.kind), ...(o.paint ?? {}) } } as maplibregl.AddLayerObject, OVERLAY_BEFORE);
    }
  }

  #scheduleLabels(): void {
    if (this.#labelFrame !== 0) return;
    this.#labelFrame = requestAnimationFrame(() => {
      this.#labelFrame = 0;
      this.#drawLabels();
    });
  }

  /** Place names and cities where they find room, over the marks' current positions. */
  #drawLabels(): void {
    const data = this.#data;
    const features = this.features;
    const canvas = this.map.getCanvas();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const obstacles: Box[] = [];
    const candidates: LabelCandidate[] = [];
    const scale = this.#theme === 'projector' ? 1.3 : 1;
    if (data && features) {
      for (const m of features.places) {
        const { x, y } = this.map.project([m.lon, m.lat]);
        obstacles.push(around(x, y, m.reach * scale));
        if (candidates.length >= MAX_PLACE_LABELS * 3) continue;
        const name = placeLabel(data.header.places[m.place]!);
        // A left-to-right mark keeps "+2" after an Arabic name reading as written, not as "2+".
        const text = m.others > 0 ? `${name}\u200e +${m.others}` : name;
        candidates.push({ key: `p${m.place}`, text, kind: 'place', x, y, reach: m.reach * scale, priority: 1e9 + m.count, ...this.#labels.measure(text, 'place') });
      }
    }
    const b = this.map.getBounds();
    if (this.#basemap) {
      const cities = citiesIn(this.#basemap.cities, { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() }, MAX_CITY_LABELS * 2);
      cities.forEach((c, k) => {
        const { x, y } = this.map.project([c.lon, c.lat]);
        candidates.push({ key: `c${c.index}`, text: c.name, kind: 'city', x, y, reach: 3, priority: -k, ...this.#labels.measure(c.name, 'city') });
      });
    }
    // The map's own notes and buttons over the canvas keep their room.
    const frame = this.#container.getBoundingClientRect();
    for (const el of this.#container.querySelectorAll<HTMLElement>('.map-ui')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0) obstacles.push({ x0: r.left - frame.left, y0: r.top - frame.top, x1: r.right - frame.left, y1: r.bottom - frame.top });
    }
    this.#labels.draw(placeLabels(candidates, { width, height, obstacles, max: MAX_PLACE_LABELS + MAX_CITY_LABELS }));
  }

  #idle(): void {
    if (!this.#drawnPending) return;
    this.#drawnPending = false;
    this.#seq++;
    performance.mark('frontline:map-drawn');
    this.#report();
  }

  #report(): void {
    const counts = this.#counts;
    const features = this.features;
    if (!counts || !features) return;
    this.#cb.onstats({
      events: counts.events,
      located: counts.located,
      unlocated: counts.unlocated,
      drawn: features.drawn,
      marks: features.marks.features.length + features.areas.features.length,
      seq: this.#seq,
      points: this.#points(features)
    });
  }

  /** Where the events drawn on their own are on screen (for tests and the keyboard's reach). */
  #points(features: MapFeatures): string {
    const canvas = this.map.getCanvas();
    const out: string[] = [];
    for (const [index, at] of features.eventMarks) {
      if (out.length >= 200) break;
      const { x, y } = this.map.project([at.lon, at.lat]);
      const [dx, dy] = fanOffset(Math.floor(at.slot / 16), at.slot % 16);
      const size = this.#theme === 'projector' ? 1.3 : 1;
      const px = Math.round(x + dx * size);
      const py = Math.round(y + dy * size);
      if (px >= 0 && py >= 0 && px <= canvas.clientWidth && py <= canvas.clientHeight) out.push(`${index}:${px},${py}`);
    }
    return out.join(';');
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    cancelAnimationFrame(this.#labelFrame);
    this.#pointer.destroy();
    this.#keys.destroy();
    this.area.destroy();
    this.list.destroy();
    this.#labels.destroy();
    this.map.remove();
  }
}
