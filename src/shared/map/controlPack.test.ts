// Control records packed as columns for the trip to the window: every record comes back as it was
// (ends of holding, empty lists, claimants, every status and precision), and the packed form holds
// only typed arrays and numbers (nothing per record to clone or deserialise).
import { describe, expect, it } from 'vitest';
import { prng } from '../../../tests/support/prng';
import { DATE_PRECISIONS } from '../dataset/dates';
import { EVENT_STATUSES } from '../dataset/vocabulary';
import { packControl, unpackControl } from './controlPack';
import type { ControlRecord } from './controlRecords';

function randomRecords(n: number, seed: number): ControlRecord[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const list = (max: number) => [...new Set(Array.from({ length: Math.floor(r() * max) }, () => Math.floor(r() * 1000)))].sort((a, b) => a - b);
  return Array.from({ length: n }, (_, i) => {
    const start = Date.UTC(2014, 0, 1) + Math.floor(r() * 1500) * 86_400_000;
    const kind = r() < 0.6 ? 'capture' : 'control';
    const record: ControlRecord = {
      id: `e${i * 3}`,
      sourceIndex: i * 3,
      kind,
      status: pick(EVENT_STATUSES),
      claimant: r() < 0.3 ? Math.floor(r() * 40) : -1,
      places: list(4).length > 0 ? list(4) : [7],
      holders: list(3),
      takenFrom: kind === 'capture' ? list(3) : [],
      when: { start, end: start + (1 + Math.floor(r() * 60)) * 86_400_000, precision: pick(DATE_PRECISIONS) },
      ...(kind === 'control' && r() < 0.5 ? { until: { start: start + 100 * 86_400_000, end: start + 130 * 86_400_000, precision: pick(DATE_PRECISIONS) } } : {})
    };
    return record;
  });
}

describe('packed control records', () => {
  it('come back as they were, ids from the columns', () => {
    for (const seed of [1, 2, 3]) {
      const records = randomRecords(500, seed);
      const packed = packControl(records, 4);
      expect(packed.count).toBe(500);
      expect(packed.withoutPlace).toBe(4);
      expect(unpackControl(packed, (source) => `e${source}`)).toEqual(records);
    }
    expect(unpackControl(packControl([], 0), String)).toEqual([]);
  });

  it('hold only typed arrays and numbers', () => {
    const packed = packControl(randomRecords(100, 9), 0);
    for (const [key, value] of Object.entries(packed)) expect(ArrayBuffer.isView(value) || typeof value === 'number', key).toBe(true);
  });
});
