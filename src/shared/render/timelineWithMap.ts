// An exported picture with a map: the timeline (timelineSvg) and the map of its events' places
// (map/mapSvg, framed on them) side by side or the map above, composed as one SVG whose two parts
// are nested <svg> elements. Still true vector, still one picture for PNG (resvg), SVG and PDF.
import type { Basemap, BasemapResolution } from '../map/basemap';
import { renderMapSvg, type MapSvg } from '../map/mapSvg';
import type { LonLatBounds } from '../map/projection';
import { eventsMap, type EventsMap } from './mapOfEvents';
import { escapeXml } from './text';
import { FONT_FAMILY, THEMES } from './themes';
import { renderTimelineSvg, type TimelineImage, type TimelineImageRequest } from './timelineSvg';

export const MAP_PLACEMENTS = ['beside', 'above'] as const;
export type MapPlacement = (typeof MAP_PLACEMENTS)[number];

export function isMapPlacement(value: unknown): value is MapPlacement {
  return typeof value === 'string' && (MAP_PLACEMENTS as readonly string[]).includes(value);
}

/** Share of the picture the map takes: of the width beside the timeline, of the height above it. */
export const MAP_SHARE: Readonly<Record<MapPlacement, number>> = { beside: 0.38, above: 0.4 };

/** The basemap detail a frame needs: the world at a glance for a continent or more, else 1:50m. */
export function basemapResolutionFor(bounds: LonLatBounds): BasemapResolution {
  return bounds.east - bounds.west > 60 || bounds.north - bounds.south > 40 ? '110m' : '50m';
}

export interface TimelineWithMapImage extends TimelineImage {
  readonly map: {
    readonly placement: MapPlacement;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly places: number;
    readonly labelled: number;
    readonly bounds: LonLatBounds;
    readonly notes: readonly string[];
  };
}

/** The map's share of a picture `width` wide (and `height` tall when given). */
function mapSize(placement: MapPlacement, width: number, height: number | undefined): number {
  if (placement === 'beside') return Math.round(width * MAP_SHARE.beside);
  return Math.round(height !== undefined ? height * MAP_SHARE.above : Math.min(width * MAP_SHARE.above, width * 0.5));
}

/** The request of the timeline part of a picture with a map: its width (beside) or height (above) less the map's. */
export function timelinePartRequest(req: TimelineImageRequest, placement: MapPlacement): TimelineImageRequest {
  const width = Math.max(400, Math.round(req.width));
  const size = mapSize(placement, width, req.height);
  if (placement === 'beside') return { ...req, width: width - size };
  return { ...req, width, ...(req.height !== undefined ? { height: Math.max(200, Math.round(req.height) - size) } : {}) };
}

/** The root <svg> of `svg` placed at (x, y) inside another. */
function nested(svg: string, x: number, y: number): string {
  return svg.replace(/^<svg\b/, `<svg x="${Math.round(x)}" y="${Math.round(y)}"`);
}

/**
 * The timeline of `req` with the map of its events' places, `placement` beside (right) or above.
 * The map is framed on the places of the events drawn (the window, the filters); `events` may be
 * given when already worked out (it picks the basemap's resolution). The picture is `req.width`
 * wide and, when `req.height` is given, that tall.
 */
export function renderTimelineWithMap(req: TimelineImageRequest, placement: MapPlacement, basemap: Basemap, events?: EventsMap): TimelineWithMapImage {
  const theme = THEMES[req.theme ?? 'screen'];
  const width = Math.max(400, Math.round(req.width));
  const places = events ?? eventsMap({ header: req.header, columns: req.columns, window: req.window, ...(req.include ? { include: req.include } : {}), ...(req.theme ? { theme: req.theme } : {}) });
  const drawMap = (w: number, h: number, fontSize: number): MapSvg =>
    renderMapSvg({ basemap, bounds: places.bounds, width: w, height: h, places: places.places, title: places.title, notes: places.notes, fontSize, idPrefix: 'flm', ...(req.theme ? { theme: req.theme } : {}) });

  const size = mapSize(placement, width, req.height);
  const timeline = renderTimelineSvg(timelinePartRequest(req, placement));
  const margin = Math.round(timeline.fontSize * 1.7);
  // Beside: the map's column, as tall as the timeline (or the picture); above: a band across the top.
  const height = placement === 'above' ? size + timeline.height : req.height !== undefined ? Math.round(req.height) : Math.max(timeline.height, Math.round(size * 0.85));
  const box = placement === 'beside' ? { x: width - size, y: margin, w: size - margin, h: height - 2 * margin } : { x: margin, y: margin, w: width - 2 * margin, h: size - margin };
  const map = drawMap(box.w, box.h, timeline.fontSize * 0.86);
  const title = req.labels?.title ?? req.header.metadata.title;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${theme.background}"/>`,
    nested(timeline.svg, 0, placement === 'above' ? height - timeline.height : 0),
    nested(map.svg, box.x, box.y),
    '</svg>'
  ].join('\n');
  return {
    ...timeline,
    svg,
    width,
    height,
    map: { placement, x: box.x, y: box.y, width: map.width, height: map.height, places: places.places.length, labelled: map.labelled.length, bounds: map.bounds, notes: places.notes }
  };
}
