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
