/**
 * Argument checks for every contract method. Arguments arrive from a renderer
 * (IPC) or from any local HTTP client, so nothing is trusted: each check either
 * returns the normalized argument or a message saying what was wrong, which the
 * handler turns into an `invalid-argument` (or `too-large`) Result. Unknown
 * fields are refused so that a typo in a caller shows up instead of being ignored.
 */
import type {
  BackupWriteRequest,
  FindInDocRequest,
  PrintToPdfRequest,
  ListRequest,
  OpenExternalRequest,
  SaveFileRequest,
  SearchRequest,
  GetDocRequest,
} from '../shared/contract';
import type { DocKind, FacetType } from '../shared/model';

/** Limits, documented here because callers see them in error messages. */
export const LIMITS = {
  idChars: 200,
  queryChars: 1_000,
  facetValueChars: 500,
  searchLimit: 200,
  listLimit: 1_000_000,
  fileNameChars: 255,
  /** 64 MiB of text or base64: far above any export of this archive. */
  saveFileChars: 64 * 1024 * 1024,
  urlChars: 2_048,
  /** 128 Mi characters: a backup of 10,000 long notes is a few MiB. */
  backupChars: 64 * 1024 * 1024, // = MAX_BACKUP_BYTES of backups/backup-store.ts
  backupNameChars: 100,
  /** 64 Mi characters of HTML to print (the HTML export embeds no images). */
  pdfHtmlChars: 64 * 1024 * 1024,
} as const;

export class ArgumentError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid-argument' | 'too-large' = 'invalid-argument',
  ) {
    super(message);
  }
}

const KINDS: readonly DocKind[] = ['article', 'brief'];
const FACET_TYPES: readonly FacetType[] = ['people', 'places', 'organizations'];

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** A plain object with only the allowed keys (undefined allowed when `optional`). */
function record(value: unknown, what: string, allowed: readonly string[], optional = false): Record<string, unknown> {
  if (value === undefined || value === null) {
    if (optional) return {};
    throw new ArgumentError(`${what}: expected an object, got ${describe(value)}`);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ArgumentError(`${what}: expected an object, got ${describe(value)}`);
  }
  const obj = value as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new ArgumentError(`${what}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
  }
  return obj;
}

function str(value: unknown, name: string, max: number, { nonEmpty = false } = {}): string {
  if (typeof value !== 'string') throw new ArgumentError(`${name} must be a string, got ${describe(value)}`);
  if (nonEmpty && value.trim() === '') throw new ArgumentError(`${name} must not be empty`);
  if (value.length > max) throw new ArgumentError(`${name} is ${value.length} characters long; the limit is ${max}`, 'too-large');
  return value;
}

function optInt(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ArgumentError(`${name} must be a whole number, got ${describe(value)}`);
  }
  if (value < min || value > max) throw new ArgumentError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function optOneOf<T extends string>(value: unknown, name: string, options: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new ArgumentError(`${name} must be one of ${options.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

function yearRange(obj: Record<string, unknown>): { from?: number; to?: number } {
  const from = optInt(obj.from, 'from', 0, 9999);
  const to = optInt(obj.to, 'to', 0, 9999);
  if (from !== undefined && to !== undefined && from > to) {
    throw new ArgumentError(`from (${from}) is after to (${to})`);
  }
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/** Drop undefined fields so handlers and the archive see only what was asked. */
function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

export function validateNoArg(value: unknown, method: string): void {
  if (value !== undefined && value !== null && !(typeof value === 'object' && Object.keys(value).length === 0)) {
    throw new ArgumentError(`${method} takes no argument, got ${describe(value)}`);
  }
}

export function validateList(value: unknown): ListRequest {
  const o = record(value, 'list', ['kind', 'from', 'to', 'facet', 'sort', 'order', 'offset', 'limit'], true);
  let facet: ListRequest['facet'];
  if (o.facet !== undefined) {
    const f = record(o.facet, 'facet', ['type', 'value']);
    const type = optOneOf(f.type, 'facet.type', FACET_TYPES);
    if (type === undefined) throw new ArgumentError('facet.type is required');
    facet = { type, value: str(f.value, 'facet.value', LIMITS.facetValueChars, { nonEmpty: true }) };
  }
  return compact({
    kind: optOneOf(o.kind, 'kind', KINDS),
    ...yearRange(o),
    facet,
    sort: optOneOf(o.sort, 'sort', ['date', 'title'] as const),
    order: optOneOf(o.order, 'order', ['asc', 'desc'] as const),
    offset: optInt(o.offset, 'offset', 0, LIMITS.listLimit),
    limit: optInt(o.limit, 'limit', 0, LIMITS.listLimit),
  });
}

export function validateId(value: unknown): { id: string } {
  const o = record(value, 'getDoc', ['id']);
  return { id: str(o.id, 'id', LIMITS.idChars, { nonEmpty: true }) };
}

/** getDoc: an id, and optionally the first paragraph wanted (a large document comes in parts). */
export function validateGetDoc(value: unknown): GetDocRequest {
  const o = record(value, 'getDoc', ['id', 'from']);
  return compact({ id: str(o.id, 'id', LIMITS.idChars, { nonEmpty: true }), from: optInt(o.from, 'from', 0, Number.MAX_SAFE_INTEGER) });
}

export function validateSearch(value: unknown): SearchRequest {
  const o = record(value, 'search', ['query', 'limit', 'offset', 'kind', 'from', 'to']);
  return compact({
    query: str(o.query, 'query', LIMITS.queryChars),
    limit: optInt(o.limit, 'limit', 1, LIMITS.searchLimit),
    offset: optInt(o.offset, 'offset', 0, LIMITS.listLimit),
    kind: optOneOf(o.kind, 'kind', KINDS),
    ...yearRange(o),
  });
}

export function validateFindInDoc(value: unknown): FindInDocRequest {
  const o = record(value, 'findInDoc', ['id', 'query']);
  return {
    id: str(o.id, 'id', LIMITS.idChars, { nonEmpty: true }),
    query: str(o.query, 'query', LIMITS.queryChars),
  };
}

export function validateSaveFile(value: unknown): SaveFileRequest {
  const o = record(value, 'saveFile', ['suggestedName', 'mimeType', 'data', 'encoding']);
  const suggestedName = str(o.suggestedName, 'suggestedName', LIMITS.fileNameChars, { nonEmpty: true });
  const mimeType = str(o.mimeType, 'mimeType', 200, { nonEmpty: true });
  const data = str(o.data, 'data', LIMITS.saveFileChars);
  const encoding = optOneOf(o.encoding, 'encoding', ['utf8', 'base64'] as const);
  if (encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw new ArgumentError('data is marked base64 but is not valid base64');
  }
  return compact({ suggestedName, mimeType, data, encoding });
}

/** Only http(s) and mailto: leave the app: file:, javascript:, custom schemes and smb: shares are refused. */
export function validateOpenExternal(value: unknown): OpenExternalRequest {
  const o = record(value, 'openExternal', ['url']);
  const raw = str(o.url, 'url', LIMITS.urlChars, { nonEmpty: true });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ArgumentError(`url is not a valid absolute URL: ${describe(raw)}`);
  }
  if (url.protocol === 'mailto:') {
    // A mail address for the system's mail program; no headers that could attach or send on their own.
    if (!/^mailto:[^?#\s]+(?:\?(?:subject|body|cc)=[^#]*)?$/i.test(url.href) || /[?&](?:attach|attachment|bcc|from)=/i.test(url.href)) {
      throw new ArgumentError(`this mail link is not opened: ${describe(raw)}`);
    }
    return { url: url.href };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ArgumentError(`only http, https and mailto links open outside the app, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new ArgumentError('links with a user name or password are not opened');
  return { url: url.href };
}

/**
 * A file name safe to offer in a save dialog or a download: no folders, no
 * control or reserved characters, not empty, not a Windows device name.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(clean)) clean = `_${clean}`;
  return clean.slice(0, LIMITS.fileNameChars) || 'export';
}

export function validateBackupWrite(value: unknown): BackupWriteRequest {
  const o = record(value, 'backupWrite', ['text', 'reason']);
  const text = str(o.text, 'text', LIMITS.backupChars, { nonEmpty: true });
  const reason = optOneOf(o.reason, 'reason', ['auto', 'quit', 'manual', 'safety'] as const);
  if (reason === undefined) throw new ArgumentError('reason is required (auto, quit, manual or safety)');
  return { text, reason };
}

/** Only the shape here; the backup store checks the name against its own naming rule. */
export function validateBackupName(value: unknown): { name: string } {
  const o = record(value, 'backupRead', ['name']);
  const name = str(o.name, 'name', LIMITS.backupNameChars, { nonEmpty: true });
  if (/[\\/\0]|\.\./.test(name)) throw new ArgumentError(`name must be a backup file name, not a path: ${describe(name)}`);
  return { name };
}

export function validatePrintToPdf(value: unknown): PrintToPdfRequest {
  const o = record(value, 'printToPdf', ['html']);
  return { html: str(o.html, 'html', LIMITS.pdfHtmlChars, { nonEmpty: true }) };
}
