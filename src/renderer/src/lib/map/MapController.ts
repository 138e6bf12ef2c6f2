// The interactive map (MapLibre GL JS): the offline basemap, the events in the timeline's window
// that pass the filters (clustered where they would overlap), labels, the hover and selection
// rings, the selected area and other parts' overlays. The map view (MapView.svelte) feeds it the
// viewer state; it reports hover, selection, areas and its counts back through callbacks. Pointer
// and keys are in mapPointer.ts and mapKeys.ts; drawing rules in mapStyle/mapFeatures/labelPlacement.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { DatasetHeader, EventColumns } from '../../../../shared/dataset/columns';
import { aggregate, type Aggregate } from '../../../../shared/map/mapAggregate';
import { frameOf } from '../../../../shared/map/projection';
import type { ThemeName } from '../../../../shared/render/themes';
import type { AreaBox } from '../state/area';
import { areaPolygon, AreaTool } from './areaTool';
import { handOver, type BasemapLayers } from './basemapLayers';
import { EventList } from './eventList';
import { LabelLayer } from './labelLayer';
import { buildMapIndex, countInWindow, framePoints, type MapIndex, type Shown, type TimeWindow, type WindowCounts } from './mapData';
import { inViewList, markPoints } from './mapHooks';
import { buildFeatures, ringFeatures, WORLD_PX_AT_ZOOM_0, type MapFeatures } from './mapFeatures';
import { addMapImages, countImages } from './mapImages';
import { MapKeys } from './mapKeys';
import { labelMap } from './mapLabels';
import { MapPointer } from './mapPointer';
import { mapPalette, mapStyle, SOURCES, themePaint } from './mapStyle';
import { OverlayLayers } from './overlayLayers';
import type { MapOverlay } from './overlays.svelte';
import { softwareWebGL } from './softwareGl';

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
  /** The events in view (column indices, in order) when there are at most 500, else empty. */
  readonly list: string;
  /** The events the hover and selection rings are drawn for (-1: none). */
  readonly hovered: number;
  readonly selected: number;
  /** The map's zoom level, to two decimals. */
  readonly zoom: number;
}

/** Places beyond which the clusters are only worked out for the view and its surroundings. */
const WORLD_AGGREGATE_MAX = 5000;
const CELL_PX = 46;

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
  readonly #overlayLayers: OverlayLayers;
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
  #rings = { hovered: -1, selected: -1 };
  #ringsKey = '';
  /** When the events were last worked out (performance.now()), to run at most once a frame. */
  #lastRefresh = -Infinity;

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
    this.#overlayLayers = new OverlayLayers(this.map);
    this.#labels = new LabelLayer(container, () => this.#scheduleLabels());
    this.list = new EventList(container, (i) => this.#cb.onselect(i), () => this.map.getCanvas().focus());
    this.area = new AreaTool(container, this.map, (box) => this.#cb.onarea(box), (active) => this.#cb.onareatool(active));
    this.#pointer = new MapPointer(this);
    this.#keys = new MapKeys(this, () => this.#cb.onescape());
    // A disc's count is drawn the first time it is needed (MapLibre waits for it: no frame without it).
    this.map.setMissingStyleImageResolver(countImages(this.map, () => mapPalette(this.#theme).discText));
    this.map.on('load', () => {
      this.#ready = true;
      addMapImages(this.map, mapPalette(this.#theme));
      void this.#applyBasemap();
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
    // New events are on screen once a frame is drawn with the marks' source loaded again.
    this.map.on('render', () => {
      if (this.#drawnPending && this.map.isSourceLoaded(SOURCES.marks)) this.#drawn();
    });
    this.map.on('idle', () => this.#drawn());
    if (softwareWebGL()) {
      // Without a GPU, every pixel costs: half resolution while moving keeps frames smooth. A new
      // ratio resizes the map, which itself starts and ends a move: those are ignored.
      // Full resolution comes back once the map has been still for a moment (a wheel turned step by
      // step starts and ends many moves: each change of resolution redraws everything).
      let adjusting = false;
      let still: ReturnType<typeof setTimeout> | undefined;
      const draw = (share: number) => {
        const ratio = (window.devicePixelRatio || 1) * share;
        if (adjusting || this.map.getPixelRatio() === ratio) return;
        adjusting = true;
        try {
          this.map.setPixelRatio(ratio);
        } finally {
          adjusting = false;
        }
      };
      this.map.on('movestart', () => {
        clearTimeout(still);
        draw(0.5);
      });
      this.map.on('moveend', () => {
        clearTimeout(still);
        still = setTimeout(() => draw(1), 300);
      });
    }
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
    void this.#applyBasemap();
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
    // The page takes the theme's type sizes in the same update: measure the labels once it has.
    requestAnimationFrame(() => {
      this.#labels.refreshFonts();
      this.#scheduleLabels();
    });
  }

  setOverlays(overlays: readonly MapOverlay[]): void {
    this.#overlays = overlays;
    this.#applyOverlays();
  }

  /** Frame the events in view (or every place with coordinates when none is in view). */
  fit(animate = true): void {
    if (!this.#data) return;
    const points = framePoints(this.#data.index, this.#counts);
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

  async #applyBasemap(): Promise<void> {
    const b = this.#basemap;
    if (b && this.#ready) await handOver(this.map, b, () => this.#basemap === b);
  }

  /**
   * Work the events out again, at most once a frame: at the end of the current task (so changes
   * made together count once; a task of its own would wait behind the timeline's redrawing, and the
   * work is a few milliseconds even at a million events) when none ran this frame, else at the next
   * frame. The map's own drawing is MapLibre's, frame by frame.
   */
  #schedule(recount: boolean): void {
    this.#recount ||= recount;
    if (this.#frame !== 0) return;
    const run = () => {
      if (this.#frame === -2) return;
      this.#frame = 0;
      const recountNow = this.#recount;
      this.#recount = false;
      this.#lastRefresh = performance.now();
      this.#refresh(recountNow);
    };
    if (performance.now() - this.#lastRefresh >= 16) {
      this.#frame = -1;
      queueMicrotask(run);
    } else this.#frame = requestAnimationFrame(run);
  }

  #needsAggregate(): boolean {
    const counts = this.#counts;
    if (!counts) return false;
    return Math.floor(this.map.getZoom()) !== this.#aggZoom || counts.active.length > WORLD_AGGREGATE_MAX;
  }

  #refresh(recount: boolean): void {
    const data = this.#data;
    if (!this.#ready || !data) return;
    // For the benchmark: how much of a change's way to the map is this work, how much MapLibre's.
    performance.mark('frontline:map-refresh');
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
    this.features = buildFeatures({ index: data.index, cols: data.cols, counts, agg: this.agg, shown: this.#shown, worldPx: WORLD_PX_AT_ZOOM_0 * 2 ** zoom });
    this.list.close();
    // One source for every mark (areas, discs, events): one update for MapLibre to tile and draw.
    this.#source(SOURCES.marks)?.setData({ type: 'FeatureCollection', features: [...this.features.areas.features, ...this.features.marks.features] });
    this.#applyHighlight();
    this.#drawnPending = true;
    this.#drawLabels();
    this.#report();
    performance.mark('frontline:map-refreshed');
  }

  #applyHighlight(): void {
    const data = this.#data;
    const src = this.#source(SOURCES.highlight);
    if (!src || !data) return;
    const features = ringFeatures(data.index, this.features, data.cols.count, this.#hovered, this.#selected);
    // Only a change is handed over: each update makes MapLibre tile and draw the source again.
    const key = JSON.stringify(features.map((f) => [f.geometry.coordinates, f.properties]));
    if (key !== this.#ringsKey) {
      this.#ringsKey = key;
      src.setData({ type: 'FeatureCollection', features });
    }
    const drawn = (kind: string) => features.find((f) => f.properties.ring === kind)?.properties.event;
    this.#rings = { hovered: drawn('ring:hover') ?? -1, selected: drawn('ring:selected') ?? -1 };
    this.#report();
  }

  #applyOverlays(): void {
    if (this.#ready) this.#overlayLayers.apply(this.#overlays);
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
    labelMap({ map: this.map, container: this.#container, layer: this.#labels, places: data?.header.places, features: this.features, cities: this.#basemap?.cities, scale: this.#theme === 'projector' ? 1.3 : 1 });
  }

  #drawn(): void {
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
      points: markPoints(this.map, features, this.#theme === 'projector' ? 1.3 : 1),
      list: this.#data ? inViewList(this.#data.cols, counts, this.#shown) : '',
      ...this.#rings,
      zoom: Math.round(this.map.getZoom() * 100) / 100
    });
  }

  destroy(): void {
    if (this.#frame > 0) cancelAnimationFrame(this.#frame);
    this.#frame = -2;
    cancelAnimationFrame(this.#labelFrame);
    this.#pointer.destroy();
    this.#keys.destroy();
    this.area.destroy();
    this.list.destroy();
    this.#labels.destroy();
    this.map.remove();
  }
}
