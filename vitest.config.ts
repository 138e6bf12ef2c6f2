// Unit tests: pure modules under plain Node (src/**/*.test.ts beside the code, tests/unit for
// checks that span folders). Svelte runes in *.svelte.ts are compiled by the Svelte plugin. A test
// of renderer code that needs a DOM says so in its first line (@vitest-environment happy-dom).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node'
  }
});
