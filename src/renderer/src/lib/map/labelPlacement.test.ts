// The map's labels never overlap one another, a mark, or the map's notes; the busiest places are
// named first, then cities in the room left; a label goes right of its mark, else left, above,
// below, touching the mark's reach; nothing is placed off the map.
import { describe, expect, it } from 'vitest';
import { around, overlaps, placeLabels, sides, type Box, type LabelCandidate } from './labelPlacement';

const cand = (key: string, x: number, y: number, more: Partial<LabelCandidate> = {}): LabelCandidate => ({ key, text: key, kind: 'place', x, y, reach: 8, width: 60, height: 16, priority: 1, ...more });

/** A seeded pseudo-random sequence, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('label placement', () => {
  it('puts a label right of its mark, touching its reach plus the gap', () => {
    const [p] = placeLabels([cand('Raqqa', 100, 100)], { width: 400, height: 300, obstacles: [] });
    expect(p).toMatchObject({ side: 'right', box: { x0: 112, y0: 92, x1: 172, y1: 108 } });
  });

  it('moves to the left, above or below when the right is taken or off the map', () => {
    expect(placeLabels([cand('edge', 380, 100)], { width: 400, height: 300, obstacles: [] })[0]!.side).toBe('left');
    const blockedSides = [around(150, 100, 20), around(50, 100, 20)];
    expect(placeLabels([cand('mid', 100, 100)], { width: 400, height: 300, obstacles: blockedSides })[0]!.side).toBe('above');
  });

  it('leaves a label out rather than overlap, busiest first, places before cities at equal priority', () => {
    const placed = placeLabels(
      [cand('small', 100, 100, { priority: 1 }), cand('big', 104, 100, { priority: 50 }), cand('city', 100, 100, { kind: 'city', priority: 50, reach: 3 })],
      { width: 400, height: 300, obstacles: [around(100, 100, 8)] }
    );
    expect(placed[0]!.key).toBe('big');
    expect(placed.map((p) => p.key)).not.toContain('city');
  });

  it('never overlaps another label, an obstacle or the edge, on crowded random maps', () => {
    const next = rng(7);
    for (let round = 0; round < 40; round++) {
      const width = 300 + next() * 900;
      const height = 200 + next() * 600;
      const obstacles: Box[] = Array.from({ length: 30 }, () => around(next() * width, next() * height, 4 + next() * 20));
      const candidates = Array.from({ length: 150 }, (_, i) =>
        cand(`l${i}`, next() * width * 1.1 - width * 0.05, next() * height, { width: 20 + next() * 160, height: 14 + next() * 6, priority: next() * 100, kind: i % 3 ? 'place' : 'city' })
      );
      const placed = placeLabels(candidates, { width, height, obstacles, max: 60 });
      expect(placed.length).toBeGreaterThan(0);
      expect(placed.length).toBeLessThanOrEqual(60);
      for (const [i, a] of placed.entries()) {
        expect(a.box.x0).toBeGreaterThanOrEqual(2);
        expect(a.box.y0).toBeGreaterThanOrEqual(2);
        expect(a.box.x1).toBeLessThanOrEqual(width - 2);
        expect(a.box.y1).toBeLessThanOrEqual(height - 2);
        for (const o of obstacles) expect(overlaps(a.box, o)).toBe(false);
        for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box)).toBe(false);
        // Each label touches its mark's side: its near edge is the reach plus the gap away.
        const c = candidates.find((x) => x.key === a.key)!;
        const expected = sides(c, 4).find((s) => s.side === a.side)!.box;
        expect(a.box).toEqual(expected);
      }
    }
  });
});
