// Electronegativity over src/ and the built out/ (npm test builds first): every finding of MEDIUM
// or above (and any Node integration one) is gone or a listed false positive whose real value a named test asserts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isGated, scanApp, scanFolderOffline, type Finding, type ScanResult } from '../../scripts/electronegativity';

const ROOT = join(import.meta.dirname, '..', '..');
const SCAN_TIMEOUT = 60_000;

const Allowlist = z.object({
  findings: z.array(
    z.object({
      check: z.string().regex(/^[A-Z_]+_CHECK$/),
      where: z.array(z.object({ scan: z.enum(['src', 'out']), file: z.string().min(1), code: z.string() })).min(1),
      why: z.string().min(80),
      assertedBy: z.array(z.object({ file: z.string().min(1), test: z.string().min(1) })).min(1)
    })
  )
});
type Allowlist = z.infer<typeof Allowlist>;
const allowlist: Allowlist = Allowlist.parse(JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-allowlist.json'), 'utf8')));

const codeOf = (f: Finding): string => (f.sample.split('\n')[0] ?? '').trim();
const matches = (f: Finding, check: string, w: { scan: string; file: string; code: string }): boolean => f.check === check && f.scan === w.scan && f.file === w.file && codeOf(f) === w.code;
const gated = (findings: Finding[]): Finding[] => findings.filter(isGated);
const describeFinding = (f: Finding): string => `${f.severity} ${f.check} [${f.scan}] ${f.file}:${f.line} ${JSON.stringify(codeOf(f))}`;

/** Gated findings (MEDIUM+, or any Node integration one) no allowlist entry covers. */
function unlisted(findings: Finding[], list: Allowlist): Finding[] {
  return gated(findings).filter((f) => !list.findings.some((entry) => entry.where.some((w) => matches(f, entry.check, w))));
}

describe('Electronegativity over src/ and out/', () => {
  let result: ScanResult;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) throw new Error('out/ is missing: run npx electron-vite build first (npm test does)');
    result = await scanApp(ROOT);
  }, SCAN_TIMEOUT);

  it('ran its checks and could read every file, the bundles in out/ included', () => {
    expect(result.checks).toBeGreaterThanOrEqual(30);
    expect(result.errors).toEqual([]);
  });

  it('finds nothing of MEDIUM or above (nor any Node integration) that is not a listed false positive', () => {
    expect(unlisted(result.findings, allowlist).map(describeFinding)).toEqual([]);
  });

  it('lists no false positive that is not found any more (remove it from the allowlist)', () => {
    const gone = allowlist.findings.flatMap((entry) => entry.where.filter((w) => !gated(result.findings).some((f) => matches(f, entry.check, w))).map((w) => `${entry.check} ${JSON.stringify(w)}`));
    expect(gone).toEqual([]);
  });

  it('sees the secure window options, the CSP <meta>, the navigation guard and the permission handler', () => {
    const ids = new Set(gated(result.findings).map((f) => f.check));
    for (const check of ['SANDBOX_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) expect(ids.has(check), check).toBe(false);
    expect(gated(result.findings).filter((f) => f.check === 'CSP_GLOBAL_CHECK' && f.scan === 'out')).toEqual([]);
  });
});

describe('electronegativity-allowlist.json', () => {
  it.each(allowlist.findings.flatMap((entry) => entry.assertedBy.map((a) => [entry.check, a.file, a.test] as const)))('%s: %s has the test "%s"', (_check, file, test) => {
    const path = join(ROOT, file);
    expect(existsSync(path), `${file} does not exist`).toBe(true);
    const source = readFileSync(path, 'utf8');
    expect(source.includes(`'${test}'`) || source.includes(`"${test}"`) || source.includes(`\`${test}\``), `no test titled "${test}" in ${file}`).toBe(true);
  });

  it('lists each check once', () => {
    const checks = allowlist.findings.map((e) => e.check);
    expect(new Set(checks).size).toBe(checks.length);
  });
});

describe('the gate', () => {
  let dir: string;
  let control: ScanResult;

  beforeAll(async () => {
    // A window with every switch turned the wrong way: the scan must report it, the allowlist must not cover it.
    dir = mkdtempSync(join(tmpdir(), 'frontline-electronegativity-control-'));
    writeFileSync(
      join(dir, 'main.ts'),
      [
        "import { BrowserWindow, shell } from 'electron';",
        'export function open(url: string): void {',
        '  const win = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, webSecurity: false } });',
        '  void win.loadURL(url);',
        '  void shell.openExternal(url);',
        '}',
        ''
      ].join('\n')
    );
    control = await scanFolderOffline(dir);
  }, SCAN_TIMEOUT);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on an insecure window the allowlist does not cover', () => {
    const ids = unlisted(control.findings, allowlist).map((f) => f.check);
    for (const check of ['SANDBOX_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']) expect(ids, check).toContain(check);
  });
});
