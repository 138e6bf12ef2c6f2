// Runs Electronegativity (Doyensec's Electron security scanner) over src/ and the built out/,
// offline, and returns its findings: tests/unit/electronegativity.test.ts gates on them. Run it
// by hand with `npx tsx scripts/electronegativity.ts` to see every finding the gate looks at.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, sep } from 'node:path';

export type ScanName = 'src' | 'out';

export interface Finding {
  readonly scan: ScanName;
  /** Electronegativity's check id, e.g. SANDBOX_JS_CHECK. */
  readonly check: string;
  readonly severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  readonly confidence: 'TENTATIVE' | 'FIRM' | 'CERTAIN';
  /** Repository-relative path (`src/main/index.ts`, `out/main/index.js`), or N/A for a global check. */
  readonly file: string;
  readonly line: number;
  readonly description: string;
  readonly sample: string;
}

export interface ScanResult {
  readonly findings: Finding[];
  /** Files Electronegativity could not parse, so did not check. */
  readonly errors: { scan: ScanName; file: string; message: string }[];
  /** How many checks ran. */
  readonly checks: number;
}

/**
 * Checks left out: AvailableSecurityFixesGlobalCheck asks GitHub for Electron's releases, and the
 * tests run offline (the Electron version is held current by its own pin in package.json).
 */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

interface RawIssue {
  id: string;
  severity: { name: Finding['severity'] };
  confidence: { name: Finding['confidence'] };
  file: string;
  location: { line: number; column: number };
  description: string;
  sample?: string;
}

type Run = (options: Record<string, unknown>) => Promise<{ globalChecks: number; atomicChecks: number; errors: { file: string; message: string; tolerable: boolean }[]; issues: RawIssue[] }>;

const ROOT = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/**
 * Electronegativity fetches updated translations from GitHub on every run (and waits up to a
 * second for them). Its `got` is replaced by one that answers "unavailable" at once, so a scan
 * never touches the network and uses the bundled English texts.
 */
function loadOffline(): Run {
  const requireFromTool = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = requireFromTool.resolve('got');
  if (!require.cache[gotPath]) {
    const offline = new Module(gotPath);
    offline.filename = gotPath;
    offline.loaded = true;
    offline.exports = async () => ({ statusCode: 503, body: '' });
    require.cache[gotPath] = offline;
  }
  return requireFromTool('@doyensec/electronegativity') as Run;
}

function electronVersion(): string {
  return (require('electron/package.json') as { version: string }).version;
}

/**
 * out/ is scanned from a copy with every .js/.cjs/.mjs renamed .ts. As .js, Electronegativity 1.10's
 * scope analysis stops at the first class private field (`#x`, in the bundles) and skips the whole
 * file ("Unknown node type ClassPrivateProperty"); .cjs and .mjs it skips outright. Its TypeScript
 * path (Babel) reads them all. Returns the copy's folder and the map back to out/ paths.
 */
function copyOutForScan(outDir: string): { dir: string; original: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-electronegativity-'));
  const original = new Map<string, string>();
  const walk = (from: string): void => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const path = join(from, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const ext = extname(entry.name);
        const rel = relative(outDir, path);
        const scanned = ['.js', '.cjs', '.mjs'].includes(ext) ? rel.slice(0, -ext.length) + '.ts' : ['.html', '.json'].includes(ext) ? rel : undefined;
        if (scanned === undefined) continue;
        mkdirSync(dirname(join(dir, scanned)), { recursive: true });
        copyFileSync(path, join(dir, scanned));
        original.set(scanned.split(sep).join('/'), `out/${rel.split(sep).join('/')}`);
      }
    }
  };
  walk(outDir);
  return { dir, original };
}

async function scanFolder(run: Run, scan: ScanName, input: string, fileName: (relativePath: string) => string): Promise<ScanResult> {
  const result = await run({ input, isRelative: true, electronVersionOverride: electronVersion(), excludeFromScan: EXCLUDED_CHECKS, parserPlugins: [] });
  // Issues come relative to `input` (isRelative); parse errors with the absolute path.
  const toRepo = (file: string): string => (file === 'N/A' ? file : fileName((file.startsWith(input) ? relative(input, file) : file).split(sep).join('/')));
  return {
    checks: result.globalChecks + result.atomicChecks,
    errors: result.errors.filter((e) => !e.tolerable).map((e) => ({ scan, file: toRepo(e.file), message: e.message })),
    findings: result.issues.map((i) => ({
      scan,
      check: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: toRepo(i.file),
      line: i.location.line,
      description: i.description,
      sample: (i.sample ?? '').slice(0, 200)
    }))
  };
}

/** Scan a folder as Electronegativity would, e.g. a fixture (files reported relative to it). */
export async function scanFolderOffline(input: string): Promise<ScanResult> {
  return scanFolder(loadOffline(), 'src', input, (rel) => rel);
}

/** Scan src/ and the built out/ (run `npx electron-vite build` first). */
export async function scanApp(root = ROOT): Promise<ScanResult> {
  const run = loadOffline();
  const src = await scanFolder(run, 'src', join(root, 'src'), (rel) => `src/${rel}`);
  const copy = copyOutForScan(join(root, 'out'));
  try {
    const out = await scanFolder(run, 'out', copy.dir, (rel) => copy.original.get(rel) ?? `out/${rel}`);
    return { checks: Math.min(src.checks, out.checks), findings: [...src.findings, ...out.findings], errors: [...src.errors, ...out.errors] };
  } finally {
    rmSync(copy.dir, { recursive: true, force: true });
  }
}

export const GATED_SEVERITIES: readonly Finding['severity'][] = ['MEDIUM', 'HIGH'];
/** Gated at any severity: Electronegativity ranks even an explicit `nodeIntegration: true` INFORMATIONAL. */
export const ALWAYS_GATED_CHECKS: readonly string[] = ['NODE_INTEGRATION_JS_CHECK', 'NODE_INTEGRATION_HTML_CHECK', 'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK'];

/** What the gate looks at: every finding of MEDIUM or above, and any Node integration finding. */
export function isGated(finding: Finding): boolean {
  return GATED_SEVERITIES.includes(finding.severity) || ALWAYS_GATED_CHECKS.includes(finding.check);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { findings, errors, checks } = await scanApp();
  console.log(`Electronegativity: ${checks} checks over src/ and out/`);
  for (const e of errors) console.log(`could not parse ${e.file}: ${e.message}`);
  for (const f of findings.filter(isGated))
    console.log(`${f.severity.padEnd(6)} ${f.check} [${f.scan}] ${f.file}:${f.line}  ${f.sample.split('\n')[0]}`);
}
