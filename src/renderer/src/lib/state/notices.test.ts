// Notices: news goes by itself after a few seconds (never while being read); errors stay until dismissed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noticeDuration, Notices } from './notices.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Notices', () => {
  it('dismisses news by itself, after a time that grows with its length', () => {
    const n = new Notices();
    n.show('Opened deir-al-zour.frontline (Frontline dataset): 23 events.');
    expect(n.current?.kind).toBe('info');
    vi.advanceTimersByTime(noticeDuration(n.current!.text) - 10);
    expect(n.current).toBeDefined();
    vi.advanceTimersByTime(20);
    expect(n.current).toBeUndefined();
    expect(noticeDuration('x')).toBeGreaterThanOrEqual(8000);
    expect(noticeDuration('x'.repeat(10_000))).toBeLessThanOrEqual(15_000);
  });

  it('keeps an error until it is dismissed', () => {
    const n = new Notices();
    n.error('Could not save: disk full');
    vi.advanceTimersByTime(60_000);
    expect(n.current).toEqual({ text: 'Could not save: disk full', kind: 'error' });
    n.dismiss();
    expect(n.current).toBeUndefined();
  });

  it('stays while held (pointer or focus on it), and goes a little after', () => {
    const n = new Notices();
    n.show('Saved 23 events to /tmp/a.csv.');
    n.hold(true);
    vi.advanceTimersByTime(30_000);
    expect(n.current).toBeDefined();
    n.hold(false);
    vi.advanceTimersByTime(1_500);
    expect(n.current).toBeDefined();
    vi.advanceTimersByTime(1_000);
    expect(n.current).toBeUndefined();
  });

  it('a newer notice replaces the older, with its own time', () => {
    const n = new Notices();
    n.show('first');
    vi.advanceTimersByTime(7_000);
    n.show('second');
    vi.advanceTimersByTime(2_000);
    expect(n.current?.text).toBe('second');
  });
});
