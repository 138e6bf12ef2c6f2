// The built renderer in Chromium, bridged to the real main-process handlers: the bundled dataset
// is drawn whole and legibly, lanes switch, zoom and pan move the window, keys work, selection
// shows the details, and nothing reaches the network or violates the CSP.
import type { Locator, Page } from '@playwright/test';
import { BUNDLED_DATASET } from '../support/bridge';
import { expect, test } from '../support/fixtures';
import { expectLabels, settledDrawing } from '../support/timelineGeometry';
import { loadDatasetFile } from '../../src/main/dataset/loadDatasetFile';
import { eventView, type DatasetHeader, type EventView } from '../../src/shared/dataset/columns';
import { EVENT_TYPES, EVENT_TYPE_STYLES } from '../../src/shared/dataset/eventTypes';
import { EXTENT_LEGEND } from '../../src/shared/render/legend';

/** The bundled dataset as the app sees it: header and events in time order. */
let header: DatasetHeader;
let events: EventView[];
const byId = (id: string) => events.find((e) => e.id === id)!;
const theatreLanes = () => header.theatreLanes.map((l) => l.label);
const typeLanes = () => EVENT_TYPES.filter((t) => events.some((e) => e.type === t)).map((t) => ({ id: `type:${t}`, label: EVENT_TYPE_STYLES[t].plural }));

test.beforeAll(async () => {
  const loaded = await loadDatasetFile(BUNDLED_DATASET);
  if (!loaded.ok) throw new Error('bundled dataset invalid');
  header = loaded.loaded.header;
  events = Array.from({ length: loaded.loaded.columns.count }, (_, i) => eventView(loaded.loaded.columns, i));
});

const item = (page: Page, id: string): Locator => page.locator(`.vis-item.vis-range[data-event="${id}"]`);
const label = (page: Page, id: string): Locator => item(page, id).locator('.ev-label');

async function drawnIds(page: Page): Promise<string[]> {
  return page.locator('.vis-item.vis-range[data-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-event') ?? '').sort());
}

async function visibleWindow(page: Page): Promise<{ start: number; end: number }> {
  const el = page.getByTestId('visible-window');
  const start = await el.getAttribute('data-start');
  const end = await el.getAttribute('data-end');
  return { start: Date.parse(start ?? ''), end: Date.parse(end ?? '') };
}

async function laneNames(page: Page): Promise<string[]> {
  return page.locator('.vis-labelset .lane-name').allTextContents();
}

test.describe('opening the bundled dataset', () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 }
  ]) {
    test(`frames October–November 2017, each label at or after its mark, legibly, at ${size.width}x${size.height}`, async ({ openApp, page }, info) => {
      await page.setViewportSize(size);
      const app = await openApp();
      await expect(page.locator('h1')).toHaveText(header.metadata.title);
      await expect(page.getByTestId('event-count')).toHaveText(`${events.length} events`);
      // The default view frames where the events are: October and November 2017, not 2013–2017
      // for the "since 2014" span, nor 1916 for the context event.
      const window = await visibleWindow(page);
      expect(window.start).toBeGreaterThan(Date.UTC(2017, 8, 1));
      expect(window.start).toBeLessThanOrEqual(Date.UTC(2017, 9, 1));
      expect(window.end).toBeGreaterThanOrEqual(Date.UTC(2017, 10, 4));
      expect(window.end).toBeLessThan(Date.UTC(2018, 0, 1));
      // Every event in it is drawn; what lies wholly before it is counted at its edge.
      const inView = events.filter((e) => e.start < window.end && e.end > window.start).map((e) => e.id);
      const before = events.filter((e) => e.end <= window.start).map((e) => e.id);
      expect(before.sort()).toEqual(['is-area-2015-01', 'mosul-taken', 'sykes-picot']);
      for (const id of inView) await expect(item(page, id), id).toHaveCount(1);
      await expect(page.locator('.edge-marker-before')).toHaveText('← 3 earlier events');
      await expect(page.locator('.edge-marker-after')).toBeHidden();
      // Each label reads forward from its mark and touches it, inside the timeline, none over another.
      const d = await settledDrawing(page);
      expect(d.events.map((e) => e.id).sort()).toEqual([...inView].sort());
      expectLabels(d, { forward: true, inside: true, label: `${size.width}x${size.height}` });
      await page.screenshot({ path: info.outputPath(`fitted-${size.width}.png`) });
      expect(app.errors).toEqual([]);
      expect(app.outsideRequests).toEqual([]);
    });
  }

  test('says what lies outside the view, shows the whole range on request, and Fit frames the story again', async ({ openApp, page }) => {
    await openApp();
    await expect(item(page, 'sykes-picot')).toHaveCount(0);
    const link = page.getByRole('button', { name: /historical context event \(1916\)/ });
    await link.click();
    await expect(item(page, 'sykes-picot')).toBeVisible();
    expect(await drawnIds(page)).toEqual(events.map((e) => e.id).sort());
    // The view animates to the whole range: wait for it to arrive; then nothing is left to offer.
    await expect.poll(async () => (await visibleWindow(page)).start).toBeLessThanOrEqual(Date.UTC(1916, 0, 1));
    await expect(page.getByTestId('show-whole-range')).toHaveCount(0);
    await expect(page.locator('.edge-marker-before')).toBeHidden();
    // Fit frames the story again, and the way to the whole range is back; the edge marker goes there too.
    await page.keyboard.press('f');
    await expect.poll(async () => (await visibleWindow(page)).start).toBeGreaterThan(Date.UTC(2017, 8, 1));
    await expect(page.getByTestId('show-whole-range')).toBeVisible();
    await page.locator('.edge-marker-before').click();
    await expect.poll(async () => (await visibleWindow(page)).start).toBeLessThanOrEqual(Date.UTC(1916, 0, 1));
    await expect(page.getByTestId('show-whole-range')).toHaveCount(0);
  });

  test('shows figures on the timeline itself, as comparable numbers', async ({ openApp, page }) => {
    await openApp();
    await expect(label(page, 'deir-al-zour-displacement').locator('.ev-figure')).toHaveText('some 350,000 displaced');
    await expect(label(page, 'coalition-fighters-left').locator('.ev-figure')).toHaveText('about 1,500 IS fighters left');
    await expect(label(page, 'coalition-iraq-territory').locator('.ev-figure')).toHaveText(['about 95% of its Iraqi land lost', 'more than 4.4 million Iraqis freed']);
  });

  test('draws imprecise dates so they cannot pass for exact days', async ({ openApp, page }) => {
    await openApp();
    // Month precision: a hatched window covering the month, and the word "month".
    await expect(item(page, 'raqqa-taken').locator('.ev')).toHaveClass(/ev-window/);
    await expect(label(page, 'raqqa-taken').locator('.ev-precision')).toHaveText('month');
    // (Polled: items are redrawn when labels are measured again, so an element may be replaced.)
    await expect
      .poll(async () => {
        const month = await item(page, 'raqqa-taken').locator('.ev-extent').boundingBox();
        const day = await item(page, 'deir-al-zour-taken').locator('.ev-extent').boundingBox();
        return month && day ? month.width / day.width : 0;
      })
      .toBeGreaterThan(5);
    // Week precision start of a span, year precision start of a span: faded ends.
    await expect(label(page, 'al-qaim-offensive').locator('.ev-precision')).toHaveText('week');
    const fuzz = await item(page, 'is-holds-deir-al-zour').locator('.ev-extent').evaluate((el) => parseFloat((el as HTMLElement).style.getPropertyValue('--fuzz-start')));
    expect(fuzz).toBeGreaterThan(20);
    // Approximate: a soft marker and the word.
    await expect(item(page, 'border-post-seized').locator('.ev')).toHaveClass(/ev-approx/);
    await expect(label(page, 'border-post-seized').locator('.ev-precision')).toHaveText('approx.');
    // Exact days carry no precision word.
    await expect(label(page, 'deir-al-zour-taken').locator('.ev-precision')).toHaveCount(0);
    // The marks follow extent.ts's spec, as exports draw them: a window is hatched between brackets
    // with no fill; a day known roughly is a soft mark with its day marked; a span is a solid band
    // with a solid bottom edge.
    const look = (id: string, pseudo: '::before' | '::after') =>
      item(page, id)
        .locator('.ev-extent')
        .evaluate((el, p) => {
          const mark = getComputedStyle(el);
          const part = getComputedStyle(el, p);
          return { fill: mark.backgroundColor, image: mark.backgroundImage, content: part.content, left: part.borderLeftWidth, right: part.borderRightWidth, height: part.height, width: part.width };
        }, pseudo);
    const window = await look('raqqa-taken', '::before');
    expect(window.image).toContain('repeating-linear-gradient');
    expect(window.fill).toBe('rgba(0, 0, 0, 0)');
    expect(parseFloat(window.left)).toBeGreaterThanOrEqual(2);
    expect(parseFloat((await look('raqqa-taken', '::after')).right)).toBeGreaterThanOrEqual(2);
    const approx = await look('border-post-seized', '::after');
    expect(approx.image).toContain('radial-gradient');
    expect(parseFloat(approx.width)).toBe(2);
    const span = await look('al-qaim-offensive', '::after');
    expect(span.image).toContain('linear-gradient');
    expect(parseFloat(span.height)).toBe(3);
    // The legend names them in the export legend's words.
    await expect(page.locator('.legend-precision li')).toHaveText(EXTENT_LEGEND.map((k) => k.label));
  });

  test('has a legend of the types present, each with its own colour and shape', async ({ openApp, page }) => {
    await openApp();
    const present = [...new Set(events.map((e) => e.type))];
    const entries = page.locator('.legend-types li');
    await expect(entries).toHaveCount(present.length);
    const paths = new Set<string>();
    const colours = new Set<string>();
    for (const type of present) {
      const entry = entries.filter({ hasText: EVENT_TYPE_STYLES[type].plural });
      await expect(entry).toHaveCount(1);
      paths.add((await entry.locator('path').getAttribute('d')) ?? '');
      colours.add(await entry.locator('svg').evaluate((el) => getComputedStyle(el).fill));
    }
    expect(paths.size).toBe(present.length);
    expect(colours.size).toBe(present.length);
  });
});

test.describe('lanes', () => {
  test('are theatres by default and switch to event types', async ({ openApp, page }) => {
    await openApp();
    expect(await laneNames(page)).toEqual(theatreLanes());
    expect(await laneNames(page)).toEqual(['Syria', 'Iraq', 'Syria & Iraq', 'Elsewhere']);
    // Events sit in their theatre's lane.
    const syria = page.locator('.vis-foreground .vis-group').nth(0);
    await expect(syria.locator('.vis-item.vis-range[data-event="deir-al-zour-taken"]')).toHaveCount(1);
    const iraq = page.locator('.vis-foreground .vis-group').nth(1);
    await expect(iraq.locator('.vis-item.vis-range[data-event="al-qaim-recaptured"]')).toHaveCount(1);

    const lanes = page.getByRole('combobox', { name: 'Lanes' });
    await lanes.selectOption('type');
    await expect(lanes).toHaveValue('type');
    expect(await laneNames(page)).toEqual(typeLanes().map((l) => l.label));
    const groups = page.locator('.vis-foreground .vis-group');
    for (const [i, lane] of typeLanes().entries()) {
      const ids = await groups.nth(i).locator('.vis-item.vis-range[data-event]').evaluateAll((els) => els.map((el) => el.getAttribute('data-event')));
      for (const id of ids) expect(`type:${byId(id ?? '').type}`).toBe(lane.id);
    }
    expectLabels(await settledDrawing(page), { inside: true, label: 'lanes by type' });

    // L cycles through every lane mode the dataset offers, back to theatres.
    const modes = await lanes.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    expect(modes.slice(0, 2)).toEqual(['theatre', 'type']);
    for (let k = 2; k <= modes.length; k++) {
      await page.locator('.timeline').focus();
      await page.keyboard.press('l');
      await expect(lanes).toHaveValue(modes[k % modes.length]!);
    }
    expect(await laneNames(page)).toEqual(['Syria', 'Iraq', 'Syria & Iraq', 'Elsewhere']);
  });
});

test.describe('lane names', () => {
  test('stay in sight while a tall lane scrolls by', async ({ openApp, page }) => {
    await page.setViewportSize({ width: 1280, height: 420 });
    await openApp();
    const panel = page.locator('.vis-panel.vis-left');
    const name = page.locator('.vis-labelset .lane-label .lane-name').first();
    await expect(name).toHaveText('Syria');
    // Scroll the lanes down by 120 px: the Syria lane's top goes above the view, its name stays.
    await panel.hover();
    await page.mouse.wheel(0, 120);
    await expect.poll(() => panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(60);
    const lane = (await page.locator('.vis-labelset .vis-label').first().boundingBox())!;
    const top = (await panel.boundingBox())!.y;
    expect(lane.y).toBeLessThan(top - 30);
    const box = (await name.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(top - 1);
    await expect(name).toBeInViewport();
  });
});

test.describe('zoom and pan', () => {
  test('keys and buttons change the visible window', async ({ openApp, page }) => {
    await openApp();
    const fitted = await visibleWindow(page);
    const span = (w: { start: number; end: number }) => w.end - w.start;

    await page.keyboard.press('+');
    await expect.poll(async () => span(await visibleWindow(page))).toBeLessThan(span(fitted) * 0.6);
    const zoomed = await visibleWindow(page);

    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await visibleWindow(page)).start).toBeGreaterThan(zoomed.start + span(zoomed) * 0.1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await visibleWindow(page)).start).toBeLessThan(zoomed.start - span(zoomed) * 0.1);

    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(async () => span(await visibleWindow(page))).toBeGreaterThan(span(fitted) * 1.5);

    await page.keyboard.press('f');
    await expect.poll(async () => visibleWindow(page)).toEqual(fitted);

    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => span(await visibleWindow(page))).toBeLessThan(span(fitted) * 0.6);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(async () => span(await visibleWindow(page))).toBeGreaterThan(span(fitted) * 1.5);
    await page.keyboard.press('0');
    await expect.poll(async () => visibleWindow(page)).toEqual(fitted);
  });

  test('the mouse wheel zooms around the pointer, a horizontal swipe and a drag pan', async ({ openApp, page }) => {
    await openApp();
    const fitted = await visibleWindow(page);
    const centre = (await page.locator('.vis-panel.vis-center').boundingBox())!;
    await page.mouse.move(centre.x + centre.width * 0.9, centre.y + 20);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await visibleWindow(page)).end - (await visibleWindow(page)).start).toBeLessThan((fitted.end - fitted.start) * 0.8);
    const zoomed = await visibleWindow(page);
    // Zooming around a point near the right keeps that side roughly in place.
    expect(zoomed.end).toBeGreaterThan(fitted.end - (fitted.end - fitted.start) * 0.2);

    await page.mouse.wheel(300, 0);
    await expect.poll(async () => (await visibleWindow(page)).start).toBeGreaterThan(zoomed.start);

    const before = await visibleWindow(page);
    await page.mouse.move(centre.x + centre.width * 0.5, centre.y + centre.height - 10);
    await page.mouse.down();
    await page.mouse.move(centre.x + centre.width * 0.8, centre.y + centre.height - 10, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await visibleWindow(page)).start).toBeLessThan(before.start);
  });
});

test.describe('selection and details', () => {
  test('clicking an event opens everything known about it', async ({ openApp, page }, info) => {
    const app = await openApp();
    await label(page, 'deir-al-zour-taken').click();
    const panel = page.locator('aside.detail');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Syrian army says it has taken Deir al-Zour');
    await expect(panel).toContainText('Friday 3 November 2017');
    await expect(panel).toContainText('exact day');
    await expect(panel.locator('.date-point q')).toHaveText('Early on Friday');
    await expect(panel.locator('bdi[lang="ar"]')).toHaveText('دير الزور');
    await expect(panel.locator('bdi[lang="ar"]')).toHaveAttribute('dir', 'rtl');
    await expect(panel).toContainText('35.3359° N, 40.1408° E');
    await expect(panel).toContainText('Syrian army');
    await expect(panel).toContainText('backed by Russia');
    await expect(panel).toContainText('Claimed by');
    await expect(panel).toContainText('Disputed');
    await expect(panel).toContainText('clearing the last pockets of IS resistance');
    await expect(panel.getByRole('region', { name: 'Sources' }).locator('blockquote').first()).toHaveText("Early on Friday Syria's army announced it had taken Deir al-Zour.");
    // The other reports that dispute it, listed with the words that say so.
    await expect(panel.getByRole('region', { name: 'Links' }).locator('li')).toHaveText([/^Disputed by\s+Other reports: last IS pockets in Deir al-Zour being cleared/]);
    await expect(panel).toContainText('BBC News');
    await expect(item(page, 'deir-al-zour-taken')).toHaveClass(/vis-selected/);
    // The fitted view refits beside the panel: the selected event stays in full view.
    await expect
      .poll(async () => {
        // While vis-timeline redraws for the narrower view the label may briefly not be in the page.
        const centre = await page.locator('.vis-panel.vis-center').boundingBox();
        const box = await label(page, 'deir-al-zour-taken').boundingBox({ timeout: 1000 }).catch(() => null);
        if (!centre || !box) return false;
        return box.x >= centre.x && box.x + box.width <= centre.x + centre.width;
      })
      .toBe(true);
    await page.screenshot({ path: info.outputPath('detail.png') });

    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(item(page, 'deir-al-zour-taken')).not.toHaveClass(/vis-selected/);
    expect(app.errors).toEqual([]);
  });

  test('figures, imprecise dates and approximate coordinates in the panel', async ({ openApp, page }) => {
    await openApp();
    await label(page, 'coalition-iraq-territory').click();
    const panel = page.locator('aside.detail');
    await expect(panel.locator('.figure-number')).toHaveText(['95%', '4.4 million']);
    await expect(panel.locator('.figure-qualifier')).toHaveText(['about', 'more than']);
    await expect(panel).toContainText('according to the US-led coalition');

    await label(page, 'al-qaim-offensive').click();
    await expect(panel).toContainText('week of 23–29 October 2017');
    await expect(panel).toContainText('within a week');
    await expect(panel.locator('.date-point q').first()).toHaveText('last week');

    await label(page, 'border-post-seized').click();
    await expect(panel).toContainText('approximate, ±5 km');
  });

  test('N, P, Home and End step through events in time order, with details', async ({ openApp, page }) => {
    await openApp();
    const order = events.map((e) => e.id);
    const heading = page.locator('aside.detail h2');
    await page.keyboard.press('n');
    await expect(heading).toHaveText(byId(order[0]!).title);
    await page.keyboard.press('n');
    await expect(heading).toHaveText(byId(order[1]!).title);
    await page.keyboard.press('p');
    await expect(heading).toHaveText(byId(order[0]!).title);
    await page.keyboard.press('End');
    const last = order[order.length - 1]!;
    await expect(heading).toHaveText(byId(last).title);
    await expect(item(page, last)).toHaveClass(/vis-selected/);
    await expect(label(page, last)).toBeInViewport();
    await page.keyboard.press('Home');
    await expect(heading).toHaveText(byId(order[0]!).title);
    // The first event is the 1916 context: selecting it brings it into view.
    await expect(label(page, order[0]!)).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(heading).toHaveCount(0);
  });

  test('menu commands from main drive the view', async ({ openApp, page }) => {
    const app = await openApp();
    const fitted = await visibleWindow(page);
    await app.bridge.sendCommand('zoom-in');
    await expect.poll(async () => (await visibleWindow(page)).end - (await visibleWindow(page)).start).toBeLessThan((fitted.end - fitted.start) * 0.6);
    await app.bridge.sendCommand('lanes-type');
    await expect(page.getByRole('combobox', { name: 'Lanes' })).toHaveValue('type');
    await app.bridge.sendCommand('show-shortcuts');
    await expect(page.getByRole('dialog', { name: 'Keyboard and mouse' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});
