// saveDataset's parts: indices checked and de-duplicated, file order, the native image built from
// the held bytes, and the check that refuses to write a file that would not open.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetBytes } from '../../shared/dataset/loadDatasetBytes';
import { DatasetService, inlineRunLoad, type HeldDataset } from '../dataset/datasetService';
import { checkIndices, csvChunks, fileOrder, nativeFileBytes, saveHeldDataset } from './saveDataset';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));

let tmp: string;
let held: HeldDataset;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-save-'));
  const service = new DatasetService(inlineRunLoad);
  await service.load(BUNDLED, { displayName: 'bundled.frontline', bundled: true });
  held = (await service.held())!;
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('checkIndices', () => {
  it('all when null, in column order', () => {
    const r = checkIndices(held.payload.columns, null);
    expect(r.ok && [...r.value]).toEqual(Array.from({ length: BUNDLED_EVENT_COUNT }, (_, i) => i));
  });

  it('keeps the order given, once each', () => {
    const r = checkIndices(held.payload.columns, Uint32Array.of(4, 2, 4, 0, 2));
    expect(r.ok && [...r.value]).toEqual([4, 2, 0]);
  });

  it('refuses a position past the last event', () => {
    const n = BUNDLED_EVENT_COUNT;
    expect(checkIndices(held.payload.columns, Uint32Array.of(1, n))).toEqual({ ok: false, error: { code: 'bad-arguments', message: `The dataset has no event at position ${n} (it has ${n}).` } });
  });
});

describe('the native image', () => {
  it('puts the events in file order', () => {
    const cols = held.payload.columns;
    const order = fileOrder(cols, Uint32Array.of(0, 10, 20));
    expect([...order]).toEqual([cols.sourceIndex[0]!, cols.sourceIndex[10]!, cols.sourceIndex[20]!].sort((a, b) => a - b));
  });

  it('with no events is still a dataset that opens', () => {
    const bytes = nativeFileBytes(held, new Uint32Array(0));
    const r = loadDatasetBytes(bytes, 'empty.frontline');
    expect(r.ok && r.loaded.columns.count).toBe(0);
  });

  it('a file that would not open is never written', async () => {
    // A held image whose first event's text has been damaged.
    const bytes = new Uint8Array(held.bytes); // a copy (Buffer.slice would share the memory)
    bytes[held.ranges[0]!] = 0x5b; // "{" → "["
    const target = join(tmp, 'damaged.frontline');
    const result = await saveHeldDataset({ ...held, bytes }, 'frontline', null, target);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(!result.ok && result.error.message).toMatch(new RegExp(`^${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was not written: the file made from the dataset did not pass its own checks \\(`));
    expect(await readdir(tmp)).toEqual([]);
  });
});

describe('csvChunks', () => {
  it('yields the BOM and header first, then lines in chunks', () => {
    const chunks = [...csvChunks(held, Uint32Array.of(0, 1, 2, 3, 4), 2)];
    expect(chunks).toHaveLength(3);
    expect(chunks[0]!.startsWith('\uFEFFid,type,title,')).toBe(true);
    expect(chunks.join('').split('\r\n').filter((l) => l !== '')).toHaveLength(6);
  });
});
