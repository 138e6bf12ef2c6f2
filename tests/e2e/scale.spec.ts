// The windowed timeline against the data, on a synthetic dataset of 20,000 events: what is drawn
// as items equals what the filters select in the visible range (nothing lost at lane or window
// edges, nothing twice), density counts add up, and zooming in turns density into events.
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticDataset } from '../../scripts/bench/synthetic';
import { loadDatasetFile } from '../../src/main/dataset/loadDatasetFile';
import type { DatasetHeader, EventColumns } from '../../src/shared/dataset/columns';
import { EVENT_TYPES } from '../../src/shared/dataset/eventTypes';
import { expect, test } from '../support/fixtures';

const EVENTS = 20_000;
let dir: string;
let path: string;
let header: DatasetHeader;
let cols: EventColumns;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontline-scale-'));
  path = join(dir, 'scale.frontline');
  writeSyntheticDataset(path, { events: EVENTS, countries: 6, seed: 42 });
  const loaded = await loadDatasetFile(path);
  if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
  header = loaded.loaded.header;
  cols = loaded.loaded.columns;
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Drawn {
  window: { start: number; end: number };
  fed: { start: number; end: number };
  /** The view the drawing was made for (it follows the view once a zoom settles). */
  fedFor: { start: number; end: number };
  lanes: { density: boolean; items: string[]; spanning: number; visible: boolean; canvas?: { total: number; from: number; to: number } }[];
}

/** Events lasting longer than this many view widths are counted in the lane label, not drawn (LONG_EVENT_SPANS). */
const LONG_EVENT_SPANS = 3;

/** What the page draws, lane by lane, read from the DOM once the view has settled. */
async function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const status = document.querySelector<HTMLElement>('[data-testid="visible-window"]');
    const container = document.querySelector<HTMLElement>('.timeline');
    if (!status || !container) return { window: { start: NaN, end: NaN }, fed: { start: NaN, end: NaN }, fedFor: { start: NaN, end: NaN }, lanes: [] };
    const labels = [...document.querySelectorAll<HTMLElement>('.vis-labelset .lane-label')];
    const groups = [...document.querySelectorAll<HTMLElement>('.vis-foreground .vis-group')];
    const panel = document.querySelector<HTMLElement>('.vis-panel.vis-center')!.getBoundingClientRect();
    return {
      window: { start: Number(status.dataset['startMs']), end: Number(status.dataset['endMs']) },
      fed: { start: Number(container.dataset['fedStart']), end: Number(container.dataset['fedEnd']) },
      fedFor: { start: Number(container.dataset['viewStart']), end: Number(container.dataset['viewEnd']) },
      lanes: labels.map((label, i) => {
        const canvas = document.querySelector<HTMLCanvasElement>(`canvas.density[data-lane="${i}"]`);
        const box = groups[i]?.getBoundingClientRect();
        return {
          // vis-timeline draws only the lanes scrolled into view.
          visible: box !== undefined && box.top >= panel.top - 1 && box.bottom <= panel.bottom + 1,
          density: label.classList.contains('lane-label-density'),
          spanning: Number(label.querySelector<HTMLElement>('.lane-spanning')?.dataset['spanning'] ?? 0),
          items: [...(groups[i]?.querySelectorAll<HTMLElement>('.vis-item.vis-range[data-event]') ?? [])].map((el) => el.dataset['event'] ?? ''),
          ...(canvas ? { canvas: { total: Number(canvas.dataset['total']), from: Number(canvas.dataset['from']), to: Number(canvas.dataset['to']) } } : {})
        };
      })
    };
  });
}

/** Wait until the drawing was made for the view as it is now (no zoom settling) and return it. */
async function settled(page: Page): Promise<Drawn> {
  let last: Drawn | undefined;
  await expect
    .poll(async () => {
      last = await drawn(page);
      const { window, fed, fedFor } = last;
      const span = window.end - window.start;
      const sameScale = Math.abs(fedFor.end - fedFor.start - span) < span * 0.001;
      return sameScale && fed.start <= window.start - span * 0.2 && fed.end >= window.end + span * 0.2;
    })
    .toBe(true);
  await page.waitForTimeout(300);
  return drawn(page);
}

const laneIndexOf = (laneId: string) => header.theatreLanes.findIndex((l) => l.id === laneId);

/** Brute force over the columns: ids of a lane's events overlapping [t0, t1), lasting at most `maxDuration`. */
function expected(lane: number, t0: number, t1: number, hidden: ReadonlySet<string> = new Set(), maxDuration = Infinity): string[] {
  const ids: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < cols.count; i++) {
    if (cols.theatre[i] !== lane || hidden.has(EVENT_TYPES[cols.type[i]!]!)) continue;
    if (cols.end[i]! - cols.start[i]! > maxDuration) continue;
    if (cols.start[i]! < t1 && cols.end[i]! > t0) ids.push(decoder.decode(cols.ids.bytes.subarray(cols.ids.offsets[i]!, cols.ids.offsets[i + 1]!)));
  }
  return ids;
}

/** Brute force: a lane's events overlapping [t0, t1) that last longer than `minDuration`. */
function longOverlapping(lane: number, t0: number, t1: number, minDuration: number, hidden: ReadonlySet<string> = new Set()): number {
  let n = 0;
  for (let i = 0; i < cols.count; i++) {
    if (cols.theatre[i] !== lane || hidden.has(EVENT_TYPES[cols.type[i]!]!)) continue;
    if (cols.end[i]! - cols.start[i]! > minDuration && cols.start[i]! < t1 && cols.end[i]! > t0) n++;
  }
  return n;
}

function startingIn(lane: number, t0: number, t1: number, hidden: ReadonlySet<string> = new Set()): number {
  let n = 0;
  for (let i = 0; i < cols.count; i++) {
    if (cols.theatre[i] === lane && !hidden.has(EVENT_TYPES[cols.type[i]!]!) && cols.start[i]! >= t0 && cols.start[i]! < t1) n++;
  }
  return n;
}

function checkAgainstData(d: Drawn, hidden: ReadonlySet<string> = new Set()): { itemLanes: number; densityLanes: number } {
  let itemLanes = 0;
  let densityLanes = 0;
  expect(d.lanes.filter((l) => l.visible).length, 'most lanes are in view').toBeGreaterThanOrEqual(3);
  expect(d.lanes.map((_, i) => i)).toEqual(header.theatreLanes.map((_, i) => i));
  const all = d.lanes.flatMap((l) => l.items);
  expect(new Set(all).size, 'no event drawn twice').toBe(all.length);
  const long = LONG_EVENT_SPANS * (d.window.end - d.window.start);
  d.lanes.forEach((lane, i) => {
    const l = laneIndexOf(header.theatreLanes[i]!.id);
    // Events much longer than the view are counted, not drawn; the count is exact (for the view
    // the drawing was made for: labels follow the view when it settles or moves far enough).
    expect(lane.spanning, `lane ${i} counts the events spanning the view`).toBe(Math.min(1000, longOverlapping(l, d.fedFor.start, d.fedFor.end, long, hidden)));
    if (!lane.visible) return;
    if (lane.density) {
      densityLanes++;
      expect(lane.items, `density lane ${i} draws no items`).toEqual([]);
      expect(lane.canvas, `density lane ${i} has its counts`).toBeDefined();
      // The bins' counts add up to the events starting in the range they cover: none lost or twice.
      expect(lane.canvas!.total).toBe(startingIn(l, lane.canvas!.from, lane.canvas!.to, hidden));
      expect(lane.canvas!.from).toBeLessThanOrEqual(d.fed.start);
      expect(lane.canvas!.to).toBeGreaterThanOrEqual(d.fed.end);
    } else {
      itemLanes++;
      const inView = expected(l, d.window.start, d.window.end, hidden, long);
      const inFed = new Set(expected(l, d.fed.start, d.fed.end, hidden, long));
      // Everything the filters select in the visible range is drawn...
      for (const id of inView) expect(lane.items, `lane ${i} draws ${id}`).toContain(id);
      // ...and nothing else but events of the surrounding window (held ready for panning; vis
      // keeps in the page only those near the view).
      for (const id of lane.items) expect(inFed.has(id), `lane ${i}: ${id} belongs to the window`).toBe(true);
    }
  });
  return { itemLanes, densityLanes };
}

async function zoomTo(page: Page, start: number, end: number): Promise<void> {
  // Through the keyboard-free path a user has too: fit, then wheel around the point of interest.
  const box = (await page.locator('.vis-panel.vis-center').boundingBox())!;
  for (let k = 0; k < 60; k++) {
    const d = await drawn(page);
    const span = d.window.end - d.window.start;
    if (span <= end - start) break;
    const target = (start + end) / 2;
    const x = box.x + ((target - d.window.start) / span) * box.width;
    await page.mouse.move(Math.min(box.x + box.width - 5, Math.max(box.x + 5, x)), box.y + 20);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(40);
  }
}

test.describe('windowed rendering at 20,000 events', () => {
  test.setTimeout(120_000);
  // Tall enough for every lane: vis-timeline draws only the lanes scrolled into view.
  test.use({ viewport: { width: 1400, height: 1300 } });

  test('fitted: dense lanes show counts that add up to the data', async ({ openApp, page }, info) => {
    const app = await openApp({ datasetPath: path, waitForTimeline: false });
    await expect(page.getByTestId('event-count')).toHaveText(`${EVENTS.toLocaleString('en-GB')} events`);
    const d = await settled(page);
    const { densityLanes } = checkAgainstData(d);
    expect(densityLanes).toBeGreaterThan(0);
    await page.screenshot({ path: info.outputPath('density.png') });
    expect(app.errors).toEqual([]);
  });

  test('zooming in turns density into events, each drawn once, none lost at the edges', async ({ openApp, page }, info) => {
    const app = await openApp({ datasetPath: path, waitForTimeline: false });
    await settled(page);
    // A busy month in the middle of the data.
    const mid = cols.start[Math.floor(cols.count / 2)]!;
    await zoomTo(page, mid - 5 * 86_400_000, mid + 5 * 86_400_000);
    const d = await settled(page);
    const { itemLanes } = checkAgainstData(d);
    expect(itemLanes).toBeGreaterThan(0);
    await page.screenshot({ path: info.outputPath('events.png') });
    // Pan by a screen each way: the new window is drawn just as exactly.
    await page.keyboard.press('Shift+ArrowRight');
    checkAgainstData(await settled(page));
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    checkAgainstData(await settled(page));
    // And back out: the lanes turn to density again without errors.
    await page.keyboard.press('f');
    checkAgainstData(await settled(page));
    expect(app.errors).toEqual([]);
  });

  test('a type filter applies to items and counts alike', async ({ openApp, page }) => {
    const app = await openApp({ datasetPath: path, waitForTimeline: false });
    await settled(page);
    const mid = cols.start[Math.floor(cols.count / 3)]!;
    await zoomTo(page, mid - 10 * 86_400_000, mid + 10 * 86_400_000);
    await settled(page);
    await page.getByRole('button', { name: /Armed clashes/ }).click();
    await expect(page.getByRole('button', { name: /Armed clashes/ })).toHaveAttribute('aria-pressed', 'false');
    const d = await settled(page);
    checkAgainstData(d, new Set(['clash']));
    for (const lane of d.lanes) for (const id of lane.items) expect(id).toBeTruthy();
    await page.keyboard.press('f');
    checkAgainstData(await settled(page), new Set(['clash']));
    expect(app.errors).toEqual([]);
  });

  test('a click on a density bar zooms into it', async ({ openApp, page }) => {
    await openApp({ datasetPath: path, waitForTimeline: false });
    const before = await settled(page);
    const lane = before.lanes.findIndex((l) => l.density);
    expect(lane).toBeGreaterThanOrEqual(0);
    const canvas = page.locator(`canvas.density[data-lane="${lane}"]`);
    const box = (await canvas.boundingBox())!;
    const centre = (await page.locator('.vis-panel.vis-center').boundingBox())!;
    await page.mouse.click(centre.x + centre.width / 2, box.y + box.height - 4);
    await expect.poll(async () => {
      const d = await drawn(page);
      return d.window.end - d.window.start;
    }).toBeLessThan((before.window.end - before.window.start) / 5);
  });
});
