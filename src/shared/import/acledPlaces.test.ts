// The place of an ACLED row found again by its cells (SeenPlaces): only when every place cell is the
// same, a few kept per location text, and rows that share a place are still each counted in what
// the import says their places lack.
import { describe, expect, it } from 'vitest';
import { importAcledText } from './acled';
import { SeenPlaces, type PlaceCells } from './acledPlaces';

const cells: PlaceCells = { location: 'Hajin', admin1: 'Deir ez-Zor', admin2: 'Abu Kamal', admin3: 'Hajin', country: 'Syria', lat: '34.6958', lon: '40.8281', precision: '1' };

describe('SeenPlaces', () => {
  it('finds what was made of the same cells, and nothing when any cell differs', () => {
    const seen = new SeenPlaces<string>();
    expect(seen.find(cells)).toBeUndefined();
    seen.add(cells, 'made');
    expect(seen.find({ ...cells })).toBe('made');
    for (const key of Object.keys(cells) as (keyof PlaceCells)[]) expect(seen.find({ ...cells, [key]: `${cells[key]}x` }), key).toBeUndefined();
  });

  it('keeps eight sets of cells per location text, so the list looked through per row stays short', () => {
    const seen = new SeenPlaces<number>();
    for (let i = 0; i < 20; i++) seen.add({ ...cells, lat: String(i) }, i);
    expect(seen.find({ ...cells, lat: '7' })).toBe(7);
    expect(seen.find({ ...cells, lat: '8' })).toBeUndefined();
  });
});

const HEADER = 'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,country,admin1,admin2,location,latitude,longitude,geo_precision,fatalities';

describe('an ACLED row whose place cells an earlier row had', () => {
  it('has that row\'s place, and counts in the notices about what places lack', () => {
    const row = (i: number, place: string) => `X${i},2017-11-0${1 + (i % 9)},2017,1,Battles,Armed clash,Military Forces of Syria (2000-),${place},0`;
    const text = [
      HEADER,
      row(1, 'Atlantis,North,Central,Hajin,34.6958,40.8281,'),
      row(2, 'Atlantis,North,Central,Hajin,34.6958,40.8281,'),
      row(3, 'Syria,Deir ez-Zor,Abu Kamal,Hajin,,,'),
      row(4, 'Atlantis,North,Central,Hajin,34.6958,40.8281,'),
      row(5, 'Syria,Deir ez-Zor,Abu Kamal,Hajin,,,'),
      row(6, 'Syria,Deir ez-Zor,Abu Kamal,Hajin,34.6958,40.8281,2')
    ].join('\n');
    const outcome = importAcledText(text, 'places.csv');
    if (outcome?.status !== 'imported') throw new Error('not imported');
    const { dataset, problems } = outcome.result;
    const placeOf = (id: string) => dataset.events.find((e) => e.id === id)?.places;
    expect(placeOf('X2')).toBe(placeOf('X1'));
    expect(placeOf('X4')).toBe(placeOf('X1'));
    expect(placeOf('X5')).toBe(placeOf('X3'));
    expect(placeOf('X6')).not.toEqual(placeOf('X3'));
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: "Atlantis" is not a country this app knows; its places have no country (and 2 more rows like it)',
      '2: no geo precision; the coordinates are taken as approximate (and 2 more rows like it)',
      '4: no coordinates; the place is kept without them (and 1 more row like it)'
    ]);
  });
});
