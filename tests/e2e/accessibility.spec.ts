// axe-core (WCAG 2.2 A and AA) finds nothing on each view of the app (issue 14): the timeline (with
// its events, lanes, legend and status bar), the details, the filters, the table, the export
// dialog, a presentation, and the dialogs of a file that could not be opened and of rows left out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from '../support/axe';
import { FIXTURES_DIR, expect, test } from '../support/fixtures';
import { syntheticAcledCsv } from '../support/syntheticAcled';

let dir: string;
let acledPath: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontline-a11y-'));
  acledPath = join(dir, 'acled-5000.csv');
  writeFileSync(acledPath, syntheticAcledCsv(5_000, 3));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** No violations; on failure, the message lists each rule and where. */
async function expectNone(page: Parameters<typeof axeViolations>[0], what: string, include?: string): Promise<void> {
  const violations = await axeViolations(page, include);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

test.describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  test('the timeline, with its legend, toolbar and status bar', async ({ openApp, page }) => {
    await openApp();
    await expectNone(page, 'the timeline');
    // Zoomed in and out, and in lanes by type: still none.
    await page.keyboard.press('l');
    await page.keyboard.press('+');
    await page.waitForTimeout(500);
    await expectNone(page, 'lanes by type, zoomed in');
  });

  test('a large export: density lanes, and counts of several digits in the legend', async ({ openApp, page }) => {
    const app = await openApp();
    await app.bridge.openFromCommandLine(acledPath);
    await expect(page.getByTestId('notice')).toContainText('Opened acled-5000.csv', { timeout: 30_000 });
    await expect(page.locator('canvas.density').first()).toBeVisible();
    await expect(page.locator('.legend .count').first()).toHaveText(/^\d{3,}/);
    await expectNone(page, 'a large export');
  });

  test('the details of an event', async ({ openApp, page }) => {
    await openApp();
    await page.locator('.ev[data-event="deir-al-zour-displacement"] .ev-label').click();
    await expect(page.locator('aside.detail h2')).toBeVisible();
    await expectNone(page, 'the details');
  });

  test('the filters', async ({ openApp, page }) => {
    await openApp();
    await page.keyboard.press('Shift+F');
    await expect(page.getByTestId('filter-panel')).toBeVisible();
    await page.getByTestId('filter-panel').locator('input[type="checkbox"]').first().check();
    await expectNone(page, 'the filters');
  });

  test('the table', async ({ openApp, page }) => {
    await openApp();
    await page.keyboard.press('t');
    await expect(page.locator('.table-view')).toBeVisible();
    await expectNone(page, 'the table');
  });

  test('the export dialog', async ({ openApp, page }) => {
    await openApp();
    await page.keyboard.press('Control+e');
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    await expect(page.getByTestId('export-preview-image')).toBeVisible({ timeout: 20_000 });
    await expectNone(page, 'the export dialog');
  });

  test('a presentation', async ({ openApp, page }) => {
    await openApp();
    await page.keyboard.press('F5');
    await expect(page.getByTestId('caption-source')).toBeVisible();
    await expectNone(page, 'presenting');
    await page.keyboard.press('Tab');
    await expectNone(page, 'presenting, the Presenter view button focused');
  });

  test('the dialog of a file that could not be opened', async ({ openApp, page }) => {
    const app = await openApp();
    await app.bridge.openFromCommandLine(join(FIXTURES_DIR, 'broken-syntax.frontline'));
    await expect(page.getByTestId('open-error')).toBeVisible();
    await expectNone(page, 'the open error');
  });

  test('the dialog of rows left out', async ({ openApp, page }) => {
    const app = await openApp();
    await app.bridge.openFromCommandLine(join(FIXTURES_DIR, 'invalid-refs.frontline'));
    await expect(page.getByTestId('review')).toBeVisible();
    await expectNone(page, 'the review of rows left out');
  });
});
