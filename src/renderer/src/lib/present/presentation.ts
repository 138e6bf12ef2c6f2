// The presentation as a state machine: which step is shown, whether the screen is blanked, the
// digits typed towards "number then Enter", and the place kept for when the teacher comes back.
// Pure: `reduce` returns a new state; the component renders it and moves the timeline.
import type { PresentAction } from './keys';
import { stepOfEvent } from './steps';

export type Screen = 'show' | 'black' | 'white';

export interface PresentState {
  readonly active: boolean;
  /** Position in the steps (0-based); meaningful while active. */
  readonly step: number;
  readonly screen: Screen;
  /** Digits typed so far ("12" then Enter goes to step 12). */
  readonly digits: string;
  /**
   * The event (column index) shown when the presentation was left mid-way: coming back resumes
   * there. An event rather than a position, so a changed filter still finds the place.
   */
  readonly resumeEvent: number | undefined;
}

export const INITIAL: PresentState = { active: false, step: 0, screen: 'show', digits: '', resumeEvent: undefined };

/** Most digits kept: no dataset has a billion steps, and a stuck key should not grow a string. */
const MAX_DIGITS = 9;

export interface Context {
  /** Column indices of the events, in presentation order. */
  readonly steps: readonly number[];
  /** The event selected in the viewer (for Shift+F5). */
  readonly selected?: number | undefined;
}

/** Enter the presentation where the teacher left it (the Present button); the beginning if never left mid-way. */
export function resume(state: PresentState, ctx: Context): PresentState {
  const at = stepOfEvent(ctx.steps, state.resumeEvent);
  return { ...state, active: ctx.steps.length > 0, step: at ?? 0, screen: 'show', digits: '' };
}

function clamp(step: number, count: number): number {
  return Math.max(0, Math.min(count - 1, step));
}

export function reduce(state: PresentState, action: PresentAction, ctx: Context): PresentState {
  const count = ctx.steps.length;
  if (action.kind === 'start') {
    if (count === 0) return { ...state, active: false };
    const step = action.from === 'selected' ? (stepOfEvent(ctx.steps, ctx.selected) ?? 0) : 0;
    return { ...state, active: true, step, screen: 'show', digits: '' };
  }
  if (!state.active) return state;
  if (action.kind === 'leave') {
    return { ...state, active: false, screen: 'show', digits: '', resumeEvent: ctx.steps[state.step] };
  }
  if (count === 0) return { ...state, active: false };
  // A blanked screen comes back on the same step at any key that moves (so no step goes unseen);
  // B on black and W on white come back too, W on black turns white and B on white black.
  if (state.screen !== 'show') {
    switch (action.kind) {
      case 'black':
        return { ...state, screen: state.screen === 'black' ? 'show' : 'black', digits: '' };
      case 'white':
        return { ...state, screen: state.screen === 'white' ? 'show' : 'white', digits: '' };
      case 'digit':
        return state;
      default:
        return { ...state, screen: 'show', digits: '' };
    }
  }
  switch (action.kind) {
    case 'next':
      return { ...state, step: clamp(state.step + 1, count), digits: '' };
    case 'previous':
      return { ...state, step: clamp(state.step - 1, count), digits: '' };
    case 'first':
      return { ...state, step: 0, digits: '' };
    case 'last':
      return { ...state, step: count - 1, digits: '' };
    case 'black':
      return { ...state, screen: 'black', digits: '' };
    case 'white':
      return { ...state, screen: 'white', digits: '' };
    case 'digit':
      return state.digits.length >= MAX_DIGITS ? state : { ...state, digits: state.digits + String(action.digit) };
    case 'backspace':
      return state.digits !== '' ? { ...state, digits: state.digits.slice(0, -1) } : { ...state, step: clamp(state.step - 1, count) };
    case 'enter': {
      if (state.digits === '') return { ...state, step: clamp(state.step + 1, count) };
      const wanted = Number(state.digits);
      // Steps are numbered from 1 on screen; 0 or a number past the end goes to the nearest end.
      return { ...state, step: clamp(wanted - 1, count), digits: '' };
    }
  }
}

/** "7 / 22" */
export function progressLabel(state: PresentState, count: number): string {
  return `${Math.min(state.step + 1, count)} / ${count}`;
}
