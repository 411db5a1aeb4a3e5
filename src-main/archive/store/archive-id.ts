/**
 * The id a host gives an archive folder it was told to serve (`--archive
 * <dir>`), for AppInfo.archiveId, which keeps each archive's notes apart in
 * the renderer. The bundled archive is always "bundled".
 *
 * Derived from the folder's absolute path, the same thing the web host's
 * data folder is named after (web/launch.ts dataDirForArchive): rebuilding or
 * re-importing the archive in place keeps its id, so its notes stay its own;
 * moving the folder gives another id (and, in a browser, another data folder
 * and port, so another notebook anyway). An archive registry that assigns its
 * own ids passes them to the host instead (startWebHost's `archiveId`).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { BUNDLED_ARCHIVE_ID } from '../../shared/notes/schema';

export function archiveIdForDir(archiveDir: string | undefined): string {
  if (archiveDir === undefined) return BUNDLED_ARCHIVE_ID;
  return `dir-${createHash('sha256').update(resolve(archiveDir)).digest('hex').slice(0, 16)}`;
}
