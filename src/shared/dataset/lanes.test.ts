// lanes: countries inherited from parent places (cycles included), theatre lane keys with and without declared theatres, and the order and labels of theatre lanes.
import { describe, expect, it } from 'vitest';
import { ELSEWHERE_LANE, eventCountries, orderTheatreLanes, placeCountries, theatreKey } from './lanes';
import type { DatasetMetadata, Place } from './schema';

function place(id: string, countries: string[] = [], parent?: string): Place {
  return { id, name: id, altNames: [], kind: 'other', countries, ...(parent ? { parent } : {}) };
}

const placesOf = (...list: Place[]): ReadonlyMap<string, Place> => new Map(list.map((p) => [p.id, p]));

function metadata(theatres: { country: string; label: string }[] = []): DatasetMetadata {
  return { title: 'Test', theatres };
}

const SYRIA_IRAQ = metadata([
  { country: 'SY', label: 'Syria' },
  { country: 'IQ', label: 'Iraq' }
]);

describe('placeCountries', () => {
  const places = placesOf(
    place('syria', ['SY']),
    place('province', [], 'syria'),
    place('city', [], 'province'),
    place('crossing', ['SY', 'IQ'], 'syria'),
    place('own', ['IQ'], 'syria'),
    place('orphan', [], 'missing-parent'),
    place('loop-a', [], 'loop-b'),
    place('loop-b', [], 'loop-c'),
    place('loop-c', [], 'loop-a'),
    place('self', [], 'self'),
    place('into-loop', [], 'loop-a'),
    place('loop-with-country-a', [], 'loop-with-country-b'),
    place('loop-with-country-b', ['TR'], 'loop-with-country-a')
  );

  it('gives a place its own countries', () => {
    expect(placeCountries(places, 'syria')).toEqual(['SY']);
    expect(placeCountries(places, 'crossing')).toEqual(['SY', 'IQ']);
  });

  it('own countries win over the parent\'s', () => {
    expect(placeCountries(places, 'own')).toEqual(['IQ']);
  });

  it('inherits from the parent, and the parent\'s parent', () => {
    expect(placeCountries(places, 'province')).toEqual(['SY']);
    expect(placeCountries(places, 'city')).toEqual(['SY']);
  });

  it('gives nothing for an unknown place or a missing parent', () => {
    expect(placeCountries(places, 'atlantis')).toEqual([]);
    expect(placeCountries(places, 'orphan')).toEqual([]);
  });

  it('survives parent cycles', () => {
    expect(placeCountries(places, 'loop-a')).toEqual([]);
    expect(placeCountries(places, 'loop-c')).toEqual([]);
    expect(placeCountries(places, 'self')).toEqual([]);
    expect(placeCountries(places, 'into-loop')).toEqual([]);
    // A cycle that passes a place with countries finds them.
    expect(placeCountries(places, 'loop-with-country-a')).toEqual(['TR']);
  });

  it('survives a long chain of parents', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => place(`p${i}`, i === 4999 ? ['IQ'] : [], i < 4999 ? `p${i + 1}` : undefined));
    expect(placeCountries(placesOf(...chain), 'p0')).toEqual(['IQ']);
  });
});

describe('eventCountries', () => {
  const places = placesOf(place('syria', ['SY']), place('deir', [], 'syria'), place('qaim', ['IQ']), place('border', ['IQ', 'SY']), place('nowhere'));

  it('lists the countries of every place, in order of first appearance, once each', () => {
    expect(eventCountries(places, ['deir', 'qaim'])).toEqual(['SY', 'IQ']);
    expect(eventCountries(places, ['qaim', 'deir', 'syria', 'border'])).toEqual(['IQ', 'SY']);
    expect(eventCountries(places, ['border'])).toEqual(['IQ', 'SY']);
  });

  it('gives nothing for no places, unknown places, or places without countries', () => {
    expect(eventCountries(places, [])).toEqual([]);
    expect(eventCountries(places, ['atlantis', 'nowhere'])).toEqual([]);
  });
});

describe('theatreKey', () => {
  describe('with declared theatres', () => {
    const declared = ['SY', 'IQ'];

    it('one theatre country: that country', () => {
      expect(theatreKey(['SY'], declared)).toBe('SY');
      expect(theatreKey(['IQ'], declared)).toBe('IQ');
    });

    it('several: joined in the declared order, whatever the order of the places', () => {
      expect(theatreKey(['SY', 'IQ'], declared)).toBe('SY+IQ');
      expect(theatreKey(['IQ', 'SY'], declared)).toBe('SY+IQ');
    });

    it('countries outside the theatres do not count', () => {
      expect(theatreKey(['GB', 'IQ'], declared)).toBe('IQ');
      expect(theatreKey(['TR', 'SY', 'IQ'], declared)).toBe('SY+IQ');
    });

    it('none of the theatres: Elsewhere', () => {
      expect(theatreKey(['GB'], declared)).toBe(ELSEWHERE_LANE);
      expect(theatreKey([], declared)).toBe(ELSEWHERE_LANE);
    });
  });

  describe('without declared theatres', () => {
    it('every country is a theatre; several are sorted', () => {
      expect(theatreKey(['GB'], [])).toBe('GB');
      expect(theatreKey(['SY', 'IQ'], [])).toBe('IQ+SY');
      expect(theatreKey(['TR', 'IQ', 'SY'], [])).toBe('IQ+SY+TR');
    });

    it('no country: Elsewhere', () => {
      expect(theatreKey([], [])).toBe(ELSEWHERE_LANE);
    });

    it('does not reorder the caller\'s list', () => {
      const countries = ['SY', 'IQ'];
      theatreKey(countries, []);
      expect(countries).toEqual(['SY', 'IQ']);
    });
  });
});

describe('orderTheatreLanes', () => {
  const keys = (...list: [string, number][]) => list.map(([key, count]) => ({ key, count }));

  it('declared theatres in their order, then the cross-border lane, then Elsewhere last (the bundled dataset)', () => {
    const lanes = orderTheatreLanes(SYRIA_IRAQ, keys([ELSEWHERE_LANE, 2], ['SY+IQ', 3], ['IQ', 9], ['SY', 1]));
    expect(lanes).toEqual([
      { key: 'SY', label: 'Syria' },
      { key: 'IQ', label: 'Iraq' },
      { key: 'SY+IQ', label: 'Syria & Iraq' },
      { key: ELSEWHERE_LANE, label: 'Elsewhere' }
    ]);
  });

  it('labels come from the declared theatres, cross-border lanes included', () => {
    const lanes = orderTheatreLanes(
      metadata([
        { country: 'SY', label: 'Syrian front' },
        { country: 'IQ', label: 'Iraqi front' }
      ]),
      keys(['SY+IQ', 1], ['SY', 1])
    );
    expect(lanes.map((l) => l.label)).toEqual(['Syrian front', 'Syrian front & Iraqi front']);
  });

  it('gives lanes only to keys that have events: a declared theatre without events has none, and no Elsewhere without such events', () => {
    expect(orderTheatreLanes(SYRIA_IRAQ, keys(['IQ', 4]))).toEqual([{ key: 'IQ', label: 'Iraq' }]);
    expect(orderTheatreLanes(SYRIA_IRAQ, [])).toEqual([]);
    expect(orderTheatreLanes(SYRIA_IRAQ, keys([ELSEWHERE_LANE, 1]))).toEqual([{ key: ELSEWHERE_LANE, label: 'Elsewhere' }]);
  });

  it('undeclared theatres: by number of events, then by code; labels are region names', () => {
    const lanes = orderTheatreLanes(metadata(), keys(['TR', 3], ['IQ', 3], ['SY', 10], ['GB', 1], [ELSEWHERE_LANE, 50]));
    expect(lanes).toEqual([
      { key: 'SY', label: 'Syria' },
      { key: 'IQ', label: 'Iraq' },
      { key: 'TR', label: 'Türkiye' },
      { key: 'GB', label: 'United Kingdom' },
      { key: ELSEWHERE_LANE, label: 'Elsewhere' }
    ]);
  });

  it('cross-border lanes: fewer countries first, then by key; after every single country', () => {
    const lanes = orderTheatreLanes(metadata(), keys(['IQ+SY+TR', 9], ['SY+TR', 1], ['IQ+SY', 1], ['SY', 1], [ELSEWHERE_LANE, 1]));
    expect(lanes).toEqual([
      { key: 'SY', label: 'Syria' },
      { key: 'IQ+SY', label: 'Iraq & Syria' },
      { key: 'SY+TR', label: 'Syria & Türkiye' },
      { key: 'IQ+SY+TR', label: 'Iraq & Syria & Türkiye' },
      { key: ELSEWHERE_LANE, label: 'Elsewhere' }
    ]);
  });

  it('an unknown region code is its own label', () => {
    expect(orderTheatreLanes(metadata(), keys(['XX', 1]))).toEqual([{ key: 'XX', label: 'XX' }]);
  });

  it('agrees with theatreKey: every key it makes gets exactly one lane', () => {
    const places = placesOf(place('sy', ['SY']), place('iq', ['IQ']), place('tr', ['TR']), place('gb', ['GB']));
    const sets = [['sy'], ['iq'], ['sy', 'iq'], ['iq', 'sy'], ['tr'], ['gb'], [], ['tr', 'sy']];
    for (const meta of [SYRIA_IRAQ, metadata()]) {
      const declared = meta.theatres.map((t) => t.country);
      const counts = new Map<string, number>();
      for (const s of sets) {
        const key = theatreKey(eventCountries(places, s), declared);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const lanes = orderTheatreLanes(meta, [...counts].map(([key, count]) => ({ key, count })));
      expect(lanes.map((l) => l.key).sort()).toEqual([...counts.keys()].sort());
      expect(lanes.at(-1)?.key).toBe(ELSEWHERE_LANE);
    }
  });
});
