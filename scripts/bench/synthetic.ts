// Synthetic ACLED-like datasets for the benchmark and the scale tests: events clustered in time
// (offensives and quiet periods), 4 to 20 countries as lanes, about 30% ranges, fatalities on some.
// Deterministic for a given seed. Written as JSON text in chunks, so a million events never exist
// as one string. Nothing here comes from ACLED: names and places are made up.
import { closeSync, openSync, writeSync } from 'node:fs';
import { prng } from '../../tests/support/prng';

export { prng };


export interface SyntheticOptions {
  readonly events: number;
  /** Countries (lanes by theatre), 4 to 20. */
  readonly countries?: number;
  readonly seed?: number;
  readonly from?: string;
  readonly to?: string;
  /** Share of events with an end date. */
  readonly rangeShare?: number;
  /** Share of events with a fatalities figure. */
  readonly figureShare?: number;
}

const COUNTRY_CODES = ['SY', 'IQ', 'YE', 'LY', 'ML', 'BF', 'NG', 'SO', 'SD', 'SS', 'CD', 'CF', 'ET', 'MZ', 'NE', 'TD', 'CM', 'AF', 'PK', 'MM'];
const TYPES: readonly [string, number][] = [
  ['clash', 0.34],
  ['attack', 0.22],
  ['civilians', 0.14],
  ['protest', 0.14],
  ['development', 0.08],
  ['capture', 0.03],
  ['offensive', 0.02],
  ['displacement', 0.02],
  ['statement', 0.01]
];
const VERBS: Readonly<Record<string, string>> = {
  clash: 'Armed clash between',
  attack: 'Shelling by',
  civilians: 'Attack on civilians by',
  protest: 'Protest against',
  development: 'Arrests by',
  capture: 'Town taken by',
  offensive: 'Offensive by',
  displacement: 'Families displaced by fighting involving',
  statement: 'Statement by'
};
const DAY = 86_400_000;

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Writes a synthetic native dataset to `path`. Returns the number of bytes written.
 * Time is clustered: a base rate plus bursts (offensives) of a few days to a few months.
 */
export function writeSyntheticDataset(path: string, options: SyntheticOptions): number {
  const r = prng(options.seed ?? 1);
  const n = options.events;
  const countries = COUNTRY_CODES.slice(0, Math.min(20, Math.max(1, options.countries ?? 8)));
  const from = Date.parse(options.from ?? '2014-01-01');
  const to = Date.parse(options.to ?? '2018-12-31');
  const span = to - from;
  const rangeShare = options.rangeShare ?? 0.3;
  const figureShare = options.figureShare ?? 0.4;

  // Places: 25 per country, actors: 40.
  const places = countries.flatMap((c, ci) =>
    Array.from({ length: 25 }, (_, k) => ({
      id: `${c.toLowerCase()}-p${k}`,
      name: `${c} District ${k + 1}`,
      kind: 'town',
      countries: [c],
      admin1: `${c} Province ${(k % 6) + 1}`,
      coordinates: { lat: 10 + ci + r(), lon: 20 + ci + r(), precision: k % 5 === 0 ? 'approximate' : 'exact', source: 'synthetic' }
    }))
  );
  const actors = Array.from({ length: 40 }, (_, k) => ({ id: `a${k}`, name: `Armed Group ${k + 1}`, kind: k < 8 ? 'state-force' : 'armed-group' }));

  // Bursts: times with a weight; a share of events fall inside them.
  const bursts = Array.from({ length: Math.max(4, Math.round(Math.sqrt(n) / 4)) }, () => ({
    at: from + r() * span,
    width: (2 + r() * 80) * DAY,
    country: Math.floor(r() * countries.length)
  }));

  const fd = openSync(path, 'w');
  let written = 0;
  let buffer = '';
  const flush = (force = false) => {
    if (buffer.length > 1 << 20 || force) {
      written += writeSync(fd, buffer);
      buffer = '';
    }
  };
  const header = {
    $schema: './frontline-dataset.schema.json',
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: `Synthetic conflict events (${n.toLocaleString('en-GB')})`, subtitle: 'Generated for benchmarks; not real events', theatres: [] },
    sources: [{ id: 'synthetic', kind: 'dataset', publisher: 'Frontline benchmark', title: 'Synthetic events' }],
    places,
    actors
  };
  buffer += JSON.stringify(header).slice(0, -1) + ',"events":[\n';
  for (let i = 0; i < n; i++) {
    let t: number;
    let country: number;
    if (r() < 0.6) {
      const b = pick(r, bursts);
      t = b.at + (r() + r() + r() - 1.5) * b.width;
      country = r() < 0.8 ? b.country : Math.floor(r() * countries.length);
    } else {
      t = from + r() * span;
      country = Math.floor(r() * countries.length);
    }
    t = Math.min(to, Math.max(from, t));
    const typeRoll = r();
    let acc = 0;
    let type = 'clash';
    for (const [name, share] of TYPES) {
      acc += share;
      if (typeRoll < acc) {
        type = name;
        break;
      }
    }
    const place = `${countries[country]!.toLowerCase()}-p${Math.floor(r() * 25)}`;
    const a1 = Math.floor(r() * 40);
    const a2 = (a1 + 1 + Math.floor(r() * 39)) % 40;
    const precisionRoll = r();
    const day = isoDay(t);
    const start =
      precisionRoll < 0.8 ? { value: day, precision: 'day' } : precisionRoll < 0.92 ? { value: isoWeek(t), precision: 'week' } : { value: day.slice(0, 7), precision: 'month' };
    const event: Record<string, unknown> = {
      id: `syn-${i}`,
      type,
      title: `${VERBS[type]} Armed Group ${a1 + 1} and Armed Group ${a2 + 1} near ${countries[country]} District ${place.split('-p')[1]}`,
      start
    };
    if (r() < rangeShare) {
      const days = Math.ceil(Math.exp(r() * Math.log(120)));
      event['end'] = { value: isoDay(Math.min(to, Date.parse(day) + days * DAY)), precision: 'day' };
      if ((event['end'] as { value: string }).value < day) delete event['end'];
      if (start.precision !== 'day') delete event['end'];
    }
    event['places'] = [place];
    event['actors'] = [
      { actor: `a${a1}`, role: 'attacker' },
      { actor: `a${a2}`, role: 'defender' }
    ];
    if (r() < figureShare) {
      const deaths = Math.floor(Math.exp(r() * 4)) - 1;
      event['figures'] = [{ value: deaths, unit: 'fatalities', counts: 'reported fatalities', label: 'killed', bound: 'exact', asWritten: String(deaths) }];
    }
    event['citations'] = [{ source: 'synthetic', quote: `Synthetic record ${i}` }];
    buffer += (i > 0 ? ',\n' : '') + JSON.stringify(event);
    flush();
  }
  buffer += '\n]}\n';
  flush(true);
  closeSync(fd);
  return written;
}

function isoWeek(ms: number): string {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(ms - day * DAY + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
