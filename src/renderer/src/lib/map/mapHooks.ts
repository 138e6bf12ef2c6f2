// What the map shows, said plainly for its data attributes (read by the browser tests and by
// anything that wants to check the map without reading its pixels): the events in view, and where
// on screen the events drawn on their own are. Plain data; nothing here can run code.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { EventColumns } from '../../../../shared/dataset/columns';
import { eventShown, type Shown, type WindowCounts } from './mapData';
import { fanOffset, type MapFeatures } from './mapFeatures';

/** Listed only up to this many events in view (beyond, the counts say enough). */
const LIST_MAX = 500;
const POINTS_MAX = 200;

/** The events in view, column indices in order, comma-separated; empty past LIST_MAX. */
export function inViewList(cols: Pick<EventColumns, 'flags'>, counts: WindowCounts, shown: Shown): string {
  if (counts.events > LIST_MAX) return '';
  const out: number[] = [];
  for (let i = counts.lo; i < counts.hi; i++) if (eventShown(cols, shown, i)) out.push(i);
  return out.join(',');
}

/** "index:x,y;…": the events drawn on their own that are on screen, px in the map (at most POINTS_MAX). */
export function markPoints(map: MapLibreMap, features: MapFeatures, scale: number): string {
  const canvas = map.getCanvas();
  const out: string[] = [];
  for (const [index, at] of features.eventMarks) {
    if (out.length >= POINTS_MAX) break;
    const { x, y } = map.project([at.lon, at.lat]);
    const [dx, dy] = fanOffset(Math.floor(at.slot / 16), at.slot % 16);
    const px = Math.round(x + dx * scale);
    const py = Math.round(y + dy * scale);
    if (px >= 0 && py >= 0 && px <= canvas.clientWidth && py <= canvas.clientHeight) out.push(`${index}:${px},${py}`);
  }
  return out.join(';');
}
