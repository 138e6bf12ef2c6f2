// The time cursor's intents: set within the data's days, step by day, week or month (31 January
// stays on the 31st where a month has it), play at a steady pace with the window moving along so
// the cursor stays in view, by whole windows and without animation for reduced motion, stopping at
// the data's last day; a new dataset clears it.
import { describe, expect, it } from 'vitest';
import type { TimeRange } from '../view/windowMath';
import { PLAY_STEP_MS, TimeCursorState, type CursorClock, type CursorHost } from './timeCursor.svelte';

const DAY = 86_400_000;
const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString().slice(0, 10));

/** A host whose window moves when asked (as the timeline does), and a clock the test ticks. */
function setup(options: { range?: TimeRange; window?: TimeRange; reduced?: boolean } = {}) {
  const shown: { window: TimeRange; animate: boolean }[] = [];
  const host: CursorHost & { window: TimeRange | undefined } = {
    range: options.range ?? { start: d('2014-01-01'), end: d('2017-11-04') },
    window: options.window ?? { start: d('2017-10-01'), end: d('2017-11-01') },
    showWindow(window, animate) {
      shown.push({ window, animate });
      this.window = window;
    }
  };
  let tick: (() => void) | undefined;
  let interval = 0;
  const clock: CursorClock = {
    every(ms, fn) {
      interval = ms;
      tick = fn;
      return () => (tick = undefined);
    },
    reducedMotion: () => options.reduced ?? false
  };
  const cursor = new TimeCursorState(host, clock);
  return { cursor, host, shown, tick: () => tick?.(), ticking: () => tick !== undefined, interval: () => interval };
}

const inView = (w: TimeRange | undefined, day: number | undefined) => w !== undefined && day !== undefined && day + DAY / 2 >= w.start && day + DAY / 2 < w.end;

describe('the time cursor', () => {
  it('is unset until the user sets it; the date shown then is the data\'s last day', () => {
    const { cursor } = setup();
    expect(cursor.day).toBeUndefined();
    expect(iso(cursor.date)).toBe('2017-11-03');
  });

  it('set: the day holding the time, kept within the data, brought into view', () => {
    const { cursor, host } = setup();
    cursor.set(d('2017-07-15') + 5 * 3_600_000);
    expect(iso(cursor.day)).toBe('2017-07-15');
    expect(inView(host.window, cursor.day)).toBe(true);
    cursor.set(d('2020-01-01'));
    expect(iso(cursor.day)).toBe('2017-11-03');
    cursor.set(d('1990-01-01'));
    expect(iso(cursor.day)).toBe('2014-01-01');
  });

  it('steps by day, week and month, forward and back; months keep the 31st', () => {
    const { cursor } = setup();
    cursor.set(d('2017-01-31'));
    cursor.setUnit('month');
    cursor.step(1);
    expect(iso(cursor.day)).toBe('2017-02-28');
    cursor.step(1);
    expect(iso(cursor.day)).toBe('2017-03-31');
    cursor.step(-1);
    cursor.step(-1);
    expect(iso(cursor.day)).toBe('2017-01-31');
    cursor.setUnit('week');
    cursor.step(1);
    expect(iso(cursor.day)).toBe('2017-02-07');
    cursor.setUnit('day');
    cursor.step(-1);
    expect(iso(cursor.day)).toBe('2017-02-06');
    // Never past the data's ends.
    cursor.set(d('2017-11-02'));
    cursor.setUnit('month');
    cursor.step(1);
    expect(iso(cursor.day)).toBe('2017-11-03');
  });

  it('a step with no cursor set starts from the date shown (the data\'s last day)', () => {
    const { cursor } = setup();
    cursor.setUnit('day');
    cursor.step(-1);
    expect(iso(cursor.day)).toBe('2017-11-02');
  });

  it('plays a step at a steady pace, the window gliding with it, and stops at the data\'s last day', () => {
    const { cursor, host, shown, tick, ticking, interval } = setup({ window: { start: d('2017-09-01'), end: d('2017-10-01') } });
    cursor.setUnit('day');
    cursor.play();
    // Unset: it starts from the window's first day.
    expect(iso(cursor.day)).toBe('2017-09-01');
    expect(cursor.playing).toBe(true);
    expect(interval()).toBe(PLAY_STEP_MS);
    const span = host.window!.end - host.window!.start;
    for (let k = 0; k < 40; k++) {
      tick();
      expect(inView(host.window, cursor.day)).toBe(true);
    }
    expect(iso(cursor.day)).toBe('2017-10-11');
    // The window moved along, a little at a time, gliding, and kept its width.
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.every((s) => s.animate && s.window.end - s.window.start === span)).toBe(true);
    cursor.setUnit('week');
    for (let k = 0; k < 10 && cursor.playing; k++) tick();
    expect(iso(cursor.day)).toBe('2017-11-03');
    expect(cursor.playing).toBe(false);
    expect(ticking()).toBe(false);
    // Play again from the end: from the window's first day.
    cursor.play();
    expect(cursor.day).toBeLessThan(d('2017-11-03'));
    cursor.toggle();
    expect(cursor.playing).toBe(false);
    // A day out of view: the window goes there at once (a glide would leave the line out of view meanwhile).
    cursor.set(d('2015-06-01'));
    expect(shown.at(-1)!.animate).toBe(false);
    expect(inView(host.window, cursor.day)).toBe(true);
  });

  it('with reduced motion the window jumps a whole window, unanimated, only when the cursor leaves it', () => {
    const { cursor, host, shown, tick } = setup({ reduced: true, window: { start: d('2017-09-01'), end: d('2017-10-01') } });
    cursor.setUnit('day');
    cursor.play();
    for (let k = 0; k < 29; k++) tick();
    expect(iso(cursor.day)).toBe('2017-09-30');
    expect(shown).toEqual([]);
    tick();
    expect(iso(cursor.day)).toBe('2017-10-01');
    expect(shown.length).toBe(1);
    expect(shown[0]!.animate).toBe(false);
    expect(inView(host.window, cursor.day)).toBe(true);
    for (let k = 0; k < 20; k++) tick();
    expect(shown.length).toBe(1);
  });

  it('plays months from the 31st on the 31st where the month has one', () => {
    const { cursor, tick } = setup();
    cursor.set(d('2017-01-31'));
    cursor.setUnit('month');
    cursor.play();
    const days: (string | undefined)[] = [];
    for (let k = 0; k < 3; k++) {
      tick();
      days.push(iso(cursor.day));
    }
    expect(days).toEqual(['2017-02-28', '2017-03-31', '2017-04-30']);
  });

  it('quick steps follow on from the window asked for, before the timeline has reported it', () => {
    const { cursor, host, shown } = setup({ window: { start: d('2017-10-25'), end: d('2017-11-02') } });
    // A timeline that reports its window only later (a frame later, or after gliding there).
    host.showWindow = (window, animate) => void shown.push({ window, animate });
    cursor.set(d('2017-11-03'));
    cursor.setUnit('week');
    for (let k = 0; k < 9; k++) cursor.step(-1);
    expect(iso(cursor.day)).toBe('2017-09-01');
    // Each step moved on from the last window asked for: the last one holds the cursor.
    expect(inView(shown.at(-1)!.window, cursor.day)).toBe(true);
    expect(shown.length).toBe(10);
    for (let k = 1; k < shown.length; k++) expect(shown[k]!.window.start).toBeLessThan(shown[k - 1]!.window.start);
  });

  it('does nothing without data, and a reset clears the cursor and stops playing', () => {
    const empty = setup({ range: { start: 0, end: 0 } });
    empty.cursor.play();
    empty.cursor.step(1);
    expect(empty.cursor.playing).toBe(false);
    expect(empty.cursor.day).toBeUndefined();
    const { cursor, ticking } = setup();
    cursor.set(d('2017-06-01'));
    cursor.play();
    cursor.reset();
    expect(cursor.day).toBeUndefined();
    expect(cursor.playing).toBe(false);
    expect(ticking()).toBe(false);
  });
});
