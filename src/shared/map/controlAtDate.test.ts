// Control at a date: the bundled dataset place by place before, during and after each capture
// (Mosul, Raqqa, Deir al-Zour, al-Qaim), and invented events for every rule: windows of possible
// dates holding the date (uncertain, not flipped), same-date and overlapping disagreements,
// holdings with an end, captures with an end, ACLED-style holder-only transfers, and the words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { utcDay } from '../dataset/dates';
import type { Dataset, TimelineEvent } from '../dataset/schema';
import { parseDatasetText } from '../dataset/validateDataset';
import { prng } from '../../../tests/support/prng';
import { controlAtDate, controlOfPlace, endOfDay, indexControl, type PlaceControl } from './controlAtDate';
import { controlRecordsFromDataset, type ControlRecord } from './controlRecords';
import { describeControl, describeSpan } from './controlWords';

const BUNDLED_TEXT = readFileSync(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url), 'utf8');

function bundled(): Dataset {
  const check = parseDatasetText(BUNDLED_TEXT, 'bundled.frontline');
  if (!check.ok) throw new Error('bundled dataset invalid');
  return check.dataset;
}

const D = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

describe('control at a date in the bundled dataset', () => {
  const ds = bundled();
  const { records, withoutPlace } = controlRecordsFromDataset(ds);
  const index = indexControl(records);
  const place = (id: string) => ds.places.findIndex((p) => p.id === id);
  const actor = (id: string) => ds.actors.findIndex((a) => a.id === id);
  const names = { actor: (i: number) => ds.actors[i]!.name };
  const at = (placeId: string, iso: string) => controlOfPlace(index, place(placeId), D(iso));
  const holderIds = (c: PlaceControl) => (c.state === 'held' ? c.holders.map((i) => ds.actors[i]!.id) : undefined);
  const deciding = (c: PlaceControl) => (c.state === 'held' || c.state === 'released' ? c.deciding.id : undefined);

  it('has a record for each capture and control event, and only those', () => {
    const expected = ds.events.filter((e) => e.type === 'capture' || e.type === 'control').map((e) => e.id);
    expect(records.map((r) => r.id)).toEqual(expected);
    expect(withoutPlace).toBe(0);
  });

  it('Mosul: taken from IS in July 2017; the event names no taker, so none is invented', () => {
    const c = at('mosul', '2017-08-01');
    expect(c.state).toBe('held');
    expect(holderIds(c)).toEqual([]);
    expect(deciding(c)).toBe('mosul-taken');
    if (c.state !== 'held') return;
    expect(c.takenFrom).toEqual([actor('islamic-state')]);
    expect(c.how).toBe('took');
    expect(describeSpan(c.deciding.when)).toBe('July 2017');
    expect(describeControl(c, names)).toBe('Taken from Islamic State (IS) in July 2017; the dataset does not say by whom (mosul-taken)');
  });

  it('Mosul within July 2017 is uncertain at this date, not flipped; before, IS held it until it was taken', () => {
    const mid = at('mosul', '2017-07-15');
    expect(mid.state).toBe('none');
    expect(mid.uncertain.map((r) => r.id)).toEqual(['mosul-taken']);
    expect(describeControl(mid, names)).toMatch(/^Uncertain at this date: /);
    // The last day of the month ends the window: by its end the capture had happened.
    expect(at('mosul', '2017-07-31').state).toBe('held');
    const before = at('mosul', '2016-05-01');
    expect(before.state).toBe('none');
    expect(before.uncertain).toEqual([]);
    expect(before.next?.id).toBe('mosul-taken');
    expect(describeControl(before, names)).toBe('No event says who held it by this date; Islamic State (IS) held it until it was taken in July 2017 (mosul-taken)');
  });

  it('Raqqa: the SDF ("a US-backed Syrian alliance") from October 2017', () => {
    const c = at('raqqa', '2017-11-01');
    expect(holderIds(c)).toEqual(['sdf']);
    expect(deciding(c)).toBe('raqqa-taken');
    expect(describeControl(c, names)).toBe('Syrian Democratic Forces (SDF) from October 2017 (raqqa-taken)');
    expect(at('raqqa', '2017-10-20').uncertain.map((r) => r.id)).toEqual(['raqqa-taken']);
    expect(at('raqqa', '2017-09-30').state).toBe('none');
  });

  it('Deir al-Zour: IS from 2014 (as the dataset says), the Syrian army from 3 November 2017, disputed and said so', () => {
    const before = at('deir-al-zour', '2016-03-01');
    expect(holderIds(before)).toEqual(['islamic-state']);
    expect(deciding(before)).toBe('is-holds-deir-al-zour');
    expect(before.state === 'held' && before.how).toBe('held');
    expect(describeControl(before, names)).toBe('Islamic State (IS), holding it as of 2014, until 3 November 2017 (is-holds-deir-al-zour)');
    expect(holderIds(at('deir-al-zour', '2017-11-02'))).toEqual(['islamic-state']);
    // Within 2014 the holding may not have begun yet.
    expect(at('deir-al-zour', '2014-06-01').uncertain.map((r) => r.id)).toEqual(['is-holds-deir-al-zour']);

    const after = at('deir-al-zour', '2017-11-03');
    expect(holderIds(after)).toEqual(['syrian-army']);
    expect(deciding(after)).toBe('deir-al-zour-taken');
    expect(after.doubts.map((r) => [r.id, r.status])).toEqual([['deir-al-zour-taken', 'disputed']]);
    expect(describeControl(after, names)).toBe('Syrian army from 3 November 2017 (deir-al-zour-taken) — deir-al-zour-taken is disputed (claimed by Syrian army)');
  });

  it('al-Qaim: Iraqi forces from 3 November 2017, a claim by the Iraqi prime minister', () => {
    const c = at('al-qaim', '2017-11-03');
    expect(holderIds(c)).toEqual(['iraqi-forces']);
    expect(deciding(c)).toBe('al-qaim-recaptured');
    expect(c.doubts.map((r) => r.status)).toEqual(['claimed']);
    expect(describeControl(c, names)).toContain('is a claim by Haider al-Abadi, not confirmed');
    // The offensive before it is not a capture: it decides nothing.
    expect(at('al-qaim', '2017-10-30').state).toBe('none');
  });

  it('IS areas: held as of January 2015, then as of about 31 October 2017, from the "control" events only', () => {
    expect(deciding(at('syria', '2016-01-01'))).toBe('is-area-2015-01');
    expect(deciding(at('iraq', '2017-11-01'))).toBe('is-area-2017-10');
    expect(at('syria', '2014-12-31').state).toBe('none');
  });

  it('Deir al-Zour province on 3 November: events of that day disagree, and that is said, not hidden', () => {
    const c = at('deir-al-zour-province', '2017-11-03');
    expect(c.state).toBe('contested');
    if (c.state !== 'contested') return;
    expect(c.reason).toBe('same-date');
    expect(c.claims.map((r) => r.id).sort()).toEqual(['is-confined-deir-al-zour', 'sdf-syrian-army-positions']);
    expect(describeControl(c, names)).toMatch(/^Contested: events of the same date \(3 November 2017\) disagree: /);
  });

  it('controlAtDate answers for every place an event names, in place order', () => {
    const all = controlAtDate(index, D('2017-11-03'));
    const ids = all.map((c) => ds.places[c.place]!.id);
    expect(ids).toEqual(['syria', 'iraq', 'deir-al-zour-province', 'deir-al-zour', 'al-qaim', 'al-qaim-border-crossing', 'raqqa', 'mosul', 'northern-syria']);
    expect(all.map((c) => c.place)).toEqual([...all.map((c) => c.place)].sort((a, b) => a - b));
    // Places no capture or control event names are not answered for (Albu Kamal: offensives only).
    expect(ids).not.toContain('albu-kamal');
  });
});

// ---------------------------------------------------------------------------------------------
// Invented records, one rule at a time. Places and actors are plain numbers here.

const A = 1;
const B = 2;
const C = 3;
let nextSource = 0;

function rec(over: Partial<ControlRecord> & Pick<ControlRecord, 'when'>): ControlRecord {
  return { id: `e${nextSource}`, sourceIndex: nextSource++, kind: 'capture', status: 'reported', claimant: -1, places: [0], holders: [A], takenFrom: [], ...over };
}
const day = (y: number, m: number, d: number) => ({ start: utcDay(y, m, d), end: utcDay(y, m, d + 1), precision: 'day' as const });
const month = (y: number, m: number) => ({ start: utcDay(y, m, 1), end: utcDay(y, m + 1, 1), precision: 'month' as const });
const between = (from: number, to: number) => ({ start: from, end: to, precision: 'between' as const });
const at = (records: ControlRecord[], y: number, m: number, d: number) => controlOfPlace(indexControl(records), 0, utcDay(y, m, d));
const holders = (c: PlaceControl) => (c.state === 'held' ? c.holders : c.state);

describe('control at a date: the rules', () => {
  it('the last capture that certainly happened decides; later ones wait', () => {
    const r = [rec({ when: day(2017, 1, 5), holders: [A] }), rec({ when: day(2017, 3, 5), holders: [B], takenFrom: [A] })];
    expect(holders(at(r, 2017, 1, 4))).toBe('none');
    expect(holders(at(r, 2017, 1, 5))).toEqual([A]);
    expect(holders(at(r, 2017, 3, 4))).toEqual([A]);
    expect(at(r, 2017, 3, 4).next?.id).toBe(r[1]!.id);
    expect(holders(at(r, 2017, 3, 5))).toEqual([B]);
  });

  it('a capture dated to a month is uncertain inside that month, with what was known before', () => {
    const r = [rec({ when: day(2017, 1, 5), holders: [A] }), rec({ when: month(2017, 7), holders: [B] })];
    const mid = at(r, 2017, 7, 15);
    expect(holders(mid)).toEqual([A]);
    expect(mid.uncertain.map((x) => x.id)).toEqual([r[1]!.id]);
    expect(at(r, 2017, 6, 30).uncertain).toEqual([]);
    expect(holders(at(r, 2017, 7, 31))).toEqual([B]);
  });

  it('an event in the window that changes nothing leaves the place certain', () => {
    const r = [rec({ when: day(2017, 1, 5), holders: [A] }), rec({ kind: 'control', when: month(2017, 7), holders: [A] })];
    expect(at(r, 2017, 7, 15).uncertain).toEqual([]);
  });

  it('two captures of the same day by different sides: contested, same date', () => {
    const r = [rec({ when: day(2017, 11, 3), holders: [A] }), rec({ when: day(2017, 11, 3), holders: [B] })];
    const c = at(r, 2017, 11, 3);
    expect(c.state).toBe('contested');
    expect(c.state === 'contested' && c.reason).toBe('same-date');
    expect(c.state === 'contested' && c.claims.length).toBe(2);
  });

  it('same-day events that agree are one answer with the other listed as agreeing', () => {
    const r = [rec({ when: day(2017, 11, 3), holders: [A] }), rec({ kind: 'control', when: day(2017, 11, 3), holders: [A] })];
    const c = at(r, 2017, 11, 4);
    expect(c.state).toBe('held');
    if (c.state !== 'held') return;
    expect(c.agreeing).toHaveLength(1);
    // The later in the file decides between equals.
    expect(c.deciding.id).toBe(r[1]!.id);
  });

  it('overlapping windows that disagree: contested, order unknown; a later certain event settles it', () => {
    const r = [
      rec({ when: between(utcDay(2017, 8, 3), utcDay(2017, 11, 4)), holders: [A] }),
      rec({ when: day(2017, 10, 1), holders: [B] }),
      rec({ when: day(2017, 12, 1), holders: [C] })
    ];
    const c = at(r, 2017, 11, 20);
    expect(c.state === 'contested' && c.reason).toBe('order-unknown');
    expect(holders(at(r, 2017, 12, 1))).toEqual([C]);
  });

  it('a narrower window inside a wider one is still not known to come after it', () => {
    // Year 2017 vs 3 November 2017: either could be last.
    const r = [rec({ when: { start: utcDay(2017, 1, 1), end: utcDay(2018, 1, 1), precision: 'year' }, holders: [A] }), rec({ when: day(2017, 11, 3), holders: [B] })];
    expect(at(r, 2018, 1, 2).state).toBe('contested');
  });

  it('a holding with an end: held until then, released after, uncertain inside the end window', () => {
    const r = [rec({ kind: 'control', when: day(2015, 1, 1), until: month(2016, 6), holders: [A] })];
    expect(holders(at(r, 2016, 5, 31))).toEqual([A]);
    const inside = at(r, 2016, 6, 10);
    expect(holders(inside)).toEqual([A]);
    expect(inside.uncertain.map((x) => x.id)).toEqual([r[0]!.id]);
    const after = at(r, 2016, 7, 1);
    expect(after.state).toBe('released');
    expect(after.state === 'released' && after.holders).toEqual([A]);
    expect(describeControl(after, { actor: (i) => `actor ${i}` })).toBe(`No longer held by actor 1 after June 2016 (${r[0]!.id}); no later event says who holds it`);
    expect(describeControl(inside, { actor: (i) => `actor ${i}` })).toContain(`but that holding ends in June 2016 (${r[0]!.id})`);
  });

  it('a holding said to last past a later capture by someone else: contested, still held', () => {
    const r = [rec({ kind: 'control', when: day(2015, 1, 1), until: day(2018, 1, 1), holders: [A] }), rec({ when: day(2016, 1, 1), holders: [B] })];
    const c = at(r, 2016, 6, 1);
    expect(c.state === 'contested' && c.reason).toBe('still-held');
    expect(holders(at(r, 2018, 1, 2))).toEqual([B]);
  });

  it("a holding's end takes back only its own holders' earlier hold", () => {
    // A took it, A is reported holding it until mid-2016: after that, no one is known to hold it.
    const r = [rec({ when: day(2014, 3, 1), holders: [A] }), rec({ kind: 'control', when: day(2015, 1, 1), until: day(2016, 6, 1), holders: [A] })];
    expect(at(r, 2016, 7, 1).state).toBe('released');
    // B took it after A's holding ended: B holds it.
    const later = [...r, rec({ when: day(2016, 9, 1), holders: [B] })];
    expect(holders(at(later, 2016, 9, 2))).toEqual([B]);
  });

  it('a holding that ends after its side took the place from another leaves no one known, not the side before', () => {
    const r = [rec({ when: day(2013, 1, 1), holders: [B] }), rec({ when: day(2014, 1, 1), holders: [A], takenFrom: [B] }), rec({ kind: 'control', when: day(2015, 1, 1), until: day(2016, 1, 1), holders: [A] })];
    const c = at(r, 2017, 1, 1);
    expect(c.state).toBe('released');
    expect(c.state === 'released' && c.deciding.id).toBe(r[2]!.id);
  });

  it('reading back only as far as the windows reach, and the quick path, give what reading every record gives', () => {
    const r = prng(7);
    const records: ControlRecord[] = [];
    for (let k = 0; k < 400; k++) {
      const start = utcDay(2010, 1, 1) + Math.floor(r() * 3_000) * 86_400_000;
      const wide = r();
      const when = wide < 0.05 ? { start, end: start + 365 * 86_400_000, precision: 'year' as const } : wide < 0.2 ? { start, end: start + 30 * 86_400_000, precision: 'month' as const } : { start, end: start + 86_400_000, precision: 'day' as const };
      const span = r() < 0.05 ? { until: { start: when.end + 100 * 86_400_000, end: when.end + 101 * 86_400_000, precision: 'day' as const } } : {};
      records.push(rec({ kind: span.until ? 'control' : r() < 0.7 ? 'capture' : 'control', when, holders: [1 + Math.floor(r() * 3)], ...span }));
    }
    // With holdings that end (the general path) and without (most places: the quick path).
    for (const list of [records, records.filter((x) => x.until === undefined)]) {
      const index = indexControl(list);
      const own = index.byPlace.get(0)!;
      const whole = { byPlace: new Map([[0, { ...own, widest: Infinity }]]), places: index.places, count: index.count };
      // A holding with an end far in the future turns the quick path off: both paths must agree.
      const far = rec({ kind: 'control', when: day(9000, 1, 1), until: day(9001, 1, 1) });
      const general = { ...whole, byPlace: new Map([[0, { ...own, spans: [...own.spans, far] }]]) };
      const withoutFar = (c: PlaceControl) => (c.next === far ? { ...c, next: undefined } : c);
      for (let d = 0; d < 3_400; d += 7) {
        const t = utcDay(2010, 1, 1) + d * 86_400_000;
        const c = controlOfPlace(index, 0, t);
        expect(c).toEqual(controlOfPlace(whole, 0, t));
        expect(c).toEqual(withoutFar(controlOfPlace(general, 0, t)));
      }
    }
  });

  it('a control event naming two holders is one shared answer, not a contest', () => {
    const r = [rec({ kind: 'control', when: day(2017, 11, 3), holders: [A, B] })];
    expect(holders(at(r, 2017, 11, 3))).toEqual([A, B]);
  });

  it('disputed, claimed and assessment events are listed as doubts; reported and confirmed are not', () => {
    for (const status of ['disputed', 'claimed', 'assessment'] as const) {
      expect(at([rec({ when: day(2017, 1, 1), status })], 2017, 1, 2).doubts).toHaveLength(1);
    }
    for (const status of ['reported', 'confirmed'] as const) {
      expect(at([rec({ when: day(2017, 1, 1), status })], 2017, 1, 2).doubts).toHaveLength(0);
    }
  });

  it('a place no event names has no answer', () => {
    expect(controlOfPlace(indexControl([]), 7, utcDay(2017, 1, 1)).state).toBe('none');
    expect(controlAtDate(indexControl([]), utcDay(2017, 1, 1))).toEqual([]);
  });

  it('"as of a date" means the end of that UTC day, whatever the time of day given', () => {
    expect(endOfDay(utcDay(2017, 11, 3))).toBe(utcDay(2017, 11, 4));
    expect(endOfDay(utcDay(2017, 11, 3) + 86_399_999)).toBe(utcDay(2017, 11, 4));
  });
});

describe('records from events', () => {
  const base: Omit<TimelineEvent, 'id' | 'type'> = {
    title: 't',
    start: { value: '2017-06-01', precision: 'day' },
    places: ['p'],
    actors: [],
    status: 'reported',
    figures: [],
    citations: [{ source: 's' }],
    tags: []
  };
  const dataset = (events: TimelineEvent[]): Dataset => ({
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'x', theatres: [] },
    sources: [{ id: 's', kind: 'news', publisher: 'p', title: 't' }],
    places: [{ id: 'p', name: 'P', altNames: [], kind: 'town', countries: [] }],
    actors: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), aliases: [], kind: 'armed-group' as const, backedBy: [], memberOf: [], countries: [] })),
    events
  });

  it('a capture with an end is taken when it ends; attackers take, defenders and targets lose', () => {
    const { records } = controlRecordsFromDataset(
      dataset([
        {
          ...base,
          id: 'battle',
          type: 'capture',
          end: { value: '2017-10', precision: 'month' },
          actors: [
            { actor: 'a', role: 'attacker' },
            { actor: 'b', role: 'defender' },
            { actor: 'c', role: 'target' }
          ]
        }
      ])
    );
    expect(records[0]!.when).toEqual({ ...month(2017, 10) });
    expect(records[0]!.until).toBeUndefined();
    expect(records[0]!.holders).toEqual([0]);
    expect(records[0]!.takenFrom).toEqual([1, 2]);
  });

  it('a non-violent transfer (capture with a holder, no attacker, as ACLED codes it) is taken by the holder', () => {
    const { records } = controlRecordsFromDataset(dataset([{ ...base, id: 'transfer', type: 'capture', actors: [{ actor: 'b', role: 'holder' }, { actor: 'c', role: 'participant' }] }]));
    expect(records[0]!.holders).toEqual([1]);
  });

  it('a control event with an end holds until its end; other types and placeless events have no record', () => {
    const { records, withoutPlace } = controlRecordsFromDataset(
      dataset([
        { ...base, id: 'held', type: 'control', end: { value: '2018', precision: 'year' }, actors: [{ actor: 'a', role: 'holder' }, { actor: 'b', role: 'backer' }] },
        { ...base, id: 'push', type: 'offensive', actors: [{ actor: 'a', role: 'attacker' }] },
        { ...base, id: 'nowhere', type: 'capture', places: [] }
      ])
    );
    expect(records.map((r) => r.id)).toEqual(['held']);
    expect(records[0]!.holders).toEqual([0]);
    expect(records[0]!.when).toEqual(day(2017, 6, 1));
    expect(records[0]!.until).toEqual({ start: utcDay(2018, 1, 1), end: utcDay(2019, 1, 1), precision: 'year' });
    expect(withoutPlace).toBe(1);
  });

  it('an approximate day with a margin keeps its window and reads as "around … (give or take …)"', () => {
    const { records } = controlRecordsFromDataset(dataset([{ ...base, id: 'approx', type: 'capture', start: { value: '2017-05-03', precision: 'approximate', margin: 3 } }]));
    expect(describeSpan(records[0]!.when)).toBe('around 3 May 2017 (give or take 3 days)');
    expect(describeSpan(between(utcDay(2017, 8, 3), utcDay(2017, 11, 4)))).toBe('sometime between 3 August and 3 November 2017');
    expect(describeSpan({ start: utcDay(2017, 10, 23), end: utcDay(2017, 10, 30), precision: 'week' })).toBe('the week of 23–29 October 2017');
  });
});
