// What building the control records (ControlRecordsBuilder, in DatasetColumnsBuilder) adds to
// opening a native file, at 1,000,000 events by default, in Node. Not a test: prints medians.
//
//   npx tsx scripts/bench/controlRecords.ts                       1M events (3% captures)
//   npx tsx scripts/bench/controlRecords.ts --events 100000 --reps 5
//
// The synthetic file is opened (check, columns and records, as the load worker does), and the
// records' own part is timed alone: ControlRecordsBuilder.add over the same number of events, of the
// same shape and mix (3% captures naming a place, an attacker and a defender), which is what
// DatasetColumnsBuilder.add does more per event. (Opening the file twice, with and without its
// captures, differs by less than the open's own variation from run to run.) Then what carrying them
// costs: a structured clone (IPC, the worker's post), V8's serialiser (the cache entry), and
// indexing them in the renderer.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { loadDatasetBytes, type LoadedDataset } from '../../src/shared/dataset/loadDatasetBytes';
import { fastEventCheck } from '../../src/main/dataset/fastEventCheck';
import type { TimelineEvent } from '../../src/shared/dataset/schema';
import { indexControl } from '../../src/shared/map/controlAtDate';
import { ControlRecordsBuilder } from '../../src/shared/map/controlRecords';
import { unpackControl } from '../../src/shared/map/controlPack';
import { writeSyntheticDataset } from './synthetic';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const EVENTS = Number(arg('--events') ?? 1_000_000);
const REPS = Number(arg('--reps') ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
};

const dir = mkdtempSync(join(tmpdir(), 'frontline-control-bench-'));
try {
  const path = join(dir, 'synthetic.frontline');
  writeSyntheticDataset(path, { events: EVENTS });
  const bytes0 = new Uint8Array(readFileSync(path));
  const check = fastEventCheck();
  const load = (bytes: Uint8Array): LoadedDataset => {
    const r = loadDatasetBytes(bytes, 'synthetic.frontline', { fastCheck: check });
    if (!r.ok) throw new Error(`does not load: ${r.problems[0]?.message}`);
    return r.loaded;
  };
  const opens: number[] = [];
  let loaded: LoadedDataset | undefined;
  for (let k = 0; k < REPS; k++) {
    const [l, ms] = time(() => load(bytes0));
    opens.push(ms);
    loaded = l;
  }
  // The records' part alone: the builder's add over as many events of the file's shape.
  const header = loaded!.header;
  const places = new Map(header.places.map((p, i) => [p.id, i]));
  const actors = new Map(header.actors.map((a, i) => [a.id, i]));
  const lookup = { placeIndex: (id: string) => places.get(id), actorIndex: (id: string) => actors.get(id) };
  const kinds = ['clash', 'attack', 'civilians', 'protest', 'development', 'capture', 'offensive', 'displacement', 'statement'] as const;
  const shares = [0.34, 0.22, 0.14, 0.14, 0.08, 0.03, 0.02, 0.02, 0.01];
  const sample: TimelineEvent[] = [];
  for (let i = 0; i < 10_000; i++) {
    let roll = (i * 7919) % 10_000 / 10_000;
    let k = 0;
    while (k < shares.length - 1 && roll >= shares[k]!) roll -= shares[k++]!;
    sample.push({
      id: `syn-${i}`,
      type: kinds[k]!,
      status: 'reported',
      title: 'x',
      start: { value: '2017-11-03', precision: 'day' },
      places: [header.places[i % header.places.length]!.id],
      actors: [
        { actor: header.actors[i % 40]!.id, role: 'attacker' },
        { actor: header.actors[(i + 1) % 40]!.id, role: 'defender' }
      ],
      figures: [],
      tags: [],
      citations: [{ source: 'synthetic' }]
    } as unknown as TimelineEvent);
  }
  const window = { start: Date.UTC(2017, 10, 3), end: Date.UTC(2017, 10, 4) };
  const adds: number[] = [];
  for (let k = 0; k < REPS + 1; k++) {
    const builder = new ControlRecordsBuilder(lookup);
    const t = performance.now();
    for (let i = 0; i < EVENTS; i++) builder.add(sample[i % sample.length]!, i, window, undefined);
    if (k > 0) adds.push(performance.now() - t);
  }
  const control = loaded!.control;
  const open = median(opens);
  const add = median(adds);
  const [, cloneMs] = time(() => structuredClone(control));
  const [bytes, serialiseMs] = time(() => serialize(control));
  const ids = (source: number) => `syn-${source}`;
  const [records, unpackMs] = time(() => unpackControl(control, ids));
  const [, indexMs] = time(() => indexControl(records));
  const row = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);
  row(`events`, EVENTS.toLocaleString('en-GB'));
  row(`capture records made`, control.count.toLocaleString('en-GB'));
  row(`open: check, columns and records (median of ${REPS})`, `${open.toFixed(0)} ms`);
  row(`the records' part: builder.add for every event (median)`, `${add.toFixed(1)} ms (${((add / open) * 100).toFixed(2)}% of the open)`);
  row(`structured clone of the records (IPC)`, `${cloneMs.toFixed(1)} ms`);
  row(`V8 serialise (cache entry)`, `${serialiseMs.toFixed(1)} ms, ${(bytes.length / 1e6).toFixed(1)} MB`);
  row(`unpack them in the renderer (once per dataset)`, `${unpackMs.toFixed(1)} ms`);
  row(`index them in the renderer (once per dataset)`, `${indexMs.toFixed(1)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
