// GeoJSON control layers: a FeatureCollection of Point, Polygon and MultiPolygon features whose
// properties give controller, validFrom and validTo. Nesting and size are bounded before parsing.
import { findNodeAtLocation, parse as parseJsonc, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { lineColumnAt } from '../dataset/problems';
import { jsonErrorText } from '../json/jsonErrorText';
import { depthMessage, jsonDepthOffset, lineColumnOfByte, lineStarts, topLevelMembers } from '../json/jsonSkeleton';
import { checkFeature, checkPosition, checkRing, finishLayer, LAYER_LIMITS, LayerProblems, quote, type LayerFeature, type LayerGeometry, type LayerResult } from './controlLayerCheck';

type Json = unknown;

/** Member `key` of a plain object, if it is its own (a "__proto__" key in the file is only ever data). */
function own(value: Json, key: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, Json>)[key] : undefined;
}

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOf(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? `the text ${quote(v)}` : `the ${typeof v} ${String(v)}`;
}

/** "[" outside strings: every position is one, so this bounds the coordinates before anything is built. */
function countLists(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b) n++;
  }
  return n;
}


/** Line of a field path (`features[3].properties.validFrom`): the feature's own line, then the field's within it where the feature is small. */
function fieldLines(text: string): (field: string) => number | undefined {
  let features: { start: number; end: number }[] | undefined;
  let bytes: Uint8Array | undefined;
  let starts: Uint32Array | undefined;
  return (field) => {
    const m = /^features\[(\d+)\](.*)$/.exec(field);
    if (!m) return undefined;
    if (!features) {
      features = [];
      bytes = new TextEncoder().encode(text);
      starts = lineStarts(bytes);
      const found = features;
      try {
        topLevelMembers(bytes, { key: 'features', each: (start, end) => void found.push({ start, end }) });
      } catch {
        // Parsed already, so well formed; a scan that still fails just gives no lines.
      }
    }
    const f = features[Number(m[1])];
    if (!f || !bytes || !starts) return undefined;
    const line = lineColumnOfByte(bytes, starts, f.start).line;
    const rest = m[2]!;
    if (rest === '' || f.end - f.start > 256 * 1024) return line;
    const slice = new TextDecoder().decode(bytes.subarray(f.start, f.end));
    const path = [...rest.matchAll(/\.([^.[]+)|\[(\d+)\]/g)].map((s) => (s[2] !== undefined ? Number(s[2]) : s[1]!));
    const node = findNodeAtLocation(parseTree(slice) ?? { type: 'null', offset: 0, length: 0 }, path);
    return node ? line + lineColumnAt(slice, node.offset).line - 1 : line;
  };
}

function readPosition(p: LayerProblems, value: Json, field: string): [number, number] | undefined {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    p.add(field, `a position is [longitude, latitude] (an altitude may follow), not ${kindOf(value)}`);
    return undefined;
  }
  const [lon, lat] = value as Json[];
  if (typeof lon !== 'number' || typeof lat !== 'number') {
    p.add(field, `a position holds numbers, not ${kindOf(typeof lon !== 'number' ? lon : lat)}`);
    return undefined;
  }
  return checkPosition(p, lon, lat, field) ? [lon, lat] : undefined;
}

/** A ring as [lon, lat, …]; at most one problem per ring, so a broken shape does not flood the list. */
function readRing(p: LayerProblems, value: Json, field: string): Float64Array | undefined {
  if (!Array.isArray(value)) {
    p.add(field, `a ring is a list of positions, not ${kindOf(value)}`);
    return undefined;
  }
  if (!p.take(value.length, field)) return undefined;
  const ring = new Float64Array(value.length * 2);
  for (let i = 0; i < value.length; i++) {
    const pos = readPosition(p, value[i], `${field}[${i}]`);
    if (!pos) return undefined;
    ring[2 * i] = pos[0];
    ring[2 * i + 1] = pos[1];
  }
  return checkRing(p, ring, field) ? ring : undefined;
}

function readPolygon(p: LayerProblems, value: Json, field: string): Float64Array[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    p.add(field, `a polygon is a list of rings (an outline, then any holes), not ${Array.isArray(value) ? 'an empty list' : kindOf(value)}`);
    return undefined;
  }
  const rings: Float64Array[] = [];
  for (let i = 0; i < value.length; i++) {
    const ring = readRing(p, value[i], `${field}[${i}]`);
    if (!ring) return undefined;
    rings.push(ring);
  }
  return rings;
}

function readGeometry(p: LayerProblems, g: Json, field: string): LayerGeometry | undefined {
  if (!isObject(g)) {
    p.add(field, g === null || g === undefined ? 'is missing: a feature needs an area (Polygon, MultiPolygon) or a Point' : `must be a geometry object, not ${kindOf(g)}`);
    return undefined;
  }
  const type = own(g, 'type');
  const coords = own(g, 'coordinates');
  const at = `${field}.coordinates`;
  if (type === 'Point') {
    const pos = p.take(1, at) ? readPosition(p, coords, at) : undefined;
    return pos ? { kind: 'point', lon: pos[0], lat: pos[1] } : undefined;
  }
  if (type === 'Polygon') {
    const rings = readPolygon(p, coords, at);
    return rings ? { kind: 'area', polygons: [rings] } : undefined;
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coords) || coords.length === 0) {
      p.add(at, `a MultiPolygon's coordinates are a list of polygons, not ${Array.isArray(coords) ? 'an empty list' : kindOf(coords)}`);
      return undefined;
    }
    const polygons: Float64Array[][] = [];
    for (let i = 0; i < coords.length; i++) {
      const rings = readPolygon(p, coords[i], `${at}[${i}]`);
      if (!rings) return undefined;
      polygons.push(rings);
    }
    return { kind: 'area', polygons };
  }
  p.add(`${field}.type`, typeof type === 'string' ? `${quote(type)} is not read: a control layer holds areas (Polygon, MultiPolygon) and points (Point)` : 'is missing: say Point, Polygon or MultiPolygon');
  return undefined;
}

const WGS84 = new Set(['urn:ogc:def:crs:OGC:1.3:CRS84', 'urn:ogc:def:crs:OGC::CRS84', 'EPSG:4326', 'urn:ogc:def:crs:EPSG::4326']);

/** The root's problems (not a FeatureCollection, coordinates not in WGS 84), or its features. */
function rootFeatures(p: LayerProblems, root: Json): Json[] | undefined {
  if (!isObject(root)) {
    p.add(undefined, `must hold a GeoJSON FeatureCollection (an object), not ${kindOf(root)}`, 1);
    return undefined;
  }
  const type = own(root, 'type');
  if (type !== 'FeatureCollection') {
    p.add('type', type === 'Feature' ? 'is a single Feature: put it in a FeatureCollection\'s "features" list' : `must be "FeatureCollection", not ${kindOf(type)}`);
    return undefined;
  }
  const crsName = own(own(own(root, 'crs'), 'properties'), 'name');
  if (own(root, 'crs') !== undefined && !(typeof crsName === 'string' && WGS84.has(crsName))) {
    p.add('crs', `coordinates must be longitude and latitude in WGS 84 (as GeoJSON has them); this file names ${typeof crsName === 'string' ? quote(crsName) : 'another system'}`);
    return undefined;
  }
  const features = own(root, 'features');
  if (!Array.isArray(features)) {
    p.add('features', `must be a list of features, not ${kindOf(features)}`);
    return undefined;
  }
  if (features.length > LAYER_LIMITS.features) {
    p.add('features', `holds ${features.length.toLocaleString('en-GB')} features; a control layer may hold at most ${LAYER_LIMITS.features.toLocaleString('en-GB')}`);
    return undefined;
  }
  return features;
}

export function readGeoJsonLayer(file: string, text: string): LayerResult {
  const refuse = (message: string, offset?: number): LayerResult => {
    const at = offset === undefined ? undefined : lineColumnAt(text, offset);
    return { ok: false, problems: [{ severity: 'error', file, ...(at ? { line: at.line, column: at.column } : {}), message }] };
  };
  const deep = jsonDepthOffset(text);
  if (deep >= 0) return refuse(depthMessage(), deep);
  const lists = countLists(text);
  if (lists > LAYER_LIMITS.positions * 1.5) {
    return refuse(`holds ${lists.toLocaleString('en-GB')} lists, so more coordinates than Frontline reads (at most ${LAYER_LIMITS.positions.toLocaleString('en-GB')}); simplify the shapes`);
  }
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch {
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const code = errors[0] ? printParseErrorCode(errors[0].error) : '';
    return refuse(`is not valid JSON: ${code ? jsonErrorText(code) : 'unreadable'}`, errors[0]?.offset);
  }
  const p = new LayerProblems(file, fieldLines(text));
  const features = rootFeatures(p, root);
  const out: LayerFeature[] = [];
  for (let i = 0; features && i < features.length && !p.full; i++) {
    const f = features[i];
    const path = `features[${i}]`;
    if (!isObject(f) || own(f, 'type') !== 'Feature') {
      p.add(isObject(f) ? `${path}.type` : path, isObject(f) ? `must be "Feature", not ${kindOf(own(f, 'type'))}` : `must be a Feature object, not ${kindOf(f)}`);
      continue;
    }
    const props = own(f, 'properties');
    if (!isObject(props)) p.add(`${path}.properties`, `must be an object with controller, validFrom and validTo, not ${kindOf(props)}`);
    const geometry = readGeometry(p, own(f, 'geometry'), `${path}.geometry`);
    if (!isObject(props)) continue;
    const field = (key: string) => ({ value: own(props, key), field: `${path}.properties.${key}` });
    const feature = checkFeature(p, {
      index: i,
      path,
      controller: field('controller'),
      validFrom: field('validFrom'),
      validTo: field('validTo'),
      name: field('name'),
      source: field('source'),
      geometry
    });
    if (feature) out.push(feature);
  }
  return finishLayer(p, 'geojson', out);
}
