// Makes the README screenshots from the built renderer (npm run build && npm run screenshot):
// the whole 2017 timeline, and the same with an event's details open.
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');

test('README screenshots', async ({ openApp, page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const app = await openApp();
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(DOCS, 'screenshot.png') });
  await page.locator('.vis-item.vis-range[data-event="deir-al-zour-displacement"] .ev-label').click();
  await expect(page.locator('aside.detail h2')).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(DOCS, 'screenshot-details.png') });
  expect(app.errors).toEqual([]);
});

test('README screenshot: the map beside the timeline', async ({ openApp, page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const app = await openApp();
  await page.keyboard.press('m');
  await expect(page.getByTestId('map')).toHaveAttribute('data-seq', /^[1-9]/, { timeout: 30_000 });
  await expect(page.getByTestId('control-list')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(DOCS, 'screenshot-map.png') });
  expect(app.errors).toEqual([]);
});

test('README screenshot: an ACLED export, filtered and searched, with the table', async ({ openApp, page }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const { writeFileSync } = await import('node:fs');
  const { syntheticAcledCsv } = await import('../support/syntheticAcled');
  const path = testInfo.outputPath('acled-syria-iraq-sample.csv');
  writeFileSync(path, syntheticAcledCsv(5000, 7));
  const app = await openApp();
  await app.bridge.openFromCommandLine(path);
  await expect(page.getByTestId('notice')).toContainText('Opened acled-syria-iraq-sample.csv');
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('combobox', { name: 'Lanes' }).selectOption('admin1');
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByTestId('filter-panel').locator('[data-facet="type"] label').first().click();
  await page.getByRole('button', { name: 'Table' }).click();
  const box = page.getByRole('combobox', { name: 'Search events' });
  await box.fill('Deir ez-Zor');
  await box.press('Enter');
  await box.press('ArrowDown');
  await expect(page.locator('.table-view tr[aria-selected="true"]')).toHaveCount(1);
  await box.press('Escape');
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(DOCS, 'screenshot-acled.png') });
  expect(app.errors).toEqual([]);
});

test('README screenshot: presenting the displacement figure', async ({ openApp, page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const app = await openApp();
  await page.locator('.vis-item.vis-range[data-event="deir-al-zour-displacement"] .ev-label').click();
  await expect(page.locator('aside.detail h2')).toBeVisible();
  await page.keyboard.press('Shift+F5');
  await expect(page.getByTestId('caption')).toHaveAttribute('data-event', 'deir-al-zour-displacement');
  await page.waitForTimeout(900);
  await page.screenshot({ path: join(DOCS, 'screenshot-present.png') });
  expect(app.errors).toEqual([]);
});
