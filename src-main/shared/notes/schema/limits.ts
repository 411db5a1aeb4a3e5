/**
 * The one set of limits for the person's data. Every path that reads or writes
 * a note (the reader's restore-on-read, a backup's parse and restore, a W3C
 * import, the CLI, the hosts' backup folder) checks against these numbers, so
 * a row one path accepts is never refused by another. Generous for real use
 * (a megabyte note is fine), refusing the absurd (a 50 MB field).
 */
export const NOTES_LIMITS = {
  /** Annotation ids, document ids. */
  idChars: 200,
  /** A Markdown note on a highlight or an article. */
  noteChars: 5_000_000,
  /** The highlighted text: a selection of a whole long article still fits. */
  quoteChars: 200_000,
  /** Quote prefix and suffix (32 characters are stored; older rows may hold more). */
  contextChars: 1_000,
  tagChars: 80,
  tagsPerRow: 500,
  hashChars: 200,
  colorLabelChars: 40,
  settingKeyChars: 200,
  /** A setting's value, as JSON text. */
  settingValueChars: 1_000_000,
  /** Text offsets into an article. */
  offset: 1_000_000_000,
  /**
   * A whole backup file, in characters and in UTF-8 bytes: a backup of 10,000 long notes is a few MiB. The web
   * host's request-body cap for backupWrite is derived from it (web/server.ts MAX_BACKUP_BODY_BYTES).
   */
  backupChars: 64 * 1024 * 1024,
} as const;
