/**
 * A mixed folder for the ingester's identity test (ingest-identity.test.ts):
 * the generated person's tree (generate-folder.ts: clashing names, legacy
 * encodings, exact and near duplicates, Markdown), the bundled scraped pages
 * (sidebar teasers shared across pages, dated title lines) twice, the HTML
 * fixtures, and a run of the benchmark's headline-first articles. Its digest
 * is what "the same result" means when the ingester is made faster: ids,
 * titles, dates, sections, sources, briefs and where they appear, facets and
 * each document's text hash, and the report's duplicates, skips and warnings.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { articleFileName, articles, articleText } from '../../../scripts/bench/generate';
import { loadVocabulary } from '../../../scripts/bench/vocabulary';
import { repoRoot } from '../../../scripts/bench/paths';
import { writeArchiveTree } from './generate-folder';
import type { Doc } from '../../shared/model';
import type { FolderReport } from '../ingest/ingest-folder';

const HTML_FIXTURES = join(repoRoot(), 'src-main', 'archive', 'test', 'fixtures', 'html');
const CORPUS = join(repoRoot(), 'resources', 'corpus');

/** Writes the mixed folder under `dir` (created); `headlineFirst` benchmark articles go to `bench/`. */
export async function writeMixedFolder(dir: string, headlineFirst = 40): Promise<void> {
  await writeArchiveTree(join(dir, 'tree'));
  for (const sub of ['pages', 'pages-again']) {
    await mkdir(join(dir, sub), { recursive: true });
    for (const f of await readdir(CORPUS)) await copyFile(join(CORPUS, f), join(dir, sub, f));
  }
  await mkdir(join(dir, 'saved'), { recursive: true });
  for (const f of (await readdir(HTML_FIXTURES)).filter((n) => n.endsWith('.html'))) await copyFile(join(HTML_FIXTURES, f), join(dir, 'saved', f));
  await mkdir(join(dir, 'bench'), { recursive: true });
  let i = 0;
  for (const a of articles(loadVocabulary(repoRoot()), headlineFirst)) await writeFile(join(dir, 'bench', articleFileName(i++)), articleText(a));
  await writeFile(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
}

/** What must not change: every document's identity, dates, links, facets and text, and the report's lists. */
export function digest(docs: Doc[], report: FolderReport) {
  return {
    docs: docs.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      published: d.published,
      eventDate: d.eventDate,
      year: d.year,
      source: d.source,
      section: d.section ?? null,
      sources: d.sources ?? null,
      url: d.url ?? null,
      author: d.author ?? null,
      tags: d.tags ?? null,
      languages: d.languages,
      briefs: d.briefs ?? null,
      appearsIn: d.appearsIn ?? null,
      facets: d.facets,
      paragraphLangs: d.paragraphs.map((p) => p.lang ?? '-').join(' '),
      textHash: d.textHash,
    })),
    report: { files: report.files, articles: report.articles, briefs: report.briefs, skipped: report.skipped, duplicates: report.duplicates, warnings: report.warnings, corpusHash: report.corpusHash },
  };
}
