/**
 * Build of the three bundles: main (Node), preload (sandboxed, CommonJS, one
 * file) and renderer (browser). The renderer bundle is the same one the HTTP
 * host serves to browsers, so what the end-to-end tests exercise is what ships.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
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

/**
 * `start-snapshot.js`: src-renderer/src/platform/start-snapshot-show.ts alone,
 * as a classic script that index.html runs right after `#root`, so the
 * picture of the last library screen is in the page's first paint (before the
 * app's modules run). The file imports nothing; its `export`s are dropped and
 * it runs in a function of its own, then shows the picture.
 */
function startSnapshotScript(): Plugin {
  const fileName = 'start-snapshot.js';
  const script = () => {
    const source = readFileSync(resolve(root, 'src-renderer/src/platform/start-snapshot-show.ts'), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext } }).outputText;
    const body = js.replace(/^export (?=(const|function|let) )/gm, '');
    if (/^\s*(import|export)\b/m.test(body)) throw new Error(`${fileName}: start-snapshot-show.ts must import and export nothing but declarations`);
    return `(function () {\n${body}\nshowStartSnapshot(document.getElementById('root'), location.hash);\n})();\n`;
  };
  return {
    name: 'start-snapshot-script',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: script() });
    },
    configureServer(server) {
      server.middlewares.use(`/${fileName}`, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.end(script());
      });
    },
    transformIndexHtml: () => [{ tag: 'script', attrs: { src: `./${fileName}` }, injectTo: 'body' }],
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
    plugins: [react(), devCspPlugin(), preloadAppChunk(), startSnapshotScript()],
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
