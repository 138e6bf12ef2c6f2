// The hostile corpus (tests/support/hostileCorpus.ts) through the command line, which opens files
// with the app's own loader: every case gets its exit status and a clear message naming the file
// and the line or field, within 30 s; big inputs run in a process of their own whose peak memory
// stays within a few times the file's size; nothing raw reaches the terminal; nothing is polluted.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from '../../src/cli/inspect';
import { runExport } from '../../src/cli/export';
import { HOSTILE_CASES, type HostileCase } from '../support/hostileCorpus';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1024 * 1024;
const LIMIT_MS = 30_000;
// eslint-disable-next-line no-control-regex -- what must never be printed raw
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontline-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const runnable = (c: HostileCase) => !(c.posixOnly && process.platform === 'win32');

/** inspect in a process of its own, with its peak resident memory (MB). */
function inspectInProcess(path: string, args: readonly string[]): { exitCode: number; stdout: string; stderr: string; peakMB: number; ms: number } {
  const script = `
    const { inspect } = await import(${JSON.stringify(join(ROOT, 'src/cli/inspect.ts'))});
    const out = await inspect(${JSON.stringify([path, ...args])});
    process.stdout.write(JSON.stringify({ ...out, peakMB: process.resourceUsage().maxRSS / 1024 }));`;
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * MB });
  const ms = Date.now() - started;
  if (child.status !== 0) throw new Error(`the inspecting process failed (${child.status ?? child.signal}): ${child.stderr.slice(0, 2000)}`);
  return { ...(JSON.parse(child.stdout) as { exitCode: number; stdout: string; stderr: string; peakMB: number }), ms };
}

describe('the hostile corpus through npm run inspect', () => {
  for (const c of HOSTILE_CASES.filter((x) => !x.big)) {
    it.runIf(runnable(c))(`${c.family}: ${c.name} → exit ${c.exit}`, { timeout: 60_000 }, async () => {
      const path = await c.make(await mkdtemp(join(dir, 'case-')));
      const started = Date.now();
      const out = await inspect([path, ...(c.args ?? [])]);
      const ms = Date.now() - started;
      const text = out.stdout + out.stderr;
      expect(text, text.slice(0, 2000)).toMatch(c.says);
      expect(out.exitCode, text.slice(0, 2000)).toBe(c.exit);
      expect(text).not.toMatch(RAW_CONTROL);
      expect(text).not.toMatch(/RangeError|TypeError|Maximum call stack|\n\s+at /);
      expect(ms).toBeLessThan(LIMIT_MS);
      // No case reaches into Object.prototype.
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  }

  for (const c of HOSTILE_CASES.filter((x) => x.big)) {
    it.runIf(runnable(c))(`${c.family}: ${c.name} → exit ${c.exit}, in bounded time and memory`, { timeout: 150_000 }, async () => {
      const path = await c.make(await mkdtemp(join(dir, 'case-')));
      const size = (await stat(path)).size / MB;
      const out = inspectInProcess(path, c.args ?? []);
      const text = out.stdout + out.stderr;
      expect(text, text.slice(0, 2000)).toMatch(c.says);
      expect(out.exitCode).toBe(c.exit);
      expect(text).not.toMatch(RAW_CONTROL);
      expect(out.ms).toBeLessThan(LIMIT_MS + 10_000); // the process's own start included
      // Node and tsx take about 150 MB before reading anything; the file a few times more.
      expect(out.peakMB, `peak ${out.peakMB.toFixed(0)} MB for a ${size.toFixed(0)} MB file`).toBeLessThan(250 + 4 * size);
    });
  }
});

describe('the hostile corpus through npm run export', () => {
  const exported = HOSTILE_CASES.filter((c) => !c.big && runnable(c) && c.exit !== 2);
  for (const c of exported) {
    const exit = c.exportExit ?? c.exit;
    it(`${c.name}: ${exit === 0 ? 'drawn' : 'refused with exit 1'}, never a crash`, { timeout: 60_000 }, async () => {
      const path = await c.make(await mkdtemp(join(dir, 'case-')));
      const out = await runExport([path, '--out', join(dir, `${c.name}.svg`)]);
      const text = out.stdout + out.stderr;
      expect(out.exitCode, text.slice(0, 2000)).toBe(exit);
      if (exit === 0) expect(out.stdout).toMatch(/^Wrote /);
      else expect(out.stderr).toMatch(/error: /);
      // A native file drawn without its invalid events says so.
      if (exit === 0 && c.exit === 1 && !c.name.startsWith('local-copy')) expect(out.stderr).toMatch(/left out, drawn without them/);
      expect(text).not.toMatch(RAW_CONTROL);
      expect(text).not.toMatch(/RangeError|TypeError|Maximum call stack|\n\s+at /);
    });
  }
});
