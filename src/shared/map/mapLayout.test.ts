// The map view's layout: sizes kept within the limits, 'auto' placement from the split's shape,
// and a layout read from a settings file made whole, whatever the file holds.
import { describe, expect, it } from 'vitest';
import { clampMapSize, DEFAULT_MAP_LAYOUT, MAP_SIZE_MAX, MAP_SIZE_MIN, normalizeMapLayout, resolvePlacement } from './mapLayout';

describe('map layout', () => {
  it('keeps the size between the limits, rounded; not a number is the default', () => {
    expect(clampMapSize(0.05)).toBe(MAP_SIZE_MIN);
    expect(clampMapSize(0.99)).toBe(MAP_SIZE_MAX);
    expect(clampMapSize(0.33333)).toBe(0.333);
    expect(clampMapSize(Number.NaN)).toBe(DEFAULT_MAP_LAYOUT.size);
    expect(clampMapSize(Number.POSITIVE_INFINITY)).toBe(DEFAULT_MAP_LAYOUT.size);
  });

  it('puts the map beside a wide split and below a narrow or tall one, unless chosen', () => {
    expect(resolvePlacement('auto', 1280, 560)).toBe('beside');
    expect(resolvePlacement('auto', 1920, 900)).toBe('beside');
    expect(resolvePlacement('auto', 800, 560)).toBe('below');
    expect(resolvePlacement('auto', 1000, 1000)).toBe('below');
    expect(resolvePlacement('below', 1920, 900)).toBe('below');
    expect(resolvePlacement('beside', 600, 900)).toBe('beside');
  });

  it('makes a layout read from anywhere whole: broken parts are the defaults, the rest is kept', () => {
    expect(normalizeMapLayout(undefined)).toEqual(DEFAULT_MAP_LAYOUT);
    expect(normalizeMapLayout('open')).toEqual(DEFAULT_MAP_LAYOUT);
    expect(normalizeMapLayout({ open: true, placement: 'below', size: 0.3 })).toEqual({ open: true, placement: 'below', size: 0.3 });
    expect(normalizeMapLayout({ open: 'yes', placement: 'above', size: 7, __proto__: { open: true } })).toEqual({ ...DEFAULT_MAP_LAYOUT, size: MAP_SIZE_MAX });
    expect(normalizeMapLayout(JSON.parse('{"__proto__": {"open": true}, "size": "0.3"}'))).toEqual(DEFAULT_MAP_LAYOUT);
  });
});
