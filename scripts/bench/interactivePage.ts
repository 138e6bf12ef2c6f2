// The interactive page at scale, for npm run bench: a page written by the real writer (the command
// line's npm run export -- … --out x.html) for the synthetic datasets, its size, and, opened from
// file:// in headless Chromium, the time from navigation to the first painted timeline (the page
// parses its HTML, reads, checks and packs its data on its own thread, then draws), the longest task
// after its data arrived, and the frame gaps while dragging the timeline.
//   npx tsx scripts/bench/interactivePage.ts [--sizes 100000] [--reps 3]     (after npm run build)
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_PATH } from '../../playwright.config';
import { runExport } from '../../src/cli/export';

export interface PageBench {
  readonly n: number;
  /** The dataset file's size and the page's, MB. */
  readonly datasetMB: number;
  readonly pageMB: number;
  /** Writing the page with the command line (open, check, write), ms. */
  readonly writeMs: number;
  /** Navigation start to the dataset handed to the app (HTML parsed, data read, checked and packed), ms. */
  readonly dataMs: number;
  /** Navigation start to the first painted timeline, ms. */
  readonly firstPaintMs: number;
  /** The longest task once the data was handed over, ms. */
  readonly longTaskMaxMs: number;
  /** Frame gaps while dragging the timeline, ms. */
  readonly pan: { readonly p50: number; readonly p95: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');

const PROBES = `
  window.__frames = null;
  window.__longTasks = [];
  const loop = (t) => { if (window.__frames) window.__frames.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

async function dragPan(page: Page): Promise<{ p50: number; p95: number }> {
  const box = await page.locator('.vis-panel.vis-center').first().boundingBox();
  if (!box) throw new Error('no timeline in the page');
  const y = box.y + box.height - 12;
  await page.evaluate(() => ((window as unknown as { __frames: number[] }).__frames = []));
  await page.mouse.move(box.x + box.width * 0.8, y);
  await page.mouse.down();
  for (let k = 0; k < 120; k++) {
    await page.mouse.move(box.x + box.width * (0.8 - 0.6 * Math.abs(Math.sin((k / 120) * Math.PI * 2))), y);
    await sleep(12);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
  const d = frames.slice(1).map((t, i) => t - frames[i]!);
  return { p50: quantile(d, 0.5), p95: quantile(d, 0.95) };
}

/** Write and open the page of each dataset `reps` times; medians. */
export async function measureInteractivePages(datasets: readonly { n: number; path: string }[], reps: number, log: (m: string) => void = console.log): Promise<PageBench[]> {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-bench-page-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'], headless: true });
  const results: PageBench[] = [];
  try {
    for (const { n, path } of datasets) {
      const out = join(dir, `page-${n}.html`);
      const runs: Omit<PageBench, 'n' | 'datasetMB' | 'pageMB'>[] = [];
      for (let rep = 0; rep < reps; rep++) {
        log(`page ${n}: write and open, run ${rep + 1}/${reps}`);
        const t0 = performance.now();
        const written = await runExport([path, '--out', out]);
        const writeMs = performance.now() - t0;
        if (written.exitCode !== 0) throw new Error(`the page of ${path} was not written: ${written.stderr}`);
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const page = await context.newPage();
        await page.addInitScript({ content: PROBES });
        try {
          await page.goto(pathToFileURL(out).href, { timeout: 600_000 });
          await page.waitForFunction(() => performance.getEntriesByName('frontline:first-paint').length > 0, undefined, { timeout: 600_000, polling: 50 });
          await sleep(400);
          // No named functions inside: tsx would wrap them in a helper the page does not have.
          const marks = await page.evaluate(() => {
            const received = performance.getEntriesByName('frontline:dataset-received')[0]!.startTime;
            const painted = performance.getEntriesByName('frontline:first-paint')[0]!.startTime;
            const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= received);
            return { dataMs: received, firstPaintMs: painted, longTaskMaxMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0) };
          });
          runs.push({ writeMs, ...marks, pan: await dragPan(page) });
        } finally {
          await context.close();
        }
      }
      const pick = <K extends keyof (typeof runs)[number]>(k: K) => runs.map((r) => r[k]);
      results.push({
        n,
        datasetMB: statSync(path).size / 1e6,
        pageMB: statSync(out).size / 1e6,
        writeMs: median(pick('writeMs')),
        dataMs: median(pick('dataMs')),
        firstPaintMs: median(pick('firstPaintMs')),
        longTaskMaxMs: median(pick('longTaskMaxMs')),
        pan: { p50: median(runs.map((r) => r.pan.p50)), p95: median(runs.map((r) => r.pan.p95)) }
      });
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** The report's section on the page. */
export function pageSection(results: readonly PageBench[]): string[] {
  return [
    '## Interactive page',
    '',
    'A page written with `npm run export -- DATASET --out page.html` (the same writer as File › Export Interactive Page…), opened from file:// in the same Chromium. "Data in" is navigation start to the dataset handed to the app (the HTML parsed, the data read, checked and packed into columns on the page\'s own thread: there is no main process); first paint is navigation start to the first painted timeline.',
    '',
    '| events | dataset | page | write the page | data in | first paint | longest task after the data | pan p50 / p95 |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${fmt(r.n)} | ${fmt(r.datasetMB, 1)} MB | ${fmt(r.pageMB, 1)} MB | ${fmt(r.writeMs / 1000, 1)} s | ${fmt(r.dataMs)} ms | ${fmt(r.firstPaintMs)} ms | ${fmt(r.longTaskMaxMs)} ms | ${fmt(r.pan.p50, 1)} / ${fmt(r.pan.p95, 1)} ms |`
    )
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const { writeSyntheticDataset } = await import('./synthetic');
  const out = join(import.meta.dirname, '..', '..', 'bench-results');
  mkdirSync(join(out, 'data'), { recursive: true });
  const datasets = (arg('--sizes') ?? '100000').split(',').map((s) => {
    const n = Number(s);
    const path = join(out, 'data', `synthetic-${n}.frontline`);
    try {
      statSync(path);
    } catch {
      // As npm run bench makes them (run.ts datasetPath), so the two share the files.
      writeSyntheticDataset(path, { events: n, countries: 8, seed: 20171103 + n });
    }
    return { n, path };
  });
  const results = await measureInteractivePages(datasets, Number(arg('--reps') ?? 3));
  const text = `${pageSection(results).join('\n')}\n`;
  writeFileSync(join(out, 'benchmark-page.md'), text);
  writeFileSync(join(out, 'benchmark-page.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(text);
}
