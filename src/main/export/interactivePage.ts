// The interactive page's writer: the page template (the app's renderer built for the page by
// vite.page.config.ts) filled in with a dataset as inert JSON and a strict CSP whose script and
// style hashes are computed here from the template's own inline code. One .html file, written
// atomically; its size can be told before writing. Used by main (File › Export › Interactive page…)
// and the command line (npm run export -- … --out x.html).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetHeader, EventColumns } from '../../shared/dataset/columns';
import { stringAt } from '../../shared/dataset/columns';
import { linksForEvents } from '../../shared/dataset/links';
import { loadDatasetBytes } from '../../shared/dataset/loadDatasetBytes';
import { formatProblem } from '../../shared/dataset/problems';
import { escapeJsonForScript, escapedJsonLength, PAGE_BASEMAP_ID, PAGE_DATA_ID, PAGE_FORMAT, PAGE_META_ID, PAGE_PLACEHOLDER, type PageMeta } from '../../shared/export/interactivePage';
import type { AppLocation } from '../dataset/bundledDataset';
import { fastEventCheck } from '../dataset/fastEventCheck';
import { loadBasemapFile } from './basemap';
import { writeFileAtomic } from '../files/atomicWrite';
import { checkIndices, fileOrder, nativeFileBytes } from '../files/saveDataset';
import { storiesForEvents, withStories } from '../files/saveStories';

/** The template's name in out/page (vite.page.config.ts PAGE_TEMPLATE). */
export const PAGE_TEMPLATE_FILE = 'frontline-page.html';
const TEMPLATE_DIR = join('out', 'page');

/** What the template holds where the writer puts the policy (a policy that allows nothing, until then). */
export const CSP_PLACEHOLDER = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'" />`;
const block = (id: string, content: string): string => `<script type="application/json" id="${id}">${content}</script>`;

/**
 * Where the page template is: in the app (packaged, inside its asar) under its app path, else found
 * by walking up from this module (out/main when built, src/main/export under tsx) to out/page.
 */
export function pageTemplatePath(loc?: AppLocation): string | undefined {
  if (loc) {
    const path = join(loc.appPath, TEMPLATE_DIR, PAGE_TEMPLATE_FILE);
    if (existsSync(path)) return path;
  }
  let at = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const path = join(at, TEMPLATE_DIR, PAGE_TEMPLATE_FILE);
    if (existsSync(path)) return path;
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  return undefined;
}

export type TemplateResult = { readonly ok: true; readonly template: PageTemplate } | { readonly ok: false; readonly message: string };

/** The template read and checked (each part the writer fills in found once, its inline code hashed). */
export async function readPageTemplate(path: string | undefined): Promise<TemplateResult> {
  if (path === undefined) return { ok: false, message: `The interactive page's template (${join(TEMPLATE_DIR, PAGE_TEMPLATE_FILE)}) is missing: build the app (npm run build).` };
  let html: string;
  try {
    html = await readFile(path, 'utf8');
  } catch (err) {
    return { ok: false, message: `The interactive page's template (${path}) cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = parsePageTemplate(html);
  return typeof parsed === 'string' ? { ok: false, message: `The interactive page's template (${path}) ${parsed}: build the app again (npm run build).` } : { ok: true, template: parsed };
}

/** A template split where the writer fills it in, with the policy its inline code needs. */
export interface PageTemplate {
  /** The template's text between the parts filled in: before the policy, after it, and after each block. */
  readonly pieces: readonly [string, string, string, string, string];
  /** The Content-Security-Policy for the page: scripts and styles by their SHA-256. */
  readonly csp: string;
}

/** Inline <script> (other than data blocks) and <style> elements' text, as the HTML parser sees it. */
export function inlineCode(html: string): { readonly scripts: string[]; readonly styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\btype="application\/json"/i.test(m[1]!)) scripts.push(m[2]!);
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) styles.push(m[1]!);
  return { scripts, styles };
}

const hashSource = (code: string): string => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

/**
 * The page's policy: nothing from anywhere (default-src 'none', connect-src 'none': no network),
 * its inline script and styles by hash (no 'unsafe-inline', no eval), fonts and images from data:
 * URLs only (the fonts are inlined), workers from blob: only (the map's; search runs on the page's
 * thread), no forms, frames, plugins or base URL.
 */
export function pagePolicy(scripts: readonly string[], styles: readonly string[]): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', scripts.map(hashSource)],
    ['style-src', styles.map(hashSource)],
    ['img-src', ['data:']],
    ['font-src', ['data:']],
    ['connect-src', ["'none'"]],
    // The map's worker only (MapLibre's code, made into a blob: URL by the page itself; see vite.page.config.ts).
    ['worker-src', ['blob:']],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['media-src', ["'none'"]],
    ['manifest-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]]
  ];
  return directives.map(([name, values]) => `${name} ${values.length > 0 ? values.join(' ') : "'none'"}`).join('; ');
}

/** The template split at the parts filled in, or what is wrong with it. */
export function parsePageTemplate(html: string): PageTemplate | string {
  const marks = [CSP_PLACEHOLDER, block(PAGE_META_ID, PAGE_PLACEHOLDER), block(PAGE_BASEMAP_ID, PAGE_PLACEHOLDER), block(PAGE_DATA_ID, PAGE_PLACEHOLDER)];
  const at: number[] = [];
  for (const mark of marks) {
    const i = html.indexOf(mark);
    if (i === -1 || html.indexOf(mark, i + 1) !== -1) return `has ${i === -1 ? 'no' : 'more than one'} ${mark}`;
    at.push(i);
  }
  if (at.some((x, k) => k > 0 && x < at[k - 1]!)) return 'has its parts out of order';
  const { scripts, styles } = inlineCode(html);
  if (scripts.length === 0) return 'has no script';
  // Outside its inline code (whose strings may hold anything), nothing may load a file.
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  if (/<(?:script|link|img|iframe|object|embed|source|video|audio)\b[^>]*\s(?:src|href)=/i.test(markup)) return 'refers to a file outside itself';
  const piece = (k: number): string => html.slice(at[k - 1]! + marks[k - 1]!.length, at[k]);
  return { pieces: [html.slice(0, at[0]), piece(1), piece(2), piece(3), html.slice(at[3]! + marks[3]!.length)], csp: pagePolicy(scripts, styles) };
}

/** What a page holds: a Frontline dataset's bytes, its description, and the basemap when it carries the map. */
export interface PageContent {
  readonly dataset: Uint8Array;
  readonly meta: PageMeta;
  readonly basemap?: Uint8Array;
}

const encoder = new TextEncoder();
const jsonBytes = (value: unknown): Uint8Array => encoder.encode(JSON.stringify(value));
const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The page's parts in order (text and escaped data), ready to write, and their size in bytes. */
export function pageChunks(template: PageTemplate, content: PageContent): { readonly chunks: readonly (string | Uint8Array)[]; readonly bytes: number } {
  const [head, afterCsp, afterMeta, afterBasemap, tail] = template.pieces;
  const open = (id: string): string => `<script type="application/json" id="${id}">`;
  const chunks: (string | Uint8Array)[] = [
    head,
    `<meta http-equiv="Content-Security-Policy" content="${template.csp}" />`,
    afterCsp,
    open(PAGE_META_ID),
    escapeJsonForScript(jsonBytes(content.meta)),
    '</script>',
    afterMeta,
    open(PAGE_BASEMAP_ID),
    content.basemap ? escapeJsonForScript(content.basemap) : PAGE_PLACEHOLDER,
    '</script>',
    afterBasemap,
    open(PAGE_DATA_ID),
    escapeJsonForScript(content.dataset),
    '</script>',
    tail
  ];
  return { chunks, bytes: chunks.reduce((n, c) => n + (typeof c === 'string' ? utf8Length(c) : c.byteLength), 0) };
}

/** The size pageChunks would come to, without making the escaped copies. */
export function pageBytes(template: PageTemplate, content: PageContent): number {
  const fixed = template.pieces.reduce((n, p) => n + utf8Length(p), 0);
  const tags = 3 * (utf8Length('<script type="application/json" id="">') + utf8Length('</script>')) + utf8Length(PAGE_META_ID + PAGE_BASEMAP_ID + PAGE_DATA_ID);
  const csp = utf8Length(`<meta http-equiv="Content-Security-Policy" content="${template.csp}" />`);
  const data = escapedJsonLength(jsonBytes(content.meta)) + (content.basemap ? escapedJsonLength(content.basemap) : PAGE_PLACEHOLDER.length) + escapedJsonLength(content.dataset);
  return fixed + tags + csp + data;
}

/** A dataset as main or the command line holds it: its header and columns, and the file image its events are in. */
export interface PageSource {
  readonly header: DatasetHeader;
  readonly columns: EventColumns;
  readonly bytes: Uint8Array;
  readonly ranges: Uint32Array;
}

/**
 * The Frontline file a page holds: the events at `indices` (all when null), each exactly as the
 * file image has it, under the dataset's header, with the links between them and the stories' steps
 * on them (as Save As keeps them). Not checked yet (checkPageDataset): enough to tell the size.
 */
export function pageDatasetBytes(source: PageSource, indices: Uint32Array | null): { ok: true; bytes: Uint8Array; events: number } | { ok: false; message: string } {
  const checked = checkIndices(source.columns, indices);
  if (!checked.ok) return { ok: false, message: checked.error.message };
  const sourceIndices = fileOrder(source.columns, checked.value);
  const { stories, links } = source.header;
  const kept = stories.length > 0 || links.length > 0 ? new Set(Array.from(checked.value, (i) => stringAt(source.columns.ids, i))) : new Set<string>();
  let bytes = nativeFileBytes({ payload: { header: source.header }, bytes: source.bytes, ranges: source.ranges }, sourceIndices, source.header.sources, linksForEvents(links, kept));
  if (stories.length > 0) bytes = withStories(bytes, storiesForEvents(stories, kept));
  return { ok: true, bytes, events: sourceIndices.length };
}

/** The page's dataset loaded back as the page will load it: a page never holds what would not open. */
export function checkPageDataset(bytes: Uint8Array, events: number, fileName: string): { ok: true } | { ok: false; message: string } {
  const check = loadDatasetBytes(bytes, fileName, { fastCheck: fastEventCheck() });
  if (check.ok && check.loaded.columns.count === events) return { ok: true };
  const why = check.ok ? `it holds ${check.loaded.columns.count} events instead of ${events}` : formatProblem(check.problems[0]!);
  return { ok: false, message: `The page's data did not pass its own checks (${why}).` };
}

/**
 * The world at 1:110m for the page's map (about 120 KB; the app's finer 1:50m stays out, to keep
 * the page small), as the app's map gets it: checked, then embedded. Without it the page has no map.
 */
export async function pageBasemap(loc?: AppLocation): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  try {
    return { ok: true, bytes: jsonBytes(await loadBasemapFile('110m', loc)) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** The description a page carries of itself. */
export function pageMeta(fields: Omit<PageMeta, 'format' | 'made'>, now: Date = new Date()): PageMeta {
  return { format: PAGE_FORMAT, ...fields, made: now.toISOString() };
}

/** Write the page to `target` atomically: success only once every byte is on disk and renamed into place. */
export async function writeInteractivePage(target: string, template: PageTemplate, content: PageContent): Promise<{ ok: true; bytes: number } | { ok: false; message: string }> {
  const { chunks } = pageChunks(template, content);
  const written = await writeFileAtomic(target, chunks);
  return written.ok ? { ok: true, bytes: written.bytes } : { ok: false, message: written.message };
}
