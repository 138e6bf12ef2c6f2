// An area filter, for a map to set: the events with a place inside a box of latitude and
// longitude. A box crossing the antimeridian has west > east. Events with no place that has
// coordinates are outside every area.
import type { DatasetHeader, EventColumns } from '../../../../shared/dataset/columns';

export interface AreaBox {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

export function inBox(box: AreaBox, lat: number, lon: number): boolean {
  if (lat < box.south || lat > box.north) return false;
  return box.west <= box.east ? lon >= box.west && lon <= box.east : lon >= box.west || lon <= box.east;
}

/** 1 for each event with a place inside `box`, else 0. O(events + places). */
export function areaMask(cols: EventColumns, places: DatasetHeader['places'], box: AreaBox): Uint8Array {
  const inside = new Uint8Array(places.length);
  places.forEach((p, k) => {
    if (p.coordinates && inBox(box, p.coordinates.lat, p.coordinates.lon)) inside[k] = 1;
  });
  const mask = new Uint8Array(cols.count);
  for (let i = 0; i < cols.count; i++) {
    for (let j = cols.placeOffsets[i]!; j < cols.placeOffsets[i + 1]!; j++) {
      if (inside[cols.placeIndex[j]!] === 1) {
        mask[i] = 1;
        break;
      }
    }
  }
  return mask;
}
