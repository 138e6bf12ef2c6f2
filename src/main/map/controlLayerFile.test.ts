// File › Open Control Layer… in main, through the real dispatcher and handlers: a good (synthetic)
// layer comes back whole; a broken one is refused whole with every problem by file, line, feature
// and field; hostile files (over 64 MB, a FIFO, a folder, deep nesting, prototype keys, a KML with
// entities) are refused without being read into memory or hanging; a cancelled dialog is nothing.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type LayerOutcome, type Result } from '../../shared/ipc/contract';
import { createDispatcher } from '../ipc/dispatcher';
import { createHandlers, type HandlerDeps } from '../ipc/handlers';
import { LayerSession, openControlLayerFile } from './controlLayerFile';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/map/', import.meta.url));
const GOOD = join(FIXTURES, 'synthetic-control-2017.geojson');
const BROKEN = join(FIXTURES, 'broken-control.geojson');
const ENTITIES = join(FIXTURES, 'entities.kml');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-layer-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The IPC call the window makes, answered by the real dispatcher and handlers with this dialog answer. */
async function openThroughIpc(answer: string | undefined, withLayers = true): Promise<Result<LayerOutcome>> {
  const asked: string[] = [];
  const deps = {
    ...(withLayers ? { layers: new LayerSession({ dialogs: { showOpenLayer: async () => (asked.push('layer'), answer) } }) } : {})
  } as unknown as HandlerDeps;
  const dispatch = createDispatcher(createHandlers(deps), () => true);
  const result = (await dispatch(INVOKE_CHANNELS.openControlLayer, { url: 'app://frontline/index.html', isMainFrame: true }, [])) as Result<LayerOutcome>;
  if (withLayers) expect(asked).toEqual(['layer']);
  return result;
}

function failed(outcome: LayerOutcome) {
  if (outcome.kind !== 'failed') throw new Error(`expected a refusal, got ${outcome.kind}`);
  return outcome.error;
}

describe('opening a control layer in main', () => {
  it('a good layer: its features with controller and dates, through the IPC call', async () => {
    const result = await openThroughIpc(GOOD);
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.kind !== 'opened') throw new Error('not opened');
    const { layer, file, warnings } = result.value;
    expect(file).toEqual({ path: GOOD, displayName: 'synthetic-control-2017.geojson' });
    expect(warnings).toEqual([]);
    expect(layer.format).toBe('geojson');
    expect(layer.controllers).toEqual(['Side A (synthetic)', 'Side B (synthetic)']);
    expect(layer.features.map((f) => [f.controller, f.validFromText, f.validToText ?? null, f.geometry.kind])).toEqual([
      ['Side A (synthetic)', '2017-01', '2017-10', 'area'],
      ['Side B (synthetic)', '2017-11-01', null, 'area'],
      ['Side B (synthetic)', '2017-10-15', '2017-11-03', 'point']
    ]);
    // Plain data: crosses IPC (structured clone) as it is, open-ended validity included.
    expect(structuredClone(layer)).toEqual(layer);
    expect(layer.features[1]!.validTo).toBe(Infinity);
  });

  it('a broken layer is refused whole, each problem naming the file, line, feature and field', async () => {
    const result = await openThroughIpc(BROKEN);
    if (!result.ok) throw new Error(result.error.message);
    const error = failed(result.value);
    expect(error.code).toBe('invalid-data');
    expect(error.message).toBe('broken-control.geojson could not be opened as a control layer: nothing of it was drawn.');
    const problems = error.problems!;
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems) {
      expect(p.file).toBe('broken-control.geojson');
      expect(p.line).toBeGreaterThan(0);
      expect(p.field).toMatch(/^features\[\d+\]/);
    }
    expect(problems).toContainEqual(expect.objectContaining({ line: 24, field: 'features[3].properties.validFrom', message: '"2017-13" is not a date: it has no month 13' }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'features[4].properties.controller' }));
  });

  it('a cancelled dialog opens nothing; without a layer session the call says so', async () => {
    expect(await openThroughIpc(undefined)).toEqual({ ok: true, value: { kind: 'dismissed' } });
    const none = await openThroughIpc(GOOD, false);
    expect(none.ok).toBe(false);
  });

  it('a file over 64 MB is refused before it is read', async () => {
    const big = join(tmp, 'huge.geojson');
    await writeFile(big, '');
    // Sparse: 65 MB on paper, nothing on disk; reading it whole would take 65 MB.
    await truncate(big, 65 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const error = failed(await openControlLayerFile(big));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    expect(error.problems![0]!.message).toMatch(/too large for a control layer \(at most 64 MB\)/);
    expect(error.problems![0]!.file).toBe('huge.geojson');
  });

  it('a folder or a FIFO is refused (never waited on)', async () => {
    const folder = join(tmp, 'folder.geojson');
    await mkdir(folder);
    expect(failed(await openControlLayerFile(folder)).problems![0]!.message).toMatch(/folder/);
    if (process.platform === 'win32') return;
    const fifo = join(tmp, 'pipe.geojson');
    execFileSync('mkfifo', [fifo]);
    expect(failed(await openControlLayerFile(fifo)).problems![0]!.message).toMatch(/not a regular file/);
  });

  it('hostile contents: deep nesting, prototype keys, entities, not a layer at all', async () => {
    const cases: [string, string, RegExp][] = [
      ['deep.geojson', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /deep|nest/i],
      // A controller hidden in "__proto__" is data, not the feature's: it has none.
      ['proto.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"__proto__":{"controller":"Hidden","validFrom":"2017"}},"geometry":{"type":"Point","coordinates":[40,35]}}]}', /controller/],
      ['nothing.txt', 'hello', /neither GeoJSON nor KML/]
    ];
    for (const [name, text, message] of cases) {
      const path = join(tmp, name);
      await writeFile(path, text);
      const error = failed(await openControlLayerFile(path));
      expect(error.problems!.some((p) => message.test(p.message)), `${name}: ${JSON.stringify(error.problems)}`).toBe(true);
      expect(error.problems!.every((p) => p.file === name)).toBe(true);
    }
    expect(({} as { controller?: unknown }).controller).toBeUndefined();
    const kml = failed(await openControlLayerFile(ENTITIES));
    expect(kml.problems!.some((p) => /DOCTYPE|entit/i.test(p.message))).toBe(true);
  });
});
