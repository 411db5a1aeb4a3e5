/**
 * `npm run --silent cli -- <command>`: list, show, search and ingest archives
 * from a terminal, printing JSON with --json and readable text otherwise. It
 * is also how the archive is checked by eye. Bad input exits non-zero with a
 * message on stderr.
 */
import { ensureBundledArchive, ingestFolder, openArchive } from '../archive/index';
import type { ArchiveService } from '../archive/types';
import { intOption, parseArgs, UsageError, type ParsedArgs } from './args';
import { formatDoc, formatList, formatSearch, listJson, showJson } from './format';
import { EXPORT_USAGE, runExportCommand } from './export';
import { forTerminal } from './terminal-text';

const USAGE = `Usage: npm run --silent cli -- <command> [options]

  list                      every article and brief
  show <id>                 one document with its paragraphs, briefs and facets
  search "<query>"          Lunr syntax: title:minsk  +a -b  secur*  Bordyuzha~1  "exact phrase"
        [--limit N] [--offset N] [--kind article|brief] [--from YYYY] [--to YYYY]
  ingest <folder> --out <dir>   build an archive from a folder tree of .txt, .md and .html pages
  export <backup-file> --format md|html|json|csv|csl [--tag T] --out <file>   excerpts from a backup (see: export --help)

Options: --json (machine-readable output), --archive <dir> (default: the bundled archive)`;

async function open(args: ParsedArgs): Promise<ArchiveService> {
  const dir = args.options.archive ?? (await ensureBundledArchive());
  return openArchive(dir);
}

async function run(argv: string[]): Promise<number> {
  // `export` has its own options (--format, --tag, ...): see export.ts.
  if (argv[0] === 'export') {
    if (argv.includes('--help')) return console.log(EXPORT_USAGE), 0;
    return runExportCommand(argv.slice(1), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }, process.env.npm_package_version);
  }
  const args = parseArgs(argv);
  const json = args.flags.has('json');
  const out = (v: unknown, text: string) => process.stdout.write(json ? JSON.stringify(v, null, 2) + '\n' : text + '\n');
  if (args.flags.has('help') || args.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  switch (args.command) {
    case 'list': {
      expectPositional(args, 0);
      const a = await open(args);
      const items = (await a.list({ sort: 'date', order: 'desc' })).items;
      out(listJson(items), formatList(items));
      await a.close();
      return 0;
    }
    case 'show': {
      expectPositional(args, 1, 'show <id>');
      const a = await open(args);
      const doc = await a.get(args.positional[0]);
      await a.close();
      if (!doc) {
        console.error(`No document with id “${forTerminal(args.positional[0])}”. Run “npm run --silent cli -- list” to see the ids.`);
        return 2;
      }
      out(showJson(doc), formatDoc(doc));
      return 0;
    }
    case 'search': {
      expectPositional(args, 1, 'search "<query>"');
      const kind = args.options.kind;
      if (kind !== undefined && kind !== 'article' && kind !== 'brief') throw new UsageError(`--kind must be article or brief (got “${kind}”)`);
      const from = intOption(args.options, 'from', 1000, 9999);
      const to = intOption(args.options, 'to', 1000, 9999);
      if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
      const limit = intOption(args.options, 'limit', 1, 200);
      const offset = intOption(args.options, 'offset', 0, 1_000_000);
      const a = await open(args);
      await a.searchReady;
      const r = await a.search({ query: args.positional[0], limit, offset, kind, from, to });
      await a.close();
      const { offset: _o, ...rest } = r;
      out(json ? rest : r, formatSearch(r));
      return 0;
    }
    case 'ingest': {
      expectPositional(args, 1, 'ingest <folder> --out <dir>');
      const outDir = args.options.out;
      if (!outDir) throw new UsageError('ingest needs --out <dir> (where to write the archive)');
      const report = await ingestFolder(args.positional[0], outDir, {
        // Reading reports every file (for the app's progress bar); a terminal gets a line per 1,000.
        onProgress: (p) => {
          if (p.phase === 'read' && p.done !== undefined && p.done % 1000 !== 0 && p.done !== p.total) return;
          process.stderr.write(`ingest: ${forTerminal(p.message)}\n`);
        },
      });
      const t = forTerminal;
      for (const s of report.skipped) process.stderr.write(`ingest: skipped ${t(s.file)}: ${t(s.reason)}\n`);
      for (const w of report.warnings) process.stderr.write(`ingest: note ${t(w.file)}: ${t(w.warning)}\n`);
      for (const d of report.duplicates) process.stderr.write(`ingest: ${d.near ? 'near-duplicate' : 'duplicate'} of ${t(d.kept)} merged: ${t(d.merged.join(', '))}\n`);
      const merged = report.duplicates.reduce((n, d) => n + d.merged.length, 0);
      out(
        report,
        `Built ${t(report.outDir)}: ${plural(report.articles, 'article')}, ${plural(report.briefs, 'brief')} from ${plural(report.files, 'file')}` +
          (merged ? `; ${plural(merged, 'duplicate')} merged` : '') +
          (report.skipped.length ? `; skipped ${report.skipped.length} (see above)` : '') +
          `.\nUse it with: --archive ${t(report.outDir)}`,
      );
      return report.skipped.length > 0 ? 3 : 0;
    }
    case null:
      console.error(USAGE);
      return 64;
    default:
      throw new UsageError(`unknown command “${args.command}” (commands: list, show, search, ingest, export)`);
  }
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function expectPositional(args: ParsedArgs, n: number, usage?: string): void {
  if (args.positional.length < n) throw new UsageError(`missing argument: ${usage}`);
  if (args.positional.length > n) throw new UsageError(`unexpected argument “${args.positional[n]}”${usage ? ` (usage: ${usage}; quote a query with spaces)` : ''}`);
}

run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`cli: ${forTerminal(e.message)}\n\n${USAGE}`);
      process.exitCode = 64;
    } else {
      console.error(`cli: ${forTerminal((e as Error).message)}`);
      process.exitCode = 1;
    }
  },
);
