/**
 * The one rule for everything this program writes where a person pointed it
 * (`cli ingest --out`, `cli export --out`, the desktop save dialog, the
 * bundled archive build): nothing is replaced or deleted that the program did
 * not make.
 *
 *  - An archive is built in a hidden sibling folder and swapped in only over a
 *    missing path, an empty folder, or a folder that is an archive this
 *    program made (its manifest reads as ours and it holds nothing else).
 *  - The folders being read (the source, the export's backup file and
 *    archive) are never targets, nor their parents nor their children.
 *  - Files are written to a temporary sibling, synced, then linked into place;
 *    any failure (a full disk included) removes the temporary file and leaves
 *    what was there before untouched.
 *
 * Every refusal is an OutputRefused with one sentence a person can act on;
 * hosts print it and exit non-zero. Writers of archive files call writeNewFile
 * here, so a test can inject a failing disk in exactly one place.
 */
import { constants, promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

export class OutputRefused extends Error {
  constructor(
    message: string,
    readonly target: string,
  ) {
    super(message);
    this.name = 'OutputRefused';
  }
}

/**
 * The files and folders a built archive holds (store/layout.ts, search/engine.ts, and an import's re-use cache,
 * ingest/reuse-cache.ts); nothing else may be in one we replace.
 */
export const ARCHIVE_ENTRIES: ReadonlySet<string> = new Set(['manifest.json', 'docs.json', 'list.json', 'bodies.jsonl', 'index', 'reuse-cache.bin']);

// ---- test seam: a failing disk -------------------------------------------------------------

type WriteFault = (file: string, bytesSoFar: number) => NodeJS.ErrnoException | null;
let writeFault: WriteFault | null = null;

/** Tests only: make writes through this module fail (e.g. ENOSPC) once `fault` returns an error. */
export function injectWriteFault(fault: WriteFault | null): void {
  writeFault = fault;
}

export function enospc(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC' });
}

// ---- paths ---------------------------------------------------------------------------------

/** The real path of `p`, or of its nearest existing ancestor with the rest appended (targets may not exist yet). */
async function realish(p: string): Promise<string> {
  const abs = resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return join(await fs.realpath(cur), ...rest.reverse());
    } catch {
      const parent = dirname(cur);
      if (parent === cur) return abs;
      rest.push(basename(cur));
      cur = parent;
    }
  }
}

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r !== '' && !r.startsWith('..') && !r.startsWith(sep) && !/^[a-zA-Z]:/.test(r);
};

/** Refuses `target` when it is one of `inputs`, holds one, or lies inside one. `what` names the inputs for the message. */
async function refuseOverlap(target: string, inputs: readonly { path: string; what: string }[]): Promise<void> {
  const t = await realish(target);
  for (const input of inputs) {
    const i = await realish(input.path);
    if (t === i) throw new OutputRefused(`Refusing to write to ${target}: it is ${input.what} itself. Choose another --out.`, target);
    if (inside(i, t)) throw new OutputRefused(`Refusing to write to ${target}: it holds ${input.what} (${input.path}). Choose another --out.`, target);
    if (inside(t, i)) throw new OutputRefused(`Refusing to write to ${target}: it is inside ${input.what} (${input.path}). Choose another --out.`, target);
  }
}

const code = (e: unknown) => (e as NodeJS.ErrnoException)?.code;

// ---- archives (folders) --------------------------------------------------------------------

export type FolderTarget = 'missing' | 'empty' | 'archive';

/**
 * What is at `target`, when an archive may be written there; otherwise throws
 * OutputRefused. `isOurManifest` reads `<target>/manifest.json` (store/layout.ts
 * owns that format); `sources` are the folders the build reads.
 */
export async function checkArchiveTarget(
  target: string,
  sources: readonly string[],
  isOurManifest: (dir: string) => Promise<boolean>,
): Promise<FolderTarget> {
  await refuseOverlap(
    target,
    sources.map((s) => ({ path: s, what: 'the source folder' })),
  );
  let st;
  try {
    st = await fs.lstat(target);
  } catch (e) {
    if (code(e) === 'ENOENT') return 'missing';
    throw new OutputRefused(`Cannot check ${target}: ${(e as Error).message}`, target);
  }
  if (st.isSymbolicLink()) throw new OutputRefused(`Refusing to replace ${target}: it is a symbolic link. Give the folder itself, or a new name.`, target);
  if (!st.isDirectory()) {
    const what = st.isFile() ? 'a file' : 'a pipe, socket or device';
    throw new OutputRefused(`Refusing to replace ${target}: it is ${what}, not a folder. Give a new folder name for the archive.`, target);
  }
  let names: string[];
  try {
    names = await fs.readdir(target);
  } catch (e) {
    throw new OutputRefused(`Cannot look inside ${target}: ${(e as Error).message}`, target);
  }
  if (names.length === 0) return 'empty';
  const foreign = names.filter((n) => !ARCHIVE_ENTRIES.has(n));
  if (!names.includes('manifest.json') || !(await isOurManifest(target)) || foreign.length > 0) {
    const shown = (foreign.length ? foreign : names).slice(0, 3).join(', ');
    throw new OutputRefused(
      `Refusing to replace ${target}: it is not an archive made by Archive Reader (it holds ${shown}${names.length > 3 ? ', …' : ''}). Give an empty or new folder for --out.`,
      target,
    );
  }
  return 'archive';
}

/** A hidden folder beside `target` to build in (same file system, so the swap is a rename). */
export async function makeBuildDir(target: string): Promise<string> {
  const parent = dirname(resolve(target));
  await fs.mkdir(parent, { recursive: true });
  const dir = join(parent, `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await fs.mkdir(dir);
  return dir;
}

/**
 * Moves the finished build `built` to `target`, checking `target` again just
 * before (it may have changed while building). The replaced archive is moved
 * aside and removed only after the new one is in place. When another process
 * got there first with an archive, `sameBuild` decides whether to keep theirs.
 */
export async function swapInFolder(
  built: string,
  target: string,
  sources: readonly string[],
  isOurManifest: (dir: string) => Promise<boolean>,
  sameBuild: (dir: string) => Promise<boolean> = async () => false,
): Promise<void> {
  const state = await checkArchiveTarget(target, sources, isOurManifest);
  let old: string | null = null;
  if (state === 'empty') await fs.rmdir(target); // rmdir removes only an empty folder: nothing is lost
  if (state === 'archive') {
    old = join(dirname(resolve(target)), `.${basename(target)}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
    await fs.rename(target, old);
  }
  try {
    await fs.rename(built, target);
  } catch (e) {
    if ((code(e) === 'ENOTEMPTY' || code(e) === 'EEXIST') && (await sameBuild(target))) {
      await fs.rm(built, { recursive: true, force: true });
    } else {
      if (old) await fs.rename(old, target).catch(() => undefined); // put theirs back
      old = null;
      throw e;
    }
  }
  if (old) await fs.rm(old, { recursive: true, force: true });
}

// ---- files ---------------------------------------------------------------------------------

/** Writes `data` to a new file at `file` (which must not exist), through the one place a test can make fail. */
export async function writeNewFile(file: string, data: string | Uint8Array | Iterable<Uint8Array>, mode = 0o644): Promise<void> {
  // Chunks may be made as they are written (a generator): a large archive's bodies are never all in memory as bytes.
  const chunks: Iterable<Uint8Array> = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
  const fh = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    let written = 0;
    for (const c of chunks) {
      const fault = writeFault?.(file, written);
      if (fault) throw fault;
      await fh.write(c);
      written += c.length;
    }
    const fault = writeFault?.(file, written);
    if (fault) throw fault;
  } finally {
    await fh.close();
  }
}

export interface FileTargetOptions {
  /** What the write reads: never written to, nor anything inside them. */
  inputs?: readonly { path: string; what: string }[];
  /** The person confirmed replacing an existing file (a system save dialog asks). Otherwise an existing file is refused. */
  replaceConfirmed?: boolean;
  /** Permissions of the new file (default 0o644; backups use 0o600). */
  mode?: number;
}

/** Checks that a file may be written at `target`; throws OutputRefused otherwise. */
export async function checkFileTarget(target: string, opts: FileTargetOptions = {}): Promise<void> {
  await refuseOverlap(target, opts.inputs ?? []);
  let st;
  try {
    st = await fs.lstat(target);
  } catch (e) {
    if (code(e) === 'ENOENT') {
      const parent = await fs.stat(dirname(resolve(target))).catch(() => null);
      if (!parent?.isDirectory()) throw new OutputRefused(`Cannot write ${target}: the folder ${dirname(resolve(target))} does not exist.`, target);
      return;
    }
    throw new OutputRefused(`Cannot check ${target}: ${(e as Error).message}`, target);
  }
  if (st.isSymbolicLink()) throw new OutputRefused(`Refusing to write to ${target}: it is a symbolic link. Give the file itself, or a new name.`, target);
  if (st.isDirectory()) throw new OutputRefused(`Refusing to write to ${target}: it is a folder. Give a file name, e.g. ${join(target, 'export.md')}.`, target);
  if (!st.isFile()) throw new OutputRefused(`Refusing to write to ${target}: it is not a regular file (a pipe, socket or device).`, target);
  for (const input of opts.inputs ?? []) {
    // A hard link to an input is the input under another name.
    const i = await fs.stat(input.path).catch(() => null);
    if (i && i.dev === st.dev && i.ino === st.ino) throw new OutputRefused(`Refusing to write to ${target}: it is ${input.what} itself (another name for it). Choose another --out.`, target);
  }
  if (!opts.replaceConfirmed) throw new OutputRefused(`Refusing to overwrite ${target}: it already exists. Give a new file name (or --overwrite to replace it).`, target);
}

/**
 * Writes a file atomically: checked (checkFileTarget), written to a hidden
 * sibling, synced, then moved into place. On any failure the temporary file is
 * removed and the target is as it was; the error says what went wrong.
 */
export async function writeFileSafely(target: string, data: string | Uint8Array, opts: FileTargetOptions = {}): Promise<void> {
  const abs = resolve(target);
  await checkFileTarget(abs, opts);
  const tmp = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNewFile(tmp, data, opts.mode);
    const fh = await fs.open(tmp, 'r+');
    await fh.sync().finally(() => fh.close());
    if (opts.replaceConfirmed) await fs.rename(tmp, abs);
    else {
      // link() fails if something appeared at the target meanwhile: never replaced by a race.
      try {
        await fs.link(tmp, abs);
      } catch (e) {
        if (code(e) === 'EEXIST') throw new OutputRefused(`Refusing to overwrite ${target}: it already exists. Give a new file name (or --overwrite to replace it).`, target);
        if (code(e) !== 'EPERM' && code(e) !== 'ENOTSUP' && code(e) !== 'EXDEV') throw e;
        await checkFileTarget(abs, opts); // a file system without hard links: check once more, then rename
        await fs.rename(tmp, abs);
      }
      await fs.rm(tmp, { force: true });
    }
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (e instanceof OutputRefused) throw e;
    throw new OutputRefused(`Could not write ${target}: ${describeIoError(e)}. Nothing was changed.`, target);
  }
}

export function describeIoError(e: unknown): string {
  if (e instanceof OutputRefused) return e.message;
  switch (code(e)) {
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code(e)})`;
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    default:
      return (e as Error)?.message ?? String(e);
  }
}
