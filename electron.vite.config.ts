// Build of the three bundles: main (ESM, Node), preload (CommonJS: a sandboxed preload cannot load
// ESM) and the Svelte renderer. Everything is bundled, so the packaged app needs no node_modules,
// except the native modules listed in NATIVE_MODULES (a .node binary cannot be bundled): those ship
// in the app's node_modules as "dependencies", their binaries unpacked from the asar
// (electron-builder.json asarUnpack). tests/unit/packaging.test.ts keeps the three lists in step.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './src/main/security/csp';
import { ensureBasemaps } from './scripts/build-basemap';
import { buildPageTemplate } from './scripts/build-page';

/** Image export's PNG rasteriser (resvg, Rust): a platform package holding a .node binary. */
export const NATIVE_MODULES = ['@resvg/resvg-js'];

/**
 * The built index.html carries the production CSP in a <meta> as well as in the app:// response
 * header, generated from the same contentSecurityPolicy() so the two cannot drift. Build only: the
 * dev server's page needs the development policy, which only the header carries. First in <head>,
 * so it covers every script and stylesheet after it.
 */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'frontline:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() }, injectTo: 'head-prepend' }]
    }
  };
}

/**
 * The offline basemap (resources/basemap, not in git) is built from the installed data packages
 * before main is bundled, so every build (npm run build, npm test, packaging) has one, made without
 * the network; an up-to-date one is left as it is.
 */
export function basemapPlugin(): Plugin {
  return {
    name: 'frontline:basemap',
    buildStart() {
      const result = ensureBasemaps();
      for (const f of result.files) this.info(`basemap: wrote ${f.file} (${Math.round(f.bytes / 1024)} KB)`);
    }
  };
}

/**
 * The interactive page's template (vite.page.config.ts: the same renderer built for one .html file)
 * is built once the renderer is, so every build, test run and package ships it in out/page.
 */
export function pageTemplatePlugin(): Plugin {
  return {
    name: 'frontline:page-template',
    apply: 'build',
    async closeBundle() {
      const { file, bytes } = await buildPageTemplate();
      this.info(`page: wrote ${file} (${Math.round(bytes / 1024)} KB)`);
    }
  };
}

export default defineConfig({
  main: {
    plugins: [basemapPlugin()],
    build: {
      externalizeDeps: false,
      // The load worker is its own entry: worker threads start from a file.
      rolldownOptions: {
        input: { index: 'src/main/index.ts', loadWorker: 'src/main/dataset/loadWorker.ts' },
        // Loaded from node_modules at run time (with its platform package), never bundled.
        external: [...NATIVE_MODULES]
      }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    plugins: [svelte(), cspMetaPlugin(), pageTemplatePlugin()],
    build: {
      minify: true,
      target: 'chrome130',
      // MapLibre GL JS is 1.1 MB minified on its own (a chunk of its own, loaded when the map first opens).
      chunkSizeWarningLimit: 1280
    }
  }
});
