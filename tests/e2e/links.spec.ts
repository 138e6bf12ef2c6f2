// Links between events in the window: the selected event's links drawn as curves between the
// right marks (every link with Shift+L or the legend's switch), an end outside the view shown by a
// marker at that edge, the curves following pans, zooms and resizes, the links listed both ways
// in the details with a jump to the other event, and the filter "with links" counting them.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_LINK_COUNT } from '../support/bundledDataset';
import { expect, FIXTURES_DIR, test, type AppPage } from '../support/fixtures';

const LINKS = join(FIXTURES_DIR, 'links.frontline');

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** Where the event's label is (for marks). */
  readonly side?: string;
}

interface DrawnLink {
  readonly from: string;
  readonly to: string;
  readonly kind: string;
  readonly start: { x: number; y: number };
  readonly end: { x: number; y: number };
  readonly off: string | undefined;
}

/** The links drawn, and the mark of each event drawn (client coordinates). */
async function drawn(page: Page): Promise<{ links: DrawnLink[]; marks: Record<string, Box>; panel: Box }> {
  return page.evaluate(() => {
    const point = (text: string | undefined) => {
      const [x, y] = (text ?? '').split(',').map(Number);
      return { x: x!, y: y! };
    };
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const links = [...document.querySelectorAll<SVGGElement>('.link-layer g.link')].map((g) => ({
      from: g.dataset['from']!,
      to: g.dataset['to']!,
      kind: g.dataset['kind']!,
      start: point(g.dataset['start']),
      end: point(g.dataset['end']),
      off: g.dataset['off']
    }));
    const marks: Record<string, Box> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.vis-item .ev[data-event]')) {
      const mark = el.querySelector(':scope > .ev-extent');
      if (mark) marks[el.dataset['event']!] = { ...box(mark), side: el.dataset['side'] };
    }
    return { links, marks, panel: box(document.querySelector('.vis-panel.vis-center')!) };
  });
}

const pairs = (links: readonly DrawnLink[]) => links.map((l) => `${l.from} ${l.kind} ${l.to}`).sort();

/**
 * Each link leaves its first mark from its top or bottom edge, inside it, and reaches the other at
 * its date line (or the panel's edge where the mark starts before the view), within its height;
 * at its end instead when its label is drawn before it.
 */
function expectOnMarks({ links, marks, panel }: { links: readonly DrawnLink[]; marks: Record<string, Box>; panel: Box }): void {
  for (const l of links) {
    if (l.off) continue;
    const a = marks[l.from]!;
    const b = marks[l.to]!;
    const label = `${l.from} → ${l.to}`;
    expect(a, label).toBeDefined();
    expect(b, label).toBeDefined();
    expect(l.start.x, label).toBeGreaterThanOrEqual(Math.max(a.left, panel.left) - 1.5);
    expect(l.start.x, label).toBeLessThanOrEqual(Math.min(a.right, panel.right) + 1.5);
    expect(Math.min(Math.abs(l.start.y - a.top), Math.abs(l.start.y - a.bottom)), label).toBeLessThan(1.5);
    const arrival = b.side === 'left' ? Math.min(b.right, panel.right) : Math.max(b.left, panel.left);
    expect(Math.abs(l.end.x - arrival), label).toBeLessThan(1.5);
    expect(l.end.y, label).toBeGreaterThan(b.top);
    expect(l.end.y, label).toBeLessThan(b.bottom);
  }
}

/** The links drawn join their marks (read again until they do: vis lays items out anew once a zoom or a busy page settles). */
async function onMarks(page: Page): Promise<void> {
  await expect(async () => expectOnMarks(await drawn(page))).toPass({ timeout: 10_000 });
}

async function openLinks(app: AppPage, page: Page): Promise<void> {
  await app.bridge.openFromCommandLine(LINKS);
  await expect(page.locator('.toolbar h1')).toHaveText('Links between events (synthetic)');
}

const select = (page: Page, id: string) => page.locator(`.vis-item[data-event="${id}"] .ev-label`).click();

/** The links drawn once they have settled to `n` (drawn again after each redraw of vis). */
async function settled(page: Page, n: number): Promise<Awaited<ReturnType<typeof drawn>>> {
  await expect(page.locator('.timeline')).toHaveAttribute('data-links-drawn', String(n));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return drawn(page);
}

test('the selected event\'s links are drawn between the right marks, and an end outside the view is marked at its edge', async ({ openApp, page }, info) => {
  const app = await openApp();
  await openLinks(app, page);
  await expect(page.locator('.link-layer g.link')).toHaveCount(0);
  await select(page, 'e-capture');
  const d = await settled(page, 5);
  expect(pairs(d.links)).toEqual([
    'e-dup same-as e-capture',
    'e-far related-to e-capture',
    'e-offensive leads-to e-capture',
    'e-report disputes e-capture',
    'e-response responds-to e-capture'
  ]);
  await onMarks(page);
  // Links reaching one mark arrive at different heights of it.
  const arrivals = d.links.filter((l) => !l.off && l.to === 'e-capture').map((l) => l.end.y);
  expect(new Set(arrivals.map((y) => Math.round(y))).size).toBe(arrivals.length);
  // The clash months later is outside the view, to the right: the curve runs to that edge, with a marker naming it.
  const far = d.links.find((l) => l.from === 'e-far')!;
  expect(far.off).toBe('right');
  expect(d.marks['e-far']).toBeUndefined();
  expect(Math.abs(far.start.x - d.panel.right)).toBeLessThan(1.5);
  const marker = page.locator('.link-offview[data-event="e-far"]');
  await expect(marker).toHaveAttribute('data-side', 'right');
  await expect(marker).toHaveText('Related to Northtown clash months later →');
  // (Read in one step: the layer is drawn afresh after every redraw of vis.)
  const right = await page.evaluate(() => document.querySelector('.link-offview[data-event="e-far"]')?.getBoundingClientRect().right ?? 0);
  expect(right).toBeGreaterThan(d.panel.right - 4);
  await page.screenshot({ path: info.outputPath('links-selected-1280.png') });

  // The whole range: the far end comes into view and the marker goes.
  await page.getByRole('button', { name: 'Show whole range (2020)' }).click();
  await expect(page.locator('.link-offview')).toHaveCount(0);
  const whole = await settled(page, 5);
  expect(whole.links.find((l) => l.from === 'e-far')?.off).toBeUndefined();
  await onMarks(page);
  expect(app.errors).toEqual([]);
});

test('the curves follow zooming, panning and resizing, and go with the selection', async ({ openApp, page }) => {
  const app = await openApp();
  await openLinks(app, page);
  await select(page, 'e-capture');
  const before = await settled(page, 5);
  await page.locator('.timeline').focus();
  await page.keyboard.press('+');
  // Zoomed around the selected event: the other ends move away from it.
  await expect.poll(async () => (await drawn(page)).links.find((l) => l.from === 'e-response')?.start.x).toBeGreaterThan(before.links.find((l) => l.from === 'e-response')!.start.x + 20);
  await page.waitForTimeout(400);
  await onMarks(page);
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(500);
  await onMarks(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(500);
  const resized = await drawn(page);
  expect(resized.panel.right).toBeGreaterThan(before.panel.right + 400);
  await onMarks(page);
  // Closing the details: no event selected, no links drawn.
  await page.keyboard.press('Escape');
  await expect(page.locator('.timeline')).toHaveAttribute('data-links-drawn', '0');
  expect(app.errors).toEqual([]);
});

test('Shift+L and the legend draw every link, or only the selected event\'s again', async ({ openApp, page }) => {
  const app = await openApp();
  await openLinks(app, page);
  const toggle = page.locator('.legend').getByRole('button', { name: /Show all links/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle).toContainText('6');
  await page.locator('.timeline').focus();
  await page.keyboard.press('Shift+L');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // Every link with an end in view (the default view frames March; the clash months later is off its edge).
  const all = await settled(page, 6);
  expect(pairs(all.links)).toContain('e-raid part-of e-offensive');
  await onMarks(page);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.timeline')).toHaveAttribute('data-links-drawn', '0');
  expect(app.errors).toEqual([]);
});

test('the details list the links both ways, and pressing one selects the event at its other end', async ({ openApp, page }) => {
  const app = await openApp();
  await openLinks(app, page);
  await select(page, 'e-capture');
  const panel = page.locator('aside.detail');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Army says it has taken Northtown');
  const items = panel.getByRole('region', { name: 'Links' }).locator('li');
  await expect(items).toHaveCount(5);
  const lines = (await items.evaluateAll((els) => els.map((el) => `${el.querySelector('.link-words')?.textContent} ${el.querySelector('.link-other')?.textContent}`)));
  expect(lines).toEqual([
    'Followed from Offensive on Northtown',
    'Disputed by Other reports: fighting goes on in Northtown',
    'Responded to by Southvale council answers the army',
    'Same as Northtown taken, a second report says',
    'Related to Northtown clash months later'
  ]);
  // The link's own note and the words of its source.
  await expect(items.nth(0)).toContainText('The offensive ended with the capture.');
  await expect(items.nth(1)).toContainText('The reports say the fighting went on.');

  // Pressing the other event selects it: its details, and its links read from its side.
  await items.nth(0).getByRole('button', { name: 'Offensive on Northtown' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Offensive on Northtown');
  await expect(page.locator('.vis-item.vis-selected[data-event="e-offensive"]')).toHaveCount(1);
  const back = panel.getByRole('region', { name: 'Links' }).locator('li');
  await expect(back).toHaveText([/^Led to\s+Army says it has taken Northtown/, /^Includes\s+Raid on the Southvale depot/]);
  const d = await settled(page, 2);
  expect(pairs(d.links)).toEqual(['e-offensive leads-to e-capture', 'e-raid part-of e-offensive']);

  // The far event is brought into view when chosen from the list.
  await back.nth(0).getByRole('button').click();
  await panel.getByRole('region', { name: 'Links' }).getByRole('button', { name: 'Northtown clash months later' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Northtown clash months later');
  await expect(page.locator('.vis-item[data-event="e-far"]')).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('the filter "with links" counts the events that have one and shows only them', async ({ openApp, page }) => {
  const app = await openApp();
  await openLinks(app, page);
  await page.getByRole('button', { name: /^Filters/ }).click();
  const facet = page.locator('fieldset.facet[data-facet="links"]');
  await expect(facet.locator('legend')).toContainText('Links');
  await expect(facet.locator('li')).toHaveText([/With links\s*7/, /Without links\s*1/]);
  await facet.getByRole('checkbox', { name: /With links/ }).check();
  await expect(page.getByTestId('filter-total')).toHaveText('7 of 8 events');
  await expect(page.locator('.vis-item[data-event="e-alone"]')).toHaveCount(0);
  await expect(page.locator('.vis-item[data-event="e-capture"]')).toHaveCount(1);
  // The counts beside it follow the other facets: statements with links.
  await page.locator('fieldset.facet[data-facet="type"]').getByRole('checkbox', { name: /Statement/ }).check();
  await expect(facet.locator('li')).toHaveText([/With links\s*2/, /Without links\s*0/]);
  await expect(page.getByTestId('filter-total')).toHaveText('2 of 8 events');
  expect(app.errors).toEqual([]);
});

test("the export draws the links the screen shows: the selected event's by default, or all", async ({ openApp, page }) => {
  const app = await openApp();
  await openLinks(app, page);
  await select(page, 'e-offensive');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /Export image/ }).click();
  const dialog = page.getByTestId('export-dialog');
  const choice = dialog.getByTestId('export-links');
  await expect(choice.getByRole('radio', { name: "The selected event's" })).toBeChecked();
  await dialog.locator('input[name="export-format"][value="svg"]').check();
  const exported = async (name: string): Promise<string[]> => {
    const out = join(app.bridge.tempDir, name);
    app.bridge.nextSaveDialog(out);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(dialog.getByTestId('export-result')).toContainText(`to ${out}`);
    const svg = readFileSync(out, 'utf8');
    return [...svg.matchAll(/<g class="link" data-from="([^"]*)" data-to="([^"]*)" data-kind="([^"]*)">/g)].map((m) => `${m[1]} ${m[3]} ${m[2]}`).sort();
  };
  expect(await exported('selected.svg')).toEqual(['e-offensive leads-to e-capture', 'e-raid part-of e-offensive']);
  await choice.getByRole('radio', { name: 'All' }).check();
  expect(await exported('all.svg')).toHaveLength(6);
  await choice.getByRole('radio', { name: 'None' }).check();
  expect(await exported('none.svg')).toEqual([]);
  expect(app.errors).toEqual([]);
});

test('a generic table with a related ids column: the mapping dialog takes the kind, and the rows are linked', async ({ openApp, page }) => {
  const app = await openApp();
  await app.bridge.openFromCommandLine(join(FIXTURES_DIR, 'import', 'generic-related.csv'));
  const dialog = page.getByTestId('mapping');
  await expect(dialog.locator('select[data-field="related"]')).toHaveValue('5');
  // Without the event id column the related ids name nothing: Import waits for it.
  await dialog.locator('select[data-field="id"]').selectOption('');
  await expect(dialog.locator('.mapping-missing')).toContainText('the event id column (the related ids name other rows by it)');
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await dialog.locator('select[data-field="id"]').selectOption('0');
  await dialog.getByTestId('related-kind').selectOption('disputes');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('notice')).toContainText('Opened generic-related.csv');
  await select(page, 'cap1');
  const items = page.locator('aside.detail').getByRole('region', { name: 'Links' }).locator('li');
  await expect(items).toHaveText([/^Disputes\s+Offensive on Northtown/, /^Disputed by\s+Fighting goes on in Northtown/, /^Disputed by\s+Council answers the army/, /^Disputed by\s+Twice the same/]);
  await settled(page, 4);
  expect(app.errors).toEqual([]);
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 }
]) {
  test(`the bundled dataset: the recapture of al-Qaim and what led to it, at ${size.width}x${size.height}`, async ({ openApp, page }, info) => {
    await page.setViewportSize(size);
    const app = await openApp();
    await select(page, 'al-qaim-recaptured');
    const d = await settled(page, 2);
    expect(pairs(d.links)).toEqual(['al-qaim-offensive leads-to al-qaim-recaptured', 'border-post-seized related-to al-qaim-recaptured']);
    await onMarks(page);
    await expect(page.locator('aside.detail').getByRole('region', { name: 'Links' }).locator('li')).toHaveText([
      /^Followed from\s+Operation to retake al-Qaim/,
      /^Related to\s+Iraqi forces seize the last IS-held border post/
    ]);
    await page.screenshot({ path: info.outputPath(`bundled-links-${size.width}.png`) });
    // Zoomed in around it, the curves still join the right marks.
    await page.locator('.timeline').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.waitForTimeout(700);
    const zoomed = await drawn(page);
    expect(pairs(zoomed.links)).toEqual(pairs(d.links));
    await onMarks(page);
    await page.screenshot({ path: info.outputPath(`bundled-links-zoomed-${size.width}.png`) });
    await page.locator('.timeline').focus();
    await page.keyboard.press('Shift+L');
    await page.keyboard.press('Escape');
    await settled(page, BUNDLED_LINK_COUNT);
    await page.screenshot({ path: info.outputPath(`bundled-all-links-${size.width}.png`) });
    expect(app.errors).toEqual([]);
  });

  test(`the bundled dataset: the Syrian army's announcement and the other reports that dispute it, at ${size.width}x${size.height}`, async ({ openApp, page }, info) => {
    await page.setViewportSize(size);
    const app = await openApp();
    await select(page, 'deir-al-zour-taken');
    const d = await settled(page, 1);
    expect(pairs(d.links)).toEqual(['deir-al-zour-clearing disputes deir-al-zour-taken']);
    await onMarks(page);
    // Dashed, as a dispute is drawn.
    const line = page.locator('.link-layer g.link-disputes .link-line');
    await expect(line).toHaveCount(1);
    expect(await line.evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
    const links = page.locator('aside.detail').getByRole('region', { name: 'Links' }).locator('li');
    await expect(links).toHaveText([/^Disputed by\s+Other reports: last IS pockets in Deir al-Zour being cleared/]);
    await page.screenshot({ path: info.outputPath(`bundled-disputed-${size.width}.png`) });
    // The link leads to the report, whose details say it the other way round.
    await links.getByRole('button', { name: 'Other reports: last IS pockets in Deir al-Zour being cleared' }).click();
    await expect(page.locator('aside.detail').getByRole('heading', { level: 2 })).toHaveText('Other reports: last IS pockets in Deir al-Zour being cleared');
    await expect(page.locator('.vis-item.vis-selected[data-event="deir-al-zour-clearing"]')).toHaveCount(1);
    await expect(links).toHaveText([/^Disputes\s+Syrian army says it has taken Deir al-Zour/]);
    await settled(page, 1);
    expect(app.errors).toEqual([]);
  });
}
