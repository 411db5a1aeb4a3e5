/**
 * The schema of every contract method's argument (valibot): one per request
 * shape, with the limits callers see in error messages. The contract
 * (contract.ts) maps each method to one of these; the request types are
 * derived from them; `parseRequest` is the one check, run once at the
 * boundary (IPC or HTTP) before a handler sees anything. Arguments arrive
 * from a renderer or any local HTTP client, so nothing is trusted; unknown
 * fields are refused so a typo in a caller shows up instead of being ignored.
 */
import * as v from 'valibot';
import type { DocKind, FacetType } from './model';
import { NOTES_LIMITS } from './notes/schema/limits';

/** Limits, documented here because callers see them in error messages. */
export const API_LIMITS = {
  idChars: NOTES_LIMITS.idChars,
  queryChars: 1_000,
  facetValueChars: 500,
  /** Documents a timeline may be counted over (facets `ids`): every document of a large archive. */
  facetIds: 1_000_000,
  searchLimit: 200,
  listLimit: 1_000_000,
  fileNameChars: 255,
  /** 64 MiB of text or base64: far above any export of this archive. */
  saveFileChars: 64 * 1024 * 1024,
  urlChars: 2_048,
  /** The one backup limit (NOTES_LIMITS.backupChars). */
  backupChars: NOTES_LIMITS.backupChars,
  backupNameChars: 100,
  /** 64 Mi characters of HTML to print (the HTML export embeds no images). */
  pdfHtmlChars: 64 * 1024 * 1024,
} as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function str(max: number, { nonEmpty = false } = {}) {
  return v.pipe(
    v.string((i) => `must be a string, got ${i.input === undefined ? 'nothing' : describe(i.input)}`),
    v.check((s) => !nonEmpty || s.trim() !== '', 'must not be empty'),
    v.maxLength(max, (i) => `is ${i.received} characters long; the limit is ${max}`),
  );
}

function int(min: number, max: number) {
  return v.optional(
    v.pipe(
      v.number((i) => `must be a whole number, got ${describe(i.input)}`),
      v.integer((i) => `must be a whole number, got ${describe(i.input)}`),
      v.minValue(min, (i) => `must be between ${min} and ${max}, got ${String(i.input)}`),
      v.maxValue(max, (i) => `must be between ${min} and ${max}, got ${String(i.input)}`),
    ),
  );
}

function oneOf<const T extends readonly [string, ...string[]]>(options: T) {
  return v.picklist(options, (i) => `must be one of ${options.join(', ')}, got ${describe(i.input)}`);
}

const KINDS = ['article', 'brief'] as const satisfies readonly DocKind[];
const FACET_TYPES = ['people', 'places', 'organizations'] as const satisfies readonly FacetType[];

/** A record that refuses unknown fields. */
function record<E extends v.ObjectEntries>(entries: E) {
  const message = (i: { input: unknown }) => `expected an object, got ${describe(i.input)}`;
  // Plain objects only: an array is an object to valibot, and [].sort is a function, not a missing field.
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject, message), v.strictObject(entries, message));
}

/** An inclusive year range in order. */
const yearsInOrder = <T extends { from?: number; to?: number }>() =>
  v.check<T, (i: v.CheckIssue<T>) => string>(
    (r) => r.from === undefined || r.to === undefined || r.from <= r.to,
    (i) => `from (${i.input.from}) is after to (${i.input.to})`,
  );

/** Methods without an argument accept nothing, null or {}. */
export const noArg = v.pipe(
  v.custom<void>(
    (x) => x === undefined || x === null || (isPlainObject(x) && Object.keys(x).length === 0),
    (i) => `takes no argument, got ${describe(i.input)}`,
  ),
  v.transform((): void => undefined),
);

const listFields = record({
  kind: v.optional(oneOf(KINDS)),
  /** Inclusive year range. */
  from: int(0, 9999),
  to: int(0, 9999),
  facet: v.optional(record({ type: oneOf(FACET_TYPES), value: str(API_LIMITS.facetValueChars, { nonEmpty: true }) })),
  /** Only documents from this sub-folder of the source folder (their `section`, e.g. "business" or "2019/sport"). */
  section: v.optional(str(API_LIMITS.facetValueChars, { nonEmpty: true })),
  sort: v.optional(oneOf(['date', 'title'])),
  order: v.optional(oneOf(['asc', 'desc'])),
  offset: int(0, API_LIMITS.listLimit),
  /** Defaults to every matching item. */
  limit: int(0, API_LIMITS.listLimit),
});

export const listArg = v.pipe(
  v.optional(v.nullable(listFields), {}),
  v.transform((x) => x ?? {}),
  yearsInOrder(),
);

/** The library's kind, facet and section filters, which the timeline's year counts follow. */
export const facetsArg = v.pipe(
  v.optional(
    v.nullable(
      record({
        kind: v.optional(oneOf(KINDS)),
        facet: v.optional(record({ type: oneOf(FACET_TYPES), value: str(API_LIMITS.facetValueChars, { nonEmpty: true }) })),
        /** Count only these documents' years (the library's notes filters: the host never sees the notes). */
        ids: v.optional(v.pipe(v.array(str(API_LIMITS.idChars, { nonEmpty: true })), v.maxLength(API_LIMITS.facetIds))),
        section: v.optional(str(API_LIMITS.facetValueChars, { nonEmpty: true })),
      }),
    ),
    {},
  ),
  v.transform((x) => x ?? {}),
);

export const idArg = record({ id: str(API_LIMITS.idChars, { nonEmpty: true }) });

/** getDoc: an id, and optionally the first paragraph wanted (a large document is answered in parts, contract.ts DocAnswer). */
export const getDocArg = record({ id: str(API_LIMITS.idChars, { nonEmpty: true }), from: int(0, Number.MAX_SAFE_INTEGER) });

export const searchArg = v.pipe(
  record({
    query: str(API_LIMITS.queryChars),
    /** Default 20, at most 200. */
    limit: int(1, API_LIMITS.searchLimit),
    offset: int(0, API_LIMITS.listLimit),
    kind: v.optional(oneOf(KINDS)),
    /** Inclusive year range. */
    from: int(0, 9999),
    to: int(0, 9999),
  }),
  yearsInOrder(),
);

export const findInDocArg = record({ id: str(API_LIMITS.idChars, { nonEmpty: true }), query: str(API_LIMITS.queryChars) });

export const saveFileArg = v.pipe(
  record({
    suggestedName: str(API_LIMITS.fileNameChars, { nonEmpty: true }),
    mimeType: str(200, { nonEmpty: true }),
    /** Text content, or base64 when `encoding` is 'base64' (e.g. a PDF). */
    data: str(API_LIMITS.saveFileChars),
    encoding: v.optional(oneOf(['utf8', 'base64'])),
  }),
  v.check((r) => r.encoding !== 'base64' || /^[A-Za-z0-9+/]*={0,2}$/.test(r.data), 'data is marked base64 but is not valid base64'),
);

/** Only http(s) and plain mailto: leave the app: file:, javascript:, custom schemes and smb: shares are refused. */
export const openExternalArg = v.pipe(
  record({ url: str(API_LIMITS.urlChars, { nonEmpty: true }) }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    let url: URL;
    try {
      url = new URL(dataset.value.url);
    } catch {
      addIssue({ message: `url is not a valid absolute URL: ${describe(dataset.value.url)}` });
      return NEVER;
    }
    if (url.protocol === 'mailto:') {
      // A mail address for the system's mail program; no headers that could attach or send on their own.
      if (!/^mailto:[^?#\s]+(?:\?(?:subject|body|cc)=[^#]*)?$/i.test(url.href) || /[?&](?:attach|attachment|bcc|from)=/i.test(url.href)) {
        addIssue({ message: `this mail link is not opened: ${describe(dataset.value.url)}` });
        return NEVER;
      }
      return { url: url.href };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      addIssue({ message: `only http, https and mailto links open outside the app, not ${url.protocol}` });
      return NEVER;
    }
    if (url.username || url.password) {
      addIssue({ message: 'links with a user name or password are not opened' });
      return NEVER;
    }
    return { url: url.href };
  }),
);

export const BACKUP_REASONS = ['auto', 'quit', 'manual', 'safety'] as const;

export const backupWriteArg = record({
  /** A whole backup file (format archive-reader-backup), as made by createBackup. */
  text: str(API_LIMITS.backupChars, { nonEmpty: true }),
  reason: v.pipe(
    v.unknown(),
    v.check((x) => x !== undefined, 'is required (auto, quit, manual or safety)'),
    v.check((x) => (BACKUP_REASONS as readonly unknown[]).includes(x), (i) => `must be one of ${BACKUP_REASONS.join(', ')}, got ${describe(i.input)}`),
    v.transform((x) => x as (typeof BACKUP_REASONS)[number]),
  ),
});

/** Only the shape here; the backup store checks the name against its own naming rule. */
export const backupNameArg = record({
  name: v.pipe(
    str(API_LIMITS.backupNameChars, { nonEmpty: true }),
    v.check((n) => !/[\\/\0]|\.\./.test(n), (i) => `must be a backup file name, not a path: ${describe(i.input)}`),
  ),
});

export const printToPdfArg = record({
  /** A self-contained HTML document (the HTML export); nothing in it runs. */
  html: str(API_LIMITS.pdfHtmlChars, { nonEmpty: true }),
});

/** An archive's id on the host's list ("bundled" or an imported one's "i-…"). */
const archiveId = v.pipe(
  str(40, { nonEmpty: true }),
  v.check((id) => id === 'bundled' || /^i-[0-9a-f]{8,32}$/.test(id), (i) => `must be an archive id, got ${describe(i.input)}`),
);

export const archiveIdArg = record({ id: archiveId });

export const archiveRenameArg = record({ id: archiveId, name: str(120, { nonEmpty: true }) });

export const importBeginArg = record({
  /** The new archive's name (a new import); ignored when importing into an archive. */
  name: v.optional(str(120, { nonEmpty: true })),
  /** Import again into this archive: ids, unchanged documents and notes are kept. */
  into: v.optional(archiveId),
  /** What is imported: the chosen folder's name (browser) or path (desktop); one job per source at a time. */
  source: str(4096, { nonEmpty: true }),
});

/** Electron: importing a folder the person picks in the system's folder dialog (the path never comes from the renderer). */
export const importFolderArg = record({
  name: v.optional(str(120, { nonEmpty: true })),
  into: v.optional(archiveId),
});

export const importJobArg = record({
  jobId: v.pipe(
    str(40, { nonEmpty: true }),
    v.check((id) => /^j-[0-9a-f]{12}$/.test(id), (i) => `must be an import's job id, got ${describe(i.input)}`),
  ),
});

export class ArgumentError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid-argument' | 'too-large' = 'invalid-argument',
  ) {
    super(message);
  }
}

/** Check one argument against its schema: the parsed value, or an ArgumentError naming the field. */
export function parseRequest<S extends v.GenericSchema>(schema: S, arg: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, arg);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const parent = path.split('.').slice(0, -1).join('.');
    throw new ArgumentError(`${parent ? `${parent}: ` : ''}unknown field ${String(issue.input)}`);
  }
  if (issue.type === 'strict_object' && issue.input === undefined && path) throw new ArgumentError(`${path} is required`);
  const code = issue.type === 'max_length' ? 'too-large' : 'invalid-argument';
  throw new ArgumentError(path ? `${path} ${issue.message}` : issue.message, code);
}

/**
 * Sync settings (Settings > Sync): the server's database URL, the user, the
 * password (absent: keep the stored one; the host keeps it, never the page),
 * and on/off. The URL is an http(s) URL with no credentials in it.
 */
export const syncSettingsArg = v.pipe(
  record({
    serverUrl: str(API_LIMITS.urlChars),
    user: str(200),
    password: v.optional(str(1000)),
    /** Absent: keep the one set; '': no encryption. */
    passphrase: v.optional(str(1000)),
    enabled: v.boolean((i) => `enabled must be true or false, got ${describe(i.input)}`),
  }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const value = dataset.value;
    if (value.serverUrl.trim() === '') return { ...value, serverUrl: '' };
    let url: URL;
    try {
      url = new URL(value.serverUrl.trim());
    } catch {
      addIssue({ message: `the server URL is not a valid address: ${describe(value.serverUrl)}` });
      return NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      addIssue({ message: `the server URL must start with http:// or https://, not ${url.protocol}` });
      return NEVER;
    }
    if (url.username || url.password) {
      addIssue({ message: 'put the user and password in their own fields, not in the URL' });
      return NEVER;
    }
    if (url.pathname.replace(/\/+$/, '') === '' ) {
      addIssue({ message: 'the server URL must name the database, e.g. http://127.0.0.1:5984/notes' });
      return NEVER;
    }
    url.search = '';
    url.hash = '';
    return { ...value, serverUrl: url.href.replace(/\/+$/, '') };
  }),
);
