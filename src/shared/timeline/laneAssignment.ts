// Which lane each event goes in, for every lane mode the user can pick: theatre (country), event
// type, actor (the first one the event names: ACLED's actor1), admin region, or group (TimelineJS
// groups). Modes with many values keep the busiest as lanes and gather the rest in one.
import { EVENT_TYPE_STYLES, EVENT_TYPES } from '../dataset/eventTypes';
import type { DatasetHeader, EventColumns, LaneInfo } from '../dataset/columns';
import { countryLabeller } from '../dataset/countryLabels';
import { placeRegions } from '../dataset/regions';

export const LANE_MODES = ['theatre', 'type', 'actor', 'admin1', 'group'] as const;
export type LaneMode = (typeof LANE_MODES)[number];

export const LANE_MODE_LABEL: Readonly<Record<LaneMode, string>> = {
  theatre: 'Theatre',
  type: 'Type',
  actor: 'Actor',
  admin1: 'Region',
  group: 'Group'
};

/** Most lanes a many-valued mode (actor, region, group) makes, the catch-all lanes included. */
export const MAX_VALUE_LANES = 14;

export interface LaneAssignment {
  readonly lanes: readonly LaneInfo[];
  readonly laneOf: Uint16Array;
}

/** Lane modes that make sense for this dataset's events (theatre and type always do). */
export function laneModesFor(header: DatasetHeader, cols: EventColumns): LaneMode[] {
  const modes: LaneMode[] = ['theatre', 'type'];
  if (cols.actorIndex.length > 0) modes.push('actor');
  const { regionOfPlace } = placeRegions(header.places);
  if (cols.placeIndex.some((p) => regionOfPlace[p]! >= 0)) modes.push('admin1');
  if (header.groups.length > 0) modes.push('group');
  return modes;
}

export function assignLanes(mode: LaneMode, header: DatasetHeader, cols: EventColumns, maxLanes = MAX_VALUE_LANES): LaneAssignment {
  const n = cols.count;
  switch (mode) {
    case 'theatre':
      return { lanes: header.theatreLanes, laneOf: cols.theatre };
    case 'type': {
      const present = new Uint8Array(EVENT_TYPES.length);
      for (let i = 0; i < n; i++) present[cols.type[i]!] = 1;
      const laneOfType = new Uint16Array(EVENT_TYPES.length);
      const lanes: LaneInfo[] = [];
      EVENT_TYPES.forEach((t, k) => {
        if (!present[k]) return;
        laneOfType[k] = lanes.length;
        lanes.push({ id: `type:${t}`, label: EVENT_TYPE_STYLES[t].plural });
      });
      const laneOf = new Uint16Array(n);
      for (let i = 0; i < n; i++) laneOf[i] = laneOfType[cols.type[i]!]!;
      return { lanes, laneOf };
    }
    case 'actor': {
      // Value of each event: its first actor, or -1.
      const value = new Int32Array(n);
      for (let i = 0; i < n; i++) value[i] = cols.actorOffsets[i + 1]! > cols.actorOffsets[i]! ? cols.actorIndex[cols.actorOffsets[i]!]! : -1;
      return byValue(value, header.actors.length, (v) => ({ id: `actor:${header.actors[v]!.id}`, label: header.actors[v]!.name }), { id: 'actor:other', label: 'Other actors' }, { id: 'actor:none', label: 'No actor named' }, maxLanes);
    }
    case 'admin1': {
      const { regions, regionOfPlace } = placeRegions(header.places, countryLabeller(header.metadata));
      const value = new Int32Array(n).fill(-1);
      for (let i = 0; i < n; i++) {
        for (let k = cols.placeOffsets[i]!; k < cols.placeOffsets[i + 1]!; k++) {
          const r = regionOfPlace[cols.placeIndex[k]!]!;
          if (r >= 0) {
            value[i] = r;
            break;
          }
        }
      }
      return byValue(value, regions.length, (v) => ({ id: `region:${regions[v]!.key}`, label: regions[v]!.label }), { id: 'region:other', label: 'Other regions' }, { id: 'region:none', label: 'No region given' }, maxLanes);
    }
    case 'group': {
      const value = new Int32Array(n);
      for (let i = 0; i < n; i++) value[i] = cols.group[i]! - 1;
      return byValue(value, header.groups.length, (v) => ({ id: `group:${v}`, label: header.groups[v]! }), { id: 'group:other', label: 'Other groups' }, { id: 'group:none', label: 'No group' }, maxLanes);
    }
  }
}

/**
 * Lanes for a many-valued mode: the busiest values (in order of event count, ties by first
 * appearance) get a lane each; the rest share "other"; events without a value go in "none".
 */
function byValue(value: Int32Array, valueCount: number, laneFor: (v: number) => LaneInfo, other: LaneInfo, none: LaneInfo, maxLanes: number): LaneAssignment {
  const n = value.length;
  const counts = new Uint32Array(valueCount);
  let withoutValue = 0;
  for (let i = 0; i < n; i++) {
    const v = value[i]!;
    if (v >= 0) counts[v]!++;
    else withoutValue++;
  }
  const used: number[] = [];
  for (let v = 0; v < valueCount; v++) if (counts[v]! > 0) used.push(v);
  used.sort((a, b) => counts[b]! - counts[a]! || a - b);
  const reserved = withoutValue > 0 ? 1 : 0;
  const own = used.length + reserved <= maxLanes ? used : used.slice(0, Math.max(1, maxLanes - 1 - reserved));
  const laneOfValue = new Int32Array(valueCount).fill(-1);
  const lanes: LaneInfo[] = own.map((v, k) => {
    laneOfValue[v] = k;
    return laneFor(v);
  });
  const otherLane = own.length < used.length ? lanes.push(other) - 1 : -1;
  const noneLane = withoutValue > 0 ? lanes.push(none) - 1 : -1;
  const laneOf = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const v = value[i]!;
    laneOf[i] = v < 0 ? noneLane : laneOfValue[v]! >= 0 ? laneOfValue[v]! : otherLane;
  }
  return { lanes, laneOf };
}
