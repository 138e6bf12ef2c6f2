// Whether a window whose renderer died is reloaded: yes (main still holds the dataset), but at most
// a few times a minute, so a page that crashes as it loads does not reload forever.

export interface CrashReloadLimits {
  /** Reloads allowed within `withinMs`; the next crash in that time gives up. */
  readonly maxReloads: number;
  readonly withinMs: number;
}

export const CRASH_RELOAD_LIMITS: CrashReloadLimits = { maxReloads: 3, withinMs: 60_000 };

export type CrashDecision =
  /** The renderer exited normally (the window is closing): nothing to do. */
  | { readonly action: 'none' }
  /** Reload; `attempt` counts the reloads within the time window, this one included. */
  | { readonly action: 'reload'; readonly attempt: number }
  /** Too many crashes within the window: stop reloading and ask the user. */
  | { readonly action: 'give-up'; readonly crashes: number };

/** One per window. Times are milliseconds on a monotonic clock (performance.now()), so a change of the wall clock cannot reset or stretch the window. */
export class CrashReloadGate {
  private reloads: number[] = [];

  constructor(private readonly limits: CrashReloadLimits = CRASH_RELOAD_LIMITS) {}

  /** Decide what to do about a 'render-process-gone' with Electron's `reason`, at time `now`. */
  decide(reason: string, now: number): CrashDecision {
    if (reason === 'clean-exit') return { action: 'none' };
    this.reloads = this.reloads.filter((at) => now - at < this.limits.withinMs);
    if (this.reloads.length >= this.limits.maxReloads) return { action: 'give-up', crashes: this.reloads.length + 1 };
    this.reloads.push(now);
    return { action: 'reload', attempt: this.reloads.length };
  }

  /** The user asked to try again after a give-up: start counting afresh. */
  reset(): void {
    this.reloads = [];
  }
}

export type CrashedWindow = 'main' | 'presenter';

const WINDOW_NAMES: Record<CrashedWindow, string> = { main: 'main window', presenter: 'presenter view' };

export function crashLogLine(window: CrashedWindow, details: { reason: string; exitCode: number }, decision: CrashDecision): string {
  const what = `${WINDOW_NAMES[window]} renderer gone (${details.reason}, exit code ${details.exitCode})`;
  switch (decision.action) {
    case 'none':
      return `${what}; not reloaded`;
    case 'reload':
      return `${what}; reloading with the dataset main still holds (reload ${decision.attempt} of at most ${CRASH_RELOAD_LIMITS.maxReloads} a minute)`;
    case 'give-up':
      return `${what}; ${decision.crashes} crashes within a minute, so it is no longer reloaded automatically`;
  }
}

/** The native message box shown on give-up (Electron's MessageBoxOptions), and which button means "reload". */
export function crashLoopDialog(window: CrashedWindow, reason: string, decision: { crashes: number }): {
  type: 'error';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
  reloadButton: number;
} {
  const name = WINDOW_NAMES[window];
  return {
    type: 'error',
    title: 'Frontline',
    message: `The ${name} keeps crashing`,
    detail:
      `Its page stopped (${reason}) ${decision.crashes} times within a minute, so Frontline stopped reloading it. ` +
      'The open dataset is still held and nothing has been lost. Reload to try again, or close the window.',
    buttons: ['Reload', 'Close Window'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
    reloadButton: 0
  };
}
