// Test data for the map's pure modules: a validated dataset's columns with places that have exact
// coordinates, approximate ones (with and without a stated uncertainty), and none.
import { columnsFromDataset } from '../../../../shared/dataset/datasetColumns';
import type { DatasetInput } from '../../../../shared/dataset/schema';
import { validateDataset } from '../../../../shared/dataset/validateDataset';

export interface MapTestEvent {
  readonly start: string;
  readonly place: 'raqqa' | 'deir' | 'deir-province' | 'qaim' | 'crossing' | 'syria' | 'london';
  readonly type?: string;
  readonly era?: boolean;
}

const PLACES = [
  { id: 'raqqa', name: 'Raqqa', altNames: [{ name: 'الرقة', lang: 'ar' }], coordinates: { lat: 35.95283, lon: 39.00788, precision: 'exact', source: 'geo' } },
  { id: 'deir', name: 'Deir al-Zour', coordinates: { lat: 35.33588, lon: 40.14084, precision: 'exact', source: 'geo' } },
  { id: 'deir-province', name: 'Deir al-Zour province', coordinates: { lat: 35.33588, lon: 40.14084, precision: 'approximate', source: 'geo' } },
  { id: 'qaim', name: 'al-Qaim', coordinates: { lat: 34.39251, lon: 40.98945, precision: 'exact', source: 'geo' } },
  { id: 'crossing', name: 'al-Qaim border crossing', coordinates: { lat: 34.42239, lon: 40.95399, precision: 'approximate', uncertaintyKm: 5, source: 'geo' } },
  { id: 'syria', name: 'Syria' },
  { id: 'london', name: 'London', coordinates: { lat: 51.50853, lon: -0.12574, precision: 'exact', source: 'geo' } }
];

export function mapColumns(events: readonly MapTestEvent[]) {
  const raw = {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'map test', theatres: [{ country: 'SY', label: 'Syria' }] },
    sources: [{ id: 'geo', kind: 'dataset', publisher: 'GeoNames', title: 'Gazetteer' }],
    places: PLACES.map((p) => ({ kind: 'city', countries: ['SY'], ...p })),
    events: events.map((e, i) => ({
      id: `e${i}`,
      type: e.type ?? 'clash',
      title: `Event ${i}`,
      start: { value: e.start, precision: 'day' },
      places: [e.place],
      ...(e.era ? { tags: ['era'] } : {}),
      citations: [{ source: 'geo' }]
    }))
  } as unknown as DatasetInput;
  const check = validateDataset(raw, 'map.frontline');
  if (!check.ok) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
  return columnsFromDataset(check.dataset);
}

export const utc = (day: string): number => Date.parse(`${day}T00:00:00Z`);
