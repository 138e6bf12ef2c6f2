// The map's images, drawn in the page (no sprite sheet to fetch): each event type's glyph in its
// colour (the shapes of the timeline and legend, shared/render/glyphs.ts), the hover and selection
// rings, and the count on a disc, made when MapLibre first asks for it. Drawn at the screen's pixel
// ratio so they stay sharp.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { EVENT_TYPE_STYLES, EVENT_TYPES } from '../../../../shared/dataset/eventTypes';
import { GLYPH_PATHS } from '../../../../shared/render/glyphs';

/** An event mark's side, CSS px. */
export const MARK_PX = 17;
const COUNT_FONT = "600 12px 'IBM Plex Sans Variable', 'IBM Plex Sans', system-ui, sans-serif";

function canvas(width: number, height: number, ratio: number): CanvasRenderingContext2D {
  const c = document.createElement('canvas');
  c.width = Math.ceil(width * ratio);
  c.height = Math.ceil(height * ratio);
  // Read back at once (getImageData): kept in memory, never a round trip to the GPU.
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas for the map images');
  ctx.scale(ratio, ratio);
  return ctx;
}

function put(map: MapLibreMap, id: string, ctx: CanvasRenderingContext2D, ratio: number): void {
  const image = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (map.hasImage(id)) map.updateImage(id, image);
  else map.addImage(id, image, { pixelRatio: ratio });
}

/** A type's glyph, 16 px in a box with room for its halo. */
function typeImage(type: (typeof EVENT_TYPES)[number], halo: string, ratio: number): CanvasRenderingContext2D {
  const style = EVENT_TYPE_STYLES[type];
  const glyph = GLYPH_PATHS[style.shape];
  const side = MARK_PX + 4;
  const ctx = canvas(side, side, ratio);
  ctx.translate(2, 2);
  ctx.scale(MARK_PX / 16, MARK_PX / 16);
  const path = new Path2D(glyph.d);
  ctx.lineJoin = 'round';
  if (glyph.hollow) {
    ctx.strokeStyle = halo;
    ctx.lineWidth = 4;
    ctx.stroke(path);
    ctx.strokeStyle = style.colour;
    ctx.lineWidth = 2.2;
    ctx.stroke(path);
  } else {
    ctx.strokeStyle = halo;
    ctx.lineWidth = 2.4;
    ctx.stroke(path);
    ctx.fillStyle = style.colour;
    ctx.fill(path);
  }
  return ctx;
}

function ringImage(colour: string, halo: string, radius: number, width: number, ratio: number): CanvasRenderingContext2D {
  const side = 2 * (radius + width + 2);
  const ctx = canvas(side, side, ratio);
  const c = side / 2;
  ctx.beginPath();
  ctx.arc(c, c, radius, 0, Math.PI * 2);
  ctx.strokeStyle = halo;
  ctx.lineWidth = width + 2.5;
  ctx.stroke();
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke();
  return ctx;
}

/** The type glyphs and the two rings (again after a theme change: the halo follows the land's colour). */
export function addMapImages(map: MapLibreMap, colours: { readonly halo: string; readonly accent: string; readonly text: string }): void {
  const ratio = Math.max(1, Math.min(4, window.devicePixelRatio || 1));
  for (const type of EVENT_TYPES) put(map, `type:${type}`, typeImage(type, colours.halo, ratio), ratio);
  put(map, 'ring:hover', ringImage(colours.text, colours.halo, 13, 2, ratio), ratio);
  put(map, 'ring:selected', ringImage(colours.accent, colours.halo, 14, 3.5, ratio), ratio);
}

/** Draws a disc's count ("count:1,234") the first time MapLibre needs it. */
export function countImages(map: MapLibreMap, colour: () => string): (id: string) => void {
  return (id) => {
    if (!id.startsWith('count:') || map.hasImage(id)) return;
    const text = id.slice('count:'.length);
    const ratio = Math.max(1, Math.min(4, window.devicePixelRatio || 1));
    const probe = canvas(1, 1, 1);
    probe.font = COUNT_FONT;
    const width = Math.ceil(probe.measureText(text).width) + 4;
    const ctx = canvas(width, 16, ratio);
    ctx.font = COUNT_FONT;
    ctx.fillStyle = colour();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, width / 2, 8.5);
    put(map, id, ctx, ratio);
  };
}
