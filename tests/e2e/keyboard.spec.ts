// Every event on the timeline is reachable and operable from the keyboard (issue 14): Tab reaches
// the events in view, the arrows move through them in time order and past the view's edge, each is
// named by its title and date (and its tooltip says so, as on hover), Enter opens its details and
// Esc brings the focus back; T opens the table with the focus on its current row; + and − zoom
// around the selected event and keep it selected.
import type { Page } from '@playwright/test';
import { BUNDLED_DATASET } from '../support/bridge';
import { expect, test } from '../support/fixtures';
import { loadDatasetFile } from '../../src/main/dataset/loadDatasetFile';
import { eventView, type EventView } from '../../src/shared/dataset/columns';
import { shortWhen } from '../../src/shared/dataset/shortDate';

let events: EventView[];
test.beforeAll(async () => {
  const loaded = await loadDatasetFile(BUNDLED_DATASET);
  if (!loaded.ok) throw new Error('bundled dataset invalid');
  events = Array.from({ length: loaded.loaded.columns.count }, (_, i) => eventView(loaded.loaded.columns, i));
});

const byId = (id: string) => events.find((e) => e.id === id)!;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const focusedEvent = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.ev')?.dataset['event'] ?? null);

async function visibleWindow(page: Page): Promise<{ start: number; end: number }> {
  const el = page.getByTestId('visible-window');
  return { start: Number(await el.getAttribute('data-start-ms')), end: Number(await el.getAttribute('data-end-ms')) };
}

test('the events in view are reached with Tab and moved through with the arrows, in time order', async ({ openApp, page }) => {
  const app = await openApp();
  // From the last control before the timeline, a few Tabs reach its events (not 31).
  await page.locator('.legend-toggle').last().focus();
  let tabs = 0;
  while ((await focusedEvent(page)) === null && tabs < 6) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(tabs, 'Tabs from the legend to the first event').toBeLessThanOrEqual(3);
  // One Tab stop among all the events.
  await expect(page.locator('.ev[tabindex="0"]')).toHaveCount(1);

  const window = await visibleWindow(page);
  const inView = events.filter((e) => e.start < window.end && e.end > window.start).sort((a, b) => a.start - b.start || a.index - b.index);
  expect(await focusedEvent(page)).toBe(inView[0]!.id);
  // Named by its title and date, as its tooltip says.
  const first = page.locator(`.ev[data-event="${inView[0]!.id}"]`);
  await expect(first).toHaveAttribute('role', 'button');
  // (Its name starts with what the label shows, so a voice command saying what is seen finds it.)
  await expect(first).toHaveAttribute('aria-label', new RegExp(`${escape(inView[0]!.title)}.*, ${escape(shortWhen(inView[0]!))}$`));
  expect(await first.getAttribute('aria-label')).toContain((await first.locator('.ev-label').textContent())!.trim());
  await expect(page.locator('.event-tooltip')).toHaveText(`${inView[0]!.title}, ${shortWhen(inView[0]!)}`);

  for (const e of inView.slice(1, 6)) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedEvent(page)).toBe(e.id);
  }
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => focusedEvent(page)).toBe(inView[4]!.id);
  await page.keyboard.press('End');
  await expect.poll(() => focusedEvent(page)).toBe(inView.at(-1)!.id);
  await page.keyboard.press('Home');
  await expect.poll(() => focusedEvent(page)).toBe(inView[0]!.id);

  // Past the view's edge: the event before the first in view (the 1916 agreement) comes into view with the focus.
  const before = events.filter((e) => e.start < inView[0]!.start).sort((a, b) => b.start - a.start)[0]!;
  expect(before.id).toBe('sykes-picot');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => focusedEvent(page)).toBe(before.id);
  expect((await visibleWindow(page)).start).toBeLessThanOrEqual(before.start);
  expect(app.errors).toEqual([]);
});

test('Enter opens the focused event, Esc closes it and gives the focus back', async ({ openApp, page }) => {
  await openApp();
  const target = page.locator('.ev[data-event="deir-al-zour-taken"]');
  await target.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('aside.detail h2')).toHaveText(byId('deir-al-zour-taken').title);
  await expect(page.locator('.vis-item.vis-selected[data-event="deir-al-zour-taken"]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('aside.detail')).toHaveCount(0);
  await expect.poll(() => focusedEvent(page)).toBe('deir-al-zour-taken');
  // (The timeline widens as the details close, and is laid out again: the focus stays on the event.)
  await page.waitForTimeout(500);
  expect(await focusedEvent(page)).toBe('deir-al-zour-taken');
  // Space opens too.
  await page.keyboard.press(' ');
  await expect(page.locator('aside.detail h2')).toHaveText(byId('deir-al-zour-taken').title);
});

test('T opens the table with the focus on its current row', async ({ openApp, page }) => {
  await openApp();
  await page.locator('.ev[data-event="raqqa-taken"] .ev-label').click();
  await page.keyboard.press('Escape');
  await page.locator('.ev[data-event="raqqa-taken"] .ev-label').click();
  await expect(page.locator('aside.detail h2')).toHaveText(byId('raqqa-taken').title);
  await page.locator('.timeline').focus();
  await page.keyboard.press('t');
  await expect(page.locator('.table-view')).toBeVisible();
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('tr')?.dataset['event'] ?? null)).toBe('raqqa-taken');
  // The arrows go on from there.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('tr')?.dataset['event'] ?? null)).not.toBe('raqqa-taken');
});

test('+ and − zoom around the selected event and keep it selected', async ({ openApp, page }) => {
  await openApp();
  const id = 'raqqa-taken';
  await page.locator(`.ev[data-event="${id}"] .ev-label`).click();
  await page.locator('.timeline').focus();
  const x = async () => (await page.locator(`.vis-item[data-event="${id}"] .ev-extent`).boundingBox())!.x;
  const start = await x();
  const w0 = await visibleWindow(page);
  await page.keyboard.press('+');
  await expect.poll(async () => (await visibleWindow(page)).end - (await visibleWindow(page)).start).toBeLessThan((w0.end - w0.start) * 0.6);
  await page.waitForTimeout(400);
  // The event's start stays where it was on screen (not the window's middle), and it stays selected.
  expect(Math.abs((await x()) - start)).toBeLessThan(4);
  await expect(page.locator(`.vis-item.vis-selected[data-event="${id}"]`)).toHaveCount(1);
  await page.keyboard.press('-');
  await expect.poll(async () => (await visibleWindow(page)).end - (await visibleWindow(page)).start).toBeGreaterThan((w0.end - w0.start) * 0.9);
  await page.waitForTimeout(400);
  expect(Math.abs((await x()) - start)).toBeLessThan(4);
  await expect(page.locator(`.vis-item.vis-selected[data-event="${id}"]`)).toHaveCount(1);
  await expect(page.locator('aside.detail h2')).toHaveText(byId(id).title);
});

test('hovering an event shows its title and date', async ({ openApp, page }) => {
  await openApp();
  const e = byId('al-qaim-recaptured');
  await page.locator(`.ev[data-event="${e.id}"] .ev-label`).hover();
  await expect(page.locator('.event-tooltip')).toBeVisible();
  await expect(page.locator('.event-tooltip')).toHaveText(`${e.title}, ${shortWhen(e)}`);
  await page.mouse.move(5, 5);
  await expect(page.locator('.event-tooltip')).toBeHidden();
});

test('Esc closes the File menu at once, before the focus has reached its first item', async ({ openApp, page }) => {
  await openApp();
  const file = page.getByRole('button', { name: 'File', exact: true });
  for (let n = 0; n < 5; n++) {
    // No wait between opening and Esc: the first item takes the focus a frame later.
    await file.click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'File' })).toBeHidden();
    // So the next click opens it again (rather than closing a menu left open).
    await file.click();
    await expect(page.getByRole('menuitem', { name: /^Open…/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'File' })).toBeHidden();
  }
});
