// inspect checks each local copy against the SHA-256 its source records: verified, unverified
// (none recorded), changed and missing, per source; a changed or missing copy is exit 1, as any
// other integrity problem (a quote not found) is.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from './inspect';

const BUNDLED = fileURLToPath(new URL('../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const TEXT = 'The town was taken on Friday. Hundreds fled the town.';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-inspect-copies-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

interface CopySpec {
  readonly id: string;
  /** The copy's text (null: no file). */
  readonly text: string | null;
  /** The recorded SHA-256 (undefined: none). */
  readonly sha256?: string;
}

/** A dataset in a folder of its own whose sources have these local copies; each event quotes its source. */
async function writeDataset(name: string, copies: readonly CopySpec[]): Promise<string> {
  const dir = join(tmp, name);
  await mkdir(join(dir, 'sources'), { recursive: true });
  for (const c of copies) if (c.text !== null) await writeFile(join(dir, 'sources', `${c.id}.txt`), c.text);
  const dataset = {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Hash check' },
    sources: copies.map((c) => ({ id: c.id, publisher: 'Wire', title: 'Report', localCopy: `sources/${c.id}.txt`, ...(c.sha256 ? { sha256: c.sha256 } : {}) })),
    events: copies.map((c, i) => ({ id: `e${i}`, type: 'capture', title: 'Town taken', start: { value: '2017-11-03', precision: 'day' }, citations: [{ source: c.id, quote: 'Hundreds fled the town.' }] }))
  };
  const path = join(dir, 'data.frontline');
  await writeFile(path, JSON.stringify(dataset, null, 2));
  return path;
}

interface Report {
  valid: boolean;
  problems: { field?: string; message: string }[];
  localCopies: { source: string; state: string; recorded?: string; actual?: string }[];
}

describe('inspect: local copies against their SHA-256', () => {
  it('the bundled dataset: its article copy verified', async () => {
    const out = await inspect([BUNDLED]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^Copies: {4}1 local copy: 1 verified$/m);
    expect(out.stdout).toMatch(/^ {2}bbc-2017-11-03 {2}verified {4}sources\/bbc-2017-11-03-deir-al-zour-al-qaim\.txt {2}sha256 041f1a87942a24b34ea7a4e070c64d4e71143d085243556066ed73926f2ecfaf$/m);
    const report = JSON.parse((await inspect([BUNDLED, '--json'])).stdout) as Report;
    expect(report.localCopies).toEqual([
      {
        source: 'bbc-2017-11-03',
        localCopy: 'sources/bbc-2017-11-03-deir-al-zour-al-qaim.txt',
        state: 'verified',
        recorded: '041f1a87942a24b34ea7a4e070c64d4e71143d085243556066ed73926f2ecfaf',
        actual: '041f1a87942a24b34ea7a4e070c64d4e71143d085243556066ed73926f2ecfaf'
      }
    ]);
  });

  it('a copy with no SHA-256 recorded is listed as unverified, with its hash to record (exit 0)', async () => {
    const path = await writeDataset('unrecorded', [{ id: 'wire', text: TEXT }]);
    const out = await inspect([path]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^Copies: {4}1 local copy: 1 unverified$/m);
    expect(out.stdout).toContain(`wire  unverified  sources/wire.txt  no sha256 recorded (the copy's is ${sha256(TEXT)})`);
  });

  it('a copy changed since the dataset was made is an error naming the source, exit 1', async () => {
    const path = await writeDataset('changed', [
      { id: 'kept', text: TEXT, sha256: sha256(TEXT) },
      { id: 'edited', text: `${TEXT} One word more.`, sha256: sha256(TEXT).toUpperCase() }
    ]);
    const out = await inspect([path]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(
      `${path}: error: sources[1].sha256: ${join(tmp, 'changed', 'sources', 'edited.txt')} changed since the dataset was made: its SHA-256 is ${sha256(`${TEXT} One word more.`)}, the dataset records ${sha256(TEXT)}`
    );
    expect(out.stderr).toContain(`${path}: invalid (1 problem)`);
    const report = JSON.parse((await inspect([path, '--json'])).stdout) as Report;
    expect(report.valid).toBe(false);
    expect(report.localCopies.map((c) => [c.source, c.state])).toEqual([
      ['kept', 'verified'],
      ['edited', 'changed']
    ]);
  });

  it('a missing copy is an error (exit 1) and reported missing', async () => {
    const path = await writeDataset('missing', [
      { id: 'kept', text: TEXT, sha256: sha256(TEXT) },
      { id: 'gone', text: null, sha256: sha256(TEXT) }
    ]);
    const out = await inspect([path, '--json']);
    expect(out.exitCode).toBe(1);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.localCopies.map((c) => [c.source, c.state])).toEqual([
      ['kept', 'verified'],
      ['gone', 'missing']
    ]);
    expect(report.problems.map((p) => p.field)).toEqual(['sources[1].localCopy']);
  });

  it.runIf(process.platform !== 'win32')('a link to a file outside the folder is refused, never verified, even when the hash recorded is that file\'s', async () => {
    const outside = join(tmp, 'outside.txt');
    await writeFile(outside, TEXT);
    const path = await writeDataset('link-out', [{ id: 'wire', text: null, sha256: sha256(TEXT) }]);
    await symlink(outside, join(tmp, 'link-out', 'sources', 'wire.txt'));
    const out = await inspect([path, '--json']);
    expect(out.exitCode).toBe(1);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.localCopies).toMatchObject([{ source: 'wire', state: 'unreadable' }]);
    expect(report.localCopies[0]!.actual).toBeUndefined();
    expect(report.problems[0]!.message).toMatch(/is a link to a file outside the dataset's folder/);
    // The outside file itself is untouched.
    expect(await readFile(outside, 'utf8')).toBe(TEXT);
  });
});
