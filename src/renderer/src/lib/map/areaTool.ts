// Selecting an area on the map: Shift+drag a box (or drag one after pressing "Select area"; with
// the keyboard, Enter takes the map's view as the area). The box becomes the viewer's area filter
// (finder.setArea), which the timeline, the table, the counts and the map all follow.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Polygon } from 'geojson';
import type { AreaBox } from '../state/area';

/** A drag shorter than this (px) is a click, not an area. */
export const MIN_DRAG_PX = 8;

const wrapLon = (lon: number): number => ((((lon + 180) % 360) + 360) % 360) - 180;
const clampLat = (lat: number): number => Math.max(-90, Math.min(90, lat));

/**
 * The box between two corners (longitude and latitude, in any order). A map showing world copies
 * gives longitudes beyond ±180: they are wrapped, and a box crossing the antimeridian has west >
 * east (as AreaBox allows); one as wide as the world is the whole world.
 */
export function boxFromCorners(a: { lng: number; lat: number }, b: { lng: number; lat: number }): AreaBox {
  const west = Math.min(a.lng, b.lng);
  const east = Math.max(a.lng, b.lng);
  const south = clampLat(Math.min(a.lat, b.lat));
  const north = clampLat(Math.max(a.lat, b.lat));
  if (east - west >= 360) return { south, west: -180, north, east: 180 };
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  let w = wrapLon(west);
  let e = wrapLon(east);
  // 180 itself wraps to -180: an east edge there is the antimeridian, not its other side.
  if (e === -180 && east > west) e = 180;
  if (w === 180) w = -180;
  return { south: round(south), west: round(w), north: round(north), east: round(e) };
}

/** The box as a polygon to draw (across the antimeridian, its east edge beyond 180 so it stays one piece). */
export function areaPolygon(box: AreaBox): Feature<Polygon> {
  const east = box.west <= box.east ? box.east : box.east + 360;
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [box.west, box.south],
          [east, box.south],
          [east, box.north],
          [box.west, box.north],
          [box.west, box.south]
        ]
      ]
    }
  };
}

/** "34.10–36.25° N, 38.90–41.20° E": an area in words, for the status and the filters. */
export function describeArea(box: AreaBox): string {
  const lat = (v: number) => `${Math.abs(v).toFixed(2)}°${v < 0 ? ' S' : ' N'}`;
  const lon = (v: number) => `${Math.abs(v).toFixed(2)}°${v < 0 ? ' W' : ' E'}`;
  return `${lat(box.south)} to ${lat(box.north)}, ${lon(box.west)} to ${lon(box.east)}`;
}

export class AreaTool {
  /** The tool is on: a plain drag selects (not only Shift+drag). */
  active = false;
  readonly #container: HTMLElement;
  readonly #map: MapLibreMap;
  readonly #onarea: (box: AreaBox) => void;
  readonly #onactive: (active: boolean) => void;
  #drag: { x0: number; y0: number; id: number; el: HTMLElement } | undefined;

  constructor(container: HTMLElement, map: MapLibreMap, onarea: (box: AreaBox) => void, onactive: (active: boolean) => void) {
    this.#container = container;
    this.#map = map;
    this.#onarea = onarea;
    this.#onactive = onactive;
    // Capture, before MapLibre's handlers: a drag that selects must not also pan the map.
    container.addEventListener('pointerdown', this.#down, true);
    container.addEventListener('pointermove', this.#move, true);
    container.addEventListener('pointerup', this.#up, true);
    container.addEventListener('pointercancel', this.#cancelDrag, true);
  }

  setActive(active: boolean): void {
    if (this.active === active) return;
    this.active = active;
    this.#container.classList.toggle('map-selecting', active);
    if (!active) this.#cancelDrag();
    this.#onactive(active);
  }

  /** The map's whole view as the area (Enter while the tool is on: the keyboard's way to select). */
  selectView(): void {
    const b = this.#map.getBounds();
    this.#onarea(boxFromCorners({ lng: b.getWest(), lat: b.getSouth() }, { lng: b.getEast(), lat: b.getNorth() }));
    this.setActive(false);
  }

  /** Stop a drag under way (Esc); true when there was one. */
  cancel(): boolean {
    if (this.#drag) {
      this.#cancelDrag();
      return true;
    }
    if (this.active) {
      this.setActive(false);
      return true;
    }
    return false;
  }

  #point(e: PointerEvent): [number, number] {
    const r = this.#container.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  readonly #down = (e: PointerEvent): void => {
    if (e.button !== 0 || !(e.shiftKey || this.active)) return;
    if (!(e.target instanceof Element) || !e.target.closest('canvas')) return;
    e.preventDefault();
    e.stopPropagation();
    const [x, y] = this.#point(e);
    const el = document.createElement('div');
    el.className = 'map-area-drag';
    this.#container.appendChild(el);
    this.#drag = { x0: x, y0: y, id: e.pointerId, el };
    this.#container.setPointerCapture?.(e.pointerId);
    this.#draw(x, y);
  };

  readonly #move = (e: PointerEvent): void => {
    if (!this.#drag || e.pointerId !== this.#drag.id) return;
    e.stopPropagation();
    const [x, y] = this.#point(e);
    this.#draw(x, y);
  };

  readonly #up = (e: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || e.pointerId !== drag.id) return;
    e.stopPropagation();
    const [x, y] = this.#point(e);
    this.#cancelDrag();
    if (Math.abs(x - drag.x0) < MIN_DRAG_PX || Math.abs(y - drag.y0) < MIN_DRAG_PX) return;
    const a = this.#map.unproject([drag.x0, drag.y0]);
    const b = this.#map.unproject([x, y]);
    this.#onarea(boxFromCorners(a, b));
    this.setActive(false);
  };

  readonly #cancelDrag = (): void => {
    if (!this.#drag) return;
    this.#container.releasePointerCapture?.(this.#drag.id);
    this.#drag.el.remove();
    this.#drag = undefined;
  };

  #draw(x: number, y: number): void {
    const d = this.#drag!;
    const s = d.el.style;
    s.left = `${Math.min(x, d.x0)}px`;
    s.top = `${Math.min(y, d.y0)}px`;
    s.width = `${Math.abs(x - d.x0)}px`;
    s.height = `${Math.abs(y - d.y0)}px`;
  }

  destroy(): void {
    this.#cancelDrag();
    this.#container.removeEventListener('pointerdown', this.#down, true);
    this.#container.removeEventListener('pointermove', this.#move, true);
    this.#container.removeEventListener('pointerup', this.#up, true);
    this.#container.removeEventListener('pointercancel', this.#cancelDrag, true);
  }
}
