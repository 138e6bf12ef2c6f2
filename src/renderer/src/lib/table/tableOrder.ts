// Row order of the table view: the shown events sorted by a column, ties kept in date order (the
// columns' own order), so sorting is stable and the same every time.
import { stringAt, type DatasetHeader, type EventColumns } from '../../../../shared/dataset/columns';
import { EVENT_TYPE_STYLES, EVENT_TYPES } from '../../../../shared/dataset/eventTypes';

export const SORT_KEYS = ['date', 'type', 'title', 'place', 'actor', 'figure'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The first actor's or place's name of each row, '' when none. */
function firstName(rows: Uint32Array, offsets: Uint32Array, values: Uint32Array, names: readonly { name: string }[]): string[] {
  const out = new Array<string>(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    out[k] = offsets[i + 1]! > offsets[i]! ? (names[values[offsets[i]!]!]?.name ?? '') : '';
  }
  return out;
}

/**
 * `rows` (column indices in start order) sorted by `key`. Text sorts ignore case and accents and
 * put empty values last; figures put events without one last.
 */
export function sortRows(rows: Uint32Array, key: SortKey, direction: SortDirection, cols: EventColumns, header: DatasetHeader): Uint32Array {
  const n = rows.length;
  const sign = direction === 'ascending' ? 1 : -1;
  if (key === 'date') return direction === 'ascending' ? rows.slice() : rows.slice().reverse();
  const position = new Uint32Array(n);
  for (let k = 0; k < n; k++) position[k] = k;
  let compare: (a: number, b: number) => number;
  switch (key) {
    case 'type': {
      // By the type's label, as the table shows it.
      const rank = new Uint8Array(EVENT_TYPES.length);
      [...EVENT_TYPES].sort((a, b) => collator.compare(EVENT_TYPE_STYLES[a].label, EVENT_TYPE_STYLES[b].label)).forEach((t, r) => (rank[EVENT_TYPES.indexOf(t)] = r));
      compare = (a, b) => sign * (rank[cols.type[rows[a]!]!]! - rank[cols.type[rows[b]!]!]!);
      break;
    }
    case 'figure': {
      compare = (a, b) => {
        const x = cols.figure[rows[a]!]!;
        const y = cols.figure[rows[b]!]!;
        if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
        return sign * (x - y);
      };
      break;
    }
    default: {
      const text =
        key === 'title'
          ? Array.from(rows, (i) => stringAt(cols.titles, i))
          : key === 'place'
            ? firstName(rows, cols.placeOffsets, cols.placeIndex, header.places)
            : firstName(rows, cols.actorOffsets, cols.actorIndex, header.actors);
      compare = (a, b) => {
        const x = text[a]!;
        const y = text[b]!;
        if (x === '' || y === '') return x === '' ? (y === '' ? 0 : 1) : -1;
        return sign * collator.compare(x, y);
      };
    }
  }
  position.sort((a, b) => compare(a, b) || a - b);
  const out = new Uint32Array(n);
  for (let k = 0; k < n; k++) out[k] = rows[position[k]!]!;
  return out;
}
