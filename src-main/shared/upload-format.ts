/**
 * The format of one upload batch (browser -> HTTP host, `POST /upload/<jobId>`):
 * 4 bytes big-endian header length, a UTF-8 JSON header
 * `[{ path, bytes }]`, then each file's bytes in order. Written here (the
 * renderer), read by src-main/archives/upload-batch.ts (the host), which
 * checks every path. Plain TypeScript: no Node, no DOM.
 */
export const HEADER_LENGTH_BYTES = 4;

/** The upload route of an import job. */
export const uploadPath = (jobId: string): string => `/upload/${jobId}`;

export function encodeBatch(files: readonly { path: string; data: Uint8Array }[]): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(JSON.stringify(files.map((f) => ({ path: f.path, bytes: f.data.length }))));
  const total = HEADER_LENGTH_BYTES + header.length + files.reduce((n, f) => n + f.data.length, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, header.length, false);
  out.set(header, HEADER_LENGTH_BYTES);
  let at = HEADER_LENGTH_BYTES + header.length;
  for (const f of files) {
    out.set(f.data, at);
    at += f.data.length;
  }
  return out;
}
