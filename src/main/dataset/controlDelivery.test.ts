// Control records travel with the dataset: made while a native file's events are checked, while an
// import's rows are packed, kept in the cache of opened files and read back from it, and handed to
// the window in the payload (getDataset), the same records "control at a date" works from.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../shared/dataset/validateDataset';
import type { FileRef } from '../../shared/ipc/contract';
import { controlRecordsFromDataset } from '../../shared/map/controlRecords';
import { packControl, unpackControl, type ControlData } from '../../shared/map/controlPack';
import type { CacheConfig } from '../cache/openCache';
import { DatasetService, inlineCachedLoader, inlineRunLoad } from './datasetService';
import { datasetOf, openDatasetFile } from './openDatasetFile';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const ACLED = fileURLToPath(new URL('../../../tests/fixtures/import/acled-sub-event-types.csv', import.meta.url));

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-control-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const never = new AbortController().signal;
const ref = (path: string): FileRef => ({ path, displayName: path.split('/').at(-1)! });

/** The records of packed control data, each named by its event's id as `ids` (by position in the file) say. */
const unpacked = (control: ControlData, ids: (source: number) => string) => unpackControl(control, ids);

/** What the bundled dataset's capture and control events come to, worked out from the whole validated dataset. */
function expectedBundled() {
  const check = parseDatasetText(readFileSync(BUNDLED, 'utf8'), 'bundled.frontline');
  if (!check.ok) throw new Error('the bundled dataset is invalid');
  return { dataset: check.dataset, ...controlRecordsFromDataset(check.dataset) };
}

describe('control records made while a file opens', () => {
  it('a native file: one record per capture and control event, as from the whole dataset', async () => {
    const want = expectedBundled();
    const opened = datasetOf(await openDatasetFile(BUNDLED));
    expect(opened).toBeDefined();
    const control = opened!.dataset.control;
    expect(control).toEqual(packControl(want.records, 0));
    const records = unpacked(control, (source) => want.dataset.events[source]!.id);
    expect(records.map((r) => r.id)).toEqual(want.dataset.events.filter((e) => e.type === 'capture' || e.type === 'control').map((e) => e.id));
    expect(records).toEqual(want.records);
    // Mosul: taken from IS, no taker named (none invented).
    const mosul = records.find((r) => r.id === 'mosul-taken')!;
    expect(mosul.holders).toEqual([]);
    expect(mosul.takenFrom.map((a) => want.dataset.actors[a]!.id)).toEqual(['islamic-state']);
    // A control event with an end ("IS held it since 2014, until 3 November") keeps it.
    expect(records.find((r) => r.id === 'is-holds-deir-al-zour')!.until).toMatchObject({ precision: 'day' });
  });

  it('an import: ACLED territory changes become capture records naming actor 1 as the taker', async () => {
    const outcome = await openDatasetFile(ACLED);
    const opened = datasetOf(outcome)!.dataset;
    const { header, control } = opened;
    expect(control.count).toBeGreaterThan(0);
    const csv = readFileSync(ACLED, 'utf8');
    const territorial = csv.split('\n').filter((line) => /regains territory|overtakes territory|Non-violent transfer/.test(line)).length;
    expect(control.count + control.withoutPlace).toBe(territorial);
    for (const r of unpacked(control, String)) {
      expect(r.kind).toBe('capture');
      expect(r.places.length).toBeGreaterThan(0);
      for (const p of r.places) expect(header.places[p]).toBeDefined();
      for (const a of r.holders) expect(header.actors[a]).toBeDefined();
      expect(r.holders.length).toBeGreaterThan(0);
    }
  });

  it('a file opened again from the cache brings the same records', async () => {
    const dir = join(tmp, 'cache-test');
    await mkdir(dir, { recursive: true });
    const cache: CacheConfig = { dir: join(dir, 'cache'), maxBytes: 1024 ** 3, stamp: 'test' };
    const loader = inlineCachedLoader(cache);
    for (const path of [BUNDLED, ACLED]) {
      const first = datasetOf(await loader.runLoad(ref(path), () => {}, never))!.dataset;
      await loader.idle();
      const again = datasetOf(await loader.runLoad(ref(path), () => {}, never))!.dataset;
      await loader.idle();
      expect(first.fromCache).toBe(false);
      expect(again.fromCache).toBe(true);
      expect(again.control.count).toBeGreaterThan(0);
      expect(again.control).toEqual(first.control);
    }
  });

  it('the window gets them with the dataset (getDataset)', async () => {
    const want = expectedBundled();
    const service = new DatasetService(inlineRunLoad);
    await service.load(BUNDLED, { displayName: 'bundled.frontline', bundled: true });
    const result = await service.awaitCurrent();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(unpacked(result.value.control, (source) => want.dataset.events[source]!.id)).toEqual(want.records);
    // Typed arrays: it crosses IPC (structured clone) unchanged.
    expect(structuredClone(result.value.control)).toEqual(result.value.control);
  });
});
