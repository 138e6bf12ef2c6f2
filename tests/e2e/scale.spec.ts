// The windowed timeline against the data, on a synthetic dataset of 20,000 events: what is drawn
// as items equals what the filters select in the visible range (nothing lost at lane or window
// edges, nothing twice), density counts add up, and zooming in turns density into events. Then a
// 20,000-row ACLED export, dated to about a week or a month on some rows: density spreads those
// over the days they may fall on, bin by bin as the CSV says, and says how many are uncertain.
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticDataset } from '../../scripts/bench/synthetic';
import { loadDatasetFile } from '../../src/main/dataset/loadDatasetFile';
import type { DatasetHeader, EventColumns } from '../../src/shared/dataset/columns';
import { DATE_PRECISIONS } from '../../src/shared/dataset/dates';
import { EVENT_TYPES } from '../../src/shared/dataset/eventTypes';
import { readCsv } from '../../src/shared/import/csvTable';
import { binEdges, type BinUnit } from '../../src/shared/timeline/density';
import { expect, test } from '../support/fixtures';
import { syntheticAcledCsv } from '../support/syntheticAcled';

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
  lanes: { density: boolean; items: string[]; spanning: number; visible: boolean; canvas?: Bars }[];
}

/** A density canvas: the range its bins cover, its exact totals, and each bin's count (and uncertain part) as shown. */
interface Bars {
  total: number;
  uncertain: number;
  from: number;
  to: number;
  shown: number[];
  shownUncertain: number[];
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
          ...(canvas
            ? {
                canvas: {
                  total: Number(canvas.dataset['total']),
                  uncertain: Number(canvas.dataset['uncertain']),
                  from: Number(canvas.dataset['from']),
                  to: Number(canvas.dataset['to']),
                  shown: (canvas.dataset['shown'] ?? '').split(',').map(Number),
                  shownUncertain: (canvas.dataset['shownUncertain'] ?? '').split(',').map(Number)
                }
              }
            : {})
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

const DAY = 86_400_000;

/**
 * The window of possible dates (ms) an event is counted by: a point event's whole window (a week,
 * a month…); a span's first day, or the window its start's precision names.
 */
function dateWindow(i: number): number {
  const start = cols.start[i]!;
  const end = cols.end[i]!;
  if (cols.endPrecision[i] === 255) return end - start;
  if (cols.startDays[i]! > 0) return Math.min(end - start, cols.startDays[i]! * DAY);
  const d = new Date(start);
  const precision = DATE_PRECISIONS[cols.startPrecision[i]!];
  const window =
    precision === 'week' ? 7 * DAY : precision === 'month' ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - start : precision === 'year' ? Date.UTC(d.getUTCFullYear() + 1, 0, 1) - start : DAY;
  return Math.min(end - start, window);
}

/** Brute force: a lane's events dated in [t0, t1), an event of a single day whole on its day, any other by the share of its window there. */
function datedIn(lane: number, t0: number, t1: number, hidden: ReadonlySet<string> = new Set()): { count: number; uncertain: number } {
  let count = 0;
  let uncertain = 0;
  for (let i = 0; i < cols.count; i++) {
    if (cols.theatre[i] !== lane || hidden.has(EVENT_TYPES[cols.type[i]!]!)) continue;
    const start = cols.start[i]!;
    const w = dateWindow(i);
    if (w <= DAY) count += start >= t0 && start < t1 ? 1 : 0;
    else {
      const share = Math.max(0, Math.min(t1, start + w) - Math.max(t0, start)) / w;
      count += share;
      uncertain += share;
    }
  }
  return { count, uncertain };
}

/** The bars as shown add up to their total as shown (to a tenth), and their uncertain parts likewise. */
function checkShownAddUp(bars: Bars, label: string): void {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  expect(Math.round(sum(bars.shown) * 10), `${label}: bars as shown add up`).toBe(Math.round(bars.total * 10));
  expect(Math.round(sum(bars.shownUncertain) * 10), `${label}: uncertain parts as shown add up`).toBe(Math.round(bars.uncertain * 10));
  bars.shown.forEach((c, k) => expect(c, `${label}: bin ${k} holds its uncertain part`).toBeGreaterThanOrEqual(bars.shownUncertain[k]!));
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
      // The bins' counts add up to the events dated in the range they cover: none lost or twice
      // (an event dated only to a week or a month by the share of it there).
      const want = datedIn(l, lane.canvas!.from, lane.canvas!.to, hidden);
      expect(lane.canvas!.total).toBeCloseTo(want.count, 6);
      expect(lane.canvas!.uncertain).toBeCloseTo(want.uncertain, 6);
      checkShownAddUp(lane.canvas!, `lane ${i}`);
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

// ---------------------------------------------------------------------------------------------
// A 20,000-row ACLED export: time precision 2 (about a week: the day ACLED coded, give or take 3
// days) and 3 (about a month: give or take 15 days) on some rows.

const ACLED_ROWS = 20_000;
let acledPath: string;
/** Each row as the CSV says: its country, the first possible day and how many days may be its date, its fatalities. */
let acledRows: { country: string; start: number; days: number; fatalities: number }[];

test.beforeAll(() => {
  acledPath = join(dir, 'acled-20000.csv');
  const text = syntheticAcledCsv(ACLED_ROWS, 7);
  writeFileSync(acledPath, text);
  const read = readCsv(text, 'acled-20000.csv');
  if (!read.ok) throw new Error('unreadable synthetic export');
  const col = (name: string) => read.table.keys.indexOf(name);
  const [date, precision, country, fatalities] = ['event_date', 'time_precision', 'country', 'fatalities'].map(col) as [number, number, number, number];
  acledRows = read.table.rows.map((r) => {
    const margin = { '1': 0, '2': 3, '3': 15 }[r.cells[precision] as '1' | '2' | '3'];
    return { country: r.cells[country]!, start: Date.parse(`${r.cells[date]}T00:00:00Z`) - margin * DAY, days: 2 * margin + 1, fatalities: Number(r.cells[fatalities]) };
  });
});

/** Brute force from the CSV: a country's rows dated in [t0, t1), each window by the share of its days there, with their fatalities likewise. */
function acledDatedIn(country: string, t0: number, t1: number): { count: number; uncertain: number; fatalities: number } {
  let count = 0;
  let uncertain = 0;
  let fatalities = 0;
  for (const r of acledRows) {
    if (r.country !== country) continue;
    // A single day counts whole on its day; a window by the share of its days in [t0, t1).
    const share = r.days === 1 ? (r.start >= t0 && r.start < t1 ? 1 : 0) : Math.max(0, Math.min(t1, r.start + r.days * DAY) - Math.max(t0, r.start)) / (r.days * DAY);
    count += share;
    if (r.days > 1) uncertain += share;
    fatalities += share * r.fatalities;
  }
  return { count, uncertain, fatalities };
}

/** Every visible density lane against the CSV, bin by bin, and its label's counts of what is in view. */
async function checkAcledDensity(page: Page, d: Drawn): Promise<number> {
  const names = await page.locator('.vis-labelset .lane-label .lane-name').allTextContents();
  const unit = (await page.locator('.timeline').getAttribute('data-bin-unit')) as BinUnit;
  let lanes = 0;
  for (const [i, lane] of d.lanes.entries()) {
    if (!lane.density || !lane.visible) continue;
    const country = names[i]!;
    const bars = lane.canvas!;
    const all = acledDatedIn(country, bars.from, bars.to);
    expect(all.uncertain, `${country}: rows dated to about a week or a month`).toBeGreaterThan(100);
    expect(bars.total).toBeCloseTo(all.count, 6);
    expect(bars.uncertain).toBeCloseTo(all.uncertain, 6);
    checkShownAddUp(bars, country);
    // Bin by bin, as shown: within a tenth of what the CSV says (no week's rows piled on one day).
    const edges = binEdges(bars.from, bars.to, unit);
    expect(bars.shown).toHaveLength(edges.length - 1);
    for (let k = 0; k < edges.length - 1; k++) {
      const want = acledDatedIn(country, edges[k]!, edges[k + 1]!);
      expect(Math.abs(bars.shown[k]! - want.count), `${country} bin ${k}: ${bars.shown[k]} shown, ${want.count} dated there`).toBeLessThanOrEqual(0.1 + 1e-9);
      expect(Math.abs(bars.shownUncertain[k]! - want.uncertain)).toBeLessThanOrEqual(0.1 + 1e-9);
    }
    // The label: how many are in view, and how many of them have uncertain dates.
    const label = page.locator('.vis-labelset .lane-label').nth(i);
    const inView = acledDatedIn(country, d.fedFor.start, d.fedFor.end);
    await expect(label.locator('.lane-density-summary').first()).toContainText(`${Math.round(inView.count).toLocaleString('en-GB')} in view`);
    await expect(label.locator('.lane-density-uncertain')).toHaveAttribute('data-uncertain', String(Math.round(inView.uncertain)));
    await expect(label.locator('.lane-density-uncertain')).toHaveText(`${Math.round(inView.uncertain).toLocaleString('en-GB')} with uncertain dates`);
    lanes++;
  }
  return lanes;
}

test.describe('density of a 20,000-row ACLED export dated to about a week or a month on some rows', () => {
  test.setTimeout(120_000);
  test.use({ viewport: { width: 1400, height: 1000 } });

  test('spreads each row over the days it may fall on, says how many are uncertain, and its counts add up', async ({ openApp, page }, info) => {
    const app = await openApp();
    await app.bridge.openFromCommandLine(acledPath);
    await expect(page.getByTestId('notice')).toContainText('Opened acled-20000.csv', { timeout: 30_000 });
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
    const d = await settled(page);
    expect(await checkAcledDensity(page, d)).toBeGreaterThan(0);

    // The tooltip of the busiest bin in view of the first density lane says what it holds.
    const i = d.lanes.findIndex((l) => l.density && l.visible);
    const bars = d.lanes[i]!.canvas!;
    const unit = (await page.locator('.timeline').getAttribute('data-bin-unit')) as BinUnit;
    const edges = binEdges(bars.from, bars.to, unit);
    let k = -1;
    for (let j = 0; j < bars.shown.length; j++) {
      if (edges[j]! >= d.window.start && edges[j + 1]! <= d.window.end && (k < 0 || bars.shown[j]! > bars.shown[k]!)) k = j;
    }
    const panel = (await page.locator('.vis-panel.vis-center').boundingBox())!;
    const canvas = (await page.locator(`canvas.density[data-lane="${i}"]`).boundingBox())!;
    const mid = (edges[k]! + edges[k + 1]!) / 2;
    await page.mouse.move(panel.x + ((mid - d.window.start) / (d.window.end - d.window.start)) * panel.width, canvas.y + canvas.height - 4);
    const tooltip = page.locator('.density-tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveAttribute('data-bin-start', String(edges[k]));
    const text = (await tooltip.textContent()) ?? '';
    const m = /^(.+): ([\d,.]+) events \(([\d,.]+) of them dated only to a week or more; spread over the days they may fall on\) · ([\d,]+) .+ \(the figures of events of uncertain date spread likewise\)\. Click to zoom in\.$/.exec(text);
    expect(m, text).not.toBeNull();
    const [count, uncertain, fatalities] = [m![2]!, m![3]!, m![4]!].map((x) => Number(x.replace(/,/g, ''))) as [number, number, number];
    expect(count).toBe(bars.shown[k]);
    expect(uncertain).toBe(bars.shownUncertain[k]);
    const names = await page.locator('.vis-labelset .lane-label .lane-name').allTextContents();
    const want = acledDatedIn(names[i]!, edges[k]!, edges[k + 1]!);
    expect(Math.abs(count - want.count)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(Math.abs(uncertain - want.uncertain)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(Math.abs(fatalities - want.fatalities)).toBeLessThanOrEqual(0.5 + 1e-6);
    await page.screenshot({ path: info.outputPath('acled-density.png') });

    // Zoomed in to a few months: finer bins, the same agreement.
    const from = Date.UTC(2017, 5, 1);
    await zoomTo(page, from, from + 120 * DAY);
    expect(await checkAcledDensity(page, await settled(page))).toBeGreaterThan(0);
    await page.screenshot({ path: info.outputPath('acled-density-zoomed.png') });
    expect(app.errors).toEqual([]);
  });
});
