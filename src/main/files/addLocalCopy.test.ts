// "Add local copy…": a file from outside is copied into the dataset's sources/ (never over another
// file), one inside is referenced where it lies; the SHA-256 is computed; the source's entry in
// the dataset file gets both and nothing else changes; the file opens again and its copy verifies.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDatasetBytes } from '../../shared/dataset/loadDatasetBytes';
import type { OpenOutcome, Result, SaveFormat } from '../../shared/ipc/contract';
import { DatasetService, inlineRunLoad } from '../dataset/datasetService';
import { copyFileName, withSourceCopy } from './addLocalCopy';
import { FileSession } from './fileSession';
import { SettingsStore } from './settingsStore';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const TEXT = 'The town was taken on Friday. Hundreds fled the town.';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const encoder = new TextEncoder();

let tmp: string;
let n = 0;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-add-copy-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A dataset (hand-indented, as people write them) in a folder of its own. */
async function dataset(sources: readonly Record<string, unknown>[]): Promise<{ dir: string; path: string; text: string }> {
  const dir = join(tmp, `d${n++}`);
  await mkdir(dir);
  const text = `{
    "format": "frontline-dataset", "version": 1,
    "metadata": { "title": "Add a copy" },
    "sources": [
${sources.map((s) => `        ${JSON.stringify(s)}`).join(',\n')}
    ],
    "events": [
        { "id": "e", "type": "capture", "title": "Town taken", "start": { "value": "2017-11-03", "precision": "day" }, "citations": [{ "source": "wire", "quote": "Taken." }] }
    ]
}
`;
  const path = join(dir, 'data.frontline');
  await writeFile(path, text);
  return { dir, path, text };
}

async function session(path: string, bundled = false) {
  const service = new DatasetService(inlineRunLoad);
  const settings = new SettingsStore(join(tmp, `settings-${n++}.json`));
  const openAnswers: (string | undefined)[] = [];
  const dialogs = { showOpen: vi.fn(async (_purpose?: string) => openAnswers.shift()), showSave: vi.fn(async (_o: { defaultName: string; format: SaveFormat }) => undefined) };
  const files = new FileSession({ service, settings, dialogs, sendCommand: () => {} });
  const loaded = await service.load(path, { displayName: 'data.frontline', bundled });
  if (loaded.kind !== 'opened') throw new Error(`did not open: ${loaded.kind}`);
  return { service, files, dialogs, openAnswers };
}

function opened(result: Result<OpenOutcome>): Extract<OpenOutcome, { kind: 'opened' }> {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  if (result.value.kind !== 'opened') throw new Error(`expected opened, got ${result.value.kind}`);
  return result.value;
}

const wire = { id: 'wire', publisher: 'Wire', title: 'Report' };

describe('copyFileName', () => {
  it('keeps a plain name and its extension; makes hostile names safe', () => {
    expect(copyFileName('article.txt')).toBe('article.txt');
    expect(copyFileName('..hidden.txt')).toBe('hidden.txt');
    expect(copyFileName('a..b.txt')).toBe('a.b.txt');
    expect(copyFileName('CON.txt')).toBe('CON_.txt');
    expect(copyFileName('\u202etxt.exe')).toBe('_txt.exe');
    expect(copyFileName('bell\u0007.txt')).toBe('bell_.txt');
    expect(copyFileName('.')).toBe('copy');
    expect([...copyFileName(`${'ش'.repeat(300)}.pdf`)]).toHaveLength(104);
  });
});

describe('withSourceCopy', () => {
  it('changes only the one source entry, indented as it was', async () => {
    const { text } = await dataset([{ id: 'first', publisher: 'P', title: 'T' }, wire]);
    const out = new TextDecoder().decode(withSourceCopy(encoder.encode(text), 1, 'sources/wire.txt', sha256(TEXT)));
    const entry = `{\n          "id": "wire",\n          "publisher": "Wire",\n          "title": "Report",\n          "localCopy": "sources/wire.txt",\n          "sha256": "${sha256(TEXT)}"\n        }`;
    expect(out).toBe(text.replace(JSON.stringify(wire), entry));
    const back = loadDatasetBytes(encoder.encode(out), 'x.frontline');
    expect(back.ok && back.loaded.header.sources[1]).toMatchObject({ localCopy: 'sources/wire.txt', sha256: sha256(TEXT) });
  });
});

describe('FileSession.addLocalCopy', () => {
  it('copies a file from outside into sources/, records its name and SHA-256, and opens the file again with the copy verified', async () => {
    const { dir, path, text } = await dataset([wire]);
    const picked = join(tmp, `picked-${n++}`, 'Wire report.txt');
    await mkdir(join(picked, '..'));
    await writeFile(picked, TEXT);
    const { files, dialogs, openAnswers } = await session(path);
    openAnswers.push(picked);
    const outcome = opened(await files.addLocalCopy('wire'));
    expect(dialogs.showOpen).toHaveBeenCalledWith('local-copy');
    expect(outcome.dataset.header.sources[0]).toMatchObject({ localCopy: 'sources/Wire report.txt', sha256: sha256(TEXT) });
    expect(await readFile(join(dir, 'sources', 'Wire report.txt'), 'utf8')).toBe(TEXT);
    // Every other byte of the file as it was.
    const saved = await readFile(path, 'utf8');
    expect(saved).toBe(text.replace(JSON.stringify(wire), `{\n          "id": "wire",\n          "publisher": "Wire",\n          "title": "Report",\n          "localCopy": "sources/Wire report.txt",\n          "sha256": "${sha256(TEXT)}"\n        }`));
    const check = await files.localCopyCheck('wire');
    expect(check.ok && check.value.state).toBe('verified');
  });

  it('references a file already inside the folder where it lies (nothing copied)', async () => {
    const { dir, path } = await dataset([wire]);
    await mkdir(join(dir, 'docs'));
    await writeFile(join(dir, 'docs', 'report.txt'), TEXT);
    const { files, openAnswers } = await session(path);
    openAnswers.push(join(dir, 'docs', 'report.txt'));
    expect(opened(await files.addLocalCopy('wire')).dataset.header.sources[0]).toMatchObject({ localCopy: 'docs/report.txt', sha256: sha256(TEXT) });
    expect((await readdir(dir)).sort()).toEqual(['data.frontline', 'docs']);
  });

  it('never copies over a different file of the same name; a file with the same bytes is reused', async () => {
    const { dir, path } = await dataset([wire, { ...wire, id: 'again' }]);
    await mkdir(join(dir, 'sources'));
    await writeFile(join(dir, 'sources', 'report.txt'), 'another text');
    const outside = join(tmp, `o${n++}`);
    await mkdir(outside);
    await writeFile(join(outside, 'report.txt'), TEXT);
    const { files, openAnswers } = await session(path);
    openAnswers.push(join(outside, 'report.txt'), join(outside, 'report.txt'));
    expect(opened(await files.addLocalCopy('wire')).dataset.header.sources[0]!.localCopy).toBe('sources/report-2.txt');
    expect(opened(await files.addLocalCopy('again')).dataset.header.sources[1]!.localCopy).toBe('sources/report-2.txt');
    expect(await readFile(join(dir, 'sources', 'report.txt'), 'utf8')).toBe('another text');
    expect((await readdir(join(dir, 'sources'))).sort()).toEqual(['report-2.txt', 'report.txt']);
  });

  it('"Replace local copy…" on a changed copy records the hash of the copy picked', async () => {
    const { dir, path } = await dataset([{ ...wire, localCopy: 'sources/wire.txt', sha256: sha256('the text as it was') }]);
    await mkdir(join(dir, 'sources'));
    await writeFile(join(dir, 'sources', 'wire.txt'), TEXT);
    const { files, openAnswers } = await session(path);
    const before = await files.localCopyCheck('wire');
    expect(before.ok && before.value.state).toBe('changed');
    openAnswers.push(join(dir, 'sources', 'wire.txt'));
    expect(opened(await files.addLocalCopy('wire')).dataset.header.sources[0]!.sha256).toBe(sha256(TEXT));
    const after = await files.localCopyCheck('wire');
    expect(after.ok && after.value.state).toBe('verified');
  });

  it('a cancelled dialog, a FIFO, a folder or a missing file change nothing', async () => {
    const { dir, path, text } = await dataset([wire]);
    const { files, openAnswers } = await session(path);
    openAnswers.push(undefined);
    expect(await files.addLocalCopy('wire')).toEqual({ ok: true, value: { kind: 'dismissed' } });
    const bad = [dir, join(tmp, 'no-such-file.txt')];
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(tmp, `fifo-${n}`)]);
      bad.push(join(tmp, `fifo-${n++}`));
    }
    for (const picked of bad) {
      openAnswers.push(picked);
      const started = Date.now();
      const result = await files.addLocalCopy('wire');
      expect(result.ok, picked).toBe(false);
      expect(!result.ok && result.error.message, picked).toMatch(/^The local copy was not added: .* (is a folder|no such file|is not a regular file)/);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    expect(await readFile(path, 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['data.frontline']);
  });

  it('the bundled dataset and imports are refused before any dialog, saying what to do', async () => {
    const { files, dialogs } = await session(BUNDLED, true);
    const result = await files.addLocalCopy('bbc-2017-11-03');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-data',
        message: 'A local copy is kept beside a Frontline file of your own, and data.frontline is the dataset that comes with Frontline: save it as a Frontline dataset (File › Save…), open that file, then add the copy.'
      }
    });
    expect(dialogs.showOpen).not.toHaveBeenCalled();
    expect(await files.addLocalCopy('nope')).toEqual({ ok: false, error: { code: 'not-found', message: 'The dataset has no source "nope".' } });
  });
});

