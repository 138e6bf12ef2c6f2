// packDataset: the native file image of a dataset built in memory reads back through the native
// loader with the same columns and byte ranges, readEvent finds every event, and odd text survives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDatasetBytes, readEvent } from './loadDatasetBytes';
import { nativeHead, packDataset, NATIVE_TAIL } from './packDataset';
import type { Problem } from './problems';
import type { Dataset } from './schema';
import { parseDatasetText, validateDataset } from './validateDataset';

const BUNDLED_TEXT = readFileSync(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url), 'utf8');

function valid(raw: unknown): Dataset {
  const check = validateDataset(raw, 'test.frontline');
  if (!check.ok) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
  return check.dataset;
}

function bundled(): Dataset {
  const check = parseDatasetText(BUNDLED_TEXT, 'bundled.frontline');
  if (!check.ok) throw new Error('bundled dataset invalid');
  return check.dataset;
}

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

function small(events: unknown[]): Dataset {
  return valid({
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Small' },
    sources: [{ id: 'wire', publisher: 'Wire', title: 'Report' }],
    events
  });
}

const event = (id: string, title: string, day = '2017-11-03') => ({
  id,
  type: 'statement',
  title,
  start: { value: day, precision: 'day' },
  citations: [{ source: 'wire', quote: 'Said so.' }]
});

describe('packDataset', () => {
  it('writes a native file that parses back to the same dataset', () => {
    const dataset = bundled();
    const { bytes } = packDataset(dataset);
    const { events, $schema: _schema, ...header } = dataset;
    const reparsed = JSON.parse(decode(bytes)) as Dataset;
    expect(reparsed).toEqual({ ...header, events });
    // Canonical key order, format first.
    expect(Object.keys(reparsed)).toEqual(['format', 'version', 'metadata', 'sources', 'places', 'actors', 'events']);
    expect(decode(bytes).endsWith(NATIVE_TAIL)).toBe(true);
  });

  it('gives the same columns, header and byte ranges as loading its bytes as a native file', () => {
    const packed = packDataset(bundled());
    const loaded = loadDatasetBytes(packed.bytes, 'bundled.frontline');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(packed.loaded.columns).toEqual(loaded.loaded.columns);
    expect(packed.loaded.header).toEqual(loaded.loaded.header);
    expect(packed.loaded.eventRanges).toEqual(loaded.loaded.eventRanges);
    expect(loaded.loaded.warnings).toEqual([]);
  });

  it('gives the same columns as loading the original file', () => {
    const packed = packDataset(bundled());
    const original = loadDatasetBytes(new TextEncoder().encode(BUNDLED_TEXT), 'bundled.frontline');
    if (!original.ok) throw new Error('bundled did not load');
    expect(packed.loaded.columns).toEqual(original.loaded.columns);
    expect(packed.loaded.header).toEqual(original.loaded.header);
  });

  it('each byte range holds exactly its event, which readEvent returns whole', () => {
    const dataset = bundled();
    const packed = packDataset(dataset);
    expect(packed.loaded.eventRanges.length).toBe(dataset.events.length * 2);
    for (let i = 0; i < dataset.events.length; i++) {
      const slice = packed.bytes.subarray(packed.loaded.eventRanges[2 * i], packed.loaded.eventRanges[2 * i + 1]);
      expect(JSON.parse(decode(slice))).toEqual(dataset.events[i]);
      expect(readEvent(packed.bytes, packed.loaded.eventRanges, i, 'x')).toEqual(dataset.events[i]);
    }
  });

  it('hands the buffer over whole (exact size), ready to transfer', () => {
    const { bytes } = packDataset(bundled());
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
  });

  it('keeps Arabic, emoji, quotes, backslashes, line separators and lone surrogates intact as JSON', () => {
    const titles = ['دير الزور', 'Flag 🇸🇾 and 👍🏽', 'He said "no" \\ then left', 'line\u2028separator', 'lone \ud800 surrogate'];
    const dataset = small(titles.map((t, i) => event(`e${i}`, t)));
    const packed = packDataset(dataset);
    const loaded = loadDatasetBytes(packed.bytes, 'odd.frontline');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    for (let i = 0; i < titles.length; i++) {
      expect(readEvent(packed.bytes, packed.loaded.eventRanges, i, 'x')?.title).toBe(dataset.events[i]!.title);
    }
    expect(packed.loaded.columns).toEqual(loaded.loaded.columns);
  });

  it('writes a dataset without events as a valid file with an empty list', () => {
    const dataset = small([]);
    const packed = packDataset(dataset);
    expect(JSON.parse(decode(packed.bytes))).toMatchObject({ events: [] });
    expect(packed.loaded.columns.count).toBe(0);
    expect(packed.loaded.eventRanges.length).toBe(0);
    expect(loadDatasetBytes(packed.bytes, 'empty.frontline').ok).toBe(true);
  });

  it('passes the warnings on and sets no skipped list', () => {
    const warnings: Problem[] = [{ severity: 'warning', file: 'x.csv', line: 3, message: 'title cut' }];
    const packed = packDataset(small([event('a', 'A')]), warnings);
    expect(packed.loaded.warnings).toEqual(warnings);
    expect(packed.loaded.skipped).toBeUndefined();
  });

  it('keeps sourceIndex as the event position in the file while columns are sorted by start', () => {
    const dataset = small([event('late', 'Late', '2017-12-01'), event('early', 'Early', '2017-01-01')]);
    const { loaded } = packDataset(dataset);
    expect([...loaded.columns.sourceIndex]).toEqual([1, 0]);
  });

  it('refuses an event that was not validated', () => {
    const dataset = small([event('a', 'A')]);
    const broken = { ...dataset, events: [{ ...dataset.events[0]!, start: { value: '2017-02-30', precision: 'day' as const } }] };
    expect(() => packDataset(broken)).toThrow(/was not validated/);
  });
});

describe('nativeHead', () => {
  it('leaves out $schema and anything not in the format', () => {
    const dataset = bundled();
    const head = nativeHead({ ...dataset, $schema: './x.json', extra: 1 } as unknown as Dataset);
    expect(head).not.toContain('$schema');
    expect(head).not.toContain('extra');
    expect(JSON.parse(`${head}${NATIVE_TAIL}`)).toEqual({ format: 'frontline-dataset', version: 1, metadata: dataset.metadata, sources: dataset.sources, places: dataset.places, actors: dataset.actors, events: [] });
  });
});
