// The checks every control layer's features get, whatever the format: controller, validity dates,
// names, positions and rings, the limits, and the layer assembled from its features.
import { parseDateValue, type DatePrecision } from '../dataset/dates';
import { capProblems, type Problem } from '../dataset/problems';
import { cleanText } from '../text/cleanText';

/** Limits that keep a hostile file from exhausting memory or the map. */
export const LAYER_LIMITS = {
  /** Bytes of a layer file; main checks the size before reading it. */
  bytes: 64 * 1024 * 1024,
  features: 50_000,
  /** Longitude/latitude pairs in the whole file. */
  positions: 1_000_000,
  /** Characters of a controller, name or source. */
  text: 500,
  /** Elements of a KML file (its tree is built whole). */
  xmlElements: 1_000_000,
  /** Problems listed before "…and N more". */
  problems: 50
} as const;

export type LayerGeometry =
  | { readonly kind: 'point'; readonly lon: number; readonly lat: number }
  /** Polygons, each a list of rings (the first the outline, the others holes), each ring [lon, lat, lon, lat, …], closed. */
  | { readonly kind: 'area'; readonly polygons: readonly (readonly Float64Array[])[] };

export interface LayerFeature {
  /** Position of the feature in the file (features[i], or the i-th Placemark). */
  readonly index: number;
  readonly controller: string;
  readonly name?: string;
  readonly source?: string;
  /** First instant of validity (UTC ms): the start of the day, month or year written. */
  readonly validFrom: number;
  /** First instant no longer valid: the end of the day, month or year written; Infinity when the file gives no end. */
  readonly validTo: number;
  /** The dates as written, for showing ("2017-10"). */
  readonly validFromText: string;
  readonly validToText?: string;
  readonly geometry: LayerGeometry;
  /** [west, south, east, north]. */
  readonly bbox: readonly [number, number, number, number];
}

export interface ControlLayer {
  readonly file: string;
  readonly format: 'geojson' | 'kml';
  readonly features: readonly LayerFeature[];
  /** Distinct controllers, in the order they first appear. */
  readonly controllers: readonly string[];
  readonly positions: number;
  readonly bbox: readonly [number, number, number, number];
}

export type LayerResult = { ok: true; layer: ControlLayer; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** What a format reader found in one feature, before the common checks. Values are as the file gave them. */
export interface RawFeature {
  readonly index: number;
  /** Field path of the feature, e.g. `features[3]` or `Placemark[3]`. */
  readonly path: string;
  readonly controller: { readonly value: unknown; readonly field: string };
  readonly validFrom: { readonly value: unknown; readonly field: string };
  readonly validTo: { readonly value: unknown; readonly field: string };
  readonly name?: { readonly value: unknown; readonly field: string };
  readonly source?: { readonly value: unknown; readonly field: string };
  /** Undefined when the geometry had problems (already added): the properties are still checked, so every problem is named. */
  readonly geometry: LayerGeometry | undefined;
}

/**
 * Collects a file's problems. `lineOf(field)` says which line a field path is on, where the
 * reader can tell; it is asked only when there is a problem.
 */
export class LayerProblems {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  positions = 0;

  constructor(
    readonly file: string,
    private readonly lineOf: (field: string) => number | undefined = () => undefined
  ) {}

  add(field: string | undefined, message: string, line?: number): void {
    const at = line ?? (field === undefined ? undefined : this.lineOf(field));
    this.problems.push({ severity: 'error', file: this.file, ...(at !== undefined ? { line: at } : {}), ...(field !== undefined ? { field } : {}), message });
  }

  /** Counts `n` more positions; false (with the problem said once) when the file holds more than the limit. */
  take(n: number, field: string): boolean {
    this.positions += n;
    if (this.positions <= LAYER_LIMITS.positions) return true;
    if (this.positions - n <= LAYER_LIMITS.positions) this.add(field, `the file holds more than ${LAYER_LIMITS.positions.toLocaleString('en-GB')} coordinates; Frontline reads at most that many (simplify the shapes)`);
    return false;
  }

  /** The reader should stop: too many problems to list, or the coordinates are over the limit. */
  get full(): boolean {
    return this.problems.length > LAYER_LIMITS.problems || this.positions > LAYER_LIMITS.positions;
  }
}

const DATE_SHAPES: readonly [RegExp, DatePrecision][] = [
  [/^\d{4}-\d{2}-\d{2}$/, 'day'],
  [/^\d{4}-\d{2}$/, 'month'],
  [/^\d{4}$/, 'year']
];

/** Quotes a value from the file for a message, cut short. */
export function quote(value: string): string {
  const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(cut);
}

/** A validity date: YYYY-MM-DD, YYYY-MM or YYYY (a whole year may be a number), as the window it names. */
function parseLayerDate(value: unknown): { ok: true; start: number; end: number; text: string } | { ok: false; message: string } {
  const text = typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9999 ? String(value).padStart(4, '0') : value;
  if (typeof text !== 'string') return { ok: false, message: `must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not ${value === null ? 'null' : typeof value}` };
  const v = text.trim();
  for (const [shape, precision] of DATE_SHAPES) {
    if (!shape.test(v)) continue;
    const parsed = parseDateValue(v, precision);
    if (!parsed.ok) return { ok: false, message: `${quote(v)} is not a date: ${parsed.reason.replace(`"${v}" `, 'it ')}` };
    return { ok: true, start: parsed.window.start, end: parsed.window.end, text: v };
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d/.test(v)) return { ok: false, message: `${quote(v)} is a date and time; write the date alone (YYYY-MM-DD), so no time zone can move it to another day` };
  return { ok: false, message: `${quote(v)} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)` };
}

function layerText(p: LayerProblems, field: { value: unknown; field: string } | undefined, required: boolean): string | undefined {
  if (field === undefined || field.value === undefined || field.value === null) {
    if (required) p.add(field?.field, 'is missing: each feature needs a controller (who holds the area or point)');
    return undefined;
  }
  if (typeof field.value !== 'string') {
    p.add(field.field, `must be text, not ${Array.isArray(field.value) ? 'a list' : typeof field.value}`);
    return undefined;
  }
  if (field.value.length > LAYER_LIMITS.text) {
    p.add(field.field, `is ${field.value.length.toLocaleString('en-GB')} characters long; at most ${LAYER_LIMITS.text} are read`);
    return undefined;
  }
  const cleaned = cleanText(field.value);
  const text = cleaned.text.trim();
  if (cleaned.removed > 0) p.warnings.push({ severity: 'warning', file: p.file, field: field.field, message: `${cleaned.removed} invisible control character${cleaned.removed === 1 ? ' was' : 's were'} removed` });
  if (text === '') {
    if (required) p.add(field.field, 'is empty: each feature needs a controller (who holds the area or point)');
    return undefined;
  }
  return text;
}

function bboxOf(geometry: LayerGeometry): [number, number, number, number] {
  if (geometry.kind === 'point') return [geometry.lon, geometry.lat, geometry.lon, geometry.lat];
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of geometry.polygons) {
    const outline = polygon[0]!;
    for (let i = 0; i < outline.length; i += 2) {
      box[0] = Math.min(box[0], outline[i]!);
      box[1] = Math.min(box[1], outline[i + 1]!);
      box[2] = Math.max(box[2], outline[i]!);
      box[3] = Math.max(box[3], outline[i + 1]!);
    }
  }
  return box;
}

/** The common checks of a feature: controller, dates, names. Undefined when it has problems (they are added). */
export function checkFeature(p: LayerProblems, raw: RawFeature): LayerFeature | undefined {
  const before = p.problems.length;
  const controller = layerText(p, raw.controller, true);
  const name = layerText(p, raw.name, false);
  const source = layerText(p, raw.source, false);
  let from: ReturnType<typeof parseLayerDate> | undefined;
  if (raw.validFrom.value === undefined || raw.validFrom.value === null) p.add(raw.validFrom.field, 'is missing: each feature needs the date it became valid (YYYY-MM-DD, YYYY-MM or YYYY)');
  else {
    from = parseLayerDate(raw.validFrom.value);
    if (!from.ok) p.add(raw.validFrom.field, from.message);
  }
  let to: ReturnType<typeof parseLayerDate> | undefined;
  if (raw.validTo.value !== undefined && raw.validTo.value !== null && raw.validTo.value !== '') {
    to = parseLayerDate(raw.validTo.value);
    if (!to.ok) p.add(raw.validTo.field, to.message);
  }
  if (from?.ok && to?.ok && to.end <= from.start) p.add(raw.validTo.field, `${quote(to.text)} is before validFrom ${quote(from.text)}`);
  if (p.problems.length > before || raw.geometry === undefined || controller === undefined || !from?.ok || (to !== undefined && !to.ok)) return undefined;
  return {
    index: raw.index,
    controller,
    ...(name !== undefined ? { name } : {}),
    ...(source !== undefined ? { source } : {}),
    validFrom: from.start,
    validTo: to?.ok ? to.end : Infinity,
    validFromText: from.text,
    ...(to?.ok ? { validToText: to.text } : {}),
    geometry: raw.geometry,
    bbox: bboxOf(raw.geometry)
  };
}

/** Checks one position; false (with the problem added) when it is not a longitude and latitude. */
export function checkPosition(p: LayerProblems, lon: number, lat: number, field: string): boolean {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
    p.add(field, 'holds a number too large to be a coordinate');
    return false;
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    const swapped = Math.abs(lat) > 90 && Math.abs(lon) <= 90 ? '; longitude and latitude may be swapped (longitude comes first)' : '';
    p.add(field, `[${lon}, ${lat}] is not a longitude from -180 to 180 and a latitude from -90 to 90${swapped}`);
    return false;
  }
  return true;
}

/** Checks a ring given as [lon, lat, …]: at least four positions, the last equal to the first. */
export function checkRing(p: LayerProblems, ring: Float64Array, field: string): boolean {
  const n = ring.length / 2;
  if (n < 4) {
    p.add(field, `a ring needs at least 4 positions (the last repeating the first); this one has ${n}`);
    return false;
  }
  if (ring[0] !== ring[ring.length - 2] || ring[1] !== ring[ring.length - 1]) {
    p.add(field, `the ring is not closed: its last position [${ring[ring.length - 2]}, ${ring[ring.length - 1]}] differs from its first [${ring[0]}, ${ring[1]}]`);
    return false;
  }
  return true;
}

/** The layer from checked features, or the problems. */
export function finishLayer(p: LayerProblems, format: 'geojson' | 'kml', features: LayerFeature[]): LayerResult {
  if (p.problems.length > LAYER_LIMITS.problems) {
    // Reading stopped at the limit, so how many more there are is not known: say it stopped.
    const shown = capProblems(p.problems.slice(0, LAYER_LIMITS.problems), LAYER_LIMITS.problems);
    shown.push({ severity: 'error', file: p.file, message: `…checking stopped after ${LAYER_LIMITS.problems} problems; fix these and open the file again` });
    return { ok: false, problems: shown };
  }
  if (p.problems.length > 0) return { ok: false, problems: capProblems(p.problems, LAYER_LIMITS.problems) };
  if (features.length === 0) return { ok: false, problems: [{ severity: 'error', file: p.file, message: 'holds no features: a control layer needs at least one area or point' }] };
  const controllers: string[] = [];
  const seen = new Set<string>();
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    if (!seen.has(f.controller)) {
      seen.add(f.controller);
      controllers.push(f.controller);
    }
    bbox[0] = Math.min(bbox[0], f.bbox[0]);
    bbox[1] = Math.min(bbox[1], f.bbox[1]);
    bbox[2] = Math.max(bbox[2], f.bbox[2]);
    bbox[3] = Math.max(bbox[3], f.bbox[3]);
  }
  return { ok: true, layer: { file: p.file, format, features, controllers, positions: p.positions, bbox }, warnings: p.warnings };
}

