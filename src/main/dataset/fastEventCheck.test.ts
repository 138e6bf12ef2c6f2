import { describe, expect, it } from 'vitest';
import { datasetJsonSchema } from '../../shared/dataset/jsonSchema';
import { LIMITS, timelineEventSchema } from '../../shared/dataset/schema';
import { validateDataset } from '../../shared/dataset/validateDataset';
import { fastEventCheck } from './fastEventCheck';

const event = (over: Record<string, unknown>) => ({
  id: 'e1',
  type: 'clash',
  title: 'A clash',
  start: { value: '2017-11-03', precision: 'day' },
  citations: [{ source: 'src-a' }],
  ...over
});

const dataset = (e: Record<string, unknown>) => ({
  format: 'frontline-dataset',
  version: 1,
  metadata: { title: 'T', theatres: [] },
  sources: [{ id: 'src-a', kind: 'news', publisher: 'P', title: 'T' }],
  places: [],
  actors: [],
  events: [e]
});

const TEXTS: [string, string][] = [
  ['BMP text at the limit', 'a'.repeat(LIMITS.shortText)],
  ['BMP text over the limit', 'a'.repeat(LIMITS.shortText + 1)],
  ['astral text at the limit in code units', '😀'.repeat(LIMITS.shortText / 2)],
  ['astral text over the limit in code units, within it in code points', '😀'.repeat(LIMITS.shortText / 2 + 1)],
  ['astral text at the limit in code points', '😀'.repeat(LIMITS.shortText)],
  ['astral text over the limit in code points', '😀'.repeat(LIMITS.shortText + 1)],
  ['one astral character', '😀'],
  ['a lone surrogate', '\ud83d'],
  ['empty text', '']
];

describe('fastEventCheck', () => {
  // The fast check counts UTF-16 code units, zod code points: it may refuse what zod accepts
  // (zod then decides), never accept what zod refuses.
  it.each(TEXTS)('never accepts what zod refuses: %s', (_, title) => {
    const zodOk = timelineEventSchema.safeParse(event({ title })).success;
    if (fastEventCheck()(event({ title }))) expect(zodOk).toBe(true);
  });

  it.each(TEXTS)('the validator with the fast check decides as zod alone: %s', (_, title) => {
    const withFast = validateDataset(dataset(event({ title })), 'f.json', undefined, { fastCheck: fastEventCheck() });
    const zodOnly = validateDataset(dataset(event({ title })), 'f.json');
    expect(withFast.ok).toBe(zodOnly.ok);
    expect(withFast).toEqual(zodOnly);
  });

  it('refuses only for length what it counts over the limit in code units', () => {
    expect(fastEventCheck()(event({ title: '😀'.repeat(LIMITS.shortText / 2) }))).toBe(true);
    expect(fastEventCheck()(event({ title: `${'😀'.repeat(LIMITS.shortText / 2)}a` }))).toBe(false);
    expect(timelineEventSchema.safeParse(event({ title: `${'😀'.repeat(LIMITS.shortText / 2)}a` })).success).toBe(true);
  });

  it('relies on no minimum length above 1 (code units and code points agree only there)', () => {
    const mins = [...JSON.stringify(datasetJsonSchema()).matchAll(/"minLength":(\d+)/g)].map((m) => Number(m[1]));
    expect(mins.length).toBeGreaterThan(0);
    expect(mins.every((m) => m <= 1)).toBe(true);
  });
});
