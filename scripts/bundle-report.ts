/**
 * What each chunk of the renderer bundle holds: builds the renderer (the same
 * config as `npm run build`, into a temporary folder) and lists every chunk
 * with its size, what it imports statically and dynamically, and its largest
 * modules. The library's first paint loads only the entry chunk and its static
 * imports; this is how to see what is in them.
 *
 *   npx tsx scripts/bundle-report.ts [--modules N] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Plugin, type UserConfig } from 'vite';
import config from '../electron.vite.config';

const root = resolve(import.meta.dirname, '..');

interface ChunkReport {
  file: string;
  bytes: number;
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  modules: { id: string; bytes: number }[];
}

function reporter(into: ChunkReport[]): Plugin {
  return {
    name: 'bundle-report',
    generateBundle(_options, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        into.push({
          file: out.fileName,
          bytes: Buffer.byteLength(out.code),
          isEntry: out.isEntry,
          isDynamicEntry: out.isDynamicEntry,
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          modules: Object.entries(out.modules)
            .map(([id, m]) => ({ id: relative(root, id.replace(/^\0/, '')), bytes: m.renderedLength }))
            .sort((a, b) => b.bytes - a.bytes),
        });
      }
    },
  };
}

const { values } = parseArgs({ options: { modules: { type: 'string', default: '12' }, json: { type: 'boolean', default: false } } });
const renderer = (config as { renderer: UserConfig }).renderer;
const outDir = mkdtempSync(join(tmpdir(), 'bundle-report-'));
const chunks: ChunkReport[] = [];
try {
  await build({
    ...renderer,
    configFile: false,
    logLevel: 'warn',
    plugins: [...(renderer.plugins ?? []), reporter(chunks)],
    build: { ...renderer.build, outDir, emptyOutDir: true },
  });
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
chunks.sort((a, b) => Number(b.isEntry) - Number(a.isEntry) || b.bytes - a.bytes);
if (values.json) {
  process.stdout.write(`${JSON.stringify(chunks, null, 2)}\n`);
} else {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const entry = chunks.find((c) => c.isEntry);
  // What the first page loads: the entry and, transitively, its static imports.
  const first = new Set<string>();
  const visit = (f: string) => {
    if (first.has(f)) return;
    first.add(f);
    for (const i of chunks.find((c) => c.file === f)?.imports ?? []) visit(i);
  };
  if (entry) visit(entry.file);
  const firstBytes = chunks.filter((c) => first.has(c.file)).reduce((n, c) => n + c.bytes, 0);
  process.stdout.write(`first page loads ${first.size} chunk(s), ${kb(firstBytes)}; all chunks ${kb(chunks.reduce((n, c) => n + c.bytes, 0))}\n\n`);
  for (const c of chunks) {
    const kind = c.isEntry ? 'entry' : c.isDynamicEntry ? 'lazy' : 'shared';
    process.stdout.write(`${c.file}  ${kb(c.bytes)}  (${kind}${first.has(c.file) ? ', first page' : ''})\n`);
    if (c.imports.length) process.stdout.write(`  imports: ${c.imports.join(', ')}\n`);
    if (c.dynamicImports.length) process.stdout.write(`  loads later: ${c.dynamicImports.join(', ')}\n`);
    for (const m of c.modules.slice(0, Number(values.modules))) process.stdout.write(`    ${kb(m.bytes).padStart(9)}  ${m.id}\n`);
  }
}
