// fileArgument: the file a command line names, with Electron's and Chromium's own arguments and
// switches left out, relative paths resolved, file:// URLs turned into paths.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileArgument } from './commandLine';

const packaged = { defaultApp: false, cwd: '/home/analyst' };
const dev = { defaultApp: true, cwd: '/home/analyst' };

describe('fileArgument', () => {
  it('is undefined when only the app is started', () => {
    expect(fileArgument(['/opt/Frontline/frontline'], packaged)).toBeUndefined();
    expect(fileArgument(['/usr/bin/electron', '.'], dev)).toBeUndefined();
    expect(fileArgument([], packaged)).toBeUndefined();
  });

  it('takes the path after the executable (packaged) or after the app folder (electron .)', () => {
    expect(fileArgument(['/opt/Frontline/frontline', '/data/acled.csv'], packaged)).toBe('/data/acled.csv');
    expect(fileArgument(['/usr/bin/electron', '.', '/data/acled.csv'], dev)).toBe('/data/acled.csv');
    expect(fileArgument(['/usr/bin/electron', '/work/app', '/data/acled.csv'], dev)).toBe('/data/acled.csv');
  });

  it('resolves a relative path against the working directory given (a second instance’s)', () => {
    expect(fileArgument(['frontline', 'exports/acled.csv'], packaged)).toBe(resolve('/home/analyst', 'exports/acled.csv'));
    expect(fileArgument(['frontline', '../x.frontline'], { defaultApp: false, cwd: '/tmp/a' })).toBe(resolve('/tmp/a/../x.frontline'));
  });

  it('skips switches: ours, Chromium’s added to a second instance, macOS process serial numbers', () => {
    const argv = ['frontline', '--allow-file-access-from-files', '--original-process-start-time=1337', '-psn_0_12345', '--', '/data/ucdp.csv', '/data/other.csv'];
    expect(fileArgument(argv, packaged)).toBe('/data/ucdp.csv');
  });

  it('turns a file:// URL (Linux desktop entries) into a path, and ignores other URLs', () => {
    const path = join('/data', 'with space', 'ged.csv');
    expect(fileArgument(['frontline', pathToFileURL(path).href], packaged)).toBe(path);
    expect(fileArgument(['frontline', 'https://example.org/x.csv'], packaged)).toBeUndefined();
    expect(fileArgument(['frontline', 'frontline://open', '/data/x.csv'], packaged)).toBe('/data/x.csv');
  });
});
