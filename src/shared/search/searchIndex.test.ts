// SearchIndex: on the bundled dataset, every spelling of Deir al-Zour (Arabic included) finds the
// same events, exactly those that name it; al-Qaim likewise; Raqqa and Iraq stay apart; whole words,
// with what completing the last word finds answered apart; blank queries; `within`. At scale (a
// synthetic dataset and a dataset of awkward text), the index answers as folding each event's texts
// and matching them one by one would, and its byte-level reading gives the words and pairs folding
// whole texts gives. Aliases, phrases, compounds and explanations: searchPhrases.test.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticDataset } from '../../../scripts/bench/synthetic';
import { prng } from '../../../tests/support/prng';
import { naiveFind, textsOf } from '../../../tests/support/naiveSearch';
import { stringAt, type DatasetHeader, type EventColumns } from '../dataset/columns';
import { columnsFromDataset } from '../dataset/datasetColumns';
import { loadDatasetBytes } from '../dataset/loadDatasetBytes';
import type { Dataset, TimelineEvent } from '../dataset/schema';
import { parseDatasetText } from '../dataset/validateDataset';
import { foldText } from './fold';
import { SearchIndex } from './searchIndex';

const BUNDLED_TEXT = readFileSync(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url), 'utf8');

interface Fixture {
  readonly dataset: Dataset;
  readonly columns: EventColumns;
  readonly header: DatasetHeader;
  readonly index: SearchIndex;
}

function fixture(dataset: Dataset): Fixture {
  const { columns, header } = columnsFromDataset(dataset);
  return { dataset, columns, header, index: new SearchIndex(columns, header) };
}

function bundled(): Fixture {
  const check = parseDatasetText(BUNDLED_TEXT, 'bundled.frontline');
  if (!check.ok) throw new Error('bundled dataset invalid');
  return fixture(check.dataset);
}

/** Ids of the events at these column indices. */
function idsOf(f: Fixture, indices: Uint32Array): string[] {
  return Array.from(indices, (i) => stringAt(f.columns.ids, i));
}

/** Ids of the events some text of which matches the pattern, in column order. */
function idsWhere(f: Fixture, pattern: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < f.columns.count; i++) if (textsOf(f, i).some((t) => pattern.test(t))) out.push(stringAt(f.columns.ids, i));
  return out;
}

/** The index's answer (whole words and completed) next to what matching each event's texts one by one gives. */
function bothWays(f: Pick<Fixture, 'columns' | 'header'> & { index: SearchIndex }, query: string, within?: Uint8Array) {
  const found = f.index.find(query, within);
  return { index: { exact: Array.from(found.exact), prefix: Array.from(found.prefix) }, naive: naiveFind(f, f.index.plan(query), within) };
}

describe('SearchIndex on the bundled dataset', () => {
  let f: Fixture;
  beforeAll(() => {
    f = bundled();
  });

  it('finds the same Deir al-Zour events with every spelling, Arabic included', () => {
    const expected = idsWhere(f, /Deir al-Zour|Deir ez-Zor|Dayr az Zawr|دير الزور/);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(expected).toContain('deir-al-zour-taken');
    expect(expected).toContain('deir-al-zour-displacement');
    for (const q of ['Deir al-Zour', 'Deir ez-Zor', 'Dayr az Zawr', 'Deir-ez-Zor', 'دير الزور']) expect(idsOf(f, f.index.search(q)), q).toEqual(expected);
  });

  it('finds only events that mention Deir al-Zour somewhere', () => {
    const found = f.index.search('Dayr az Zawr');
    expect(found.length).toBeGreaterThan(0);
    for (const i of found) expect(textsOf(f, i).join(' | ')).toMatch(/Deir al-Zour|Deir ez-Zor|دير الزور/);
    // Events elsewhere are not found.
    const ids = idsOf(f, found);
    for (const other of ['mosul-taken', 'raqqa-taken', 'al-qaim-recaptured', 'raf-proto-state', 'sykes-picot']) expect(ids).not.toContain(other);
  });

  it('finds al-Qaim as Al Qa\'im and القائم, and not Albu Kamal', () => {
    const expected = idsWhere(f, /al-Qaim|Qa'im|القائم/);
    expect(expected).toEqual(['al-qaim-offensive', 'al-qaim-recaptured', 'border-post-seized']);
    for (const q of ['al-Qaim', "Al Qa'im", 'القائم', 'Qaim', 'AL QAIM']) expect(idsOf(f, f.index.search(q)), q).toEqual(expected);
  });

  it('answers an Arabic query from the Arabic names of places', () => {
    expect(idsOf(f, f.index.search('الموصل'))).toEqual(['mosul-taken']);
    expect(idsOf(f, f.index.search('الرقة'))).toEqual(['raqqa-taken']);
    // Albu Kamal, and the crossing named after it ("Husaybah–Albu Kamal crossing").
    expect(idsOf(f, f.index.search('البوكمال'))).toEqual(['border-post-seized', 'sdf-offensive-albu-kamal', 'syrian-army-offensive-albu-kamal']);
  });

  it('keeps Raqqa and Iraq apart', () => {
    expect(idsOf(f, f.index.search('Raqqa'))).toEqual(['raqqa-taken']);
    const iraq = idsOf(f, f.index.search('Iraq'));
    expect(iraq).toContain('coalition-iraq-territory');
    expect(iraq).toContain('iraqi-advance-euphrates');
    expect(iraq).not.toContain('raqqa-taken');
    expect(idsOf(f, f.index.search('العراق'))).toEqual(iraq);
  });

  it('keeps Mosul and Manbij apart', () => {
    expect(idsOf(f, f.index.search('Mosul'))).toEqual(['mosul-taken']);
    expect(f.index.search('Manbij')).toHaveLength(0);
  });

  it('matches whole words, and answers apart what completing the last word being typed finds', () => {
    const deir = idsOf(f, f.index.search('Deir al-Zour'));
    for (const q of ['Deir al-Z', 'Deir al-Zo', 'Deir ez-Z', 'Dayr az-Za', 'دير الز']) {
      const found = f.index.find(q);
      expect(found.exact, q).toHaveLength(0);
      expect(idsOf(f, found.prefix), q).toEqual(deir);
    }
    expect(f.index.find('Deir al-Z').completions).toContain('zour');
    // Finished (a space after it), a word is not completed.
    expect(f.index.find('Deir al-Z ').prefix).toHaveLength(0);
    // One short word alone: its skeleton (dr) is also that of "drew", in a summary, whose vowels
    // are not where Deir's (or دير's) are: it is not found.
    for (const q of ['deir', 'Dayr', 'Dair', 'دير']) expect(idsOf(f, f.index.search(q)), q).toEqual(deir);
    expect(idsOf(f, f.index.search('drew'))).toContain('sykes-picot');
    expect(f.index.search('Euphr')).toHaveLength(0);
    expect(idsOf(f, f.index.find('Euphr').prefix)).toEqual(idsOf(f, f.index.search('Euphrates')));
    expect(f.index.find('Deir al-Zx').prefix).toHaveLength(0);
    expect(f.index.search('Deir Mosul')).toHaveLength(0);
  });

  it('searches titles, summaries, actors\' names and aliases', () => {
    expect(idsOf(f, f.index.search('caliphate'))).toEqual(['raqqa-taken']); // summary only
    expect(idsOf(f, f.index.search('Commodore'))).toEqual(['raf-proto-state']); // actor alias only
    expect(idsOf(f, f.index.search('record time'))).toEqual(['al-qaim-recaptured']); // title
    expect(idsOf(f, f.index.search('Kurdish Syria'))).toEqual(['kurdish-units-northern-syria', 'marcus-analysis']);
  });

  it('does not confuse the acronyms IS and US', () => {
    const us = idsOf(f, f.index.search('US'));
    expect(us).toContain('kurdish-units-northern-syria');
    expect(idsOf(f, f.index.search('IS'))).not.toContain('kurdish-units-northern-syria');
  });

  it('matches every event for a blank query, and keeps to `within`', () => {
    const n = f.columns.count;
    for (const q of ['', '  ', '—']) expect(Array.from(f.index.search(q))).toEqual(Array.from({ length: n }, (_, i) => i));
    const within = new Uint8Array(n);
    within[2] = 1;
    within[5] = 1;
    expect(Array.from(f.index.search('', within))).toEqual([2, 5]);
    const deir = f.index.search('Deir al-Zour');
    const half = new Uint8Array(n);
    deir.forEach((i, k) => (half[i] = k % 2));
    expect(Array.from(f.index.search('Deir al-Zour', half))).toEqual(Array.from(deir).filter((_, k) => k % 2 === 1));
    expect(() => f.index.search('Deir', new Uint8Array(n + 1))).toThrow(RangeError);
  });

  it('returns ascending column indices as a Uint32Array', () => {
    const found = f.index.search('IS');
    expect(found).toBeInstanceOf(Uint32Array);
    expect(Array.from(found)).toEqual(Array.from(found).sort((a, b) => a - b));
  });

  it('answers as matching each event\'s texts one by one would', () => {
    const queries = ['Deir', 'Syrian army', 'IS', 'is', 'US', 'Iraqi forces', 'al-Qaim', 'province', 'a', 'al', 'the', 'Raqqa Syrian', '1,500', 'BBC', 'Usher', 'دير', 'ISIS', 'Daesh fighters', 'Abu Kamal', 'Islamic State group', 'Syrian Democratic Forces', 'QSD', 'Deir ez-Zor province'];
    for (const q of queries) {
      const { index, naive } = bothWays(f, q);
      expect(index, q).toEqual(naive);
    }
  });
});

describe('SearchIndex on a dataset without events', () => {
  it('finds nothing, and a blank query finds nothing either', () => {
    const check = parseDatasetText(BUNDLED_TEXT, 'bundled.frontline');
    if (!check.ok) throw new Error('bundled dataset invalid');
    const f = fixture({ ...check.dataset, events: [] });
    expect(f.index.search('Deir al-Zour')).toHaveLength(0);
    expect(f.index.search('')).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Awkward text, at the byte level

const AWKWARD_TITLES = [
  "IS's fighters and the US-led coalition",
  'ALL CAPS TITLE: IS FIGHTERS IN DEIR EZ-ZOR',
  'IS',
  'UN',
  'About 1,500 fighters; 2,000,000 displaced; 3,14 and 1,5000 and ,500 and 1,000,',
  "Qa'im, Qa’im, Qa`im and O'Brien's men",
  'Deir–Zor and Deir—al-Zour (en and em dashes)',
  'naïve café in Ḥalab, ʿIrāq and Šām',
  'دير الزور والرقة والعراق',
  'ﬁre at ﷲ and ½ past',
  'Москва, 大马士革 and 🔥 emoji',
  'tabs\tand\nnewlines\rand  spaces',
  "'quoted' and \"double\" and `back`",
  'el-Bab, ad-Dana, ash-Shaddadi, as-Safira',
  'x',
  'A B C D',
  "Ra's al-Ain and RAS AL-AIN",
  'The US and THE UN',
  'Air/drone strike near Albu Kamal/Abu Kamal; ISIS/Daesh, Islamic State, AIR STRIKE and air-strike/cease-fire'
];

function awkwardDataset(): Dataset {
  const r = prng(11);
  const events: TimelineEvent[] = AWKWARD_TITLES.flatMap((title, k) =>
    Array.from({ length: 3 }, (_, j) => ({
      id: `e${k}-${j}`,
      type: 'clash' as const,
      title,
      summary: j === 0 ? AWKWARD_TITLES[(k + 5) % AWKWARD_TITLES.length]! : j === 1 ? '' : `${title} ${title.toUpperCase()}`,
      start: { value: `2017-11-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`, precision: 'day' as const },
      places: j === 0 ? ['dez'] : j === 1 ? ['qaim', 'dez'] : [],
      actors: j === 2 ? [{ actor: 'is', role: 'participant' as const }] : [],
      status: 'reported' as const,
      figures: [],
      citations: [{ source: 's' }],
      tags: []
    }))
  );
  return {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Awkward', theatres: [] },
    sources: [{ id: 's', kind: 'other', publisher: 'P', title: 'T' }],
    places: [
      { id: 'dez', name: 'Deir al-Zour', altNames: [{ name: 'دير الزور', lang: 'ar' }, { name: 'Deir ez-Zor' }], kind: 'city', countries: ['SY'] },
      { id: 'qaim', name: 'al-Qaim', altNames: [{ name: 'القائم', lang: 'ar' }], kind: 'town', countries: ['IQ'] }
    ],
    actors: [{ id: 'is', name: 'Islamic State (IS)', aliases: ['IS', 'ISIS', 'Daesh'], kind: 'armed-group', backedBy: [], memberOf: [], countries: [] }],
    events
  };
}

describe('SearchIndex on awkward text', () => {
  let f: Fixture;
  let slow: SearchIndex;
  let queries: string[];
  beforeAll(() => {
    f = fixture(awkwardDataset());
    slow = new SearchIndex(f.columns, f.header, { byteFastPath: false });
    // Every word of every text as a query, its beginning too, and pairs of words.
    const words = new Set<string>();
    for (const t of AWKWARD_TITLES) for (const w of t.split(/[\s,;:()]+/)) if (w) words.add(w);
    queries = [...words, ...[...words].map((w) => w.slice(0, Math.ceil(w.length / 2))), ...[...words].map((w, k, all) => `${w} ${all[(k * 7) % all.length]}`)];
    queries.push('1500', '2000000', 'is', 'us', 'un', 'zor', 'Zawr', 'qaim', 'halab', 'iraq', 'sham', 'fire', 'Allah', 'Safira', 'Ain', 'ayn');
    queries.push('airstrike', 'air strike', 'drone strike', 'Abu Kamal', 'Bukamal', 'Islamic State', 'Daesh', 'ceasefire', 'Deir ez-Zor', 'ISIS');
  });

  it('reads the bytes into the words and pairs folding whole texts gives', () => {
    for (const q of queries) {
      const fast = f.index.find(q);
      const folded = slow.find(q);
      expect(Array.from(fast.exact), q).toEqual(Array.from(folded.exact));
      expect(Array.from(fast.prefix), q).toEqual(Array.from(folded.prefix));
    }
  });

  it('answers as matching each event\'s texts one by one would', () => {
    for (const q of queries) {
      const { index, naive } = bothWays(f, q);
      expect(index, q).toEqual(naive);
    }
  });

  it('finds numbers written with thousands separators', () => {
    expect(f.index.search('1500').length).toBeGreaterThan(0);
    expect(Array.from(f.index.search('1,500'))).toEqual(Array.from(f.index.search('1500')));
    expect(foldText('1,5000').map((w) => w.literal)).toEqual(['1', '5000']);
  });

  it('takes IS as an acronym in mixed case, as a word in capitals', () => {
    const is = idsOf(f, f.index.search('IS'));
    expect(is).toContain('e0-1'); // "IS's fighters"
    expect(is).toContain('e2-1'); // title "IS" alone
    const us = idsOf(f, f.index.search('US'));
    expect(us).not.toContain('e2-1');
  });

  it('handles queries longer than one pass of words', () => {
    const long = Array.from({ length: 40 }, (_, k) => `w${k}`).join(' ');
    expect(f.index.search(long)).toHaveLength(0);
    const title = 'tabs and newlines and spaces '.repeat(12);
    expect(idsOf(f, f.index.search(title))).toEqual(idsOf(f, f.index.search('tabs newlines spaces')));
  });
});

// ---------------------------------------------------------------------------------------------
// The synthetic dataset of the benchmark, smaller

describe('SearchIndex on a synthetic dataset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers as matching each event\'s texts one by one would', () => {
    const path = join(dir, 'synthetic.frontline');
    writeSyntheticDataset(path, { events: 6000, countries: 6, seed: 5 });
    const loaded = loadDatasetBytes(new Uint8Array(readFileSync(path)), 'synthetic.frontline');
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    const { columns, header } = loaded.loaded;
    const index = new SearchIndex(columns, header);
    const r = prng(3);
    const within = new Uint8Array(columns.count).map(() => (r() < 0.5 ? 1 : 0));
    for (const q of ['District 12', 'armed group 17', 'shelling', 'SY Dist', 'Armed Group 3 Group 17 clash', 'a', 'zzzz', 'IQ', 'Group 1', 'near', 'Protest against']) {
      const { index: found, naive } = bothWays({ columns, header, index }, q);
      expect(found, q).toEqual(naive);
      const inside = index.find(q, within);
      expect(Array.from(inside.exact), q).toEqual(found.exact.filter((i) => within[i] === 1));
      expect(Array.from(inside.prefix), q).toEqual(found.prefix.filter((i) => within[i] === 1));
    }
    expect(index.search('District 12').length).toBeGreaterThan(0);
  });
});
