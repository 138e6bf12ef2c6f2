// Where the cache lives on each system (never a roaming profile), and the build stamp that makes
// entries of any other build foreign.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeStamp, openCacheFolder } from './cacheFolder';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-cache-folder-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('openCacheFolder', () => {
  it('Linux: $XDG_CACHE_HOME when it is absolute, else ~/.cache', () => {
    expect(openCacheFolder('linux', '/home/ana', {}, 'Frontline')).toBe('/home/ana/.cache/Frontline/Opened files');
    expect(openCacheFolder('linux', '/home/ana', { XDG_CACHE_HOME: '/fast/cache' }, 'Frontline')).toBe('/fast/cache/Frontline/Opened files');
    expect(openCacheFolder('linux', '/home/ana', { XDG_CACHE_HOME: 'relative' }, 'Frontline')).toBe('/home/ana/.cache/Frontline/Opened files');
  });

  it('macOS: ~/Library/Caches; Windows: the local application data, not the roaming one', () => {
    expect(openCacheFolder('darwin', '/Users/ana', {}, 'Frontline')).toBe('/Users/ana/Library/Caches/Frontline/Opened files');
    expect(openCacheFolder('win32', '/Users/ana', { LOCALAPPDATA: '/Users/ana/AppData/Local', APPDATA: '/Users/ana/AppData/Roaming' }, 'Frontline')).toBe('/Users/ana/AppData/Local/Frontline/Opened files');
    expect(openCacheFolder('win32', '/Users/ana', {}, 'Frontline')).toBe('/Users/ana/AppData/Local/Frontline/Opened files');
  });
});

describe('codeStamp', () => {
  it('changes with any script of the build, and only with them', async () => {
    const build = join(tmp, 'out');
    await mkdir(join(build, 'chunks'), { recursive: true });
    await writeFile(join(build, 'index.js'), 'main();');
    await writeFile(join(build, 'loadWorker.js'), 'work();');
    await writeFile(join(build, 'chunks', 'open-1.js'), 'open();');
    const first = codeStamp(build);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(codeStamp(build)).toBe(first);
    await writeFile(join(build, 'notes.txt'), 'not code');
    expect(codeStamp(build)).toBe(first);
    await writeFile(join(build, 'chunks', 'open-1.js'), 'open(2);');
    expect(codeStamp(build)).not.toBe(first);
  });

  it('a build that cannot be read gets a stamp of its own each time, so no entry is trusted', () => {
    const a = codeStamp(join(tmp, 'absent'));
    expect(a).toMatch(/^unread-/);
    expect(codeStamp(join(tmp, 'absent'))).not.toBe(a);
  });
});
