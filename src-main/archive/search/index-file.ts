/**
 * The serialized index: one binary file, `index.bin`, instead of one giant
 * JSON object (which took seconds to parse and, at 50,000 articles, passed
 * V8's maximum string length). Layout:
 *
 *   "ARIX" | u32 header length | header (JSON: format, formatVersion, the
 *   text analysis it was built with, counts, fields, boosts, average field
 *   lengths, and where each section is) | sections, each aligned to 4 bytes
 *
 * The header carries the index's own version, apart from the archive's
 * BUILDER_VERSION: a file of a newer format version, another layout or
 * another text analysis (lunr-setup.ts ANALYSIS) is refused with a message
 * naming the file (loadEngine adds "rebuild the archive"), never misread.
 * Files written before the version field existed are format version 1.
 *
 * Sections: document ids and terms as newline-joined UTF-8; document
 * frequencies and field lengths as u32 arrays; per field the postings
 * offsets (u32) and bytes (varints). Loading is one read plus typed-array
 * views over it: nothing per posting is parsed or allocated.
 */
import { promises as fs } from 'node:fs';
import type { IndexData } from './index-build';
import { ANALYSIS } from './lunr-setup';
import { writeNewFile } from '../store/safe-output';

const MAGIC = 'ARIX';
export const FORMAT = 'compact-1';
/** Bump when the layout or meaning of a section changes; readers refuse versions above theirs. */
export const INDEX_FORMAT_VERSION = 1;

interface Header {
  format: string;
  /** Absent in files written before it existed: read as 1. */
  formatVersion?: number;
  /** The text analysis the terms were made with (absent before it was recorded: the same as version 1's). */
  analysis?: string;
  docCount: number;
  termCount: number;
  fields: string[];
  boosts: number[];
  avgFieldLength: number[];
  sections: Record<string, [number, number]>;
}

export async function writeIndexFile(file: string, data: IndexData): Promise<number> {
  const parts: { name: string; bytes: Uint8Array }[] = [
    { name: 'ids', bytes: Buffer.from(data.ids.join('\n'), 'utf8') },
    { name: 'terms', bytes: Buffer.from(data.terms.join('\n'), 'utf8') },
    { name: 'df', bytes: u8(data.df) },
  ];
  data.fields.forEach((f, i) => {
    parts.push({ name: `len.${f}`, bytes: u8(data.fieldLengths[i]) });
    parts.push({ name: `off.${f}`, bytes: u8(data.postings[i].offsets) });
    parts.push({ name: `post.${f}`, bytes: data.postings[i].data });
  });
  const sections: Record<string, [number, number]> = {};
  let at = 0;
  for (const p of parts) {
    sections[p.name] = [at, p.bytes.length];
    at = align(at + p.bytes.length);
  }
  const header: Header = {
    format: FORMAT,
    formatVersion: INDEX_FORMAT_VERSION,
    analysis: ANALYSIS,
    docCount: data.docCount,
    termCount: data.terms.length,
    fields: data.fields,
    boosts: data.boosts,
    avgFieldLength: data.avgFieldLength,
    sections,
  };
  let headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = align(8 + headerBytes.length) - (8 + headerBytes.length);
  headerBytes = Buffer.concat([headerBytes, Buffer.alloc(pad, 0x20)]);
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, 4);
  const chunks: Uint8Array[] = [prefix, headerBytes];
  let pos = 0;
  for (const p of parts) {
    const start = sections[p.name][0];
    if (start > pos) chunks.push(Buffer.alloc(start - pos));
    chunks.push(p.bytes);
    pos = start + p.bytes.length;
  }
  // Through the one output module: a new file only, and a failing disk is reported, not half-kept.
  await writeNewFile(file, chunks);
  return 8 + headerBytes.length + at;
}

export async function readIndexFile(file: string): Promise<IndexData> {
  const buf = await fs.readFile(file);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not an index file');
  const hlen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + hlen)) as Header;
  checkVersion(header);
  const base = 8 + hlen;
  // Typed-array views need 4-byte alignment in the underlying buffer; copy once if it is not.
  const bytes = (buf.byteOffset + base) % 4 === 0 ? buf : Buffer.from(new Uint8Array(buf).buffer);
  const section = (name: string): [number, number] => {
    const s = header.sections[name];
    if (!s || base + s[0] + s[1] > bytes.length) throw new Error(`index section ${name} is missing or cut short`);
    return [bytes.byteOffset + base + s[0], s[1]];
  };
  const text = (name: string, count: number) => {
    const [o, l] = section(name);
    return count === 0 ? [] : bytes.toString('utf8', o - bytes.byteOffset, o - bytes.byteOffset + l).split('\n');
  };
  const u32 = (name: string) => {
    const [o, l] = section(name);
    return new Uint32Array(bytes.buffer, o, l / 4);
  };
  const raw = (name: string) => {
    const [o, l] = section(name);
    return new Uint8Array(bytes.buffer, o, l);
  };
  const ids = text('ids', header.docCount);
  const terms = text('terms', header.termCount);
  if (ids.length !== header.docCount || terms.length !== header.termCount) throw new Error('index counts do not match its header');
  return {
    docCount: header.docCount,
    ids,
    fields: header.fields,
    boosts: header.boosts,
    avgFieldLength: header.avgFieldLength,
    terms,
    df: u32('df'),
    fieldLengths: header.fields.map((f) => u32(`len.${f}`)),
    postings: header.fields.map((f) => ({ offsets: u32(`off.${f}`), data: raw(`post.${f}`) })),
  };
}

/** Refuse what this reader cannot read correctly: a newer version, another layout, another analysis. */
function checkVersion(header: Header): void {
  const version = header.formatVersion ?? 1;
  if (!Number.isInteger(version) || version < 1) throw new Error(`its index format version is ${JSON.stringify(header.formatVersion)}, not a version this app knows`);
  if (version > INDEX_FORMAT_VERSION) {
    throw new Error(`it was written by a newer Archive Reader (index format version ${version}; this app reads up to ${INDEX_FORMAT_VERSION}); update the app or`);
  }
  if (header.format !== FORMAT) throw new Error(`it is a stale index (format "${String(header.format).slice(0, 40)}", this app reads "${FORMAT}")`);
  if (header.analysis !== undefined && header.analysis !== ANALYSIS) {
    throw new Error(`it is a stale index: its terms were made by another text analysis ("${String(header.analysis).slice(0, 80)}")`);
  }
}

function u8(a: Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function align(n: number): number {
  return (n + 3) & ~3;
}
