// KML control layers: Placemarks with a Point, Polygon or MultiGeometry of polygons, a controller
// in ExtendedData, and validity in ExtendedData (validFrom, validTo) or a TimeSpan (begin, end).
// The text is scanned first: no DOCTYPE or entity declarations, bounded depth and element count.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineColumnAt } from '../dataset/problems';
import { MAX_JSON_DEPTH } from '../json/jsonSkeleton';
import { checkFeature, checkPosition, checkRing, finishLayer, LAYER_LIMITS, LayerProblems, quote, type LayerFeature, type LayerGeometry, type LayerResult } from './controlLayerCheck';

/** Elements nested deeper than this are refused before the tree is built (KML needs about 8). */
export const MAX_XML_DEPTH = MAX_JSON_DEPTH;

/** Names the parser would turn into object keys that reach prototypes: refused with their line. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

type XmlScan = { ok: true; placemarkLines: number[] } | { ok: false; message: string; offset: number };

/**
 * One pass over the text: comments, CDATA and processing instructions skipped; any other "<!"
 * (DOCTYPE, ENTITY) refused, so no entity is ever declared, expanded or fetched; nesting and the
 * number of elements bounded; the line of every Placemark noted for problems.
 */
export function scanXml(text: string): XmlScan {
  const placemarkLines: number[] = [];
  let depth = 0;
  let elements = 0;
  let line = 1;
  let i = 0;
  const skipTo = (end: string, from: number): number => {
    const j = text.indexOf(end, from);
    const stop = j < 0 ? text.length : j + end.length;
    for (let k = i; k < stop; k++) if (text.charCodeAt(k) === 10) line++;
    return j < 0 ? -1 : stop;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    for (let k = i; k < lt; k++) if (text.charCodeAt(k) === 10) line++;
    i = lt;
    if (text.startsWith('<!--', i) || text.startsWith('<![CDATA[', i) || text.startsWith('<?', i)) {
      const end = text.startsWith('<!--', i) ? '-->' : text.startsWith('<?', i) ? '?>' : ']]>';
      const at = i;
      i = skipTo(end, i + 2);
      if (i < 0) return { ok: false, message: `is not valid XML: ${end === '-->' ? 'a comment' : end === '?>' ? 'a processing instruction' : 'a CDATA section'} is never closed`, offset: at };
      continue;
    }
    if (text.charCodeAt(i + 1) === 0x21) {
      return { ok: false, message: 'declares a DOCTYPE or entities, which a control layer may not (they can expand to gigabytes or read other files); remove the <!DOCTYPE …> part', offset: i };
    }
    const closing = text.charCodeAt(i + 1) === 0x2f;
    const name = /^[^\s/>]*/.exec(text.slice(i + (closing ? 2 : 1), i + 200))![0];
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    // The tag's end: the next ">" outside quoted attribute values.
    let j = i + 1;
    let q = 0;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (q !== 0) {
        if (c === q) q = 0;
      } else if (c === 0x22 || c === 0x27) q = c;
      else if (c === 0x3e) break;
    }
    if (j >= text.length) return { ok: false, message: `is not valid XML: the tag <${name.slice(0, 40)} is never closed`, offset: i };
    const tag = text.slice(i, j + 1);
    const reserved = RESERVED.has(local.toLowerCase()) ? local : /\s(?:[\w.-]+:)?(__proto__|constructor|prototype)\s*=/i.exec(tag)?.[1];
    if (reserved !== undefined) {
      return { ok: false, message: `uses the name "${reserved.toLowerCase()}" for an element or attribute; KML has none by that name, and Frontline refuses it`, offset: i };
    }
    if (closing) depth--;
    else if (text.charCodeAt(j - 1) !== 0x2f) {
      if (++depth > MAX_XML_DEPTH) return { ok: false, message: `nests elements more than ${MAX_XML_DEPTH} levels deep; Frontline reads at most ${MAX_XML_DEPTH}`, offset: i };
    }
    if (!closing && ++elements > LAYER_LIMITS.xmlElements) {
      return { ok: false, message: `holds more than ${LAYER_LIMITS.xmlElements.toLocaleString('en-GB')} elements; Frontline reads at most that many`, offset: i };
    }
    if (!closing && local === 'Placemark') placemarkLines.push(line);
    for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) line++;
    i = j + 1;
  }
  return { ok: true, placemarkLines };
}

// ---------------------------------------------------------------------------------------------
// The tree, as fast-xml-parser builds it with preserveOrder: each node { name: children, ':@': attributes }.

type XmlNode = Record<string, unknown>;

const CDATA = '#cdata';

function nameOf(node: XmlNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return undefined;
}

function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  const kids = name === undefined ? undefined : node[name];
  return Array.isArray(kids) ? (kids as XmlNode[]) : [];
}

function attribute(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'];
  if (typeof attrs !== 'object' || attrs === null || !Object.hasOwn(attrs, name)) return undefined;
  const v = (attrs as Record<string, unknown>)[name];
  return typeof v === 'string' ? decodeXmlText(v) : undefined;
}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five named entities and character references, decoded once (never expanded further). */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : whole;
  });
}

/** The text inside an element (text and CDATA, in order). */
function textOf(node: XmlNode): string {
  let out = '';
  for (const kid of childrenOf(node)) {
    if (typeof kid['#text'] === 'string') out += decodeXmlText(kid['#text']);
    else if (Array.isArray(kid[CDATA])) for (const c of kid[CDATA] as XmlNode[]) if (typeof c['#text'] === 'string') out += c['#text'];
  }
  return out.trim();
}

const child = (node: XmlNode, name: string) => childrenOf(node).find((k) => nameOf(k) === name);
const childrenNamed = (node: XmlNode, name: string) => childrenOf(node).filter((k) => nameOf(k) === name);

/** Placemarks in document order (the depth is bounded by the scan, so recursion is safe). */
function placemarks(nodes: readonly XmlNode[], out: XmlNode[]): XmlNode[] {
  for (const node of nodes) {
    if (nameOf(node) === 'Placemark') out.push(node);
    else placemarks(childrenOf(node), out);
  }
  return out;
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A <coordinates> text: "lon,lat[,alt]" tuples separated by white space, as [lon, lat, …]. */
function readCoordinates(p: LayerProblems, text: string, field: string, line: number): Float64Array | undefined {
  const tuples = text.replace(/\s*,\s*/g, ',').trim();
  if (tuples === '') {
    p.add(field, 'is empty: write "longitude,latitude" pairs separated by spaces', line);
    return undefined;
  }
  // Count before splitting, so a file of millions of tuples is refused without making them.
  const space = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  let count = 1;
  for (let i = 1; i < tuples.length; i++) if (space(tuples.charCodeAt(i)) && !space(tuples.charCodeAt(i - 1))) count++;
  if (!p.take(count, field)) return undefined;
  const out = new Float64Array(count * 2);
  const list = tuples.split(/[ \t\n\r]+/);
  for (let i = 0; i < list.length; i++) {
    const parts = list[i]!.split(',');
    if (parts.length < 2 || parts.length > 3 || !parts.every((x) => NUMBER.test(x))) {
      p.add(field, `${quote(list[i]!)} is not "longitude,latitude" (an altitude may follow)`, line);
      return undefined;
    }
    const lon = Number(parts[0]);
    const lat = Number(parts[1]);
    if (!checkPosition(p, lon, lat, field)) return undefined;
    out[2 * i] = lon;
    out[2 * i + 1] = lat;
  }
  return out;
}

function readKmlPolygon(p: LayerProblems, node: XmlNode, field: string, line: number): Float64Array[] | undefined {
  const rings: Float64Array[] = [];
  const boundaries = [...childrenNamed(node, 'outerBoundaryIs'), ...childrenNamed(node, 'innerBoundaryIs')];
  if (childrenNamed(node, 'outerBoundaryIs').length !== 1) {
    p.add(`${field}.outerBoundaryIs`, 'a Polygon needs exactly one outerBoundaryIs with a LinearRing', line);
    return undefined;
  }
  for (const b of boundaries) {
    const at = `${field}.${nameOf(b)}.LinearRing.coordinates`;
    const coords = child(child(b, 'LinearRing') ?? {}, 'coordinates');
    if (!coords) {
      p.add(at, 'is missing', line);
      return undefined;
    }
    const ring = readCoordinates(p, textOf(coords), at, line);
    if (!ring || !checkRing(p, ring, at)) return undefined;
    rings.push(ring);
  }
  return rings;
}

const GEOMETRIES = new Set(['Point', 'Polygon', 'MultiGeometry', 'LineString', 'LinearRing', 'Model', 'Track', 'MultiTrack']);

function readKmlGeometry(p: LayerProblems, node: XmlNode, field: string, line: number): LayerGeometry | undefined {
  const name = nameOf(node)!;
  if (name === 'Point') {
    const coords = child(node, 'coordinates');
    const pos = coords ? readCoordinates(p, textOf(coords), `${field}.coordinates`, line) : undefined;
    if (!coords) p.add(`${field}.coordinates`, 'is missing', line);
    if (pos && pos.length !== 2) p.add(`${field}.coordinates`, 'a Point has one "longitude,latitude" pair', line);
    return pos && pos.length === 2 ? { kind: 'point', lon: pos[0]!, lat: pos[1]! } : undefined;
  }
  if (name === 'Polygon') {
    const rings = readKmlPolygon(p, node, field, line);
    return rings ? { kind: 'area', polygons: [rings] } : undefined;
  }
  if (name === 'MultiGeometry') {
    const parts = childrenOf(node).filter((k) => GEOMETRIES.has(nameOf(k) ?? ''));
    const polygons: Float64Array[][] = [];
    for (let i = 0; i < parts.length; i++) {
      const g = readKmlGeometry(p, parts[i]!, `${field}.${nameOf(parts[i]!)}[${i}]`, line);
      if (!g) return undefined;
      if (g.kind !== 'area') {
        p.add(field, 'a MultiGeometry here holds polygons only (put each point in a Placemark of its own)', line);
        return undefined;
      }
      for (const polygon of g.polygons) polygons.push([...polygon]);
    }
    if (polygons.length === 0) p.add(field, 'holds no Polygon', line);
    return polygons.length > 0 ? { kind: 'area', polygons } : undefined;
  }
  p.add(field, `a ${name} is not read: a control layer holds areas (Polygon) and points (Point)`, line);
  return undefined;
}

/** ExtendedData values by name: <Data name="…"><value>…</value></Data> and <SimpleData name="…">…</SimpleData>. */
function extendedData(pm: XmlNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const ed of childrenNamed(pm, 'ExtendedData')) {
    for (const d of childrenNamed(ed, 'Data')) {
      const name = attribute(d, 'name');
      const value = child(d, 'value');
      if (name !== undefined && value && !out.has(name)) out.set(name, textOf(value));
    }
    for (const sd of childrenNamed(ed, 'SchemaData')) {
      for (const s of childrenNamed(sd, 'SimpleData')) {
        const name = attribute(s, 'name');
        if (name !== undefined && !out.has(name)) out.set(name, textOf(s));
      }
    }
  }
  return out;
}

/** A validity date from ExtendedData, else from TimeSpan (or TimeStamp for a single period); both given and different is a problem. */
function validity(p: LayerProblems, pm: XmlNode, data: Map<string, string>, path: string, key: 'validFrom' | 'validTo', line: number): { value: unknown; field: string } {
  const span = child(pm, 'TimeSpan');
  const stamp = child(pm, 'TimeStamp');
  const spanKey = key === 'validFrom' ? 'begin' : 'end';
  const spanNode = span ? child(span, spanKey) : undefined;
  const fromSpan = spanNode ? { value: textOf(spanNode), field: `${path}.TimeSpan.${spanKey}` } : undefined;
  const whenNode = stamp ? child(stamp, 'when') : undefined;
  const fromStamp = whenNode ? { value: textOf(whenNode), field: `${path}.TimeStamp.when` } : undefined;
  const fromData = data.has(key) ? { value: data.get(key), field: `${path}.ExtendedData.${key}` } : undefined;
  if (fromData && fromSpan && fromData.value !== fromSpan.value) {
    p.add(fromData.field, `${quote(String(fromData.value))} disagrees with TimeSpan ${spanKey} ${quote(String(fromSpan.value))}; give the date once`, line);
  }
  return fromData ?? fromSpan ?? fromStamp ?? { value: undefined, field: `${path}.ExtendedData.${key}` };
}

export function readKmlLayer(file: string, text: string): LayerResult {
  const refuse = (message: string, offset: number): LayerResult => {
    const at = lineColumnAt(text, offset);
    return { ok: false, problems: [{ severity: 'error', file, line: at.line, column: at.column, message }] };
  };
  const scan = scanXml(text);
  if (!scan.ok) return refuse(scan.message, scan.offset);
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, problems: [{ severity: 'error', file, line: valid.err.line, column: valid.err.col, message: `is not valid XML: ${valid.err.msg}` }] };
  let tree: XmlNode[];
  try {
    tree = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      removeNSPrefix: true,
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      cdataPropName: CDATA
    }).parse(text) as XmlNode[];
  } catch (err) {
    return refuse(`is not valid XML: ${err instanceof Error ? err.message : String(err)}`, 0);
  }
  const root = tree.find((n) => nameOf(n) === 'kml');
  if (!root) return refuse('is XML but not KML: its top element is not <kml>', 0);
  const found = placemarks(childrenOf(root), []);
  const placemarkLine = (field: string) => {
    const m = /^Placemark\[(\d+)\]/.exec(field);
    return m ? scan.placemarkLines[Number(m[1])] : undefined;
  };
  const p = new LayerProblems(file, placemarkLine);
  if (found.length > LAYER_LIMITS.features) {
    p.add(undefined, `holds ${found.length.toLocaleString('en-GB')} Placemarks; a control layer may hold at most ${LAYER_LIMITS.features.toLocaleString('en-GB')}`);
    return finishLayer(p, 'kml', []);
  }
  const out: LayerFeature[] = [];
  for (let i = 0; i < found.length && !p.full; i++) {
    const pm = found[i]!;
    const path = `Placemark[${i}]`;
    const line = scan.placemarkLines[i] ?? 1;
    const data = extendedData(pm);
    const geometries = childrenOf(pm).filter((k) => GEOMETRIES.has(nameOf(k) ?? ''));
    let geometry: LayerGeometry | undefined;
    if (geometries.length !== 1) p.add(path, geometries.length === 0 ? 'has no Point or Polygon' : 'has more than one geometry; put them in one MultiGeometry', line);
    else geometry = readKmlGeometry(p, geometries[0]!, `${path}.${nameOf(geometries[0]!)}`, line);
    const nameNode = child(pm, 'name');
    const feature = checkFeature(p, {
      index: i,
      path,
      controller: { value: data.get('controller'), field: `${path}.ExtendedData.controller` },
      validFrom: validity(p, pm, data, path, 'validFrom', line),
      validTo: validity(p, pm, data, path, 'validTo', line),
      ...(nameNode ? { name: { value: textOf(nameNode), field: `${path}.name` } } : {}),
      ...(data.has('source') ? { source: { value: data.get('source'), field: `${path}.ExtendedData.source` } } : {}),
      geometry
    });
    if (feature) out.push(feature);
  }
  return finishLayer(p, 'kml', out);
}
