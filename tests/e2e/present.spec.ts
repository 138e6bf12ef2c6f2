// Presenting the bundled dataset with the keys a presentation clicker sends, in the built renderer
// bridged to the real handlers: moving through the steps, blanking the screen, going to a step by
// number, leaving and resuming at the same step, presenting only what the filters show; the
// projector theme's contrast checked at WCAG AAA; the caption card photographed at 720p and 1080p.
import type { Page } from '@playwright/test';
import { BUNDLED_DATASET } from '../support/bridge';
import { expect, test } from '../support/fixtures';
import { loadDatasetFile } from '../../src/main/dataset/loadDatasetFile';
import { eventView, type EventView } from '../../src/shared/dataset/columns';
import { EVENT_TYPE_STYLES } from '../../src/shared/dataset/eventTypes';

/**
 * The default steps: the bundled dataset's events in time order, but for historical context far
 * outside the story (the 1916 agreement), which would open the presentation on a century.
 */
let events: EventView[];
/** Every event of the bundled dataset, in time order. */
let all: EventView[];

test.beforeAll(async () => {
  const loaded = await loadDatasetFile(BUNDLED_DATASET);
  if (!loaded.ok) throw new Error('bundled dataset invalid');
  all = Array.from({ length: loaded.loaded.columns.count }, (_, i) => eventView(loaded.loaded.columns, i));
  const story = loaded.loaded.header.storyRange!;
  events = all.filter((e) => !(e.type === 'context' && (e.end <= story.start || e.start >= story.end)));
});

const caption = (page: Page) => page.getByTestId('caption');

/** The caption shows this step (1-based) of `count`, with its event's title, highlighted on the timeline. */
async function expectStep(page: Page, step: number, steps: readonly EventView[] = events): Promise<void> {
  const event = steps[step - 1]!;
  await expect(page.getByTestId('present-progress')).toHaveText(`${step} / ${steps.length}`);
  await expect(caption(page)).toHaveAttribute('data-event', event.id);
  await expect(page.getByTestId('caption-title')).toHaveText(event.title);
  // Details have arrived (the source line comes with them).
  await expect(page.getByTestId('caption-source')).toBeVisible();
  await expect(page.locator(`.vis-item.vis-selected[data-event="${event.id}"]`)).toBeVisible();
}

async function startPresenting(page: Page): Promise<void> {
  await page.keyboard.press('F5');
  await expect(caption(page)).toBeVisible();
}

test.describe('presenting with a clicker', () => {
  test('F5 starts at the first event of the story (not far-off context), full screen, toolbars hidden, the projector theme on', async ({ openApp, page }) => {
    const app = await openApp();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'projector');
    await startPresenting(page);
    await expectStep(page, 1);
    // The 1916 agreement is no step; the first slide is the story's first event, on an axis of a
    // few years around it, not of two centuries.
    expect(all[0]!.id).toBe('sykes-picot');
    expect(events.map((e) => e.id)).not.toContain('sykes-picot');
    await expect(caption(page)).toHaveAttribute('data-event', events[0]!.id);
    await expect
      .poll(async () => {
        // What the timeline was last fed for (the status bar is hidden while presenting).
        const w = page.locator('.timeline');
        return (Number(await w.getAttribute('data-view-end')) - Number(await w.getAttribute('data-view-start'))) / (365.25 * 86_400_000);
      })
      .toBeLessThan(8);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
    await expect(page.locator('.toolbar')).toHaveCount(0);
    await expect(page.locator('.legend')).toHaveCount(0);
    await expect(page.locator('.statusbar')).toHaveCount(0);
    await expect(page.locator('aside.detail')).toHaveCount(0);
    // The analyst's "← 3 earlier events" buttons are not drawn over the room's labels.
    await expect(page.locator('.edge-marker')).not.toHaveCount(0);
    for (const marker of await page.locator('.edge-marker').all()) await expect(marker).toBeHidden();
    // The page is still there (F5 did not reload it) and nothing went wrong.
    expect(app.errors).toEqual([]);
    expect(app.outsideRequests).toEqual([]);
  });

  test('clicking Present with the mouse never shows the room the Presenter view button; the presenter reaches it by moving to its corner or with Tab', async ({ openApp, page }) => {
    await openApp();
    const present = page.getByRole('button', { name: 'Present', exact: true });
    const box = (await present.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.up();
    await expect(caption(page)).toBeVisible();
    const button = page.getByTestId('present-presenter-view');
    // The pointer rests where Present was, over the button's corner: the room sees the slide only.
    const corner = (await button.boundingBox())!;
    expect(box.x + box.width / 2).toBeGreaterThan(corner.x - 60);
    await page.waitForTimeout(300);
    await expect(button).toHaveCSS('opacity', '0');
    await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2 + 1);
    await page.waitForTimeout(200);
    await expect(button).toHaveCSS('opacity', '0');
    // The presenter moves the pointer to the corner on purpose: it shows.
    await page.mouse.move(400, 400, { steps: 4 });
    await button.hover();
    await expect(button).toHaveCSS('opacity', '1');
    // Or reaches it with Tab, from a presentation started by the key.
    await page.keyboard.press('Escape');
    await page.mouse.move(10, 300);
    await page.keyboard.press('F5');
    await expect(caption(page)).toBeVisible();
    await expect(button).toHaveCSS('opacity', '0');
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await expect(button).toHaveCSS('opacity', '1');
  });

  test('every "next" and "previous" key moves one step, Home and End go to the ends, a click advances', async ({ openApp, page }) => {
    await openApp();
    await startPresenting(page);
    let step = 1;
    for (const key of ['ArrowRight', 'PageDown', 'Space', 'ArrowDown', 'Enter']) {
      await page.keyboard.press(key);
      await expectStep(page, ++step);
    }
    for (const key of ['ArrowLeft', 'PageUp', 'ArrowUp', 'Backspace']) {
      await page.keyboard.press(key);
      await expectStep(page, --step);
    }
    await page.keyboard.press('End');
    await expectStep(page, events.length);
    // Past the end stays at the end.
    await page.keyboard.press('ArrowRight');
    await expectStep(page, events.length);
    await page.keyboard.press('Home');
    await expectStep(page, 1);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 1);
    // A click anywhere, on the timeline or on the card, moves on.
    await page.mouse.click(400, 150);
    await expectStep(page, 2);
    await caption(page).click();
    await expectStep(page, 3);
  });

  test('walks through every event in time order', async ({ openApp, page }) => {
    await openApp();
    await startPresenting(page);
    for (let step = 1; step <= events.length; step++) {
      await expectStep(page, step);
      await page.keyboard.press('ArrowRight');
    }
  });

  test('B or the full stop blacks the screen, W whitens it, and it comes back on the same step', async ({ openApp, page }) => {
    await openApp();
    await startPresenting(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 3);
    const blank = page.getByTestId('blank-screen');
    /** What the audience sees in the middle of the screen. */
    const middle = () =>
      page.evaluate(() => {
        const el = document.elementFromPoint(innerWidth / 2, innerHeight - 40) as HTMLElement;
        return { testid: el.dataset['testid'], background: getComputedStyle(el).backgroundColor };
      });

    await page.keyboard.press('b');
    await expect(blank).toHaveAttribute('data-screen', 'black');
    expect(await middle()).toEqual({ testid: 'blank-screen', background: 'rgb(0, 0, 0)' });
    await page.keyboard.press('b');
    await expect(blank).toHaveCount(0);
    await expectStep(page, 3);

    await page.keyboard.press('.');
    await expect(blank).toHaveAttribute('data-screen', 'black');
    await page.keyboard.press('w');
    await expect(blank).toHaveAttribute('data-screen', 'white');
    expect(await middle()).toEqual({ testid: 'blank-screen', background: 'rgb(255, 255, 255)' });
    // "Next" on a blank screen brings the step back without skipping it.
    await page.keyboard.press('ArrowRight');
    await expect(blank).toHaveCount(0);
    await expectStep(page, 3);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 4);
  });

  test('a number then Enter goes to that step', async ({ openApp, page }) => {
    await openApp();
    await startPresenting(page);
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await expect(page.getByTestId('present-goto')).toContainText('12');
    await expectStep(page, 1);
    await page.keyboard.press('Enter');
    await expectStep(page, 12);
    await expect(page.getByTestId('present-goto')).toHaveCount(0);
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await expectStep(page, 3);
    // Past the last step goes to the last.
    await page.keyboard.press('9');
    await page.keyboard.press('9');
    await page.keyboard.press('Enter');
    await expectStep(page, events.length);
  });

  test('Esc leaves, and coming back resumes at the same step; F5 starts again, Shift+F5 from the selected event', async ({ openApp, page }) => {
    await openApp();
    await startPresenting(page);
    await page.keyboard.press('7');
    await page.keyboard.press('Enter');
    await expectStep(page, 7);
    await page.keyboard.press('Escape');
    await expect(caption(page)).toHaveCount(0);
    await expect(page.locator('.toolbar')).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'projector');
    await expect(page.getByTestId('notice')).toContainText(`step 7 of ${events.length}`);
    // The step's event stays selected, with its details.
    await expect(page.locator('aside.detail h2')).toHaveText(events[6]!.title);

    await page.getByRole('button', { name: 'Present' }).click();
    await expectStep(page, 7);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 8);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+F5');
    await expectStep(page, 8);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F5');
    await expectStep(page, 1);
    await page.keyboard.press('Escape');
    // Shift+F5 from another selected event.
    await page.locator(`.vis-item[data-event="${events[4]!.id}"] .ev-label`).click();
    await expect(page.locator('aside.detail h2')).toHaveText(events[4]!.title);
    await page.keyboard.press('Shift+F5');
    await expectStep(page, 5);
  });

  test('presents only the events the filters show', async ({ openApp, page }) => {
    await openApp();
    const hidden = 'capture';
    await page.getByRole('button', { name: new RegExp(EVENT_TYPE_STYLES[hidden].plural) }).click();
    const shown = events.filter((e) => e.type !== hidden);
    expect(shown.length).toBeLessThan(events.length);
    await startPresenting(page);
    for (let step = 1; step <= shown.length; step++) {
      await expectStep(page, step, shown);
      await page.keyboard.press('PageDown');
    }
    await page.keyboard.press('Escape');
    // The filter is still on after presenting.
    await expect(page.getByRole('button', { name: new RegExp(EVENT_TYPE_STYLES[hidden].plural) })).toHaveAttribute('aria-pressed', 'false');
  });

  /** Distinct positions of the time axis seen, frame by frame, while the view moves to the last step. */
  async function framesToLastStep(page: Page): Promise<number> {
    const sampling = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const seen = new Set<string>();
          const until = performance.now() + 900;
          const sample = () => {
            seen.add([...document.querySelectorAll<HTMLElement>('.vis-time-axis .vis-text')].map((el) => `${el.textContent}@${el.style.transform || el.style.left}`).join('|'));
            if (performance.now() < until) requestAnimationFrame(sample);
            else resolve(seen.size);
          };
          sample();
        })
    );
    await page.keyboard.press('End');
    return sampling;
  }

  test('glides from step to step, and jumps when the system asks for reduced motion', async ({ openApp, page }) => {
    await openApp();
    await startPresenting(page);
    await expectStep(page, 1);
    await page.waitForTimeout(800);
    expect(await framesToLastStep(page)).toBeGreaterThan(4);
    await expectStep(page, events.length);

    await page.keyboard.press('Escape');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.keyboard.press('F5');
    await expectStep(page, 1);
    await page.waitForTimeout(800);
    expect(await framesToLastStep(page)).toBeLessThanOrEqual(3);
    await expectStep(page, events.length);
  });
});

/** Text elements drawn on screen whose colour is under 7:1 against what lies behind them. */
function lowContrastText(page: Page): Promise<{ text: string; ratio: number; colour: string; background: string; where: string }[]> {
  return page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    /** Any CSS colour (rgb(), color(srgb …), color-mix results) as RGBA 0–255, alpha 0–1, via a canvas. */
    const parse = (css: string): RGBA => {
      const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(css);
      if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const d = probe.getImageData(0, 0, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
    };
    const over = (top: RGBA, below: RGBA): RGBA => {
      const a = top[3] + below[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const c = (i: number) => (top[i]! * top[3] + below[i]! * below[3] * (1 - top[3])) / a;
      return [c(0), c(1), c(2), a];
    };
    const lum = ([r, g, b]: RGBA) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    /** The background behind an element: its own and its ancestors' colours, composited over white. */
    const backgroundOf = (el: Element): RGBA => {
      const layers: RGBA[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let colour: RGBA = [255, 255, 255, 1];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const bad: { text: string; ratio: number; colour: string; background: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !node.textContent?.trim()) continue;
      seen.add(el);
      if (el.closest('.ev-measure, [aria-hidden="true"], option, script, style')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.bottom < 0 || rect.right < 0 || rect.top > innerHeight || rect.left > innerWidth) continue;
      // Covered by something else (a blank screen, a dialog's backdrop): not seen, not judged.
      const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      if (top && !el.contains(top) && !top.contains(el) && !top.classList.contains('present-catcher')) continue;
      if ((el as HTMLButtonElement).disabled) continue;
      const background = backgroundOf(el);
      const colour = over(parse(getComputedStyle(el).color), background);
      const [l1, l2] = [lum(colour), lum(background)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < 7) {
        bad.push({
          text: node.textContent.trim().slice(0, 40),
          ratio: Math.round(ratio * 100) / 100,
          colour: `rgb(${colour.slice(0, 3).map(Math.round).join(',')})`,
          background: `rgb(${background.slice(0, 3).map(Math.round).join(',')})`,
          where: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`
        });
      }
    }
    return bad;
  });
}

test.describe('projector theme', () => {
  test('every text on screen is at least 7:1 (AAA), outside and during a presentation', async ({ openApp, page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp();
    // The check finds what it should: the screen theme's faint text (legend counts) is under 7:1.
    expect((await lowContrastText(page)).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Projector' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
    // With details and the table open too.
    await page.locator(`.vis-item[data-event="deir-al-zour-taken"] .ev-label`).click();
    await expect(page.locator('aside.detail')).toBeVisible();
    await page.keyboard.press('t');
    await expect(page.locator('.table-view')).toBeVisible();
    await page.waitForTimeout(400);
    expect(await lowContrastText(page)).toEqual([]);

    await page.keyboard.press('t');
    await page.keyboard.press('Shift+F5');
    await expect(caption(page)).toHaveAttribute('data-event', 'deir-al-zour-taken');
    await expect(page.getByTestId('caption-source')).toBeVisible();
    await page.waitForTimeout(400);
    expect(await lowContrastText(page)).toEqual([]);
    // Steps with figures and imprecise dates.
    for (const id of ['deir-al-zour-displacement', events[0]!.id]) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F5');
      const at = events.findIndex((e) => e.id === id) + 1;
      for (const digit of String(at)) await page.keyboard.press(digit);
      await page.keyboard.press('Enter');
      await expect(caption(page)).toHaveAttribute('data-event', id);
      await expect(page.getByTestId('caption-source')).toBeVisible();
      await page.waitForTimeout(400);
      expect(await lowContrastText(page), id).toEqual([]);
    }
  });

  test('is kept when chosen, and body type is about 28px at 1920x1080', async ({ openApp, page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp();
    await page.getByRole('button', { name: 'Projector' }).click();
    const rootPx = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await rootPx()).toBeGreaterThanOrEqual(27.5);
    await page.waitForTimeout(400);
    await page.screenshot({ path: test.info().outputPath('projector-theme-1920x1080.png') });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
    await expect(page.getByRole('button', { name: 'Projector' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Projector' }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'projector');
    // A presentation's smallest caption text is body size.
    await page.keyboard.press('F5');
    await expect(page.getByTestId('caption-source')).toBeVisible();
    const smallest = await caption(page).evaluate((el) => Math.min(...[...el.querySelectorAll('*')].filter((e) => e.textContent?.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize))));
    expect(smallest).toBeGreaterThanOrEqual(27.5);
  });
});

test.describe('caption card screenshots', () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 }
  ]) {
    test(`the Deir al-Zour capture and the displacement figure, legible at ${size.width}x${size.height}`, async ({ openApp, page }) => {
      await page.setViewportSize(size);
      await openApp();
      await startPresenting(page);
      for (const id of ['deir-al-zour-taken', 'deir-al-zour-displacement']) {
        const at = events.findIndex((e) => e.id === id) + 1;
        for (const digit of String(at)) await page.keyboard.press(digit);
        await page.keyboard.press('Enter');
        await expectStep(page, at);
        // The card fits: nothing cut off at its bottom.
        const fits = await caption(page).evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
        expect(fits, `${id} caption fits`).toBe(true);
        await page.waitForTimeout(500);
        await caption(page).screenshot({ path: test.info().outputPath(`caption-${id}-${size.width}x${size.height}.png`) });
        await page.screenshot({ path: test.info().outputPath(`present-${id}-${size.width}x${size.height}.png`) });
      }
      const figure = page.getByTestId('caption-figures');
      await expect(figure).toContainText('350,000');
    });
  }
});
