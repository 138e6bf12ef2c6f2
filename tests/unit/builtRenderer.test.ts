// The built page (out/renderer/index.html, from `electron-vite build`, which npm test runs first)
// carries exactly csp.ts's meta policy, first in <head>; the plugin that puts it there runs in builds only.
import { Parser } from 'htmlparser2';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspMetaPlugin } from '../../electron.vite.config';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../src/main/security/csp';

const BUILT_INDEX = join(import.meta.dirname, '..', '..', 'out', 'renderer', 'index.html');

interface Element {
  readonly name: string;
  readonly attribs: Record<string, string>;
  readonly parent: string | undefined;
}

/** Every element of the page in document order, with its (entity-decoded) attributes and parent. */
function elements(html: string): Element[] {
  const found: Element[] = [];
  const open: string[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      found.push({ name, attribs, parent: open.at(-1) });
      open.push(name);
    },
    onclosetag() {
      open.pop();
    }
  });
  parser.end(html);
  return found;
}

const isCspMeta = (e: Element): boolean => e.name === 'meta' && (e.attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy';

describe('out/renderer/index.html', () => {
  const html = existsSync(BUILT_INDEX) ? readFileSync(BUILT_INDEX, 'utf8') : undefined;
  const page = elements(html ?? '');

  it('exists (npm test builds before the unit tests; alone, run `npx electron-vite build` first)', () => {
    expect(html, `${BUILT_INDEX} is missing: run npx electron-vite build`).toBeDefined();
  });

  it('has exactly one CSP <meta>, and it says exactly metaContentSecurityPolicy()', () => {
    const metas = page.filter(isCspMeta);
    expect(metas).toHaveLength(1);
    expect(metas[0]!.attribs['content']).toBe(metaContentSecurityPolicy());
  });

  it('has it in <head>, before every script, stylesheet and style it must cover', () => {
    const meta = page.findIndex(isCspMeta);
    expect(meta).toBeGreaterThanOrEqual(0);
    expect(page[meta]!.parent).toBe('head');
    const covered = page.flatMap((e, i) => (['script', 'link', 'style'].includes(e.name) ? [i] : []));
    expect(covered.length).toBeGreaterThan(0);
    for (const i of covered) expect(i, `<${page[i]!.name}> comes before the CSP <meta>`).toBeGreaterThan(meta);
  });

  it('loads no inline script or style the policy would have to allow', () => {
    for (const e of page.filter((e) => e.name === 'script')) expect(e.attribs['src'], 'an inline <script>').toBeTruthy();
    expect(page.some((e) => e.name === 'style')).toBe(false);
    expect(page.some((e) => Object.keys(e.attribs).some((a) => a.startsWith('on')))).toBe(false);
  });
});

describe('cspMetaPlugin (electron.vite.config.ts)', () => {
  const plugin = cspMetaPlugin();

  it('runs in builds only: the dev server page needs the development policy, which the header gives', () => {
    expect(plugin.apply).toBe('build');
    expect(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' })).not.toBe(metaContentSecurityPolicy());
  });

  it('prepends the meta policy to <head>', () => {
    const hook = plugin.transformIndexHtml as { handler: () => unknown };
    expect(hook.handler()).toEqual([{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() }, injectTo: 'head-prepend' }]);
  });
});
