/**
 * The list of archives a host keeps in its data folder (`<data>/archives.json`):
 * one valibot schema for the file, read leniently (a missing file is an empty
 * list; a damaged one is reported, never overwritten silently: it is set aside
 * as archives.json.damaged-<time> before a new one is written), written
 * atomically through store/safe-output.ts. The bundled archive is never in the
 * file: it is always there and read-only, so the registry adds it.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { writeFileSafely } from '../archive/store/safe-output';

export const LIST_FILE = 'archives.json';
/** Where imported archives are built: `<data>/archives/<id>/`. */
export const ARCHIVES_FOLDER = 'archives';
export const BUNDLED_ID = 'bundled';
/** An imported archive's id: made by the registry (`i-` and hex), so it is always a safe folder name. */
export const IMPORTED_ID = /^i-[0-9a-f]{8,32}$/;
export const MAX_NAME_CHARS = 120;

const isoDate = v.pipe(v.string(), v.isoTimestamp());

export const ArchiveEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(IMPORTED_ID)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_NAME_CHARS)),
  /** What the person imported from: a folder path (Electron) or the uploaded folder's name (browser). */
  source: v.pipe(v.string(), v.maxLength(4096)),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const ArchiveListSchema = v.strictObject({
  format: v.literal(1),
  /** The archive opened last (opened again at start); the bundled one when absent. */
  lastUsed: v.optional(v.string()),
  archives: v.array(ArchiveEntrySchema),
});

export type ArchiveEntry = v.InferOutput<typeof ArchiveEntrySchema>;
export type ArchiveListFile = v.InferOutput<typeof ArchiveListSchema>;

export const emptyList = (): ArchiveListFile => ({ format: 1, archives: [] });

export interface ReadList {
  list: ArchiveListFile;
  /** Set when the file was there but unreadable: one sentence naming it. */
  problem: string | null;
}

/** Reads `<data>/archives.json`; a missing file is an empty list, a damaged one an empty list and a problem. */
export async function readArchiveList(dataDir: string): Promise<ReadList> {
  const file = join(dataDir, LIST_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { list: emptyList(), problem: null };
    return { list: emptyList(), problem: `The list of archives (${file}) cannot be read: ${(e as Error).message}.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { list: emptyList(), problem: `The list of archives (${file}) is damaged (not JSON).` };
  }
  const r = v.safeParse(ArchiveListSchema, json);
  if (!r.success) {
    const issue = r.issues[0];
    const at = (issue.path ?? []).map((p) => String(p.key)).join('.');
    return { list: emptyList(), problem: `The list of archives (${file}) is damaged (${at ? `${at}: ` : ''}${issue.message}).` };
  }
  // Two entries with one id would make remove and rename ambiguous: keep the first.
  const seen = new Set<string>();
  const archives = r.output.archives.filter((a) => !seen.has(a.id) && seen.add(a.id));
  return { list: { ...r.output, archives }, problem: null };
}

/** Writes the list atomically (temporary sibling, synced, renamed); a damaged file found at start is kept aside first. */
export async function writeArchiveList(dataDir: string, list: ArchiveListFile): Promise<void> {
  v.parse(ArchiveListSchema, list); // never write what could not be read back
  await fs.mkdir(dataDir, { recursive: true });
  await writeFileSafely(join(dataDir, LIST_FILE), JSON.stringify(list, null, 2) + '\n', { replaceConfirmed: true });
}

/** Moves a damaged list aside (never deleted: a person may want it), so the next write starts clean. */
export async function setAsideDamagedList(dataDir: string): Promise<string | null> {
  const file = join(dataDir, LIST_FILE);
  const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await fs.rename(file, aside);
    return aside;
  } catch {
    return null;
  }
}

/** The folder an imported archive is built in. */
export function archiveDirOf(dataDir: string, id: string): string {
  if (!IMPORTED_ID.test(id)) throw new Error(`Not an imported archive's id: ${id}`);
  return join(dataDir, ARCHIVES_FOLDER, id);
}
