// Test data for the timeline's pure modules: a validated dataset's columns, made from a list of
// events written as [type, start, end?] with their country (one theatre lane each).
import { columnsFromDataset } from '../../../../shared/dataset/datasetColumns';
import type { DatasetInput } from '../../../../shared/dataset/schema';
import { validateDataset } from '../../../../shared/dataset/validateDataset';

export interface TestEvent {
  readonly type?: string;
  /** A date value ('2017-11-03', '2017-10', '2014', '2017-W43') and its precision. */
  readonly start: string;
  readonly precision?: 'day' | 'week' | 'month' | 'year' | 'approximate';
  readonly end?: string;
  readonly country?: 'SY' | 'IQ';
  readonly title?: string;
}

export function testColumns(events: readonly TestEvent[], title = 'test') {
  const raw: DatasetInput = {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title, theatres: [{ country: 'SY', label: 'Syria' }, { country: 'IQ', label: 'Iraq' }] },
    sources: [{ id: 'wire', kind: 'news', publisher: 'Wire', title: 'Report' } as DatasetInput['sources'][number]],
    places: [
      { id: 'p-sy', name: 'Deir al-Zour', kind: 'city', countries: ['SY'] },
      { id: 'p-iq', name: 'al-Qaim', kind: 'town', countries: ['IQ'] }
    ] as DatasetInput['places'],
    events: events.map((e, i) => ({
      id: `e${i}`,
      type: (e.type ?? 'clash') as 'clash',
      title: e.title ?? `Event ${i}`,
      start: { value: e.start, precision: e.precision ?? 'day' },
      ...(e.end ? { end: { value: e.end, precision: 'day' as const } } : {}),
      places: [(e.country ?? 'SY') === 'SY' ? 'p-sy' : 'p-iq'],
      citations: [{ source: 'wire' }]
    }))
  };
  const check = validateDataset(raw, `${title}.frontline`);
  if (!check.ok) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
  return columnsFromDataset(check.dataset);
}

const DAY = 86_400_000;

/** `n` one-day events, one a day from 2015, alternating between two countries (two theatre lanes). */
export function dailyColumns(n: number, title = 'daily') {
  return testColumns(
    Array.from({ length: n }, (_, i) => ({ start: new Date(Date.UTC(2015, 0, 1) + i * DAY).toISOString().slice(0, 10), country: i % 2 === 0 ? ('SY' as const) : ('IQ' as const) })),
    title
  );
}
