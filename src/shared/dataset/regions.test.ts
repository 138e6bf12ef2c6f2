// placeRegions: a place's own admin1, else the nearest enclosing province; keys by country; labels name the country only when several occur; loops end.
import { describe, expect, it } from 'vitest';
import { placeRegions } from './regions';
import type { Place } from './schema';

function place(id: string, extra: Partial<Place> = {}): Place {
  return { id, name: id, altNames: [], kind: 'other', countries: [], ...extra };
}

describe('placeRegions', () => {
  it('uses admin1, else the nearest province up the parents, else none', () => {
    const places = [
      place('syria', { kind: 'country', countries: ['SY'] }),
      place('dez-province', { kind: 'province', countries: ['SY'], parent: 'syria', name: 'Deir al-Zour province' }),
      place('dez-city', { kind: 'city', countries: ['SY'], parent: 'dez-province' }),
      place('town', { kind: 'town', countries: ['SY'], admin1: 'Deir ez-Zor', parent: 'syria' }),
      place('qaim', { kind: 'town', countries: ['IQ'], admin1: 'Anbar' }),
      place('nowhere', { kind: 'town', countries: ['IQ'] })
    ];
    const { regions, regionOfPlace } = placeRegions(places);
    const regionOf = (id: string) => {
      const r = regionOfPlace[places.findIndex((p) => p.id === id)]!;
      return r < 0 ? undefined : regions[r];
    };
    expect(regionOf('syria')).toBeUndefined();
    expect(regionOf('nowhere')).toBeUndefined();
    expect(regionOf('dez-city')).toEqual({ key: 'place:dez-province', label: 'Deir al-Zour province (Syria)', country: 'SY' });
    expect(regionOf('dez-province')).toBe(regionOf('dez-city'));
    expect(regionOf('town')).toEqual({ key: 'SY|Deir ez-Zor', label: 'Deir ez-Zor (Syria)', country: 'SY' });
    expect(regionOf('qaim')).toEqual({ key: 'IQ|Anbar', label: 'Anbar (Iraq)', country: 'IQ' });
    expect(regions).toHaveLength(3);
  });

  it('the same admin1 in two countries is two regions; one country only: no country in labels', () => {
    const two = placeRegions([place('a', { countries: ['SY'], admin1: 'North' }), place('b', { countries: ['IQ'], admin1: 'North' })]);
    expect(two.regions.map((r) => r.key)).toEqual(['SY|North', 'IQ|North']);
    const one = placeRegions([place('a', { countries: ['SY'], admin1: 'North' }), place('b', { countries: ['SY'], admin1: 'North' })]);
    expect(one.regions).toEqual([{ key: 'SY|North', label: 'North', country: 'SY' }]);
    expect([...one.regionOfPlace]).toEqual([0, 0]);
  });

  it('a loop of parents ends without a region', () => {
    const { regionOfPlace } = placeRegions([place('a', { parent: 'b' }), place('b', { parent: 'a' })]);
    expect([...regionOfPlace]).toEqual([-1, -1]);
  });
});
