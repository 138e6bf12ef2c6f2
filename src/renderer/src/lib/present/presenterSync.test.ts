// The presenter view's protocol: messages checked, commands applied through the presentation's
// state machine, clicker keys on the presenter page turned into commands, the clock.
import { describe, expect, it } from 'vitest';
import { INITIAL, type PresentState } from './presentation';
import { applyCommand, audienceState, elapsedLabel, parseMessage, presenterKey, type AudienceState } from './presenterSync';

const STEPS = [4, 7, 9, 12];
const CTX = { steps: STEPS };
const at = (step: number, more: Partial<PresentState> = {}): PresentState => ({ ...INITIAL, active: true, step, ...more });

describe('parseMessage', () => {
  const state: AudienceState = { type: 'state', dataset: 'a.frontline|23', story: 'all', active: true, step: 2, count: 8, event: 'x', next: undefined, screen: 'black', startedAt: 1000 };

  it('accepts hello, commands and states', () => {
    expect(parseMessage({ type: 'hello' })).toEqual({ type: 'hello' });
    expect(parseMessage({ type: 'command', command: 'next' })).toEqual({ type: 'command', command: 'next' });
    expect(parseMessage({ type: 'command', command: 'goto', step: 3 })).toEqual({ type: 'command', command: 'goto', step: 3 });
    expect(parseMessage(state)).toEqual(state);
  });

  it.each([
    null,
    'next',
    { type: 'command', command: 'explode' },
    { type: 'command', command: 'goto', step: -1 },
    { type: 'command', command: 'goto', step: 1.5 },
    { ...state, screen: 'grey' },
    { ...state, step: '2' },
    { ...state, dataset: 'x'.repeat(2000) },
    { ...state, startedAt: Number.NaN },
    { type: 'other' }
  ])('ignores %j', (value) => {
    expect(parseMessage(value)).toBeUndefined();
  });
});

describe('audienceState', () => {
  const info = { dataset: 'd|23', story: 'fall', steps: STEPS, idOf: (i: number) => `e${i}`, startedAt: 5 };
  it('names the current and next events', () => {
    expect(audienceState(at(1), info)).toEqual({ type: 'state', dataset: 'd|23', story: 'fall', active: true, step: 1, count: 4, event: 'e7', next: 'e9', screen: 'show', startedAt: 5 });
    expect(audienceState(at(3), info).next).toBeUndefined();
  });
  it('names nothing when not presenting; every event is "all"', () => {
    const s = audienceState(INITIAL, { ...info, story: undefined });
    expect(s).toMatchObject({ active: false, story: 'all', event: undefined, next: undefined, startedAt: undefined });
  });
});

describe('applyCommand', () => {
  it('moves through the steps as the clicker does', () => {
    expect(applyCommand(at(0), { type: 'command', command: 'next' }, CTX).step).toBe(1);
    expect(applyCommand(at(2), { type: 'command', command: 'previous' }, CTX).step).toBe(1);
    expect(applyCommand(at(2), { type: 'command', command: 'home' }, CTX).step).toBe(0);
    expect(applyCommand(at(0), { type: 'command', command: 'end' }, CTX).step).toBe(3);
  });
  it('goes to a step, clamped, and shows the screen again', () => {
    expect(applyCommand(at(0, { screen: 'black' }), { type: 'command', command: 'goto', step: 2 }, CTX)).toMatchObject({ step: 2, screen: 'show' });
    expect(applyCommand(at(0), { type: 'command', command: 'goto', step: 99 }, CTX).step).toBe(3);
  });
  it('blanks and leaves', () => {
    expect(applyCommand(at(1), { type: 'command', command: 'black' }, CTX).screen).toBe('black');
    expect(applyCommand(at(1, { screen: 'black' }), { type: 'command', command: 'black' }, CTX).screen).toBe('show');
    expect(applyCommand(at(1), { type: 'command', command: 'white' }, CTX).screen).toBe('white');
    expect(applyCommand(at(1), { type: 'command', command: 'leave' }, CTX)).toMatchObject({ active: false, resumeEvent: 7 });
  });
  it('does nothing when not presenting', () => {
    expect(applyCommand(INITIAL, { type: 'command', command: 'next' }, CTX)).toBe(INITIAL);
    expect(applyCommand(INITIAL, { type: 'command', command: 'goto', step: 2 }, CTX)).toBe(INITIAL);
  });
});

describe('presenterKey', () => {
  it('turns clicker keys into commands', () => {
    expect(presenterKey('', { kind: 'next' })).toEqual({ digits: '', command: { type: 'command', command: 'next' } });
    expect(presenterKey('', { kind: 'first' }).command).toEqual({ type: 'command', command: 'home' });
    expect(presenterKey('', { kind: 'last' }).command).toEqual({ type: 'command', command: 'end' });
    expect(presenterKey('', { kind: 'black' }).command).toEqual({ type: 'command', command: 'black' });
    expect(presenterKey('', { kind: 'leave' }).command).toEqual({ type: 'command', command: 'leave' });
    expect(presenterKey('', { kind: 'start', from: 'beginning' })).toEqual({ digits: '' });
  });
  it('collects digits until Enter, numbered from 1', () => {
    let r = presenterKey('', { kind: 'digit', digit: 1 });
    r = presenterKey(r.digits, { kind: 'digit', digit: 2 });
    expect(r).toEqual({ digits: '12' });
    expect(presenterKey(r.digits, { kind: 'enter' })).toEqual({ digits: '', command: { type: 'command', command: 'goto', step: 11 } });
    expect(presenterKey('', { kind: 'enter' }).command).toEqual({ type: 'command', command: 'next' });
    expect(presenterKey('0', { kind: 'enter' }).command).toEqual({ type: 'command', command: 'goto', step: 0 });
  });
  it('Backspace rubs out a digit, or goes back', () => {
    expect(presenterKey('12', { kind: 'backspace' })).toEqual({ digits: '1' });
    expect(presenterKey('', { kind: 'backspace' }).command).toEqual({ type: 'command', command: 'previous' });
  });
});

describe('elapsedLabel', () => {
  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [65_400, '1:05'],
    [3_723_000, '1:02:03']
  ])('%d ms is %s', (ms, label) => {
    expect(elapsedLabel(ms)).toBe(label);
  });
});
