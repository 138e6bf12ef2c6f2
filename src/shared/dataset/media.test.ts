// Media of an event (pictures, videos, sounds, maps a TimelineJS slide shows): checked like the
// rest of an event, on both paths (zod and the loader's Ajv fast check), an address that is not
// http(s) is a warning (it is only ever shown as text), and the event JSON writer keeps them.
import { describe, expect, it } from 'vitest';
import { fastEventCheck } from '../../main/dataset/fastEventCheck';
import { EventJsonWriter } from './eventJson';
import { loadDatasetBytes, readEvent } from './loadDatasetBytes';
import { validateDataset } from './validateDataset';
import { importText } from '../import/importText';
import { importFixture } from '../../../tests/support/importFixtures';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests build deliberately malformed datasets */

function dataset(media: unknown): any {
  return {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Media' },
    sources: [{ id: 'src', kind: 'other', publisher: 'P', title: 'T' }],
    events: [{ id: 'e1', type: 'other', title: 'With media', start: { value: '2017-11-03', precision: 'day' }, citations: [{ source: 'src' }], media }]
  };
}

const GOOD = [
  { url: 'https://example.org/photo.jpg', kind: 'image', caption: 'Troops near al-Qaim', credit: 'Example Agency' },
  { url: 'https://www.youtube.com/watch?v=abc', kind: 'video' },
  { url: 'https://example.org/page' }
];

/** Both paths the app takes: validateDataset (zod), and the streaming loader with the Ajv fast check. */
function checkBoth(media: unknown) {
  const raw = dataset(media);
  const text = JSON.stringify(raw, null, 2);
  const zod = validateDataset(structuredClone(raw), 'media.frontline', text);
  const bytes = new TextEncoder().encode(text);
  const loaded = loadDatasetBytes(bytes, 'media.frontline', { fastCheck: fastEventCheck() });
  return { zod, loaded, bytes };
}

describe('event media', () => {
  it('are optional and kept as written, on both paths, and read back from the file image', () => {
    const { zod, loaded, bytes } = checkBoth(GOOD);
    expect(zod.ok).toBe(true);
    if (!zod.ok) return;
    expect(zod.warnings).toEqual([]);
    expect(zod.dataset.events[0]!.media).toEqual(GOOD);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.loaded.warnings).toEqual([]);
    const event = readEvent(bytes, loaded.loaded.eventRanges, 0, 'media.frontline');
    expect(event?.media).toEqual(GOOD);
    // An event without media gets none (no empty list is added).
    const none = validateDataset(dataset(undefined), 'none.frontline');
    expect(none.ok && none.dataset.events[0]!.media).toBeUndefined();
  });

  it('an address that is not http(s) is a warning naming the field: shown as text, never opened', () => {
    const { zod, loaded } = checkBoth([{ url: 'javascript:alert(1)', kind: 'image' }, { url: '//example.org/x.jpg' }]);
    expect(zod.ok).toBe(true);
    if (!zod.ok || !loaded.ok) throw new Error('should open');
    for (const warnings of [zod.warnings, loaded.loaded.warnings]) {
      expect(warnings.map((w) => [w.severity, w.field, w.message, w.line])).toEqual([
        ['warning', 'events[0] (id "e1").media[0].url', 'this address is not an http(s) web address; it is shown as text and never opened', expect.any(Number)],
        ['warning', 'events[0] (id "e1").media[1].url', 'this address is not an http(s) web address; it is shown as text and never opened', expect.any(Number)]
      ]);
    }
  });

  it.each([
    ['an unknown kind', [{ url: 'https://a.org/x', kind: 'hologram' }], 'events[0] (id "e1").media[0].kind', /not allowed here; use one of "image", "video", "audio", "map", "document", "other"/],
    ['an empty address', [{ url: '' }], 'events[0] (id "e1").media[0].url', /must not be empty/],
    ['no address', [{ caption: 'x' }], 'events[0] (id "e1").media[0].url', /required but missing/],
    ['an unknown field', [{ url: 'https://a.org/x', embed: '<iframe>' }], 'events[0] (id "e1").media[0].embed', /unknown field "embed"/],
    ['an address over 2,048 characters', [{ url: `https://a.org/${'a'.repeat(2048)}` }], 'events[0] (id "e1").media[0].url', /2048/],
    ['a caption over 500 characters', [{ url: 'https://a.org/x', caption: 'c'.repeat(501) }], 'events[0] (id "e1").media[0].caption', /500/],
    ['not a list', { url: 'https://a.org/x' }, 'events[0] (id "e1").media', /should be array but is an object/]
  ])('refuses %s, naming the field, on both paths', (_what, media, field, message) => {
    const { zod, loaded } = checkBoth(media);
    expect(zod.ok).toBe(false);
    expect(loaded.ok).toBe(false);
    if (zod.ok || loaded.ok) return;
    for (const problems of [zod.problems, loaded.problems]) {
      expect(problems[0]).toMatchObject({ severity: 'error', field });
      expect(problems[0]!.message).toMatch(message);
    }
  });

  it('the event JSON writer writes events with media exactly as JSON.stringify does', () => {
    const w = new EventJsonWriter();
    const shared = GOOD[0]!;
    for (const media of [GOOD, [shared], [shared, { url: 'https://a.org/"quoted"\u2028' }], []]) {
      const e = { id: 'e', title: 't', media, citations: [{ source: 's' }] };
      expect(w.text(e)).toBe(JSON.stringify(e));
    }
  });

  it('the event JSON writer writes every event of a TimelineJS import with media and quotes as JSON.stringify does', () => {
    const outcome = importText(importFixture('timelinejs-media.json'), 'timelinejs-media.json');
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    const events = outcome.result.dataset.events;
    expect(events.filter((e) => e.media !== undefined).length).toBe(5);
    const w = new EventJsonWriter();
    for (const e of events) expect(w.text(e)).toBe(JSON.stringify(e));
  });
});
