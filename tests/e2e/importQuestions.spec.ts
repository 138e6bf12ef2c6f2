// What an import asks and shows in the built renderer, bridged to the real main-process code: the
// mapping dialog asks "Day first or month first?" of a table whose dates read both ways (with its
// own dates read both ways), and a TimelineJS slide's media are shown in its details as text only,
// apart from its sources, while a quote in the media field is its citation's quote.
import { join } from 'node:path';
import { FORMAT_LABEL } from '../../src/shared/import/types';
import { expect, test } from '../support/fixtures';

const IMPORTS = join(import.meta.dirname, '..', 'fixtures', 'import');

test.describe('the mapping dialog asks the order of dates that read both ways', () => {
  test('with the file\'s own dates read both ways; Import waits for the answer, which decides every date', async ({ openApp }, info) => {
    const app = await openApp();
    const { page } = app;
    await app.bridge.openFromCommandLine(join(IMPORTS, 'generic-ambiguous-span.csv'));
    const dialog = page.getByTestId('mapping');
    const question = dialog.getByTestId('date-order');
    await expect(question.locator('legend')).toHaveText('Day first or month first?');
    await expect(question).toContainText('Every date in “start” can be read both ways:');
    await expect(question).toContainText('03/04/2017 is 3 April 2017 (day first) or 4 March 2017 (month first)');
    await expect(question).toContainText('07/08/2017 14:00 is 7 August 2017 (day first) or 8 July 2017 (month first)');
    await expect(question).toContainText('Every date in “end” can be read both ways:');
    await expect(question).toContainText('11/12/2017 is 11 December 2017 (day first) or 12 November 2017 (month first)');
    await expect(question.getByLabel('Day first (03/04/2017 is 3 April 2017)')).not.toBeChecked();
    await expect(question.getByLabel('Month first (03/04/2017 is 4 March 2017)')).not.toBeChecked();
    // Nothing is assumed: Import waits.
    await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
    await expect(dialog.locator('.mapping-missing')).toHaveText('Choose day first or month first for the dates to import.');
    await page.screenshot({ path: info.outputPath('date-order-question.png') });

    await question.getByRole('radio', { name: /Month first/ }).check();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByTestId('notice')).toContainText(`Opened generic-ambiguous-span.csv (${FORMAT_LABEL.csv}): 5 events`);
    // The first event in time, read month first: 01/02/2017 to 11/12/2017 is 2 January to 12 November.
    await page.keyboard.press('Home');
    const panel = page.locator('aside.detail');
    await expect(panel.locator('h2')).toHaveText('A long campaign');
    await expect(panel.getByRole('region', { name: 'When' })).toContainText('2 January 2017');
    await expect(panel.getByRole('region', { name: 'When' })).toContainText('12 November 2017');
    expect(app.errors).toEqual([]);
  });

  test('a date column that shows its order asks nothing', async ({ openApp }) => {
    const app = await openApp();
    await app.bridge.openFromCommandLine(join(IMPORTS, 'generic-dmy.csv'));
    const dialog = app.page.getByTestId('mapping');
    await expect(dialog.getByRole('heading')).toHaveText('Which column holds what in generic-dmy.csv?');
    await expect(dialog.getByTestId('date-order')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Import' })).toBeEnabled();
  });

  test('choosing another date column that shows its order takes the question away', async ({ openApp }) => {
    const app = await openApp();
    const { page } = app;
    await app.bridge.openFromCommandLine(join(IMPORTS, 'generic-ambiguous-span.csv'));
    const dialog = page.getByTestId('mapping');
    await expect(dialog.getByTestId('date-order')).toBeVisible();
    // Without a start or end column there is no date: the question goes with them.
    await dialog.locator('select[data-field="start"]').selectOption('');
    await dialog.locator('select[data-field="end"]').selectOption('');
    await expect(dialog.getByTestId('date-order')).toHaveCount(0);
    await dialog.locator('select[data-field="date"]').selectOption({ label: 'start' });
    await expect(dialog.getByTestId('date-order')).toBeVisible();
    await dialog.getByTestId('date-order').getByRole('radio', { name: /Day first/ }).check();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByTestId('notice')).toContainText('Opened generic-ambiguous-span.csv');
    await page.keyboard.press('Home');
    await expect(page.locator('aside.detail').getByRole('region', { name: 'When' })).toContainText('1 February 2017');
  });
});

test.describe('TimelineJS media in the details', () => {
  test('media are shown as text (kind, caption, credit, address), apart from the sources; nothing is loaded', async ({ openApp }, info) => {
    const app = await openApp();
    const { page } = app;
    await app.bridge.openFromCommandLine(join(IMPORTS, 'timelinejs-media.json'));
    await expect(page.getByTestId('notice')).toContainText('Opened timelinejs-media.json');
    await page.locator('.vis-item.vis-range[data-event="image"]').click();
    const panel = page.locator('aside.detail');
    await expect(panel.locator('h2')).toHaveText('Troops near al-Qaim');
    const media = panel.getByRole('region', { name: 'Media' });
    await expect(media.locator('.media-kind')).toHaveText('Picture');
    await expect(media.locator('.media-caption')).toHaveText('Troops on the road to al-Qaim');
    await expect(media.locator('.media-credit')).toHaveText('credit: Example Agency');
    await expect(media.locator('.media-url')).toHaveText('https://images.example.org/photos/qaim.jpg');
    // Text only: no picture, frame, player or link made from it.
    await expect(panel.locator('img, iframe, video, audio, object, embed, a')).toHaveCount(0);
    // The source is the slide's link, not the picture.
    const sources = panel.getByRole('region', { name: 'Sources' });
    await expect(sources).toContainText('example.org');
    await expect(sources).not.toContainText('images.example.org');
    await expect(sources).not.toContainText('Example Agency');
    await page.screenshot({ path: info.outputPath('media-details.png') });

    await page.locator('.vis-item.vis-range[data-event="youtube"]').click();
    await expect(panel.locator('h2')).toHaveText('Video of the advance');
    await expect(media.locator('.media-kind')).toHaveText('Video');
    await expect(media.locator('.media-url')).toHaveText('https://www.youtube.com/watch?v=abcdefghijk');
    expect(app.outsideRequests).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test('a slide whose only content is a quote in its media shows the quote as its citation, with who said it', async ({ openApp }) => {
    const app = await openApp();
    const { page } = app;
    await app.bridge.openFromCommandLine(join(IMPORTS, 'timelinejs-media.json'));
    await expect(page.getByTestId('notice')).toContainText('Opened timelinejs-media.json');
    await page.locator('.vis-item.vis-range[data-event="quote-only"]').click();
    const panel = page.locator('aside.detail');
    const sources = panel.getByRole('region', { name: 'Sources' });
    await expect(sources.locator('blockquote')).toHaveText('“We have fully liberated the city of Deir al-Zour.”');
    await expect(sources.locator('.citation-note')).toHaveText('Said by Syrian army statement');
    await expect(panel.getByRole('region', { name: 'Media' })).toHaveCount(0);
  });
});
