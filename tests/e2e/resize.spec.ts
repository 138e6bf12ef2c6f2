// Any change of the timeline's size redraws everything at once (issue 14): the window enlarged
// from 1280×720 to 1920×1080 and back, and a screen of another pixel ratio. With a 20,000-row
// ACLED export (density): the bars span the whole window, are drawn at the new width and ratio,
// and the counts in view (status bar, lane labels) are the data's. With the bundled dataset
// (labels): the view frames the story again, every label touches its mark and reads forward, and
// every lane is in sight.
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv } from '../../src/shared/import/csvTable';
import { expect, test } from '../support/fixtures';
import { expectLabels, settledDrawing } from '../support/timelineGeometry';
import { syntheticAcledCsv } from '../support/syntheticAcled';

const DAY = 86_400_000;
const SMALL = { width: 1280, height: 720 };
const LARGE = { width: 1920, height: 1080 };

let dir: string;
let acledPath: string;
/** Each row as the CSV says: its country, its first possible day, how many days may be its date. */
let rows: { country: string; start: number; days: number }[];

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontline-resize-'));
  acledPath = join(dir, 'acled-20000.csv');
  const text = syntheticAcledCsv(20_000, 7);
  writeFileSync(acledPath, text);
  const read = readCsv(text, 'acled-20000.csv');
  if (!read.ok) throw new Error('unreadable synthetic export');
  const col = (name: string) => read.table.keys.indexOf(name);
  const [date, precision, country] = ['event_date', 'time_precision', 'country'].map(col) as [number, number, number];
  rows = read.table.rows.map((r) => {
    const margin = { '1': 0, '2': 3, '3': 15 }[r.cells[precision] as '1' | '2' | '3'];
    return { country: r.cells[country]!, start: Date.parse(`${r.cells[date]}T00:00:00Z`) - margin * DAY, days: 2 * margin + 1 };
  });
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows starting in [t0, t1) (what the status bar counts), and a country's rows dated there, windows by their share (what a lane label counts). */
const startingIn = (t0: number, t1: number) => rows.filter((r) => r.start >= t0 && r.start < t1).length;
function datedIn(country: string, t0: number, t1: number): number {
  let n = 0;
  for (const r of rows) {
    if (r.country !== country) continue;
    n += r.days === 1 ? (r.start >= t0 && r.start < t1 ? 1 : 0) : Math.max(0, Math.min(t1, r.start + r.days * DAY) - Math.max(t0, r.start)) / (r.days * DAY);
  }
  return n;
}

interface DensityView {
  window: { start: number; end: number };
  inView: number;
  centre: { x: number; width: number };
  ratio: number;
  lanes: { name: string; inViewLabel: string; from: number; to: number; box: { x: number; width: number }; widthPx: number; pixels: number; ratio: number }[];
}

async function densityView(page: Page): Promise<DensityView> {
  return page.evaluate(() => {
    const status = document.querySelector<HTMLElement>('[data-testid="visible-window"]')!;
    const centre = document.querySelector('.vis-panel.vis-center')!.getBoundingClientRect();
    const names = [...document.querySelectorAll('.vis-labelset .lane-label')];
    const lanes = [...document.querySelectorAll<HTMLCanvasElement>('canvas.density')].map((c) => {
      const label = names[Number(c.dataset['lane'])]!;
      const box = c.getBoundingClientRect();
      return {
        name: label.querySelector('.lane-name')?.textContent ?? '',
        inViewLabel: label.querySelector('.lane-density-summary')?.textContent ?? '',
        from: Number(c.dataset['from']),
        to: Number(c.dataset['to']),
        box: { x: box.x, width: box.width },
        widthPx: Number(c.dataset['widthPx']),
        pixels: c.width,
        ratio: Number(c.dataset['ratio'])
      };
    });
    return {
      window: { start: Number(status.dataset['startMs']), end: Number(status.dataset['endMs']) },
      inView: Number(document.querySelector('[data-testid="in-view"]')!.textContent!.replace(/,/g, '')),
      centre: { x: centre.x, width: centre.width },
      ratio: Math.min(2, window.devicePixelRatio || 1),
      lanes
    };
  });
}

/** The drawing was made for the window and size of now: each canvas drawn at the width it is shown. */
async function settledDensity(page: Page): Promise<DensityView> {
  let view: DensityView | undefined;
  await expect
    .poll(async () => {
      view = await densityView(page);
      return view.lanes.length > 0 && view.lanes.every((l) => Math.abs(l.box.width - l.widthPx) <= 2 && l.ratio === view!.ratio);
    })
    .toBe(true);
  await page.waitForTimeout(300);
  return densityView(page);
}

function checkDensity(v: DensityView, what: string): void {
  expect(v.inView, `${what}: "in view" is the rows starting in the window`).toBe(startingIn(v.window.start, v.window.end));
  for (const lane of v.lanes) {
    // The bins span the whole window, and so do the bars as drawn, at the width they are shown and the screen's ratio.
    expect(lane.from, `${what}: ${lane.name}'s bins start before the window`).toBeLessThanOrEqual(v.window.start);
    expect(lane.to, `${what}: ${lane.name}'s bins end after the window`).toBeGreaterThanOrEqual(v.window.end);
    expect(lane.box.x, `${what}: ${lane.name}'s bars start left of the view`).toBeLessThanOrEqual(v.centre.x + 1);
    expect(lane.box.x + lane.box.width, `${what}: ${lane.name}'s bars reach past the view`).toBeGreaterThanOrEqual(v.centre.x + v.centre.width - 1);
    expect(Math.abs(lane.box.width - lane.widthPx), `${what}: ${lane.name} drawn at the width shown`).toBeLessThanOrEqual(2);
    expect(lane.pixels, `${what}: ${lane.name} drawn at the screen's ratio`).toBe(Math.min(32_000, Math.round(lane.widthPx * v.ratio)));
    // Its label counts what is in view, as the CSV has it.
    expect(lane.inViewLabel, `${what}: ${lane.name}'s label`).toContain(`${Math.round(datedIn(lane.name, v.window.start, v.window.end)).toLocaleString('en-GB')} in view`);
  }
}

test.describe('resizing the window', () => {
  test.setTimeout(120_000);

  test('with density: the bars span the window and the counts are the data, at every size and pixel ratio', async ({ openApp, page }, info) => {
    await page.setViewportSize(SMALL);
    const app = await openApp();
    await app.bridge.openFromCommandLine(acledPath);
    await expect(page.getByTestId('notice')).toContainText('Opened acled-20000.csv', { timeout: 30_000 });
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
    const small = await settledDensity(page);
    expect(small.lanes.length).toBeGreaterThan(0);
    checkDensity(small, '1280×720');
    await page.screenshot({ path: info.outputPath('density-1280.png') });

    await page.setViewportSize(LARGE);
    const large = await settledDensity(page);
    expect(large.centre.width).toBeGreaterThan(small.centre.width + 500);
    checkDensity(large, 'enlarged to 1920×1080');
    await page.screenshot({ path: info.outputPath('density-1920-after-resize.png') });

    // Zoomed in (no longer fitted), then shrunk: the window keeps its dates, drawn anew.
    await page.keyboard.press('+');
    await expect.poll(async () => (await densityView(page)).window.end - (await densityView(page)).window.start).toBeLessThan((large.window.end - large.window.start) * 0.6);
    await page.setViewportSize(SMALL);
    const shrunk = await settledDensity(page);
    checkDensity(shrunk, 'zoomed in, shrunk to 1280×720');
    await page.screenshot({ path: info.outputPath('density-1280-after-resize.png') });

    // Moved to a screen of twice the pixel ratio: the bars are drawn at that ratio. (Headless
    // Chromium fires no media change for an emulated ratio, so the size changes a little too; the
    // ratio's own path is sizeWatch.test.ts's.)
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: SMALL.width - 40, height: SMALL.height, deviceScaleFactor: 2, mobile: false });
    const sharp = await settledDensity(page);
    expect(sharp.ratio).toBe(2);
    checkDensity(sharp, 'pixel ratio 2');
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    expect(app.errors).toEqual([]);
  });

  test('with labels: the story is framed again and every label touches its mark, both ways', async ({ openApp, page }, info) => {
    await page.setViewportSize(SMALL);
    const app = await openApp();
    const framed = async (what: string) => {
      const d = await settledDrawing(page);
      const status = page.getByTestId('visible-window');
      const start = Number(await status.getAttribute('data-start-ms'));
      const end = Number(await status.getAttribute('data-end-ms'));
      expect(start, `${what}: framed from late September or October 2017`).toBeGreaterThan(Date.UTC(2017, 8, 1));
      expect(end, `${what}: to November or December`).toBeLessThan(Date.UTC(2018, 0, 1));
      expectLabels(d, { forward: true, inside: true, label: what });
      // Every lane is in sight (none pushed below the fold), and the lanes fill the view from its top.
      const lanes = await page.locator('.vis-foreground .vis-group').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
      expect(lanes.at(-1)!.bottom, `${what}: the last lane is in sight`).toBeLessThanOrEqual(d.centre.y + d.centre.height + 1);
      expect(lanes[0]!.top).toBeLessThanOrEqual(d.centre.y + 1);
      return d;
    };
    await framed('1280×720');
    await page.setViewportSize(LARGE);
    await framed('enlarged to 1920×1080');
    await page.screenshot({ path: info.outputPath('labels-1920-after-resize.png') });
    await page.setViewportSize(SMALL);
    await framed('shrunk to 1280×720');
    await page.screenshot({ path: info.outputPath('labels-1280-after-resize.png') });

    // Zoomed in around an event (no longer fitted), then enlarged: laid out anew, every label on its mark.
    await page.locator('.vis-item.vis-range[data-event="deir-al-zour-taken"] .ev-label').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('+');
    await page.waitForTimeout(500);
    await page.setViewportSize(LARGE);
    expectLabels(await settledDrawing(page), { label: 'zoomed in, enlarged' });
    await page.setViewportSize(SMALL);
    expectLabels(await settledDrawing(page), { label: 'zoomed in, shrunk' });
    expect(app.errors).toEqual([]);
  });
});
