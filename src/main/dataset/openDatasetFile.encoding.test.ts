// Opening files in UTF-16 without a byte-order mark (an ACLED export and a native dataset, each in
// both byte orders) reads them as they are meant, with a warning that says how; NUL bytes and
// lone surrogates are refused with the line.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticAcledCsv } from '../../../tests/support/syntheticAcled';
import { datasetOf, openDatasetFile, type ReadOutcome } from './openDatasetFile';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));

let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-encoding-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
};

async function open(name: string, bytes: Uint8Array): Promise<ReadOutcome> {
  const path = join(tmp, name);
  await writeFile(path, bytes);
  return openDatasetFile(path, name);
}

/** What opened (or opened but for the rows left out for review), with those rows, flattened for the assertions. */
function opened(result: ReadOutcome) {
  if (result.kind !== 'opened' && result.kind !== 'needs-review') throw new Error(`expected the file to open, got ${JSON.stringify(result).slice(0, 500)}`);
  const read = datasetOf(result)!;
  return { ...read.dataset, skipped: read.skipped, file: result.file };
}

function problemsOf(result: ReadOutcome) {
  if (result.kind !== 'failed') throw new Error(`expected problems, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.error.problems ?? [];
}

describe('UTF-16 without a byte-order mark', () => {
  const acled = syntheticAcledCsv(40, 7);
  const native = readFileSync(BUNDLED, 'utf8');

  for (const order of ['le', 'be'] as const) {
    const label = `UTF-16${order.toUpperCase()}`;

    it(`an ACLED export in ${label} opens as the same events as its UTF-8, with a warning naming ${label}`, async () => {
      const want = opened(await open(`acled-utf8-${order}.csv`, Buffer.from(acled, 'utf8')));
      const got = opened(await open(`acled-${order}.csv`, utf16(acled, order)));
      expect(got.format).toBe('acled');
      expect(got.rows).toEqual(want.rows);
      expect(got.columns.count).toBe(40);
      expect([...got.columns.start]).toEqual([...want.columns.start]);
      expect(got.warnings[0]).toMatchObject({ severity: 'warning', file: `acled-${order}.csv` });
      expect(got.warnings[0]!.message).toContain(`read as ${label}`);
    });

    it(`a native dataset in ${label} opens as its UTF-8 does, with the warning`, async () => {
      const want = opened(await open('native-utf8.frontline', Buffer.from(native, 'utf8')));
      const got = opened(await open(`native-${order}.frontline`, utf16(native, order)));
      expect(got.format).toBe('native');
      expect(got.header.metadata).toEqual(want.header.metadata);
      expect(got.columns.count).toBe(want.columns.count);
      expect(got.warnings.map((w) => w.message)).toEqual([expect.stringContaining(`read as ${label}`), ...want.warnings.map((w) => w.message)]);
    });
  }

  it('an ACLED export in UTF-16LE with a lone surrogate in a note is refused at its line', async () => {
    const lines = acled.split('\n');
    lines[5] = `${lines[5]!.slice(0, 20)}\ud83d${lines[5]!.slice(20)}`;
    const problems = problemsOf(await open('acled-surrogate.csv', utf16(lines.join('\n'), 'le')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'acled-surrogate.csv', line: 6, column: 21 });
    expect(problems[0]!.message).toMatch(/read as UTF-16LE \(it has no byte-order mark.*lone surrogate/);
  });
});

describe('NUL bytes', () => {
  it('a table with a NUL byte is refused at its line, not imported as garbage', async () => {
    const lines = syntheticAcledCsv(10, 3).split('\n');
    lines[4] = `${lines[4]!.slice(0, 10)}\0${lines[4]!.slice(10)}`;
    const problems = problemsOf(await open('nul.csv', Buffer.from(lines.join('\n'), 'utf8')));
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', file: 'nul.csv', line: 5, column: 11 })]);
    expect(problems[0]!.message).toMatch(/NUL \(zero\) character/);
  });

  it('a native file padded with zero bytes is refused at the line where the padding starts', async () => {
    const text = readFileSync(BUNDLED);
    const lines = text.toString('utf8').split('\n').length;
    const problems = problemsOf(await open('padded.frontline', Buffer.concat([text, Buffer.alloc(8192)])));
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', file: 'padded.frontline', line: lines })]);
    expect(problems[0]!.message).toMatch(/padded with zero bytes/);
  });
});
