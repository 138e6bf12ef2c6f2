// SearchIndex with other names, phrases and compounds: every spelling of one name finds the same
// events (built-in groups, and a dataset's own other names and aliases on top), in a crafted
// dataset, the bundled one and a synthetic 20,000-row ACLED export; names of several words are
// phrases; "airstrike", "air strike", "air-strike" and "Air/drone strike" meet; whole words are the
// results and completions of the last word are answered apart; why each event matched.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { naiveFind, textsOf } from '../../../tests/support/naiveSearch';
import { syntheticAcledCsv } from '../../../tests/support/syntheticAcled';
import { stringAt } from '../dataset/columns';
import { columnsFromDataset } from '../dataset/datasetColumns';
import type { Dataset, TimelineEvent } from '../dataset/schema';
import { parseDatasetText } from '../dataset/validateDataset';
import { importText } from '../import/importText';
import { SearchIndex } from './searchIndex';

interface Fixture {
  readonly columns: ReturnType<typeof columnsFromDataset>['columns'];
  readonly header: ReturnType<typeof columnsFromDataset>['header'];
  readonly index: SearchIndex;
}

function fixture(dataset: Dataset): Fixture {
  const { columns, header } = columnsFromDataset(dataset);
  return { columns, header, index: new SearchIndex(columns, header) };
}

const ids = (f: Fixture, found: Uint32Array): string[] => Array.from(found, (i) => stringAt(f.columns.ids, i)).sort();
const search = (f: Fixture, q: string): string[] => ids(f, f.index.search(q));

/** Events with these titles (and summaries, places, actors as given). */
function crafted(events: readonly (Partial<TimelineEvent> & { id: string; title: string })[]): Dataset {
  return {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Crafted', theatres: [] },
    sources: [{ id: 's', kind: 'other', publisher: 'P', title: 'T' }],
    places: [
      { id: 'bk', name: 'Albu Kamal', altNames: [{ name: 'البوكمال', lang: 'ar' }], kind: 'town', countries: ['SY'] },
      { id: 'hajin', name: 'Hajin', altNames: [{ name: 'Hajeen' }], kind: 'town', countries: ['SY'] },
      { id: 'dz', name: 'Deir Zorjib', altNames: [], kind: 'town', countries: ['SY'] }
    ],
    actors: [
      { id: 'is', name: 'Islamic State (IS)', aliases: ['IS'], kind: 'armed-group', backedBy: [], memberOf: [], countries: [] },
      { id: 'jt', name: 'Jaysh al-Thuwar', aliases: ['Army of Revolutionaries'], kind: 'armed-group', backedBy: [], memberOf: [], countries: [] }
    ],
    events: events.map((e) => ({
      type: 'clash' as const,
      start: { value: '2017-11-03', precision: 'day' as const },
      places: [],
      actors: [],
      status: 'reported' as const,
      figures: [],
      citations: [{ source: 's' }],
      tags: [],
      ...e
    }))
  };
}

const CRAFTED = crafted([
  { id: 'at-place', title: 'Shelling', places: ['bk'] },
  { id: 'abu', title: 'Fighting in Abu Kamal' },
  { id: 'bukamal', title: 'Convoy left Bukamal' },
  { id: 'arabic', title: 'قصف في البوكمال' },
  { id: 'apart', title: 'Abu Bakr visited Kamal' },
  { id: 'isis', title: 'ISIS fighters withdrew' },
  { id: 'daesh', title: 'Daesh cells', summary: 'Residents blamed داعش.' },
  { id: 'is-actor', title: 'An attack', actors: [{ actor: 'is', role: 'participant' }] },
  { id: 'state-islamic', title: 'The state of Islamic law' },
  { id: 'is-verb', title: 'It is over' },
  { id: 'airstrike', title: 'An airstrike on a bridge' },
  { id: 'air-strike', title: 'An air-strike on a school' },
  { id: 'air strike', title: 'An air strike hit a market' },
  { id: 'drone', title: 'Air/drone strike in Hajin' },
  { id: 'air-then-strike', title: 'Air raid sirens; workers on strike' },
  { id: 'ceasefire', title: 'A cease-fire began', summary: 'The ceasefire held.' },
  { id: 'deir', title: 'Clashes in Deir ez-Zor' },
  { id: 'deir-arabic', title: 'اشتباكات في دير الزور' },
  { id: 'zorjib', title: 'Clashes in Deir Zorjib', places: ['dz'] },
  { id: 'hajeen', title: 'Raid near Hajeen' },
  { id: 'thuwar', title: 'The Army of Revolutionaries advanced' },
  { id: 'thuwar-actor', title: 'Advance', actors: [{ actor: 'jt', role: 'participant' }] }
]);

describe('other names: every spelling of one name finds the same events', () => {
  let f: Fixture;
  beforeAll(() => {
    f = fixture(CRAFTED);
  });

  it('Albu Kamal, Abu Kamal, Bukamal, البوكمال: in titles, and through the place\'s names', () => {
    const expected = ['abu', 'arabic', 'at-place', 'bukamal'];
    for (const q of ['Albu Kamal', 'Abu Kamal', 'Bukamal', 'البوكمال', 'Al-Bukamal', 'abu kamal']) expect(search(f, q), q).toEqual(expected);
  });

  it('Islamic State, IS, ISIS, ISIL, Daesh, داعش: not "state of Islamic", not the verb "is"', () => {
    const expected = ['daesh', 'is-actor', 'isis'];
    for (const q of ['Islamic State', 'IS', 'ISIS', 'ISIL', 'Daesh', 'داعش', 'Islamic State of Iraq and the Levant']) expect(search(f, q), q).toEqual(expected);
    // The words on their own are words: found anywhere, in any order.
    expect(search(f, 'Islamic')).toEqual(['is-actor', 'state-islamic']);
    expect(search(f, 'state Islamic')).toEqual(['is-actor', 'state-islamic']);
  });

  it('the dataset\'s own other names and aliases count as much as the built-in ones', () => {
    for (const q of ['Hajin', 'Hajeen']) expect(search(f, q), q).toEqual(['drone', 'hajeen']);
    for (const q of ['Jaysh al-Thuwar', 'Army of Revolutionaries']) expect(search(f, q), q).toEqual(['thuwar', 'thuwar-actor']);
  });

  it('Deir ez-Zor in every spelling, and not Deir Zorjib, which only starts like it', () => {
    for (const q of ['Deir ez-Zor', 'Deir al-Zour', 'Dayr az-Zawr', 'دير الزور', 'Deir Zor']) {
      const found = f.index.find(q);
      expect(ids(f, found.exact), q).toEqual(['deir', 'deir-arabic']);
    }
    // Typing "Zor", the names it starts are answered apart.
    const typing = f.index.find('Deir Zor');
    expect(ids(f, typing.prefix)).toEqual(['zorjib']);
    expect(typing.completions).toEqual(['zorjib']);
    expect(f.index.find('Deir Zor ').prefix).toHaveLength(0);
  });
});

describe('compounds and phrases', () => {
  let f: Fixture;
  beforeAll(() => {
    f = fixture(CRAFTED);
  });

  it('airstrike, air strike, air-strike and Air/drone strike find each other; air … strike apart does not', () => {
    const expected = ['air strike', 'air-strike', 'airstrike', 'drone'];
    for (const q of ['airstrike', 'air strike', 'air-strike', 'Air Strike', 'AIRSTRIKE']) expect(search(f, q), q).toEqual(expected);
    // "air" and "strike" as words of their own: anywhere.
    expect(search(f, 'strike air')).toEqual(['air strike', 'air-strike', 'air-then-strike', 'drone']);
  });

  it('ceasefire, cease-fire and cease fire', () => {
    for (const q of ['ceasefire', 'cease-fire', 'cease fire']) expect(search(f, q), q).toEqual(['ceasefire']);
  });

  it('answers as matching each event\'s texts one by one would', () => {
    const queries = ['Abu Kamal', 'ISIS', 'Islamic State', 'air strike', 'airstrike', 'strike', 'Air/drone', 'drone strike', 'Deir Zor', 'Deir Zo', 'Hajeen', 'Army of', 'cease', 'قصف', 'IS', 'is'];
    for (const q of queries) {
      const found = f.index.find(q);
      expect({ exact: Array.from(found.exact), prefix: Array.from(found.prefix) }, q).toEqual(naiveFind(f, f.index.plan(q)));
    }
  });
});

describe('why each event matched', () => {
  let f: Fixture;
  beforeAll(() => {
    f = fixture(CRAFTED);
  });
  const indexOf = (id: string) => Array.from({ length: f.columns.count }, (_, i) => stringAt(f.columns.ids, i)).indexOf(id);
  const marked = (text: string, hits: readonly (readonly [number, number])[]) => hits.map(([s, e]) => text.slice(s, e));

  it('names the field and the matched words: title, notes, a place\'s other name, an actor', () => {
    const [title] = f.index.explain('ISIS', [indexOf('isis')]);
    expect(title).toEqual([{ field: 'title', text: 'ISIS fighters withdrew', hits: [[0, 4]] }]);
    const [daesh] = f.index.explain('Islamic State', [indexOf('daesh')]);
    expect(daesh!.map((r) => [r.field, marked(r.text, r.hits)])).toEqual([
      ['title', ['Daesh']],
      ['notes', ['داعش']]
    ]);
    const [actor] = f.index.explain('Daesh', [indexOf('is-actor')]);
    expect(actor!.map((r) => [r.field, marked(r.text, r.hits), r.of])).toEqual([['actor', ['Islamic State', 'IS'], undefined]]);
    const [place] = f.index.explain('البوكمال', [indexOf('at-place')]);
    expect(place).toEqual([{ field: 'place', text: 'Albu Kamal', hits: [[0, 10]] }]);
    const [alias] = f.index.explain('Jaysh al-Thuwar', [indexOf('thuwar-actor')]);
    expect(alias).toEqual([{ field: 'actor', text: 'Jaysh al-Thuwar', hits: [[0, 15]] }]);
    const [phrase] = f.index.explain('air strike', [indexOf('drone')]);
    expect(phrase!.map((r) => marked(r.text, r.hits))).toEqual([['Air', 'strike']]);
  });

  it('explains the completions apart, and an extract of long notes around the match', () => {
    const [completed] = f.index.explain('Deir Zor', [indexOf('zorjib')], true);
    expect(completed!.map((r) => [r.field, marked(r.text, r.hits)])).toEqual([
      ['title', ['Deir Zorjib']],
      ['place', ['Deir Zorjib']]
    ]);
    const long = fixture(crafted([{ id: 'long', title: 'Report', summary: `${'Nothing to see here. '.repeat(20)}Then ISIS fighters came. ${'More text. '.repeat(20)}` }]));
    const [reasons] = long.index.explain('Daesh', [0]);
    const notes = reasons![0]!;
    expect(notes.field).toBe('notes');
    expect(notes.text.length).toBeLessThan(200);
    expect(notes.text.startsWith('…')).toBe(true);
    expect(marked(notes.text, notes.hits)).toEqual(['ISIS']);
    // Short notes whose match is far in: from a little before it, so the list shows the match.
    const short = fixture(crafted([{ id: 'short', title: 'Report', summary: 'In January 2014, protesters were involved in an event in Hajin, Deir ez-Zor.' }]));
    const [far] = short.index.explain('Deir al-Zour', [0]);
    expect(far![0]!.text).toBe('…were involved in an event in Hajin, Deir ez-Zor.');
    expect(marked(far![0]!.text, far![0]!.hits)).toEqual(['Deir ez-Zor']);
  });
});

describe('counts agree across spellings', () => {
  it('on the bundled dataset', () => {
    const check = parseDatasetText(readFileSync(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url), 'utf8'), 'bundled.frontline');
    if (!check.ok) throw new Error('bundled dataset invalid');
    const f = fixture(check.dataset);
    const groups = [
      ['Islamic State', 'IS', 'ISIS', 'ISIL', 'Daesh', 'داعش', 'Islamic State group'],
      ['Albu Kamal', 'Abu Kamal', 'Bukamal', 'البوكمال'],
      ['Deir al-Zour', 'Deir ez-Zor', 'Dayr az-Zawr', 'Deir Ezzor', 'دير الزور'],
      ['Syrian Democratic Forces', 'SDF', 'QSD', 'قسد'],
      ['Raqqa', 'Rakka', 'Ar-Raqqah', 'الرقة'],
      ['Mosul', 'Mawsil', 'الموصل'],
      ["al-Qa'im", 'al-Qaim', 'القائم']
    ];
    for (const spellings of groups) {
      const first = search(f, spellings[0]!);
      expect(first.length, spellings[0]).toBeGreaterThan(0);
      for (const q of spellings) expect(search(f, q), q).toEqual(first);
    }
  });

  it('on a synthetic 20,000-row ACLED export, counting exactly the rows that name the thing', () => {
    const text = syntheticAcledCsv(20_000, 1);
    const outcome = importText(text, 'synthetic.csv', { format: 'acled' });
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const imported = outcome.result.dataset;
    const f = fixture({ ...imported, metadata: { ...imported.metadata, theatres: imported.metadata.theatres ?? [] } } as Dataset);
    // Every text of each event, as the import made it (title, notes, place and actors' names).
    const rows = Array.from({ length: f.columns.count }, (_, i) => textsOf(f, i).join(' | '));
    const cases: [string[], RegExp][] = [
      [['Albu Kamal', 'Abu Kamal', 'Bukamal', 'البوكمال'], /Albu Kamal|Abu Kamal|Bukamal|البوكمال/],
      [['Islamic State', 'ISIS', 'ISIL', 'Daesh', 'داعش'], /Islamic State|\bISIS\b|\bISIL\b|\bDaesh\b|داعش/],
      [['airstrike', 'air strike', 'air-strike'], /air\/drone strike|air[- ]?strike/i],
      [['Deir ez-Zor', 'Deir al-Zour', 'دير الزور', 'Dayr az-Zawr'], /Deir ez-Zor|Deir al-Zour|دير الزور|Dayr az-Zawr/]
    ];
    for (const [spellings, pattern] of cases) {
      const expected = rows.filter((r) => pattern.test(r)).length;
      expect(expected, String(pattern)).toBeGreaterThan(50);
      for (const q of spellings) expect(f.index.search(q).length, q).toBe(expected);
    }
    // "Deir Zorjib" and the like only start like Deir ez-Zor: answered apart, as completions.
    const deir = f.index.find('Deir ez-Zor');
    expect(deir.prefix.length).toBeGreaterThan(0);
    expect(deir.completions).toContain('zorjib');
    for (const i of deir.prefix) expect(rows[i]).not.toMatch(/Deir ez-Zor|Deir al-Zour|دير الزور|Dayr az-Zawr/);
  });
});
