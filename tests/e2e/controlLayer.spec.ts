// Control layers in the built renderer, bridged to main's real handlers: File › Open Control
// Layer… opens main's dialog (answered here) and a good (synthetic) layer is held and said; a broken
// one is refused whole with every problem by file, line and field, as any file that cannot be
// opened, while the dataset and the layer open stay; Close Control Layer drops it.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const LAYERS = join(import.meta.dirname, '..', 'fixtures', 'map');

async function fileMenu(page: Page, item: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('open a control layer, refuse a broken one with its problems, close it', async ({ openApp }, testInfo) => {
  const { page, bridge, errors } = await openApp();
  const title = await page.locator('.toolbar h1').textContent();

  // Nothing to close yet.
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: /^Close control layer/ })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');

  bridge.nextOpenDialog(join(LAYERS, 'synthetic-control-2017.geojson'));
  await fileMenu(page, /^Open control layer…/);
  await expect(page.getByTestId('notice')).toContainText('Opened control layer synthetic-control-2017.geojson: 3 features (Side A (synthetic), Side B (synthetic))');
  expect(bridge.dialogCalls.at(-1)).toEqual({ kind: 'open-layer' });
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Close control layer (synthetic-control-2017.geojson)' })).toHaveAttribute('aria-disabled', 'false');
  await page.keyboard.press('Escape');

  bridge.nextOpenDialog(join(LAYERS, 'broken-control.geojson'));
  await fileMenu(page, /^Open control layer…/);
  const refused = page.getByTestId('open-error');
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('broken-control.geojson could not be opened as a control layer: nothing of it was drawn.');
  // Each problem with its line and field.
  const row = refused.locator('tr', { hasText: '"2017-13" is not a date' });
  await expect(row).toContainText('broken-control.geojson');
  await expect(row.locator('td').nth(1)).toHaveText('24');
  await expect(row.locator('code')).toHaveText('features[3].properties.validFrom');
  await expect(refused.locator('tr', { hasText: 'each feature needs a controller' }).locator('code')).toHaveText('features[4].properties.controller');
  await expect(refused).toContainText('Nothing has changed');
  await page.screenshot({ path: testInfo.outputPath('control-layer-refused.png') });
  await refused.getByRole('button', { name: 'Close' }).click();
  await expect(refused).toBeHidden();

  // The dataset, and the layer opened before, are as they were.
  await expect(page.locator('.toolbar h1')).toHaveText(title!);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Close control layer (synthetic-control-2017.geojson)' }).click();
  await expect(page.getByTestId('notice')).toContainText('Closed control layer synthetic-control-2017.geojson.');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: /^Close control layer/ })).toHaveAttribute('aria-disabled', 'true');

  // The menu command from main does the same as the window's File menu.
  await page.keyboard.press('Escape');
  bridge.nextOpenDialog(join(LAYERS, 'invented-control.kml'));
  await bridge.sendCommand('open-control-layer');
  await expect(page.getByTestId('notice')).toContainText('Opened control layer invented-control.kml');
  await bridge.sendCommand('close-control-layer');
  await expect(page.getByTestId('notice')).toContainText('Closed control layer invented-control.kml.');
  expect(errors).toEqual([]);
});
