// Build of the interactive page (File › Export › Interactive page…, `npm run export -- … --out
// x.html`): the same Svelte renderer as the app's, built for a page opened from file:// with no main
// process behind it. Its `window.api` answers from data embedded in the page (src/renderer/src/page).
// The output is ONE template, out/page/frontline-page.html, every script and stylesheet inlined and
// the fonts as data: URLs; main and the command line fill in the data and a CSP with the inline
// code's hashes (src/main/export/interactivePage.ts). Built by electron.vite.config.ts's renderer
// build (pageBuildPlugin), so `npm run build` and packaging always ship it.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

export const PAGE_ROOT = join(import.meta.dirname, 'src', 'renderer');
export const PAGE_OUT_DIR = join(import.meta.dirname, 'out', 'page');
/** The template's file name in PAGE_OUT_DIR (and in the packaged app's out/page). */
export const PAGE_TEMPLATE = 'frontline-page.html';

/**
 * Inline the page's JavaScript and CSS into its HTML and drop the files: a page opened by
 * double-click may load nothing (the CSP says default-src 'none'). "</script" and "</style" inside
 * the code are written so that the HTML parser cannot end the element early.
 */
export function inlinePagePlugin(): Plugin {
  return {
    name: 'frontline:inline-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName.endsWith('.html'));
      if (!html || html.type !== 'asset') throw new Error('the page build made no HTML');
      let text = String(html.source);
      const take = (fileName: string): string => {
        const file = bundle[fileName];
        if (!file) throw new Error(`the page refers to ${fileName}, which the build did not make`);
        delete bundle[fileName];
        // One chunk has nothing to preload: Vite leaves its preload list's placeholder unfilled then.
        return file.type === 'chunk' ? file.code.replaceAll('__VITE_PRELOAD__', 'void 0') : typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
      };
      text = text.replace(/<script type="module" crossorigin src="\.\/([^"]+)"><\/script>/g, (_m, name: string) => {
        const code = take(name).replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
        return `<script type="module">${code}</script>`;
      });
      text = text.replace(/<link rel="stylesheet" crossorigin href="\.\/([^"]+)">/g, (_m, name: string) => `<style>${take(name).replace(/<\/(style)/gi, '<\\/$1')}</style>`);
      const left = text.match(/<(?:script|link)\b[^>]*\b(?:src|href)=[^>]*>/);
      if (left) throw new Error(`the page still refers to a file: ${left[0]}`);
      html.source = text;
      // Anything else the build made (a worker, an asset too big to inline) cannot reach the page.
      for (const name of Object.keys(bundle)) if (bundle[name] !== html) delete bundle[name];
      html.fileName = PAGE_TEMPLATE;
    }
  };
}

/**
 * zod compiles its object checks with `new Function` unless it runs jitless (which the page's entry
 * sets before any schema is made). So that the page's code holds no eval at all, and a strict CSP
 * never sees one tried, the two places it reaches for the Function constructor throw instead.
 */
export function noEvalZodPlugin(): Plugin {
  const FUNCTION_REF = 'const F = Function;';
  return {
    name: 'frontline:zod-no-eval',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/](?:doc|util)\.js$/.test(id)) return null;
      if (!code.includes(FUNCTION_REF)) throw new Error(`${id}: zod no longer has "${FUNCTION_REF}"; check how it reaches eval before building the page`);
      return code.replaceAll(FUNCTION_REF, 'const F = function () { throw new EvalError("no eval in the interactive page"); };');
    }
  };
}

/** How the app's map imports MapLibre's worker: a URL of its own file (src/renderer/src/lib/map/MapController.ts). */
const MAPLIBRE_WORKER_URL = 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
const PAGE_WORKER_MODULE = '\0frontline-page-maplibre-worker';

/**
 * MapLibre's worker in the page. A page opened from file:// has an opaque origin, where Chromium
 * starts no module worker from a blob: URL and MapLibre would fetch its code into a data: URL
 * (refused by the CSP: connect-src and worker-src). So the page's map gets the worker's code as a
 * classic script in a blob: URL, made in the page (worker-src blob: is all the CSP allows besides
 * 'none'); the "#classic.cjs" ending is what tells MapLibre to start it as a classic worker. The
 * code is the same file the app's worker runs, less its one `export` (a classic script has none).
 */
export function pageMapWorkerPlugin(): Plugin {
  return {
    name: 'frontline:page-map-worker',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      return id === MAPLIBRE_WORKER_URL ? PAGE_WORKER_MODULE : null;
    },
    load(id) {
      if (id !== PAGE_WORKER_MODULE) return null;
      const source = readFileSync(createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl-worker.mjs'), 'utf8');
      const exported = /export\s*\{\s*\w+ as default\s*\};?\s*(?:\/\/# sourceMappingURL=\S*\s*)?$/;
      if (!exported.test(source)) throw new Error('maplibre-gl-worker.mjs no longer ends with its one export: check it can run as a classic worker');
      const classic = source.replace(exported, '');
      return `export default URL.createObjectURL(new Blob([${JSON.stringify(classic)}], { type: 'text/javascript' })) + '#classic.cjs';`;
    }
  };
}

/**
 * MapLibre decides whether its worker's URL is cross-origin by comparing origins; on a page opened
 * from file:// `location.origin` is "file://" while a blob: URL the page made has the origin "null",
 * so it would fetch the worker's code again (refused: connect-src 'none'). A blob: URL is the
 * origin of the document that made it, always: in the page's build MapLibre is told so, and starts
 * the worker from it directly. The build fails if MapLibre's check changes shape.
 */
export function pageMapOriginPlugin(): Plugin {
  const check = /let (\w+)=globalThis\.location;if\(!\1\)return!1;try\{return new URL\((\w+),\1\.href\)\.origin!==\1\.origin\}/;
  let patched = 0;
  return {
    name: 'frontline:page-map-origin',
    apply: 'build',
    buildStart() {
      patched = 0;
    },
    transform(code, id) {
      if (!/[\\/]maplibre-gl[\\/]dist[\\/]maplibre-gl[^\\/]*\.mjs$/.test(id) || !check.test(code)) return null;
      patched++;
      return code.replace(check, (_m, loc: string, url: string) => `let ${loc}=globalThis.location;if(!${loc})return!1;try{return!${url}.startsWith("blob:")&&new URL(${url},${loc}.href).origin!==${loc}.origin}`);
    },
    buildEnd() {
      if (patched !== 1) this.error(`MapLibre's cross-origin check of its worker URL was found ${patched} times (expected once): check how it starts its worker on a file:// page`);
    }
  };
}

export default defineConfig({
  root: PAGE_ROOT,
  base: './',
  mode: 'page',
  publicDir: false,
  plugins: [svelte(), noEvalZodPlugin(), pageMapWorkerPlugin(), pageMapOriginPlugin(), inlinePagePlugin()],
  logLevel: 'warn',
  build: {
    outDir: PAGE_OUT_DIR,
    emptyOutDir: true,
    minify: true,
    target: 'chrome120',
    // Fonts and any other asset become data: URLs (the CSP allows data: for fonts and images only).
    assetsInlineLimit: () => true,
    cssCodeSplit: false,
    modulePreload: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 8192,
    rolldownOptions: {
      input: join(PAGE_ROOT, 'page.html'),
      output: { codeSplitting: false }
    }
  }
});
