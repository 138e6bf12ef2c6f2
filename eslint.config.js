// Lint, and the folder-runs-where rules: renderer never imports Electron or Node, shared imports
// neither, main never imports Svelte or vis-*, only the timeline adapter imports vis-*, and only
// lib/api.ts reads window.api.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'https', 'net', 'worker_threads', 'stream', 'util'];
const restrict = (groups, message) => ({ group: groups, message });
const NO_EVAL = { selector: "CallExpression[callee.name='eval']", message: 'No eval.' };
// A spread array becomes one argument each: past about 100,000 the call ends in a RangeError
// (a large file's figures in push(...), Math.max(...) over a million header cells).
const NO_SPREAD_ARGS = [
  { selector: 'CallExpression > SpreadElement', message: 'Never spread an array into arguments: a file can make it huge (use a loop or reduce).' },
  { selector: 'NewExpression > SpreadElement', message: 'Never spread an array into arguments: a file can make it huge (use a loop or reduce).' }
];

export default ts.config(
  { ignores: ['out/', 'dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', 'bench-results/', 'tmp/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', NO_EVAL, ...NO_SPREAD_ARGS]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] }, globals: { ...globals.browser } },
    rules: {
      'svelte/no-at-html-tags': 'error',
      // Large data is held in $state.raw and replaced whole, never mutated: plain Map/Set are meant.
      'svelte/prefer-svelte-reactivity': 'off'
    }
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['electron', 'electron/*'], 'The renderer never imports Electron; use lib/api.ts.'),
            restrict(NODE_BUILTINS, 'The renderer runs in a sandboxed page: no Node modules.'),
            restrict(['vis-timeline', 'vis-timeline/*', 'vis-data', 'vis-data/*'], 'Only lib/timeline/ talks to vis-timeline.'),
            restrict(['**/main/**', '**/preload/**'], 'The renderer reaches main only through the contract.')
          ]
        }
      ],
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'Read window.api only in lib/api.ts.' }],
      'no-restricted-syntax': [
        'error',
        NO_EVAL,
        ...NO_SPREAD_ARGS,
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Untrusted text never becomes HTML: use textContent.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Untrusted text never becomes HTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Untrusted text never becomes HTML.' }
      ]
    }
  },
  {
    files: ['src/renderer/src/lib/timeline/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['electron', 'electron/*'], 'The renderer never imports Electron.'),
            restrict(NODE_BUILTINS, 'The renderer runs in a sandboxed page: no Node modules.')
          ]
        }
      ]
    }
  },
  { files: ['src/renderer/src/lib/api.ts'], rules: { 'no-restricted-properties': 'off' } },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['electron', 'electron/*'], 'src/shared runs everywhere: no Electron.'),
            restrict(NODE_BUILTINS, 'src/shared runs everywhere: no Node modules.'),
            restrict(['svelte', 'svelte/*', 'vis-timeline', 'vis-timeline/*', 'vis-data', 'vis-data/*'], 'src/shared has no UI.'),
            restrict(['**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**'], 'src/shared depends on nothing else in src.')
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    // Tests and dev scripts spread small arrays of their own making.
    files: ['**/*.test.ts', 'tests/**', 'scripts/**', 'eslint.config.js', '*.config.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_EVAL] }
  },
  {
    files: ['src/main/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['svelte', 'svelte/*', 'vis-timeline', 'vis-timeline/*', 'vis-data', 'vis-data/*'], 'Main and the command line have no UI.'),
            restrict(['**/renderer/**'], 'Main never imports renderer code.')
          ]
        }
      ]
    }
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(NODE_BUILTINS, 'A sandboxed preload can require only electron.'),
            restrict(['zod', 'svelte', 'svelte/*', 'vis-*'], 'The preload stays tiny: the contract and electron only.'),
            restrict(['**/main/**', '**/renderer/**'], 'The preload knows only the contract.')
          ]
        }
      ]
    }
  }
);
