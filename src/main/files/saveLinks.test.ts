// Links through opening, the cache of opened files and Save As: they reach the header the window
// gets, come back the same from the cache, and a file saved with some of the events keeps the links
// whose two events it keeps (a link to an event left out would make the saved file refuse to open).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringAt } from '../../shared/dataset/columns';
import { loadDatasetBytes } from '../../shared/dataset/loadDatasetBytes';
import { DatasetService, inlineCachedLoader, inlineRunLoad, type HeldDataset } from '../dataset/datasetService';
import { datasetOf } from '../dataset/openDatasetFile';
import { saveHeldDataset } from './saveDataset';

const LINKS = fileURLToPath(new URL('../../../tests/fixtures/links.frontline', import.meta.url));

let tmp: string;
let held: HeldDataset;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-links-'));
  const service = new DatasetService(inlineRunLoad);
  await service.load(LINKS, { displayName: 'links.frontline', bundled: false });
  held = (await service.held())!;
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const pairs = (links: readonly { from: string; to: string; kind: string }[]) => links.map((l) => `${l.from} ${l.kind} ${l.to}`);

/** Column indices of these event ids. */
function indicesOf(ids: readonly string[]): Uint32Array {
  const cols = held.payload.columns;
  const all = Array.from({ length: cols.count }, (_, i) => stringAt(cols.ids, i));
  return Uint32Array.from(ids.map((id) => all.indexOf(id)));
}

describe('links when opening', () => {
  it('reach the header the window gets, each with its note and citation', () => {
    expect(pairs(held.payload.header.links)).toEqual([
      'e-offensive leads-to e-capture',
      'e-raid part-of e-offensive',
      'e-report disputes e-capture',
      'e-response responds-to e-capture',
      'e-dup same-as e-capture',
      'e-far related-to e-capture'
    ]);
    expect(held.payload.header.links[0]!.citation).toEqual({ source: 'notes', quote: 'The offensive ended with the capture.' });
    expect(held.payload.header.links[2]!.note).toBe('The reports say the fighting went on.');
  });

  it('come back the same from the cache of opened files', async () => {
    const loader = inlineCachedLoader({ dir: join(tmp, 'cache'), maxBytes: 1024 ** 3, stamp: 'test' }, () => {});
    const never = new AbortController().signal;
    const file = { path: LINKS, displayName: 'links.frontline' };
    const first = datasetOf(await loader.runLoad(file, () => {}, never));
    await loader.idle();
    const second = datasetOf(await loader.runLoad(file, () => {}, never));
    expect(first?.dataset.fromCache).toBeFalsy();
    expect(second?.dataset.fromCache).toBe(true);
    expect(second?.dataset.header.links).toEqual(held.payload.header.links);
  });
});

describe('links when saving', () => {
  it('every event saved: every link written, and the file opens with them', async () => {
    const target = join(tmp, 'all.frontline');
    const result = await saveHeldDataset(held, 'frontline', null, target);
    expect(result.ok).toBe(true);
    const reopened = loadDatasetBytes(await readFile(target), 'all.frontline');
    expect(reopened.ok && reopened.loaded.header.links).toEqual(held.payload.header.links);
  });

  it('some events saved: only the links whose two events are saved', async () => {
    const target = join(tmp, 'some.frontline');
    const result = await saveHeldDataset(held, 'frontline', indicesOf(['e-offensive', 'e-capture', 'e-report', 'e-alone']), target);
    expect(result.ok).toBe(true);
    const reopened = loadDatasetBytes(await readFile(target), 'some.frontline');
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.problems));
    expect(reopened.loaded.columns.count).toBe(4);
    expect(pairs(reopened.loaded.header.links)).toEqual(['e-offensive leads-to e-capture', 'e-report disputes e-capture']);
  });

  it('no linked pair saved: the file has no links member at all', async () => {
    const target = join(tmp, 'none.frontline');
    expect((await saveHeldDataset(held, 'frontline', indicesOf(['e-capture', 'e-alone']), target)).ok).toBe(true);
    const text = await readFile(target, 'utf8');
    expect(text).not.toContain('"links"');
  });
});
