// Build of the three bundles: main (ESM, Node), preload (CommonJS: a sandboxed preload cannot load
// ESM) and the Svelte renderer. Everything is bundled, so the packaged app needs no node_modules.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      // The load worker is its own entry: worker threads start from a file.
      rolldownOptions: { input: { index: 'src/main/index.ts', loadWorker: 'src/main/dataset/loadWorker.ts' } }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    plugins: [svelte()],
    build: {
      minify: true,
      target: 'chrome130',
      chunkSizeWarningLimit: 1024
    }
  }
});
