// Finding what matters in the bundled dataset, in the built renderer bridged to the real handlers:
// search that matches transliterations and Arabic, facet filters with counts, lanes chosen by the
// user, and the table view in step with the timeline.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BUNDLED_DATASET } from '../support/bridge';
import { expect, test } from '../support/fixtures';

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

async function search(page: Page, query: string): Promise<string[]> {
  const box = page.getByRole('combobox', { name: 'Search events' });
  await box.fill(query);
  await box.press('Enter');
  await expect(page.getByTestId('search-status')).toHaveText(/match/);
  const status = (await page.getByTestId('search-status').textContent()) ?? '';
  if (/No matches/.test(status)) return [];
  return page.getByTestId('search-results').locator('[role="option"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-event') ?? '').sort());
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
    // A prefix finds the whole name.
    expect(await search(page, 'Deir al-Z')).toEqual(await search(page, 'Deir al-Zour'));
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

    // A selection made on the timeline shows in the table.
    await page.locator('.vis-item.vis-range[data-event="al-qaim-recaptured"]').click();
    await expect(grid.locator('tbody tr[data-event="al-qaim-recaptured"]')).toHaveAttribute('aria-selected', 'true');

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
