/**
 * Which archive a note belongs to. Every annotation and article state carries
 * the id of the archive it was made in, because two archives may well share a
 * document id (ids hash a file's path and title, and two folders can both hold
 * `news/001.txt` titled "Summit"): without the archive, their notes would mix.
 *
 * The bundled archive is "bundled"; rows written before archives had ids
 * (database versions 1-2, backup format 1) were all made in it, so they read
 * as "bundled". Hosts say which archive is open in AppInfo.archiveId.
 */
import * as v from 'valibot';
import { describe } from './fields';

export const BUNDLED_ARCHIVE_ID = 'bundled';

/** Archive ids are short and plain: they go into passage links and file headers. */
export const ARCHIVE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export const archiveIdField = v.pipe(
  v.string((i) => `should be an archive id, not ${describe(i.input)}`),
  v.regex(ARCHIVE_ID_PATTERN, (i) => `is not an archive id (${describe(i.input)}; letters, digits, ".", "_" and "-", at most 80)`),
);

export function isArchiveId(x: unknown): x is string {
  return typeof x === 'string' && ARCHIVE_ID_PATTERN.test(x);
}

/** An older row's archive: absent means the bundled archive (see above). */
export function archiveIdOr(x: unknown): unknown {
  return x === undefined || x === null ? BUNDLED_ARCHIVE_ID : x;
}
