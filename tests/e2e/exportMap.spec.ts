// The export dialog's Map choice (none, beside, above), in the built renderer bridged to main's real
// export code: the preview follows it, and the PNG, SVG and PDF written have the map of the events'
// places on the offline basemap (its land drawn, its attribution "Natural Earth" in the text).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, test } from '../support/fixtures';

const dialog = (page: Page) => page.getByTestId('export-dialog');

/** The screen theme's land colour on the map (mapTheme.ts): no other part of a picture uses it. */
const LAND = [0xfb, 0xfa, 0xf6] as const;

/** Pixels of the land colour in a part of an RGBA image (x from x0 to x1, as shares of the width). */
function landPixels(data: Uint8Array | Uint8ClampedArray, width: number, height: number, x0 = 0, x1 = 1): number {
  let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = Math.floor(width * x0); x < Math.floor(width * x1); x++) {
      const k = 4 * (y * width + x);
      if (data[k] === LAND[0] && data[k + 1] === LAND[1] && data[k + 2] === LAND[2]) n++;
    }
  }
  return n;
}

/** The preview image once drawn for the current choices: its land pixels (read through a canvas; blob: is our own origin). */
async function previewLand(page: Page, previous?: string): Promise<{ src: string; land: number }> {
  const image = dialog(page).getByTestId('export-preview-image');
  await expect(image).toBeVisible();
  if (previous !== undefined) await expect(image).not.toHaveAttribute('src', previous);
  await expect(dialog(page).getByTestId('export-preview')).toHaveAttribute('aria-busy', 'false');
  return image.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let land = 0;
    for (let k = 0; k < data.length; k += 4) if (data[k] === 0xfb && data[k + 1] === 0xfa && data[k + 2] === 0xf6) land++;
    return { src: img.src, land };
  });
}

test('the Map choice: the preview follows it, and PNG, SVG and PDF exports carry the map', async ({ openApp }, testInfo) => {
  const { page, bridge, errors } = await openApp();
  await page.keyboard.press('Control+e');
  await expect(dialog(page)).toBeVisible();
  const map = dialog(page).getByRole('group', { name: 'Map' });
  await expect(map.getByRole('radio', { name: 'No map' })).toBeChecked();
  const plain = await previewLand(page);
  expect(plain.land).toBe(0);

  // Beside: the preview is drawn again, with land on its right.
  await map.getByRole('radio', { name: /Beside/ }).check();
  const beside = await previewLand(page, plain.src);
  expect(beside.land).toBeGreaterThan(500);
  await page.screenshot({ path: testInfo.outputPath('export-dialog-map-beside.png') });

  await dialog(page).getByLabel('Size').selectOption('1280x720');
  const png = join(bridge.tempDir, 'with-map.png');
  bridge.nextSaveDialog(png);
  await dialog(page).getByRole('button', { name: 'Export…' }).click();
  await expect(dialog(page).getByTestId('export-result')).toContainText(`to ${png}`);
  const image = PNG.sync.read(readFileSync(png));
  expect([image.width, image.height]).toEqual([1280, 720]);
  // The map is the right part (38%): land there, none on the timeline's side.
  expect(landPixels(image.data, image.width, image.height, 0.65, 1)).toBeGreaterThan(5000);
  expect(landPixels(image.data, image.width, image.height, 0, 0.55)).toBe(0);

  // Above, as SVG: the map's attribution is text in it.
  await map.getByRole('radio', { name: /Above/ }).check();
  await dialog(page).locator('input[name="export-format"][value="svg"]').check();
  const svg = join(bridge.tempDir, 'with-map.svg');
  bridge.nextSaveDialog(svg);
  await dialog(page).getByRole('button', { name: 'Export…' }).click();
  await expect(dialog(page).getByTestId('export-result')).toContainText(`to ${svg}`);
  const svgText = readFileSync(svg, 'utf8');
  expect(svgText).toContain('Natural Earth');
  expect(svgText).not.toMatch(/foreignObject|<script|\son[a-z]+=/i);

  // PDF: the attribution and the place names are text on the page.
  await dialog(page).locator('input[name="export-format"][value="pdf"]').check();
  const pdf = join(bridge.tempDir, 'with-map.pdf');
  bridge.nextSaveDialog(pdf);
  await dialog(page).getByRole('button', { name: 'Export…' }).click();
  await expect(dialog(page).getByTestId('export-result')).toContainText(`to ${pdf}`);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Natural Earth');
  expect(text).toContain('Deir al-Zour');

  // No map again: the PDF has none.
  await map.getByRole('radio', { name: 'No map' }).check();
  const bare = join(bridge.tempDir, 'without-map.pdf');
  bridge.nextSaveDialog(bare);
  await dialog(page).getByRole('button', { name: 'Export…' }).click();
  await expect(dialog(page).getByTestId('export-result')).toContainText(`to ${bare}`);
  expect(execFileSync('pdftotext', [bare, '-'], { encoding: 'utf8' })).not.toContain('Natural Earth');
  expect(errors).toEqual([]);
});
