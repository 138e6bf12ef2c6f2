// The time cursor's steps: days, weeks and months in UTC (no daylight-saving hour anywhere, in any
// machine time zone), month steps that keep the day they started on (31 January → end of February
// → 31 March), the data's ends, and the window that keeps the cursor in view, gliding or by pages.
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../shared/time/calendar';
import { addMonths, clampDay, cursorLabel, dataDays, dayOf, GLIDE_AHEAD, stepDay, windowFollowing } from './cursorStep';

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('stepping the cursor', () => {
  it('steps days and weeks as whole UTC days, across the dates clocks change in Europe and the US', () => {
    expect(iso(stepDay(d('2017-03-25'), 'day', 1))).toBe('2017-03-26');
    expect(iso(stepDay(d('2017-03-26'), 'day', 1))).toBe('2017-03-27');
    expect(iso(stepDay(d('2017-10-29'), 'day', -1))).toBe('2017-10-28');
    expect(iso(stepDay(d('2017-03-08'), 'week', 1))).toBe('2017-03-15');
    expect(iso(stepDay(d('2017-11-01'), 'week', -1))).toBe('2017-10-25');
    // Always a whole number of days from midnight UTC.
    for (let t = d('2016-01-01'); t < d('2018-01-01'); t = stepDay(t, 'day', 1)) expect(t % DAY_MS).toBe(0);
  });

  it('a time inside a day steps from that day', () => {
    expect(iso(stepDay(d('2017-11-03') + 17 * 3_600_000, 'day', 1))).toBe('2017-11-04');
    expect(dayOf(d('2017-11-03') + DAY_MS - 1)).toBe(d('2017-11-03'));
  });

  it('steps months from 31 January to the end of February and back to the 31st', () => {
    const jan31 = d('2017-01-31');
    const feb = stepDay(jan31, 'month', 1, 31);
    expect(iso(feb)).toBe('2017-02-28');
    const mar = stepDay(feb, 'month', 1, 31);
    expect(iso(mar)).toBe('2017-03-31');
    expect(iso(stepDay(mar, 'month', 1, 31))).toBe('2017-04-30');
    // A leap year has 29 February.
    expect(iso(stepDay(d('2016-01-31'), 'month', 1, 31))).toBe('2016-02-29');
    // Without an anchor a step keeps its own day: 28 February → 28 March.
    expect(iso(stepDay(feb, 'month', 1))).toBe('2017-03-28');
    // Back across a year, and from 31 March to the end of February.
    expect(iso(stepDay(d('2017-01-15'), 'month', -1))).toBe('2016-12-15');
    expect(iso(stepDay(d('2017-03-31'), 'month', -1))).toBe('2017-02-28');
    expect(iso(addMonths(d('2017-10-31'), 12))).toBe('2018-10-31');
    expect(iso(addMonths(d('0099-12-31'), 2))).toBe('0100-02-28');
  });

  it('knows the data\'s first and last days and keeps a day within them', () => {
    const days = dataDays({ start: d('2014-01-01'), end: d('2017-11-04') })!;
    expect(iso(days.first)).toBe('2014-01-01');
    expect(iso(days.last)).toBe('2017-11-03');
    expect(iso(clampDay(d('2018-05-01'), days))).toBe('2017-11-03');
    expect(iso(clampDay(d('2001-05-01'), days))).toBe('2014-01-01');
    expect(dataDays(undefined)).toBeUndefined();
  });

  it('labels a day in words, in UTC', () => {
    expect(cursorLabel(d('2017-11-03'))).toBe('3 November 2017');
  });
});

describe('keeping the cursor in view', () => {
  const win = { start: d('2017-10-01'), end: d('2017-11-01') };
  const span = win.end - win.start;

  it('gliding: nothing moves while the cursor is in the middle of the window', () => {
    expect(windowFollowing(win, d('2017-10-15'), 'glide')).toBeUndefined();
  });

  it('gliding: past three quarters the window moves with the cursor, keeping its width', () => {
    const moved = windowFollowing(win, d('2017-10-28'), 'glide')!;
    expect(moved.end - moved.start).toBe(span);
    expect(moved.start + GLIDE_AHEAD * span).toBe(d('2017-10-28') + DAY_MS / 2);
    // A cursor far outside (a jump) brings the window to it.
    const far = windowFollowing(win, d('2019-01-01'), 'glide')!;
    expect(far.start).toBeLessThan(d('2019-01-01'));
    expect(far.end).toBeGreaterThan(d('2019-01-01'));
    // Going back, the window follows the other way.
    const back = windowFollowing(win, d('2017-10-02'), 'glide')!;
    expect(back.start).toBeLessThan(win.start);
  });

  it('by pages (reduced motion): still until the cursor leaves, then a whole window at once', () => {
    expect(windowFollowing(win, d('2017-10-30'), 'page')).toBeUndefined();
    const next = windowFollowing(win, d('2017-11-01'), 'page')!;
    expect(next.end - next.start).toBe(span);
    expect(next.start).toBeLessThan(d('2017-11-01'));
    expect(next.start).toBeGreaterThan(d('2017-10-25'));
    const before = windowFollowing(win, d('2017-09-30'), 'page')!;
    expect(before.end).toBeGreaterThan(d('2017-09-30') + DAY_MS / 2);
    expect(before.end).toBeLessThan(d('2017-10-05'));
  });
});
