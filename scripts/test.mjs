#!/usr/bin/env node
// npm test: type checks, lint, build, unit tests (Vitest), browser tests (Playwright in Chromium,
// bridged to the real main-process code) and the Electron suite, then one line totalling them all.
// Every step runs even if an earlier one failed, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  return result.status === 0;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const rows = [];

// Static checks count as one test each.
const checks = [
  ['type check: src/shared (no DOM, no Node)', ['tsc', '-p', 'tsconfig.shared.json']],
  ['type check: main, preload, command line (Node + Electron typings)', ['tsc', '-p', 'tsconfig.node.json']],
  ['type check: tests', ['tsc', '-p', 'tsconfig.tests.json']],
  ['type check: renderer (svelte-check)', ['svelte-check', '--tsconfig', 'tsconfig.web.json', '--fail-on-warnings', '--output', 'human']],
  ['lint (including the folder import rules)', ['eslint', '--max-warnings', '0', '.']],
  ['build (electron-vite: out/main, CommonJS preload, out/renderer)', ['electron-vite', 'build']]
];
let checksPassed = 0;
const failedChecks = [];
for (const [title, args] of checks) {
  if (run(title, npx, args)) checksPassed++;
  else failedChecks.push(title);
}
if (run('build output', process.execPath, ['scripts/check-build.mjs'])) checksPassed++;
else failedChecks.push('build output');
rows.push({ suite: 'checks', passed: checksPassed, failed: failedChecks.length, skipped: 0, notes: failedChecks.map((t) => `failed: ${t}`) });

// Unit tests.
const vitestJson = join(reports, 'vitest.json');
run('unit tests (Vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  const failedSuites = (v.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  rows.push({ suite: 'unit', passed: v.numPassedTests, failed: v.numFailedTests + failedSuites, skipped: v.numPendingTests + v.numTodoTests, notes: [] });
} else {
  rows.push({ suite: 'unit', passed: 0, failed: 1, skipped: 0, notes: ['Vitest wrote no report'] });
}

// Browser and Electron end-to-end tests.
function playwright(suite, project) {
  const file = join(reports, `playwright-${project}.json`);
  run(`${suite} tests (Playwright, project ${project})`, npx, ['playwright', 'test', `--project=${project}`, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) return { suite, passed: 0, failed: 1, skipped: 0, notes: ['Playwright wrote no report'] };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const notes = new Set();
  const walk = (s) => {
    for (const spec of s.specs ?? []) for (const t of spec.tests ?? []) for (const a of t.annotations ?? []) if (a.type === 'skip' && a.description) notes.add(a.description);
    for (const child of s.suites ?? []) walk(child);
  };
  for (const s of report.suites ?? []) walk(s);
  for (const e of report.errors ?? []) notes.add(`error: ${(e.message ?? '').split('\n')[0]}`);
  const st = report.stats ?? {};
  return { suite, passed: (st.expected ?? 0) + (st.flaky ?? 0), failed: (st.unexpected ?? 0) + (report.errors?.length ?? 0), skipped: st.skipped ?? 0, notes: [...notes] };
}
rows.push(playwright('browser', 'chromium'));
rows.push(playwright('electron', 'electron'));

console.log('\n=== Summary');
let passed = 0;
let failed = 0;
for (const r of rows) {
  passed += r.passed;
  failed += r.failed;
  console.log(`  ${r.suite.padEnd(9)} ${String(r.passed).padStart(4)} passed, ${String(r.failed).padStart(3)} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  for (const n of r.notes) console.log(`            ${n}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
