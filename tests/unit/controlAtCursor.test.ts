// Control at the cursor's date on the bundled dataset, as the map gets it from the viewer: the SDF
// holds Raqqa from October 2017; the Syrian army Deir al-Zour and Iraqi forces al-Qaim from 3
// November 2017; Mosul is taken from IS in July 2017 with no taker named (none invented); a date
// inside a deciding event's window is uncertain; the deciding event's column index selects it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnsBySource, ControlState } from '../../src/renderer/src/lib/state/control.svelte';
import { TimeCursorState } from '../../src/renderer/src/lib/state/timeCursor.svelte';
import { stringAt } from '../../src/shared/dataset/columns';
import { loadDatasetBytes } from '../../src/shared/dataset/loadDatasetBytes';
import type { DatasetPayload } from '../../src/shared/ipc/contract';

const BYTES = readFileSync(new URL('../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));

function bundledPayload(): DatasetPayload {
  const loaded = loadDatasetBytes(new Uint8Array(BYTES), 'deir-al-zour-al-qaim-2017.frontline');
  if (!loaded.ok) throw new Error('the bundled dataset does not load');
  const { header, columns, control, warnings } = loaded.loaded;
  return { header, columns, control, warnings, file: { path: '/data/bundled.frontline', displayName: 'bundled.frontline', bundled: true, bytes: BYTES.length, format: 'native', fromCache: false } };
}

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function setup() {
  const payload = bundledPayload();
  const selected: { index: number | undefined; reveal: boolean | undefined }[] = [];
  const cursor = new TimeCursorState({ range: payload.header.fullRange, window: undefined, showWindow: () => {} });
  const control = new ControlState({
    payload,
    get date() {
      return cursor.date;
    },
    select: (index, options) => selected.push({ index, reveal: options?.reveal })
  });
  const at = (placeId: string) => control.atCursor.find((v) => v.placeId === placeId);
  const actorId = (i: number) => payload.header.actors[i]!.id;
  const idAt = (column: number | undefined) => (column === undefined ? undefined : stringAt(payload.columns.ids, column));
  return { payload, cursor, control, at, actorId, idAt, selected };
}

describe('control at the cursor\'s date (bundled dataset)', () => {
  it('Raqqa: the SDF from October 2017; uncertain while October may not be over', () => {
    const { cursor, at, actorId, idAt } = setup();
    cursor.set(d('2017-10-31'));
    const raqqa = at('raqqa')!;
    expect(raqqa.state).toBe('held');
    expect(raqqa.holders.map(actorId)).toEqual(['sdf']);
    expect(raqqa.holderKey).toBe('sdf');
    expect(raqqa.how).toBe('took');
    expect(raqqa.uncertain).toBe(false);
    expect(idAt(raqqa.decidingIndex)).toBe('raqqa-taken');
    cursor.set(d('2017-10-15'));
    const mid = at('raqqa')!;
    expect(mid.state).toBe('none');
    expect(mid.uncertain).toBe(true);
    cursor.set(d('2017-09-30'));
    expect(at('raqqa')!.uncertain).toBe(false);
    expect(at('raqqa')!.state).toBe('none');
  });

  it('Deir al-Zour (Syrian army) and al-Qaim (Iraqi forces) from 3 November 2017, doubtful as the source says', () => {
    const { cursor, at, actorId, idAt, control } = setup();
    cursor.set(d('2017-11-02'));
    expect(at('deir-al-zour')!.holders.map(actorId)).toEqual(['islamic-state']);
    expect(at('al-qaim')!.state).toBe('none');
    cursor.set(d('2017-11-03'));
    const deir = at('deir-al-zour')!;
    expect(deir.state).toBe('held');
    expect(deir.holders.map(actorId)).toEqual(['syrian-army']);
    expect(deir.doubtful).toBe(true);
    expect(idAt(deir.decidingIndex)).toBe('deir-al-zour-taken');
    const qaim = at('al-qaim')!;
    expect(qaim.holders.map(actorId)).toEqual(['iraqi-forces']);
    expect(qaim.doubtful).toBe(true);
    expect(idAt(qaim.decidingIndex)).toBe('al-qaim-recaptured');
    expect(control.describe(deir.place)).toContain('Syrian army from 3 November 2017 (deir-al-zour-taken)');
  });

  it('Mosul: taken from IS in July 2017, and no taker is shown because the source names none', () => {
    const { cursor, at, idAt, control } = setup();
    cursor.set(d('2017-08-01'));
    const mosul = at('mosul')!;
    expect(mosul.state).toBe('held');
    expect(mosul.holders).toEqual([]);
    expect(mosul.holderNames).toBe('');
    expect(mosul.holderKey).toBe('');
    expect(idAt(mosul.decidingIndex)).toBe('mosul-taken');
    const words = control.describe(mosul.place);
    expect(words).toContain('Taken from Islamic State (IS) in July 2017');
    expect(words).toContain('does not say by whom');
    expect(words).not.toMatch(/Iraqi/);
  });

  it('without a cursor set, shows control as of the data\'s last day', () => {
    const { at, actorId } = setup();
    expect(at('raqqa')!.holders.map(actorId)).toEqual(['sdf']);
    expect(at('deir-al-zour')!.holders.map(actorId)).toEqual(['syrian-army']);
  });

  it('as GeoJSON: a point per place with coordinates, with flat properties', () => {
    const { cursor, control, payload } = setup();
    cursor.set(d('2017-11-03'));
    const features = control.geojson.features;
    const withCoordinates = control.atCursor.filter((v) => payload.header.places[v.place]!.coordinates);
    expect(features.length).toBe(withCoordinates.length);
    expect(features.length).toBeGreaterThan(0);
    const raqqa = features.find((f) => f.properties.placeId === 'raqqa')!;
    const coords = payload.header.places.find((p) => p.id === 'raqqa')!.coordinates!;
    expect(raqqa.geometry.coordinates).toEqual([coords.lon, coords.lat]);
    expect(raqqa.properties).toMatchObject({ state: 'held', holderKey: 'sdf', uncertain: false });
    for (const f of features) for (const v of Object.values(f.properties)) expect(['string', 'number', 'boolean']).toContain(typeof v);
  });

  it('select(place) selects the deciding event and reveals it', () => {
    const { cursor, control, at, selected, idAt } = setup();
    cursor.set(d('2017-11-03'));
    expect(control.select(at('al-qaim')!.place)).toBe(true);
    expect(selected.length).toBe(1);
    expect(idAt(selected[0]!.index)).toBe('al-qaim-recaptured');
    expect(selected[0]!.reveal).toBe(true);
    // A place no event names: nothing to select.
    expect(control.select(9999)).toBe(false);
  });
});

describe('columnsBySource', () => {
  it('maps each position in the file to its column, and events left out to -1', () => {
    expect([...columnsBySource(Uint32Array.of(2, 0, 4))]).toEqual([1, -1, 0, -1, 2]);
  });
});
