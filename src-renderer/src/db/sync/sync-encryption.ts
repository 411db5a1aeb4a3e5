/**
 * End-to-end encryption's agreement with the server: a marker document
 * (`archive-reader-encryption`) in the person's database holds the PBKDF2
 * salt (random, one per database), the iteration count and a check value
 * sealed with the derived key. Every device with a passphrase derives the
 * same keys from it; a wrong passphrase fails the check, so it is told
 * plainly instead of writing or reading garbage.
 *
 * The rules, so that no note is ever sent readable to a database meant to be
 * encrypted, or mixed with notes it cannot read:
 *  - passphrase, no marker, empty database: this device creates the marker;
 *  - passphrase, no marker, database already holds notes: refused (they were
 *    sent unencrypted; use a new database);
 *  - no passphrase, marker: refused (the notes are encrypted; enter it);
 *  - passphrase and marker: the check decides.
 * A server that cannot be reached or refuses the password throws, and the
 * engine retries as it does for replication.
 */
import { deriveKeys, fromBase64, plainCodec, seal, sealedCodec, toBase64, unseal, type MirrorCodec, type SyncDoc } from './mirror-codec';

export const ENCRYPTION_MARKER_ID = 'archive-reader-encryption';
/** OWASP's figure for PBKDF2-HMAC-SHA-256 (2023); stored in the marker, so a later change keeps old databases readable. */
export const PBKDF2_ITERATIONS = 600_000;
export const WRONG_PASSPHRASE = "The passphrase does not match this server's notes: nothing was sent or received. Enter the passphrase used on your other computers.";
export const NEEDS_PASSPHRASE = "This server's notes are encrypted: enter their passphrase in Settings > Sync.";
export const NOT_EMPTY = 'This server database already holds notes that are not encrypted: for encrypted sync, use a new, empty database.';

const CHECK_TEXT = 'archive-reader encryption check';

interface Marker {
  _id: string;
  _rev?: string;
  format: 1;
  salt: string;
  iterations: number;
  check: string;
}

export type CodecChoice = { ok: true; codec: MirrorCodec; mirrorSuffix: string } | { ok: false; message: string };

/** The codec this device must use with `remote`, or why it must not sync. */
export async function chooseCodec(remote: PouchDB.Database<SyncDoc>, passphrase: string | null, iterations = PBKDF2_ITERATIONS): Promise<CodecChoice> {
  const marker = await readMarker(remote);
  if (!passphrase) return marker ? { ok: false, message: NEEDS_PASSPHRASE } : { ok: true, codec: plainCodec, mirrorSuffix: '' };
  if (marker) return open(marker, passphrase);
  const info = await remote.info();
  if (info.doc_count > 0) return { ok: false, message: NOT_EMPTY };
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const keys = await deriveKeys(passphrase, salt, iterations);
  const created: Marker = { _id: ENCRYPTION_MARKER_ID, format: 1, salt: toBase64(salt), iterations, check: await seal(keys.aes, crypto.getRandomValues(new Uint8Array(12)), CHECK_TEXT) };
  try {
    await remote.put(created as never);
  } catch (e) {
    // Another device made it at the same moment: use theirs.
    if ((e as { status?: number }).status !== 409) throw e;
    const theirs = await readMarker(remote);
    if (!theirs) throw e;
    return open(theirs, passphrase);
  }
  return { ok: true, codec: sealedCodec(keys), mirrorSuffix: suffixOf(created) };
}

async function readMarker(remote: PouchDB.Database<SyncDoc>): Promise<Marker | null> {
  try {
    return (await remote.get(ENCRYPTION_MARKER_ID)) as unknown as Marker;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}

async function open(marker: Marker, passphrase: string): Promise<CodecChoice> {
  if (marker.format !== 1 || typeof marker.salt !== 'string' || !(marker.iterations >= 1) || typeof marker.check !== 'string') {
    return { ok: false, message: `The server's encryption marker (${ENCRYPTION_MARKER_ID}) is damaged; nothing was sent or received.` };
  }
  const keys = await deriveKeys(passphrase, fromBase64(marker.salt), marker.iterations);
  const check = await unseal(keys.aes, marker.check).catch(() => null);
  if (check !== CHECK_TEXT) return { ok: false, message: WRONG_PASSPHRASE };
  return { ok: true, codec: sealedCodec(keys), mirrorSuffix: suffixOf(marker) };
}

/** A sealed mirror of its own per database salt: a plain mirror's documents must never replicate to an encrypted database. */
function suffixOf(marker: Marker): string {
  return `-sealed-${marker.salt.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`;
}
