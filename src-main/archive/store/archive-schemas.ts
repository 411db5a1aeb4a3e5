/**
 * The shapes of an archive's files (store/layout.ts), as valibot schemas, and
 * the one error a damaged archive raises. Every file is checked when it is
 * read: a cut-off, edited or missing file gives one message that names the
 * file and says how to rebuild the archive from its sources, instead of a
 * raw "Unterminated string in JSON at position 2996" or "Cannot convert
 * undefined or null to object" later on.
 */
import * as v from 'valibot';

const Range = v.tuple([v.pipe(v.number(), v.integer(), v.minValue(0)), v.pipe(v.number(), v.integer(), v.minValue(0))]);
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Kind = v.picklist(['article', 'brief']);
const Str = v.string();
const NullableStr = v.nullable(v.string());

export const SkippedFileSchema = v.object({ file: Str, reason: Str });

export const IngestReportSchema = v.object({
  sourceDir: Str,
  outDir: Str,
  files: v.number(),
  articles: v.number(),
  briefs: v.number(),
  skipped: v.array(SkippedFileSchema),
  corpusHash: Str,
  tookMs: v.number(),
});

export const ManifestSchema = v.object({
  format: v.number(),
  builder: Str,
  builtAt: Str,
  corpusHash: Str,
  articles: v.pipe(v.number(), v.integer(), v.minValue(0)),
  briefs: v.pipe(v.number(), v.integer(), v.minValue(0)),
  report: IngestReportSchema,
});

/** One entry of list.json (layout.ts ListEntry). */
export const ListEntrySchema = v.looseObject({
  id: Str,
  kind: Kind,
  title: Str,
  published: NullableStr,
  eventDate: NullableStr,
  source: Str,
  languages: v.array(Str),
  year: v.nullable(v.number()),
  summary: v.optional(Str),
  body: Range,
  parts: v.optional(v.array(v.tuple([Count, Count, Count]))),
});

const Facets = v.looseObject({ people: v.array(Str), places: v.array(Str), organizations: v.array(Str) });

/** One entry of docs.json (layout.ts StoredSummary). */
export const StoredSummarySchema = v.looseObject({
  ...ListEntrySchema.entries,
  facets: Facets,
  textHash: Str,
  briefs: v.optional(v.array(Str)),
  appearsIn: v.optional(v.array(Str)),
});

export const listFileSchema = (format: number) => v.object({ format: v.literal(format), docs: v.array(ListEntrySchema) });
export const docsFileSchema = (format: number) => v.object({ format: v.literal(format), docs: v.array(StoredSummarySchema) });

/** One line of bodies.jsonl. */
export const BodyLineSchema = v.looseObject({ id: Str, from: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))), paragraphs: v.array(v.looseObject({ text: Str, lang: Str })) });

/** An archive file that is missing, cut short or not what it should be. */
export class DamagedArchive extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly rebuild: string,
  ) {
    super(`The archive file ${file} ${problem}. ${rebuild}`);
    this.name = 'DamagedArchive';
  }
}

/** What to do about a damaged archive in `dir`, built from `sourceDir` when known. */
export function rebuildAdvice(dir: string, sourceDir?: string | null): string {
  return `Rebuild the archive from its sources: npm run --silent cli -- ingest ${sourceDir ?? '<folder>'} --out ${dir}` + (sourceDir ? '' : ' (the bundled archive: npm run archive)');
}

/** The problem with `raw` against `schema`, in a few words (where and what), or null when it fits. */
export function shapeProblem(schema: v.GenericSchema, raw: unknown): string | null {
  const r = v.safeParse(schema, raw);
  if (r.success) return null;
  const issue = r.issues[0];
  const path = v.getDotPath(issue);
  return `${path ? `at ${path}: ` : ''}${issue.message}`;
}

/** Parses `text` read from `file` as JSON and checks it against `schema`; throws DamagedArchive naming the file. */
export function parseArchiveJson<T>(schema: v.GenericSchema<unknown, T>, text: string, file: string, rebuild: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DamagedArchive(file, `is damaged (not valid JSON: ${(e as Error).message})`, rebuild);
  }
  const problem = shapeProblem(schema, raw);
  if (problem) throw new DamagedArchive(file, `is damaged (${problem})`, rebuild);
  return raw as T;
}
