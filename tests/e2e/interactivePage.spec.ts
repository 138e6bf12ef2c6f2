// The interactive page (issue 16, part 1): written for the bundled dataset by the real export code
// (the command line's, and File › Export Interactive Page… in the app bridged to main), then opened
// from file:// in Chromium with every request recorded: none but the file itself, no CSP violation,
// no page error. Its timeline draws the events; search finds the Deir ez-Zor events; a filter changes
// the count; the details show the source quote; the table opens; presenting steps with ArrowRight;
// opening and saving say they are not available; the map draws offline. The hostile dataset written
// into a page stays inert. Screenshots at 1280×720 and 1920×1080.
import { expect, test as base, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runExport } from '../../src/cli/export';
import { BUNDLED_DATASET } from '../support/bridge';
import { FIXTURES_DIR, test as appTest } from '../support/fixtures';

interface RawEvent {
  id: string;
  title: string;
  places: string[];
  citations: { source: string; quote: string }[];
}
interface Raw {
  events: RawEvent[];
  places: { id: string; name: string }[];
}

let dir: string;
let bundledPage: string;
let hostilePage: string;
const raw = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Raw;

base.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontline-page-e2e-'));
  bundledPage = join(dir, 'story.html');
  hostilePage = join(dir, 'hostile.html');
  for (const [from, to] of [
    [BUNDLED_DATASET, bundledPage],
    [join(FIXTURES_DIR, 'hostile.frontline'), hostilePage]
  ] as const) {
    const out = await runExport([from, '--out', to]);
    expect(out.exitCode, out.stderr).toBe(0);
  }
});
base.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Opened {
  /** Every URL the page asked for (routed or seen), its own file included. */
  readonly requests: Set<string>;
  /** CSP violations and uncaught errors. */
  readonly problems: string[];
}

/** Open a page from file://, recording every request (routed: none may leave) and every violation or error. */
async function openPage(page: Page, file: string): Promise<Opened> {
  const requests = new Set<string>();
  const problems: string[] = [];
  await page.context().route('**/*', (route) => {
    requests.add(route.request().url());
    return route.request().url().startsWith('file:') ? route.continue() : route.abort();
  });
  page.on('request', (r) => requests.add(r.url()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  await page.goto(pathToFileURL(file).href);
  await expect(page.locator('.vis-item.vis-range[data-event]').first()).toBeVisible({ timeout: 30_000 });
  return { requests, problems };
}

/** Nothing but the page's own file was asked for, and nothing went wrong. */
function expectInert(opened: Opened, file: string): void {
  expect([...opened.requests]).toEqual([pathToFileURL(file).href]);
  expect(opened.problems).toEqual([]);
}

const test = base;

test.describe('the interactive page of the bundled dataset, opened from file://', () => {
  test('draws the timeline with no request but its own file, no CSP violation and no error', async ({ page }) => {
    const opened = await openPage(page, bundledPage);
    const { events } = await raw(BUNDLED_DATASET);
    await expect(page.getByTestId('event-count')).toHaveText(`${events.length} events`);
    await expect(page.locator('.vis-item.vis-range[data-event="deir-al-zour-taken"] .ev-label')).toContainText('Syrian army says it has taken Deir al-Zour');
    await expect(page.locator('.toolbar h1')).toHaveText('IS loses Deir al-Zour and al-Qaim');
    expect(await page.title()).toBe('IS loses Deir al-Zour and al-Qaim · Frontline');
    await page.screenshot({ path: test.info().outputPath('page-1280x720.png') });
    // Read-only: the Page menu says what it holds; opening and saving say they are not available here.
    await page.getByTestId('page-menu-button').click();
    await expect(page.getByTestId('page-menu')).toContainText(`from deir-al-zour-al-qaim-2017.frontline: all its ${events.length} events`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+o');
    await expect(page.getByTestId('notice')).toContainText('Opening files is not available in this page');
    await page.keyboard.press('Control+Shift+S');
    await expect(page.getByTestId('notice')).toContainText('Saving is not available in this page');
    expectInert(opened, bundledPage);
  });

  test('fits a 1920×1080 screen as the app does', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const opened = await openPage(page, bundledPage);
    await expect(page.locator('.vis-item.vis-range[data-event="deir-al-zour-taken"]')).toBeVisible();
    await expect(page.getByTestId('in-view')).toHaveText('19');
    await page.screenshot({ path: test.info().outputPath('page-1920x1080.png') });
    expectInert(opened, bundledPage);
  });

  test('search finds the Deir ez-Zor events, a filter changes the count, the details show the source quote, the table opens', async ({ page }) => {
    const opened = await openPage(page, bundledPage);
    const { events } = await raw(BUNDLED_DATASET);
    // Search (on the page's own thread): every event at Deir al-Zour, found under another spelling.
    const box = page.getByRole('combobox', { name: 'Search events' });
    await box.fill('Deir ez-Zor');
    await box.press('Enter');
    const status = page.getByTestId('search-status');
    await expect(status).toHaveAttribute('data-query', 'Deir ez-Zor');
    const found = await page
      .getByTestId('search-results')
      .locator('[role="option"][data-match="exact"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-event') ?? ''));
    const atDeir = events.filter((e) => e.places.includes('deir-al-zour')).map((e) => e.id);
    expect(atDeir.length).toBeGreaterThan(1);
    for (const id of atDeir) expect(found).toContain(id);
    await box.fill('');
    await box.press('Escape');

    // A filter: Iraq only.
    await page.getByRole('button', { name: /^Filters/ }).click();
    const panel = page.getByTestId('filter-panel');
    await expect(panel.getByTestId('filter-total')).toHaveText(`${events.length} of ${events.length} events`);
    await panel.locator('[data-facet="country"]').getByLabel(/Iraq/).check();
    await expect(panel.getByTestId('filter-total')).not.toHaveText(`${events.length} of ${events.length} events`);
    const shown = Number((await panel.getByTestId('filter-total').textContent())!.split(' ')[0]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(events.length);
    await panel.locator('[data-facet="country"]').getByLabel(/Iraq/).uncheck();
    await page.getByRole('button', { name: /^Filters/ }).click();

    // Details, with the source's verbatim quote.
    await page.locator('.vis-item.vis-range[data-event="deir-al-zour-taken"] .ev-label').click();
    const detail = page.locator('aside.detail');
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Syrian army says it has taken Deir al-Zour');
    await expect(detail.getByRole('region', { name: 'Sources' }).locator('blockquote').first()).toHaveText("Early on Friday Syria's army announced it had taken Deir al-Zour.");
    await expect(detail).toContainText('BBC News');
    // Its local copy is not in the page: said, never claimed verified.
    await expect(detail.getByTestId('local-copy').first()).toContainText('not in this page');
    await page.keyboard.press('Escape');

    // The table.
    await page.keyboard.press('t');
    await expect(page.getByRole('grid')).toBeVisible();
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', String(events.length + 1));
    await expect(page.getByRole('grid').locator('tbody tr').first()).toBeVisible();
    expectInert(opened, bundledPage);
  });

  test('presents the story, stepping with ArrowRight', async ({ page }) => {
    const opened = await openPage(page, bundledPage);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const caption = page.getByTestId('caption');
    await expect(caption).toBeVisible();
    await expect(page.getByTestId('present-progress')).toHaveText(/^1 \/ \d+$/);
    const first = await caption.getAttribute('data-event');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('present-progress')).toHaveText(/^2 \/ \d+$/);
    await expect(caption).not.toHaveAttribute('data-event', first!);
    await expect(page.getByTestId('caption-source')).toBeVisible();
    // No Presenter view: the page has no second window to open.
    await expect(page.getByTestId('present-presenter-view')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(caption).toHaveCount(0);
    expectInert(opened, bundledPage);
  });

  test('draws the map offline (its worker a blob: the CSP allows, the world at 1:110m carried in the page)', async ({ page }) => {
    const opened = await openPage(page, bundledPage);
    await page.keyboard.press('m');
    await expect(page.getByTestId('map')).toBeVisible();
    await expect(page.getByTestId('map-summary')).toHaveText(/^\d+ events in view, [1-9]\d* on the map$/, { timeout: 20_000 });
    await expect(page.getByTestId('map-attribution')).toContainText('Natural Earth');
    await page.screenshot({ path: test.info().outputPath('page-map.png') });
    expectInert(opened, bundledPage);
  });
});

test.describe('the hostile dataset written into a page', () => {
  test('stays inert: its markup shows as text, no script runs from it, nothing is loaded', async ({ page }) => {
    const opened = await openPage(page, hostilePage);
    await expect(page.locator('.toolbar h1')).toHaveText('Hostile <script>window.__pwned=2</script>');
    expect(await page.title()).toBe('Hostile <script>window.__pwned=2</script> · Frontline');
    // Its text is never markup: no element or flag it names comes to be.
    const flags = await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: unknown }).__pwned, imgs: document.querySelectorAll('img[src="x"]').length }));
    expect(flags).toEqual({ pwned: undefined, imgs: 0 });
    await page.locator('.vis-item.vis-range[data-event] .ev-label').first().click();
    await expect(page.locator('aside.detail')).toBeVisible();
    await page.keyboard.press('t');
    await expect(page.getByRole('grid')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.screenshot({ path: test.info().outputPath('page-hostile.png') });
    expectInert(opened, hostilePage);
  });
});

appTest.describe('File › Export Interactive Page… in the app', () => {
  appTest('says the size before saving, and writes the events shown, which the page then holds', async ({ openApp, page, browser }) => {
    const app = await openApp();
    const { events } = await raw(BUNDLED_DATASET);
    // Filter to Iraq, then export: the dialog offers the events shown or the whole dataset, with the size of each.
    await page.getByRole('button', { name: /^Filters/ }).click();
    const filters = page.getByTestId('filter-panel');
    await filters.locator('[data-facet="country"]').getByLabel(/Iraq/).check();
    const shown = Number((await filters.getByTestId('filter-total').textContent())!.split(' ')[0]);
    expect(shown).toBeLessThan(events.length);
    await app.bridge.sendCommand('export-page');
    const dialog = page.getByTestId('page-export-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('page-size')).toHaveText(new RegExp(`^Size: about \\d+\\.\\d MB, ${shown} events$`));
    await dialog.getByLabel(/The whole dataset/).check();
    await expect(page.getByTestId('page-size')).toHaveText(new RegExp(`^Size: about \\d+\\.\\d MB, ${events.length} events$`));
    await dialog.getByLabel(/events shown/).check();
    await expect(page.getByTestId('page-size')).toHaveText(new RegExp(`, ${shown} events$`));
    const told = (await page.getByTestId('page-size').textContent())!.match(/about (\d+\.\d) MB/)![1]!;
    const target = join(app.bridge.tempDir, 'iraq');
    app.bridge.nextSaveDialog(target);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByTestId('page-export-result')).toContainText(`Saved an interactive page of ${shown} events`);
    expect(app.bridge.dialogCalls.at(-1)).toEqual({ kind: 'save-page', defaultName: 'IS loses Deir al-Zour and al-Qaim.html' });
    const written = await readFile(`${target}.html`);
    expect((written.length / 1024 / 1024).toFixed(1)).toBe(told);

    // The page written holds exactly the events that were shown.
    const reader = await browser.newPage();
    const opened = await openPage(reader, `${target}.html`);
    await expect(reader.getByTestId('event-count')).toHaveText(`${shown} events`);
    expectInert(opened, `${target}.html`);
    await reader.close();
    expect(app.errors).toEqual([]);
  });
});
