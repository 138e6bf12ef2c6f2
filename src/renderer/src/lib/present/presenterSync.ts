// The presenter view and the audience window talk over a BroadcastChannel (same origin, renderer
// only): the audience window (the app while presenting) broadcasts its presentation's state on
// every change and answers a presenter page's 'hello'; the presenter page sends commands the
// audience window applies through its presentation state machine. Pure: message checks, the
// mapping of commands and keys, and the clock.
import type { PresentAction } from './keys';
import { reduce, type Context, type PresentState, type Screen } from './presentation';

export const PRESENTER_CHANNEL = 'frontline-presentation';
/** The location hash that makes the page a presenter view. */
export const PRESENTER_HASH = '#presenter';

/** What the audience window is showing. */
export interface AudienceState {
  readonly type: 'state';
  /** Which dataset (file name and event count): the presenter view shows nothing of another one. */
  readonly dataset: string;
  /** The story presented, or 'all' for every event the filters show. */
  readonly story: string;
  readonly active: boolean;
  /** Position in the steps (0-based). */
  readonly step: number;
  readonly count: number;
  /** Ids of the current and the next step's events (undefined past the ends). */
  readonly event: string | undefined;
  readonly next: string | undefined;
  readonly screen: Screen;
  /** When the presentation started (ms since the epoch), undefined when not presenting. */
  readonly startedAt: number | undefined;
}

export type PresenterCommand =
  | { readonly type: 'command'; readonly command: 'next' | 'previous' | 'home' | 'end' | 'black' | 'white' | 'leave' }
  | { readonly type: 'command'; readonly command: 'goto'; readonly step: number };

export type PresenterMessage = AudienceState | PresenterCommand | { readonly type: 'hello' };

const SIMPLE_COMMANDS = ['next', 'previous', 'home', 'end', 'black', 'white', 'leave'] as const;
const MAX_TEXT = 1000;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A message as the channel delivers it, checked (anything else on the channel is ignored). */
export function parseMessage(value: unknown): PresenterMessage | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const m = value as Record<string, unknown>;
  if (m['type'] === 'hello') return { type: 'hello' };
  if (m['type'] === 'command') {
    if (m['command'] === 'goto') return isCount(m['step']) ? { type: 'command', command: 'goto', step: m['step'] } : undefined;
    const command = SIMPLE_COMMANDS.find((c) => c === m['command']);
    return command ? { type: 'command', command } : undefined;
  }
  if (m['type'] === 'state') {
    const { dataset, story, active, step, count, event, next, screen, startedAt } = m;
    if (!isText(dataset) || !isText(story) || typeof active !== 'boolean' || !isCount(step) || !isCount(count)) return undefined;
    if ((event !== undefined && !isText(event)) || (next !== undefined && !isText(next))) return undefined;
    if (screen !== 'show' && screen !== 'black' && screen !== 'white') return undefined;
    if (startedAt !== undefined && (typeof startedAt !== 'number' || !Number.isFinite(startedAt))) return undefined;
    return { type: 'state', dataset, story, active, step, count, event, next, screen, startedAt };
  }
  return undefined;
}

/** The audience window's state as broadcast. */
export function audienceState(
  present: PresentState,
  info: { dataset: string; story: string | undefined; steps: readonly number[]; idOf: (index: number) => string; startedAt: number | undefined }
): AudienceState {
  const at = (position: number): string | undefined => {
    const index = info.steps[position];
    return index === undefined ? undefined : info.idOf(index);
  };
  return {
    type: 'state',
    dataset: info.dataset,
    story: info.story ?? 'all',
    active: present.active,
    step: present.step,
    count: info.steps.length,
    event: present.active ? at(present.step) : undefined,
    next: present.active ? at(present.step + 1) : undefined,
    screen: present.screen,
    startedAt: present.active ? info.startedAt : undefined
  };
}

/** A presenter's command applied to the audience window's presentation (nothing when not presenting). */
export function applyCommand(state: PresentState, command: PresenterCommand, ctx: Context): PresentState {
  if (!state.active) return state;
  if (command.command === 'goto') {
    if (ctx.steps.length === 0) return state;
    return { ...state, step: Math.max(0, Math.min(ctx.steps.length - 1, command.step)), screen: 'show', digits: '' };
  }
  const action: PresentAction =
    command.command === 'home' ? { kind: 'first' } : command.command === 'end' ? { kind: 'last' } : { kind: command.command };
  return reduce(state, action, ctx);
}

/**
 * A clicker key on the presenter page: the digits typed so far there, and the command to send.
 * Digits then Enter go to that step (numbered from 1); Backspace rubs a digit out or goes back.
 */
export function presenterKey(digits: string, action: PresentAction): { digits: string; command?: PresenterCommand } {
  const send = (command: (typeof SIMPLE_COMMANDS)[number]): { digits: string; command: PresenterCommand } => ({ digits: '', command: { type: 'command', command } });
  switch (action.kind) {
    case 'next':
    case 'previous':
    case 'black':
    case 'white':
    case 'leave':
      return send(action.kind);
    case 'first':
      return send('home');
    case 'last':
      return send('end');
    case 'digit':
      return { digits: digits.length >= 9 ? digits : digits + String(action.digit) };
    case 'backspace':
      return digits !== '' ? { digits: digits.slice(0, -1) } : send('previous');
    case 'enter':
      return digits === '' ? send('next') : { digits: '', command: { type: 'command', command: 'goto', step: Math.max(0, Number(digits) - 1) } };
    case 'start':
      return { digits };
  }
}

/** "4:05", or "1:02:03" past the hour. */
export function elapsedLabel(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Which dataset a window holds, as the two windows compare it: file name and event count. */
export function datasetIdentity(payload: { readonly file: { readonly displayName: string }; readonly columns: { readonly count: number } }): string {
  return `${payload.file.displayName}|${payload.columns.count}`;
}
