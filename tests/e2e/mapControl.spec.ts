// Control on the map (issue 15), in the built renderer bridged to main's real handlers: the map
// lists who holds each place as of the time cursor's day, in the colours it draws them, from the
// dataset's own capture and control events (Mosul taken from IS with no taker named, Raqqa by the
// SDF, Deir al-Zour and al-Qaim on 3 November); a button selects the deciding event; moving the
// cursor changes the answer; presenting with the map open frames each step's places and shows
// control as of that step's event. Screenshots at 1280×720 and 1920×1080 go to /tmp/map-shots.
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expect, test } from '../support/fixtures';

const SHOTS = '/tmp/map-shots';

async function openMap(page: Page): Promise<void> {
  await page.keyboard.press('m');
  await expect(page.getByTestId('map')).toHaveAttribute('data-seq', /^[1-9]/, { timeout: 30_000 });
}

const row = (page: Page, place: string) => page.getByTestId('control-list').locator(`li[data-place="${place}"]`);
/** What the list says of a place ('' when no event has decided it yet). */
const says = async (page: Page, place: string) => ((await row(page, place).count()) === 0 ? '' : ((await row(page, place).textContent()) ?? ''));

test('the map says who holds each place as of the time cursor, from the dataset alone, and selects the deciding event', async ({ openApp, page }) => {
  const app = await openApp();
  await openMap(page);
  const list = page.getByTestId('control-list');
  // Before the cursor is set it is the data's last day: after 3 November 2017.
  await expect(list).toContainText(/Control on \d+ (November|December) 2017/);
  await expect(row(page, 'raqqa')).toContainText(/Syrian Democratic Forces|SDF/);
  await expect(row(page, 'deir-al-zour')).toHaveAttribute('data-state', /held|contested/);
  await expect(row(page, 'al-qaim')).toContainText(/Iraq/);
  // Mosul: the article does not say who took it; no taker is invented.
  await expect(row(page, 'mosul')).toContainText('Mosul');
  await expect(row(page, 'mosul')).not.toContainText(/Iraqi forces|Iraqi government/);
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SHOTS}/control-${w}x${h}.png` });
  }
  // One click to the event that decides Raqqa.
  await row(page, 'raqqa').getByRole('button', { name: 'event' }).click();
  await expect(page.locator('aside.detail h2')).toContainText(/Raqqa/);

  // Back to 1 August 2017: Mosul has been taken, Raqqa not yet.
  await page.getByTestId('time-cursor-date').fill('2017-08-01');
  await page.getByTestId('time-cursor-date').dispatchEvent('change');
  await expect(list).toContainText('Control on 1 August 2017');
  await expect(row(page, 'mosul')).toHaveCount(1);
  expect(await says(page, 'raqqa')).not.toMatch(/Syrian Democratic Forces|SDF/);
  expect(await says(page, 'al-qaim')).not.toMatch(/Iraqi/);
  expect(app.errors).toEqual([]);
  expect(app.outsideRequests).toEqual([]);
});

test('presenting with the map open: each step frames its places and shows control as of its event', async ({ openApp, page }) => {
  const app = await openApp();
  await openMap(page);
  await page.keyboard.press('F5');
  const caption = page.getByTestId('caption');
  await expect(caption).toBeVisible();
  await expect(page.getByTestId('map')).toBeVisible();
  // The map's tools are the analyst's: hidden from the room.
  await expect(page.locator('.map-bar')).toBeHidden();
  const goTo = async (id: string) => {
    await page.keyboard.press('Home');
    for (let n = 0; n < 40 && (await caption.getAttribute('data-event')) !== id; n++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(60);
    }
    await expect(caption).toHaveAttribute('data-event', id);
  };
  await goTo('mosul-taken');
  // "In July": as of the last day of July, when it had certainly happened.
  await expect(page.getByTestId('control-list')).toContainText('Control on 31 July 2017');
  expect(await says(page, 'raqqa')).not.toMatch(/Syrian Democratic Forces|SDF/);
  await expect.poll(async () => Number(await page.getByTestId('map').getAttribute('data-zoom'))).toBeGreaterThan(5);
  const mosulZoom = Number(await page.getByTestId('map').getAttribute('data-zoom'));
  await page.screenshot({ path: `${SHOTS}/present-mosul.png` });
  await goTo('raqqa-taken');
  await expect(page.getByTestId('control-list')).toContainText('Control on 31 October 2017');
  await expect(row(page, 'raqqa')).toContainText(/Syrian Democratic Forces|SDF/);
  // Only the step's own places are listed for the room.
  await expect(page.getByTestId('control-list').locator('li')).toHaveCount(1);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${SHOTS}/present-raqqa.png` });
  expect(mosulZoom).toBeGreaterThan(5);
  expect(app.errors).toEqual([]);
});
