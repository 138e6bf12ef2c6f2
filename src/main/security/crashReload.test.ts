// CrashReloadGate: a crash loop stops after the allowed reloads, a crash after a quiet period
// reloads again, a clean exit never reloads; and what is logged and asked on give-up.
import { describe, expect, it } from 'vitest';
import { CRASH_RELOAD_LIMITS, CrashReloadGate, crashLogLine, crashLoopDialog, type CrashDecision } from './crashReload';

const SECOND = 1000;

describe('CrashReloadGate', () => {
  it('by default allows 3 reloads a minute', () => {
    expect(CRASH_RELOAD_LIMITS).toEqual({ maxReloads: 3, withinMs: 60 * SECOND });
  });

  it('a page that crashes as it loads is reloaded 3 times, then never again however often it crashes', () => {
    const gate = new CrashReloadGate();
    const decisions: CrashDecision[] = [];
    // A crash every 2 s for ten minutes: a reload loop.
    for (let t = 0; t < 600 * SECOND; t += 2 * SECOND) {
      const decision = gate.decide('crashed', t);
      decisions.push(decision);
      if (decision.action === 'give-up') break;
    }
    expect(decisions).toEqual([
      { action: 'reload', attempt: 1 },
      { action: 'reload', attempt: 2 },
      { action: 'reload', attempt: 3 },
      { action: 'give-up', crashes: 4 }
    ]);
    // No reload happened after the give-up, so the page does not crash again by itself; if it
    // does (another reason), it still is not reloaded within the minute.
    expect(gate.decide('oom', 7 * SECOND)).toEqual({ action: 'give-up', crashes: 4 });
  });

  it('counts the reloads of the last minute only: a crash after a quiet period reloads again', () => {
    const gate = new CrashReloadGate();
    expect(gate.decide('crashed', 0)).toEqual({ action: 'reload', attempt: 1 });
    expect(gate.decide('crashed', 1 * SECOND)).toEqual({ action: 'reload', attempt: 2 });
    expect(gate.decide('crashed', 2 * SECOND)).toEqual({ action: 'reload', attempt: 3 });
    expect(gate.decide('crashed', 59 * SECOND)).toEqual({ action: 'give-up', crashes: 4 });
    // One minute after the first reload, that one no longer counts.
    expect(gate.decide('crashed', 60 * SECOND)).toEqual({ action: 'reload', attempt: 3 });
    // Hours later, the count starts again.
    expect(gate.decide('killed', 5 * 3600 * SECOND)).toEqual({ action: 'reload', attempt: 1 });
  });

  it.each(['abnormal-exit', 'killed', 'crashed', 'oom', 'launch-failed', 'integrity-failure', 'memory-eviction'])('reloads after %s', (reason) => {
    expect(new CrashReloadGate().decide(reason, 0)).toEqual({ action: 'reload', attempt: 1 });
  });

  it('never reloads after a clean exit, and a clean exit does not count against the limit', () => {
    const gate = new CrashReloadGate();
    for (let i = 0; i < 10; i++) expect(gate.decide('clean-exit', i)).toEqual({ action: 'none' });
    expect(gate.decide('crashed', 20)).toEqual({ action: 'reload', attempt: 1 });
  });

  it('reset (the user asked to reload) starts the count afresh', () => {
    const gate = new CrashReloadGate();
    for (let i = 0; i < 3; i++) gate.decide('crashed', i);
    expect(gate.decide('crashed', 3).action).toBe('give-up');
    gate.reset();
    expect(gate.decide('crashed', 4)).toEqual({ action: 'reload', attempt: 1 });
  });

  it('keeps one count per gate (each window has its own)', () => {
    const main = new CrashReloadGate();
    const presenter = new CrashReloadGate();
    for (let i = 0; i < 3; i++) main.decide('crashed', i);
    expect(main.decide('crashed', 3).action).toBe('give-up');
    expect(presenter.decide('crashed', 3)).toEqual({ action: 'reload', attempt: 1 });
  });

  it('takes other limits', () => {
    const gate = new CrashReloadGate({ maxReloads: 1, withinMs: 10 });
    expect(gate.decide('crashed', 0).action).toBe('reload');
    expect(gate.decide('crashed', 9).action).toBe('give-up');
    expect(gate.decide('crashed', 10).action).toBe('reload');
  });
});

describe('crashLogLine', () => {
  const details = { reason: 'crashed', exitCode: 139 };

  it('says which window, why, and what is done', () => {
    expect(crashLogLine('main', details, { action: 'reload', attempt: 2 })).toBe(
      'main window renderer gone (crashed, exit code 139); reloading with the dataset main still holds (reload 2 of at most 3 a minute)'
    );
    expect(crashLogLine('presenter', details, { action: 'give-up', crashes: 4 })).toBe(
      'presenter view renderer gone (crashed, exit code 139); 4 crashes within a minute, so it is no longer reloaded automatically'
    );
    expect(crashLogLine('main', { reason: 'clean-exit', exitCode: 0 }, { action: 'none' })).toBe('main window renderer gone (clean-exit, exit code 0); not reloaded');
  });
});

describe('crashLoopDialog', () => {
  it('names the window, the reason and the count, and offers Reload (default) or Close Window (cancel)', () => {
    const box = crashLoopDialog('presenter', 'oom', { crashes: 4 });
    expect(box.message).toBe('The presenter view keeps crashing');
    expect(box.detail).toContain('stopped (oom) 4 times within a minute');
    expect(box.detail).toContain('nothing has been lost');
    expect(box.buttons).toEqual(['Reload', 'Close Window']);
    expect(box.buttons[box.reloadButton]).toBe('Reload');
    expect(box.buttons[box.defaultId]).toBe('Reload');
    expect(box.buttons[box.cancelId]).toBe('Close Window');
    expect(crashLoopDialog('main', 'crashed', { crashes: 4 }).message).toBe('The main window keeps crashing');
  });
});
