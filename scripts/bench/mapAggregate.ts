// Timings of the map's pure work on synthetic data (1,000,000 events by default), in Node. Not a
// test: prints medians and worst times against the issue's goals and checks nothing else.
//
//   npx tsx scripts/bench/mapAggregate.ts                          1M events, 5,000 places
//   npx tsx scripts/bench/mapAggregate.ts --places 200000          an ACLED-like spread of places
//   npx tsx scripts/bench/mapAggregate.ts --events 100000 --reps 5
//
// Goals (issue 15): a new time window or filter reaches the map in at most 100 ms (count by
// place + cluster at the current zoom); no task over 200 ms (the once-per-dataset work included).
// Clustering costs in proportion to the places in view: beyond zoom 2 the view passes its bounds.
// Also timed: a zoom or pan (cluster only) and moving the date cursor (control at a date over
// capture and control records, 5% of the events, as many as an ACLED export could have).
import { controlAtDate, indexControl } from '../../src/shared/map/controlAtDate';
import type { ControlRecord } from '../../src/shared/map/controlRecords';
import { aggregate, countByPlace, eventAnchors, eventsByPlace, placePositions, worldPxAtZoom, type AggregateView } from '../../src/shared/map/mapAggregate';
import { prng } from './synthetic';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const EVENTS = Number(arg('--events') ?? 1_000_000);
const PLACES = Number(arg('--places') ?? 5_000);
const REPS = Number(arg('--reps') ?? 7);
const NEW_SUBSET_GOAL_MS = 100;
const TASK_GOAL_MS = 200;

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const rows: { label: string; median: number; worst: number; goal: number }[] = [];

/** Median and worst of REPS runs after one warm-up. */
function measure<T>(label: string, goal: number, fn: () => T, describe?: (v: T) => string): T {
  let value = fn();
  const times: number[] = [];
  for (let k = 0; k < REPS; k++) {
    const t = performance.now();
    value = fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const worst = times[times.length - 1]!;
  rows.push({ label, median, worst, goal });
  console.log(`${label.padEnd(58)} median ${fmt(median).padStart(10)}  worst ${fmt(worst).padStart(10)}  goal ${goal} ms ${worst <= goal ? 'met' : 'MISSED'}${describe ? `  (${describe(value)})` : ''}`);
  return value;
}

// Places: clustered around 40 invented centres (towns and their villages), 3% without coordinates.
const r = prng(15);
const centres = Array.from({ length: 40 }, () => [20 + r() * 40, 10 + r() * 30] as const);
const places = Array.from({ length: PLACES }, (_, i) => {
  if (r() < 0.03) return {};
  const [lon, lat] = centres[i % centres.length]!;
  return { coordinates: { lon: lon + (r() - 0.5) * 6, lat: lat + (r() - 0.5) * 6 } };
});
// Events: a skewed share per place (a few places hold most), one place each, a tenth with a second.
const placeOffsets = new Uint32Array(EVENTS + 1);
const flat: number[] = [];
for (let i = 0; i < EVENTS; i++) {
  flat.push(Math.floor(r() ** 3 * PLACES));
  if (r() < 0.1) flat.push(Math.floor(r() * PLACES));
  placeOffsets[i + 1] = flat.length;
}
const cols = { count: EVENTS, placeOffsets, placeIndex: Uint32Array.from(flat) };
console.log(`${EVENTS.toLocaleString('en-GB')} events over ${PLACES.toLocaleString('en-GB')} places, ${REPS} repetitions\n`);

console.log('Once per dataset');
const positions = measure('place positions', TASK_GOAL_MS, () => placePositions(places));
const anchors = measure('event anchors (first place with coordinates)', TASK_GOAL_MS, () => eventAnchors(cols, positions));
measure('events by place (for listing a place zoomed in)', TASK_GOAL_MS, () => eventsByPlace(anchors, PLACES));

// Subsets: a time window (a contiguous run of the start-sorted columns, as a mask), a filter
// keeping about a third of them, and the index list the time index hands out.
const windowMask = new Uint8Array(EVENTS);
for (let i = Math.floor(EVENTS * 0.3); i < Math.floor(EVENTS * 0.7); i++) windowMask[i] = 1;
const filterMask = new Uint8Array(EVENTS);
for (let i = 0; i < EVENTS; i++) filterMask[i] = windowMask[i]! && r() < 0.33 ? 1 : 0;
const list = new Uint32Array(Math.floor(EVENTS / 5));
for (let k = 0; k < list.length; k++) list[k] = Math.floor(r() * EVENTS);
// The view: a 1,600 × 1,000 px window centred on the place with the most events.
const busiest = countByPlace(anchors, PLACES).counts.reduce((best, c, p, all) => (c > all[best]! ? p : best), 0);
const viewport = (zoom: number): AggregateView => {
  const worldPx = worldPxAtZoom(zoom);
  const lon = positions.lon[busiest]!;
  const lat = positions.lat[busiest]!;
  const halfLon = (800 / worldPx) * 360;
  const halfLat = Math.min(80, (500 / worldPx) * 360);
  return { worldPx, bounds: { west: lon - halfLon, east: lon + halfLon, south: Math.max(-85, lat - halfLat), north: Math.min(85, lat + halfLat) } };
};
const describe = (a: ReturnType<typeof aggregate>) => `${a.clusters.length.toLocaleString('en-GB')} clusters`;

console.log('\nA new time window or filter: count by place, then cluster');
for (const [name, subset] of [
  ['all events', undefined],
  ['time window (40%)', windowMask],
  ['window + filter (13%)', filterMask],
  ['index list (20%)', list]
] as const) {
  // Zoom 2 shows the whole world on a screen; closer, the view passes its bounds.
  measure(`${name}, zoom 2, whole world`, NEW_SUBSET_GOAL_MS, () => aggregate(positions, countByPlace(anchors, PLACES, subset), { worldPx: worldPxAtZoom(2) }), describe);
  for (const zoom of [6, 10, 14]) {
    measure(`${name}, zoom ${zoom}, 1600×1000 view`, NEW_SUBSET_GOAL_MS, () => aggregate(positions, countByPlace(anchors, PLACES, subset), viewport(zoom)), describe);
  }
}

console.log('\nA zoom or pan: cluster the same counts again');
const counts = countByPlace(anchors, PLACES, windowMask);
for (const zoom of [2, 5, 8, 12, 16]) measure(`zoom ${zoom}, 1600×1000 view`, NEW_SUBSET_GOAL_MS, () => aggregate(positions, counts, viewport(zoom)), describe);

console.log('\nMoving the date cursor: control at a date');
const records: ControlRecord[] = [];
const DAY = 86_400_000;
const t0 = Date.UTC(2015, 0, 1);
for (let k = 0; k < EVENTS / 20; k++) {
  const start = t0 + Math.floor(r() * 1_500) * DAY;
  const month = r() < 0.2;
  records.push({
    id: `c${k}`,
    sourceIndex: k,
    kind: r() < 0.7 ? 'capture' : 'control',
    status: r() < 0.1 ? 'claimed' : 'reported',
    claimant: -1,
    places: [Math.floor(r() ** 3 * PLACES)],
    holders: [Math.floor(r() * 12)],
    takenFrom: [Math.floor(r() * 12)],
    when: { start, end: start + (month ? 30 : 1) * DAY, precision: month ? 'month' : 'day' }
  });
}
const index = measure(`index ${records.length.toLocaleString('en-GB')} capture/control records (once)`, TASK_GOAL_MS, () => indexControl(records));
measure('control of every place at a date', NEW_SUBSET_GOAL_MS, () => controlAtDate(index, t0 + 700 * DAY), (c) => `${c.length.toLocaleString('en-GB')} places`);

const missed = rows.filter((row) => row.worst > row.goal);
console.log(missed.length === 0 ? '\nEvery goal met.' : `\n${missed.length} goal(s) missed: ${missed.map((m) => m.label).join('; ')}`);
