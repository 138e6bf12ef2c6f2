// The pointer on the map, linked to the other views through the viewer: hovering an event's mark
// hovers it everywhere (the timeline highlights it), clicking selects it (its details open);
// a disc of several places zooms in to them, a place with more events than can be told apart lists
// them. A tooltip names what is under the pointer (text only).
import type { MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import { eventView } from '../../../../shared/dataset/columns';
import { clusterPlaces } from '../../../../shared/map/mapAggregate';
import { placeLabel } from '../../../../shared/render/mapOfEvents';
import { describeEvent } from '../timeline/itemElement';
import { Tooltip } from '../timeline/tooltip';
import { eventsInViewAt } from './mapData';
import type { MapController } from './MapController';
import { EVENT_LAYERS } from './mapStyle';

/** Events listed for one place or disc at most; the rest are counted. */
export const LISTED_AT_PLACE = 50;

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

export class MapPointer {
  readonly #c: MapController;
  readonly #tip: Tooltip;
  #frame = 0;
  #at: { x: number; y: number; clientX: number; clientY: number } | undefined;
  /** The event this map hovered (so leaving the map clears only its own hover). */
  #hovered: number | undefined;

  constructor(controller: MapController) {
    this.#c = controller;
    const map = controller.map;
    this.#tip = new Tooltip(map.getContainer(), 'map-tooltip', 'tooltip');
    map.on('mousemove', (e) => {
      this.#at = { x: e.point.x, y: e.point.y, clientX: e.originalEvent.clientX, clientY: e.originalEvent.clientY };
      if (this.#frame === 0) this.#frame = requestAnimationFrame(() => this.#hover());
    });
    map.on('mouseout', () => this.#leave());
    map.on('dragstart', () => this.#tip.hide());
    map.on('click', (e) => this.#click(e.point, false));
  }

  #pick(at: PointLike | [PointLike, PointLike]): MapGeoJSONFeature | undefined {
    const layers = EVENT_LAYERS.filter((id) => this.#c.map.getLayer(id));
    return layers.length > 0 ? this.#c.map.queryRenderedFeatures(at, { layers }).at(0) : undefined;
  }

  #placeName(place: number): string {
    const p = this.#c.data?.header.places[place];
    return p ? placeLabel(p) : '';
  }

  #hover(): void {
    this.#frame = 0;
    const at = this.#at;
    const data = this.#c.data;
    if (!at || !data) return;
    const f = this.#pick([at.x, at.y]);
    const props = f?.properties as Record<string, unknown> | undefined;
    let index: number | undefined;
    let text: string | undefined;
    if (props?.['kind'] === 'event') {
      index = Number(props['event']);
      text = describeEvent(eventView(data.cols, index));
    } else if (props?.['kind'] === 'area') {
      const count = Number(props['count']);
      const name = this.#placeName(Number(props['place']));
      if (count === 1) {
        index = Number(props['event']);
        text = `${describeEvent(eventView(data.cols, index))} (${name}, approximate place)`;
      } else text = `${name}: ${plural(count, 'event')} (approximate place). Click to list them.`;
    } else if (props?.['kind'] === 'cluster') {
      const count = Number(props['count']);
      const place = Number(props['place']);
      const group = this.#c.features?.groups[Number(props['group'])];
      text = place >= 0 ? `${this.#placeName(place)}: ${plural(count, 'event')}. Click to list them.` : `${plural(count, 'event')} at ${plural(group?.places ?? 0, 'place')}. Click to zoom in.`;
    }
    this.#c.map.getCanvas().style.cursor = f ? 'pointer' : '';
    if (text) this.#tip.show(text, at.clientX, at.clientY);
    else this.#tip.hide();
    if (index !== this.#hovered) {
      this.#hovered = index;
      this.#c.callbacks.onhover(index);
    }
  }

  #leave(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#at = undefined;
    this.#tip.hide();
    this.#c.map.getCanvas().style.cursor = '';
    if (this.#hovered !== undefined) {
      this.#hovered = undefined;
      this.#c.callbacks.onhover(undefined);
    }
  }

  /** A click (or Enter from the keyboard at the map's centre, `keyboard`) at `point`, px in the map. */
  #click(point: { x: number; y: number }, keyboard: boolean): void {
    // The keyboard's crosshair takes what is near the centre, as a finger would.
    const r = keyboard ? 10 : 0;
    const f = this.#pick(keyboard ? [[point.x - r, point.y - r], [point.x + r, point.y + r]] : [point.x, point.y]);
    const props = f?.properties as Record<string, unknown> | undefined;
    if (!props) {
      this.#c.list.close();
      return;
    }
    if (props['kind'] === 'event') return this.#c.callbacks.onselect(Number(props['event']));
    if (props['kind'] === 'area') {
      if (Number(props['count']) === 1) return this.#c.callbacks.onselect(Number(props['event']));
      return this.#list([Number(props['place'])], Number(props['count']), point, keyboard);
    }
    const agg = this.#c.agg;
    const group = this.#c.features?.groups[Number(props['group'])];
    if (!agg || !group) return;
    const [w, s, e, n] = group.bbox;
    // One place, or places at the same point: zooming cannot part them, so list their events.
    if (Number(props['place']) >= 0 || (e - w < 1e-4 && n - s < 1e-4)) {
      const places = group.clusters.flatMap((k) => [...clusterPlaces(agg, agg.clusters[k]!)]);
      return this.#list(places, group.count, point, keyboard);
    }
    this.#c.map.fitBounds([w, s, e, n], { padding: 60, maxZoom: Math.max(this.#c.map.getZoom() + 2, 8), duration: 400 });
  }

  /** List the events in view at these places (in time order, the first LISTED_AT_PLACE). */
  #list(places: readonly number[], total: number, point: { x: number; y: number }, keyboard: boolean): void {
    const data = this.#c.data;
    const counts = this.#c.counts;
    if (!data || !counts) return;
    const events = places.flatMap((p) => eventsInViewAt(data.index, data.cols, p, counts, this.#c.shown, LISTED_AT_PLACE)).sort((a, b) => a - b);
    const listed = events.slice(0, LISTED_AT_PLACE).map((i) => ({ index: i, text: describeEvent(eventView(data.cols, i)) }));
    const heading = places.length === 1 ? `${this.#placeName(places[0]!)}: ${plural(total, 'event')} in view` : `${plural(total, 'event')} at ${plural(places.length, 'place')}`;
    this.#tip.hide();
    this.#c.list.show(heading, listed, total - listed.length, point.x, point.y, keyboard);
  }

  /** Enter on the focused map: what is at its centre, as a click there would. */
  activateCentre(): void {
    const canvas = this.#c.map.getCanvas();
    this.#click({ x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 }, true);
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    this.#tip.destroy();
  }
}
