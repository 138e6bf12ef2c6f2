// The presenter view: the app page presents the bundled story (the audience's window), a second
// page at #presenter (the presenter's window, bridged to the same main) shows the current step,
// its note, the next step and the clock, and steers the audience with the clicker's keys over the
// BroadcastChannel; the notes never reach the audience. The presenter view is photographed at 720p.
import type { Page } from '@playwright/test';
import { expect, openSecondPage, test } from '../support/fixtures';
import { BUNDLED_EVENT_COUNT } from '../support/bundledDataset';

const STORY = 'fall-of-raqqa-mosul-deir-al-zour';
const ORDER = ['is-holds-deir-al-zour', 'mosul-taken', 'raqqa-taken', 'al-qaim-offensive', 'deir-al-zour-taken', 'al-qaim-recaptured', 'deir-al-zour-displacement', 'is-confined-deir-al-zour'];
const NOTES = [
  'Start here: IS had held most of Deir al-Zour since 2014',
  "In July, Mosul – Iraq's second-largest city – was taken from IS",
  'Last month (October), a US-backed Syrian alliance took Raqqa',
  'The operation to retake al-Qaim was launched "last week"'
];

async function presentStory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Stories', exact: true }).click();
  await page.getByTestId('stories-panel').getByTestId('present-choice').selectOption(STORY);
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByTestId('caption')).toHaveAttribute('data-event', ORDER[0]!);
}

test.describe('presenter view', () => {
  test('shows the current step, its note and the next step, and steers the audience window', async ({ openApp, page }) => {
    const app = await openApp();
    await presentStory(page);
    const presenter = await openSecondPage(app, '#presenter');
    await presenter.setViewportSize({ width: 1280, height: 720 });
    const current = presenter.getByTestId('presenter-current');
    await expect(current).toHaveAttribute('data-event', ORDER[0]!);
    await expect(presenter.getByTestId('presenter-title')).toHaveText('IS holds most of Deir al-Zour');
    await expect(presenter.getByTestId('presenter-note')).toContainText(NOTES[0]!);
    await expect(presenter.getByTestId('presenter-next')).toHaveText('Mosul taken from IS after months of fighting');
    await expect(presenter.getByTestId('presenter-progress')).toHaveText('1 / 8');
    await expect(presenter.getByTestId('presenter-when')).toBeVisible();
    await expect(presenter.getByTestId('presenter-clock')).toHaveText(/^\d+:\d\d$/);

    // The clicker on the presenter's window moves the audience's, and the presenter view follows.
    await presenter.keyboard.press('ArrowRight');
    await expect(page.getByTestId('caption')).toHaveAttribute('data-event', ORDER[1]!);
    await expect(page.getByTestId('present-progress')).toHaveText('2 / 8');
    await expect(current).toHaveAttribute('data-event', ORDER[1]!);
    await expect(presenter.getByTestId('presenter-note')).toContainText(NOTES[1]!);
    await expect(presenter.getByTestId('presenter-next')).toHaveText('US-backed Syrian alliance takes Raqqa');
    await presenter.keyboard.press('PageDown');
    await expect(page.getByTestId('caption')).toHaveAttribute('data-event', ORDER[2]!);
    await expect(presenter.getByTestId('presenter-progress')).toHaveText('3 / 8');

    // A number then Enter goes to that step; Home to the first.
    await presenter.keyboard.press('4');
    await expect(presenter.getByTestId('presenter-goto')).toContainText('4');
    await presenter.keyboard.press('Enter');
    await expect(page.getByTestId('caption')).toHaveAttribute('data-event', ORDER[3]!);
    await expect(presenter.getByTestId('presenter-note')).toContainText(NOTES[3]!);

    // B blanks the audience's screen; the presenter view says so and still shows the step.
    await presenter.keyboard.press('b');
    await expect(page.getByTestId('blank-screen')).toHaveAttribute('data-screen', 'black');
    await expect(presenter.getByTestId('presenter-screen')).toHaveAttribute('data-screen', 'black');
    await expect(current).toHaveAttribute('data-event', ORDER[3]!);
    await presenter.screenshot({ path: 'test-results/presenter-view-720p.png' });
    await presenter.keyboard.press('b');
    await expect(page.getByTestId('blank-screen')).toHaveCount(0);

    // The audience's own keys move the presenter view too.
    await page.keyboard.press('ArrowRight');
    await expect(current).toHaveAttribute('data-event', ORDER[4]!);

    // The notes are never on the audience's page.
    const audienceText = await page.locator('body').innerText();
    for (const note of NOTES) expect(audienceText).not.toContain(note);
    expect(await page.getByTestId('presenter-note').count()).toBe(0);

    // Esc on the presenter's window ends the presentation in the audience's.
    await presenter.keyboard.press('Escape');
    await expect(page.getByTestId('caption')).toHaveCount(0);
    await expect(presenter.getByTestId('presenter-waiting')).toContainText('Not presenting');
    expect(app.errors).toEqual([]);
  });

  test('a presenter view opened before presenting waits, then follows', async ({ openApp, page }) => {
    const app = await openApp();
    const presenter = await openSecondPage(app, '#presenter');
    await expect(presenter.getByTestId('presenter-waiting')).toContainText('Not presenting');
    await page.keyboard.press('F5');
    // Every event but the 1916 context, far outside the story.
    await expect(page.getByTestId('present-progress')).toHaveText(`1 / ${BUNDLED_EVENT_COUNT - 1}`);
    await expect(presenter.getByTestId('presenter-progress')).toHaveText(`1 / ${BUNDLED_EVENT_COUNT - 1}`);
    await expect(presenter.getByTestId('presenter-note')).toContainText('notes come with stories');
    expect(app.errors).toEqual([]);
  });

  test('the Presenter view button in the presentation asks main for the window', async ({ openApp, page }) => {
    const app = await openApp();
    await presentStory(page);
    const button = page.getByTestId('present-presenter-view');
    // Unseen until the pointer comes to it (the Present button clicked was in the same corner).
    await page.mouse.move(300, 300);
    await expect(button).toHaveCSS('opacity', '0');
    await button.hover();
    await expect(button).toHaveCSS('opacity', '1');
    await button.click();
    await expect.poll(() => app.bridge.presenterViews.count).toBe(1);
    // The click did not move the presentation on, and the clicker's Space still does.
    await expect(page.getByTestId('present-progress')).toHaveText('1 / 8');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('present-progress')).toHaveText('2 / 8');
    expect(app.bridge.presenterViews.count).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
