// Finding what matters in the bundled dataset, in the built renderer bridged to the real handlers:
// search that matches transliterations, Arabic and other names (aliases), whole words with what
// only completing the last word finds listed apart, why each result matched, facet filters with
// counts, lanes chosen by the user, and the table view in step with the timeline. Then search in a
// 20,000-row ACLED export (synthetic): every spelling of a name finds the same events, exactly
// those whose cells name it, and jumping to one in a density lane shows it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readCsv } from '../../src/shared/import/csvTable';
import { BUNDLED_DATASET } from '../support/bridge';
import { expect, test, type AppPage } from '../support/fixtures';
import { syntheticAcledCsv } from '../support/syntheticAcled';

interface RawPlace {
  id: string;
  name: string;
  countries?: string[];
  parent?: string;
  altNames: { name: string }[];
}
interface RawEvent {
  id: string;
  type: string;
  title: string;
  places: string[];
  actors: { actor: string }[];
  figures: unknown[];
  [key: string]: unknown;
}
const raw = JSON.parse(readFileSync(BUNDLED_DATASET, 'utf8')) as { places: RawPlace[]; actors: { id: string; name: string }[]; events: RawEvent[] };
const placeById = new Map(raw.places.map((p) => [p.id, p]));
const countriesOf = (id: string): string[] => {
  const p = placeById.get(id);
  if (!p) return [];
  return p.countries && p.countries.length > 0 ? p.countries : p.parent ? countriesOf(p.parent) : [];
};
const inCountry = (e: RawEvent, code: string) => e.places.some((p) => countriesOf(p).includes(code));
/** Does anything about the event name Deir al-Zour (its text, a place or an actor)? */
const namesDeir = (e: RawEvent): boolean =>
  /deir al-zour|deir ez-zor/i.test(JSON.stringify({ ...e, citations: undefined })) ||
  e.places.some((p) => /deir/i.test(placeById.get(p)?.name ?? '')) ||
  e.actors.some((a) => /deir/i.test(raw.actors.find((x) => x.id === a.actor)?.name ?? ''));

/** Run a search and wait for its answer: how many events it finds (whole words) and how many only completing the last word finds. */
async function runSearch(page: Page, query: string): Promise<{ count: number; completed: number }> {
  const box = page.getByRole('combobox', { name: 'Search events' });
  await box.fill(query);
  await box.press('Enter');
  const status = page.getByTestId('search-status');
  await expect(status).toHaveAttribute('data-query', query);
  await expect(status).toHaveText(/match/);
  return { count: Number(await status.getAttribute('data-count')), completed: Number((await status.getAttribute('data-completed')) ?? 0) };
}

/** Ids of the events listed: the whole-word matches (or, `completed`, those found by completing the last word). */
async function listed(page: Page, completed = false): Promise<string[]> {
  return page
    .getByTestId('search-results')
    .locator(`[role="option"][data-match="${completed ? 'completed' : 'exact'}"]`)
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-event') ?? '').sort());
}

/** The events a search finds, whole words (ids, sorted). */
async function search(page: Page, query: string): Promise<string[]> {
  const { count, completed } = await runSearch(page, query);
  if (count + completed > 0) await expect(page.getByTestId('search-results')).toBeVisible();
  return count === 0 ? [] : listed(page);
}

async function drawnIds(page: Page): Promise<string[]> {
  return page.locator('.vis-item.vis-range[data-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-event') ?? ''));
}

test.describe('search', () => {
  test('finds the same events under every spelling of Deir al-Zour, Arabic included', async ({ openApp, page }) => {
    await openApp();
    const spellings = ['Deir al-Zour', 'Deir ez-Zor', 'Dayr az Zawr', 'Deir-ez-Zor', 'دير الزور'];
    const found = new Map<string, string[]>();
    for (const q of spellings) found.set(q, await search(page, q));
    const first = found.get('Deir al-Zour')!;
    expect(first.length).toBeGreaterThan(3);
    for (const q of spellings) expect(found.get(q), `results for ${q}`).toEqual(first);
    // Every event at Deir al-Zour is found, and nothing that does not name it.
    const atDeir = raw.events.filter((e) => e.places.includes('deir-al-zour')).map((e) => e.id);
    for (const id of atDeir) expect(first).toContain(id);
    for (const id of first) expect(namesDeir(raw.events.find((e) => e.id === id)!), `${id} names Deir al-Zour`).toBe(true);
    await page.screenshot({ path: test.info().outputPath('search-arabic.png') });
    // One short word alone finds the same: not the summary where the Allies "drew" borders.
    expect(await search(page, 'Deir')).toEqual(first);
    await page.screenshot({ path: test.info().outputPath('search-deir.png') });
  });

  test('tells similar names apart and matches as the user types', async ({ openApp, page }) => {
    await openApp();
    const raqqa = await search(page, 'Raqqa');
    expect(raqqa.length).toBeGreaterThan(0);
    for (const id of raqqa) expect(JSON.stringify(raw.events.find((e) => e.id === id))).toMatch(/raqqa/i);
    const qaim = await search(page, "Al Qa'im");
    expect(qaim).toEqual(await search(page, 'القائم'));
    expect(qaim).toEqual(await search(page, 'al-Qaim'));
    expect(qaim.length).toBeGreaterThan(0);
    // Words match whole: a beginning finds nothing by itself, but what completing it finds is
    // listed apart, under the whole-word matches.
    const deir = await search(page, 'Deir al-Zour');
    expect(await search(page, 'Deir al-Z')).toEqual([]);
    expect(await listed(page, true)).toEqual(deir);
    await expect(page.getByTestId('search-completed')).toContainText(/zour/i);
    expect(await search(page, 'zzyzx no such words')).toEqual([]);
    await expect(page.getByTestId('search-status')).toHaveText('No matches');
  });

  test('arrows and Enter jump between results on the timeline', async ({ openApp, page }) => {
    await openApp();
    const ids = await search(page, 'Deir ez-Zor');
    const options = page.getByTestId('search-results').locator('[role="option"]');
    const order = await options.evaluateAll((els) => els.map((el) => el.getAttribute('data-event') ?? ''));
    expect([...order].sort()).toEqual(ids);
    const box = page.getByRole('combobox', { name: 'Search events' });
    const heading = page.locator('.detail h2');
    const titleOf = (id: string) => raw.events.find((e) => e.id === id)!.title;
    await box.press('ArrowDown');
    await expect(heading).toHaveText(titleOf(order[0]!));
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await box.press('Enter');
    await expect(heading).toHaveText(titleOf(order[1]!));
    await box.press('Shift+Enter');
    await expect(heading).toHaveText(titleOf(order[0]!));
    await box.press('ArrowUp');
    await expect(heading).toHaveText(titleOf(order.at(-1)!));
    // The selected event is drawn, selected, on the timeline.
    await expect(page.locator(`.vis-item.vis-selected[data-event="${order.at(-1)}"]`)).toHaveCount(1);
    // Only these: the timeline shows the matches alone.
    await page.getByTestId('only-matches').check();
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(async () => (await drawnIds(page)).length).toBeGreaterThan(0);
    for (const id of await drawnIds(page)) expect(ids).toContain(id);
    // Esc closes the list, then clears the search.
    await box.press('Escape');
    await box.press('Escape');
    await expect(box).toHaveValue('');
    await expect.poll(async () => (await drawnIds(page)).length).toBeGreaterThan(ids.length);
  });
});

test.describe('search: other names, and why each result matched', () => {
  test('every name of Islamic State finds the same events, each shown with the field and words that matched', async ({ openApp, page }) => {
    await openApp();
    // The dataset names IS "Islamic State (IS)", "IS", "Islamic State group"…; the built-in groups add ISIS, ISIL, Daesh, داعش.
    const is = await search(page, 'Islamic State');
    expect(is.length).toBeGreaterThan(5);
    for (const q of ['IS', 'ISIS', 'ISIL', 'Daesh', 'داعش']) expect(await search(page, q), q).toEqual(is);
    await expect(page.getByTestId('search-expansions')).toContainText('Islamic State');
    const first = page.getByTestId('search-results').locator('[role="option"][data-match="exact"]').first();
    const why = first.getByTestId('result-why');
    await expect(why).toBeVisible();
    // The field is named, and the matched words are marked (as text: a <mark> holding words only).
    await expect(why.locator('.why-field').first()).toHaveText(/^(title|notes|place|actor)/);
    const marked = await why.locator('mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(m).toMatch(/^(IS|IS's|Islamic State|Islamic|State|Daesh|ISIS|ISIL)$/);
    expect(await why.locator('mark *').count()).toBe(0);
    await page.screenshot({ path: test.info().outputPath('search-why.png') });
  });

  test('Albu Kamal under its other names, Arabic included; a place\'s other name says whose it is', async ({ openApp, page }) => {
    await openApp();
    const albu = await search(page, 'Albu Kamal');
    expect(albu).toEqual(expect.arrayContaining(['sdf-offensive-albu-kamal', 'syrian-army-offensive-albu-kamal']));
    for (const q of ['Abu Kamal', 'Bukamal', 'البوكمال', 'Al-Bukamal']) expect(await search(page, q), q).toEqual(albu);
    // Found through the place's Arabic name: the list says it is another name of Albu Kamal.
    await search(page, 'البوكمال');
    const place = page.getByTestId('search-results').locator('[role="option"]').first().locator('.why[data-field="place"]');
    await expect(place).toContainText('Albu Kamal');
  });
});

test.describe('search: hostile text', () => {
  test('markup in the texts that matched is shown as text, and none of it runs', async ({ openApp, page }) => {
    await openApp({ datasetPath: join(import.meta.dirname, '..', 'fixtures', 'hostile.frontline') });
    const found = await search(page, 'onerror');
    expect(found.length).toBeGreaterThan(0);
    const why = page.getByTestId('search-results').locator('[data-match="exact"]').first().getByTestId('result-why');
    await expect(why).toContainText('<img src=x onerror="window.__pwned=1">');
    await expect(why.locator('mark').first()).toHaveText('onerror');
    await search(page, 'click');
    await expect(page.getByTestId('search-results').getByTestId('result-why').first()).toContainText('<a href="javascript:window.__pwned=3">click</a>');
    expect(await page.locator('#app img, #app script, #app a[href], #app iframe').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// A 20,000-row ACLED export

const ACLED_ROWS = 20_000;
let acledDir: string;
let acledPath: string;
/** Per row: every text search reads (sub-event type and location in the title, actors, notes). */
let acledTexts: string[];

test.beforeAll(() => {
  acledDir = mkdtempSync(join(tmpdir(), 'frontline-finding-'));
  acledPath = join(acledDir, 'acled-20000.csv');
  const text = syntheticAcledCsv(ACLED_ROWS, 1);
  writeFileSync(acledPath, text);
  const read = readCsv(text, 'acled-20000.csv');
  if (!read.ok) throw new Error('unreadable synthetic export');
  const col = (name: string) => read.table.keys.indexOf(name);
  const cols = ['sub_event_type', 'location', 'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'notes'].map(col);
  acledTexts = read.table.rows.map((r) => cols.map((c) => r.cells[c] ?? '').join(' | '));
});

test.afterAll(() => rmSync(acledDir, { recursive: true, force: true }));

/** Rows some text of which names the thing (written out here, independently of the app's folding). */
const rowsNaming = (pattern: RegExp): number => acledTexts.filter((t) => pattern.test(t)).length;

async function openAcled(openApp: (o?: object) => Promise<AppPage>, page: Page): Promise<AppPage> {
  const app = await openApp();
  await app.bridge.openFromCommandLine(acledPath);
  await expect(page.getByTestId('notice')).toContainText('Opened acled-20000.csv', { timeout: 30_000 });
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  return app;
}

test.describe('search in a 20,000-row ACLED export', () => {
  test('every spelling of one name finds the same events, exactly those that name it', async ({ openApp, page }) => {
    const app = await openAcled(openApp, page);
    const cases: [string[], RegExp][] = [
      [['Albu Kamal', 'Abu Kamal', 'Bukamal', 'البوكمال'], /Albu Kamal|Abu Kamal|Bukamal|البوكمال/],
      [['Islamic State', 'ISIS', 'ISIL', 'Daesh', 'داعش'], /Islamic State|\bISIS\b|\bISIL\b|\bDaesh\b|داعش/],
      [['airstrike', 'air strike', 'air-strike'], /air\/drone strike|air[- ]?strike/i],
      [['ceasefire', 'cease-fire', 'cease fire'], /cease-?fire/],
      [['Deir ez-Zor', 'Deir al-Zour', 'دير الزور', 'Dayr az-Zawr'], /Deir ez-Zor|Deir al-Zour|دير الزور|Dayr az-Zawr/]
    ];
    for (const [spellings, pattern] of cases) {
      const expected = rowsNaming(pattern);
      expect(expected, String(pattern)).toBeGreaterThan(50);
      for (const q of spellings) expect((await runSearch(page, q)).count, q).toBe(expected);
    }
    // Names that merely start the same ("Deir Zorjib", "Deir Zorqas") are not among the matches;
    // typing the name, they are listed apart, as starting with what was typed.
    const deir = await runSearch(page, 'Deir ez-Zor');
    expect(deir.completed).toBeGreaterThan(0);
    await expect(page.getByTestId('search-completed')).toContainText('zorjib');
    const completedRows = page.getByTestId('search-results').locator('[role="option"][data-match="completed"]');
    await expect(completedRows.first()).toBeVisible();
    for (let k = 0; k < 5; k++) {
      const why = completedRows.nth(k).getByTestId('result-why');
      await expect(why).toBeVisible();
      expect(await why.locator('mark').allTextContents(), `completed row ${k}`).toContainEqual(expect.stringMatching(/\bZor[a-z]+$/));
    }
    await page.screenshot({ path: test.info().outputPath('acled-search.png') });
    expect(app.errors).toEqual([]);
  });

  test('jumping to a match in a density lane shows that event', async ({ openApp, page }) => {
    const app = await openAcled(openApp, page);
    // Fitted to 2014–2018, the lanes show density bars.
    await expect(page.locator('.lane-label-density').first()).toBeVisible();
    await runSearch(page, 'Albu Kamal');
    const options = page.getByTestId('search-results').locator('[role="option"][data-match="exact"]');
    const box = page.getByRole('combobox', { name: 'Search events' });
    for (const k of [0, 5, 20]) {
      const id = (await options.nth(k).getAttribute('data-event')) ?? '';
      while ((await options.nth(k).getAttribute('aria-selected')) !== 'true') await box.press('ArrowDown');
      const item = page.locator(`.vis-foreground .vis-item.vis-range[data-event="${id}"]`);
      await expect(item, `event ${id} drawn`).toBeVisible();
      await expect(item).toHaveClass(/vis-selected/);
      const panel = (await page.locator('.vis-panel.vis-center').boundingBox())!;
      const box2 = (await item.boundingBox())!;
      expect(box2.x + box2.width).toBeGreaterThan(panel.x);
      expect(box2.x).toBeLessThan(panel.x + panel.width);
    }
    await page.screenshot({ path: test.info().outputPath('acled-jump.png') });
    expect(app.errors).toEqual([]);
  });
});

test.describe('filters', () => {
  test('combine with counts, drive timeline and legend together, and clear', async ({ openApp, page }) => {
    await openApp();
    const total = raw.events.length;
    await page.getByRole('button', { name: /^Filters/ }).click();
    const panel = page.getByTestId('filter-panel');
    await expect(panel.getByTestId('filter-total')).toHaveText(`${total} of ${total} events`);

    // Country: Iraq. The count beside it is what ticking it shows.
    const iraq = raw.events.filter((e) => inCountry(e, 'IQ'));
    const country = panel.locator('[data-facet="country"]');
    await expect(country.locator('label', { hasText: 'Iraq' }).locator('.count')).toHaveText(String(iraq.length));
    await country.getByLabel(/Iraq/).check();
    await expect(panel.getByTestId('filter-total')).toHaveText(`${iraq.length} of ${total} events`);
    await expect(page.getByRole('button', { name: /Filters/ }).locator('.badge')).toHaveText('1');
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(async () => (await drawnIds(page)).length).toBeGreaterThan(0);
    for (const id of await drawnIds(page)) expect(iraq.map((e) => e.id)).toContain(id);

    // AND with has-figures; the legend counts follow.
    const both = iraq.filter((e) => e.figures.length > 0);
    await panel.locator('[data-facet="figures"]').getByLabel('With figures').check();
    await expect(panel.getByTestId('filter-total')).toHaveText(`${both.length} of ${total} events`);
    const types = new Set(both.map((e) => e.type));
    for (const t of types) {
      const n = both.filter((e) => e.type === t).length;
      await expect(page.locator('.legend-toggle', { has: page.locator(`[data-type="${t}"]`) }).locator('.count')).toHaveText(String(n));
    }
    // OR within a facet: Syria as well.
    const either = raw.events.filter((e) => (inCountry(e, 'IQ') || inCountry(e, 'SY')) && e.figures.length > 0);
    await country.getByLabel(/Syria/).check();
    await expect(panel.getByTestId('filter-total')).toHaveText(`${either.length} of ${total} events`);
    await page.screenshot({ path: test.info().outputPath('filters.png') });

    // A date range keeps the events overlapping it.
    await panel.getByRole('button', { name: 'Clear all' }).click();
    await panel.getByTestId('filter-from').fill('2017-11-03');
    await panel.getByTestId('filter-to').fill('2017-11-03');
    const on3rd = await page.evaluate(() => document.querySelector('[data-testid="filter-total"]')?.textContent);
    expect(on3rd).toMatch(/^\d+ of/);
    expect(Number(on3rd!.split(' ')[0])).toBeGreaterThan(0);
    expect(Number(on3rd!.split(' ')[0])).toBeLessThan(total);

    await panel.getByRole('button', { name: 'Clear all' }).click();
    await expect(panel.getByTestId('filter-total')).toHaveText(`${total} of ${total} events`);
    await expect(page.getByRole('button', { name: /Filters/ }).locator('.badge')).toHaveCount(0);
  });

  test('the legend hides a type through the type filter', async ({ openApp, page }) => {
    await openApp();
    const statements = raw.events.filter((e) => e.type === 'statement').map((e) => e.id);
    expect(statements.length).toBeGreaterThan(0);
    await page.locator('.legend-toggle', { has: page.locator('[data-type="statement"]') }).click();
    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect(page.getByTestId('filter-total')).toHaveText(`${raw.events.length - statements.length} of ${raw.events.length} events`);
    for (const id of await drawnIds(page)) expect(statements).not.toContain(id);
  });
});

test.describe('lanes', () => {
  test('by actor and by admin region', async ({ openApp, page }) => {
    await openApp();
    const lanes = page.getByRole('combobox', { name: 'Lanes' });
    await lanes.selectOption('actor');
    const names = () => page.locator('.vis-labelset .lane-name').allTextContents();
    await expect.poll(names).toContain('Islamic State (IS)');
    // An event with IS among its actors sits in the IS lane.
    const isLane = (await names()).indexOf('Islamic State (IS)');
    const inLane = await page.locator('.vis-foreground .vis-group').nth(isLane).locator('.vis-item[data-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-event') ?? ''));
    expect(inLane.length).toBeGreaterThan(0);
    for (const id of inLane) expect(raw.events.find((e) => e.id === id)!.actors.map((a) => a.actor)).toContain('islamic-state');
    await page.screenshot({ path: test.info().outputPath('lanes-actor.png') });

    await lanes.selectOption('admin1');
    await expect.poll(names).toContain('Deir al-Zour province');
    await page.screenshot({ path: test.info().outputPath('lanes-admin1.png') });
  });
});

test.describe('table view', () => {
  test('shows the filtered events, sorts, and follows the keyboard and the selection', async ({ openApp, page }) => {
    await openApp();
    await page.getByRole('button', { name: 'Table' }).click();
    const grid = page.getByRole('grid');
    await expect(grid).toHaveAttribute('aria-rowcount', String(raw.events.length + 1));
    const rowIds = () => grid.locator('tbody tr[data-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-event') ?? ''));
    // Only the rows in view are in the page (a million-row table stays light).
    const rendered = (await rowIds()).length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThanOrEqual(raw.events.length);

    // Sorting by title: ascending, then descending.
    await grid.getByRole('button', { name: 'Event' }).click();
    await expect(grid.locator('th', { hasText: 'Event' })).toHaveAttribute('aria-sort', 'ascending');
    const titles = raw.events.map((e) => e.title);
    const sortedTitles = [...titles].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }));
    const shownTitles = await grid.locator('tbody tr[data-event] .col-title').allTextContents();
    expect(shownTitles).toEqual(sortedTitles.slice(0, shownTitles.length));
    await grid.getByRole('button', { name: 'Event' }).click();
    await expect(grid.locator('th', { hasText: 'Event' })).toHaveAttribute('aria-sort', 'descending');

    // Keyboard: focus the first row, arrow down, the detail panel follows.
    await grid.locator('tbody tr[data-event]').first().click();
    const heading = page.locator('.detail h2');
    const firstTitle = (await grid.locator('tbody tr[data-event] .col-title').first().textContent()) ?? '';
    await expect(heading).toHaveText(firstTitle);
    await page.keyboard.press('ArrowDown');
    const second = grid.locator('tbody tr[data-event]').nth(1);
    await expect(second).toHaveAttribute('aria-selected', 'true');
    await expect(second).toBeFocused();
    await expect(heading).toHaveText((await second.locator('.col-title').textContent()) ?? '');
    // End reaches the last row, scrolled into the page; its title is last in descending order.
    await page.keyboard.press('End');
    const lastRow = grid.locator(`tbody tr[aria-rowindex="${raw.events.length + 1}"]`);
    await expect(lastRow).toHaveAttribute('aria-selected', 'true');
    await expect(lastRow.locator('.col-title')).toHaveText(sortedTitles[0]!);
    await expect(heading).toHaveText(sortedTitles[0]!);

    // A selection made on the timeline (N: the next event in time, selected there) shows in the table.
    // (Not by a click: with the table open the lanes scroll, and vis draws only those in sight.)
    const before = (await heading.textContent()) ?? '';
    await page.locator('.timeline').focus();
    await page.keyboard.press('n');
    await expect(heading).not.toHaveText(before);
    const next = (await heading.textContent()) ?? '';
    await expect(grid.locator('tbody tr[aria-selected="true"] .col-title')).toHaveText(next);

    // Same filters as the timeline.
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByTestId('filter-panel').locator('[data-facet="country"]').getByLabel(/Iraq/).check();
    // The narrower timeline (panel and details open) still shows the story's years, not centuries off.
    const start = Date.parse((await page.getByTestId('visible-window').getAttribute('data-start')) ?? '');
    const end = Date.parse((await page.getByTestId('visible-window').getAttribute('data-end')) ?? '');
    expect(start).toBeLessThan(Date.UTC(2017, 10, 3));
    expect(end).toBeGreaterThan(Date.UTC(2014, 0, 1));
    const iraq = raw.events.filter((e) => inCountry(e, 'IQ')).map((e) => e.id).sort();
    await expect(grid).toHaveAttribute('aria-rowcount', String(iraq.length + 1));
    expect((await rowIds()).sort()).toEqual(iraq);
    await page.screenshot({ path: test.info().outputPath('table.png') });
  });
});
