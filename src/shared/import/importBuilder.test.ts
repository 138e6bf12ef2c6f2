// ImportBuilder: event ids kept when usable and changed (with a warning) when not; events kept for
// the result or handed to a sink as they are made, with the same header and theatres either way.
import { describe, expect, it } from 'vitest';
import type { DatasetInput } from '../dataset/schema';
import { ImportBuilder, type EventInput, type GrowingHeader, type ImportEventSink } from './importBuilder';

describe('eventId', () => {
  it("keeps the file's own id, and says why when it cannot", () => {
    const b = new ImportBuilder('x.csv', 'csv');
    expect(b.eventId('SYR1', 2)).toBe('SYR1');
    expect(b.eventId('  SYR2 ', 3)).toBe('SYR2');
    expect(b.problems).toEqual([]);
    expect(b.eventId('SYR1', 4)).toBe('SYR1-2');
    expect(b.eventId('SYR 3/a', 5)).toBe('SYR-3-a');
    expect(b.eventId('', 6)).toBe('row-6');
    const long = `E${'x'.repeat(124)}`;
    expect(b.eventId(long, 7)).toBe(long.slice(0, 120));
    expect(b.problems.map((p) => [p.line, p.message])).toEqual([
      [4, 'the id "SYR1" is used by an earlier row; this event\'s id is "SYR1-2"'],
      [5, 'the id "SYR 3/a" has characters ids cannot hold; this event\'s id is "SYR-3-a"'],
      [7, `the id "${long.slice(0, 59)}…" is longer than 120 characters; this event's id is "${long.slice(0, 120)}"`]
    ]);
  });

  it('does not hand out an id an entity already has', () => {
    const b = new ImportBuilder('x.csv', 'csv');
    const place = b.place({ name: 'Raqqa' });
    expect(b.eventId(place, 2)).toBe(`${place}-2`);
  });
});

/** Rows of three events in two countries, made into a builder (with `sink`, or keeping them). */
function build(sink?: ImportEventSink) {
  const b = new ImportBuilder('x.csv', 'acled', sink);
  const source = b.source({ publisher: 'Wire', title: 'Reports' });
  const deir = b.place({ name: 'Deir ez-Zor', countries: ['SY'] });
  const qaim = b.place({ name: 'al-Qaim', countries: ['IQ'] });
  const border = b.place({ name: 'Border', countries: ['SY', 'IQ'] });
  const actor = b.actor({ name: 'Syrian army' });
  const event = (id: string, places: string[]): EventInput => ({ id, type: 'capture', title: id, start: { value: '2017-11-03', precision: 'day' }, places, actors: [{ actor, role: 'attacker' }], citations: [{ source }] });
  b.addEvent(event('a', [deir]), 2);
  b.addEvent(event('b', [qaim, deir]), 3);
  b.addEvent(event('c', [deir]), 4);
  b.addEvent(event('d', [border]), 5);
  return b.finish({ title: 'Made' }, 4);
}

describe('events handed to a sink', () => {
  it('go to the sink as they are made, with their lines and a header that already knows what they refer to', () => {
    const seen: { id: string; line: number | undefined; refsKnown: boolean }[] = [];
    let header: GrowingHeader | undefined;
    const sink: ImportEventSink = {
      begin: (h) => (header = h),
      add: (e, line) => seen.push({ id: e.id, line, refsKnown: e.places!.every((p) => header!.placeIds.has(p) && header!.places.get(p)?.id === p) && e.actors!.every((a) => header!.actorIds.has(a.actor)) })
    };
    const result = build(sink);
    expect(seen).toEqual([
      { id: 'a', line: 2, refsKnown: true },
      { id: 'b', line: 3, refsKnown: true },
      { id: 'c', line: 4, refsKnown: true },
      { id: 'd', line: 5, refsKnown: true }
    ]);
    expect(result.dataset.events).toEqual([]);
    expect(result.lineOfEvent).toEqual([]);
    expect(result.rows).toEqual({ total: 4, imported: 4, skipped: 0 });
    expect(header!.placeIndex(result.dataset.places![1]!.id)).toBe(1);
    expect(header!.actorIndex(result.dataset.actors![0]!.id)).toBe(0);
  });

  it('make the same header, theatres included (each event counted once per country), as keeping them', () => {
    const kept = build();
    const streamed = build({ begin: () => {}, add: () => {} });
    const { events, ...header } = kept.dataset;
    expect({ ...streamed.dataset, events: [] }).toEqual({ ...header, events: [] });
    expect(events.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(kept.lineOfEvent).toEqual([2, 3, 4, 5]);
    // Syria: a, b, c, d; Iraq: b, d.
    expect((kept.dataset as DatasetInput).metadata.theatres).toEqual([
      { country: 'SY', label: 'Syria' },
      { country: 'IQ', label: 'Iraq' }
    ]);
  });
});
