// The e2e bridge (tests/support/bridge.ts) against a stand-in Playwright page: calls reach the real
// dispatcher and file session, dialogs answer as the test queued, settings live in a temporary
// folder, main's own opens send 'main-open'; and the preload shim maps a dropped File to a path.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATASET, installBridge, preloadShimSource, type Bridge } from '../support/bridge';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type OpenOutcome, type Result } from '../../src/shared/ipc/contract';
import { BUNDLED_EVENT_COUNT } from '../support/bundledDataset';

const ORIGIN = 'http://127.0.0.1:4321';
const INVALID_REFS = join(import.meta.dirname, '..', 'fixtures', 'invalid-refs.frontline');

let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-bridge-test-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Just enough of a Playwright page: bindings are kept to be called, evaluations recorded. */
function fakePage() {
  const bindings = new Map<string, (source: { frame: unknown }, ...args: unknown[]) => unknown>();
  const initScripts: unknown[] = [];
  const evaluated: unknown[] = [];
  const mainFrame = { url: () => `${ORIGIN}/index.html` };
  const page = {
    exposeBinding: async (name: string, fn: (source: { frame: unknown }, ...args: unknown[]) => unknown) => {
      bindings.set(name, fn);
    },
    addInitScript: async (script: unknown, arg?: unknown) => {
      initScripts.push(arg === undefined ? script : { script, arg });
    },
    evaluate: async (_fn: unknown, arg: unknown) => {
      evaluated.push(arg);
    },
    mainFrame: () => mainFrame
  };
  const invoke = async (method: keyof typeof INVOKE_CHANNELS, ...args: unknown[]): Promise<Result<unknown>> =>
    (await bindings.get('__frontlineInvoke')!({ frame: mainFrame }, INVOKE_CHANNELS[method], args)) as Result<unknown>;
  return { page: page as unknown as Page, bindings, initScripts, evaluated, invoke, mainFrame };
}

async function install(options: Partial<Parameters<typeof installBridge>[1]> = {}) {
  const fake = fakePage();
  const bridge = await installBridge(fake.page, { trustedOrigin: ORIGIN, ...options });
  return { ...fake, bridge };
}

function outcome(result: Result<unknown>): OpenOutcome {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as OpenOutcome;
}

describe('installBridge', () => {
  let bridge: Bridge | undefined;

  it('answers getDataset with the startup dataset through the real dispatcher; other frames are refused', async () => {
    const fake = await install();
    bridge = fake.bridge;
    const result = await fake.invoke('getDataset');
    expect(result.ok && (result.value as { columns: { count: number } }).columns.count).toBe(BUNDLED_EVENT_COUNT);
    const refused = (await fake.bindings.get('__frontlineInvoke')!({ frame: { url: () => `${ORIGIN}/x` } }, INVOKE_CHANNELS.getDataset, [])) as Result<unknown>;
    expect(!refused.ok && refused.error.code).toBe('bad-sender');
    await bridge.dispose();
    expect(existsSync(bridge.tempDir)).toBe(false);
  });

  it('File > Open answers with the queued path, then cancel; the recent list follows', async () => {
    const { bridge, invoke } = await install();
    const copy = join(bridge.tempDir, 'copy.frontline');
    await writeFile(copy, await readFile(BUNDLED_DATASET));
    bridge.nextOpenDialog(copy);
    expect(outcome(await invoke('openFileDialog')).kind).toBe('opened');
    bridge.nextOpenDialog('cancel');
    expect(outcome(await invoke('openFileDialog'))).toEqual({ kind: 'dismissed' });
    expect(outcome(await invoke('openFileDialog'))).toEqual({ kind: 'dismissed' });
    expect(bridge.dialogCalls).toEqual([{ kind: 'open' }, { kind: 'open' }, { kind: 'open' }]);
    expect(await bridge.recentFiles()).toEqual([{ path: copy, available: true }]);
    expect(JSON.parse(await readFile(bridge.settingsPath, 'utf8'))).toEqual({ version: 1, recentFiles: [copy] });
    expect(bridge.settingsPath.startsWith(bridge.tempDir)).toBe(true);
    await bridge.dispose();
  });

  it('Save As writes where the queued answer says; the default name is recorded', async () => {
    const { bridge, invoke } = await install();
    await invoke('getDataset');
    const target = join(bridge.tempDir, 'out.csv');
    bridge.nextSaveDialog(target);
    expect(await invoke('saveAs', 'csv', Uint32Array.of(0, 1, 2))).toEqual({ ok: true, value: { path: target, events: 3 } });
    expect(bridge.dialogCalls).toEqual([{ kind: 'save', defaultName: 'IS loses Deir al-Zour and al-Qaim.csv', format: 'csv' }]);
    expect((await bridge.readWritten(target)).split('\r\n').filter((l) => l !== '')).toHaveLength(4);
    bridge.nextSaveDialog('cancel');
    expect(await invoke('saveAs', 'frontline', null)).toEqual({ ok: true, value: { dismissed: true } });
    await bridge.dispose();
  });

  it('seeds the recent list, most recent first, missing files included', async () => {
    const { bridge, invoke } = await install({ recentFiles: [INVALID_REFS, join(tmp, 'gone.csv')] });
    expect(await invoke('getRecentFiles')).toEqual({
      ok: true,
      value: [
        { path: INVALID_REFS, available: true },
        { path: join(tmp, 'gone.csv'), available: false }
      ]
    });
    expect(outcome(await invoke('openRecent', INVALID_REFS)).kind).toBe('needs-review');
    await bridge.dispose();
  });

  it('a command-line path is opened after the startup dataset and taken once by takeMainOpen', async () => {
    const { bridge, invoke, evaluated } = await install({ commandLinePath: INVALID_REFS });
    const review = outcome(await invoke('takeMainOpen'));
    expect(review).toMatchObject({ kind: 'needs-review', file: { path: INVALID_REFS, displayName: 'invalid-refs.frontline' } });
    expect(outcome(await invoke('takeMainOpen'))).toEqual({ kind: 'dismissed' });
    expect(bridge.commands).toEqual(['main-open']);
    expect(evaluated).toContainEqual([EVENT_CHANNELS.onCommand, 'main-open']);
    // The startup dataset is still what is held until the review is accepted.
    expect(bridge.service.currentFile?.path).toBe(BUNDLED_DATASET);
    await bridge.dispose();
  });

  it('openFromCommandLine opens as main does for a second instance and sends main-open', async () => {
    const { bridge, invoke } = await install();
    await bridge.service.awaitCurrent();
    const running = bridge.openFromCommandLine(INVALID_REFS);
    expect(bridge.commands).toEqual(['main-open']);
    const taken = outcome(await invoke('takeMainOpen'));
    expect(await running).toEqual(taken);
    expect(taken.kind).toBe('needs-review');
    if (taken.kind !== 'needs-review') return;
    expect(outcome(await invoke('resolveReview', taken.token, true)).kind).toBe('opened');
    await bridge.dispose();
  });

  it('the drop folder goes to the page before the app runs, and again when changed', async () => {
    const { bridge, initScripts, evaluated } = await install({ dropDir: '/fixtures' });
    expect(initScripts).toContainEqual({ script: expect.any(Function), arg: '/fixtures/' });
    await bridge.setDropDir('/other/');
    expect(initScripts).toContainEqual({ script: expect.any(Function), arg: '/other/' });
    expect(evaluated).toContain('/other/');
    await bridge.setDropDir(undefined);
    expect(evaluated).toContain('');
    await bridge.dispose();
  });

  it('a dropped path must exist and be a file: main refuses the rest', async () => {
    const { bridge, invoke } = await install();
    expect(await invoke('openDroppedFile', '')).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(await invoke('openDroppedFile', join(tmp, 'nothing.csv'))).toMatchObject({ ok: true, value: { kind: 'failed', error: { code: 'not-found' } } });
    expect(outcome(await invoke('openDroppedFile', INVALID_REFS)).kind).toBe('needs-review');
    await bridge.dispose();
  });
});

describe('the preload shim', () => {
  /** Run the shim in a bare context standing in for the page; returns its window. */
  async function shimWindow(dropDir: string | undefined) {
    const calls: { channel: string; args: unknown[] }[] = [];
    const sandbox: Record<string, unknown> = {
      File,
      __frontlineDropDir: dropDir,
      __frontlineInvoke: async (channel: string, args: unknown[]) => {
        calls.push({ channel, args });
        return { ok: true, value: null };
      }
    };
    sandbox['window'] = sandbox;
    runInNewContext(await preloadShimSource(), sandbox);
    return { win: sandbox as { api: { openDroppedFile(f: File): Promise<unknown>; saveAs(f: string, i: Uint32Array | null): Promise<unknown> } }, calls };
  }

  it('maps a dropped File to <drop folder>/<name>', async () => {
    const { win, calls } = await shimWindow('/fixtures/');
    await win.api.openDroppedFile(new File([''], 'invalid-refs.frontline'));
    expect(calls).toEqual([{ channel: INVOKE_CHANNELS.openDroppedFile, args: ['/fixtures/invalid-refs.frontline'] }]);
  });

  it("without a drop folder gives '' as Electron does for a File not on disk", async () => {
    const { win, calls } = await shimWindow(undefined);
    await win.api.openDroppedFile(new File([''], 'x.csv'));
    expect(calls).toEqual([{ channel: INVOKE_CHANNELS.openDroppedFile, args: [''] }]);
  });

  it('exposes the whole contract, frozen', async () => {
    const { win } = await shimWindow(undefined);
    expect(Object.isFrozen(win.api)).toBe(true);
    expect(Object.keys(win.api).sort()).toEqual([...Object.keys(INVOKE_CHANNELS), ...Object.keys(EVENT_CHANNELS)].sort());
  });
});
