// packDataset: the native file image of a dataset built in memory reads back through the native
// loader with the same columns and byte ranges, readEvent finds every event, and odd text survives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSameArray, expectSameColumns } from '../../../tests/support/sameColumns';
import { syntheticAcledCsv } from '../../../tests/support/syntheticAcled';
import { fastEventCheck } from '../../main/dataset/fastEventCheck';
import { importText } from '../import/importText';
import { decodeText } from '../text/decodeText';
import { loadDatasetBytes, readEvent } from './loadDatasetBytes';
import { ByteSink, EVENT_INDENT, EVENT_SEPARATOR, nativeHead, packDataset, NATIVE_TAIL, type PackedDataset } from './packDataset';
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
  // packDataset serves imports, which have no stories (the bundled dataset's are saved by saveDataset).
  const { stories: _stories, ...dataset } = check.dataset;
  return dataset;
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
    expect(Object.keys(reparsed)).toEqual(['format', 'version', 'metadata', 'sources', 'places', 'actors', 'links', 'events']);
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
    expect(packed.loaded.header).toEqual({ ...original.loaded.header, stories: [] });
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
    expect(JSON.parse(`${head}${NATIVE_TAIL}`)).toEqual({ format: 'frontline-dataset', version: 1, metadata: dataset.metadata, sources: dataset.sources, places: dataset.places, actors: dataset.actors, links: dataset.links, events: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// packDataset builds the columns from the event objects instead of reading its bytes back: these
// hold the two to each other on datasets of every kind, so they cannot drift apart.

const IMPORTS = new URL('../../../tests/fixtures/import/', import.meta.url);

/** A file imported as openDatasetFile imports it (the same validation), ready to pack. */
function importedDataset(name: string, text?: string): Dataset {
  let body = text;
  if (body === undefined) {
    const decoded = decodeText(readFileSync(new URL(name, IMPORTS)), name);
    if (!decoded.ok) throw new Error(decoded.problem.message);
    body = decoded.text;
  }
  const outcome = importText(body, name);
  if (outcome.status !== 'imported') throw new Error(`${name}: ${outcome.status}`);
  const check = validateDataset(outcome.result.dataset, name, undefined, { lineOfEvent: outcome.result.lineOfEvent, fastCheck: fastEventCheck(), skipInvalidEvents: true });
  if (!check.ok) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
  return check.dataset;
}

/** The file image as it always was written: the head, each event's JSON on its own line, the tail. */
function expectedImage(dataset: Dataset): string {
  return `${nativeHead(dataset)}${dataset.events.map((e) => `${EVENT_INDENT}${JSON.stringify(e)}`).join(EVENT_SEPARATOR)}${NATIVE_TAIL}`;
}

/** packDataset's result is exactly what loading its bytes as a native file gives. */
function expectSameAsLoaded(packed: PackedDataset, dataset: Dataset): void {
  expect(decode(packed.bytes) === expectedImage(dataset)).toBe(true);
  expect(packed.bytes.byteOffset).toBe(0);
  expect(packed.bytes.byteLength).toBe(packed.bytes.buffer.byteLength);
  const loaded = loadDatasetBytes(packed.bytes, 'packed.frontline', { fastCheck: fastEventCheck() });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
  expectSameArray(packed.loaded.eventRanges, loaded.loaded.eventRanges, 'eventRanges');
  expect(packed.loaded.header).toEqual(loaded.loaded.header);
  expectSameColumns(packed.loaded.columns, loaded.loaded.columns);
  expect(loaded.loaded.skipped).toBeUndefined();
}

/** Runs `body` as where ArrayBuffers cannot be resized (older runtimes). */
function withoutResizableBuffers(body: () => void): void {
  const proto = ArrayBuffer.prototype as unknown as Record<string, unknown>;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'resize');
  if (descriptor) delete proto['resize'];
  try {
    body();
  } finally {
    if (descriptor) Object.defineProperty(proto, 'resize', descriptor);
  }
}

describe('packDataset: the same as loading what it wrote', () => {
  const cases: [string, () => Dataset][] = [
    ['the bundled dataset', bundled],
    ['a synthetic ACLED export of 3,000 rows', () => importedDataset('synthetic-acled.csv', syntheticAcledCsv(3000, 7))],
    ['an ACLED export (current layout)', () => importedDataset('acled-current.csv')],
    ['an ACLED export with notes over several lines', () => importedDataset('acled-multiline-notes.csv')],
    ['an old upper-case ACLED export', () => importedDataset('acled-old-upper.csv')],
    ['a UCDP GED export', () => importedDataset('ucdp-ged.csv')],
    ['a TimelineJS JSON file', () => importedDataset('timelinejs-normal.json')],
    ['a TimelineJS sheet', () => importedDataset('timelinejs-normal.csv')]
  ];
  for (const [name, dataset] of cases) {
    it(`${name}: columns, header, byte ranges and bytes`, () => {
      const ds = dataset();
      expect(ds.events.length).toBeGreaterThan(0);
      expectSameAsLoaded(packDataset(ds), ds);
    });
  }

  it('grows its buffer when the first events are much shorter than the rest, also for text of several bytes a character', () => {
    // The first few hundred events size the buffer; far longer (and non-ASCII) ones follow.
    const short = Array.from({ length: 300 }, (_, i) => event(`s${i}`, `S${i}`));
    const long = Array.from({ length: 200 }, (_, i) => ({ ...event(`l${i}`, `دير الزور ${'🇸🇾 '.repeat(40)}${i}`), summary: `${'ملخص طويل جدا، '.repeat(600)}${i}` }));
    const dataset = small([...short, ...long]);
    expectSameAsLoaded(packDataset(dataset), dataset);
    withoutResizableBuffers(() => expectSameAsLoaded(packDataset(dataset), dataset));
  });

  it('gives the same result where ArrayBuffers cannot be resized', () => {
    const dataset = importedDataset('acled-current.csv');
    withoutResizableBuffers(() => {
      const packed = packDataset(dataset);
      expect(packed.bytes.buffer).toBeInstanceOf(ArrayBuffer);
      expectSameAsLoaded(packed, dataset);
    });
  });
});

describe('ByteSink', () => {
  const pieces = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? `plain ${i} ` : i % 3 === 1 ? `دير الزور ${i} ` : `🇸🇾 "q" \\ ${i}\n`).repeat(1 + (i % 17)));
  const expected = new TextEncoder().encode(pieces.join(''));
  const fill = (sink: ByteSink) => {
    for (const [i, p] of pieces.entries()) sink.write(p, (pieces.length - i) * 8);
    return sink.finish();
  };
  const expectExact = (bytes: Uint8Array) => {
    expectSameArray(bytes, expected, 'bytes');
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
  };

  it('grows in place, and past what it reserved by moving to a larger buffer, keeping every byte', () => {
    // Starts at 1 KB with 4 KB reserved: the text is about 150 KB.
    expectExact(fill(new ByteSink(1024, 4096)));
    expectExact(fill(new ByteSink(1024)));
  });

  it('does the same with plain buffers where ArrayBuffers cannot be resized', () => {
    withoutResizableBuffers(() => {
      expectExact(fill(new ByteSink(1024, 4096)));
      expectExact(fill(new ByteSink(expected.length)));
    });
  });

  it('writes raw bytes between texts', () => {
    const sink = new ByteSink(1);
    sink.write('a');
    sink.writeBytes(new Uint8Array([44, 10]));
    sink.write('é');
    expect(decode(sink.finish())).toBe('a,\né');
  });
});
