// The views never disagree about the state they show (issue 14): while a file opens and until the
// timeline has drawn it, the view is covered (never the old lanes beside the new legend, nor blank
// lanes); the "in view" count follows a filter at once, with no pan; news goes by itself, an error
// stays until dismissed.
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticDataset } from '../../scripts/bench/synthetic';
import { inlineRunLoad, type RunLoad } from '../../src/main/dataset/datasetService';
import { loadDatasetFile } from '../../src/main/dataset/loadDatasetFile';
import type { DatasetHeader, EventColumns } from '../../src/shared/dataset/columns';
import { EVENT_TYPES } from '../../src/shared/dataset/eventTypes';
import { BUNDLED_DATASET } from '../support/bridge';
import { expect, test } from '../support/fixtures';
import { BUNDLED_EVENT_COUNT } from '../support/bundledDataset';

let dir: string;
let path: string;
let header: DatasetHeader;
let cols: EventColumns;
let bundledLanes: string[];

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontline-state-'));
  path = join(dir, 'large.frontline');
  writeSyntheticDataset(path, { events: 30_000, countries: 6, seed: 5 });
  const loaded = await loadDatasetFile(path);
  if (!loaded.ok) throw new Error('synthetic dataset invalid');
  header = loaded.loaded.header;
  cols = loaded.loaded.columns;
  const bundled = await loadDatasetFile(BUNDLED_DATASET);
  if (!bundled.ok) throw new Error('bundled dataset invalid');
  bundledLanes = bundled.loaded.header.theatreLanes.map((l) => l.label);
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every frame: whether the view is covered, the event count the status bar says, the legend, the lane names. */
async function sampleFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: { covered: boolean; count: string; legend: string; lanes: string[] }[] = [];
    (window as unknown as { __frames: typeof frames }).__frames = frames;
    const sample = () => {
      frames.push({
        covered: document.querySelector('[data-testid="loading-cover"]') !== null,
        count: document.querySelector('[data-testid="event-count"]')?.textContent ?? '',
        legend: [...document.querySelectorAll('.legend-types .legend-name')].map((el) => el.textContent).join('|'),
        lanes: [...document.querySelectorAll('.vis-labelset .lane-name')].map((el) => el.textContent ?? '')
      });
      if (frames.length < 2000) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

test('while a file opens, the view stays covered until the timeline has drawn it', async ({ openApp, page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const runLoad: RunLoad = async (file, onProgress, signal, request) => {
    if (file.path === path) await held;
    return inlineRunLoad(file, onProgress, signal, request);
  };
  const app = await openApp({ runLoad });
  await sampleFrames(page);
  void app.bridge.openFromCommandLine(path);
  await expect(page.getByTestId('loading-cover')).toBeVisible();
  release();
  await expect(page.getByTestId('event-count')).toHaveText('30,000 events', { timeout: 30_000 });
  await expect(page.getByTestId('loading-cover')).toHaveCount(0);
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => (window as unknown as { __frames: { covered: boolean; count: string; legend: string; lanes: string[] }[] }).__frames);
  const newLanes = header.theatreLanes.map((l) => l.label);
  expect(frames.some((f) => f.covered)).toBe(true);
  for (const [k, f] of frames.entries()) {
    if (f.covered) continue;
    // Uncovered, the lanes are those of the dataset the status bar and the legend name: never
    // blank, never the old ones under the new legend.
    const want = f.count === `${BUNDLED_EVENT_COUNT} events` ? bundledLanes : newLanes;
    expect(f.lanes, `frame ${k}: ${f.count}, legend ${f.legend}`).toEqual(want);
  }
  expect(app.errors).toEqual([]);
});

test('the "in view" count follows a filter at once', async ({ openApp, page }) => {
  await openApp({ datasetPath: path, waitForTimeline: false });
  await expect(page.getByTestId('event-count')).toHaveText('30,000 events');
  await expect(page.getByTestId('loading-cover')).toHaveCount(0);
  const status = page.getByTestId('visible-window');
  const count = async () => Number((await page.getByTestId('in-view').textContent())!.replace(/,/g, ''));
  const window = async () => ({ start: Number(await status.getAttribute('data-start-ms')), end: Number(await status.getAttribute('data-end-ms')) });
  const expected = async (hidden: ReadonlySet<string>) => {
    const w = await window();
    let n = 0;
    for (let i = 0; i < cols.count; i++) if (cols.start[i]! >= w.start && cols.start[i]! < w.end && !hidden.has(EVENT_TYPES[cols.type[i]!]!)) n++;
    return n;
  };
  await expect.poll(async () => (await count()) === (await expected(new Set()))).toBe(true);
  // Zoomed in, then a type hidden from the legend: the count is the data's at once, no pan between.
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.waitForTimeout(600);
  const type = 'clash';
  await page.getByRole('button', { name: /Armed clashes/ }).click();
  await expect(page.getByRole('button', { name: /Armed clashes/ })).toHaveAttribute('aria-pressed', 'false');
  expect(await count()).toBe(await expected(new Set([type])));
  await page.getByRole('button', { name: /Armed clashes/ }).click();
  expect(await count()).toBe(await expected(new Set()));
});

test('news goes by itself after a few seconds; an error stays until dismissed', async ({ openApp, page }) => {
  test.setTimeout(60_000);
  const app = await openApp();
  const notice = page.getByTestId('notice');
  await app.bridge.openFromCommandLine(BUNDLED_DATASET);
  await expect(notice).toContainText('Opened deir-al-zour-al-qaim-2017.frontline');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toHaveCount(0, { timeout: 20_000 });
  // An error (a save to a folder that does not exist) stays until dismissed.
  app.bridge.nextSaveDialog(join(app.bridge.tempDir, 'no-such-folder', 'events.frontline'));
  await page.keyboard.press('Control+Shift+S');
  await expect(notice).toHaveAttribute('data-kind', 'error');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('no-such-folder');
  await page.waitForTimeout(16_000);
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
