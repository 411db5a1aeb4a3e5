/**
 * Build of the three bundles: main (Node), preload (sandboxed, CommonJS, one
 * file) and renderer (browser). The renderer bundle is the same one the HTTP
 * host serves to browsers, so what the end-to-end tests exercise is what ships.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { devCspPlugin } from './src-main/electron/dev-csp';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The search, ingest and import threads are their own entries: the main process starts
        // out/main/search-worker.js, ingest-worker.js and import-worker.js beside index.js.
        input: {
          index: resolve(root, 'src-main/index.ts'),
          'search-worker': resolve(root, 'src-main/archive/search/search-worker.ts'),
          'ingest-worker': resolve(root, 'src-main/archive/ingest/ingest-worker.ts'),
          'import-worker': resolve(root, 'src-main/archives/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() anything but 'electron': bundle all.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    // devCspPlugin: `npm run dev` only, drops index.html's CSP <meta> (main sends the dev policy as a header instead).
    plugins: [react(), devCspPlugin()],
    // Minified but for names (CPU profiles still name components): the window parses and compiles
    // the whole bundle before its first request, and the unminified one was 1.9 MB.
    esbuild: { minifyIdentifiers: false, minifySyntax: true, minifyWhitespace: true },
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: 'esbuild',
      rollupOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') },
      },
    },
  },
});
