// Local copies checked against their SHA-256 when a dataset opens: verified, changed, missing,
// unrecorded; a link out of the folder or a FIFO refused (never verified, never blocking); hashing
// in the background, never before the dataset is handed over; a newer dataset stops the old checks.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalCopyCheck } from '../../shared/dataset/localCopies';
import type { Source } from '../../shared/dataset/schema';
import type { SaveFormat } from '../../shared/ipc/contract';
import { DatasetService, inlineRunLoad } from '../dataset/datasetService';
import { FileSession } from './fileSession';
import { LocalCopyChecks } from './localCopyChecks';
import { checkSourceCopy, sha256Hex } from './localCopyHash';
import { SettingsStore } from './settingsStore';

const TEXT = 'The town was taken on Friday. Hundreds fled the town.';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const posix = process.platform !== 'win32';

let tmp: string;
let n = 0;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-copies-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const source = (id: string, extra: Partial<Source> = {}): Source => ({ id, kind: 'news', publisher: 'Wire', title: 'Report', localCopy: `sources/${id}.txt`, ...extra });

/** A dataset file in a folder of its own with these sources and copies (null: no file). */
async function datasetWith(copies: Record<string, string | null>, sources: readonly Source[]): Promise<string> {
  const dir = join(tmp, `d${n++}`);
  await mkdir(join(dir, 'sources'), { recursive: true });
  for (const [name, text] of Object.entries(copies)) if (text !== null) await writeFile(join(dir, 'sources', name), text);
  const path = join(dir, 'data.frontline');
  await writeFile(
    path,
    JSON.stringify(
      {
        format: 'frontline-dataset',
        version: 1,
        metadata: { title: 'Copies' },
        sources,
        events: [{ id: 'e', type: 'capture', title: 'Town taken', start: { value: '2017-11-03', precision: 'day' }, citations: [{ source: sources[0]!.id, quote: 'Taken.' }] }]
      },
      null,
      2
    )
  );
  return path;
}

describe('checkSourceCopy', () => {
  it('verified, changed (either case recorded), unrecorded, missing', async () => {
    const path = await datasetWith({ 'a.txt': TEXT, 'b.txt': `${TEXT}!` }, [source('a')]);
    expect(await sha256Hex(new TextEncoder().encode(TEXT))).toBe(sha256(TEXT));
    expect(await checkSourceCopy(path, source('a', { sha256: sha256(TEXT).toUpperCase() }))).toEqual({ source: 'a', localCopy: 'sources/a.txt', state: 'verified', recorded: sha256(TEXT), actual: sha256(TEXT) });
    expect(await checkSourceCopy(path, source('b', { sha256: sha256(TEXT) }))).toMatchObject({ state: 'changed', recorded: sha256(TEXT), actual: sha256(`${TEXT}!`) });
    expect(await checkSourceCopy(path, source('a'))).toMatchObject({ state: 'unrecorded', actual: sha256(TEXT) });
    expect(await checkSourceCopy(path, source('gone', { sha256: sha256(TEXT) }))).toMatchObject({ state: 'missing', recorded: sha256(TEXT), reason: expect.stringMatching(/no such file/) });
  });

  it.runIf(posix)('a link out of the folder is refused, even when the hash recorded is the linked file\'s; a FIFO never blocks', async () => {
    const path = await datasetWith({}, [source('a')]);
    const dir = join(path, '..');
    await writeFile(join(tmp, 'outside.txt'), TEXT);
    await symlink(join(tmp, 'outside.txt'), join(dir, 'sources', 'out.txt'));
    await symlink('/etc/passwd', join(dir, 'sources', 'passwd.txt'));
    execFileSync('mkfifo', [join(dir, 'sources', 'fifo.txt')]);
    const out = await checkSourceCopy(path, source('out', { sha256: sha256(TEXT) }));
    expect(out).toMatchObject({ state: 'unreadable', reason: expect.stringMatching(/link to a file outside the dataset's folder/) });
    expect(out.actual).toBeUndefined();
    expect((await checkSourceCopy(path, source('passwd'))).state).toBe('unreadable');
    const started = Date.now();
    expect(await checkSourceCopy(path, source('fifo'))).toMatchObject({ state: 'unreadable', reason: expect.stringMatching(/not a regular file/) });
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const name of ['../outside.txt', '/etc/passwd']) {
      expect(await checkSourceCopy(path, { ...source('x'), localCopy: name }), name).toMatchObject({ state: 'unreadable', reason: expect.stringMatching(/outside the dataset's folder/) });
    }
  });
});

describe('LocalCopyChecks', () => {
  const key = {};
  const sources = [source('a'), source('b'), { id: 'web', kind: 'news' as const, publisher: 'P', title: 'T' }];
  const fake = () => {
    const calls: string[] = [];
    const check = vi.fn(async (_path: string, s: Source): Promise<LocalCopyCheck> => {
      calls.push(s.id);
      return { source: s.id, localCopy: s.localCopy!, state: 'verified' };
    });
    return { calls, check };
  };

  it('checks nothing until a timer later, then every copy one at a time', async () => {
    const { calls, check } = fake();
    const checks = new LocalCopyChecks({ check });
    checks.start(key, '/d/data.frontline', sources);
    expect(calls).toEqual([]);
    expect((await checks.settled()).map((c) => c.source)).toEqual(['a', 'b']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('a copy asked for is checked at once, and only once; a source without one has no check', async () => {
    const { calls, check } = fake();
    const checks = new LocalCopyChecks({ check, delayMs: 60_000 });
    checks.start(key, '/d/data.frontline', sources);
    expect(await checks.check(key, '/d/data.frontline', sources, 'b')).toMatchObject({ source: 'b' });
    expect(calls).toEqual(['b']);
    await checks.check(key, '/d/data.frontline', sources, 'b');
    expect(calls).toEqual(['b']);
    expect(checks.check(key, '/d/data.frontline', sources, 'web')).toBeUndefined();
  });

  it('another dataset stops the checks of the one before', async () => {
    const { calls, check } = fake();
    const checks = new LocalCopyChecks({ check });
    checks.start(key, '/d/one.frontline', sources);
    checks.start({}, '/d/two.frontline', [source('c')]);
    await checks.settled();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual(['c']);
  });

  it('a check that throws is a copy that could not be read, never a rejection', async () => {
    const checks = new LocalCopyChecks({ check: async () => Promise.reject(new Error('disk on fire')) });
    expect(await checks.check(key, '/d/x.frontline', sources, 'a')).toEqual({ source: 'a', localCopy: 'sources/a.txt', state: 'unreadable', reason: 'disk on fire' });
  });
});

describe('opening a dataset checks its local copies, off the critical path', () => {
  /** A session whose checks wait for `gate` before hashing (so what waits for them shows). */
  async function session(gate: Promise<void>) {
    const service = new DatasetService(inlineRunLoad);
    const settings = new SettingsStore(join(tmp, `settings-${n++}.json`));
    const openAnswers: (string | undefined)[] = [];
    const dialogs = { showOpen: vi.fn(async () => openAnswers.shift()), showSave: vi.fn(async (_o: { defaultName: string; format: SaveFormat }) => undefined) };
    const files = new FileSession({
      service,
      settings,
      dialogs,
      sendCommand: () => {},
      localCopies: {
        check: async (path, s) => {
          await gate;
          return checkSourceCopy(path, s);
        }
      }
    });
    return { service, files, openAnswers };
  }

  it('the dataset is handed over before any copy is hashed; then each says verified, changed or missing', async () => {
    const count = 200;
    const copies: Record<string, string | null> = {};
    const sources: Source[] = [];
    for (let i = 0; i < count; i++) {
      const text = `${TEXT} ${i}`;
      copies[`s${i}.txt`] = i === 1 ? `${text} (edited)` : i === 2 ? null : text;
      sources.push(source(`s${i}`, { sha256: sha256(text) }));
    }
    const path = await datasetWith(copies, sources);
    let open!: () => void;
    const { files, openAnswers } = await session(new Promise<void>((resolve) => (open = resolve)));
    openAnswers.push(path);
    // Opened and handed over while no copy can be hashed: the timeline never waits for the copies.
    const outcome = await files.openDialog();
    expect(outcome.kind).toBe('opened');
    // The checks started by themselves, in the background, one at a time.
    await new Promise((r) => setTimeout(r, 20));
    expect(files.localCopies.started).toBe(1);
    open();
    const ask = async (id: string) => {
      const r = await files.localCopyCheck(id);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.state;
    };
    expect([await ask('s0'), await ask('s1'), await ask('s2')]).toEqual(['verified', 'changed', 'missing']);
    const all = await files.localCopies.settled();
    expect(all).toHaveLength(count);
    expect(all.filter((c) => c.state === 'verified')).toHaveLength(count - 2);
    expect(await files.localCopyCheck('nope')).toEqual({ ok: false, error: { code: 'not-found', message: 'The dataset has no source "nope".' } });
  });
});
