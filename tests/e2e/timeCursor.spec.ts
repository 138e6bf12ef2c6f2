// The time cursor in the built renderer with the bundled dataset: , and . step it (a week by
// default) and draw it as a line on the timeline with its date; K plays it forward at a steady pace
// with the visible window moving along so the line stays in view, stopping at the data's last day
// (3 November 2017); with prefers-reduced-motion the window moves by whole windows, not gliding.
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

async function visibleWindow(page: Page): Promise<{ start: number; end: number }> {
  const el = page.getByTestId('visible-window');
  return { start: Number(await el.getAttribute('data-start-ms')), end: Number(await el.getAttribute('data-end-ms')) };
}

const line = (page: Page) => page.locator('.vis-custom-time.fl-time-cursor');

/** The line's date (its marker) and whether it lies inside the lanes' panel. */
async function lineState(page: Page): Promise<{ label: string; inside: boolean }> {
  return page.evaluate(() => {
    const bar = document.querySelector<HTMLElement>('.vis-custom-time.fl-time-cursor');
    const centre = document.querySelector('.vis-panel.vis-center')!.getBoundingClientRect();
    if (!bar) return { label: '', inside: false };
    const r = bar.getBoundingClientRect();
    const x = r.x + r.width / 2;
    return { label: bar.querySelector('.vis-custom-time-marker')?.textContent ?? '', inside: x >= centre.x && x <= centre.x + centre.width };
  });
}

test('stepping with , and . draws the cursor as a line with its date, in view', async ({ openApp, page }) => {
  const app = await openApp();
  await expect(line(page)).toHaveCount(0);
  // Not set: a step forward starts from the data's last day, and goes no further.
  await page.keyboard.press('.');
  await expect(line(page)).toHaveCount(1);
  await expect.poll(async () => (await lineState(page)).label).toBe('3 November 2017');
  await page.keyboard.press(',');
  await expect.poll(async () => (await lineState(page)).label).toBe('27 October 2017');
  for (let k = 0; k < 8; k++) await page.keyboard.press(',');
  await expect.poll(async () => (await lineState(page)).label).toBe('1 September 2017');
  // The window followed the line back.
  await expect.poll(async () => (await lineState(page)).inside).toBe(true);
  const w = await visibleWindow(page);
  expect(w.start).toBeLessThan(day('2017-09-01') + DAY / 2);
  expect(app.errors).toEqual([]);
});

test('K plays through time: the window moves with the line and it stops on the last day', async ({ openApp, page }) => {
  const app = await openApp();
  // Zoomed in to about a fortnight, so the weeks played cannot all fit.
  for (let k = 0; k < 3; k++) await page.keyboard.press('+');
  await expect.poll(async () => {
    const w = await visibleWindow(page);
    return w.end - w.start;
  }).toBeLessThan(20 * DAY);
  // Back to the beginning of September, step by step (the window follows).
  await page.keyboard.press('.');
  for (let k = 0; k < 9; k++) await page.keyboard.press(',');
  await expect.poll(async () => (await lineState(page)).label).toBe('1 September 2017');
  // The window glides after the line.
  await expect.poll(async () => (await visibleWindow(page)).start).toBeLessThan(day('2017-09-02'));
  const before = await visibleWindow(page);
  await page.keyboard.press('k');
  // A week every 0.6 s: the line moves on and the window with it, the line always in view.
  const seen = new Set<string>();
  for (let k = 0; k < 12; k++) {
    await page.waitForTimeout(400);
    const state = await lineState(page);
    seen.add(state.label);
    expect(state.inside, `the line (${state.label}) is in view`).toBe(true);
  }
  expect(seen.size).toBeGreaterThan(4);
  await expect.poll(async () => (await lineState(page)).label, { timeout: 15_000 }).toBe('3 November 2017');
  const after = await visibleWindow(page);
  expect(after.start).toBeGreaterThan(before.start + 30 * DAY);
  expect(after.end - after.start).toBeCloseTo(before.end - before.start, -5);
  // Stopped: nothing moves any more.
  await page.waitForTimeout(1500);
  expect((await visibleWindow(page)).start).toBe((await visibleWindow(page)).start);
  expect((await lineState(page)).label).toBe('3 November 2017');
  expect(app.errors).toEqual([]);
});

test('with reduced motion, playing moves the window a whole window at a time', async ({ openApp, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const app = await openApp();
  // About a fortnight: two weeks' steps to a window.
  for (let k = 0; k < 2; k++) await page.keyboard.press('+');
  await page.keyboard.press('.');
  for (let k = 0; k < 9; k++) await page.keyboard.press(',');
  await expect.poll(async () => (await lineState(page)).label).toBe('1 September 2017');
  await expect.poll(async () => (await lineState(page)).inside).toBe(true);
  await page.keyboard.press('k');
  const starts: number[] = [];
  const labels = new Set<string>();
  for (let k = 0; k < 25; k++) {
    await page.waitForTimeout(250);
    starts.push((await visibleWindow(page)).start);
    const state = await lineState(page);
    labels.add(state.label);
    expect(state.inside, `the line (${state.label}) is in view`).toBe(true);
  }
  await expect.poll(async () => (await lineState(page)).label, { timeout: 15_000 }).toBe('3 November 2017');
  // Fewer window positions than steps played: the window stays put while the line crosses it.
  const positions = new Set(starts).size;
  expect(positions).toBeGreaterThan(1);
  expect(positions).toBeLessThan(labels.size);
  expect(app.errors).toEqual([]);
});
