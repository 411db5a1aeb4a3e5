/**
 * Reading a backup file a person picked: the one gate between a file and the
 * notes database. Nothing is written unless this answers ok, and then every
 * row is a fresh, validated object (restore-on-read).
 *
 * Refused, each with a message that says what is wrong: not JSON, cut-off
 * JSON, too large, another app's file (or a W3C annotation file, or a raw Dexie
 * export), a newer format version, a damaged header, counts that do not match
 * the rows, any invalid row (wrong type, missing field, 50 MB field, unknown
 * field), duplicated ids, and "__proto__"/"constructor"/"prototype" keys.
 */
import { isPlainObject, parseJsonSafely } from '../safe-json';
import {
  archivesOf,
  BACKUP_FORMAT_NAME,
  BACKUP_FORMAT_VERSION,
  PRIMARY_KEY,
  TABLE_NAMES,
  emptySnapshot,
  type BackupPreview,
  type Snapshot,
  type TableCounts,
  type TableName,
} from './backup-format';
import {
  BUNDLED_ARCHIVE_ID,
  NOTES_LIMITS,
  describe,
  validateAnnotation,
  validateDocState,
  validateSetting,
  validateTagDef,
  type RowResult,
} from '../schema';

/** Largest backup accepted (the one limit the hosts' backup folder and the contract use too). */
export const MAX_BACKUP_CHARS = NOTES_LIMITS.backupChars;
/** How many row problems one message lists before "and N more". */
const MAX_LISTED = 5;

export type BackupParseResult =
  | { ok: true; preview: BackupPreview; snapshot: Snapshot }
  | { ok: false; message: string };

const VALIDATORS: { [T in TableName]: (raw: unknown) => RowResult<Snapshot[T][number]> } = {
  annotations: validateAnnotation,
  docState: validateDocState,
  tags: validateTagDef,
  settings: validateSetting,
};

const ROW_NAME: Record<TableName, string> = {
  annotations: 'Annotation',
  docState: 'Article state',
  tags: 'Tag',
  settings: 'Setting',
};

const KEY_NAME: Record<TableName, string> = {
  annotations: 'id',
  docState: 'archive and article id',
  tags: 'name',
  settings: 'key',
};

const refuse = (message: string): BackupParseResult => ({ ok: false, message });

export function parseBackup(text: string, opts: { maxChars?: number } = {}): BackupParseResult {
  const parsed = parseJsonSafely(text, { maxChars: opts.maxChars ?? MAX_BACKUP_CHARS, what: 'backup file' });
  if (!parsed.ok) return parsed;
  return parseBackupValue(parsed.value);
}

/** The same checks on an already-parsed value (it must come from JSON.parse, never from live objects). */
export function parseBackupValue(v: unknown): BackupParseResult {
  if (!isPlainObject(v)) return refuse('This file is not an Archive Reader backup: it holds a list, not a backup.');
  if (v.formatName !== BACKUP_FORMAT_NAME) return refuse(foreignFileMessage(v));

  const version = v.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(`The backup file is damaged: its format version is ${describe(version)}.`);
  }
  if (version > BACKUP_FORMAT_VERSION) {
    const app = typeof v.appVersion === 'string' ? ` (app version ${v.appVersion.slice(0, 40)})` : '';
    return refuse(
      `This backup was made by a newer Archive Reader${app}, format version ${version}; this app reads up to version ${BACKUP_FORMAT_VERSION}. Update Archive Reader to restore it. Nothing was changed.`,
    );
  }
  for (const k of Object.keys(v)) {
    if (!['formatName', 'formatVersion', 'appVersion', 'createdAt', 'schemaVersion', 'counts', 'tables'].includes(k)) {
      return refuse(`The backup file is damaged: it has an unknown field "${k.slice(0, 60)}".`);
    }
  }
  if (typeof v.appVersion !== 'string' || v.appVersion.length > 50 || !v.appVersion) {
    return refuse(`The backup file is damaged: its app version is ${describe(v.appVersion)}.`);
  }
  if (typeof v.createdAt !== 'string' || v.createdAt.length > 40 || Number.isNaN(Date.parse(v.createdAt))) {
    return refuse(`The backup file is damaged: its creation date is ${describe(v.createdAt)}.`);
  }
  const schema = v.schemaVersion;
  if (schema !== undefined && (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 0)) {
    return refuse(`The backup file is damaged: its schema version is ${describe(schema)}.`);
  }
  if (!isPlainObject(v.tables)) {
    return refuse(`The backup file is damaged: it has no tables (found ${describe(v.tables)}).`);
  }
  for (const k of Object.keys(v.tables)) {
    if (!(TABLE_NAMES as readonly string[]).includes(k)) {
      return refuse(`The backup file is damaged: it has an unknown table "${k.slice(0, 60)}".`);
    }
  }
  if (!isPlainObject(v.counts)) return refuse(`The backup file is damaged: it has no row counts.`);

  const snapshot = emptySnapshot();
  const problems: string[] = [];
  let problemCount = 0;
  const counts = {} as TableCounts;
  for (const table of TABLE_NAMES) {
    const rows = v.tables[table];
    if (!Array.isArray(rows)) {
      return refuse(`The backup file is damaged: the table "${table}" is ${rows === undefined ? 'missing' : describe(rows)}.`);
    }
    const declared = v.counts[table];
    if (declared !== rows.length) {
      return refuse(
        `The backup file is damaged: it says the table "${table}" holds ${typeof declared === 'number' ? declared : describe(declared)} rows but it contains ${rows.length}. It may have been cut off or edited.`,
      );
    }
    counts[table] = rows.length;
    const seen = new Map<string, number>();
    const validate = VALIDATORS[table] as (raw: unknown) => RowResult<unknown>;
    const out: unknown[] = [];
    rows.forEach((raw, i) => {
      const r = validate(version < 2 ? fromVersion1(raw, table) : raw);
      const label = `${ROW_NAME[table]} ${i + 1}${rowKeyHint(raw, table)}`;
      if (!r.ok) {
        problemCount++;
        if (problems.length < MAX_LISTED) problems.push(`${label}: ${r.message}`);
        return;
      }
      const key = (PRIMARY_KEY[table] as (row: unknown) => string)(r.row);
      const first = seen.get(key);
      if (first !== undefined) {
        problemCount++;
        if (problems.length < MAX_LISTED) {
          problems.push(`${label}: the ${KEY_NAME[table]} is the same as ${ROW_NAME[table].toLowerCase()} ${first + 1}'s (duplicated ${KEY_NAME[table]})`);
        }
        return;
      }
      seen.set(key, i);
      out.push(r.row);
    });
    (snapshot[table] as unknown[]) = out;
  }
  for (const k of Object.keys(v.counts)) {
    if (!(TABLE_NAMES as readonly string[]).includes(k)) {
      return refuse(`The backup file is damaged: it counts an unknown table "${k.slice(0, 60)}".`);
    }
  }
  if (problemCount > 0) {
    const more = problemCount > problems.length ? `\n… and ${problemCount - problems.length} more.` : '';
    return refuse(
      `The backup file has ${problemCount} invalid row${problemCount === 1 ? '' : 's'}, so nothing was restored:\n${problems.join('\n')}${more}`,
    );
  }
  return {
    ok: true,
    preview: {
      formatVersion: version,
      appVersion: v.appVersion,
      createdAt: v.createdAt,
      schemaVersion: schema ?? null,
      counts,
      archives: archivesOf(snapshot),
    },
    snapshot,
  };
}

/** Format 1 knew one archive, the bundled one: its notes and article states are that archive's. */
function fromVersion1(raw: unknown, table: TableName): unknown {
  if ((table !== 'annotations' && table !== 'docState') || !isPlainObject(raw) || 'archiveId' in raw) return raw;
  return { ...raw, archiveId: BUNDLED_ARCHIVE_ID };
}

function rowKeyHint(raw: unknown, table: TableName): string {
  if (!isPlainObject(raw)) return '';
  const k = table === 'annotations' ? raw.id : table === 'docState' ? raw.docId : table === 'tags' ? raw.name : raw.key;
  return typeof k === 'string' && k.length <= 80 ? ` ("${k}")` : '';
}

function foreignFileMessage(v: Record<string, unknown>): string {
  if (v.formatName === 'dexie') {
    const data = isPlainObject(v.data) ? v.data : {};
    const db = typeof data.databaseName === 'string' ? ` of the database "${data.databaseName.slice(0, 60)}"` : '';
    return `This is a raw Dexie database export${db}, not an Archive Reader backup. Make a backup with "Backup now" and restore that.`;
  }
  if ('@context' in v || v.type === 'AnnotationCollection' || v.type === 'Annotation') {
    return 'This is a W3C annotation file, not a backup. Use "Import annotations" to add its annotations.';
  }
  if (typeof v.formatName === 'string') {
    return `This file was made by another app (its format is "${v.formatName.slice(0, 60)}"), not an Archive Reader backup.`;
  }
  return 'This JSON file is not an Archive Reader backup (it has no "formatName": "archive-reader-backup" header).';
}
