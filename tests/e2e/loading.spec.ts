// Opening a dataset shows progress with Cancel while the load runs elsewhere (the window keeps
// drawing frames), and cancelling leaves a clear message.
import { expect, test } from '../support/fixtures';
import type { RunLoad } from '../../src/main/dataset/datasetService';
import { cancelledOpen } from '../../src/main/dataset/openDatasetFile';

test('progress while loading, and Cancel stops the load', async ({ openApp, page }) => {
  let release: (() => void) | undefined;
  const held: RunLoad = (file, onProgress, signal) =>
    new Promise((resolve) => {
      let done = 0;
      const timer = setInterval(() => {
        done = Math.min(90, done + 15);
        onProgress({ phase: 'checking', done, total: 100, events: done * 1000 });
      }, 100);
      const stop = () => {
        clearInterval(timer);
        resolve(cancelledOpen(file));
      };
      signal.addEventListener('abort', stop, { once: true });
      release = stop;
    });
  const app = await openApp({ waitForTimeline: false, runLoad: held });
  const progress = page.getByRole('status').filter({ hasText: 'Opening' });
  await expect(progress).toContainText('deir-al-zour-al-qaim-2017.frontline');
  await expect(progress.locator('progress')).toHaveAttribute('value', /^(15|30|45|60|75|90)$/);
  await expect.poll(async () => Number(await progress.locator('progress').getAttribute('value'))).toBeGreaterThanOrEqual(45);
  await expect(progress).toContainText(/Checking: \d+% · [\d,]+ events/);
  // The page keeps drawing frames while main loads.
  const frames = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let n = 0;
        const start = performance.now();
        const tick = () => (performance.now() - start < 500 ? (n++, requestAnimationFrame(tick)) : resolve(n));
        requestAnimationFrame(tick);
      })
  );
  expect(frames).toBeGreaterThan(10);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('was cancelled');
  expect(app.bridge.service.current).toBeUndefined();
  release?.();
});
