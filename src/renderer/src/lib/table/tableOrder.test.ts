// sortRows: each key against a plain sort of the same rows; ties keep date order; empty values last in both directions; date order reversed for descending.
import { describe, expect, it } from 'vitest';
import { stringAt } from '../../../../shared/dataset/columns';
import { columnsFromDataset } from '../../../../shared/dataset/datasetColumns';
import { EVENT_TYPE_STYLES, EVENT_TYPES } from '../../../../shared/dataset/eventTypes';
import type { Dataset, TimelineEvent } from '../../../../shared/dataset/schema';
import { prng } from '../../../../../tests/support/prng';
import { sortRows, SORT_KEYS } from './tableOrder';

function dataset(n: number, seed: number): Dataset {
  const random = prng(seed);
  const titles = ['alpha', 'Beta', 'gamma', 'Émile', 'delta', 'beta'];
  const events: TimelineEvent[] = Array.from({ length: n }, (_, k) => ({
    id: `e${k}`,
    type: EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)]!,
    title: `${titles[Math.floor(random() * titles.length)]!} ${Math.floor(random() * 3)}`,
    start: { value: `2017-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-0${1 + Math.floor(random() * 9)}`, precision: 'day' },
    places: random() < 0.3 ? [] : [`p${Math.floor(random() * 4)}`],
    actors: random() < 0.3 ? [] : [{ actor: `a${Math.floor(random() * 4)}`, role: 'participant' }],
    status: 'reported',
    figures: random() < 0.5 ? [] : [{ value: Math.floor(random() * 20), unit: 'people', counts: 'killed', bound: 'exact', asWritten: 'x' }],
    citations: [{ source: 's' }],
    tags: []
  }));
  return {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'T', theatres: [] },
    sources: [{ id: 's', kind: 'other', publisher: 'P', title: 'T' }],
    places: ['Zawiya', 'aleppo', 'Raqqa', 'Óbidos'].map((name, k) => ({ id: `p${k}`, name, altNames: [], kind: 'town', countries: [] })),
    actors: ['Zeta', 'alpha', 'Mu', 'beta'].map((name, k) => ({ id: `a${k}`, name, aliases: [], kind: 'other', backedBy: [], memberOf: [], countries: [] })),
    events
  };
}

describe('sortRows', () => {
  const { header, columns } = columnsFromDataset(dataset(400, 9));
  // Every other event is shown.
  const rows = Uint32Array.from({ length: Math.ceil(columns.count / 2) }, (_, k) => 2 * k);
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const first = (offsets: Uint32Array, values: Uint32Array, names: readonly { name: string }[], i: number) =>
    offsets[i + 1]! > offsets[i]! ? names[values[offsets[i]!]!]!.name : '';
  const valueOf = {
    date: (i: number) => i,
    type: (i: number) => EVENT_TYPE_STYLES[EVENT_TYPES[columns.type[i]!]!].label,
    title: (i: number) => stringAt(columns.titles, i),
    place: (i: number) => first(columns.placeOffsets, columns.placeIndex, header.places, i),
    actor: (i: number) => first(columns.actorOffsets, columns.actorIndex, header.actors, i),
    figure: (i: number) => columns.figure[i]!
  };

  for (const key of SORT_KEYS) {
    for (const direction of ['ascending', 'descending'] as const) {
      it(`${key}, ${direction}: in order, empty last, ties in date order, every row once`, () => {
        const out = [...sortRows(rows, key, direction, columns, header)];
        expect([...out].sort((a, b) => a - b)).toEqual([...rows]);
        const v = valueOf[key];
        const empty = (x: string | number) => x === '' || (typeof x === 'number' && Number.isNaN(x));
        let seenEmpty = false;
        for (let k = 1; k < out.length; k++) {
          const a = v(out[k - 1]!);
          const b = v(out[k]!);
          if (empty(a)) seenEmpty = true;
          if (seenEmpty) {
            expect(empty(b), `${key} row ${k}: a value after the empty ones`).toBe(true);
            continue;
          }
          if (empty(b)) continue;
          const c = typeof a === 'number' ? (a as number) - (b as number) : collator.compare(a as string, b as string);
          const ordered = direction === 'ascending' ? c <= 0 : c >= 0;
          expect(ordered, `${key} ${direction} at row ${k}: ${a} then ${b}`).toBe(true);
          if (c === 0 && key !== 'date') expect(out[k - 1]!).toBeLessThan(out[k]!);
        }
      });
    }
  }
});
