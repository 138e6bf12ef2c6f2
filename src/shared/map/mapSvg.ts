// The map of an export, as a self-contained SVG string: the offline basemap (land, water, borders,
// regions, rivers, cities for context) in Web Mercator fitted to the bounds, the places given drawn
// over it (an exact place as its event type's glyph, an approximate one as a soft area as wide as
// its uncertainty, never as a pin), labels placed so they do not collide, a scale bar, a legend of
// the two kinds of place, and the basemap's attribution. Pure string building: no DOM, no Node.
// Every name is escaped text (svgText), Arabic in its own right-to-left run as in the timeline.
import { geoBounds, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import type { TypeShape } from '../dataset/eventTypes';
import { GLYPH_PATHS } from '../render/glyphs';
import { num, svgText } from '../render/svgPrimitives';
import { escapeXml, fitText, textWidth } from '../render/text';
import { FONT_FAMILY, THEMES, type ThemeName } from '../render/themes';
import { basemapCredits, type Basemap } from './basemap';
import { mapColours, type MapColours } from './mapTheme';
import { boundsOf, fitMercator, kmToPixels, type LonLatBounds } from './projection';

/** An approximate place with no stated uncertainty is drawn as an area this wide (radius, km). */
export const DEFAULT_UNCERTAINTY_KM = 25;

export interface MapPlace {
  readonly lon: number;
  readonly lat: number;
  /** exact: the place itself (a mark); approximate: a representative point (a soft area). */
  readonly precision: 'exact' | 'approximate';
  /** Radius of the area an approximate place may lie in, km (default DEFAULT_UNCERTAINTY_KM). */
  readonly uncertaintyKm?: number;
  readonly colour: string;
  /** Glyph of an exact place (an event type's shape); default a dot. */
  readonly shape?: TypeShape;
  readonly label?: string;
  /** Events at the place: labels go to the places with most first. */
  readonly events?: number;
}

export interface MapSvgRequest {
  readonly basemap: Basemap;
  /** What the map shows; default the bounds of the places. */
  readonly bounds?: LonLatBounds;
  readonly width: number;
  readonly height: number;
  readonly theme?: ThemeName;
  readonly places: readonly MapPlace[];
  /** Credits drawn on the map; default the basemap's ("Natural Earth", "GeoNames (CC BY 4.0)"). */
  readonly attribution?: readonly string[];
  /** A caption in the top left corner, e.g. "Places of the 21 events shown". */
  readonly title?: string;
  /** Lines under the caption, e.g. "Not on the map: London (1 event)". */
  readonly notes?: readonly string[];
  /** Base type size, px (default from the width). */
  readonly fontSize?: number;
  /** Prefix of the ids of the map's gradients, so it can sit in a picture beside other drawings. */
  readonly idPrefix?: string;
  /** Most place labels drawn (default 40). */
  readonly maxLabels?: number;
  /** Largest cities in view drawn for context (default 8; 0 for none). */
  readonly cities?: number;
}

export interface MapSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly bounds: LonLatBounds;
  /** Indices of the places drawn with their label. */
  readonly labelled: readonly number[];
  /** The projection used: longitude and latitude to px in the picture. */
  readonly project: (lon: number, lat: number) => [number, number] | null;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Default type size for a map `width` px wide. */
export function mapFontSize(width: number): number {
  return Math.max(9, Math.min(18, 12 * Math.sqrt(width / 900)));
}

export function renderMapSvg(req: MapSvgRequest): MapSvg {
  const width = Math.max(120, Math.round(req.width));
  const height = Math.max(100, Math.round(req.height));
  const themeName = req.theme ?? 'screen';
  const theme = THEMES[themeName];
  const colours = mapColours(themeName);
  const fs = req.fontSize ?? mapFontSize(width);
  const prefix = req.idPrefix ?? 'flm';
  const bounds = req.bounds ?? boundsOf(req.places.map((p) => ({ lon: p.lon, lat: p.lat, radiusKm: p.precision === 'approximate' ? (p.uncertaintyKm ?? DEFAULT_UNCERTAINTY_KM) : 0 })));
  const pad = fs * 0.8;
  const projection = fitMercator(bounds, [
    [pad, pad],
    [width - pad, height - pad]
  ]);
  // Everything outside the picture is cut away, so the SVG holds only what shows.
  projection.clipExtent([
    [0, 0],
    [width, height]
  ]);
  const path = geoPath(projection).digits(1);
  const project = (lon: number, lat: number): [number, number] | null => projection([lon, lat]);

  const out: string[] = [];
  const defs: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" overflow="hidden" font-family="${FONT_FAMILY}" class="map" role="img" aria-label="${escapeXml(req.title ?? 'Map')}">`
  );
  out.push(`<title>${escapeXml(req.title ?? 'Map')}</title>`);
  const defsAt = out.length;
  for (const part of drawBasemap(req.basemap, path, colours, width, height, theme.stroke, visibleBounds(projection, width, height))) out.push(part);

  // Marks, then labels: places first (most events first), then cities in the room left.
  const caption = drawCaption(req, fs, width, colours, theme.muted, theme.text);
  const taken: Box[] = [...caption.boxes];
  const marks = placeMarks(req.places, projection, fs, colours, prefix, defs, taken, 2 * Math.hypot(width, height));
  const labels = placeLabels(req.places, marks.centres, fs, width, height, req.maxLabels ?? 40, taken, theme.text, colours);
  const cityParts = drawCities(req.basemap, projection, fs, width, height, req.cities ?? 8, taken, colours);
  for (const part of [cityParts, marks.parts, labels.parts].flat()) out.push(part);

  for (const part of [caption.parts, drawFooter(req, projection, bounds, fs, width, height, colours, theme.muted, theme.text)].flat()) out.push(part);
  out.push(`<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="${colours.frame}" stroke-width="${num(theme.stroke)}"/>`);
  out.push('</svg>');
  if (defs.length > 0) out.splice(defsAt, 0, `<defs>${defs.join('')}</defs>`);
  return { svg: out.join('\n'), width, height, bounds, labelled: labels.labelled, project };
}

/** What the picture shows, in degrees (Mercator's rectangle), with a little to spare. */
function visibleBounds(projection: GeoProjection, width: number, height: number): LonLatBounds {
  const a = projection.invert?.([0, height]);
  const b = projection.invert?.([width, 0]);
  if (!a || !b) return { west: -180, south: -90, east: 180, north: 90 };
  const mx = (b[0] - a[0]) * 0.05;
  const my = (b[1] - a[1]) * 0.05;
  return { west: a[0] - mx, south: a[1] - my, east: b[0] + mx, north: b[1] + my };
}

type Bbox = readonly [number, number, number, number];
const featureBoxes = new WeakMap<object, Bbox>();
const meshBoxes = new WeakMap<MultiLineString, readonly Bbox[]>();

/** Bounds of a feature or line (cached: a basemap is drawn many times); across the antimeridian, the whole world. */
function bboxOf(key: object, o: GeoPermissibleObjects): Bbox {
  let box = featureBoxes.get(key);
  if (!box) {
    const [[w, s], [e, n]] = geoBounds(o);
    box = w > e ? [-180, s, 180, n] : [w, s, e, n];
    featureBoxes.set(key, box);
  }
  return box;
}

const meets = (box: Bbox, v: LonLatBounds): boolean => box[0] <= v.east && box[2] >= v.west && box[1] <= v.north && box[3] >= v.south;

/** The features of `fc` that may show in `view` (the rest would only be clipped away, at a cost). */
function inView(fc: FeatureCollection | undefined, view: LonLatBounds): FeatureCollection | undefined {
  if (!fc) return undefined;
  return { type: 'FeatureCollection', features: fc.features.filter((f: Feature) => f.geometry && meets(bboxOf(f, f), view)) };
}

/** The lines of a mesh that may show in `view`. */
function linesInView(mesh: MultiLineString | undefined, view: LonLatBounds): MultiLineString | undefined {
  if (!mesh) return undefined;
  let boxes = meshBoxes.get(mesh);
  if (!boxes) {
    boxes = mesh.coordinates.map((line) => {
      let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of line) [w, s, e, n] = [Math.min(w, x!), Math.min(s, y!), Math.max(e, x!), Math.max(n, y!)];
      return [w, s, e, n] as const;
    });
    meshBoxes.set(mesh, boxes);
  }
  return { type: 'MultiLineString', coordinates: mesh.coordinates.filter((_, k) => meets(boxes[k]!, view)) };
}

/** Water, land, lakes, region and country borders, rivers: each layer one path. */
function drawBasemap(base: Basemap, path: ReturnType<typeof geoPath>, c: MapColours, width: number, height: number, stroke: number, view: LonLatBounds): string[] {
  const b = {
    land: inView(base.land, view),
    lakes: inView(base.lakes, view),
    rivers: inView(base.rivers, view),
    admin1Borders: linesInView(base.admin1Borders, view),
    countryBorders: linesInView(base.countryBorders, view)
  };
  const d = (o: GeoPermissibleObjects | undefined): string => (o ? (path(o) ?? '') : '');
  const out = [`<rect x="0" y="0" width="${width}" height="${height}" fill="${c.water}"/>`];
  const layer = (cls: string, data: string, paint: string) => {
    if (data !== '') out.push(`<path class="${cls}" d="${data}" ${paint}/>`);
  };
  layer('land', d(b.land), `fill="${c.land}" stroke="${c.coast}" stroke-width="${num(0.6 * stroke)}" stroke-linejoin="round"`);
  layer('lakes', d(b.lakes), `fill="${c.water}" stroke="${c.coast}" stroke-width="${num(0.4 * stroke)}"`);
  layer('admin1', d(b.admin1Borders), `fill="none" stroke="${c.regionBorder}" stroke-width="${num(0.6 * stroke)}" stroke-dasharray="3 2" stroke-linejoin="round"`);
  layer('rivers', d(b.rivers), `fill="none" stroke="${c.river}" stroke-width="${num(1.1 * stroke)}" stroke-linejoin="round" stroke-linecap="round"`);
  layer('borders', d(b.countryBorders), `fill="none" stroke="${c.countryBorder}" stroke-width="${num(1 * stroke)}" stroke-linejoin="round"`);
  return out;
}

/** Approximate places as soft areas (largest underneath), exact ones as glyphs over them. */
function placeMarks(places: readonly MapPlace[], projection: GeoProjection, fs: number, c: MapColours, prefix: string, defs: string[], taken: Box[], maxRadius: number) {
  const centres: ([number, number, number] | null)[] = [];
  const areas: { r: number; part: string }[] = [];
  const exact: string[] = [];
  const gradients = new Map<string, string>();
  const markSize = fs * 1.05;
  places.forEach((p, i) => {
    const xy = projection([p.lon, p.lat]);
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) {
      centres[i] = null;
      return;
    }
    const [x, y] = xy;
    if (p.precision === 'approximate') {
      const km = p.uncertaintyKm ?? DEFAULT_UNCERTAINTY_KM;
      const r = Math.max(fs * 0.45, Math.min(maxRadius, kmToPixels(projection, p.lon, p.lat, km)));
      let id = gradients.get(p.colour);
      if (!id) {
        id = `${prefix}-soft-${gradients.size}`;
        gradients.set(p.colour, id);
        defs.push(
          `<radialGradient id="${id}"><stop offset="0" stop-color="${p.colour}" stop-opacity="0.5"/><stop offset="0.65" stop-color="${p.colour}" stop-opacity="0.28"/><stop offset="1" stop-color="${p.colour}" stop-opacity="0.06"/></radialGradient>`
        );
      }
      areas.push({
        r,
        part: `<g class="place approximate" data-place="${i}" data-radius-km="${num(km)}"><circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="url(#${id})" stroke="${p.colour}" stroke-opacity="0.55" stroke-width="${num(Math.max(0.6, fs * 0.07))}" stroke-dasharray="${num(fs * 0.35)} ${num(fs * 0.25)}"/></g>`
      });
      // A label may sit over a wide soft area: only its middle is kept clear.
      const core = Math.min(r, fs * 0.45);
      taken.push({ x0: x - core, y0: y - core, x1: x + core, y1: y + core });
      centres[i] = [x, y, core];
    } else {
      const shape = p.shape ?? 'dot';
      const g = GLYPH_PATHS[shape];
      const s = markSize / 16;
      const paint = g.hollow ? `fill="none" stroke="${p.colour}" stroke-width="2"` : `fill="${p.colour}" stroke="${c.halo}" stroke-width="1.2"`;
      exact.push(
        `<g class="place exact" data-place="${i}"><path transform="translate(${num(x - markSize / 2)} ${num(y - markSize / 2)}) scale(${Math.round(s * 10000) / 10000})" d="${g.d}" ${paint}/></g>`
      );
      const h = markSize / 2;
      taken.push({ x0: x - h, y0: y - h, x1: x + h, y1: y + h });
      centres[i] = [x, y, h];
    }
  });
  areas.sort((a, b) => b.r - a.r);
  return { parts: [...areas.map((a) => a.part), ...exact], centres };
}

/** A label beside its mark (right, left, above, below: the first that is free), most events first. */
function placeLabels(places: readonly MapPlace[], centres: readonly ([number, number, number] | null)[], fs: number, width: number, height: number, max: number, taken: Box[], ink: string, c: MapColours) {
  const size = fs * 0.92;
  const order = places.map((_, i) => i).filter((i) => centres[i] && places[i]!.label);
  order.sort((a, b) => (places[b]!.events ?? 1) - (places[a]!.events ?? 1) || a - b);
  const parts: string[] = [];
  const labelled: number[] = [];
  // The bottom strip holds the scale, legend and attribution.
  const bottom = height - fs * 2.2;
  // A crowded map stops looking for room after a while: each try scans every box taken so far.
  let tries = 0;
  for (const i of order) {
    if (labelled.length >= max || ++tries > max * 10) break;
    const [x, y, r] = centres[i]!;
    const text = fitText(places[i]!.label!, size, width * 0.45, true);
    const w = textWidth(text, size, true) + size * 0.4;
    const h = size * 1.3;
    const gap = r + size * 0.3;
    const candidates: Box[] = [
      { x0: x + gap, y0: y - h / 2, x1: x + gap + w, y1: y + h / 2 },
      { x0: x - gap - w, y0: y - h / 2, x1: x - gap, y1: y + h / 2 },
      { x0: x - w / 2, y0: y - gap - h, x1: x + w / 2, y1: y - gap },
      { x0: x - w / 2, y0: y + gap, x1: x + w / 2, y1: y + gap + h }
    ];
    const box = candidates.find((b) => b.x0 >= 2 && b.x1 <= width - 2 && b.y0 >= 2 && b.y1 <= bottom && !taken.some((t) => overlaps(t, b)));
    if (!box) continue;
    taken.push(box);
    labelled.push(i);
    parts.push(
      `<g class="place-label" data-place="${i}"><rect x="${num(box.x0)}" y="${num(box.y0)}" width="${num(box.x1 - box.x0)}" height="${num(box.y1 - box.y0)}" rx="${num(size * 0.25)}" fill="${c.halo}" fill-opacity="0.82"/>${svgText(box.x0 + size * 0.2, box.y0 + h * 0.72, text, { size, fill: ink, weight: 600 })}</g>`
    );
  }
  return { parts, labelled };
}

/** The largest cities in view, as small squares with their names, where they leave the places room. */
function drawCities(b: Basemap, projection: GeoProjection, fs: number, width: number, height: number, max: number, taken: Box[], c: MapColours): string[] {
  const out: string[] = [];
  const size = fs * 0.78;
  const bottom = height - fs * 2.2;
  const cities = b.cities;
  for (let i = 0; i < cities.name.length && out.length < max; i++) {
    const xy = projection([cities.lon[i]!, cities.lat[i]!]);
    if (!xy) continue;
    const [x, y] = xy;
    if (x < fs || x > width - fs || y < fs || y > bottom) continue;
    const name = cities.name[i]!;
    const w = textWidth(name, size) + size * 0.3;
    const dot = fs * 0.22;
    const mark: Box = { x0: x - dot, y0: y - dot, x1: x + dot, y1: y + dot };
    const right: Box = { x0: x + dot + size * 0.25, y0: y - size * 0.65, x1: x + dot + size * 0.25 + w, y1: y + size * 0.65 };
    const left: Box = { x0: x - dot - size * 0.25 - w, y0: right.y0, x1: x - dot - size * 0.25, y1: right.y1 };
    if (taken.some((t) => overlaps(t, mark))) continue;
    const box = [right, left].find((bx) => bx.x0 >= 2 && bx.x1 <= width - 2 && !taken.some((t) => overlaps(t, bx)));
    if (!box) continue;
    taken.push(mark, box);
    out.push(
      `<g class="city"><rect x="${num(x - dot)}" y="${num(y - dot)}" width="${num(2 * dot)}" height="${num(2 * dot)}" fill="${c.city}"/>${svgText(box.x0 + size * 0.15, y + size * 0.35, name, { size, fill: c.cityLabel })}</g>`
    );
  }
  return out;
}

/** A length for the scale bar: 1, 2 or 5 times a power of ten, close to `km`. */
export function niceKm(km: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(km, 1e-6)));
  const m = km / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

const haloRect = (c: MapColours, size: number, x0: number, y0: number, w: number, h: number): string =>
  `<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" rx="${num(size * 0.25)}" fill="${c.halo}" fill-opacity="0.85"/>`;

/** Caption and notes in the top left corner, and the room they take (kept clear of labels). */
function drawCaption(req: MapSvgRequest, fs: number, width: number, c: MapColours, muted: string, ink: string): { parts: string[]; boxes: Box[] } {
  const parts: string[] = [];
  const boxes: Box[] = [];
  const small = fs * 0.78;
  let y = fs * 0.6;
  const lines = [...(req.title ? [{ text: req.title, bold: true }] : []), ...(req.notes ?? []).map((text) => ({ text, bold: false }))];
  for (const line of lines) {
    const size = line.bold ? fs : small;
    const text = fitText(line.text, size, width - fs * 2, line.bold);
    const w = textWidth(text, size, line.bold) + size * 0.5;
    parts.push(`<g class="map-${line.bold ? 'title' : 'note'}">${haloRect(c, small, fs * 0.4, y, w, size * 1.35)}${svgText(fs * 0.4 + size * 0.25, y + size * 1.0, text, { size, fill: line.bold ? ink : muted, ...(line.bold ? { weight: 600 as const } : {}) })}</g>`);
    boxes.push({ x0: fs * 0.4, y0: y, x1: fs * 0.4 + w, y1: y + size * 1.35 });
    y += size * 1.5;
  }
  return { parts, boxes };
}

/** Scale and legend (bottom left), attribution (bottom right). */
function drawFooter(req: MapSvgRequest, projection: GeoProjection, bounds: LonLatBounds, fs: number, width: number, height: number, c: MapColours, muted: string, ink: string): string[] {
  const out: string[] = [];
  const small = fs * 0.78;
  const halo = (x0: number, y0: number, w: number, h: number) => haloRect(c, small, x0, y0, w, h);

  // Scale bar, measured at the middle of the map (Mercator stretches towards the poles).
  const midLat = (bounds.south + bounds.north) / 2;
  const midLon = (bounds.west + bounds.east) / 2;
  const pxPerKm = kmToPixels(projection, midLon, midLat, 100) / 100;
  const baseY = height - fs * 0.7;
  let x = fs * 0.6;
  if (pxPerKm > 0 && Number.isFinite(pxPerKm)) {
    const km = niceKm((width * 0.18) / pxPerKm);
    const len = km * pxPerKm;
    const label = `${km.toLocaleString('en-GB')} km`;
    const w = len + textWidth(label, small) + small * 1.2;
    out.push(
      `<g class="map-scale">${halo(x - small * 0.3, baseY - small * 1.25, w, small * 1.6)}<path d="M${num(x)} ${num(baseY - small * 0.5)}V${num(baseY)}H${num(x + len)}V${num(baseY - small * 0.5)}" fill="none" stroke="${ink}" stroke-width="${num(Math.max(1, fs * 0.09))}"/>${svgText(x + len + small * 0.4, baseY, label, { size: small, fill: ink })}</g>`
    );
    x += w + small * 0.6;
  }

  // Legend: the two kinds of place, when the map shows them.
  const kinds = new Set(req.places.map((p) => p.precision));
  const legendParts: string[] = [];
  let lx = x;
  if (kinds.has('exact')) {
    const s = small * 0.95;
    legendParts.push(`<path transform="translate(${num(lx)} ${num(baseY - s * 0.85)}) scale(${Math.round((s / 16) * 10000) / 10000})" d="${GLYPH_PATHS.dot.d}" fill="${muted}"/>`);
    legendParts.push(svgText(lx + s * 1.2, baseY, 'Exact place', { size: small, fill: ink }));
    lx += s * 1.2 + textWidth('Exact place', small) + small;
  }
  if (kinds.has('approximate')) {
    const r = small * 0.55;
    legendParts.push(`<circle cx="${num(lx + r)}" cy="${num(baseY - small * 0.35)}" r="${num(r)}" fill="${muted}" fill-opacity="0.3" stroke="${muted}" stroke-dasharray="2 1.5" stroke-width="0.8"/>`);
    const text = 'Approximate: an area as wide as its uncertainty';
    legendParts.push(svgText(lx + r * 2 + small * 0.4, baseY, text, { size: small, fill: ink }));
    lx += r * 2 + small * 0.4 + textWidth(text, small) + small * 0.3;
  }

  // Attribution, bottom right: the credits the basemap's licences ask for (or that are owed).
  const credits = req.attribution ?? basemapCredits(req.basemap.sources);
  const attribution = credits.length > 0 ? `Basemap: ${credits.join(' · ')}` : '';
  const aw = textWidth(attribution, small) + small * 0.6;
  // Legend first, then the attribution to its right; a narrow map puts the attribution on a line above.
  const attributionOnLegendLine = lx + aw + small < width;
  if (legendParts.length > 0) out.push(`<g class="map-legend">${halo(x - small * 0.3, baseY - small * 1.25, lx - x + small * 0.3, small * 1.6)}${legendParts.join('')}</g>`);
  if (attribution) {
    const ay = attributionOnLegendLine ? baseY : baseY - small * 1.8;
    const ax = width - fs * 0.4 - aw;
    out.push(`<g class="map-attribution">${halo(ax, ay - small * 1.1, aw, small * 1.5)}${svgText(ax + small * 0.3, ay, attribution, { size: small, fill: muted })}</g>`);
  }
  return out;
}
