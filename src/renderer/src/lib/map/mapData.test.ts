// The map shows exactly the events the status bar counts as in view: those starting in the
// timeline's window that the filters let through, eras aside; each at its first place with
// coordinates, the others counted as having none. Checked against a plain filter of every event.
import { describe, expect, it } from 'vitest';
import { FLAG_ERA } from '../../../../shared/dataset/columns';
import { countStarting, shownPrefix } from '../state/inView';
import { buildMapIndex, countInWindow, eventsInView, eventsInViewAt, windowRun } from './mapData';
import { mapColumns, utc, type MapTestEvent } from './testMapData';

const PLACES: MapTestEvent['place'][] = ['raqqa', 'deir', 'deir-province', 'qaim', 'crossing', 'syria', 'london'];

/** A few hundred events over two months at every kind of place, some eras. */
function dataset() {
  const events: MapTestEvent[] = [];
  for (let i = 0; i < 300; i++) {
    const day = new Date(utc('2017-10-01') + ((i * 7919) % 61) * 86_400_000).toISOString().slice(0, 10);
    events.push({ start: day, place: PLACES[(i * 31) % PLACES.length]!, type: i % 3 === 0 ? 'capture' : 'clash', era: i % 97 === 0 });
  }
  return mapColumns(events);
}

describe('events in view, by place', () => {
  const { header, columns: cols } = dataset();
  const index = buildMapIndex(header, cols);
  const place = (id: string) => header.places.findIndex((p) => p.id === id);

  it('anchors each event at its place with coordinates; a place without them anchors none', () => {
    for (let i = 0; i < cols.count; i++) {
      const p = header.places[cols.placeIndex[cols.placeOffsets[i]!]!]!;
      expect(index.anchors[i]).toBe(p.coordinates ? place(p.id) : -1);
    }
    expect(index.approximate[place('crossing')]).toBe(1);
    expect(index.radiusKm[place('crossing')]).toBe(5);
    expect(index.radiusKm[place('deir-province')]).toBe(25);
    expect(index.approximate[place('deir')]).toBe(0);
  });

  const windows = [
    { start: utc('2017-10-01'), end: utc('2017-12-01') },
    { start: utc('2017-10-10'), end: utc('2017-10-20') },
    { start: utc('2017-11-30'), end: utc('2018-01-01') },
    { start: utc('2016-01-01'), end: utc('2016-02-01') }
  ];
  const filters: [string, ((i: number) => boolean) | undefined][] = [
    ['no filter', undefined],
    ['captures only', (i) => cols.type[i] === cols.type[0]],
    ['every third', (i) => i % 3 === 1]
  ];

  for (const w of windows) {
    for (const [name, include] of filters) {
      it(`matches a plain filter and the status bar's count: ${new Date(w.start).toISOString().slice(0, 10)}, ${name}`, () => {
        const expected: number[] = [];
        for (let i = 0; i < cols.count; i++) if (cols.start[i]! >= w.start && cols.start[i]! < w.end && (cols.flags[i]! & FLAG_ERA) === 0 && (!include || include(i))) expected.push(i);
        const mask = include ? Uint8Array.from({ length: cols.count }, (_, i) => (include(i) ? 1 : 0)) : undefined;
        for (const shown of [include, mask]) {
          const counts = countInWindow(index, cols, w, shown);
          expect(counts.events).toBe(expected.length);
          expect(counts.events).toBe(countStarting(cols.start, shownPrefix(cols.count, cols.flags, include), w.start, w.end));
          expect(counts.unlocated).toBe(expected.filter((i) => index.anchors[i]! < 0).length);
          expect(counts.located).toBe(expected.length - counts.unlocated);
          expect(eventsInView(cols, w, shown)).toEqual(expected);
          for (let p = 0; p < header.places.length; p++) {
            const here = expected.filter((i) => index.anchors[i] === p);
            expect(counts.counts[p]).toBe(here.length);
            expect(eventsInViewAt(index, cols, p, counts, shown)).toEqual(here);
            expect(eventsInViewAt(index, cols, p, counts, shown, 2)).toEqual(here.slice(0, 2));
          }
          expect([...counts.active]).toEqual(header.places.map((_, p) => p).filter((p) => counts.counts[p]! > 0));
        }
      });
    }
  }

  it('a window is one run of columns: [lo, hi) holds exactly the events starting in it', () => {
    const w = windows[1]!;
    const { lo, hi } = windowRun(cols, w);
    for (let i = 0; i < cols.count; i++) expect(i >= lo && i < hi).toBe(cols.start[i]! >= w.start && cols.start[i]! < w.end);
  });
});
