// Control layers: the invented GeoJSON and KML fixtures read into the same features and drawn by
// date; broken files refused with every problem named by file, line, feature and field; hostile
// files (deep nesting, 10 million coordinates, huge strings, non-finite numbers, __proto__ keys,
// DOCTYPE and entities, too many elements) refused before they can hurt. Large ones are made here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { utcDay } from '../dataset/dates';
import { formatProblem, type Problem } from '../dataset/problems';
import { LAYER_LIMITS, layerAt, parseControlLayer, type ControlLayer, type LayerResult } from './controlLayer';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/map/${name}`, import.meta.url));

function ok(r: LayerResult): ControlLayer {
  if (!r.ok) throw new Error(`expected a layer, got:\n${r.problems.map(formatProblem).join('\n')}`);
  return r.layer;
}
function problems(r: LayerResult): Problem[] {
  if (r.ok) throw new Error('expected the file to be refused');
  return r.problems;
}
const lines = (r: LayerResult) => problems(r).map(formatProblem);

/** A FeatureCollection of the given features' JSON. */
const collection = (...features: string[]) => `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
const feature = (props: string, geometry = '{"type":"Point","coordinates":[40,35]}') => `{"type":"Feature","properties":${props},"geometry":${geometry}}`;
const plain = (extra = '') => `{"controller":"Blue Side","validFrom":"2017"${extra}}`;

describe('reading the invented fixtures', () => {
  const geo = ok(parseControlLayer('invented-control.geojson', fixture('invented-control.geojson')));
  const kml = ok(parseControlLayer('invented-control.kml', fixture('invented-control.kml')));

  it('reads every feature of the GeoJSON: areas, a multi-area, a hole, a point', () => {
    expect(geo.format).toBe('geojson');
    expect(geo.features.map((f) => [f.controller, f.geometry.kind])).toEqual([
      ['Blue Side', 'area'],
      ['Red Side', 'area'],
      ['Blue Side', 'area'],
      ['Green Side', 'point']
    ]);
    expect(geo.controllers).toEqual(['Blue Side', 'Red Side', 'Green Side']);
    expect(geo.positions).toBe(26);
    expect(geo.bbox).toEqual([38, 33, 43, 36]);
    const hole = geo.features[2]!.geometry;
    expect(hole.kind === 'area' && hole.polygons[0]!.length).toBe(2);
    expect(geo.features[0]!.name).toBe('Square A (invented)');
    expect(geo.features[0]!.source).toBe('invented for tests');
  });

  it('validity is the whole day, month or year written: validTo is inclusive; no validTo is open', () => {
    const a = geo.features[0]!;
    expect(a.validFrom).toBe(utcDay(2017, 1, 1));
    expect(a.validTo).toBe(utcDay(2017, 7, 1));
    expect(a.validFromText).toBe('2017-01');
    expect(a.validToText).toBe('2017-06');
    expect(geo.features[1]!.validTo).toBe(Infinity);
    // A year written as a number is a year.
    expect(geo.features[2]!.validFrom).toBe(utcDay(2016, 1, 1));
    expect(geo.features[2]!.validTo).toBe(utcDay(2017, 1, 1));
  });

  it('the KML fixture reads into the same features (ExtendedData, SchemaData, TimeSpan, CDATA, Folder, MultiGeometry)', () => {
    expect(kml.format).toBe('kml');
    const strip = (l: ControlLayer) => l.features.map((f) => ({ ...f, name: undefined, source: undefined, validFromText: undefined, validToText: undefined }));
    expect(strip(kml)).toEqual(strip(geo));
    expect(kml.features[0]!.name).toBe('Square A (invented) & its side');
  });

  it('layerAt gives the features valid on the day', () => {
    const at = (l: ControlLayer, y: number, m: number, d: number) => layerAt(l, utcDay(y, m, d)).map((f) => f.index);
    expect(at(geo, 2015, 12, 31)).toEqual([]);
    expect(at(geo, 2016, 12, 31)).toEqual([2]);
    expect(at(geo, 2017, 3, 31)).toEqual([0, 3]);
    expect(at(geo, 2017, 4, 1)).toEqual([0]);
    expect(at(geo, 2017, 6, 15)).toEqual([0, 1]);
    expect(at(geo, 2017, 6, 30)).toEqual([0, 1]);
    expect(at(geo, 2017, 7, 1)).toEqual([1]);
    expect(at(geo, 2030, 1, 1)).toEqual([1]);
    // Any time of the day is that day.
    expect(layerAt(geo, utcDay(2017, 3, 31) + 86_399_999).map((f) => f.index)).toEqual([0, 3]);
    expect(at(kml, 2017, 6, 15)).toEqual([0, 1]);
  });
});

describe('broken files are refused with every problem named', () => {
  it('GeoJSON: file, line, feature index and field for each problem', () => {
    expect(lines(parseControlLayer('broken-control.geojson', fixture('broken-control.geojson')))).toEqual([
      'broken-control.geojson:13: error: features[1].geometry.coordinates[0]: the ring is not closed: its last position [40, 36] differs from its first [40, 35]',
      'broken-control.geojson:18: error: features[2].geometry.coordinates: [35, 140] is not a longitude from -180 to 180 and a latitude from -90 to 90; longitude and latitude may be swapped (longitude comes first)',
      'broken-control.geojson:24: error: features[3].properties.validFrom: "2017-13" is not a date: it has no month 13',
      'broken-control.geojson:28: error: features[4].properties.controller: is missing: each feature needs a controller (who holds the area or point)',
      'broken-control.geojson:36: error: features[5].geometry.type: "LineString" is not read: a control layer holds areas (Polygon, MultiPolygon) and points (Point)',
      'broken-control.geojson:40: error: features[6].properties.validTo: "2017-02" is before validFrom "2017-05"'
    ]);
  });

  it('KML: the Placemark, its line and the field', () => {
    expect(lines(parseControlLayer('broken-control.kml', fixture('broken-control.kml')))).toEqual([
      'broken-control.kml:5: error: Placemark[0].ExtendedData.controller: is missing: each feature needs a controller (who holds the area or point)',
      'broken-control.kml:10: error: Placemark[1].Polygon.outerBoundaryIs.LinearRing.coordinates: "41;35" is not "longitude,latitude" (an altitude may follow)',
      'broken-control.kml:16: error: Placemark[2].LineString: a LineString is not read: a control layer holds areas (Polygon) and points (Point)',
      'broken-control.kml:16: error: Placemark[2].TimeSpan.begin: "2017-01-01T10:00:00Z" is a date and time; write the date alone (YYYY-MM-DD), so no time zone can move it to another day'
    ]);
  });

  it.each([
    ['2017-02-30', '"2017-02-30" is not a date: it does not exist: month 02 of 2017 has 28 days'],
    ['17-01', '"17-01" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)'],
    ['0000', '"0000" is not a date: year 0 is outside the supported range 1–9999 (BCE dates are not supported)'],
    ['44 BC', '"44 BC" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)']
  ])('validFrom %j: %s', (value, message) => {
    expect(problems(parseControlLayer('c.geojson', collection(feature(`{"controller":"x","validFrom":${JSON.stringify(value)}}`))))[0]!.message).toBe(message);
  });

  it.each([
    ['{"type":"Feature","properties":{},"geometry":null}', 'must hold a GeoJSON FeatureCollection', false],
    ['[1,2]', 'must hold a GeoJSON FeatureCollection (an object), not a list', true],
    ['{"type":"Feature"}', 'is a single Feature', true],
    ['{"type":"FeatureCollection","features":[]}', 'holds no features', true],
    ['{"type":"FeatureCollection","features":{}}', 'must be a list of features, not an object', true],
    ['{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[]}', 'longitude and latitude in WGS 84', true],
    ['{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"controller":"x","validFrom":"2017"},"geometry":{"type":"Point","coordinates":[40,35]}},]}', 'is not valid JSON: expected a value', true]
  ])('%s', (text, message, exact) => {
    const msgs = problems(parseControlLayer('c.geojson', text)).map((p) => p.message);
    if (exact) expect(msgs.some((m) => m.includes(message))).toBe(true);
    else expect(msgs.join('\n')).not.toBe('');
  });

  it('a syntax error names its line and column', () => {
    const p = problems(parseControlLayer('c.geojson', '{\n  "type": "FeatureCollection",\n  "features": [,]\n}'))[0]!;
    expect([p.line, p.column]).toEqual([3, 16]);
  });

  it('a reading that meets more problems than it lists says it stopped', () => {
    const bad = Array.from({ length: 500 }, () => feature('{"validFrom":"2017"}')).join(',');
    const ps = problems(parseControlLayer('c.geojson', collection(bad)));
    expect(ps).toHaveLength(LAYER_LIMITS.problems + 1);
    expect(ps.at(-1)!.message).toBe(`…checking stopped after ${LAYER_LIMITS.problems} problems; fix these and open the file again`);
  });

  it('KML that is not well formed, or not KML', () => {
    const broken = problems(parseControlLayer('c.kml', '<kml>\n<Document>\n<Placemark></Document>\n</kml>'))[0]!;
    expect(broken.message).toMatch(/^is not valid XML: /);
    expect(broken.line).toBe(3);
    expect(problems(parseControlLayer('c.kml', '<svg></svg>'))[0]!.message).toBe('is XML but not KML: its top element is not <kml>');
    expect(problems(parseControlLayer('c.kml', '<kml><Document/></kml>'))[0]!.message).toBe('holds no features: a control layer needs at least one area or point');
    expect(problems(parseControlLayer('c.kml', '<kml><Placemark><name>x</name></Placemark></kml>')).map((p) => p.message)).toContain('has no Point or Polygon');
  });

  it('KMZ, zip archives and other files are refused by name', () => {
    expect(problems(parseControlLayer('c.kmz', '<kml/>'))[0]!.message).toMatch(/KMZ/);
    expect(problems(parseControlLayer('c.bin', new Uint8Array([0x50, 0x4b, 3, 4, 0])))[0]!.message).toMatch(/zip archive/);
    expect(problems(parseControlLayer('c.txt', 'controller,validFrom'))[0]!.message).toMatch(/neither GeoJSON nor KML/);
  });
});

describe('hostile files', () => {
  it('deep nesting is refused before parsing (10,000 levels)', () => {
    const deep = `{"type":"FeatureCollection","features":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}`;
    const p = problems(parseControlLayer('deep.geojson', deep))[0]!;
    expect(p.message).toMatch(/nested more than 64 levels deep/);
    expect(p.line).toBe(1);
    const xml = `<kml>${'<Folder>'.repeat(10_000)}${'</Folder>'.repeat(10_000)}</kml>`;
    expect(problems(parseControlLayer('deep.kml', xml))[0]!.message).toBe('nests elements more than 64 levels deep; Frontline reads at most 64');
  });

  it('10 million coordinates are refused before anything is built, in bounded time', () => {
    const head = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"controller":"x","validFrom":"2017"},"geometry":{"type":"Polygon","coordinates":[[';
    const text = `${head}${'[0,0],'.repeat(10_000_000 - 1)}[0,0]]]}}]}`;
    expect(text.length).toBeLessThan(LAYER_LIMITS.bytes);
    const t = performance.now();
    expect(problems(parseControlLayer('huge.geojson', text))[0]!.message).toMatch(/^holds 10,000,00\d lists, so more coordinates than Frontline reads \(at most 1,000,000\)/);
    expect(performance.now() - t).toBeLessThan(20_000);
  });

  it('just over the coordinate limit is refused with the count; at the limit is read', () => {
    const ring = (n: number) => `[[${'[0,0],'.repeat(n - 1)}[0,0]]]`;
    const over = collection(feature(plain(), `{"type":"Polygon","coordinates":${ring(LAYER_LIMITS.positions + 1)}}`));
    expect(problems(parseControlLayer('over.geojson', over))[0]!.message).toBe('the file holds more than 1,000,000 coordinates; Frontline reads at most that many (simplify the shapes)');
    const at = collection(feature(plain(), `{"type":"Polygon","coordinates":${ring(LAYER_LIMITS.positions)}}`));
    expect(ok(parseControlLayer('at.geojson', at)).positions).toBe(LAYER_LIMITS.positions);
    const kml = `<kml><Placemark><ExtendedData><Data name="controller"><value>x</value></Data></ExtendedData><TimeSpan><begin>2017</begin></TimeSpan><Polygon><outerBoundaryIs><LinearRing><coordinates>${'0,0 '.repeat(LAYER_LIMITS.positions + 1)}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`;
    expect(problems(parseControlLayer('over.kml', kml))[0]!.message).toBe('the file holds more than 1,000,000 coordinates; Frontline reads at most that many (simplify the shapes)');
  });

  it('a file over the size limit is refused before it is decoded', () => {
    const big = new Uint8Array(LAYER_LIMITS.bytes + 1);
    expect(problems(parseControlLayer('big.geojson', big))[0]!.message).toBe('is 64 MB; a control layer may be at most 64 MB (simplify the shapes)');
  });

  it('too many features are refused', () => {
    const many = collection(Array.from({ length: LAYER_LIMITS.features + 1 }, () => feature(plain())).join(','));
    expect(problems(parseControlLayer('many.geojson', many))[0]!.message).toBe('holds 50,001 features; a control layer may hold at most 50,000');
    const xml = `<kml>${'<Placemark/>'.repeat(LAYER_LIMITS.features + 1)}</kml>`;
    expect(problems(parseControlLayer('many.kml', xml))[0]!.message).toBe('holds 50,001 Placemarks; a control layer may hold at most 50,000');
  });

  it('a KML of more than a million elements is refused by the scan', () => {
    const xml = `<kml>${'<a/>'.repeat(LAYER_LIMITS.xmlElements)}</kml>`;
    expect(problems(parseControlLayer('elements.kml', xml))[0]!.message).toBe('holds more than 1,000,000 elements; Frontline reads at most that many');
  });

  it('huge strings are refused by length, not shown', () => {
    const long = 'x'.repeat(1_000_000);
    const p = problems(parseControlLayer('long.geojson', collection(feature(`{"controller":"${long}","validFrom":"2017"}`))))[0]!;
    expect(p.message).toBe('is 1,000,000 characters long; at most 500 are read');
    expect(p.field).toBe('features[0].properties.controller');
    const q = problems(parseControlLayer('long.geojson', collection(feature(`{"controller":"x","validFrom":"${long}"}`))))[0]!;
    expect(q.message.length).toBeLessThan(200);
  });

  it('numbers too large to be finite, and non-numbers, are refused as coordinates', () => {
    expect(problems(parseControlLayer('inf.geojson', collection(feature(plain(), '{"type":"Point","coordinates":[1e400,35]}'))))[0]!.message).toBe('holds a number too large to be a coordinate');
    expect(problems(parseControlLayer('s.geojson', collection(feature(plain(), '{"type":"Point","coordinates":["40","35"]}'))))[0]!.message).toBe('a position holds numbers, not the text "40"');
    expect(problems(parseControlLayer('inf.kml', '<kml><Placemark><ExtendedData><Data name="controller"><value>x</value></Data><Data name="validFrom"><value>2017</value></Data></ExtendedData><Point><coordinates>1e400,35</coordinates></Point></Placemark></kml>'))[0]!.message).toBe('holds a number too large to be a coordinate');
    expect(problems(parseControlLayer('hex.kml', '<kml><Placemark><ExtendedData><Data name="controller"><value>x</value></Data><Data name="validFrom"><value>2017</value></Data></ExtendedData><Point><coordinates>0x10,35</coordinates></Point></Placemark></kml>'))[0]!.message).toBe('"0x10,35" is not "longitude,latitude" (an altitude may follow)');
  });

  it('rings with too few positions, unclosed rings and empty polygons are refused', () => {
    const poly = (c: string) => problems(parseControlLayer('r.geojson', collection(feature(plain(), `{"type":"Polygon","coordinates":${c}}`))))[0]!.message;
    expect(poly('[[[0,0],[1,0],[0,0]]]')).toBe('a ring needs at least 4 positions (the last repeating the first); this one has 3');
    expect(poly('[[[0,0],[1,0],[1,1],[0,1]]]')).toMatch(/^the ring is not closed/);
    expect(poly('[]')).toMatch(/^a polygon is a list of rings/);
  });

  it('"__proto__" keys are data: nothing is polluted and the controller they hide is missing', () => {
    const text = collection(feature('{"__proto__":{"controller":"Hidden","validFrom":"2017"},"validFrom":"2017"}'), `{"__proto__":{"type":"Feature"},"type":"Feature","properties":${plain()},"geometry":{"type":"Point","coordinates":[40,35],"__proto__":{"polluted":true}}}`);
    const ps = problems(parseControlLayer('proto.geojson', text));
    expect(ps.map((p) => `${p.field}: ${p.message}`)).toEqual(['features[0].properties.controller: is missing: each feature needs a controller (who holds the area or point)']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['controller']).toBeUndefined();
  });

  it('KML: a DOCTYPE with entities (billion laughs, an external file) is refused before parsing', () => {
    const p = problems(parseControlLayer('entities.kml', fixture('entities.kml')))[0]!;
    expect(formatProblem(p)).toBe('entities.kml:3:1: error: declares a DOCTYPE or entities, which a control layer may not (they can expand to gigabytes or read other files); remove the <!DOCTYPE …> part');
  });

  it('KML: entities are never expanded beyond the five of XML and character references', () => {
    const layer = ok(parseControlLayer('e.kml', '<kml><Placemark><name>&lt;b&gt; &amp;amp; &#x41;&#66; &nbsp; &#0;</name><ExtendedData><Data name="controller"><value>x</value></Data><Data name="validFrom"><value>2017</value></Data></ExtendedData><Point><coordinates>40,35</coordinates></Point></Placemark></kml>'));
    // &amp;amp; decodes once, to "&amp;"; an unknown entity and a NUL reference stay as written.
    expect(layer.features[0]!.name).toBe('<b> &amp; AB &nbsp; &#0;');
  });

  it('KML: element and attribute names that reach prototypes are refused with their line', () => {
    for (const [xml, name] of [
      ['<kml>\n<__proto__><polluted>1</polluted></__proto__></kml>', '__proto__'],
      ['<kml>\n<Placemark constructor="x"/></kml>', 'constructor'],
      ['<kml>\n<kml:prototype/></kml>', 'prototype']
    ] as const) {
      const p = problems(parseControlLayer('proto.kml', xml))[0]!;
      expect(p.message).toBe(`uses the name "${name}" for an element or attribute; KML has none by that name, and Frontline refuses it`);
      expect(p.line).toBe(2);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('invalid UTF-8 is refused; UTF-16 with a byte-order mark is read', () => {
    const bad = new Uint8Array([...new TextEncoder().encode('{"type":"FeatureCollection","features":['), 0xff, 0xfe, 0x41, ...new TextEncoder().encode(']}')]);
    expect(problems(parseControlLayer('bad.geojson', bad))[0]!.message).toMatch(/not valid UTF-8/);
    const text = readFileSync(new URL('../../../tests/fixtures/map/invented-control.geojson', import.meta.url), 'utf8');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(ok(parseControlLayer('utf16.geojson', utf16)).features).toHaveLength(4);
  });

  it('invisible control characters are removed from names, with a warning', () => {
    const r = parseControlLayer('bidi.geojson', collection(feature('{"controller":"Blue\\u202e Side","validFrom":"2017"}')));
    if (!r.ok) throw new Error('refused');
    expect(r.layer.features[0]!.controller).toBe('Blue Side');
    expect(r.warnings.map((w) => `${w.field}: ${w.message}`)).toEqual(['features[0].properties.controller: 1 invisible control character was removed']);
  });
});
