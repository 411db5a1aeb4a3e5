/**
 * How a synced row is written into a mirror document and read back: the one
 * place that knows whether sync is end-to-end encrypted.
 *
 *  - plain: `_id` is the row's sync id (`<table>:<key>`), the document holds
 *    `table` and `row` as they are;
 *  - sealed (a passphrase is set): nothing the person wrote leaves the
 *    device readable. `_id` is an HMAC of the sync id (tag names and document
 *    ids are in keys), and the document holds only `sealed`: AES-GCM over
 *    `{ id, table, row }`. Tombstones are sealed too, so a deletion still says
 *    which row it removes.
 *
 * Sealing is deterministic: the IV is an HMAC of the sync id and the row's
 * content (a synthetic IV), so the same row sealed on two devices gives the
 * same document and the same revision, as plain documents do. Two devices
 * resolving one conflict at once therefore agree instead of conflicting
 * again. What this reveals: that two versions of one row have equal content,
 * nothing else.
 *
 * Keys come from the passphrase with PBKDF2-SHA-256 (iterations and salt in
 * the server's marker document, sync-encryption.ts): 512 bits, half the
 * AES-GCM key, half the HMAC key.
 */
import { isSyncedTable, stableJson, type SyncedTable } from './synced-tables';

/** A mirror document as stored: plain (`table`, `row`) or sealed (`sealed`). */
export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  table?: SyncedTable;
  row?: Record<string, unknown>;
  sealed?: string;
}

/** A mirror document read back as a row (a deletion has `row` {}). */
export interface OpenedDoc {
  syncId: string;
  table: SyncedTable;
  row: Record<string, unknown>;
}

export interface MirrorCodec {
  readonly sealed: boolean;
  /** The mirror document id of a row's sync id. */
  docId(syncId: string): Promise<string>;
  /** The body of the document for a row (a deletion: `row` {}). */
  body(syncId: string, table: SyncedTable, row: Record<string, unknown>): Promise<Omit<SyncDoc, '_id' | '_rev' | '_deleted'>>;
  /** A document as a row; null for a document that is not a row (the marker, a table this version does not know); throws when it cannot be read. */
  open(doc: SyncDoc): Promise<OpenedDoc | null>;
}

export const plainCodec: MirrorCodec = {
  sealed: false,
  docId: (syncId) => Promise.resolve(syncId),
  body: (_syncId, table, row) => Promise.resolve({ table, row }),
  open(doc) {
    const at = doc._id.indexOf(':');
    const table = at > 0 ? doc._id.slice(0, at) : '';
    if (!isSyncedTable(table) || doc.sealed !== undefined) return Promise.resolve(null);
    return Promise.resolve({ syncId: doc._id, table, row: doc.row ?? {} });
  },
};

const encoder = new TextEncoder();
const SEALED_PREFIX = 's:';

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The two keys of a passphrase, from PBKDF2-SHA-256 over the database's salt. */
export async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<{ aes: CryptoKey; mac: CryptoKey }> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512));
  const aes = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const mac = await crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { aes, mac };
}

async function hmac(key: CryptoKey, text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
}

/** AES-GCM over `plain` with the given 12-byte IV; the IV travels in front of the ciphertext. */
export async function seal(aes: CryptoKey, iv: Uint8Array<ArrayBuffer>, plain: string): Promise<string> {
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, encoder.encode(plain)));
  const out = new Uint8Array(iv.length + data.length);
  out.set(iv);
  out.set(data, iv.length);
  return toBase64(out);
}

/** The text sealed in `sealed`; throws when the key is not the one it was sealed with, or the text was altered. */
export async function unseal(aes: CryptoKey, sealed: string): Promise<string> {
  const bytes = fromBase64(sealed);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, aes, bytes.slice(12));
  return new TextDecoder().decode(plain);
}

export function sealedCodec(keys: { aes: CryptoKey; mac: CryptoKey }): MirrorCodec {
  return {
    sealed: true,
    async docId(syncId) {
      return SEALED_PREFIX + hex((await hmac(keys.mac, `id\n${syncId}`)).slice(0, 20));
    },
    async body(syncId, table, row) {
      const plain = stableJson({ id: syncId, table, row });
      const iv = (await hmac(keys.mac, `iv\n${plain}`)).slice(0, 12);
      return { sealed: await seal(keys.aes, iv, plain) };
    },
    async open(doc) {
      if (typeof doc.sealed !== 'string' || !doc._id.startsWith(SEALED_PREFIX)) return null;
      let opened: { id?: unknown; table?: unknown; row?: unknown };
      try {
        opened = JSON.parse(await unseal(keys.aes, doc.sealed)) as typeof opened;
      } catch {
        throw new Error(`${doc._id} cannot be decrypted with this passphrase`);
      }
      if (typeof opened.id !== 'string' || typeof opened.table !== 'string' || !isSyncedTable(opened.table)) return null;
      // The id must be the one this row's sync id gives: a document copied under another id is refused.
      if ((await this.docId(opened.id)) !== doc._id) throw new Error(`${doc._id} does not hold the row its id names`);
      const row = opened.row && typeof opened.row === 'object' ? (opened.row as Record<string, unknown>) : {};
      return { syncId: opened.id, table: opened.table, row };
    },
  };
}
