#!/usr/bin/env node
// Checks what `npm run build` produced: out/main, a CommonJS preload (a sandboxed preload cannot
// load ESM), out/renderer with no remote references and with the CSP <meta> of csp.ts, and out/main
// importing nothing but Node, electron and the native modules the app ships. Exits non-zero with the reason.
import { Parser } from 'htmlparser2';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const out = join(import.meta.dirname, '..', 'out');
const problems = [];
const need = (path, what) => {
  if (!existsSync(join(out, path))) problems.push(`${what} missing: out/${path}`);
};
need('main/index.js', 'main process bundle');
need('preload/index.cjs', 'preload bundle');
need('renderer/index.html', 'renderer entry');
// File › Export Interactive Page… and npm run export -- … --out x.html fill this template in.
need('page/frontline-page.html', 'interactive page template (vite.page.config.ts)');

// Main is bundled whole: it may import Node's own modules, electron, and only the native modules
// left out of the bundle on purpose (electron.vite.config.ts NATIVE_MODULES, shipped as dependencies).
const MAIN_EXTERNALS = ['electron', '@resvg/resvg-js'];
if (existsSync(join(out, 'main'))) {
  const walkJs = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walkJs(join(dir, name)) : name.endsWith('.js') ? [join(dir, name)] : []));
  for (const file of walkJs(join(out, 'main'))) {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/^\s*(?:import|export)\b[^'"\n]*?(?:from\s*)?["']([^"']+)["'];?\s*$/gm)].map((m) => m[1]);
    for (const spec of imports) {
      if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec) || MAIN_EXTERNALS.includes(spec)) continue;
      problems.push(`${file} imports ${spec}, which is not bundled and not a native module the app ships`);
    }
  }
}

if (existsSync(join(out, 'preload/index.cjs'))) {
  const preload = readFileSync(join(out, 'preload/index.cjs'), 'utf8');
  if (/^\s*(import|export)\s/m.test(preload)) problems.push('preload is not CommonJS (it has import/export statements)');
  if (!/require\(["']electron["']\)/.test(preload)) problems.push('preload does not require("electron")');
  const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  const others = requires.filter((r) => r !== 'electron');
  if (others.length > 0) problems.push(`a sandboxed preload can require only electron, but it requires ${others.join(', ')}`);
}

if (existsSync(join(out, 'renderer'))) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(join(out, 'renderer'));
  for (const f of files.filter((f) => /\.(html|css)$/.test(f))) {
    const text = readFileSync(f, 'utf8');
    const remote = text.match(/(?:src|href)=["']?(?:https?:)?\/\/[^"'\s>]+|url\(\s*["']?(?:https?:)?\/\/[^)]+\)/);
    if (remote) problems.push(`${f} refers to a remote resource: ${remote[0]}`);
  }
  await checkCspMeta(join(out, 'renderer', 'index.html'));
  const js = files.filter((f) => f.endsWith('.js'));
  const bytes = js.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`renderer: ${js.length} script file(s), ${(bytes / 1024).toFixed(0)} KiB`);
}

/**
 * The page carries exactly one CSP <meta>, equal to metaContentSecurityPolicy() (the policy the
 * electron.vite.config.ts plugin writes), in <head> before any script, stylesheet or style: a <meta>
 * policy covers only what comes after it.
 */
async function checkCspMeta(file) {
  if (!existsSync(file)) return;
  const { metaContentSecurityPolicy } = await tsImport('../src/main/security/csp.ts', import.meta.url);
  const expected = metaContentSecurityPolicy();
  const metas = [];
  const before = [];
  let inHead = false;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name === 'head') inHead = true;
      if (name === 'meta' && (attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy') metas.push({ content: attribs.content, inHead });
      else if (metas.length === 0 && ['script', 'link', 'style'].includes(name)) before.push(name);
    },
    onclosetag(name) {
      if (name === 'head') inHead = false;
    }
  });
  parser.end(readFileSync(file, 'utf8'));
  if (metas.length !== 1) problems.push(`${file} has ${metas.length} Content-Security-Policy <meta> elements, not 1`);
  else {
    if (metas[0].content !== expected) problems.push(`${file}: the CSP <meta> says "${metas[0].content}", but csp.ts metaContentSecurityPolicy() is "${expected}" (rebuild?)`);
    if (!metas[0].inHead) problems.push(`${file}: the CSP <meta> is not in <head>`);
    if (before.length > 0) problems.push(`${file}: the CSP <meta> comes after ${before.join(', ')}, which it then does not cover`);
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(`build check: ${p}`);
  process.exit(1);
}
console.log('build check: out/main, CommonJS out/preload/index.cjs and out/renderer (with its CSP <meta>) are in place');
