// The map's style asks for nothing from anywhere: no URL in any source, no glyphs, no sprite (the
// app is offline; text is DOM labels, images are drawn in the page). Every fan slot has its offset.
// Overlays: ids checked, replaced in place, removed.
import { describe, expect, it } from 'vitest';
import { FAN_MAX, fanOffset, fanSlot } from './mapFeatures';
import { areaRadiusExpression, fanOffsetExpression, mapStyle, themePaint } from './mapStyle';
import { defaultPaint, MapOverlays } from './overlays.svelte';

describe('map style', () => {
  for (const theme of ['screen', 'projector'] as const) {
    it(`needs no network (${theme}): GeoJSON sources given as data, no glyphs, no sprite, no URL`, () => {
      const style = mapStyle(theme);
      expect(style.glyphs).toBeUndefined();
      expect(style.sprite).toBeUndefined();
      for (const source of Object.values(style.sources)) {
        expect(source.type).toBe('geojson');
        expect(typeof (source as { data: unknown }).data).toBe('object');
      }
      expect(JSON.stringify(style)).not.toMatch(/https?:|wss?:|\/\/|mapbox:|\.pbf|\{z\}/);
      // No text on any layer: it would need glyphs.
      for (const layer of style.layers) expect(JSON.stringify((layer as { layout?: unknown }).layout ?? {})).not.toContain('text-field');
    });
  }

  it('has an offset for every fan slot', () => {
    const expr = fanOffsetExpression() as unknown as unknown[];
    for (let k = 1; k <= FAN_MAX; k++) {
      for (let j = 0; j < k; j++) {
        const at = expr.indexOf(fanSlot(k, j));
        expect(at).toBeGreaterThan(1);
        expect(expr[at + 1]).toEqual(['literal', fanOffset(k, j)]);
      }
    }
  });

  it("doubles an area's radius each zoom level (its size in metres), never under 5 px", () => {
    const expr = areaRadiusExpression() as unknown as unknown[];
    expect(expr.slice(0, 3)).toEqual(['interpolate', ['exponential', 2], ['zoom']]);
    expect(expr[3]).toBe(0);
    expect(expr[4]).toEqual(['max', 5, ['*', ['get', 'r0'], 1]]);
    expect(expr[6]).toEqual(['max', 5, ['*', ['get', 'r0'], 4]]);
  });

  it('changes colours between themes without a new style', () => {
    const screen = new Map(themePaint('screen').map(([l, p, v]) => [`${l}/${p}`, v]));
    const projector = new Map(themePaint('projector').map(([l, p, v]) => [`${l}/${p}`, v]));
    expect([...screen.keys()]).toEqual([...projector.keys()]);
    expect(screen.get('fl-land/fill-color')).not.toBe(projector.get('fl-land/fill-color'));
  });
});

describe('map overlays', () => {
  const fc = { type: 'FeatureCollection' as const, features: [] };
  it('adds, replaces in place and removes overlays; refuses an id that could not name a layer', () => {
    const o = new MapOverlays();
    o.set({ id: 'control-at-date', kind: 'circle', features: fc });
    o.set({ id: 'layer-2', kind: 'fill', features: fc });
    o.set({ id: 'control-at-date', kind: 'circle', features: fc, label: 'again' });
    expect(o.list.map((x) => [x.id, x.label])).toEqual([
      ['control-at-date', 'again'],
      ['layer-2', undefined]
    ]);
    o.remove('control-at-date');
    expect(o.list.map((x) => x.id)).toEqual(['layer-2']);
    expect(() => o.set({ id: 'fl-events"><script>', kind: 'line', features: fc })).toThrow(/letters, digits and dashes/);
  });

  it('paints from each feature’s colour, with a default', () => {
    expect(defaultPaint('fill')['fill-color']).toEqual(['coalesce', ['get', 'colour'], '#6b4fa0']);
    expect(Object.keys(defaultPaint('line'))).toContain('line-width');
  });
});
