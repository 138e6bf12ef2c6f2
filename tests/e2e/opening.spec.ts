// Opening analysts' own files in the built renderer, bridged to the real main-process code: every
// format from File > Open, by drag and drop and from the command line; broken files show their
// problems and leave what was open untouched; generic tables ask for their columns; recent files,
// reload, a file opened again coming from the cache (and Clear Cache), and Save As.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { imageNow, openDatasetFile } from '../../src/main/dataset/openDatasetFile';
import { FORMAT_LABEL, type CsvMapping, type ImportFormat } from '../../src/shared/import/types';
import { BUNDLED_DATASET } from '../support/bridge';
import { expect, test, type AppPage } from '../support/fixtures';

const IMPORTS = join(import.meta.dirname, '..', 'fixtures', 'import');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const BUNDLED_TITLE = (JSON.parse(readFileSync(BUNDLED_DATASET, 'utf8')) as { metadata: { title: string } }).metadata.title;
const BUNDLED_EVENTS = (JSON.parse(readFileSync(BUNDLED_DATASET, 'utf8')) as { events: unknown[] }).events.length;

/** What the real open code makes of a file: its title, event count and format. */
async function expected(path: string): Promise<{ title: string; events: number; format: ImportFormat; ids: string[] }> {
  const opened = await openDatasetFile(path);
  if (opened.kind !== 'opened') throw new Error(`${path} does not open cleanly`);
  const { header, columns } = opened.dataset;
  const ids: string[] = [];
  // Event ids come from the file image, in column order.
  const text = new TextDecoder().decode(imageNow(opened.dataset.image).bytes);
  const events = (JSON.parse(text) as { events: { id: string }[] }).events;
  for (let i = 0; i < columns.count; i++) ids.push(events[columns.sourceIndex[i]!]!.id);
  return { title: header.metadata.title, events: columns.count, format: opened.dataset.format, ids };
}

/** The column mapping the app guesses for a generic table (what the user confirms unchanged). */
async function guessedMapping(path: string): Promise<CsvMapping> {
  const opened = await openDatasetFile(path);
  if (opened.kind !== 'needs-mapping') throw new Error(`${path} is not a generic table`);
  return opened.preview.guess;
}

type Way = 'menu' | 'drop' | 'command line';

async function openBy(app: AppPage, way: Way, path: string): Promise<void> {
  const { page, bridge } = app;
  if (way === 'menu') {
    bridge.nextOpenDialog(path);
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Open…/ }).click();
  } else if (way === 'drop') {
    await drop(page, path.split('/').pop()!);
  } else {
    await bridge.openFromCommandLine(path);
  }
}

/** Drag a file over the window (the drop target shows) and drop it. */
async function drop(page: Page, name: string): Promise<void> {
  const transfer = await page.evaluateHandle((fileName) => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], fileName));
    return dt;
  }, name);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-target')).toBeVisible();
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-target')).toHaveCount(0);
}

async function drawnIds(page: Page): Promise<string[]> {
  return page.locator('.vis-item.vis-range[data-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-event') ?? ''));
}

async function expectOpened(page: Page, want: { title: string; events: number; format: ImportFormat; ids: string[] }, name: string): Promise<void> {
  await expect(page.getByTestId('notice')).toContainText(`Opened ${name} (${FORMAT_LABEL[want.format]}): ${want.events.toLocaleString('en-GB')} events`);
  await expect(page.locator('.toolbar h1')).toHaveText(want.title);
  await expect.poll(async () => (await drawnIds(page)).length).toBeGreaterThan(0);
  for (const id of await drawnIds(page)) expect(want.ids).toContain(id);
}

async function expectBundledStill(page: Page): Promise<void> {
  await expect(page.locator('.toolbar h1')).toHaveText(BUNDLED_TITLE);
  await page.getByRole('button', { name: /^Filters/ }).click();
  await expect(page.getByTestId('filter-total')).toHaveText(`${BUNDLED_EVENTS} of ${BUNDLED_EVENTS} events`);
  await page.getByRole('button', { name: /^Filters/ }).click();
  expect(await drawnIds(page)).toContain('deir-al-zour-taken');
}

const CLEAN: { file: string; format: ImportFormat }[] = [
  { file: 'acled-current.csv', format: 'acled' },
  { file: 'ucdp-ged.csv', format: 'ucdp' },
  { file: 'timelinejs-normal.json', format: 'timelinejs-json' },
  { file: 'timelinejs-normal.csv', format: 'timelinejs-csv' }
];

for (const way of ['menu', 'drop', 'command line'] as const) {
  test.describe(`opening by ${way}`, () => {
    for (const { file, format } of CLEAN) {
      test(`opens ${FORMAT_LABEL[format]}`, async ({ openApp }) => {
        const app = await openApp({ dropDir: IMPORTS });
        const want = await expected(join(IMPORTS, file));
        expect(want.format).toBe(format);
        await openBy(app, way, join(IMPORTS, file));
        await expectOpened(app.page, want, file);
        expect(app.errors).toEqual([]);
      });
    }

    test('opens a Frontline dataset', async ({ openApp }) => {
      // A native file of its own: the TimelineJS fixture saved as Frontline, then opened afresh.
      const app = await openApp({ dropDir: IMPORTS });
      await openBy(app, 'command line', join(IMPORTS, 'timelinejs-normal.json'));
      const want = await expected(join(IMPORTS, 'timelinejs-normal.json'));
      await expectOpened(app.page, want, 'timelinejs-normal.json');
      const saved = join(IMPORTS, '..', '..', '..', 'test-results', `native-${way.replace(' ', '-')}.frontline`);
      app.bridge.nextSaveDialog(saved);
      await app.page.getByRole('button', { name: 'File', exact: true }).click();
      await app.page.getByRole('menuitem', { name: /as Frontline dataset/ }).click();
      await expect(app.page.getByTestId('notice')).toContainText(`Saved ${want.events} events`);
      const reopened = await expected(saved);
      expect(reopened.format).toBe('native');
      expect(reopened.ids.sort()).toEqual([...want.ids].sort());
      await app.bridge.setDropDir(join(saved, '..'));
      await openBy(app, way, saved);
      await expectOpened(app.page, reopened, saved.split('/').pop()!);
    });

    test('asks which column holds what in a generic table', async ({ openApp }) => {
      const app = await openApp({ dropDir: IMPORTS });
      await openBy(app, way, join(IMPORTS, 'generic-comma.csv'));
      const dialog = app.page.getByTestId('mapping');
      await expect(dialog.getByRole('heading')).toHaveText('Which column holds what in generic-comma.csv?');
      // The guess is shown for the user to confirm.
      await expect(dialog.locator('select[data-field="title"]')).not.toHaveValue('');
      await dialog.getByRole('button', { name: 'Import' }).click();
      // Its row with "not a date" is listed; the others open.
      const review = app.page.getByTestId('review');
      await expect(review.locator('.problem-table tbody tr').first()).toContainText('"not a date" is not a date');
      await review.getByRole('button', { name: /^Open \d+ events/ }).click();
      await expect(app.page.getByTestId('notice')).toContainText(`Opened generic-comma.csv (${FORMAT_LABEL.csv})`);
      await expect(app.page.locator('.toolbar h1')).not.toHaveText(BUNDLED_TITLE);
    });
  });
}

test.describe('broken files', () => {
  // One of each format with some rows (events) that cannot be used and some that can.
  const PARTLY_BROKEN = [
    [IMPORTS, 'acled-broken.csv'],
    // Cut off mid-row at the end, a row of fewer cells than the header, a quote never closed.
    [IMPORTS, 'acled-truncated.csv'],
    [IMPORTS, 'acled-short-row.csv'],
    [IMPORTS, 'acled-unclosed-quote.csv'],
    [IMPORTS, 'ucdp-broken.csv'],
    [IMPORTS, 'timelinejs-broken.csv'],
    [IMPORTS, 'timelinejs-broken.json'],
    [IMPORTS, 'generic-invalid-dates.csv'],
    [FIXTURES, 'invalid-refs.frontline']
  ] as const;
  for (const [dir, file] of PARTLY_BROKEN) {
    test(`${file}: lists the bad rows; Cancel keeps what was open, Open takes the good rows`, async ({ openApp }) => {
      const app = await openApp({ dropDir: dir });
      const { page } = app;
      const opened = await openDatasetFile(join(dir, file), file, file.startsWith('generic') ? { mapping: await guessedMapping(join(dir, file)) } : {});
      expect(opened.kind === 'needs-review' && opened.problems.length > 0, `${file} has usable and unusable rows`).toBe(true);
      if (opened.kind !== 'needs-review') return;
      await openBy(app, 'menu', join(dir, file));
      if (file.startsWith('generic')) await page.getByTestId('mapping').getByRole('button', { name: 'Import' }).click();
      const review = page.getByTestId('review');
      await expect(review.getByRole('heading')).toHaveText(`Some rows of ${file} cannot be used`);
      const rows = review.locator('.problem-table tbody tr');
      await expect(rows).toHaveCount(opened.problems.length);
      // Each problem names the file, where, and why.
      const first = opened.problems[0]!;
      await expect(rows.first().locator('td').nth(0)).toHaveText(file);
      if (first.line !== undefined) await expect(rows.first().locator('td').nth(1)).toContainText(String(first.line));
      if (first.field !== undefined) await expect(rows.first().locator('td').nth(2)).toHaveText(first.field);
      await expect(rows.first().locator('td').nth(3)).toContainText(first.message);
      await page.screenshot({ path: test.info().outputPath('review.png') });

      await review.getByRole('button', { name: /^Cancel/ }).click();
      await expect(review).toBeHidden();
      await expectBundledStill(page);

      await openBy(app, 'drop', join(dir, file));
      if (file.startsWith('generic')) await page.getByTestId('mapping').getByRole('button', { name: 'Import' }).click();
      await review.getByRole('button', { name: /^Open \d+ events/ }).click();
      await expect(page.getByTestId('notice')).toContainText(`Opened ${file}`);
      await expect(page.locator('.toolbar h1')).toHaveText(opened.dataset.header.metadata.title);
    });
  }

  for (const file of ['broken-syntax.frontline']) {
    test(`${file}: shows the problems and changes nothing`, async ({ openApp }) => {
      const app = await openApp({ dropDir: FIXTURES });
      const { page } = app;
      const opened = await openDatasetFile(join(FIXTURES, file));
      expect(opened.kind).toBe('failed');
      if (opened.kind !== 'failed') return;
      const problems = opened.error.problems ?? [];
      for (const way of ['menu', 'drop', 'command line'] as const) {
        await openBy(app, way, join(FIXTURES, file));
        const dialog = page.getByTestId('open-error');
        await expect(dialog.getByRole('heading')).toHaveText('The file could not be opened');
        await expect(dialog).toContainText(`${BUNDLED_TITLE ? 'deir-al-zour-al-qaim-2017.frontline is still open' : ''}`);
        await expect(dialog.locator('.problem-table tbody tr')).toHaveCount(problems.length);
        await expect(dialog.locator('.problem-table tbody tr').first()).toContainText(problems[0]!.message);
        if (way === 'menu') await page.screenshot({ path: test.info().outputPath('open-error.png') });
        await dialog.getByRole('button', { name: 'Close' }).click();
        await expectBundledStill(page);
      }
    });
  }

  test('cancelling the column mapping changes nothing', async ({ openApp }) => {
    const app = await openApp({ dropDir: IMPORTS });
    await openBy(app, 'menu', join(IMPORTS, 'generic-invalid-dates.csv'));
    const dialog = app.page.getByTestId('mapping');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expectBundledStill(app.page);
  });
});

test.describe('recent files and reload', () => {
  test('lists recent files across restarts, marks missing ones, and reloads the current file', async ({ openApp }, testInfo) => {
    const work = testInfo.outputPath('work');
    mkdirSync(work, { recursive: true });
    const csv = join(work, 'acled.csv');
    copyFileSync(join(IMPORTS, 'acled-current.csv'), csv);
    const app = await openApp({ recentFiles: [join(work, 'gone.csv')] });
    const { page, bridge } = app;
    await bridge.openFromCommandLine(csv);
    const before = await expected(csv);
    await expectOpened(page, before, 'acled.csv');

    await page.getByRole('button', { name: 'File', exact: true }).click();
    const recent = page.locator('#file-menu .recent');
    await expect(recent.nth(0)).toHaveText('acled.csv');
    await expect(recent.nth(1)).toContainText('gone.csv');
    await expect(recent.nth(1)).toHaveAttribute('aria-disabled', 'true');
    await expect(recent.nth(1).locator('.unavailable')).toHaveText('missing');
    await page.screenshot({ path: testInfo.outputPath('file-menu.png') });
    await page.keyboard.press('Escape');
    expect((await bridge.recentFiles()).map((f) => f.path)).toEqual([csv, join(work, 'gone.csv')]);
    // Kept in the settings file, written whole.
    expect(JSON.parse(readFileSync(bridge.settingsPath, 'utf8')).recentFiles).toEqual([csv, join(work, 'gone.csv')]);

    // The file changes on disk: drop its last data row and reload.
    const lines = readFileSync(csv, 'utf8').trimEnd().split(/\r?\n/);
    writeFileSync(csv, `${lines.slice(0, -1).join('\n')}\n`);
    const after = await expected(csv);
    expect(after.events).toBe(before.events - 1);
    await page.keyboard.press('Control+r');
    await expect(page.getByTestId('notice')).toContainText(`${after.events} events`);
  });
});

test.describe('the cache of opened files', () => {
  test('a file opened again, unchanged, comes from the cache, details and all; File › Clear Cache empties it and says so', async ({ openApp }, testInfo) => {
    const work = testInfo.outputPath('work');
    mkdirSync(work, { recursive: true });
    const csv = join(work, 'acled-again.csv');
    copyFileSync(join(IMPORTS, 'acled-current.csv'), csv);
    const app = await openApp();
    const { page, bridge } = app;
    const want = await expected(csv);
    const notice = page.getByTestId('notice');

    await openBy(app, 'menu', csv);
    await expectOpened(page, want, 'acled-again.csv');
    await expect(notice).not.toContainText('from the cache');
    await bridge.cacheIdle();
    expect(bridge.cacheLog).toContain('acled-again.csv not from the cache: no entry yet');

    // Opened again: from the cache, the same timeline, and event details read from the cached image.
    await openBy(app, 'menu', csv);
    await expect(notice).toContainText(`Opened acled-again.csv (${FORMAT_LABEL.acled}): ${want.events.toLocaleString('en-GB')} events, from the cache`);
    await expectOpened(page, want, 'acled-again.csv');
    expect(bridge.cacheLog).toContain('opened acled-again.csv from the cache');
    await page.keyboard.press('Home');
    await expect(page.locator('aside.detail').getByRole('heading', { level: 2 })).toBeVisible();
    await page.keyboard.press('Escape');

    // File › Clear Cache (the menu sends the command): both files opened so far are gone from it.
    await bridge.sendCommand('clear-cache');
    await expect(notice).toContainText('Cleared the cache of opened files: 2 files');
    expect(readdirSync(bridge.cacheDir!).filter((f) => f.endsWith('.fcache'))).toEqual([]);
    await openBy(app, 'menu', csv);
    await expect(notice).toContainText(`Opened acled-again.csv (${FORMAT_LABEL.acled}): ${want.events.toLocaleString('en-GB')} events.`);
    await expect(notice).not.toContainText('from the cache');
    expect(app.errors).toEqual([]);
  });
});

test.describe('Save As', () => {
  test('writes the filtered events as a spreadsheet-safe CSV', async ({ openApp }, testInfo) => {
    const app = await openApp();
    const { page, bridge } = app;
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByTestId('filter-panel').locator('[data-facet="country"]').getByLabel(/Iraq/).check();
    const shown = Number(((await page.getByTestId('filter-total').textContent()) ?? '').split(' ')[0]);
    expect(shown).toBeLessThan(BUNDLED_EVENTS);
    const out = testInfo.outputPath('iraq.csv');
    bridge.nextSaveDialog(out);
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: `Save the ${shown} shown events as CSV…` }).click();
    await expect(page.getByTestId('notice')).toHaveText(new RegExp(`Saved ${shown} events to .*iraq\\.csv`));
    const text = readFileSync(out, 'utf8');
    const records = text.replace(/^\uFEFF/, '').trimEnd().split(/\r?\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(records.length).toBe(shown + 1);
    // No cell begins with a formula character.
    for (const record of records) for (const cell of record.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
  });
});

test.describe('countries', () => {
  test('are shown by the names the file writes: on the lanes, in the filter and in the details', async ({ openApp }) => {
    const app = await openApp({ dropDir: IMPORTS });
    const { page } = app;
    await openBy(app, 'menu', join(IMPORTS, 'acled-country-names.csv'));
    await expect(page.locator('.toolbar h1')).not.toHaveText(BUNDLED_TITLE);
    const lanes = page.locator('.vis-labelset .vis-label');
    await expect(lanes.filter({ hasText: 'Democratic Republic of Congo' })).toHaveCount(1);
    await expect(lanes.filter({ hasText: 'Turkey' })).toHaveCount(1);
    await expect(lanes.filter({ hasText: 'Palestine' })).toHaveCount(1);
    // Never the runtime's names for them.
    await expect(lanes.filter({ hasText: /Congo - Kinshasa|Türkiye|Palestinian Territories/ })).toHaveCount(0);
    await page.getByRole('button', { name: /^Filters/ }).click();
    const country = page.getByTestId('filter-panel').locator('[data-facet="country"]');
    await expect(country.getByLabel(/Democratic Republic of Congo/)).toHaveCount(1);
    await expect(country).not.toContainText(/Congo - Kinshasa|Türkiye|Palestinian Territories/);
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.locator('.ev[data-event] .ev-label').filter({ hasText: 'Akcakale' }).first().click();
    await expect(page.locator('aside.detail .place-meta').first()).toContainText('Turkey');
    await expect(page.locator('aside.detail')).not.toContainText('Türkiye');
    expect(app.errors).toEqual([]);
  });
});
