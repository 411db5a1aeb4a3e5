/**
 * Build of the three bundles: main (Node), preload (sandboxed, CommonJS, one
 * file) and renderer (browser). The renderer bundle is the same one the HTTP
 * host serves to browsers, so what the end-to-end tests exercise is what ships.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { devCspPlugin } from './src-main/electron/dev-csp';

const root = import.meta.dirname;

/**
 * index.html asks for the app's chunk (app/mount.tsx: React, the shell, the
 * library) and what it imports with <link rel="modulepreload">, so they
 * download and compile while the small entry runs and asks the host for the
 * first page; without it they would be asked for only once the entry has run.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [o] : []));
        const app = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/app/mount.tsx'));
        if (!app) throw new Error('preload-app-chunk: no chunk for src/app/mount.tsx (was the entry renamed?)');
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const i of chunks.find((c) => c.fileName === file)?.imports ?? []) visit(i);
        };
        visit(app.fileName);
        return [...files]
          .filter((f) => !html.includes(f))
          .map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

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
    plugins: [react(), devCspPlugin(), preloadAppChunk()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // Fully minified: the window parses and compiles the first chunks before its first request, and
      // keeping identifiers (for readable CPU profiles) made them 0.82 MB instead of 0.46 MB. The bench's
      // profiles name functions through the hidden source maps instead (scripts/bench/cdp-profile.ts);
      // no page links to them and electron-builder leaves them out of the package ("!**/*.map").
      minify: 'esbuild',
      sourcemap: 'hidden',
      // The views are chunks loaded later (src-renderer/src/app/views.ts), but the styles stay one file linked
      // from index.html: 50 KB, and no view ever shows before its rules have arrived.
      cssCodeSplit: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') },
      },
    },
  },
});
