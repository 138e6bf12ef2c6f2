// assignLanes: every mode puts every event in exactly one lane; actor/region/group lanes keep the busiest values, gather the rest in "Other", events without a value in "None"; which modes a dataset offers.
import { describe, expect, it } from 'vitest';
import { columnsFromDataset } from '../dataset/datasetColumns';
import type { Dataset, TimelineEvent } from '../dataset/schema';
import { assignLanes, laneModesFor, LANE_MODES } from './laneAssignment';

function event(id: string, day: number, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id,
    type: 'clash',
    title: id,
    start: { value: `2017-11-${String(day).padStart(2, '0')}`, precision: 'day' },
    places: [],
    actors: [],
    status: 'reported',
    figures: [],
    citations: [{ source: 's' }],
    tags: [],
    ...extra
  };
}

function dataset(events: TimelineEvent[]): Dataset {
  return {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Lanes', theatres: [] },
    sources: [{ id: 's', kind: 'other', publisher: 'P', title: 'T' }],
    places: [
      { id: 'sy', name: 'Syria', altNames: [], kind: 'country', countries: ['SY'] },
      { id: 'dez', name: 'Deir', altNames: [], kind: 'city', countries: ['SY'], admin1: 'Deir ez-Zor', parent: 'sy' },
      { id: 'raq', name: 'Raqqa', altNames: [], kind: 'city', countries: ['SY'], admin1: 'Raqqa', parent: 'sy' }
    ],
    actors: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `Actor ${id.toUpperCase()}`, aliases: [], kind: 'other', backedBy: [], memberOf: [], countries: [] })),
    events
  };
}

const actor = (id: string) => ({ actor: id, role: 'participant' as const });

describe('assignLanes', () => {
  // a: 4 events, b: 3, c: 2, d: 1, e: 1 as first actor; 2 events without actors.
  const firstActors = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'd', 'e', undefined, undefined];
  const events = firstActors.map((a, k) =>
    event(`e${k}`, k + 1, {
      actors: a ? [actor(a), actor('e')] : [],
      places: k % 3 === 0 ? ['dez'] : k % 3 === 1 ? ['raq', 'dez'] : [],
      type: k % 2 ? 'attack' : 'clash',
      tags: k < 5 ? ['group: North'] : k < 8 ? ['group: South'] : []
    })
  );
  const { header, columns } = columnsFromDataset(dataset(events));
  const idOf = (i: number) => events[columns.sourceIndex[i]!]!;

  it('every mode gives every event one lane that exists', () => {
    for (const mode of LANE_MODES) {
      const { lanes, laneOf } = assignLanes(mode, header, columns);
      expect(laneOf).toHaveLength(columns.count);
      for (const l of laneOf) expect(l).toBeLessThan(lanes.length);
      expect(new Set(lanes.map((l) => l.id)).size).toBe(lanes.length);
    }
  });

  it('actor lanes follow the first actor, busiest first; a cap gathers the rest as Other actors', () => {
    const all = assignLanes('actor', header, columns);
    expect(all.lanes.map((l) => l.label)).toEqual(['Actor A', 'Actor B', 'Actor C', 'Actor D', 'Actor E', 'No actor named']);
    for (let i = 0; i < columns.count; i++) {
      const first = idOf(i).actors[0]?.actor;
      expect(all.lanes[all.laneOf[i]!]!.label).toBe(first ? `Actor ${first.toUpperCase()}` : 'No actor named');
    }
    const capped = assignLanes('actor', header, columns, 4);
    expect(capped.lanes.map((l) => l.label)).toEqual(['Actor A', 'Actor B', 'Other actors', 'No actor named']);
    const sizes = capped.lanes.map((_, l) => [...capped.laneOf].filter((x) => x === l).length);
    expect(sizes).toEqual([4, 3, 4, 2]);
  });

  it('region lanes use the first place with a region', () => {
    const { lanes, laneOf } = assignLanes('admin1', header, columns);
    expect(lanes.map((l) => l.label)).toEqual(['Deir ez-Zor', 'Raqqa', 'No region given']);
    for (let i = 0; i < columns.count; i++) {
      const first = idOf(i).places[0];
      expect(lanes[laneOf[i]!]!.label).toBe(first === 'dez' ? 'Deir ez-Zor' : first === 'raq' ? 'Raqqa' : 'No region given');
    }
  });

  it('group lanes come from "group: " tags', () => {
    expect(header.groups).toEqual(['North', 'South']);
    const { lanes, laneOf } = assignLanes('group', header, columns);
    expect(lanes.map((l) => l.label)).toEqual(['North', 'South', 'No group']);
    expect([...laneOf].filter((l) => l === 0)).toHaveLength(5);
    expect([...laneOf].filter((l) => l === 1)).toHaveLength(3);
  });

  it('type lanes list only the types present, in the app order', () => {
    const { lanes } = assignLanes('type', header, columns);
    expect(lanes.map((l) => l.id)).toEqual(['type:clash', 'type:attack']);
  });

  it('offers actor, region and group modes only when the data has them', () => {
    expect(laneModesFor(header, columns)).toEqual(['theatre', 'type', 'actor', 'admin1', 'group']);
    const bare = columnsFromDataset(dataset([event('x', 1)]));
    expect(laneModesFor(bare.header, bare.columns)).toEqual(['theatre', 'type']);
  });
});
