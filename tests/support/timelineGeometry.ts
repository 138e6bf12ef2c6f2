// What the timeline draws, read from the page: each event drawn, its mark and label boxes and the
// side its label is on, and the lanes' panel; and the checks the issue asks of them (every label
// touches its mark; labels read forward; none overlaps another; each lies inside the timeline).
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DrawnEvent {
  readonly id: string;
  readonly side: 'overlay' | 'right' | 'left';
  readonly mark: Box;
  readonly label: Box;
  /** The label is shortened (wider than its share of the axis). */
  readonly cut: boolean;
}

export interface Drawing {
  readonly centre: Box;
  readonly events: DrawnEvent[];
}

/** Space between a mark and its label (LABEL_GAP_PX in itemLayout.ts). */
export const LABEL_GAP = 8;

/** Every event drawn whose mark is at least partly inside the lanes' panel (vis keeps near ones in the page too). */
export async function drawing(page: Page): Promise<Drawing> {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const centre = rect(document.querySelector('.vis-panel.vis-center')!);
    const events = [...document.querySelectorAll<HTMLElement>('.vis-item.vis-range .ev[data-event]')]
      .map((el) => ({
        id: el.dataset['event'] ?? '',
        side: (el.dataset['side'] ?? 'right') as 'overlay' | 'right' | 'left',
        mark: rect(el.querySelector('.ev-extent')!),
        label: rect(el.querySelector('.ev-label')!),
        cut: el.querySelector('.ev-label')!.classList.contains('ev-label-cut')
      }))
      .filter((e) => e.mark.x < centre.x + centre.width && e.mark.x + e.mark.width > centre.x);
    return { centre, events };
  });
}

/** A label touches its mark: it starts just after it, ends just before it, or lies on it. */
export function touches(e: DrawnEvent, centre: Box, tolerance = 1.5): boolean {
  const markEnd = e.mark.x + e.mark.width;
  switch (e.side) {
    case 'right':
      return Math.abs(e.label.x - (markEnd + LABEL_GAP)) <= tolerance;
    case 'left':
      return Math.abs(e.label.x + e.label.width + LABEL_GAP - e.mark.x) <= tolerance;
    case 'overlay':
      // On its mark (a mark running off the view's left edge keeps its label at the edge).
      return e.label.x >= Math.max(e.mark.x, centre.x) - tolerance && e.label.x + e.label.width <= markEnd + tolerance;
  }
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/**
 * Every label drawn touches its mark; with `forward`, none is before its mark; none overlaps
 * another; each lies inside the lanes' panel (a label that reads forward past the edge is cut
 * there, so it lies inside when `inside` is asked).
 */
export function expectLabels(d: Drawing, options: { forward?: boolean; inside?: boolean; label?: string } = {}): void {
  const what = options.label ?? 'the timeline';
  expect(d.events.length, `${what}: events drawn`).toBeGreaterThan(0);
  for (const e of d.events) {
    expect(touches(e, d.centre), `${what}: ${e.id}'s label (${e.side}) touches its mark ${JSON.stringify({ mark: e.mark, label: e.label })}`).toBe(true);
    if (options.forward) expect(e.side, `${what}: ${e.id}'s label reads forward from its mark`).not.toBe('left');
    if (options.inside) {
      expect(e.label.x, `${what}: ${e.id}'s label starts inside the timeline`).toBeGreaterThanOrEqual(d.centre.x - 1);
      expect(e.label.x + e.label.width, `${what}: ${e.id}'s label ends inside the timeline`).toBeLessThanOrEqual(d.centre.x + d.centre.width + 1);
      expect(e.label.y + e.label.height, `${what}: ${e.id} is above the bottom of the timeline`).toBeLessThanOrEqual(d.centre.y + d.centre.height + 1);
    }
  }
  for (let i = 0; i < d.events.length; i++) {
    for (let j = i + 1; j < d.events.length; j++) {
      expect(overlaps(d.events[i]!.label, d.events[j]!.label), `${what}: ${d.events[i]!.id} overlaps ${d.events[j]!.id}`).toBe(false);
    }
  }
}

/** Wait until the drawing has settled (two frames without a change of any box). */
export async function settledDrawing(page: Page): Promise<Drawing> {
  let last = '';
  let current: Drawing | undefined;
  await expect
    .poll(
      async () => {
        current = await drawing(page);
        const now = JSON.stringify(current);
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [150, 150, 200, 250, 300] }
    )
    .toBe(true);
  return current!;
}
