// buildTimelineModel / resolveEvent / lanes: event windows, sort order, ranges, inherited countries and lane assignment.
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, EVENT_TYPE_STYLES, type EventType } from './eventTypes';
import { datasetSchema, type Dataset, type DatasetInput, type DatePoint } from './schema';
import { ELSEWHERE_LANE, buildTimelineModel, laneIdOf, lanesFor, resolveEvent, theatresOf, type TimelineModel } from './timelineModel';

type EventInput = DatasetInput['events'][number];
type PlaceInput = NonNullable<DatasetInput['places']>[number];

const day = (value: string): DatePoint => ({ value, precision: 'day' });

function ev(id: string, start: DatePoint, extra: Partial<EventInput> = {}): EventInput {
  return { id, type: 'capture', title: id, start, citations: [{ source: 'src', quote: 'q' }], ...extra };
}

const PLACES: PlaceInput[] = [
  { id: 'syria', name: 'Syria', kind: 'country', countries: ['SY'] },
  { id: 'iraq', name: 'Iraq', kind: 'country', countries: ['IQ'] },
  { id: 'deir-province', name: 'Deir al-Zour province', kind: 'province', parent: 'syria' },
  { id: 'deir', name: 'Deir al-Zour', kind: 'city', parent: 'deir-province' },
  { id: 'al-qaim', name: 'al-Qaim', kind: 'town', parent: 'iraq' },
  { id: 'euphrates', name: 'Euphrates', kind: 'river', countries: ['SY', 'IQ'] },
  { id: 'london', name: 'London', kind: 'city', countries: ['GB'] },
  { id: 'turkey', name: 'Turkey', kind: 'country', countries: ['TR'] },
  { id: 'border', name: 'Border town', kind: 'town', countries: ['TR'], parent: 'syria' }
];

function dataset(events: EventInput[], options: { theatres?: { country: string; label: string }[]; places?: PlaceInput[] } = {}): Dataset {
  return datasetSchema.parse({
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Test', theatres: options.theatres ?? [] },
    sources: [{ id: 'src', publisher: 'P', title: 'S' }],
    places: options.places ?? PLACES,
    events
  });
}

const THEATRES = [
  { country: 'SY', label: 'Syria' },
  { country: 'IQ', label: 'Iraq' }
];

const ids = (model: TimelineModel) => model.events.map((e) => e.event.id);
const placeMap = (ds: Dataset) => new Map(ds.places.map((p) => [p.id, p]));

describe('resolveEvent', () => {
  it('a single day covers that day', () => {
    const ds = dataset([ev('a', day('2017-11-03'))]);
    const r = resolveEvent(ds.events[0]!, 0, placeMap(ds));
    expect(r).toMatchObject({ index: 0, start: Date.UTC(2017, 10, 3), end: Date.UTC(2017, 10, 4), precision: 'day', endWindow: undefined });
    expect(r.startWindow).toEqual({ start: Date.UTC(2017, 10, 3), end: Date.UTC(2017, 10, 4) });
  });

  it('a span from year 2014 to day 2017-11-03 covers 2014-01-01 up to 2017-11-04 (exclusive), at year precision', () => {
    const ds = dataset([ev('span', { value: '2014', precision: 'year' }, { end: day('2017-11-03') })]);
    const r = resolveEvent(ds.events[0]!, 0, placeMap(ds));
    expect(r.start).toBe(Date.UTC(2014, 0, 1));
    expect(r.end).toBe(Date.UTC(2017, 10, 4));
    expect(r.startWindow).toEqual({ start: Date.UTC(2014, 0, 1), end: Date.UTC(2015, 0, 1) });
    expect(r.endWindow).toEqual({ start: Date.UTC(2017, 10, 3), end: Date.UTC(2017, 10, 4) });
    expect(r.precision).toBe('year');
  });

  it('a week start and an approximate end take the coarser precision (week)', () => {
    const ds = dataset([ev('w', { value: '2017-W43', precision: 'week' }, { end: { value: '2017-11-03', precision: 'approximate' } })]);
    const r = resolveEvent(ds.events[0]!, 0, placeMap(ds));
    expect(r).toMatchObject({ start: Date.UTC(2017, 9, 23), end: Date.UTC(2017, 10, 4), precision: 'week' });
  });

  it('an end inside a coarse start never shortens the event', () => {
    const ds = dataset([ev('m', { value: '2017-11', precision: 'month' }, { end: day('2017-11-03') })]);
    const r = resolveEvent(ds.events[0]!, 0, placeMap(ds));
    expect(r.end).toBe(Date.UTC(2017, 11, 1));
  });

  it('inherits countries from parent places, up several levels', () => {
    const ds = dataset([ev('a', day('2017-11-03'), { places: ['deir'] })]);
    expect(resolveEvent(ds.events[0]!, 0, placeMap(ds)).countries).toEqual(['SY']);
  });

  it('a place\'s own countries win over its parent\'s', () => {
    const ds = dataset([ev('a', day('2017-11-03'), { places: ['border'] })]);
    expect(resolveEvent(ds.events[0]!, 0, placeMap(ds)).countries).toEqual(['TR']);
  });

  it('lists countries once each, in order of first appearance', () => {
    const ds = dataset([ev('a', day('2017-11-03'), { places: ['al-qaim', 'deir', 'euphrates', 'iraq'] })]);
    expect(resolveEvent(ds.events[0]!, 0, placeMap(ds)).countries).toEqual(['IQ', 'SY']);
  });

  it('an event without places, or with a place without countries, has no countries', () => {
    const places: PlaceInput[] = [{ id: 'nowhere', name: 'Nowhere' }];
    const ds = dataset([ev('a', day('2017-11-03')), ev('b', day('2017-11-03'), { places: ['nowhere'] })], { places });
    expect(resolveEvent(ds.events[0]!, 0, placeMap(ds)).countries).toEqual([]);
    expect(resolveEvent(ds.events[1]!, 1, placeMap(ds)).countries).toEqual([]);
  });

  it('stops on a cycle of parent places instead of looping forever', () => {
    const places: PlaceInput[] = [
      { id: 'a', name: 'A', parent: 'b' },
      { id: 'b', name: 'B', parent: 'a' }
    ];
    const ds = dataset([ev('e', day('2017-11-03'), { places: ['a'] })], { places });
    expect(resolveEvent(ds.events[0]!, 0, placeMap(ds)).countries).toEqual([]);
  });

  it('throws on a date that was never validated', () => {
    const ds = dataset([ev('a', day('2017-11-03'))]);
    const broken = { ...ds.events[0]!, start: day('2017-02-30') };
    expect(() => resolveEvent(broken, 0, placeMap(ds))).toThrow(/2017-02-30/);
  });
});

describe('buildTimelineModel', () => {
  it('sorts by start, then by end, then by dataset order', () => {
    const ds = dataset([
      ev('late', day('2017-11-03')),
      ev('month-oct', { value: '2017-10', precision: 'month' }),
      ev('day-oct-1-b', day('2017-10-01')),
      ev('day-oct-1-a', day('2017-10-01')),
      ev('year-2014', { value: '2014', precision: 'year' }),
      ev('span-2014', { value: '2014', precision: 'year' }, { end: day('2017-11-03') })
    ]);
    const model = buildTimelineModel(ds);
    // 2014 year before the 2014–2017 span (same start, earlier end); on 1 October the two days keep
    // file order and come before the whole month (same start, earlier end).
    expect(ids(model)).toEqual(['year-2014', 'span-2014', 'day-oct-1-b', 'day-oct-1-a', 'month-oct', 'late']);
    expect(model.events.map((e) => e.index)).toEqual([4, 5, 2, 3, 1, 0]);
  });

  it('does not reorder the dataset itself', () => {
    const ds = dataset([ev('b', day('2017-11-03')), ev('a', day('2017-01-01'))]);
    buildTimelineModel(ds);
    expect(ds.events.map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('offers lookups by id for events, places, actors and sources', () => {
    const ds = dataset([ev('a', day('2017-11-03')), ev('b', day('2017-01-01'))]);
    const model = buildTimelineModel(ds);
    expect(model.byId.get('a')?.index).toBe(0);
    expect(model.byId.get('b')?.event.id).toBe('b');
    expect(model.places.get('deir')?.name).toBe('Deir al-Zour');
    expect(model.sources.get('src')?.publisher).toBe('P');
    expect(model.actors.size).toBe(0);
  });

  it('fullRange covers every event; storyRange leaves out historical context', () => {
    const ds = dataset([
      ev('sykes-picot', { value: '1916', precision: 'year' }, { type: 'context' }),
      ev('span', { value: '2014', precision: 'year' }, { end: day('2017-11-03'), type: 'control' }),
      ev('taken', day('2017-11-03'))
    ]);
    const model = buildTimelineModel(ds);
    expect(model.fullRange).toEqual({ start: Date.UTC(1916, 0, 1), end: Date.UTC(2017, 10, 4) });
    expect(model.storyRange).toEqual({ start: Date.UTC(2014, 0, 1), end: Date.UTC(2017, 10, 4) });
  });

  it('storyRange falls back to every event when all are context', () => {
    const model = buildTimelineModel(dataset([ev('c', { value: '1916', precision: 'year' }, { type: 'context' })]));
    expect(model.storyRange).toEqual(model.fullRange);
    expect(model.storyRange).toEqual({ start: Date.UTC(1916, 0, 1), end: Date.UTC(1917, 0, 1) });
  });

  it('has no ranges without events', () => {
    const model = buildTimelineModel(dataset([]));
    expect(model.events).toEqual([]);
    expect(model.fullRange).toBeUndefined();
    expect(model.storyRange).toBeUndefined();
  });
});

describe('lanes by theatre', () => {
  const mixed = () =>
    buildTimelineModel(
      dataset(
        [
          ev('london', day('2017-11-03'), { places: ['london'] }),
          ev('river', day('2017-11-02'), { places: ['euphrates'] }),
          ev('qaim', day('2017-11-01'), { places: ['al-qaim'] }),
          ev('deir', day('2017-10-31'), { places: ['deir'] }),
          ev('nowhere', day('2017-10-30'))
        ],
        { theatres: THEATRES }
      )
    );

  it('an event in one theatre country sits in that theatre\'s lane', () => {
    const model = mixed();
    expect(laneIdOf(model.byId.get('deir')!, 'theatre', ['SY', 'IQ'])).toBe('theatre:SY');
    expect(laneIdOf(model.byId.get('qaim')!, 'theatre', ['SY', 'IQ'])).toBe('theatre:IQ');
  });

  it('an event in several theatre countries sits in a cross-border lane, in theatre order', () => {
    const model = mixed();
    expect(laneIdOf(model.byId.get('river')!, 'theatre', ['SY', 'IQ'])).toBe('theatre:SY+IQ');
    expect(laneIdOf(model.byId.get('river')!, 'theatre', ['IQ', 'SY'])).toBe('theatre:IQ+SY');
  });

  it('an event outside every theatre, or without countries, goes Elsewhere', () => {
    const model = mixed();
    expect(laneIdOf(model.byId.get('london')!, 'theatre', ['SY', 'IQ'])).toBe(ELSEWHERE_LANE);
    expect(laneIdOf(model.byId.get('nowhere')!, 'theatre', ['SY', 'IQ'])).toBe('elsewhere');
  });

  it('countries outside the theatres do not split a theatre lane', () => {
    const ds = dataset([ev('a', day('2017-11-03'), { places: ['deir', 'london'] })], { theatres: THEATRES });
    expect(laneIdOf(buildTimelineModel(ds).events[0]!, 'theatre', ['SY', 'IQ'])).toBe('theatre:SY');
  });

  it('orders lanes: declared theatres, then cross-border lanes, then Elsewhere', () => {
    expect(lanesFor(mixed(), 'theatre')).toEqual([
      { id: 'theatre:SY', label: 'Syria' },
      { id: 'theatre:IQ', label: 'Iraq' },
      { id: 'theatre:SY+IQ', label: 'Syria & Iraq' },
      { id: 'elsewhere', label: 'Elsewhere' }
    ]);
  });

  it('omits lanes with no events', () => {
    const model = buildTimelineModel(dataset([ev('qaim', day('2017-11-01'), { places: ['al-qaim'] })], { theatres: THEATRES }));
    expect(lanesFor(model, 'theatre')).toEqual([{ id: 'theatre:IQ', label: 'Iraq' }]);
  });

  it('uses only the events it is given', () => {
    const model = mixed();
    const subset = [model.byId.get('london')!, model.byId.get('deir')!];
    expect(lanesFor(model, 'theatre', subset)).toEqual([
      { id: 'theatre:SY', label: 'Syria' },
      { id: 'elsewhere', label: 'Elsewhere' }
    ]);
    expect(lanesFor(model, 'theatre', [])).toEqual([]);
  });

  it('puts two-country lanes before three-country lanes', () => {
    const theatres = [...THEATRES, { country: 'TR', label: 'Turkey' }];
    const ds = dataset(
      [
        ev('three', day('2017-11-01'), { places: ['euphrates', 'turkey'] }),
        ev('two', day('2017-11-02'), { places: ['deir', 'turkey'] })
      ],
      { theatres }
    );
    expect(lanesFor(buildTimelineModel(ds), 'theatre')).toEqual([
      { id: 'theatre:SY+TR', label: 'Syria & Turkey' },
      { id: 'theatre:SY+IQ+TR', label: 'Syria & Iraq & Turkey' }
    ]);
  });
});

describe('theatresOf', () => {
  it('returns the declared theatres when there are any', () => {
    const model = buildTimelineModel(dataset([ev('london', day('2017-11-03'), { places: ['london'] })], { theatres: THEATRES }));
    expect(theatresOf(model)).toEqual(THEATRES);
  });

  it('derives theatres from event countries, most events first, ties alphabetically', () => {
    const ds = dataset([
      ev('q1', day('2017-11-01'), { places: ['al-qaim'] }),
      ev('q2', day('2017-11-02'), { places: ['iraq'] }),
      ev('river', day('2017-11-03'), { places: ['euphrates'] }),
      ev('deir', day('2017-11-04'), { places: ['deir'] }),
      ev('london', day('2017-11-05'), { places: ['london'] }),
      ev('turkey', day('2017-11-05'), { places: ['turkey'] })
    ]);
    const model = buildTimelineModel(ds);
    // IQ: q1, q2, river (3); SY: river, deir (2); GB and TR: 1 each.
    expect(theatresOf(model)).toEqual([
      { country: 'IQ', label: 'IQ' },
      { country: 'SY', label: 'SY' },
      { country: 'GB', label: 'GB' },
      { country: 'TR', label: 'TR' }
    ]);
    expect(lanesFor(model, 'theatre').map((l) => l.id)).toEqual(['theatre:IQ', 'theatre:SY', 'theatre:GB', 'theatre:TR', 'theatre:IQ+SY']);
  });

  it('is empty when no event has a country', () => {
    const model = buildTimelineModel(dataset([ev('a', day('2017-11-03'))]));
    expect(theatresOf(model)).toEqual([]);
    expect(lanesFor(model, 'theatre')).toEqual([{ id: 'elsewhere', label: 'Elsewhere' }]);
  });
});

describe('lanes by type', () => {
  it('one lane per type present, in EVENT_TYPES order, labelled in the plural', () => {
    const types: EventType[] = ['statement', 'capture', 'context', 'capture', 'offensive'];
    const model = buildTimelineModel(dataset(types.map((type, i) => ev(`e${i}`, day('2017-11-03'), { type }))));
    expect(lanesFor(model, 'type')).toEqual([
      { id: 'type:offensive', label: 'Offensives' },
      { id: 'type:capture', label: 'Captures' },
      { id: 'type:statement', label: 'Statements and claims' },
      { id: 'type:context', label: 'Historical context' }
    ]);
  });

  it('laneIdOf in type mode ignores theatres', () => {
    const model = buildTimelineModel(dataset([ev('a', day('2017-11-03'), { type: 'displacement', places: ['deir'] })], { theatres: THEATRES }));
    expect(laneIdOf(model.events[0]!, 'type', ['SY'])).toBe('type:displacement');
  });

  it('every event type has a plural label', () => {
    for (const t of EVENT_TYPES) expect(EVENT_TYPE_STYLES[t].plural.length).toBeGreaterThan(0);
  });
});
