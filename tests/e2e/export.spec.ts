// File > Export Image and Copy Image in the built renderer, bridged to main's real handlers: the
// SVG of the current view lists exactly the events the screen shows (filters, zoom and lanes
// included) at the timeline's size on screen, with every label at or after its mark (before it
// only where it would leave the picture, touching it); the dialog previews what it will export;
// the PNG has the size asked for, the PDF the pages, Copy Image puts a PNG on the (recorded)
// clipboard, and errors name the path. The save dialog is answered by the test.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { loadDatasetFile } from '../../src/main/dataset/loadDatasetFile';
import { FLAG_ERA } from '../../src/shared/dataset/columns';
import { BUNDLED_DATASET } from '../support/bridge';
import { expect, test } from '../support/fixtures';

const TITLE = 'IS loses Deir al-Zour and al-Qaim';

/** Ids of the events drawn on screen whose bars (the time they cover) lie at least partly inside the visible timeline. */
async function idsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const centre = document.querySelector('.vis-panel.vis-center')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.vis-item.vis-range[data-event]')]
      .filter((el) => {
        // The item's box also holds its label: the bar is the time it covers.
        const box = (el.querySelector('.ev-extent') ?? el).getBoundingClientRect();
        return box.width > 0 && box.right > centre.left && box.left < centre.right;
      })
      .map((el) => el.dataset['event'] ?? '')
      .sort();
  });
}

async function openExportDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /Export image/ }).click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

const dialog = (page: Page) => page.getByTestId('export-dialog');

/** Every event of an exported SVG: its label reads forward from its mark, or ends touching it where it would have left the plot. */
function expectLabelsAtOrAfterMarks(svg: string): number {
  const plot = /<g class="axis" data-plot="([\d.]+) ([\d.]+)"/.exec(svg)!;
  const [plotX0, plotX1] = [Number(plot[1]), Number(plot[2])];
  let count = 0;
  for (const m of svg.matchAll(/<g class="event" [^>]*data-event="([^"]*)" data-side="(\w+)" data-mark="([\d.]+) ([\d.]+)">(.*?)<\/g>/g)) {
    const [id, side, markX0, markX1] = [m[1]!, m[2]!, Number(m[3]), Number(m[4])];
    const box = /<rect class="label-box" x="([\d.-]+)" y="[\d.]+" width="([\d.]+)"/.exec(m[5]!)!;
    const [labelX, labelW] = [Number(box[1]), Number(box[2])];
    expect(labelX, id).toBeGreaterThanOrEqual(plotX0 - 0.5);
    expect(labelX + labelW, id).toBeLessThanOrEqual(plotX1 + 0.5);
    if (side === 'left') {
      // Before its mark only where reading forward would leave the picture, and then touching it (a small gap).
      expect(markX0 - (labelX + labelW), id).toBeGreaterThan(0);
      expect(markX0 - (labelX + labelW), id).toBeLessThan(20);
      expect(markX1 + (markX0 - labelX - labelW) + labelW, id).toBeGreaterThan(plotX1);
    } else {
      expect(side === 'right' || side === 'overlay', id).toBe(true);
      expect(labelX, id).toBeGreaterThanOrEqual(markX0 - 0.5);
      if (side === 'right') expect(labelX - markX1, id).toBeLessThan(20);
    }
    count++;
  }
  return count;
}
const chooseFormat = (page: Page, format: 'png' | 'svg' | 'pdf') => dialog(page).locator(`input[name="export-format"][value="${format}"]`).check();

test.describe('Export Image', () => {
  test('the SVG of the current view lists exactly the events the screen shows, filtered and zoomed', async ({ openApp }, testInfo) => {
    const { page, bridge } = await openApp();
    // Filter to Iraq, go to the last event shown and zoom in around it: the view holds some of the
    // events the filter shows and leaves others out.
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByTestId('filter-panel').locator('[data-facet="country"]').getByLabel(/Iraq/).check();
    const shownByFilter = Number(((await page.getByTestId('filter-total').textContent()) ?? '').split(' ')[0]);
    await page.getByRole('button', { name: 'Close filters' }).click();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    // Wait for the window to settle.
    let last = '';
    await expect
      .poll(async () => {
        const now = `${await page.getByTestId('visible-window').getAttribute('data-start-ms')}-${await page.getByTestId('visible-window').getAttribute('data-end-ms')}`;
        const settled = now === last;
        last = now;
        return settled;
      }, { intervals: [300] })
      .toBe(true);
    const onScreen = await idsOnScreen(page);
    expect(onScreen.length).toBeGreaterThan(1);
    // The test means something: the filter hides events in this window, and the zoom leaves out events the filter shows.
    const loaded = await loadDatasetFile(BUNDLED_DATASET);
    if (!loaded.ok) throw new Error('bundled dataset invalid');
    const cols = loaded.loaded.columns;
    const view = { start: Number(await page.getByTestId('visible-window').getAttribute('data-start-ms')), end: Number(await page.getByTestId('visible-window').getAttribute('data-end-ms')) };
    let unfilteredInView = 0;
    for (let i = 0; i < cols.count; i++) if ((cols.flags[i]! & FLAG_ERA) === 0 && cols.start[i]! < view.end && cols.end[i]! > view.start) unfilteredInView++;
    expect(unfilteredInView).toBeGreaterThan(onScreen.length);
    expect(shownByFilter).toBeGreaterThan(onScreen.length);

    await openExportDialog(page);
    // Drawn at the timeline's size on screen, so the picture is the view as it is seen.
    const onScreenSize = await page.locator('.timeline').evaluate((el) => el.getBoundingClientRect());
    await expect(dialog(page).getByLabel('Size')).toHaveValue('screen');
    await expect(dialog(page).getByTestId('export-preview-image')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('export-dialog.png') });
    await chooseFormat(page, 'svg');
    const out = join(bridge.tempDir, 'view.svg');
    bridge.nextSaveDialog(out);
    await dialog(page).getByRole('button', { name: 'Export…' }).click();
    await expect(dialog(page).getByTestId('export-result')).toHaveText(new RegExp(`^Saved SVG \\(\\d+ KB\\) to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(bridge.dialogCalls.at(-1)).toEqual({ kind: 'save-image', defaultName: `${TITLE}.svg`, format: 'svg' });

    const svg = readFileSync(out, 'utf8');
    expect(svg).not.toMatch(/foreignObject|<script|\son[a-z]+=/i);
    const inSvg = [...svg.matchAll(/<g class="event" [^>]*data-event="([^"]*)"/g)].map((m) => m[1]!).sort();
    expect(inSvg).toEqual(onScreen);
    expect(svg).toContain(TITLE);
    expect(svg).toMatch(new RegExp(`<svg [^>]*width="${Math.round(onScreenSize.width)}" height="${Math.round(onScreenSize.height)}"`));
    expect(expectLabelsAtOrAfterMarks(svg)).toBe(onScreen.length);
    testInfo.annotations.push({ type: 'events', description: `${inSvg.length} in the view; ${unfilteredInView} unfiltered; ${shownByFilter} shown by the filter` });
    await page.screenshot({ path: testInfo.outputPath('export-dialog-saved.png') });
  });

  test('a PNG has the size and scale asked for; a PDF the pages and page size', async ({ openApp }) => {
    const { page, bridge } = await openApp();
    await page.keyboard.press('Control+e');
    await expect(dialog(page)).toBeVisible();
    await chooseFormat(page, 'png');
    await dialog(page).getByLabel('Size').selectOption('1280x720');
    await dialog(page).locator('input[name="export-scale"][value="2"]').check();
    await expect(dialog(page)).toContainText('2,560 × 1,440 pixels');
    await dialog(page).locator('input[name="export-what"][value="all"]').check();
    const png = join(bridge.tempDir, 'whole');
    bridge.nextSaveDialog(png);
    await dialog(page).getByRole('button', { name: 'Export…' }).click();
    await expect(dialog(page).getByTestId('export-result')).toContainText(`to ${png}.png`);
    const image = PNG.sync.read(readFileSync(`${png}.png`));
    expect([image.width, image.height]).toEqual([2560, 1440]);
    expect(bridge.exportProgress.map((p) => p.phase)).toEqual(['drawing', 'rasterising', 'writing']);

    await chooseFormat(page, 'pdf');
    await dialog(page).getByLabel('Page size').selectOption('slide');
    await dialog(page).getByLabel('Pages').fill('3');
    await dialog(page).locator('input[name="export-what"][value="range"]').check();
    await dialog(page).getByLabel('From date').fill('2017-01-01');
    await dialog(page).getByLabel('To date').fill('2017-12-31');
    await dialog(page).getByLabel('Title', { exact: true }).fill('Three pages of 2017');
    const pdf = join(bridge.tempDir, 'paged.pdf');
    bridge.nextSaveDialog(pdf);
    await dialog(page).getByRole('button', { name: 'Export…' }).click();
    await expect(dialog(page).getByTestId('export-result')).toContainText(`to ${pdf}`);
    expect(bridge.dialogCalls.at(-1)).toEqual({ kind: 'save-image', defaultName: 'Three pages of 2017.pdf', format: 'pdf' });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+3\b/);
    expect(info).toMatch(/Page size:\s+960 x 540 pts/);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('Three pages of 2017');
  });

  test('cancelling the save dialog writes nothing and says nothing; a folder that does not exist is named in the error', async ({ openApp }) => {
    const { page, bridge } = await openApp();
    await openExportDialog(page);
    await chooseFormat(page, 'svg');
    bridge.nextSaveDialog('cancel');
    await dialog(page).getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => bridge.dialogCalls.length).toBe(1);
    await expect(dialog(page).getByTestId('export-status')).toHaveText('');
    const missing = join(bridge.tempDir, 'no-such-folder', 'x.svg');
    bridge.nextSaveDialog(missing);
    await dialog(page).getByRole('button', { name: 'Export…' }).click();
    await expect(dialog(page).getByTestId('export-result')).toContainText(missing);
    await expect(dialog(page).getByTestId('export-result')).toHaveClass(/export-error/);
  });
});

test.describe('Export preview', () => {
  test('shows what will be exported, redrawn as the choices change, as an image (never markup)', async ({ openApp }, testInfo) => {
    const { page, bridge } = await openApp();
    await openExportDialog(page);
    const image = dialog(page).getByTestId('export-preview-image');
    await expect(image).toBeVisible();
    await expect(image).toHaveAttribute('src', /^blob:/);
    await expect(image).toHaveAttribute('alt', `Preview of the PNG to export: ${TITLE}`);
    const first = await image.getAttribute('src');
    const pixels = async () => image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect((await pixels())[0]).toBe(480);
    // Another theme: another picture (the dark theme's background).
    await dialog(page).getByLabel('Theme').selectOption('dark');
    await expect.poll(() => image.getAttribute('src')).not.toBe(first);
    const dark = await image.evaluate((img: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const [r, g, b] = ctx.getImageData(2, 2, 1, 1).data;
      return (r! + g! + b!) / 3;
    });
    expect(dark).toBeLessThan(80);
    // A PDF: its first page, and how many pages there will be.
    await chooseFormat(page, 'pdf');
    await dialog(page).getByLabel('Pages').fill('3');
    await dialog(page).locator('input[name="export-what"][value="all"]').check();
    await expect(dialog(page).getByTestId('export-preview')).toContainText(/First page of 3, 842 × 595 pt/);
    // A form the export would refuse says why, instead of a picture.
    await dialog(page).getByLabel('Pages').fill('0');
    await expect(dialog(page).getByTestId('export-preview')).toContainText('A PDF may have 1 to 200 pages.');
    // The preview wrote nothing and asked for no file.
    expect(bridge.dialogCalls).toEqual([]);
    // Labelled controls (the accessibility of the dialog): every field has a name, and focus starts inside it.
    const unnamed = await dialog(page).evaluate((d) =>
      [...d.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].filter((el) => el.labels?.length === 0 && !el.getAttribute('aria-label')).map((el) => el.outerHTML)
    );
    expect(unnamed).toEqual([]);
    expect(await dialog(page).evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('export-preview.png') });
  });
});

test.describe('Copy Image', () => {
  test('puts a PNG on the clipboard from the dialog, the menu command and Ctrl+Shift+C', async ({ openApp }) => {
    const { page, bridge } = await openApp();
    await openExportDialog(page);
    await dialog(page).getByLabel('Size').selectOption('1280x720');
    await dialog(page).getByRole('button', { name: 'Copy Image' }).click();
    await expect(dialog(page).getByTestId('export-result')).toHaveText('Copied a 1280 × 720 PNG to the clipboard.');
    expect(bridge.copied).toHaveLength(1);
    const first = PNG.sync.read(Buffer.from(bridge.copied[0]!));
    expect([first.width, first.height]).toEqual([1280, 720]);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await expect(dialog(page)).toBeHidden();

    await bridge.sendCommand('copy-image');
    await expect(page.getByTestId('notice')).toHaveText(/Copied a 1920 × 1080 image of the current view\./);
    await page.keyboard.press('Control+Shift+C');
    await expect.poll(() => bridge.copied.length).toBe(3);
    const last = PNG.sync.read(Buffer.from(bridge.copied[2]!));
    expect([last.width, last.height]).toEqual([1920, 1080]);
    // Nothing was saved anywhere.
    expect(bridge.dialogCalls).toEqual([]);
  });
});
