// Control layers: a user's own GeoJSON or KML of areas or points, each with a controller and the
// dates it is valid for, checked as hostile input and drawn for the cursor's date. Frontline ships
// none: no openly licensed polygons of control in Syria or Iraq exist.
import { DAY_MS } from '../dataset/dates';
import { decodeText } from '../text/decodeText';
import { LAYER_LIMITS, type ControlLayer, type LayerFeature, type LayerResult } from './controlLayerCheck';
import { readGeoJsonLayer } from './controlLayerGeoJson';
import { readKmlLayer } from './controlLayerKml';

export { LAYER_LIMITS, type ControlLayer, type LayerFeature, type LayerGeometry, type LayerResult } from './controlLayerCheck';

/** Which reader a file goes to: by its name, else by its first character. */
export function layerFormat(file: string, text: string): 'geojson' | 'kml' | 'kmz' | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.kmz')) return 'kmz';
  if (lower.endsWith('.kml')) return 'kml';
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
  const first = text.trimStart().charAt(0);
  return first === '{' ? 'geojson' : first === '<' ? 'kml' : undefined;
}

/**
 * Reads a control layer. `file`: its name as the user knows it (every problem names it); `input`:
 * its bytes (UTF-8 or UTF-16; anything else is refused) or its text.
 */
export function parseControlLayer(file: string, input: Uint8Array | string): LayerResult {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  const refuse = (message: string, line?: number): LayerResult => ({ ok: false, problems: [{ severity: 'error', file, ...(line !== undefined ? { line } : {}), message }] });
  if (size > LAYER_LIMITS.bytes) return refuse(`is ${(size / 1024 / 1024).toFixed(0)} MB; a control layer may be at most ${LAYER_LIMITS.bytes / 1024 / 1024} MB (simplify the shapes)`);
  if (typeof input !== 'string' && input[0] === 0x50 && input[1] === 0x4b) return refuse('is a zip archive (a KMZ?): unzip it and open the .kml inside');
  let text: string;
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else {
    const decoded = decodeText(input, file);
    if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
    text = decoded.text;
  }
  const format = layerFormat(file, text);
  if (format === 'kmz') return refuse('is a KMZ (zipped KML): unzip it and open the .kml inside');
  if (format === 'geojson') return readGeoJsonLayer(file, text);
  if (format === 'kml') return readKmlLayer(file, text);
  return refuse('is neither GeoJSON nor KML: a control layer is a .geojson file (a FeatureCollection) or a .kml file');
}

/** The features valid on the day `day` (UTC ms, any time of that day) falls on. */
export function layerAt(layer: ControlLayer, day: number): LayerFeature[] {
  const t = Math.floor(day / DAY_MS) * DAY_MS;
  return layer.features.filter((f) => f.validFrom <= t && t < f.validTo);
}
