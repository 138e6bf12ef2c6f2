// Save As records each local copy's SHA-256: computed for a copy that had none or that matches,
// never for a changed one (its recorded hash is kept and the user warned), kept for a missing one;
// the saved file opens again with the same checks, and saving it again changes nothing.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../shared/dataset/schema';
import { DatasetService, inlineRunLoad } from '../dataset/datasetService';
import { checkSourceCopy } from './localCopyHash';
import { saveHeldDataset } from './saveDataset';

const TEXT = 'The town was taken on Friday. Hundreds fled the town.';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let tmp: string;
let dir: string;
let path: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-save-hashes-'));
  dir = join(tmp, 'dataset');
  await mkdir(join(dir, 'sources'), { recursive: true });
  await writeFile(join(dir, 'sources', 'fresh.txt'), TEXT);
  await writeFile(join(dir, 'sources', 'same.txt'), TEXT);
  await writeFile(join(dir, 'sources', 'edited.txt'), `${TEXT} Edited.`);
  const sources = [
    { id: 'fresh', publisher: 'Wire', title: 'Report', localCopy: 'sources/fresh.txt', note: 'no hash yet' },
    { id: 'same', publisher: 'Wire', title: 'Report', localCopy: 'sources/same.txt', sha256: sha256(TEXT).toUpperCase() },
    { id: 'edited', publisher: 'Wire', title: 'Report', localCopy: 'sources/edited.txt', sha256: sha256(TEXT) },
    { id: 'gone', publisher: 'Wire', title: 'Report', localCopy: 'sources/gone.txt', sha256: sha256(TEXT) },
    { id: 'web', publisher: 'Wire', title: 'Report', url: 'https://example.org/x', archive: 'https://web.archive.org/web/2017/https://example.org/x' }
  ];
  path = join(dir, 'data.frontline');
  await writeFile(
    path,
    JSON.stringify({
      format: 'frontline-dataset',
      version: 1,
      metadata: { title: 'Save hashes' },
      sources,
      events: sources.map((s, i) => ({ id: `e${i}`, type: 'capture', title: 'Town taken', start: { value: '2017-11-03', precision: 'day' }, citations: [{ source: s.id, quote: 'Taken.' }] }))
    })
  );
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function held(file: string) {
  const service = new DatasetService(inlineRunLoad);
  const outcome = await service.open(file);
  if (outcome.kind !== 'opened') throw new Error(`${file} did not open: ${outcome.kind}`);
  return (await service.held())!;
}

const sourcesIn = async (file: string) => (JSON.parse(await readFile(file, 'utf8')) as { sources: Source[] }).sources;

describe('Save As and local copies', () => {
  it('records the hashes it may, keeps a changed copy\'s recorded one, and says so', async () => {
    const target = join(dir, 'saved.frontline');
    const result = await saveHeldDataset(await held(path), 'frontline', null, target);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.warnings).toEqual([
      'Source "edited": its local copy sources/edited.txt changed since the dataset was made; the SHA-256 recorded for it was kept, not replaced by the copy\'s. Check the copy, and use "Replace local copy…" in the event\'s details to record the new one.',
      'Source "gone": its local copy sources/gone.txt could not be read (no such file), so the SHA-256 recorded for it was written unchecked.'
    ]);
    const saved = await sourcesIn(target);
    expect(saved.map((s) => [s.id, s.sha256])).toEqual([
      ['fresh', sha256(TEXT)],
      ['same', sha256(TEXT)],
      ['edited', sha256(TEXT)],
      ['gone', sha256(TEXT)],
      ['web', undefined]
    ]);
    // The hash goes just after the copy's name; the archive reference is kept as written.
    expect(Object.keys(saved[0]!)).toEqual(['id', 'kind', 'publisher', 'title', 'localCopy', 'sha256', 'note']);
    expect(saved[4]!.archive).toBe('https://web.archive.org/web/2017/https://example.org/x');
  });

  it('the saved file opens with the same checks, and saving it again writes the same hashes and warnings', async () => {
    const target = join(dir, 'saved.frontline');
    const states = await Promise.all((await sourcesIn(target)).filter((s) => s.localCopy).map(async (s) => [s.id, (await checkSourceCopy(target, s)).state]));
    expect(states).toEqual([
      ['fresh', 'verified'],
      ['same', 'verified'],
      ['edited', 'changed'],
      ['gone', 'missing']
    ]);
    const again = join(dir, 'again.frontline');
    const result = await saveHeldDataset(await held(target), 'frontline', null, again);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.warnings).toHaveLength(2);
    expect(await sourcesIn(again)).toEqual(await sourcesIn(target));
  });

  it('saved into another folder: the hashes are written, and it says the copies stay behind', async () => {
    const elsewhere = join(tmp, 'elsewhere');
    await mkdir(elsewhere);
    const result = await saveHeldDataset(await held(path), 'frontline', Uint32Array.of(0), join(elsewhere, 'one.frontline'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.warnings?.at(-1)).toBe(`The local copies stay in ${dir}: copy the 4 files its sources name (localCopy) beside one.frontline for them to be found and verified there.`);
    expect((await sourcesIn(join(elsewhere, 'one.frontline')))[0]!.sha256).toBe(sha256(TEXT));
  });

  it('CSV has no hashes and no warnings', async () => {
    const result = await saveHeldDataset(await held(path), 'csv', null, join(dir, 'events.csv'));
    expect(result.ok && result.value.warnings).toBeUndefined();
  });
});
