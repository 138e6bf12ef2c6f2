// readLocalCopy: a source's local copy is read only when it is a regular file inside the
// dataset's folder (links resolved), under the size limit, and a FIFO or a device never blocks it.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLocalCopy } from './readLocalCopy';

let root: string;
let folder: string;
let dataset: string;
const posix = process.platform !== 'win32';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'frontline-copy-'));
  folder = join(root, 'dataset');
  await mkdir(join(folder, 'sources'), { recursive: true });
  dataset = join(folder, 'd.frontline');
  await writeFile(dataset, '{}');
  await writeFile(join(folder, 'sources', 'article.txt'), 'The quote is here.');
  await writeFile(join(root, 'secret.txt'), 'outside the folder');
  if (posix) {
    await symlink(join(folder, 'sources', 'article.txt'), join(folder, 'inside-link.txt'));
    await symlink(join(root, 'secret.txt'), join(folder, 'outside-link.txt'));
    await symlink('/etc/passwd', join(folder, 'passwd.txt'));
    await symlink('/dev/zero', join(folder, 'zero.txt'));
    await symlink(join(root), join(folder, 'up'));
    execFileSync('mkfifo', [join(folder, 'fifo.txt')]);
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const text = (r: Awaited<ReturnType<typeof readLocalCopy>>) => (r.ok ? new TextDecoder().decode(r.bytes) : r.message);

describe('readLocalCopy', () => {
  it('reads a regular file inside the folder, and one reached by a link that stays inside', async () => {
    expect(text(await readLocalCopy(dataset, 'sources/article.txt'))).toBe('The quote is here.');
    if (posix) expect(text(await readLocalCopy(dataset, 'inside-link.txt'))).toBe('The quote is here.');
  });

  it('refuses names that lead out of the folder, whatever the validator let through', async () => {
    for (const name of ['../secret.txt', 'sources/../../secret.txt', join(root, 'secret.txt')]) {
      const r = await readLocalCopy(dataset, name);
      expect(r.ok, name).toBe(false);
      expect(text(r)).toMatch(/outside the dataset's folder/);
    }
  });

  it.runIf(posix)('refuses links to files outside the folder (/etc/passwd, a sibling, a folder above)', async () => {
    for (const name of ['passwd.txt', 'outside-link.txt', 'up/secret.txt']) {
      const r = await readLocalCopy(dataset, name);
      expect(r.ok, name).toBe(false);
      expect(text(r), name).toMatch(/link to a file outside the dataset's folder/);
    }
  });

  it.runIf(posix)('a FIFO is refused at once, without waiting for a writer', async () => {
    const started = Date.now();
    const r = await readLocalCopy(dataset, 'fifo.txt');
    expect(text(r)).toMatch(/not a regular file/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.runIf(posix)('a link to /dev/zero is refused (never read until memory runs out)', async () => {
    // /dev/zero is outside the folder; a device inside it would be "not a regular file" too.
    const r = await readLocalCopy(dataset, 'zero.txt');
    expect(r.ok).toBe(false);
    expect(text(r)).toMatch(/outside the dataset's folder|not a regular file/);
  });

  it('refuses a folder, a missing file and a file over the size limit, naming why', async () => {
    expect(text(await readLocalCopy(dataset, 'sources'))).toMatch(/is a folder/);
    expect(text(await readLocalCopy(dataset, 'sources/missing.txt'))).toMatch(/no such file/);
    const big = await readLocalCopy(dataset, 'sources/article.txt', 10);
    expect(big.ok).toBe(false);
    expect(text(big)).toMatch(/too large to read: 18 bytes, over the limit of 10/);
    expect(big.path).toBe(join(folder, 'sources', 'article.txt'));
  });
});
