// @vitest-environment happy-dom
// The timeline redraws when its size changes, and when the screen's pixel ratio does (a window
// moved to another screen fires no resize): once a frame, saying which it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchSize } from './sizeWatch';

type Listener = () => void;

afterEach(() => vi.unstubAllGlobals());

describe('watchSize', () => {
  it('calls back on a new pixel ratio, then watches the ratio after it', async () => {
    const queries: { query: string; listeners: Listener[] }[] = [];
    vi.stubGlobal('matchMedia', (query: string) => {
      const q = { query, listeners: [] as Listener[] };
      queries.push(q);
      return { addEventListener: (_: string, l: Listener) => q.listeners.push(l), removeEventListener: (_: string, l: Listener) => (q.listeners = q.listeners.filter((x) => x !== l)) };
    });
    let observed: ResizeObserverCallback | undefined;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: ResizeObserverCallback) {
          observed = cb;
        }
        observe(): void {}
        disconnect(): void {}
      }
    );
    const calls: boolean[] = [];
    const stop = watchSize(document.createElement('div'), (ratio) => calls.push(ratio));
    expect(queries[0]!.query).toBe('(resolution: 1dppx)');
    vi.stubGlobal('devicePixelRatio', 2);
    queries[0]!.listeners.forEach((l) => l());
    await new Promise((r) => requestAnimationFrame(r));
    expect(calls).toEqual([true]);
    // Now watching the new ratio, not the old.
    expect(queries.at(-1)!.query).toBe('(resolution: 2dppx)');
    expect(queries[0]!.listeners).toHaveLength(0);
    observed!([], {} as ResizeObserver);
    observed!([], {} as ResizeObserver);
    await new Promise((r) => requestAnimationFrame(r));
    expect(calls).toEqual([true, false]);
    stop();
    expect(queries.at(-1)!.listeners).toHaveLength(0);
  });
});
