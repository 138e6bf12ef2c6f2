// Presentation logic: the steps and the window for each, what clicker keys mean, and the state
// machine (moving, blanking, typing a step number, leaving and resuming).
import { describe, expect, it } from 'vitest';
import { presentationAction, startAction, type KeyLike, type PresentAction } from './keys';
import { INITIAL, progressLabel, reduce, resume, type Context, type PresentState } from './presentation';
import { defaultSteps, MIN_STEP_SPAN_MS, stepOfEvent, stepWindow } from './steps';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const DAY = 86_400_000;

describe('steps', () => {
  it('takes every event in start order, or those the filter shows', () => {
    expect(defaultSteps(5, undefined)).toEqual([0, 1, 2, 3, 4]);
    expect(defaultSteps(6, (i) => i % 2 === 1)).toEqual([1, 3, 5]);
    expect(defaultSteps(0, undefined)).toEqual([]);
  });

  it('leaves out what `skip` names (context far outside the story), filtered or not', () => {
    expect(defaultSteps(5, undefined, (i) => i === 0)).toEqual([1, 2, 3, 4]);
    expect(defaultSteps(6, (i) => i % 2 === 1, (i) => i === 1)).toEqual([3, 5]);
  });

  it('finds the step of an event, or the next one when the event is no longer a step', () => {
    const steps = [1, 3, 5];
    expect(stepOfEvent(steps, 3)).toBe(1);
    expect(stepOfEvent(steps, 4)).toBe(2);
    expect(stepOfEvent(steps, 0)).toBe(0);
    expect(stepOfEvent(steps, 9)).toBe(2);
    expect(stepOfEvent(steps, undefined)).toBeUndefined();
    expect(stepOfEvent([], 1)).toBeUndefined();
  });

  it('centres the window on the event and reaches its neighbours', () => {
    const starts = [0, 100 * DAY, 130 * DAY];
    const ends = [DAY, 101 * DAY, 200 * DAY];
    const w = stepWindow([0, 1, 2], 1, starts, ends)!;
    expect((w.start + w.end) / 2).toBeCloseTo(100.5 * DAY);
    expect(w.start).toBeLessThan(starts[0]!);
    expect(w.end).toBeGreaterThan(starts[2]!);
    // A long event is shown whole, whatever the cap.
    const long = stepWindow([2], 0, starts, ends, 10 * DAY)!;
    expect(long.start).toBeLessThanOrEqual(starts[2]!);
    expect(long.end).toBeGreaterThanOrEqual(ends[2]!);
    // Never narrower than the minimum.
    const lone = stepWindow([0], 0, starts, ends)!;
    expect(lone.end - lone.start).toBeGreaterThanOrEqual(MIN_STEP_SPAN_MS);
    expect(stepWindow([0], 3, starts, ends)).toBeUndefined();
  });
});

describe('clicker keys', () => {
  const kind = (k: string, mods?: Partial<KeyLike>) => presentationAction(key(k, mods))?.kind;
  it('moves on with everything clickers send for "next"', () => {
    for (const k of ['ArrowRight', 'ArrowDown', 'PageDown', ' ']) expect(kind(k), k).toBe('next');
    expect(kind('Enter')).toBe('enter');
  });
  it('goes back with everything clickers send for "previous"', () => {
    for (const k of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(kind(k), k).toBe('previous');
    expect(kind('Backspace')).toBe('backspace');
  });
  it('knows Home, End, blanking, starting, leaving and digits', () => {
    expect(kind('Home')).toBe('first');
    expect(kind('End')).toBe('last');
    for (const k of ['b', 'B', '.']) expect(kind(k), k).toBe('black');
    for (const k of ['w', 'W']) expect(kind(k), k).toBe('white');
    expect(presentationAction(key('F5'))).toEqual({ kind: 'start', from: 'beginning' });
    expect(presentationAction(key('F5', { shiftKey: true }))).toEqual({ kind: 'start', from: 'selected' });
    expect(kind('Escape')).toBe('leave');
    expect(presentationAction(key('7'))).toEqual({ kind: 'digit', digit: 7 });
  });
  it('leaves other keys and shortcuts with modifiers alone', () => {
    expect(kind('x')).toBeUndefined();
    expect(kind('ArrowRight', { ctrlKey: true })).toBeUndefined();
    expect(kind('b', { metaKey: true })).toBeUndefined();
    expect(startAction(key('F5'))).toEqual({ kind: 'start', from: 'beginning' });
    expect(startAction(key('F5', { shiftKey: true }))).toEqual({ kind: 'start', from: 'selected' });
    expect(startAction(key('F5', { ctrlKey: true }))).toBeUndefined();
    expect(startAction(key('Enter'))).toBeUndefined();
  });
});

describe('presentation state', () => {
  const ctx: Context = { steps: [2, 4, 6, 8, 10], selected: 6 };
  const run = (actions: (PresentAction | string)[], from: PresentState = INITIAL, c: Context = ctx): PresentState =>
    actions.reduce<PresentState>((s, a) => reduce(s, typeof a === 'string' ? presentationAction(key(a))! : a, c), from);
  const start = { kind: 'start', from: 'beginning' } as const;

  it('starts at the beginning, or at the selected event', () => {
    expect(run([start])).toMatchObject({ active: true, step: 0, screen: 'show' });
    expect(run([{ kind: 'start', from: 'selected' }])).toMatchObject({ active: true, step: 2 });
    expect(run([{ kind: 'start', from: 'selected' }], INITIAL, { steps: ctx.steps })).toMatchObject({ step: 0 });
    expect(run([start], INITIAL, { steps: [] }).active).toBe(false);
  });

  it('moves forward and back, and stops at the ends', () => {
    expect(run([start, 'ArrowRight', 'PageDown', ' ']).step).toBe(3);
    expect(run([start, 'End', 'ArrowRight', 'Enter']).step).toBe(4);
    expect(run([start, 'End', 'ArrowLeft', 'PageUp', 'Backspace']).step).toBe(1);
    expect(run([start, 'End', 'Home', 'ArrowUp']).step).toBe(0);
    expect(progressLabel(run([start, 'ArrowDown']), 5)).toBe('2 / 5');
  });

  it('ignores keys while not presenting', () => {
    expect(run(['ArrowRight', 'b'])).toEqual(INITIAL);
  });

  it('blanks the screen black or white and comes back on the same step', () => {
    const black = run([start, 'ArrowRight', 'b']);
    expect(black).toMatchObject({ screen: 'black', step: 1 });
    expect(run(['b'], black)).toMatchObject({ screen: 'show', step: 1 });
    expect(run(['.'], black)).toMatchObject({ screen: 'show', step: 1 });
    expect(run(['ArrowRight'], black)).toMatchObject({ screen: 'show', step: 1 });
    expect(run(['w'], black)).toMatchObject({ screen: 'white', step: 1 });
    expect(run(['w', 'W'], black)).toMatchObject({ screen: 'show', step: 1 });
    expect(run(['3'], black)).toMatchObject({ screen: 'black', digits: '' });
  });

  it('goes to the step typed when Enter follows a number', () => {
    expect(run([start, '4', 'Enter'])).toMatchObject({ step: 3, digits: '' });
    expect(run([start, '1', '0', 'Enter']).step).toBe(4);
    expect(run([start, '0', 'Enter']).step).toBe(0);
    expect(run([start, '2', '3'])).toMatchObject({ step: 0, digits: '23' });
    expect(run([start, '2', '3', 'Backspace', 'Enter']).step).toBe(1);
    // Moving otherwise forgets the digits.
    expect(run([start, '4', 'ArrowRight'])).toMatchObject({ step: 1, digits: '' });
    expect(run([start, ...'1234567890123'.split('')]).digits).toHaveLength(9);
  });

  it('keeps the place when left, and resumes there', () => {
    const left = run([start, 'ArrowRight', 'ArrowRight', 'Escape']);
    expect(left).toMatchObject({ active: false, resumeEvent: 6 });
    expect(resume(left, ctx)).toMatchObject({ active: true, step: 2 });
    // Steps changed meanwhile (a filter): the place is the next step after the event.
    expect(resume(left, { steps: [2, 8, 10] })).toMatchObject({ active: true, step: 1 });
    // Never left before: the beginning.
    expect(resume(INITIAL, ctx)).toMatchObject({ active: true, step: 0 });
    expect(resume(INITIAL, { steps: [] }).active).toBe(false);
    // F5 starts again from the beginning even with a place kept.
    expect(run([start], left).step).toBe(0);
  });
});
