// Marks never cover one another: discs that would touch on screen are joined (largest first, again
// until none touches), each cluster in exactly one mark, every event counted once; soft areas are
// never joined. On random crowded maps at many zooms.
import { describe, expect, it } from 'vitest';
import { mercatorX, mercatorY, type Aggregate, type Cluster } from '../../../../shared/map/mapAggregate';
import { MARK_GAP_PX, separateMarks } from './discs';
import { discRadius } from './mapFeatures';

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function randomAggregate(next: () => number, n: number): Aggregate {
  const clusters: Cluster[] = Array.from({ length: n }, (_, k) => {
    const lon = 36 + next() * 8;
    const lat = 32 + next() * 6;
    const bbox: [number, number, number, number] = [lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01];
    return { lon, lat, count: 1 + Math.floor(next() ** 3 * 50_000), places: 1 + Math.floor(next() * 4), place: next() < 0.3 ? k : -1, first: 0, bbox };
  }).sort((a, b) => b.count - a.count);
  return { clusters, members: new Uint32Array(0), outside: 0, located: clusters.reduce((s, c) => s + c.count, 0), unlocated: 0 };
}

describe('separateMarks', () => {
  const next = rng(11);
  for (const zoom of [3, 5, 7, 9]) {
    it(`leaves no two marks touching, and loses no event, at zoom ${zoom}`, () => {
      for (let round = 0; round < 10; round++) {
        const agg = randomAggregate(next, 300);
        const worldPx = 512 * 2 ** zoom;
        const soft = (c: Cluster) => c.place >= 0 && c.place % 5 === 0;
        const radius = (c: Cluster) => (soft(c) ? undefined : discRadius(c.count));
        const groups = separateMarks(agg, worldPx, radius, discRadius);
        const seen = groups.flatMap((g) => g.clusters).sort((a, b) => a - b);
        expect(seen).toEqual(agg.clusters.map((_, k) => k));
        expect(groups.reduce((s, g) => s + g.count, 0)).toBe(agg.located);
        const marks = groups
          .filter((g) => !(g.clusters.length === 1 && soft(agg.clusters[g.clusters[0]!]!)))
          .map((g) => ({ x: mercatorX(g.lon) * worldPx, y: mercatorY(g.lat) * worldPx, r: g.clusters.length === 1 ? radius(agg.clusters[g.clusters[0]!]!)! : discRadius(g.count) }));
        for (let i = 0; i < marks.length; i++) {
          for (let j = i + 1; j < marks.length; j++) {
            const [a, b] = [marks[i]!, marks[j]!];
            expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r + MARK_GAP_PX - 1e-6);
          }
        }
        for (const g of groups) if (g.clusters.some((k) => soft(agg.clusters[k]!))) expect(g.clusters).toHaveLength(1);
      }
    });
  }
});
