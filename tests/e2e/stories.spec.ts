// Stories: authoring one in the Stories panel (add the selected event with a note, reorder with the
// keyboard, rename), saving it into the file (a user's copy of the bundled dataset, opened from the
// command line), reopening the file and finding it there; presenting a story with clicker keys in
// the story's order, its presenter notes never on the audience's slide. The panel is photographed.
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BUNDLED_DATASET } from '../support/bridge';
import { expect, test } from '../support/fixtures';
import { BUNDLED_EVENT_COUNT } from '../support/bundledDataset';

const panel = (page: Page) => page.getByTestId('stories-panel');

async function select(page: Page, id: string): Promise<void> {
  await page.locator(`.vis-item.vis-range[data-event="${id}"] .ev-label`).click();
  await expect(page.locator(`.vis-item.vis-selected[data-event="${id}"]`)).toBeVisible();
}

async function addSelected(page: Page, id: string, note: string): Promise<void> {
  await select(page, id);
  await panel(page).getByLabel('Note for the new step').fill(note);
  await panel(page).getByTestId('story-add-step').click();
  await expect(panel(page).locator(`[data-event="${id}"]`).last()).toBeVisible();
}

const stepEvents = (page: Page) => panel(page).locator('.story-steps > li[data-event]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-event')));

test.describe('stories', () => {
  test('the bundled story is offered for presenting, and presents in its own order', async ({ openApp, page }) => {
    const app = await openApp();
    await page.getByRole('button', { name: 'Stories', exact: true }).click();
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).getByTestId('story-steps').locator('li[data-event]')).toHaveCount(8);
    await panel(page).getByTestId('present-choice').selectOption('fall-of-raqqa-mosul-deir-al-zour');
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const order = ['is-holds-deir-al-zour', 'mosul-taken', 'raqqa-taken', 'al-qaim-offensive', 'deir-al-zour-taken', 'al-qaim-recaptured', 'deir-al-zour-displacement', 'is-confined-deir-al-zour'];
    const caption = page.getByTestId('caption');
    await expect(caption).toHaveAttribute('data-event', order[0]!);
    await expect(page.getByTestId('present-progress')).toHaveText('1 / 8');
    for (let i = 1; i < order.length; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'PageDown' : 'ArrowRight');
      await expect(caption).toHaveAttribute('data-event', order[i]!);
      await expect(page.getByTestId('present-progress')).toHaveText(`${i + 1} / 8`);
    }
    // The presenter's notes are not on the audience's slide.
    await expect(caption).not.toContainText('what is left of IS');
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await expect(caption).toHaveAttribute('data-event', order[2]!);
    await page.keyboard.press('PageUp');
    await expect(caption).toHaveAttribute('data-event', order[1]!);
    await page.keyboard.press('Escape');
    await expect(caption).toHaveCount(0);
    // Back to every event (the panel is still open): F5 starts with the first event in time; the
    // 1916 context, far outside the story, is no step (every event but that one).
    await expect(panel(page)).toBeVisible();
    await panel(page).getByTestId('present-choice').selectOption('');
    await page.keyboard.press('F5');
    await expect(page.getByTestId('present-progress')).toHaveText(`1 / ${BUNDLED_EVENT_COUNT - 1}`);
    expect(app.errors).toEqual([]);
  });

  test('a story authored in the panel is saved into the file, and is there when it is opened again', async ({ openApp, page }) => {
    const app = await openApp();
    const path = join(app.bridge.tempDir, 'class.frontline');
    await copyFile(BUNDLED_DATASET, path);
    const opened = await app.bridge.openFromCommandLine(path);
    expect(opened.kind).toBe('opened');
    await expect(page.getByTestId('notice')).toContainText('class.frontline');

    await page.getByRole('button', { name: 'Stories', exact: true }).click();
    await panel(page).getByTestId('story-new').click();
    await panel(page).getByTestId('story-title').fill('Three days on the Euphrates');
    await addSelected(page, 'deir-al-zour-taken', 'Who says so? The army.');
    await addSelected(page, 'raqqa-taken', 'Start with Raqqa.');
    await addSelected(page, 'al-qaim-recaptured', '');
    expect(await stepEvents(page)).toEqual(['deir-al-zour-taken', 'raqqa-taken', 'al-qaim-recaptured']);
    // Reorder with the keyboard: Raqqa up to the top; the focus follows the step.
    await panel(page).getByRole('button', { name: 'Move step 2 up' }).focus();
    await page.keyboard.press('Enter');
    expect(await stepEvents(page)).toEqual(['raqqa-taken', 'deir-al-zour-taken', 'al-qaim-recaptured']);
    // Remove, then add again.
    await panel(page).getByRole('button', { name: 'Remove step 3' }).click();
    await addSelected(page, 'al-qaim-recaptured', 'Same day, Iraqi side.');
    await expect(panel(page).getByTestId('stories-state')).toHaveText('Unsaved changes');
    await page.screenshot({ path: 'test-results/stories-panel.png' });

    await panel(page).getByTestId('stories-save').click();
    await expect(page.getByTestId('notice')).toContainText('Saved 2 stories in class.frontline.');
    // No dialog: the user's own file is saved in place.
    expect(app.bridge.dialogCalls.filter((c) => c.kind === 'save')).toEqual([]);
    const written = JSON.parse(await readFile(path, 'utf8')) as { stories: { title: string; steps: { event: string; note?: string }[] }[] };
    expect(written.stories.map((s) => s.title)).toEqual(['The fall of Raqqa, Mosul and Deir al-Zour in 8 steps', 'Three days on the Euphrates']);
    expect(written.stories[1]!.steps).toEqual([
      { event: 'raqqa-taken', note: 'Start with Raqqa.' },
      { event: 'deir-al-zour-taken', note: 'Who says so? The army.' },
      { event: 'al-qaim-recaptured', note: 'Same day, Iraqi side.' }
    ]);

    // Open the file again: the story is there, and presents in its order.
    await app.bridge.openFromCommandLine(path);
    await expect(panel(page)).toBeVisible();
    await expect(panel(page).getByTestId('stories-state')).toHaveText('Saved in the file');
    await panel(page).getByTestId('present-choice').selectOption({ label: 'Three days on the Euphrates (3 steps)' });
    await page.keyboard.press('F5');
    const caption = page.getByTestId('caption');
    await expect(caption).toHaveAttribute('data-event', 'raqqa-taken');
    await page.keyboard.press('Space');
    await expect(caption).toHaveAttribute('data-event', 'deir-al-zour-taken');
    await expect(caption).not.toContainText('Who says so');
    await page.keyboard.press('End');
    await expect(caption).toHaveAttribute('data-event', 'al-qaim-recaptured');
    await expect(page.getByTestId('present-progress')).toHaveText('3 / 3');
    expect(app.errors).toEqual([]);
  });

  test('stories of the bundled dataset are saved to a file the user picks', async ({ openApp, page }) => {
    const app = await openApp();
    const target = join(app.bridge.tempDir, 'my-stories');
    await page.getByRole('button', { name: 'Stories', exact: true }).click();
    await panel(page).getByTestId('story-title').fill('Renamed story');
    app.bridge.nextSaveDialog(target);
    await panel(page).getByTestId('stories-save').click();
    await expect(page.getByTestId('notice')).toContainText('Saved 1 story in my-stories.frontline.');
    expect(app.bridge.dialogCalls.filter((c) => c.kind === 'save')).toHaveLength(1);
    const written = JSON.parse(await readFile(`${target}.frontline`, 'utf8')) as { stories: { title: string }[] };
    expect(written.stories.map((s) => s.title)).toEqual(['Renamed story']);
    expect(await readFile(BUNDLED_DATASET, 'utf8')).toContain('The fall of Raqqa, Mosul and Deir al-Zour in 8 steps');
  });
});
