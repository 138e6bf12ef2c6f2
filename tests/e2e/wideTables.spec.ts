// Wide tables in the built renderer, bridged to the real main-process code: a table of 100,000
// columns is refused with a message within seconds; one of 1,500 columns gets a mapping dialog of
// bounded size whose columns past the preview can still be chosen, by number.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DATASET } from '../support/bridge';
import { expect, test } from '../support/fixtures';

const BUNDLED_TITLE = (JSON.parse(readFileSync(BUNDLED_DATASET, 'utf8')) as { metadata: { title: string } }).metadata.title;

const row = (n: number, cell: (i: number) => string) => Array.from({ length: n }, (_, i) => cell(i)).join(',');

test.describe('wide tables', () => {
  test('a table of 100,000 columns is refused with a message naming the line, within seconds', async ({ openApp }, info) => {
    const dir = info.outputPath('wide');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'wide-100000.csv');
    writeFileSync(path, `${row(100_000, (i) => `column_${i}`)}\n${row(100_000, (i) => `value_${i % 97}`)}\n`);
    const app = await openApp();
    const started = Date.now();
    await app.bridge.openFromCommandLine(path);
    const dialog = app.page.getByTestId('open-error');
    await expect(dialog.getByRole('heading')).toHaveText('The file could not be opened');
    await expect(dialog.locator('.problem-table tbody tr')).toHaveCount(1);
    await expect(dialog.locator('.problem-table tbody tr').first()).toContainText('this row has 100,000 columns; Frontline reads tables of at most 2,000 columns');
    expect(Date.now() - started).toBeLessThan(10_000);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.page.locator('.toolbar h1')).toHaveText(BUNDLED_TITLE);
    expect(app.errors).toEqual([]);
  });

  test('a table of 1,500 columns gets a mapping dialog of bounded size; a column past the preview is chosen by number', async ({ openApp }, info) => {
    const dir = info.outputPath('wide');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'wide-1500.csv');
    // The title is column 3. Column 301 has dates on most rows (so it is guessed as the date, and
    // importing by it would leave rows out); column 1,401, past the 200 the preview shows, has
    // dates on every row: the user chooses it by its number.
    const header = row(1500, (i) => (i === 2 ? 'title' : i === 300 ? 'first_seen' : i === 1400 ? 'recorded' : `extra_${i}`));
    const day = (r: number) => `2017-11-${String(r + 1).padStart(2, '0')}`;
    const rows = Array.from({ length: 30 }, (_, r) => row(1500, (i) => (i === 2 ? `Event ${r}` : i === 300 ? (r % 6 === 5 ? 'unknown' : day(r)) : i === 1400 ? day(r) : `v${r}_${i}`)));
    writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
    const app = await openApp();
    const started = Date.now();
    await app.bridge.openFromCommandLine(path);
    const dialog = app.page.getByTestId('mapping');
    await expect(dialog.getByRole('heading')).toHaveText('Which column holds what in wide-1500.csv?');
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(dialog).toContainText('A table of 30 rows and 1,500 columns');
    await expect(dialog.getByRole('note')).toContainText('… and 1,300 more columns, not shown here');
    // Bounded: 200 columns in each of 17 choosers and 9 table rows, not 1,500.
    const elements = await dialog.evaluate((d) => d.querySelectorAll('*').length);
    expect(elements).toBeLessThan(6_000);
    await expect(dialog.locator('.mapping-preview th')).toHaveCount(200);
    const date = dialog.locator('select[data-field="date"]');
    await expect(date).toHaveValue('300');
    await expect(dialog.locator('select[data-field="title"]')).toHaveValue('2');
    await date.selectOption({ label: 'By column number…' });
    const number = dialog.locator('input[data-column-number="date"]');
    await number.fill('1501');
    await expect(dialog.locator('.mapping-missing')).toContainText('a column number from 1 to 1,500 for Date');
    await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
    await number.fill('1401');
    await expect(dialog.locator('.mapping-missing')).toHaveCount(0);
    await app.page.screenshot({ path: info.outputPath('mapping-wide.png') });
    await dialog.getByRole('button', { name: 'Import' }).click();
    // Every row has its date in column 1,401: it opens with no rows to review.
    await expect(app.page.getByTestId('notice')).toContainText('Opened wide-1500.csv');
    await expect(app.page.getByTestId('review')).toBeHidden();
    await expect(app.page.locator('.toolbar h1')).toHaveText('wide-1500');
    expect(app.errors).toEqual([]);
  });

  test('a guessed column past the preview is offered under its own name', async ({ openApp }, info) => {
    const dir = info.outputPath('wide');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'wide-guessed.csv');
    const header = row(600, (i) => (i === 0 ? 'headline' : i === 450 ? 'Event date' : `extra_${i}`));
    const rows = Array.from({ length: 5 }, (_, r) => row(600, (i) => (i === 0 ? `Event ${r}` : i === 450 ? `2017-10-0${r + 1}` : `v${i}`)));
    writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
    const app = await openApp();
    await app.bridge.openFromCommandLine(path);
    const dialog = app.page.getByTestId('mapping');
    const date = dialog.locator('select[data-field="date"]');
    await expect(date).toHaveValue('450');
    await expect(date.locator('option:checked')).toHaveText('Event date (column 451)');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(app.page.getByTestId('notice')).toContainText('Opened wide-guessed.csv');
    expect(app.errors).toEqual([]);
  });
});
