// Timings of the filter engine and the search index on a synthetic dataset (1,000,000 events by
// default), in Node. Not a test: prints medians and worst times, checks nothing.
//
//   npx tsx scripts/bench/filterSearch.ts                     1M events, 7 repetitions
//   npx tsx scripts/bench/filterSearch.ts --events 100000 --reps 5
//
// The dataset is the one `npm run bench` generates (scripts/bench/synthetic.ts, same seed), taken
// from bench-results/data when it is there, else generated into the system's temporary folder. Its
// titles are plain ASCII and it has no notes, places' other spellings or actors' aliases; a second
// run adds those (notes of about 200 characters, some with Arabic names; Arabic and transliterated
// spellings of every place), as an ACLED-like import would have.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDatasetFile } from '../../src/main/dataset/loadDatasetFile';
import { buildStringTable, type DatasetHeader, type EventColumns } from '../../src/shared/dataset/columns';
import { FilterEngine, type EventFilter } from '../../src/shared/filter/eventFilter';
import { SearchIndex } from '../../src/shared/search/searchIndex';
import { prng, writeSyntheticDataset } from './synthetic';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const EVENTS = Number(arg('--events') ?? 1_000_000);
const REPS = Number(arg('--reps') ?? 7);
const ROOT = join(import.meta.dirname, '..', '..');

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

/** Median and worst of REPS runs, after one warm-up. */
function measure<T>(label: string, fn: () => T, describe?: (v: T) => string): T {
  let value = fn();
  const times: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const t = time(fn);
    times.push(t.ms);
    value = t.value;
  }
  const extra = describe ? `  ${describe(value)}` : '';
  console.log(`  ${label.padEnd(58)} median ${fmt(median(times)).padStart(10)}   max ${fmt(Math.max(...times)).padStart(10)}${extra}`);
  return value;
}

function datasetPath(n: number): string {
  const shared = join(ROOT, 'bench-results', 'data', `synthetic-${n}.frontline`);
  if (existsSync(shared)) return shared;
  const dir = join(tmpdir(), 'frontline-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `synthetic-${n}.frontline`);
  if (!existsSync(path)) {
    console.log(`generating ${n.toLocaleString('en-GB')} events into ${path}`);
    writeSyntheticDataset(path, { events: n, countries: 8, seed: 20171103 + n });
  }
  return path;
}

/** Notes, Arabic and transliterated place names, actor aliases: what a real import carries. */
function enrich(cols: EventColumns, header: DatasetHeader): { cols: EventColumns; header: DatasetHeader } {
  const r = prng(7);
  const arabic = ['دير الزور', 'الرقة', 'القائم', 'الموصل', 'حلب', 'إدلب', 'البوكمال', 'الميادين'];
  const latin = ['Deir ez-Zor', 'Raqqah', 'al-Qaim', 'Mosul', 'Aleppo', 'Idlib', 'Abu Kamal', 'Mayadin'];
  const places = header.places.map((p, k) => ({
    ...p,
    altNames: [
      { name: `${arabic[k % arabic.length]!} ${k}`, lang: 'ar' },
      { name: `${latin[k % latin.length]!} district ${k}`, lang: 'en' },
      { name: p.name.replace('District', 'Dist.'), lang: 'en' }
    ]
  }));
  const actors = header.actors.map((a, k) => ({ ...a, aliases: [`AG${k + 1}`, `Armed Group No. ${k + 1}`, `Katibat ${latin[k % latin.length]!}`] }));
  const words = ['reportedly', 'shelled', 'positions', 'killing', 'wounding', 'civilians', 'outskirts', 'village', 'checkpoint', 'vehicle', 'militants', 'forces', 'local', 'sources', 'said', 'airstrike', 'drone', 'convoy', 'market', 'residents', 'fled', 'injured', 'clashes', 'continued', 'overnight'];
  const notes: string[] = new Array(cols.count);
  for (let i = 0; i < cols.count; i++) {
    let s = `On ${1 + Math.floor(r() * 28)} ${['March', 'April', 'May'][i % 3]} ${2014 + (i % 5)}, `;
    while (s.length < 200) s += `${words[Math.floor(r() * words.length)]} `;
    s += i % 10 === 0 ? `near ${arabic[i % arabic.length]}.` : `near ${latin[i % latin.length]} (${Math.floor(r() * 900) + 100} people).`;
    notes[i] = s;
  }
  return { cols: { ...cols, summaries: buildStringTable(notes) }, header: { ...header, places, actors } };
}

function indicesToMask(n: number, indices: Uint32Array): Uint8Array {
  const m = new Uint8Array(n);
  for (let k = 0; k < indices.length; k++) m[indices[k]!] = 1;
  return m;
}

async function main(): Promise<void> {
  const path = datasetPath(EVENTS);
  console.log(`dataset ${path}`);
  const loadT = performance.now();
  const file = await loadDatasetFile(path);
  if (!file.ok) throw new Error(file.problems.map((p) => p.message).join('\n'));
  const { columns: cols, header } = file.loaded;
  console.log(`loaded ${cols.count.toLocaleString('en-GB')} events in ${((performance.now() - loadT) / 1000).toFixed(1)} s (not part of the measurements)`);
  console.log(`node ${process.version}, ${REPS} repetitions after a warm-up\n`);

  // ---- Filter engine
  console.log('FilterEngine');
  const build = time(() => new FilterEngine(cols, header));
  const engine = build.value;
  console.log(`  ${'build (once per dataset)'.padEnd(58)} ${fmt(build.ms)}`);
  const f = engine.facets;
  const year = (y: number) => Date.UTC(y, 0, 1);
  const filters: [string, EventFilter][] = [
    ['empty filter', {}],
    ['type = clash', { type: ['clash'] }],
    ['type clash|attack, country SY|IQ', { type: ['clash', 'attack'], country: ['SY', 'IQ'] }],
    ['actor = busiest, date 2016', { actor: [f.actor.values[0]!.key], from: year(2016), to: year(2017) }],
    ['date range only (2015–2016)', { from: year(2015), to: year(2017) }],
    ['region ×2, figures yes, precision day', { region: f.region.values.slice(0, 2).map((v) => v.key), figures: ['yes'], precision: ['day'] }],
    ['6 facets + date', { type: ['clash', 'attack', 'civilians'], country: ['SY', 'IQ', 'YE'], place: f.place.values.slice(0, 40).map((v) => v.key), actor: f.actor.values.slice(0, 10).map((v) => v.key), claimant: ['(none)'], figures: ['yes'], from: year(2015), to: year(2018) }]
  ];
  const out = new Uint8Array(cols.count);
  for (const [label, filter] of filters) {
    measure(`mask       ${label}`, () => engine.mask(filter, undefined, out));
    measure(`counts     ${label}`, () => engine.counts(filter), (c) => `${c.total.toLocaleString('en-GB')} events`);
    measure(`mask+counts (evaluate) ${label}`, () => engine.evaluate(filter, undefined, out));
  }

  // ---- Search
  for (const variant of ['titles only, as generated', 'with notes, alt names and aliases'] as const) {
    const data = variant === 'titles only, as generated' ? { cols, header } : enrich(cols, header);
    console.log(`\nSearchIndex (${variant})`);
    const built = time(() => new SearchIndex(data.cols, data.header));
    const index = built.value;
    const textMB = (data.cols.titles.bytes.length + data.cols.summaries.bytes.length) / 1e6;
    console.log(`  ${'build'.padEnd(58)} ${fmt(built.ms)}   ${textMB.toFixed(0)} MB of text, ${index.vocabularySize.toLocaleString('en-GB')} distinct words, index ${(index.byteSize / 1e6).toFixed(1)} MB`);
    const queries = ['District 12', 'armed group 17', 'shelling', 'SY Dist', 'Armed Group 3 Group 17 clash', 'a', 'zzzz', 'Deir ez-Zor', 'دير الزور', 'Dayr az Zawr', 'al-Qaim', 'fled overnight'];
    for (const q of queries) {
      measure(`search ${JSON.stringify(q)}`, () => index.search(q), (hits) => `${hits.length.toLocaleString('en-GB')} events`);
    }
    const within = engine.mask({ type: ['clash'], country: ['SY'] });
    measure('search "District 1" within a filter mask', () => index.search('District 1', within), (hits) => `${hits.length.toLocaleString('en-GB')} events`);
    const hits = index.search('Group 1');
    measure(`filter evaluate within search hits (${hits.length.toLocaleString('en-GB')})`, () => engine.evaluate({ type: ['clash', 'attack'] }, hits, out));
    const hitMask = indicesToMask(cols.count, hits);
    measure('  the same, hits given as a mask', () => engine.evaluate({ type: ['clash', 'attack'] }, hitMask, out));
  }
}

await main();
