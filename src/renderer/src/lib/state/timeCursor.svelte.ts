// The time cursor: one date the views that follow time show things as of (the map's control at a
// date, its control layer), set, stepped by a day, week or month, or played forward at a steady
// pace, the visible window moving with it so it stays in view (by whole windows, without motion,
// when the user prefers reduced motion). It stops at the data's last day. Reached as
// `viewer.timeCursor`; the timeline draws it as a vertical line once it is set.
//
// For a view (the map): read `date` (the day to show, UTC ms of its start: the cursor, or the
// data's last day before the user has set it), `day` (undefined until set), `playing`, `unit`;
// call `set(t)`, `step(±1)`, `setUnit(u)`, `play()`, `pause()`, `toggle()`.
import { clampDay, dataDays, dayOf, dayOfMonth, stepDay, windowFollowing, type CursorUnit } from '../cursor/cursorStep';
import { DAY_MS } from '../../../../shared/time/calendar';
import type { TimeRange } from '../view/windowMath';

/** Time between two steps while playing (a steady pace, whatever the step's size). */
export const PLAY_STEP_MS = 600;

/** What the cursor needs of the viewer. */
export interface CursorHost {
  /** The dataset's range of dates (undefined: no dataset, or one without events). */
  readonly range: TimeRange | undefined;
  /** The visible window, as the timeline last drew it. */
  readonly window: TimeRange | undefined;
  /** Show this window, gliding there or at once. */
  showWindow(window: TimeRange, animate: boolean): void;
}

/** The cursor's clock and the user's motion preference (stood in for by tests). */
export interface CursorClock {
  /** Call `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  reducedMotion(): boolean;
}

export const BROWSER_CLOCK: CursorClock = {
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
  reducedMotion: () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
};

export class TimeCursorState {
  /** The cursor's day (UTC ms of its start), or undefined until the user sets, steps or plays it. */
  day = $state<number | undefined>(undefined);
  /** What a step moves by. */
  unit = $state<CursorUnit>('week');
  playing = $state(false);

  readonly #host: CursorHost;
  readonly #clock: CursorClock;
  #stopTimer: (() => void) | undefined;
  /** The day of the month month steps keep to: the day stepping by months started from. */
  #anchor: number | undefined;
  /** The last window asked for, and the window the timeline had reported then. */
  #asked: { readonly window: TimeRange; readonly reported: TimeRange | undefined } | undefined;

  /** The data's first and last days. */
  readonly days: { first: number; last: number } | undefined;
  /** The day the views show: the cursor's, or the data's last day before one is set. */
  readonly date: number | undefined;
  /** Whether the cursor is on the data's last day (playing stops there; play starts again from the view). */
  readonly atEnd: boolean;

  constructor(host: CursorHost, clock: CursorClock = BROWSER_CLOCK) {
    this.#host = host;
    this.#clock = clock;
    this.days = $derived(dataDays(host.range));
    this.date = $derived(this.day ?? this.days?.last);
    this.atEnd = $derived(this.days !== undefined && this.day !== undefined && this.day >= this.days.last);
  }

  /** Put the cursor on the day holding `t` (kept within the data's days), bringing it into view. */
  set(t: number): void {
    const days = this.days;
    if (!days || !Number.isFinite(t)) return;
    this.#anchor = undefined;
    this.#moveTo(clampDay(t, days));
  }

  /** One step forward (1) or back (-1) by the chosen unit, from the cursor (or from the data's last day). */
  step(direction: 1 | -1): void {
    const days = this.days;
    const from = this.date;
    if (!days || from === undefined) return;
    if (this.unit === 'month') this.#anchor ??= dayOfMonth(from);
    this.#moveTo(clampDay(stepDay(from, this.unit, direction, this.#anchor), days));
  }

  setUnit(unit: CursorUnit): void {
    this.unit = unit;
    this.#anchor = undefined;
  }

  /**
   * Play forward from the cursor, a step every PLAY_STEP_MS, until the data's last day. A cursor
   * not yet set, or already at the end, starts from the visible window's first day.
   */
  play(): void {
    const days = this.days;
    if (!days || this.playing) return;
    if (this.day === undefined || this.day >= days.last) {
      const from = this.#host.window?.start ?? days.first;
      this.#anchor = undefined;
      this.#moveTo(clampDay(Math.max(from, days.first), days));
      if (this.day! >= days.last) return;
    }
    this.playing = true;
    this.#stopTimer = this.#clock.every(PLAY_STEP_MS, () => this.#tick());
  }

  pause(): void {
    this.#stopTimer?.();
    this.#stopTimer = undefined;
    this.playing = false;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** A new dataset: no cursor until the user sets one. */
  reset(): void {
    this.pause();
    this.day = undefined;
    this.#anchor = undefined;
  }

  #tick(): void {
    const days = this.days;
    if (!days || this.day === undefined) return this.pause();
    if (this.unit === 'month') this.#anchor ??= dayOfMonth(this.day);
    const next = Math.min(days.last, stepDay(this.day, this.unit, 1, this.#anchor));
    this.#moveTo(next);
    if (next >= days.last) this.pause();
  }

  #moveTo(day: number): void {
    this.day = dayOf(day);
    const reported = this.#host.window;
    // A window asked for but not drawn yet (the timeline reports a new window a frame later, or as
    // its glide goes): the next step follows on from it, not from the old one (quick key presses).
    const asked = this.#asked;
    const window = asked && asked.reported === reported ? asked.window : reported;
    if (!window) return;
    const reduced = this.#clock.reducedMotion();
    const to = windowFollowing(window, this.day, reduced ? 'page' : 'glide');
    if (!to) return;
    this.#asked = { window: to, reported };
    // A glide only while the cursor is in view (its line would otherwise run ahead of the window).
    const at = this.day + DAY_MS / 2;
    this.#host.showWindow(to, !reduced && at >= window.start && at < window.end);
  }
}
