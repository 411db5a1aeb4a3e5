/**
 * The linter holds the "who may import whom" table of docs/architecture.md
 * (npm run lint, part of npm test). Only the boundary rules are on: the code's
 * style is the reviewers' business, the layering is the machine's.
 *
 *   src-main/shared   plain TypeScript every side imports: no Node APIs, no DOM, nothing outside shared
 *   src-main/*        Node: shared and its own folders; never src-renderer
 *   platform          what features stand on: shared and itself; no feature, no app
 *   db, anchoring     shared and themselves
 *   features/<name>   shared, platform, db, anchoring, its own folder, and other features only through their index.ts
 *   app               the shell: everything in the renderer
 * Folder cycles (A imports B imports A, between any two folders) are refused by
 * the local rule in tests/lint/no-folder-cycles.js.
 */
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import noFolderCycles from './tests/lint/no-folder-cycles.js';

const element = (type) => ({ element: { type } });
const anyOf = (...types) => ({ element: { types: { anyOf: types } } });

export default [
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'resources/**', '**/*.d.ts', 'tests/lint/fixtures/**'] },
  {
    files: ['src-main/**/*.{ts,tsx}', 'src-renderer/**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    plugins: { boundaries, '@typescript-eslint': tseslint.plugin, local: { rules: { 'no-folder-cycles': noFolderCycles } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    settings: {
      'boundaries/include': ['src-main/**/*', 'src-renderer/src/**/*'],
      'boundaries/elements': [
        { type: 'shared', pattern: 'src-main/shared' },
        { type: 'main', pattern: 'src-main/*' },
        { type: 'app', pattern: 'src-renderer/src/app' },
        { type: 'platform', pattern: 'src-renderer/src/platform' },
        { type: 'db', pattern: 'src-renderer/src/db' },
        { type: 'anchoring', pattern: 'src-renderer/src/anchoring' },
        { type: 'feature', pattern: 'src-renderer/src/features/*', capture: ['feature'] },
        { type: 'styles', pattern: 'src-renderer/src/styles' },
      ],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          policies: [
            { from: element('shared'), allow: { to: element('shared') } },
            { from: element('main'), allow: { to: anyOf('shared', 'main') } },
            { from: element('platform'), allow: { to: anyOf('shared', 'platform') } },
            { from: element('db'), allow: { to: anyOf('shared', 'db') } },
            { from: element('anchoring'), allow: { to: anyOf('shared', 'anchoring') } },
            { from: element('feature'), allow: { to: anyOf('shared', 'platform', 'db', 'anchoring', 'styles') } },
            // Its own folder freely; another feature only through that feature's index.ts.
            { from: element('feature'), allow: { dependency: { relationship: { to: 'internal' } } } },
            { from: element('feature'), allow: { to: { element: { type: 'feature', fileInternalPath: 'index.{ts,tsx}' } } } },
            { from: element('app'), allow: { to: anyOf('shared', 'platform', 'db', 'feature', 'app', 'styles') } },
          ],
        },
      ],
      'local/no-folder-cycles': 2,
    },
  },
  {
    // The shared code runs in Node, in the sandboxed preload and in the browser: no Node API, no Electron, no DOM library.
    files: ['src-main/shared/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test/**'],
    rules: {
      'no-restricted-imports': [2, { patterns: [{ group: ['node:*', 'electron', 'dexie', 'dexie-*', 'react', 'react-*'], message: 'src-main/shared is plain TypeScript: no Node, Electron, Dexie or React.' }] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [2, { patterns: [{ group: ['node:*', 'electron'], message: 'The renderer runs in a browser: no Node or Electron.' }] }],
    },
  },
];
