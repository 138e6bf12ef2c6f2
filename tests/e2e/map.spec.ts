// The map view (issue 15), in the built renderer bridged to main's real handlers: M opens and
// closes it and the timeline redraws at its new width; the map shows exactly the events the
// timeline shows in its window with the filters (checked against the columns, and the status bar's
// count), following pans and filters; hover and selection link both ways; a box on the map filters
// everything; the events without coordinates are counted; the split's size and place survive a
// reload; the projector theme; the keyboard. No request leaves the app (the fixture records any),
// and screenshots at 1280×720 and 1920×1080 go to /tmp/map-shots.
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { eventView, FLAG_ERA } from '../../src/shared/dataset/columns';
import type { DatasetPayload } from '../../src/shared/ipc/contract';
import type { AppPage } from '../support/fixtures';
import { expect, test } from '../support/fixtures';
import { expectLabels, settledDrawing } from '../support/timelineGeometry';

const SHOTS = '/tmp/map-shots';

interface MapState {
  events: number;
  located: number;
  unlocated: number;
  seq: number;
  list: number[];
  points: { index: number; x: number; y: number }[];
  hovered: number;
  selected: number;
  area: string;
  theme: string;
  zoom: number;
}

async function mapState(page: Page): Promise<MapState> {
  const d = await page.getByTestId('map').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  return {
    events: Number(d['events']),
    located: Number(d['located']),
    unlocated: Number(d['unlocated']),
    seq: Number(d['seq'] ?? 0),
    list: d['list'] ? d['list'].split(',').map(Number) : [],
    points: (d['points'] ?? '')
      .split(';')
      .filter(Boolean)
      .map((p) => {
        const [index, xy] = p.split(':') as [string, string];
        const [x, y] = xy.split(',').map(Number) as [number, number];
        return { index: Number(index), x, y };
      }),
    hovered: Number(d['hovered'] ?? -1),
    selected: Number(d['selected'] ?? -1),
    area: d['area'] ?? '',
    theme: d['theme'] ?? '',
    zoom: Number(d['zoom'])
  };
}

async function openMap(page: Page): Promise<void> {
  await page.keyboard.press('m');
  await expect(page.getByTestId('map')).toHaveAttribute('data-seq', /^[1-9]/, { timeout: 30_000 });
}

async function visibleWindow(page: Page): Promise<{ start: number; end: number }> {
  const el = page.getByTestId('visible-window');
  return { start: Number(await el.getAttribute('data-start-ms')), end: Number(await el.getAttribute('data-end-ms')) };
}

const inViewCount = async (page: Page) => Number((await page.getByTestId('in-view').textContent())!.replace(/,/g, ''));

/** The events the timeline shows in `w` with the filter, computed from the columns main holds. */
function expectedInView(p: DatasetPayload, w: { start: number; end: number }, include: (i: number) => boolean = () => true): number[] {
  const c = p.columns;
  const out: number[] = [];
  for (let i = 0; i < c.count; i++) if (c.start[i]! >= w.start && c.start[i]! < w.end && (c.flags[i]! & FLAG_ERA) === 0 && include(i)) out.push(i);
  return out;
}
const hasCoordinates = (p: DatasetPayload, i: number) => {
  for (let k = p.columns.placeOffsets[i]!; k < p.columns.placeOffsets[i + 1]!; k++) if (p.header.places[p.columns.placeIndex[k]!]?.coordinates) return true;
  return false;
};

/** The map shows exactly these events, as the status bar counts them. */
async function expectMapShows(page: Page, p: DatasetPayload, include?: (i: number) => boolean): Promise<number[]> {
  let expected: number[] = [];
  await expect
    .poll(async () => {
      // One reading of the window and the map (a pan may still be gliding: all must agree at once).
      expected = expectedInView(p, await visibleWindow(page), include);
      const s = await mapState(page);
      const located = expected.filter((i) => hasCoordinates(p, i)).length;
      const got = { list: s.list, events: s.events, inView: await inViewCount(page), located: s.located, unlocated: s.unlocated };
      const want = { list: expected, events: expected.length, inView: expected.length, located, unlocated: expected.length - located };
      return JSON.stringify(got) === JSON.stringify(want) ? 'as expected' : JSON.stringify({ got, want });
    })
    .toBe('as expected');
  return expected;
}

const payloadOf = (app: AppPage) => app.bridge.service.current as DatasetPayload;

async function mapBox(page: Page) {
  return (await page.getByTestId('map').boundingBox())!;
}

function expectClean(app: AppPage): void {
  expect(app.errors).toEqual([]);
  expect(app.outsideRequests).toEqual([]);
}

/** Exact-day events on the timeline: each mark where its date is, at the timeline's width now. */
async function expectMarksAtTheirDates(page: Page, p: DatasetPayload): Promise<number> {
  const d = await settledDrawing(page);
  const w = await visibleWindow(page);
  const byId = new Map(Array.from({ length: p.columns.count }, (_, i) => [eventView(p.columns, i).id, eventView(p.columns, i)]));
  let checked = 0;
  for (const e of d.events) {
    const v = byId.get(e.id)!;
    if (v.precision !== 'day' || v.endPrecision !== undefined || v.start < w.start) continue;
    const x = d.centre.x + ((v.start - w.start) / (w.end - w.start)) * d.centre.width;
    expect(Math.abs(e.mark.x - x), `${e.id}'s mark is at its date`).toBeLessThan(3);
    checked++;
  }
  // Each label touches its mark, none overlaps another. (Not `inside`: the timeline's labels may
  // run past its edge at some widths, with or without the map: its own concern, see the report.)
  expectLabels(d);
  return checked;
}

test('M opens and closes the map beside the timeline, which redraws at its new width', async ({ openApp, page }) => {
  const app = await openApp();
  const p = payloadOf(app);
  const before = (await settledDrawing(page)).centre.width;
  await openMap(page);
  await expect(page.locator('.map-split')).toHaveAttribute('data-placement', 'beside');
  const narrow = await settledDrawing(page);
  expect(narrow.centre.width).toBeLessThan(before * 0.75);
  expect(await expectMarksAtTheirDates(page, p)).toBeGreaterThan(0);
  // The map fills its side of the split, beside the timeline.
  const map = await mapBox(page);
  expect(map.x).toBeGreaterThanOrEqual(narrow.centre.x + narrow.centre.width - 1);
  expect(map.width).toBeGreaterThan(400);
  await expect(page.getByTestId('toggle-map')).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.press('m');
  await expect(page.getByTestId('map')).toHaveCount(0);
  await expect.poll(async () => (await settledDrawing(page)).centre.width).toBeGreaterThan(before - 2);
  expect(await expectMarksAtTheirDates(page, p)).toBeGreaterThan(0);
  // View › Map (the menu's command) opens it again.
  await app.bridge.sendCommand('toggle-map');
  await expect(page.getByTestId('map')).toHaveAttribute('data-seq', /^[1-9]/);
  expectClean(app);
});

test('the map shows exactly the events in the timeline’s window that pass the filters, and follows pans and filters', async ({ openApp, page }) => {
  const app = await openApp();
  const p = payloadOf(app);
  await openMap(page);
  const first = await expectMapShows(page, p);
  expect(first.length).toBeGreaterThan(5);

  // Pan the timeline (← from the window's keys): other events, and the map follows.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const w0 = await visibleWindow(page);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => (await visibleWindow(page)).start).toBeLessThan(w0.start);
  // The pan glides: wait until it has brought other events into view, then the map must agree.
  await expect.poll(async () => expectedInView(p, await visibleWindow(page)).join()).not.toBe(first.join());
  const panned = await expectMapShows(page, p);
  expect(panned).not.toEqual(first);

  // Hide a type in the legend: the map drops its events at once.
  await page.keyboard.press('f');
  await expect.poll(async () => expectedInView(p, await visibleWindow(page)).join()).toBe(first.join());
  const captures = p.columns.type[first.find((i) => eventView(p.columns, i).type === 'capture')!]!;
  await page.locator('.legend-toggle', { hasText: 'Captures' }).click();
  const filtered = await expectMapShows(page, p, (i) => p.columns.type[i] !== captures);
  expect(filtered.length).toBeLessThan(first.length);
  expectClean(app);
});

test('counts the events in view with no coordinates on the map', async ({ openApp, page }) => {
  const app = await openApp();
  await openMap(page);
  const shown = await expectMapShows(page, payloadOf(app));
  const unlocated = shown.filter((i) => !hasCoordinates(payloadOf(app), i)).length;
  expect(unlocated).toBeGreaterThan(0);
  await expect(page.getByTestId('map-no-coordinates')).toHaveText(`${unlocated} events have no coordinates`);
  await expect(page.getByTestId('map-attribution')).toHaveText('Natural Earth · GeoNames (CC BY 4.0)');
  expectClean(app);
});

test('hover and selection link the map and the timeline both ways', async ({ openApp, page }) => {
  const app = await openApp();
  const p = payloadOf(app);
  await openMap(page);
  const map = await mapBox(page);
  const s = await mapState(page);
  expect(s.points.length).toBeGreaterThan(0);
  const mark = s.points[0]!;
  const ev = eventView(p.columns, mark.index);

  // Map → timeline: hovering the mark hovers the event; clicking selects it (its details open).
  await page.mouse.move(map.x + mark.x, map.y + mark.y);
  await expect(page.locator(`.ev[data-event="${ev.id}"]`)).toHaveClass(/ev-hovered/);
  await expect(page.locator('.map-tooltip')).toContainText(ev.title);
  await expect.poll(async () => (await mapState(page)).hovered).toBe(mark.index);
  await page.mouse.click(map.x + mark.x, map.y + mark.y);
  await expect(page.locator('aside.detail h2')).toHaveText(ev.title);
  await expect(page.locator(`.vis-item.vis-selected[data-event="${ev.id}"]`)).toHaveCount(1);
  await expect.poll(async () => (await mapState(page)).selected).toBe(mark.index);
  await page.mouse.move(map.x + 5, map.y + map.height - 5);
  await expect.poll(async () => (await mapState(page)).hovered).toBe(-1);

  // Timeline → map: hovering another event on the timeline rings it on the map; selecting moves the ring.
  const other = s.list.find((i) => i !== mark.index && hasCoordinates(p, i) && eventView(p.columns, i).id !== ev.id)!;
  const otherId = eventView(p.columns, other).id;
  await page.locator(`.ev[data-event="${otherId}"] .ev-label`).hover();
  await expect.poll(async () => (await mapState(page)).hovered).toBe(other);
  await page.locator(`.ev[data-event="${otherId}"] .ev-label`).click();
  await expect.poll(async () => (await mapState(page)).selected).toBe(other);
  expectClean(app);
});

test('a box drawn on the map filters the timeline, the status count and the map; Clear area undoes it', async ({ openApp, page }) => {
  const app = await openApp();
  const p = payloadOf(app);
  await openMap(page);
  const before = await expectMapShows(page, p);
  let map = await mapBox(page);
  let mark = (await mapState(page)).points[0]!;
  const place = p.columns.placeIndex[p.columns.placeOffsets[mark.index]!]!;
  const atPlace = (i: number) => {
    for (let k = p.columns.placeOffsets[i]!; k < p.columns.placeOffsets[i + 1]!; k++) if (p.columns.placeIndex[k] === place) return true;
    return false;
  };

  // Shift+drag a small box around the mark.
  await page.keyboard.down('Shift');
  await page.mouse.move(map.x + mark.x - 25, map.y + mark.y - 25);
  await page.mouse.down();
  await page.mouse.move(map.x + mark.x + 25, map.y + mark.y + 25, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const inside = await expectMapShows(page, p, atPlace);
  expect(inside.length).toBeGreaterThan(0);
  expect(inside.length).toBeLessThan(before.length);
  expect((await mapState(page)).area).toBe('on');
  await expect(page.getByTestId('map-area-note')).toContainText('Area filter on');
  await expect(page.locator('.toolbar .badge')).toHaveText('1');
  // The timeline draws only those events.
  const ids = new Set(inside.map((i) => eventView(p.columns, i).id));
  const drawn = (await settledDrawing(page)).events.map((e) => e.id);
  expect(drawn.length).toBeGreaterThan(0);
  for (const id of drawn) expect(ids.has(id), `${id} is inside the area`).toBe(true);
  // The filters name it, and clear it.
  await page.keyboard.press('Shift+F');
  await expect(page.getByTestId('filter-area')).toContainText('° N');

  await page.getByTestId('map-clear-area').click();
  await expect(page.getByTestId('filter-area')).toHaveCount(0);
  expect(await expectMapShows(page, p)).toEqual(before);

  // The Select area button: a plain drag selects, once (the filters closed, the map is wider again).
  await page.keyboard.press('Shift+F');
  await expect(page.getByTestId('filter-panel')).toHaveCount(0);
  await expect.poll(async () => (await mapState(page)).points.some((q) => q.index === mark.index)).toBe(true);
  await page.waitForTimeout(300);
  map = await mapBox(page);
  mark = (await mapState(page)).points.find((q) => q.index === mark.index)!;
  await page.getByTestId('map-select-area').click();
  await expect(page.getByTestId('map-select-area')).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(map.x + mark.x - 25, map.y + mark.y - 25);
  await page.mouse.down();
  await page.mouse.move(map.x + mark.x + 25, map.y + mark.y + 25, { steps: 6 });
  await page.mouse.up();
  expect(await expectMapShows(page, p, atPlace)).toEqual(inside);
  await expect(page.getByTestId('map-select-area')).toHaveAttribute('aria-pressed', 'false');
  expectClean(app);
});

test('the split’s size and place are remembered after a reload', async ({ openApp, page }) => {
  const app = await openApp();
  await openMap(page);
  const handle = page.getByTestId('map-handle');
  const start = Number(await handle.getAttribute('aria-valuenow'));
  // Drag the handle to give the map more room, then two key steps more.
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x - 100, h.y + h.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow'))).toBeGreaterThan(start + 5);
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const size = Number(await handle.getAttribute('aria-valuenow'));
  await page.getByTestId('map-placement').click();
  await expect(page.locator('.map-split')).toHaveAttribute('data-placement', 'below');
  await expect.poll(() => JSON.parse(readFileSync(app.bridge.settingsPath, 'utf8')).map, { timeout: 5000 }).toMatchObject({ open: true, placement: 'below' });
  const saved = JSON.parse(readFileSync(app.bridge.settingsPath, 'utf8')).map.size as number;
  expect(Math.round(saved * 100)).toBe(size);

  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-seq', /^[1-9]/, { timeout: 30_000 });
  await expect(page.locator('.map-split')).toHaveAttribute('data-placement', 'below');
  await expect(page.getByTestId('map-handle')).toHaveAttribute('aria-valuenow', String(size));
  const split = (await page.locator('.map-split').boundingBox())!;
  const map = (await page.locator('.map-view').boundingBox())!;
  expect(Math.abs(map.height / split.height - saved)).toBeLessThan(0.01);
  expect(await expectMarksAtTheirDates(page, payloadOf(app))).toBeGreaterThan(0);
  expectClean(app);
});

/** The commonest colour in the map's picture (its land, here). */
async function commonestColour(page: Page): Promise<string> {
  const box = await page.locator('.map-canvas canvas').boundingBox();
  const png = PNG.sync.read(await page.screenshot({ clip: box! }));
  const counts = new Map<string, number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = `#${[png.data[i]!, png.data[i + 1]!, png.data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

test('the map follows the projector theme', async ({ openApp, page }) => {
  const app = await openApp();
  await openMap(page);
  await page.waitForTimeout(500);
  expect(await commonestColour(page)).toBe('#fbfaf6');
  await page.getByRole('button', { name: 'Projector' }).click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-theme', 'projector');
  await expect.poll(() => commonestColour(page)).toBe('#ffffff');
  const size = await page.locator('.map-label-place').first().evaluate((el) => getComputedStyle(el).fontSize);
  expect(size).toBe('16px');
  // Measured at the projector's type size: no label runs off the map or over another.
  await page.waitForTimeout(300);
  await expectMapLabels(page);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/map-projector-1280x720.png` });
  expectClean(app);
});

test('the map from the keyboard: Tab reaches it (named, with a ring), arrows pan, + zooms, Esc gives the focus back', async ({ openApp, page }) => {
  const app = await openApp();
  await openMap(page);
  const canvas = page.locator('.map-canvas canvas');
  await expect(canvas).toHaveAttribute('aria-label', /^Map: \d+ events in view, \d+ on the map\. Arrow keys pan/);
  await page.getByTestId('map-handle').focus();
  for (let k = 0; k < 40 && !(await canvas.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('Tab');
  await expect(canvas).toBeFocused();
  expect(await canvas.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  const w = await visibleWindow(page);
  const before = (await mapState(page)).points[0]!;
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await mapState(page)).points.find((q) => q.index === before.index)?.x ?? 0).toBeGreaterThan(before.x + 100);
  // The map's keys are its own: the timeline did not move.
  expect(await visibleWindow(page)).toEqual(w);
  const zoom = (await mapState(page)).zoom;
  await page.keyboard.press('+');
  await expect.poll(async () => (await mapState(page)).zoom).toBeCloseTo(zoom + 1, 1);
  await page.keyboard.press('-');
  await expect.poll(async () => (await mapState(page)).zoom).toBeCloseTo(zoom, 1);
  expect(await visibleWindow(page)).toEqual(w);
  await page.keyboard.press('Escape');
  await expect(canvas).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.closest('.map-canvas') === null && document.activeElement !== document.body)).toBe(true);
  expectClean(app);
});

/** Labels on the map: none overlaps another, each inside the map. */
async function expectMapLabels(page: Page): Promise<void> {
  const { labels, frame } = await page.evaluate(() => {
    const r = (el: Element) => {
      const b = el.getBoundingClientRect();
      return { x0: b.left, y0: b.top, x1: b.right, y1: b.bottom, text: el.textContent ?? '' };
    };
    return { labels: [...document.querySelectorAll<HTMLElement>('.map-label')].map((el) => ({ ...r(el), overflow: el.scrollWidth - el.clientWidth })), frame: r(document.querySelector('.map-canvas')!) };
  });
  expect(labels.length).toBeGreaterThan(0);
  for (const [i, a] of labels.entries()) {
    // Measured in the fonts it is drawn in: the text fits its box.
    expect(a.overflow, `${a.text} fits its box`).toBeLessThanOrEqual(1);
    expect(a.x0 >= frame.x0 - 0.5 && a.x1 <= frame.x1 + 0.5 && a.y0 >= frame.y0 - 0.5 && a.y1 <= frame.y1 + 0.5, `${a.text} inside the map`).toBe(true);
    for (const b of labels.slice(i + 1)) expect(a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5, `${a.text} overlaps ${b.text}`).toBe(false);
  }
}

test('screenshots with the map at 1280×720 and 1920×1080, and after resizing between them', async ({ openApp, page }) => {
  const app = await openApp();
  const p = payloadOf(app);
  mkdirSync(SHOTS, { recursive: true });
  await openMap(page);
  for (const [name, size] of [
    ['1280x720', { width: 1280, height: 720 }],
    ['1920x1080', { width: 1920, height: 1080 }],
    ['1280x720-after-1920', { width: 1280, height: 720 }]
  ] as const) {
    await page.setViewportSize(size);
    await expectMapShows(page, p);
    // The map's picture fills its box at the new size (not stretched, not blank).
    await expect
      .poll(() => page.locator('.map-canvas canvas').evaluate((c: HTMLCanvasElement) => Math.abs(c.clientWidth - (c.parentElement!.parentElement!.clientWidth || 0)) <= 1 && c.width === Math.round(c.clientWidth * devicePixelRatio)))
      .toBe(true);
    await page.waitForTimeout(600);
    expect(await commonestColour(page)).toBe('#fbfaf6');
    await expectMapLabels(page);
    expect(await expectMarksAtTheirDates(page, p)).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/map-${name}.png` });
  }
  expectClean(app);
});
