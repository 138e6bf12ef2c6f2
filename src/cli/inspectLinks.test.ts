// inspect checks the quotes of links' citations against the local copies as it checks events':
// a link whose quote is not word for word in its source is an error naming links[i].citation.quote.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from './inspect';

const TEXT = 'The offensive began on Monday. The town was taken on Friday.';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-inspect-links-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Two events joined by a link citing `quote`, beside a local copy of their source. */
async function writeDataset(name: string, quote: string): Promise<string> {
  const dir = join(tmp, name);
  await mkdir(join(dir, 'sources'), { recursive: true });
  await writeFile(join(dir, 'sources', 'wire.txt'), TEXT);
  const event = (id: string, title: string, day: string, q: string) => ({ id, type: 'capture', title, start: { value: day, precision: 'day' }, citations: [{ source: 'wire', quote: q }] });
  const dataset = {
    format: 'frontline-dataset',
    version: 1,
    metadata: { title: 'Link quotes' },
    sources: [{ id: 'wire', publisher: 'Wire', title: 'Report', localCopy: 'sources/wire.txt' }],
    events: [event('a', 'Offensive', '2017-10-30', 'The offensive began on Monday.'), event('b', 'Town taken', '2017-11-03', 'The town was taken on Friday.')],
    links: [{ from: 'a', to: 'b', kind: 'leads-to', citation: { source: 'wire', quote } }]
  };
  const path = join(dir, 'data.frontline');
  await writeFile(path, JSON.stringify(dataset, null, 2));
  return path;
}

describe('inspect: quotes of links', () => {
  it('a link quote found in the source passes', async () => {
    const out = await inspect([await writeDataset('ok', 'The town was taken on Friday.')]);
    expect(out.exitCode).toBe(0);
  });

  it('a link quote not in the source is an error naming the link', async () => {
    const out = await inspect([await writeDataset('bad', 'The offensive took the town.'), '--json']);
    expect(out.exitCode).toBe(1);
    const report = JSON.parse(out.stdout) as { problems: { field?: string; message: string }[] };
    expect(report.problems).toEqual([expect.objectContaining({ field: 'links[0].citation.quote', message: 'the quote is not found word for word in the text of source "wire"' })]);
  });
});
