// @vitest-environment happy-dom
// TimelineController's staged setup of a large dataset, with vis-timeline replaced by a stand-in
// that keeps the window and the items it is given (the real one is exercised in the e2e tests):
// the data is in vis only after the steps have run, each in a task of its own; anything asked of
// the controller meanwhile finishes the setup first; new data drops what was left of the old.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { columnsFromDataset } from '../../../../shared/dataset/datasetColumns';
import type { DatasetInput } from '../../../../shared/dataset/schema';
import { validateDataset } from '../../../../shared/dataset/validateDataset';
import { STAGED_SETUP_EVENTS, TimelineController } from './TimelineController';

vi.mock('vis-timeline/styles/vis-timeline-graph2d.min.css', () => ({}));
vi.mock('vis-timeline/esnext', () => {
  type Handler = (props: Record<string, unknown>) => void;
  /** The parts of vis-timeline the controller uses: a window, events, the data sets it was given. */
  class Timeline {
    static last: Timeline | undefined;
    window = { start: 0, end: 1 };
    readonly handlers = new Map<string, Handler[]>();
    constructor(
      readonly container: HTMLElement,
      readonly items: { length: number; get(): { id: string }[] },
      readonly groups: { length: number }
    ) {
      Timeline.last = this;
    }
    on(name: string, handler: Handler): void {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
    }
    setWindow(start: number, end: number): void {
      this.window = { start: Number(start), end: Number(end) };
      for (const name of ['rangechange', 'rangechanged']) for (const h of this.handlers.get(name) ?? []) h({ byUser: false });
    }
    getWindow(): { start: Date; end: Date } {
      return { start: new Date(this.window.start), end: new Date(this.window.end) };
    }
    redraw(): void {}
    focus(): void {}
    setSelection(): void {}
    destroy(): void {}
  }
  return { Timeline };
});

const DAY = 86_400_000;

/** A dataset of `n` one-day events, one a day from 2015, in two countries (two theatre lanes). */
function dataset(n: number, title: string) {
  const raw: DatasetInput = {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title, theatres: [{ country: 'SY', label: 'Syria' }, { country: 'IQ', label: 'Iraq' }] },
    sources: [{ id: 'wire', kind: 'news', publisher: 'Wire', title: 'Report' } as DatasetInput['sources'][number]],
    places: [
      { id: 'p-sy', name: 'Deir al-Zour', kind: 'city', countries: ['SY'] },
      { id: 'p-iq', name: 'al-Qaim', kind: 'town', countries: ['IQ'] }
    ] as DatasetInput['places'],
    events: Array.from({ length: n }, (_, i) => ({
      id: `e${i}`,
      type: 'clash' as const,
      title: `Event ${i}`,
      start: { value: new Date(Date.UTC(2015, 0, 1) + i * DAY).toISOString().slice(0, 10), precision: 'day' as const },
      places: [i % 2 === 0 ? 'p-sy' : 'p-iq'],
      citations: [{ source: 'wire' }]
    }))
  };
  const check = validateDataset(raw, `${title}.frontline`);
  if (!check.ok) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
  return columnsFromDataset(check.dataset);
}

/** A task later (after the setTimeout(0) steps queued so far). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let controller: TimelineController | undefined;
afterEach(() => controller?.destroy());

function newController(): TimelineController {
  const container = document.createElement('div');
  document.body.append(container);
  controller = new TimelineController(container, { onselect: () => {}, onrange: () => {} });
  return controller;
}

describe('TimelineController: setting up a large dataset in steps', () => {
  const large = dataset(STAGED_SETUP_EVENTS + 2_000, 'large');
  const half = (STAGED_SETUP_EVENTS + 2_000) / 2;

  it('sets a small dataset up at once', async () => {
    const c = newController();
    const small = dataset(50, 'small');
    const done = c.setData(small.header, small.columns, 'theatre');
    // Nothing left for later: the lanes hold every event and the window covers them.
    expect(c.lanes().map((l) => l.size)).toEqual([25, 25]);
    await done;
  });

  it('feeds a large dataset in tasks after the one that hands it over, then resolves', async () => {
    const c = newController();
    let resolved = false;
    const done = c.setData(large.header, large.columns, 'theatre').then(() => (resolved = true));
    // The task that handed the data over returns before the lanes are built or anything is fed.
    const { Timeline } = (await import('vis-timeline/esnext')) as unknown as { Timeline: { last: { items: { length: number }; groups: { length: number }; window: { start: number; end: number } } } };
    const vis = Timeline.last;
    expect(vis.groups.length).toBe(0);
    expect(vis.items.length).toBe(0);
    await nextTask();
    // Step one: lanes and their index.
    expect(vis.groups.length).toBe(2);
    expect(resolved).toBe(false);
    await done;
    // Step two: fitted to the data and fed.
    expect(vis.window.start).toBeLessThanOrEqual(large.columns.start[0]!);
    expect(vis.window.end).toBeGreaterThanOrEqual(large.columns.start[large.columns.count - 1]!);
    expect(vis.items.length).toBeGreaterThan(0);
    expect(c.lanes().map((l) => l.size)).toEqual([half, half]);
  });

  it('finishes the setup at once when asked for something that needs it', async () => {
    const c = newController();
    let resolved = false;
    void c.setData(large.header, large.columns, 'theatre').then(() => (resolved = true));
    // Asked in the same task: the lanes are there, and the window was fitted to the data.
    expect(c.lanes().map((l) => l.size)).toEqual([half, half]);
    const w = c.getWindow();
    expect(w.start).toBeLessThanOrEqual(large.columns.start[0]!);
    expect(w.end).toBeGreaterThanOrEqual(large.columns.start[large.columns.count - 1]!);
    await Promise.resolve();
    expect(resolved).toBe(true);
  });

  it('drops what was left of a dataset that other data replaces before it was set up', async () => {
    const c = newController();
    let firstDone = false;
    void c.setData(large.header, large.columns, 'theatre').then(() => (firstDone = true));
    const small = dataset(40, 'small');
    await c.setData(small.header, small.columns, 'theatre');
    await nextTask();
    await nextTask();
    // The small dataset is what is shown; the large one's steps never ran, nor did it resolve.
    expect(c.lanes().map((l) => l.size)).toEqual([20, 20]);
    expect(c.visibleIndices().every((i) => i < 40)).toBe(true);
    expect(firstDone).toBe(false);
  });
});
