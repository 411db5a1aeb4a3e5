/**
 * `cli export`: export annotations from a backup file without the GUI.
 *
 *   npm run --silent cli -- export <backup-file> --format md|html|json|csv|csl
 *       [--tag T]... [--out <file>|-] [--archive DIR] [--link-base URL] [--title T] [--json]
 *
 * The backup goes through the same validator as a restore in the app (a bad
 * file is refused with its message, exit code 1); titles and dates come from
 * the archive (the bundled one unless --archive); the text comes from the same
 * pure exporters the app uses, so both give the same file.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ensureBundledArchive, openArchive } from '../archive/index';
import type { ArchiveService } from '../archive/types';
import { OutputRefused, writeFileSafely } from '../archive/store/safe-output';
import { archiveIdForDir } from '../archive/store/archive-id';
import { parseCommandLine, UsageError } from './command-line';
import { parseBackup } from '../shared/notes/backup/backup-parse';
import { colorsFromSettings, filterByTags, sortForExport } from '../shared/notes/export-selection';
import { FORMATS, exportSync, formatInfo } from '../shared/notes/formats';
import type { CitedDoc, ExportFormat } from '../shared/notes/types';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const EXPORT_USAGE = `Usage: cli export <backup-file> --format ${FORMATS.map((f) => f.id).join('|')} [--tag T]... [--out <file>|-] [--overwrite]
                  [--archive DIR] [--link-base URL] [--title T] [--json]
Exports the annotations in an Archive Reader backup file (all of them, or those with any of the --tag tags).\n--out - (the default) writes to stdout; an existing file is replaced only with --overwrite, and never the backup itself; --link-base sets the base of passage links (default archive-reader://).`;

interface ExportArgs {
  backup: string;
  format: ExportFormat;
  tags: string[];
  out: string;
  archive?: string;
  linkBase?: string;
  title?: string;
  json: boolean;
  overwrite: boolean;
}

function parseArgs(argv: readonly string[]): ExportArgs {
  const { values, positionals } = parseCommandLine(argv, {
    format: { type: 'string' },
    out: { type: 'string' },
    archive: { type: 'string' },
    'link-base': { type: 'string' },
    title: { type: 'string' },
    tag: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    overwrite: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `Expected one backup file, got ${positionals.length}` : 'Missing the backup file');
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const format = str('format');
  if (!format) throw new UsageError('Missing --format');
  if (!formatInfo(format)) throw new UsageError(`Unknown format "${format}": use one of ${FORMATS.map((f) => f.id).join(', ')}`);
  return {
    backup: positionals[0]!,
    format: format as ExportFormat,
    tags: Array.isArray(values.tag) ? values.tag : [],
    out: str('out') ?? '-',
    archive: str('archive'),
    linkBase: str('link-base'),
    title: str('title'),
    json: values.json === true,
    overwrite: values.overwrite === true,
  };
}

/** Runs the command; answers the process exit code (0 done, 1 bad input or I/O, 64 usage, like the other commands). */
export async function runExportCommand(argv: readonly string[], io: CliIo, appVersion: string | undefined = '0.0.0'): Promise<number> {
  let args: ExportArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`cli export: ${e.message}\n\n${EXPORT_USAGE}\n`);
    return 64;
  }
  const fail = (message: string): number => {
    if (args.json) io.out(`${JSON.stringify({ ok: false, error: message })}\n`);
    else io.err(`${message}\n`);
    return 1;
  };

  let text: string;
  try {
    text = await readFile(resolve(args.backup), 'utf8');
  } catch (e) {
    return fail(`Cannot read ${args.backup}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const backup = parseBackup(text);
  if (!backup.ok) return fail(`${args.backup}: ${backup.message}`);

  let archive: ArchiveService;
  try {
    archive = await openArchive(args.archive !== undefined ? resolve(args.archive) : await ensureBundledArchive());
  } catch (e) {
    return fail(`Cannot open the archive: ${(e as Error).message}`);
  }
  try {
    const docs = new Map<string, CitedDoc>();
    for (const d of (await archive.list({})).items) docs.set(d.id, d);
    // Only the notes made in this archive: another archive's note on the same document id cites another article.
    const archiveId = archiveIdForDir(args.archive);
    const own = backup.snapshot.annotations.filter((a) => a.archiveId === archiveId);
    const others = new Set(backup.snapshot.annotations.filter((a) => a.archiveId !== archiveId).map((a) => a.archiveId));
    const selected = sortForExport(filterByTags(own, args.tags), docs);
    const file = exportSync(args.format, {
      annotations: selected,
      archiveId,
      docs,
      colors: colorsFromSettings(backup.snapshot.settings),
      tags: backup.snapshot.tags,
      linkBase: args.linkBase,
      title: args.title ?? (args.tags.length ? `Excerpts tagged ${args.tags.join(', ')}` : undefined),
      appVersion,
    });
    const unknown = new Set(selected.filter((a) => !docs.has(a.docId)).map((a) => a.docId));
    if (args.out === '-') io.out(file.text);
    else {
      // Never the backup being read, nor into the archive; atomic; an existing file only with --overwrite.
      await writeFileSafely(resolve(args.out), file.text, {
        inputs: [
          { path: resolve(args.backup), what: 'the backup being exported' },
          { path: archive.info().dir, what: 'the archive' },
        ],
        replaceConfirmed: args.overwrite,
      });
    }
    const summary = {
      ok: true,
      format: args.format,
      excerpts: selected.length,
      articles: new Set(selected.map((a) => a.docId)).size,
      unknownArticles: [...unknown],
      otherArchives: [...others],
      out: args.out === '-' ? null : resolve(args.out),
      bytes: Buffer.byteLength(file.text, 'utf8'),
    };
    if (args.json) io.out(`${JSON.stringify(summary)}\n`);
    else if (args.out !== '-') {
      io.err(
        `Exported ${summary.excerpts} excerpt${summary.excerpts === 1 ? '' : 's'} from ${summary.articles} article${summary.articles === 1 ? '' : 's'} to ${summary.out} (${args.format}, ${summary.bytes} bytes).\n` +
          (unknown.size ? `Not in this archive (cited by id only): ${[...unknown].join(', ')}\n` : '') +
          (others.size ? `Left out: notes of other archives (${[...others].join(', ')}); export them with --archive <that archive's folder>.\n` : ''),
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof OutputRefused) return fail(e.message);
    return fail(`Export failed: ${(e as Error).message}`);
  } finally {
    await archive.close();
  }
}
