/**
 * Parsing files a person hands us (backups, W3C annotation files) without
 * trusting them: size checked before parsing, "not JSON" and "cut off" told
 * apart with messages a person understands, and the parsed tree walked
 * (iteratively, so deep nesting cannot overflow the stack) to refuse keys that
 * could reach an object prototype ("__proto__", "constructor", "prototype")
 * and absurd nesting. Validators then copy known fields into fresh objects.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_DEPTH = 64;

export interface SafeParseOptions {
  /** Largest accepted text, in UTF-16 code units. */
  maxChars: number;
  /** What the file is called in messages ("backup file", "annotation file"). */
  what: string;
}

export function parseJsonSafely(text: string, opts: SafeParseOptions): Parsed<unknown> {
  if (typeof text !== 'string') return { ok: false, message: `The ${opts.what} could not be read as text.` };
  if (text.length > opts.maxChars) {
    return {
      ok: false,
      message: `The ${opts.what} is too large (${formatSize(text.length)}; the limit is ${formatSize(opts.maxChars)}).`,
    };
  }
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  if (first === undefined) return { ok: false, message: `The ${opts.what} is empty.` };
  if (first !== '{' && first !== '[') {
    return { ok: false, message: `This is not a JSON file, so it cannot be a ${opts.what}.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (/end of (JSON )?input|Unterminated string|Unexpected end/i.test(detail) || looksTruncated(body)) {
      return {
        ok: false,
        message: `The ${opts.what} is incomplete: it ends in the middle of the data (was it cut off while copying?).`,
      };
    }
    return { ok: false, message: `The ${opts.what} is not valid JSON (${detail}).` };
  }
  const bad = findForbiddenKey(value);
  if (bad) return { ok: false, message: `The ${opts.what} is refused: ${bad}.` };
  return { ok: true, value };
}

/** Unbalanced brackets at the end of the text: the usual shape of a cut-off file. */
function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

/** Path of the first forbidden key or over-deep value, or null. */
export function findForbiddenKey(root: unknown): string | null {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: root, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_DEPTH) return `the data is nested more than ${MAX_DEPTH} levels deep at ${path || 'the top'}`;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    for (const k of Object.keys(v)) {
      const p = path ? `${path}.${k}` : k;
      if (FORBIDDEN_KEYS.has(k)) return `it contains the key "${k}" (at ${p}), which is never part of valid data`;
      stack.push({ v: (v as Record<string, unknown>)[k], path: p, depth: depth + 1 });
    }
  }
  return null;
}

export function formatSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  if (chars >= 1024) return `${Math.round(chars / 1024)} KB`;
  return `${chars} characters`;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
