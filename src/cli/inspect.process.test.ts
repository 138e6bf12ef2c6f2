// The command line as a user runs it: a separate Node process (through tsx, as npm run inspect
// does), its output streams and exit status.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_EVENT_COUNT } from '../../tests/support/bundledDataset';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'src', 'cli', 'inspect.ts');
const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', name);
const SLOW = 60_000;

let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-cli-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: SLOW });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run inspect, as a process', () => {
  it(
    'a valid native file: the summary, exit 0',
    () => {
      const out = run('data/deir-al-zour-al-qaim-2017.frontline');
      expect(out.stderr).toBe('');
      expect(out.status).toBe(0);
      expect(out.stdout).toMatch(/^data\/deir-al-zour-al-qaim-2017\.frontline: valid Frontline dataset$/m);
      expect(out.stdout).toMatch(new RegExp(`^Events: {4}${BUNDLED_EVENT_COUNT} \\(2 spans\\)$`, 'm'));
    },
    SLOW
  );

  it(
    'a native fixture with invalid events: each problem with file, line, field; exit 1',
    () => {
      const out = run(fixture('invalid-refs.frontline'));
      expect(out.status).toBe(1);
      expect(out.stdout).toBe('');
      const lines = out.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(/invalid-refs\.frontline:\d+:\d+: error: events\[0\] \(id "is-holds-deir-al-zour"\)\.start\.value: "2017-02-30" does not exist/);
      expect(lines[3]).toMatch(/invalid-refs\.frontline: invalid \(3 problems\)$/);
    },
    SLOW
  );

  it(
    'a broken file: the syntax error at its line and column; exit 1',
    () => {
      const out = run(fixture('broken-syntax.frontline'));
      expect(out.status).toBe(1);
      expect(out.stderr).toContain('broken-syntax.frontline:6:18: error: events[0]: the file is not valid JSON: expected a field name in double quotes');
    },
    SLOW
  );

  it(
    'a generic table without --map: the columns and a hint; exit 2',
    async () => {
      const path = join(tmp, 'events.csv');
      await writeFile(path, 'when,what\n2017-11-03,Town taken\n');
      const out = run(path);
      expect(out.status).toBe(2);
      expect(out.stdout).toContain('whose columns must be matched to what they hold');
      expect(out.stdout).toContain('--map');
    },
    SLOW
  );

  it(
    'a usage error: exit 2 with the usage',
    () => {
      const out = run('--format', 'xlsx', 'x.csv');
      expect(out.status).toBe(2);
      expect(out.stderr).toMatch(/^Unknown format "xlsx"/);
      expect(out.stderr).toContain('Usage: npm run inspect -- <file>');
    },
    SLOW
  );
});
