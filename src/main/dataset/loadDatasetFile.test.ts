// loadDatasetFile with real files under the temp folder: size check, strict decoding, validation, and I/O errors in words.
import { Buffer } from 'node:buffer';
import { mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DATASET_BYTES, describeIoError, loadDatasetFile, type FileProgress, type LoadedFile } from './loadDatasetFile';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));

let tmp: string;
let bundledText: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-load-'));
  bundledText = await readFile(BUNDLED, 'utf8');
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function loaded(result: LoadedFile): Extract<LoadedFile, { ok: true }> {
  if (!result.ok) throw new Error(`expected the file to load, got ${result.problems.map((p) => p.message).join('; ')}`);
  return result;
}

function failed(result: LoadedFile): Extract<LoadedFile, { ok: false }> {
  if (result.ok) throw new Error('expected the file to be refused');
  return result;
}

async function write(name: string, data: string | Uint8Array): Promise<string> {
  const path = join(tmp, name);
  await writeFile(path, data);
  return path;
}

describe('loadDatasetFile: valid files', () => {
  it('loads the bundled dataset', async () => {
    const r = loaded(await loadDatasetFile(BUNDLED));
    expect(r.loaded.columns.count).toBe(BUNDLED_EVENT_COUNT);
    expect(r.loaded.eventRanges).toHaveLength(2 * BUNDLED_EVENT_COUNT);
    expect(r.loaded.warnings).toEqual([]);
    expect(r.name).toBe('deir-al-zour-al-qaim-2017.frontline');
    expect(r.path).toBe(BUNDLED);
    expect(r.size).toBe((await stat(BUNDLED)).size);
    expect(r.bytes.byteLength).toBe(r.size);
  });

  it('accepts UTF-8 with a BOM', async () => {
    const path = await write('bom.frontline', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bundledText, 'utf8')]));
    const r = loaded(await loadDatasetFile(path));
    expect(r.loaded.header.metadata.title).toBe('IS loses Deir al-Zour and al-Qaim');
    expect(r.loaded.columns.count).toBe(BUNDLED_EVENT_COUNT);
    expect(r.size).toBe(Buffer.byteLength(bundledText, 'utf8') + 3);
    // The BOM is dropped from the bytes kept for reading events back.
    expect(r.bytes.byteLength).toBe(Buffer.byteLength(bundledText, 'utf8'));
    expect(r.bytes[0]).toBe(0x7b);
  });

  it('accepts UTF-16LE with a BOM, Arabic names intact', async () => {
    const path = await write('utf16.frontline', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bundledText, 'utf16le')]));
    const r = loaded(await loadDatasetFile(path));
    const province = r.loaded.header.places.find((p) => p.id === 'deir-al-zour-province');
    expect(province?.altNames.map((n) => n.name)).toContain('دير الزور');
    expect(r.loaded.columns.count).toBe(BUNDLED_EVENT_COUNT);
    expect(r.size).toBe(2 + Buffer.byteLength(bundledText, 'utf16le'));
  });

  it('accepts UTF-16BE with a BOM, Arabic names intact', async () => {
    const le = Buffer.from(bundledText, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const path = await write('utf16be.frontline', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const r = loaded(await loadDatasetFile(path));
    const province = r.loaded.header.places.find((p) => p.id === 'deir-al-zour-province');
    expect(province?.altNames.map((n) => n.name)).toContain('دير الزور');
    expect(r.loaded.header.metadata.title).toBe('IS loses Deir al-Zour and al-Qaim');
    expect(r.loaded.columns.count).toBe(BUNDLED_EVENT_COUNT);
  });

  it('reports cleaned invisible characters as warnings under the display name', async () => {
    const text = bundledText.replace('"title": "IS loses Deir al-Zour and al-Qaim"', '"title": "IS loses \u202EDeir al-Zour and al-Qaim"');
    expect(text).not.toBe(bundledText);
    const r = loaded(await loadDatasetFile(await write('bidi.frontline', text), 'shown-name.frontline'));
    expect(r.loaded.header.metadata.title).toBe('IS loses Deir al-Zour and al-Qaim');
    expect(r.loaded.warnings).toMatchObject([{ severity: 'warning', file: 'shown-name.frontline', line: 6, field: 'metadata.title' }]);
  });
});

describe('loadDatasetFile: progress', () => {
  it('reports reading, then checking up to the whole file', async () => {
    const progress: FileProgress[] = [];
    loaded(await loadDatasetFile(BUNDLED, undefined, (p) => progress.push(p)));
    const size = (await stat(BUNDLED)).size;
    expect(progress[0]).toEqual({ phase: 'reading', done: 0, total: size, events: 0 });
    const checking = progress.slice(1);
    expect(checking.length).toBeGreaterThan(0);
    expect(checking.every((p) => p.phase === 'checking' && p.total === size)).toBe(true);
    for (let i = 1; i < checking.length; i++) expect(checking[i]!.done).toBeGreaterThanOrEqual(checking[i - 1]!.done);
    expect(checking.at(-1)).toEqual({ phase: 'checking', done: size, total: size, events: BUNDLED_EVENT_COUNT });
  });

  it('reports nothing for a file it cannot read', async () => {
    const progress: FileProgress[] = [];
    failed(await loadDatasetFile(join(tmp, 'absent.frontline'), undefined, (p) => progress.push(p)));
    expect(progress).toEqual([]);
  });
});

describe('loadDatasetFile: files it refuses', () => {
  it('a missing file: "no such file", naming the file (by default without its folder)', async () => {
    const path = join(tmp, 'does-not-exist.frontline');
    const r = failed(await loadDatasetFile(path));
    expect(r.name).toBe('does-not-exist.frontline');
    expect(r.path).toBe(path);
    expect(r.problems).toEqual([{ severity: 'error', file: 'does-not-exist.frontline', message: 'cannot be read: no such file' }]);
  });

  it('names the file by its display name when given one', async () => {
    const r = failed(await loadDatasetFile(join(tmp, 'missing.frontline'), 'My dataset.frontline'));
    expect(r.problems[0]).toMatchObject({ file: 'My dataset.frontline', message: 'cannot be read: no such file' });
  });

  it('a directory is not a file', async () => {
    const dir = join(tmp, 'folder.frontline');
    await mkdir(dir);
    const r = failed(await loadDatasetFile(dir));
    expect(r.problems).toEqual([{ severity: 'error', file: 'folder.frontline', message: 'is not a file' }]);
  });

  it('a file over MAX_DATASET_BYTES is refused before it is read', async () => {
    const path = await write('huge.frontline', '');
    await truncate(path, MAX_DATASET_BYTES + 1); // sparse: takes no disk space
    const r = failed(await loadDatasetFile(path));
    // Had it been read, 512 MB of NUL bytes would fail as bad JSON; the size message shows it was not.
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toBe('is too large to open: 536,870,913 bytes (512.0 MB), over the limit of 536,870,912 bytes');
    await rm(path);
  });

  it('invalid UTF-8 is refused with its line', async () => {
    const path = await write('latin1.frontline', Buffer.concat([Buffer.from('{\n  "format": "frontline-dataset",\n  "x": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]));
    const r = failed(await loadDatasetFile(path, 'latin1.frontline'));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', file: 'latin1.frontline', line: 3, column: 12 });
    expect(r.problems[0]!.message).toMatch(/not valid UTF-8/);
  });

  it('invalid UTF-8 inside an event title is refused at that line and column, not at the top', async () => {
    const at = bundledText.indexOf('"title": "', bundledText.indexOf('"id": "mosul-taken"')) + '"title": "'.length;
    const before = bundledText.slice(0, at);
    const path = await write('bad-title.frontline', Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(bundledText.slice(at), 'utf8')]));
    const r = failed(await loadDatasetFile(path, 'bad-title.frontline'));
    const lines = before.split('\n');
    expect(r.problems).toEqual([
      {
        severity: 'error',
        file: 'bad-title.frontline',
        line: lines.length,
        column: lines[lines.length - 1]!.length + 1,
        message: expect.stringMatching(/not valid UTF-8/)
      }
    ]);
  });

  it('invalid UTF-8 is never replaced by U+FFFD in a file that is otherwise valid', async () => {
    // A lone continuation byte inside the metadata's notes.
    const at = bundledText.indexOf('"notes": "') + '"notes": "'.length;
    const path = await write('lone.frontline', Buffer.concat([Buffer.from(bundledText.slice(0, at), 'utf8'), Buffer.from([0x80]), Buffer.from(bundledText.slice(at), 'utf8')]));
    const r = failed(await loadDatasetFile(path));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/not valid UTF-8/);
    expect(r.problems[0]!.line).toBe(bundledText.slice(0, at).split('\n').length);
  });

  it('invalid JSON is refused with line and column', async () => {
    const text = bundledText.replace('"version": 1,', '"version": 1');
    const r = failed(await loadDatasetFile(await write('syntax.frontline', text), 'syntax.frontline'));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'syntax.frontline', line: 5, column: 3 });
    expect(r.problems[0]!.message).toMatch(/not valid JSON: expected "," between items/);
  });

  it('an empty file is refused as invalid JSON', async () => {
    const r = failed(await loadDatasetFile(await write('empty.frontline', '')));
    expect(r.problems[0]).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/not valid JSON/) });
  });

  it('a schema-invalid dataset returns every problem with its field', async () => {
    const text = bundledText.replace('"value": "2017-07"', '"value": "2017-13"');
    expect(text).not.toBe(bundledText);
    const r = failed(await loadDatasetFile(await write('date.frontline', text)));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ field: 'events[2] (id "mosul-taken").start.value', message: expect.stringMatching(/has no month 13/) });
    expect(r.problems[0]!.line).toBeGreaterThan(1);
  });
});

describe('describeIoError', () => {
  it('puts common error codes in plain words', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(describeIoError(err('ENOENT'))).toBe('no such file');
    expect(describeIoError(err('EACCES'))).toBe('permission denied');
    expect(describeIoError(err('EPERM'))).toBe('permission denied');
    expect(describeIoError(err('EISDIR'))).toBe('it is a folder');
    expect(describeIoError(err('ENOSPC'))).toBe('the disk is full');
    expect(describeIoError(err('EROFS'))).toBe('the disk is read-only');
    expect(describeIoError(err('EDQUOT'))).toBe('the disk is full (your disk quota is used up)');
    expect(describeIoError(err('EFBIG'))).toBe('the file is too large for this disk');
    expect(describeIoError(err('EMFILE'))).toBe('too many files are open; close some programs and try again');
    expect(describeIoError(err('ENFILE'))).toBe('too many files are open; close some programs and try again');
    expect(describeIoError(err('EIO'))).toBe('the disk reported an input/output error');
  });

  it('falls back to the message, or the value itself', () => {
    expect(describeIoError(Object.assign(new Error('weird failure'), { code: 'EWEIRD' }))).toBe('weird failure');
    expect(describeIoError('just text')).toBe('just text');
    expect(describeIoError(null)).toBe('null');
  });
});
