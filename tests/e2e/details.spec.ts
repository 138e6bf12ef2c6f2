// An import's timeline shows as soon as its rows are checked; its native file image (what event
// details read) is written just after. Details asked for before it is there wait for it, and a
// file image that could not be written is said plainly, naming the file, with the timeline kept.
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { inlineRunLoad, pendingImage, type RunLoad } from '../../src/main/dataset/datasetService';
import { datasetOf, withImage } from '../../src/main/dataset/openDatasetFile';
import type { FileImage } from '../../src/shared/dataset/packDataset';

const ACLED = join(import.meta.dirname, '..', 'fixtures', 'import', 'acled-current.csv');

interface HeldBack {
  deliver(): void;
  fail(message: string): void;
}

/** The real loader, except that an import's file image comes when the test says. */
function imagesHeldBack(): { runLoad: RunLoad; images: HeldBack[] } {
  const images: HeldBack[] = [];
  const runLoad: RunLoad = async (file, onProgress, signal, request) => {
    const outcome = await inlineRunLoad(file, onProgress, signal, request);
    const read = datasetOf(outcome);
    if (!read || read.dataset.format === 'native') return outcome;
    const written: FileImage = await read.dataset.image.ready();
    const pending = pendingImage({ cancel: () => pending.reject(new Error('the file image was not needed any more')) });
    images.push({ deliver: () => pending.resolve(written), fail: (message) => pending.reject(new Error(message)) });
    return withImage(outcome, () => pending.image);
  };
  return { runLoad, images };
}

test("an import's details wait for its file image, then show", async ({ openApp, page }) => {
  const { runLoad, images } = imagesHeldBack();
  const app = await openApp({ runLoad });
  await app.bridge.openFromCommandLine(ACLED);
  await expect(page.locator('.toolbar')).toContainText('ACLED events');
  await page.keyboard.press('Home');
  const panel = page.locator('aside.detail');
  await expect(panel).toHaveAttribute('aria-busy', 'true');
  await expect(panel).toContainText('Loading details…');
  expect(images).toHaveLength(1);
  images[0]!.deliver();
  await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(panel).not.toHaveAttribute('aria-busy', 'true');
  expect(app.errors).toEqual([]);
});

test('a file image that could not be written: the details say why, naming the file; the timeline stays', async ({ openApp, page }, info) => {
  const { runLoad, images } = imagesHeldBack();
  const app = await openApp({ runLoad });
  await app.bridge.openFromCommandLine(ACLED);
  await expect(page.locator('.toolbar')).toContainText('ACLED events');
  const drawn = await page.locator('.vis-item').count();
  images[0]!.fail('the loader stopped unexpectedly (exit code 5)');
  await page.keyboard.press('Home');
  const alert = page.locator('aside.detail[role="alert"]');
  await expect(alert).toContainText("The event's details cannot be shown: acled-current.csv could not be made ready for details and saving (the loader stopped unexpectedly (exit code 5)). Open the file again.");
  await page.screenshot({ path: info.outputPath('details-failed.png') });
  expect(await page.locator('.vis-item').count()).toBe(drawn);
  await alert.getByRole('button', { name: 'Close details (Esc)' }).click();
  await expect(page.locator('aside.detail')).toHaveCount(0);
  expect(app.errors).toEqual([]);
});
