// The interactive page's writer: the data escaped so no text can end its block (random and hostile
// strings round-trip), the CSP's hashes those of the page's own inline script and styles (as an HTML
// parser reads them), the size told before writing the size written, the events shown or the whole
// dataset (with the links and story steps between them), a damaged template refused, and the built
// template (out/page) holding no eval.
import { Parser } from 'htmlparser2';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringAt } from '../../shared/dataset/columns';
import { loadDatasetBytes } from '../../shared/dataset/loadDatasetBytes';
import type { Dataset } from '../../shared/dataset/schema';
import { escapedJsonLength, escapeJsonForScript, PAGE_BASEMAP_ID, PAGE_DATA_ID, PAGE_META_ID, parsePageMeta } from '../../shared/export/interactivePage';
import { prng } from '../../../tests/support/prng';
import { datasetOf, imageNow, openDatasetFile } from '../dataset/openDatasetFile';
import {
  CSP_PLACEHOLDER,
  pageBasemap,
  pageBytes,
  pageChunks,
  pageDatasetBytes,
  pageMeta,
  pageTemplatePath,
  parsePageTemplate,
  readPageTemplate,
  writeInteractivePage,
  type PageSource,
  type PageTemplate
} from './interactivePage';
import { BUNDLED_PATH, HOSTILE_PATH } from './testData';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A template of the built one's shape: the policy's placeholder, an inline script and style, the three data blocks. */
export const SMALL_TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    ${CSP_PLACEHOLDER}
    <title>Frontline interactive page</title>
    <script type="module">document.body.dataset.ran = "yes"; const lt = "<\\/script>";</script>
    <style>body { color: #222 }</style>
  </head>
  <body>
    <div id="app"></div>
    <script type="application/json" id="frontline-page">null</script>
    <script type="application/json" id="frontline-basemap">null</script>
    <script type="application/json" id="frontline-data">null</script>
  </body>
</html>
`;

interface Parsed {
  /** Every element in order, with its attributes and, for script and style, its text. */
  readonly elements: { name: string; attribs: Record<string, string>; text: string; parent: string | undefined }[];
}

/** The page as an HTML parser reads it (htmlparser2: script and style as raw text, as browsers do). */
function parseHtml(html: string): Parsed {
  const elements: Parsed['elements'] = [];
  const open: Parsed['elements'] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const el = { name, attribs, text: '', parent: open.at(-1)?.name };
        elements.push(el);
        open.push(el);
      },
      ontext(text) {
        const el = open.at(-1);
        if (el) el.text += text;
      },
      onclosetag() {
        open.pop();
      }
    },
    { decodeEntities: false }
  );
  parser.write(html);
  parser.end();
  return { elements };
}

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function policyOf(html: string): Map<string, string[]> {
  const meta = parseHtml(html).elements.find((e) => e.name === 'meta' && e.attribs['http-equiv'] === 'Content-Security-Policy');
  if (!meta) throw new Error('no CSP meta');
  return new Map(
    meta.attribs['content']!.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    })
  );
}

/** The hashes of the inline code the browser would run, and the CSP's, as read back from the HTML. */
function hashesOf(html: string) {
  const { elements } = parseHtml(html);
  const scripts = elements.filter((e) => e.name === 'script' && e.attribs['type'] !== 'application/json');
  const styles = elements.filter((e) => e.name === 'style');
  const policy = policyOf(html);
  return { scripts: scripts.map((s) => sha(s.text)), styles: styles.map((s) => sha(s.text)), policy };
}

async function sourceOf(path: string): Promise<PageSource & { name: string }> {
  const outcome = await openDatasetFile(path);
  const read = outcome.kind === 'needs-review' || outcome.kind === 'opened' ? datasetOf(outcome) : undefined;
  if (!read) throw new Error(`${path} did not open`);
  const image = imageNow(read.dataset.image);
  return { header: read.dataset.header, columns: read.dataset.columns, bytes: image.bytes, ranges: image.ranges, name: outcome.file?.displayName ?? path };
}

function template(html = SMALL_TEMPLATE): PageTemplate {
  const parsed = parsePageTemplate(html);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

function contentOf(source: PageSource & { name: string }, indices: Uint32Array | null) {
  const data = pageDatasetBytes(source, indices);
  if (!data.ok) throw new Error(data.message);
  const meta = pageMeta({ fileName: source.name, title: source.header.metadata.title, events: data.events, ofEvents: source.columns.count, what: indices ? 'shown' : 'all', madeWith: 'Frontline test' }, new Date(Date.UTC(2026, 11, 7)));
  return { dataset: data.bytes, meta };
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-page-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('data escaped for a <script> element', () => {
  const PIECES = ['<', '>', '&', '</script>', '</SCRIPT >', '<!--', '-->', '<script>', '\u2028', '\u2029', 'دير الزور', '😀', '"', '\\', 'a', ' ', '\n', '\u0000', 'é'];

  it('round-trips any text, leaving no <, >, &, U+2028 or U+2029, at the length it said', () => {
    const random = prng(16);
    for (let k = 0; k < 500; k++) {
      let s = '';
      const n = Math.floor(random() * 12);
      for (let i = 0; i < n; i++) s += PIECES[Math.floor(random() * PIECES.length)]!;
      const json = encoder.encode(JSON.stringify({ s, list: [s, s.length] }));
      const escaped = escapeJsonForScript(json);
      const text = decoder.decode(escaped);
      expect(text).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(text)).toEqual({ s, list: [s, s.length] });
      expect(escaped.length).toBe(escapedJsonLength(json));
    }
  });

  it('writes each as its \\u escape', () => {
    expect(decoder.decode(escapeJsonForScript(encoder.encode('"</script>&\u2028\u2029"')))).toBe('"\\u003c/script\\u003e\\u0026\\u2028\\u2029"');
  });
});

describe('the page template', () => {
  it('is refused when a part the writer fills in is missing, doubled or out of order, or it loads a file', () => {
    expect(parsePageTemplate(SMALL_TEMPLATE.replace(CSP_PLACEHOLDER, ''))).toMatch(/has no <meta http-equiv="Content-Security-Policy"/);
    expect(parsePageTemplate(SMALL_TEMPLATE.replace('</body>', '<script type="application/json" id="frontline-data">null</script></body>'))).toMatch(/more than one/);
    const swapped = SMALL_TEMPLATE.replace('id="frontline-page"', 'id="x"').replace('id="frontline-data"', 'id="frontline-page"').replace('id="x"', 'id="frontline-data"');
    expect(parsePageTemplate(swapped)).toBe('has its parts out of order');
    expect(parsePageTemplate(SMALL_TEMPLATE.replace('<title>', '<link rel="icon" href="favicon.svg"><title>'))).toBe('refers to a file outside itself');
    expect(parsePageTemplate(SMALL_TEMPLATE.replace(/<script type="module">.*?<\/script>/, ''))).toBe('has no script');
  });

  it('is named when missing, with what to do', async () => {
    const read = await readPageTemplate(undefined);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain('npm run build');
    const damaged = join(tmp, 'damaged.html');
    await writeFile(damaged, '<html></html>');
    const broken = await readPageTemplate(damaged);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.message).toContain(`${damaged}) has no`);
  });
});

describe('a page of the bundled dataset', () => {
  it("carries a CSP whose hashes are exactly its inline script's and style's, and nothing else is allowed", async () => {
    const source = await sourceOf(BUNDLED_PATH);
    const html = decoder.decode(Buffer.concat(pageChunks(template(), contentOf(source, null)).chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c))));
    const { scripts, styles, policy } = hashesOf(html);
    expect(scripts).toHaveLength(1);
    expect(policy.get('script-src')).toEqual(scripts);
    expect(policy.get('style-src')).toEqual(styles);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'none'"]);
    expect(policy.get('worker-src')).toEqual(['blob:']);
    expect(html).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes/);
    // The policy is the first thing in <head>, before any code it covers.
    const head = parseHtml(html).elements.filter((e) => e.parent === 'head');
    expect(head[1]?.attribs['http-equiv']).toBe('Content-Security-Policy');
  });

  it('holds the dataset as inert JSON that loads as the app loads it, and says what it holds', async () => {
    const source = await sourceOf(BUNDLED_PATH);
    const content = contentOf(source, null);
    const html = decoder.decode(Buffer.concat(pageChunks(template(), content).chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c))));
    const blocks = parseHtml(html).elements.filter((e) => e.attribs['type'] === 'application/json');
    expect(blocks.map((b) => b.attribs['id'])).toEqual([PAGE_META_ID, PAGE_BASEMAP_ID, PAGE_DATA_ID]);
    const data = blocks[2]!.text;
    expect(JSON.parse(data)).toEqual(JSON.parse(decoder.decode(content.dataset)));
    const loaded = loadDatasetBytes(encoder.encode(data), source.name);
    expect(loaded.ok && loaded.loaded.columns.count).toBe(BUNDLED_EVENT_COUNT);
    expect(parsePageMeta(JSON.parse(blocks[0]!.text))).toEqual({ format: 1, fileName: source.name, title: source.header.metadata.title, events: BUNDLED_EVENT_COUNT, ofEvents: BUNDLED_EVENT_COUNT, what: 'all', made: '2026-12-07T00:00:00.000Z', madeWith: 'Frontline test' });
    expect(blocks[1]!.text).toBe('null');
  });

  it('is the size it said it would be, whole or filtered, with or without the map', async () => {
    const source = await sourceOf(BUNDLED_PATH);
    const basemap = await pageBasemap();
    expect(basemap.ok).toBe(true);
    for (const indices of [null, Uint32Array.of(3, 7, 8)]) {
      for (const map of [false, true]) {
        const content = { ...contentOf(source, indices), ...(map && basemap.ok ? { basemap: basemap.bytes } : {}) };
        const target = join(tmp, `sized-${indices ? 'some' : 'all'}-${map}.html`);
        const told = pageBytes(template(), content);
        const written = await writeInteractivePage(target, template(), content);
        expect(written.ok && written.bytes).toBe(told);
        expect((await stat(target)).size).toBe(told);
      }
    }
  });

  it('holds the events shown (with the links and story steps between them) or the whole dataset', async () => {
    const source = await sourceOf(BUNDLED_PATH);
    const idOf = (i: number) => stringAt(source.columns.ids, i);
    const all = Array.from({ length: source.columns.count }, (_, i) => i);
    const chosen = all.filter((i) => ['al-qaim-offensive', 'al-qaim-recaptured', 'raqqa-taken', 'deir-al-zour-taken'].includes(idOf(i)));
    expect(chosen).toHaveLength(4);
    const read = (indices: Uint32Array | null) => JSON.parse(decoder.decode(contentOf(source, indices).dataset)) as Dataset;
    const some = read(Uint32Array.from(chosen));
    expect(some.events.map((e) => e.id).sort()).toEqual(chosen.map(idOf).sort());
    // Of the links, only the one with both ends kept (the disputing report is not chosen); the story keeps only the steps on kept events.
    expect(some.links?.map((l) => [l.from, l.to])).toEqual([['al-qaim-offensive', 'al-qaim-recaptured']]);
    for (const story of some.stories ?? []) for (const step of story.steps) expect(chosen.map(idOf)).toContain(step.event);
    const whole = read(null);
    expect(whole.events).toHaveLength(BUNDLED_EVENT_COUNT);
    expect(whole.links).toHaveLength(source.header.links.length);
    expect(whole.stories?.[0]?.steps).toHaveLength(source.header.stories[0]!.steps.length);
    expect(pageDatasetBytes(source, Uint32Array.of(99)).ok).toBe(false);
  });
});

describe('a page of the hostile dataset', () => {
  it('has no element, script or attribute from its text: every bit of markup in it stays inside the data block', async () => {
    const source = await sourceOf(HOSTILE_PATH);
    const content = contentOf(source, null);
    const raw = await readFile(HOSTILE_PATH, 'utf8');
    expect(raw).toContain('<script>window.__pwned=2</script>');
    const html = decoder.decode(Buffer.concat(pageChunks(template(), content).chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c))));
    const pristine = decoder.decode(Buffer.concat(pageChunks(template(), { ...content, dataset: encoder.encode('{}') }).chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c))));
    // The same elements as a page with no data at all: nothing in the data became markup.
    const shape = (h: string) => parseHtml(h).elements.map((e) => `${e.name}${e.attribs['id'] ? `#${e.attribs['id']}` : ''}`);
    expect(shape(html)).toEqual(shape(pristine));
    expect(html).not.toContain('window.__pwned=2</script>');
    const data = parseHtml(html).elements.find((e) => e.attribs['id'] === PAGE_DATA_ID)!.text;
    expect((JSON.parse(data) as Dataset).metadata.title).toBe('Hostile <script>window.__pwned=2</script>');
    // Its CSP still allows only the page's own script.
    const { scripts, policy } = hashesOf(html);
    expect(policy.get('script-src')).toEqual(scripts);
  });
});

describe('the built template (out/page, made by npm run build)', () => {
  const path = pageTemplatePath();

  it('is found, and fills in to a page whose CSP hashes are its inline code and which holds no eval', async () => {
    expect(path, 'out/page/frontline-page.html: run npm run build first').toBeDefined();
    expect(existsSync(path!)).toBe(true);
    const read = await readPageTemplate(path);
    if (!read.ok) throw new Error(read.message);
    const source = await sourceOf(BUNDLED_PATH);
    const html = decoder.decode(Buffer.concat(pageChunks(read.template, contentOf(source, null)).chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c))));
    const { scripts, styles, policy } = hashesOf(html);
    expect(scripts.length).toBeGreaterThan(0);
    expect(policy.get('script-src')).toEqual(scripts);
    expect(policy.get('style-src')).toEqual(styles);
    const code = parseHtml(html)
      .elements.filter((e) => e.name === 'script' && e.attribs['type'] !== 'application/json')
      .map((e) => e.text)
      .join('\n');
    // No eval and no Function constructor (zod's JIT is compiled out of the page; see vite.page.config.ts).
    expect(code).not.toMatch(/\bnew\s+Function\s*\(|(?<![\w$.])eval\s*\(|=\s*Function\s*[;,)]/);
    expect(code).toContain('no eval in the interactive page');
    // Nothing it loads from a file or the network: no src or href outside its inline code.
    expect(parseHtml(html).elements.filter((e) => e.attribs['src'] !== undefined || (e.name === 'link' && e.attribs['href'] !== undefined))).toEqual([]);
  });
});
