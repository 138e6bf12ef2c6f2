// npm run bench: the map view at scale, on the page the timeline was just measured on (the same
// dataset, bridged to main's real code). Opens the map (M), then measures as run.ts does for the
// timeline: frame gaps while dragging and wheel-zooming the map; how long a change of the
// timeline's window (a pan, with reduced motion so it is one change) and of the filters (a legend
// type hidden and shown) takes to reach the map, drawn (the map's 'frontline:map-drawn' mark, set
// once MapLibre is idle with the new events); the longest renderer task from opening the map to
// the end; the JS heap with the map open and what opening it added.
import type { Page } from '@playwright/test';

export interface Gaps {
  p50: number;
  p95: number;
  max: number;
}

export interface MapResult {
  /** M pressed to the map drawn with its events (MapLibre loaded, the dataset indexed by place). */
  openMs: number;
  pan: Gaps;
  zoom: Gaps;
  /**
   * A change of the timeline's window reaching the map: from the viewer's new window (the map's
   * 'frontline:map-change' mark) to the map drawn anew; median and worst of the runs. And from the
   * key that pans the timeline (its own work included) to the map drawn.
   */
  windowMs: number;
  windowMaxMs: number;
  windowFromKeyMs: number;
  /** A change of the filters (a legend type hidden or shown) reaching the map, likewise; and from the click. */
  filterMs: number;
  filterMaxMs: number;
  filterFromClickMs: number;
  /** The longest renderer task from M to the end of the window changes (opening, panning, zooming, following the timeline). */
  longTaskMaxMs: number;
  /** The longest task while the filters changed: the viewer's own filtering (the legend's click) is in it. */
  filterLongTaskMs: number;
  heapMB: number;
  heapAddedMB: number;
  /** What the map showed: events in view, and marks drawn. */
  events: number;
  marks: number;
}

/** The map's goals (issue 15), at 1,000,000 events. */
export const MAP_GOALS = { frameP95Ms: 33, changeMs: 100, longTaskMs: 200 } as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const median = (xs: number[]) => quantile(xs, 0.5);

function gaps(frames: number[]): Gaps {
  const d = frames.slice(1).map((t, i) => t - frames[i]!);
  return { p50: quantile(d, 0.5), p95: quantile(d, 0.95), max: d.length ? Math.max(...d) : NaN };
}

async function takeFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[] | null };
    const f = w.__frames ?? [];
    w.__frames = null;
    return f;
  });
}

const startFrames = (page: Page) => page.evaluate(() => ((window as unknown as { __frames: number[] }).__frames = []));

/**
 * After `act`, the time to the next 'frontline:map-drawn' from a mark set just before `act`
 * (`fromAction`) and from the map's last 'frontline:map-change' (`fromChange`: the viewer's window
 * or filter changed; the map's part alone).
 */
async function toMapDrawn(page: Page, act: () => Promise<void>, timeoutMs = 60_000): Promise<{ fromAction: number; fromChange: number }> {
  const from = `frontline:bench-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((name) => performance.mark(name), from);
  await act();
  await page.waitForFunction(
    (name) => {
      const start = performance.getEntriesByName(name).at(-1);
      const end = performance.getEntriesByName('frontline:map-drawn').at(-1);
      return start !== undefined && end !== undefined && end.startTime >= start.startTime;
    },
    from,
    { timeout: timeoutMs, polling: 16 }
  );
  return page.evaluate((name) => {
    const drawn = performance.getEntriesByName('frontline:map-drawn').at(-1)!.startTime;
    const changes = performance.getEntriesByName('frontline:map-change').filter((e) => e.startTime <= drawn);
    return { fromAction: drawn - performance.getEntriesByName(name).at(-1)!.startTime, fromChange: drawn - (changes.at(-1)?.startTime ?? NaN) };
  }, from);
}

/** Drag across the map for about two seconds, paced like a hand. */
async function dragMap(page: Page): Promise<Gaps> {
  const box = (await page.locator('.map-canvas canvas').boundingBox())!;
  const y = box.y + box.height / 2;
  await startFrames(page);
  await page.mouse.move(box.x + box.width * 0.8, y);
  await page.mouse.down();
  for (let k = 0; k < 120; k++) {
    await page.mouse.move(box.x + box.width * (0.8 - 0.6 * Math.abs(Math.sin((k / 120) * Math.PI * 2))), y + 40 * Math.sin((k / 60) * Math.PI));
    await sleep(12);
  }
  await page.mouse.up();
  return gaps(await takeFrames(page));
}

/** Wheel zoom in and back out over the map's middle. */
async function wheelMap(page: Page): Promise<Gaps> {
  const box = (await page.locator('.map-canvas canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await startFrames(page);
  for (let k = 0; k < 60; k++) {
    await page.mouse.wheel(0, k < 30 ? -100 : 100);
    await sleep(30);
  }
  await sleep(300);
  return gaps(await takeFrames(page));
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1e6;
}

/** Open the map on `page` (the app, with its dataset drawn) and measure it. */
export async function measureMapView(page: Page): Promise<MapResult> {
  const heapBefore = await heapMB(page);
  // One change of the window per pan (no animation), as a keyboard user with reduced motion gets it.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  const opened = await page.evaluate(() => performance.now());
  const openMs = (
    await toMapDrawn(page, () => page.keyboard.press('m'), 120_000).catch(async (err: unknown) => {
      // Say what the page showed, for whoever reads the log.
      const state = await page.evaluate(() => ({ focus: document.activeElement?.tagName, map: { ...document.querySelector<HTMLElement>('[data-testid=map]')?.dataset } }));
      throw new Error(`the map did not draw after M: ${JSON.stringify(state)} (${err instanceof Error ? err.message : String(err)})`);
    })
  ).fromAction;
  // The detailed basemap follows the world one: let it arrive and settle before dragging.
  await sleep(2500);
  const pan = await dragMap(page);
  await sleep(500);
  const zoom = await wheelMap(page);
  await sleep(800);

  const windowTimes: { fromAction: number; fromChange: number }[] = [];
  for (let k = 0; k < 6; k++) {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
    windowTimes.push(await toMapDrawn(page, () => page.keyboard.press(k % 2 === 0 ? 'Shift+ArrowLeft' : 'Shift+ArrowRight')));
    await sleep(300);
  }
  const longest = (from: number, to: number) =>
    page.evaluate(
      ([a, b]) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= a! && t.start < b!).reduce((m, t) => Math.max(m, t.duration), 0),
      [from, to]
    );
  const filtersFrom = await page.evaluate(() => performance.now());
  const longTaskMaxMs = await longest(opened, filtersFrom);
  const filterTimes: { fromAction: number; fromChange: number }[] = [];
  for (let k = 0; k < 4; k++) {
    filterTimes.push(await toMapDrawn(page, () => page.locator('.legend-toggle').first().click()));
    await sleep(300);
  }
  const filterLongTaskMs = await longest(filtersFrom, await page.evaluate(() => performance.now()));
  const heap = await heapMB(page);
  const shown = await page.getByTestId('map').evaluate((el) => ({ events: Number((el as HTMLElement).dataset['events']), marks: Number((el as HTMLElement).dataset['marks']) }));
  return {
    openMs,
    pan,
    zoom,
    windowMs: median(windowTimes.map((t) => t.fromChange)),
    windowMaxMs: Math.max(...windowTimes.map((t) => t.fromChange)),
    windowFromKeyMs: median(windowTimes.map((t) => t.fromAction)),
    filterMs: median(filterTimes.map((t) => t.fromChange)),
    filterMaxMs: Math.max(...filterTimes.map((t) => t.fromChange)),
    filterFromClickMs: median(filterTimes.map((t) => t.fromAction)),
    longTaskMaxMs,
    filterLongTaskMs,
    heapMB: heap,
    heapAddedMB: heap - heapBefore,
    ...shown
  };
}

const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');

export function mapGoals(m: MapResult): { label: string; ok: boolean }[] {
  return [
    { label: `map pan p95 ≤ ${MAP_GOALS.frameP95Ms} ms`, ok: m.pan.p95 <= MAP_GOALS.frameP95Ms },
    { label: `map zoom p95 ≤ ${MAP_GOALS.frameP95Ms} ms`, ok: m.zoom.p95 <= MAP_GOALS.frameP95Ms },
    { label: `window change reaches the map ≤ ${MAP_GOALS.changeMs} ms`, ok: m.windowMs <= MAP_GOALS.changeMs },
    { label: `filter change reaches the map ≤ ${MAP_GOALS.changeMs} ms`, ok: m.filterMs <= MAP_GOALS.changeMs },
    { label: `longest renderer task with the map < ${MAP_GOALS.longTaskMs} ms`, ok: m.longTaskMaxMs < MAP_GOALS.longTaskMs }
  ];
}

/** The map's table for the report. */
export function mapSection(rows: readonly { n: number; map: MapResult }[]): string[] {
  if (rows.length === 0) return [];
  return [
    '## Map view',
    '',
    'The map (M) opened on the same page after the timeline was measured: MapLibre GL JS, software WebGL (headless Chromium with --disable-gpu: the map draws at half resolution while it moves), the offline basemap. Frame gaps while dragging the map for about two seconds and wheel-zooming it in and out. A change of the timeline\'s window (Shift+← / Shift+→, reduced motion so each is one change) or of the filters (a legend type hidden or shown) reaching the map: from the viewer\'s new window or filter to the map drawn anew (MapLibre idle with the new events; the goal), and in brackets from the key or click, the timeline\'s own work included. The longest renderer task from M through the pans, zooms and window changes (the goal), and apart, while the filters changed (the viewer\'s own filtering at a million events is in that task, the map\'s share a few milliseconds). The JS heap with the map open (GPU buffers are not in it).',
    '',
    '| events | open the map | map pan p50 / p95 / max | map zoom p50 / p95 / max | window change → map: median / worst (from the key) | filter change → map: median / worst (from the click) | longest renderer task (while filtering) | JS heap with the map (added by it) | shown |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      ({ n, map: m }) =>
        `| ${fmt(n)} | ${fmt(m.openMs)} ms | ${fmt(m.pan.p50, 1)} / ${fmt(m.pan.p95, 1)} / ${fmt(m.pan.max)} ms | ${fmt(m.zoom.p50, 1)} / ${fmt(m.zoom.p95, 1)} / ${fmt(m.zoom.max)} ms | ${fmt(m.windowMs)} / ${fmt(m.windowMaxMs)} ms (${fmt(m.windowFromKeyMs)} ms) | ${fmt(m.filterMs)} / ${fmt(m.filterMaxMs)} ms (${fmt(m.filterFromClickMs)} ms) | ${fmt(m.longTaskMaxMs)} ms (${fmt(m.filterLongTaskMs)} ms) | ${fmt(m.heapMB)} MB (+${fmt(m.heapAddedMB)} MB) | ${fmt(m.events)} events in view, ${fmt(m.marks)} marks |`
    )
  ];
}
