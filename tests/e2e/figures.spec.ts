// Figures with UCDP's range, in the built renderer: the timeline label and the details show the
// best estimate with its range ("0 killed, up to 7,961"), never "about 0", and one of a count
// agrees in number ("1 civilian killed"). The fixture is invented rows.
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';

const DEATHS = join(import.meta.dirname, '..', 'fixtures', 'import', 'ucdp-deaths.csv');

test('a UCDP estimate shows its range on the timeline and in the details', async ({ openApp, page }) => {
  const app = await openApp();
  await app.bridge.openFromCommandLine(DEATHS);
  await expect(page.locator('.toolbar')).toContainText('UCDP GED events');
  const labels = page.locator('.vis-item .ev-figure');
  await expect(labels.filter({ hasText: /^0 killed, up to 7,961$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^12 killed \(10–15\)$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^1 civilian killed$/ })).toHaveCount(2);
  expect((await page.locator('.vis-item').allTextContents()).join('\n')).not.toMatch(/about 0/);

  // The first event (June 2017, best 0, high 7,961) in the details.
  await page.keyboard.press('Home');
  const figure = page.locator('aside.detail li.figure').first();
  await expect(figure.locator('.figure-number')).toHaveText('0');
  await expect(figure.locator('.figure-qualifier')).toHaveText('');
  await expect(figure.locator('.figure-counts')).toHaveText('deaths, UCDP best estimate, up to 7,961');
  await expect(figure.locator('.figure-meta')).toContainText('best 0 (low 0, high 7961)');
  expect(app.errors).toEqual([]);
});
