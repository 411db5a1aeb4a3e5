/**
 * ESLint rule: no import cycle between folders. Two folders that import each
 * other (directly or round a longer loop) cannot be understood, tested or
 * moved one at a time, so the layering of docs/architecture.md stays a
 * layering only if no loop exists. eslint-plugin-boundaries checks who may
 * import whom; this rule checks the graph as a whole.
 *
 * The graph: one node per folder of the architecture table: each top-level
 * folder of src-main (archive, ipc, shared, ...) and of src-renderer/src (app,
 * platform, db, anchoring), and each feature (features/<name>); a folder's
 * subfolders belong to it (a parent and its parts may import each other). One
 * edge per relative import between two such folders. Tests are left out:
 * nothing imports a test, so a test (say, one that starts src-main/index.ts)
 * cannot make production code circular. It is built once per lint run
 * from the files on disk; an import is reported when both its folders sit in
 * the same strongly connected component, with the loop spelled out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOTS = ['src-main', 'src-renderer/src'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

let rootDir = process.cwd();

/** The architecture folder a directory belongs to: src-main/<top>, src-renderer/src/<top> or src-renderer/src/features/<name>. */
function folderOf(dir) {
  const rel = relative(rootDir, dir).split(sep);
  const depth = rel[0] === 'src-main' ? 2 : rel[2] === 'features' ? 4 : 3;
  return join(rootDir, ...rel.slice(0, depth));
}

/** The folder an import specifier lands in: a folder itself (its index) or the folder of a file. */
function targetFolder(fromDir, spec) {
  const p = resolve(fromDir, spec);
  if (existsSync(p) && statSync(p).isDirectory()) return folderOf(p);
  return folderOf(dirname(p));
}

const isTest = (file) => /\.test\.tsx?$/.test(file);

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') && !isTest(p)) out.push(p);
  }
  return out;
}

function buildGraph(root) {
  const edges = new Map();
  for (const file of ROOTS.flatMap((r) => walk(join(root, r), []))) {
    const from = folderOf(dirname(file));
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const to = targetFolder(dirname(file), m[1] ?? m[2]);
      if (to === from || !ROOTS.some((r) => to.startsWith(join(root, r)))) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(to);
    }
  }
  return edges;
}

/** Tarjan's strongly connected components: folder -> component id (only components of two or more folders). */
function components(edges) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const comp = new Map();
  let next = 0;
  let id = 0;
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])]);
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const members = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        members.push(w);
      } while (w !== v);
      if (members.length > 1) {
        for (const m of members) comp.set(m, id);
        id++;
      }
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return comp;
}

/** One loop through `from -> to` back to `from`, for the message. */
function loop(edges, from, to) {
  const prev = new Map([[to, null]]);
  const queue = [to];
  while (queue.length) {
    const v = queue.shift();
    if (v === from) break;
    for (const w of edges.get(v) ?? []) if (!prev.has(w)) (prev.set(w, v), queue.push(w));
  }
  const path = [];
  for (let v = from; v !== null && v !== undefined; v = prev.get(v)) path.unshift(v);
  return [from, ...path];
}

const cache = new Map();

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse imports that close a loop between folders' },
    schema: [],
    messages: { cycle: 'Folder cycle: {{loop}}. Move the shared part down a layer (docs/architecture.md).' },
  },
  create(context) {
    const root = context.cwd;
    rootDir = root;
    if (!cache.has(root)) {
      const edges = buildGraph(root);
      cache.set(root, { edges, comp: components(edges) });
    }
    const { edges, comp } = cache.get(root);
    if (isTest(context.filename)) return {};
    const fromDir = folderOf(dirname(context.filename));
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const toDir = targetFolder(dirname(context.filename), spec);
      if (toDir === fromDir || !comp.has(fromDir) || comp.get(fromDir) !== comp.get(toDir)) return;
      const names = loop(edges, fromDir, toDir).map((d) => relative(root, d).split(sep).join('/'));
      context.report({ node: node.source, messageId: 'cycle', data: { loop: names.join(' -> ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
