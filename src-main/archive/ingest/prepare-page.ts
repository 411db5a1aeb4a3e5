/**
 * The per-file part of turning pages into documents, apart from what needs
 * the whole folder: a page that is one article (headline-first text,
 * Markdown, a web page's article) becomes its document here, with what the
 * cross-file steps will ask of it (the duplicate key, the facet mentions);
 * a scraped news-site page stays a parsed page, because which of its
 * paragraphs are teasers depends on the other pages (build-docs.ts).
 *
 * Pure and per file, so the ingester runs it in worker threads
 * (read-pages.ts); its output is plain data that crosses threads as it is.
 */
import type { Doc, Lang, Paragraph } from '../../shared/model';
import { fieldTerms } from '../search/analyze';
import type { AnalyzedField } from '../search/index-build';
import { docText } from '../../shared/model';
import { langOf, letterCounts, sha256 } from '../text';
import { dateFromPath, eventDateOf, yearIn } from './dates';
import { exactKey } from './duplicates';
import { facetMentions, type FacetMentions } from './facets';
import { articleId } from './ids';
import { segmentArticle } from './segment';
import { parseTxt } from './formats/txt';
import { parseMd } from './formats/md';
import { parseHtml } from './formats/html';
import type { PageMeta, ParsedPage } from './parsed-page';
import type { SourceFile } from './walk-folder';
import { bodyBytes, type WrittenBody } from '../store/layout';
import { summaryLine } from '../store/summary-line';

/** A page of the scraped shape: segmented with the others (teasers are found by repetition across pages). */
export interface PreparedScraped {
  kind: 'scraped';
  source: string;
  warning?: string;
  page: ParsedPage;
}

/** A page that is one article, already made into its document (null: no article text in it). */
export interface PreparedArticle {
  kind: 'article';
  source: string;
  section: string;
  warning?: string;
  meta: PageMeta;
  /** Facets, sources and briefs are filled in by build-docs.ts (they depend on other pages). */
  doc: Doc | null;
  /** exactKey(title, body) for duplicate detection. */
  key: string;
  mentions: FacetMentions | null;
  /**
   * The title and body as the search index analyzes them (search/analyze.ts): the index builder's
   * per-document work; the ingester numbers their terms as the page arrives (index-build.ts TermDictionary).
   */
  terms: { title: AnalyzedField; body: AnalyzedField } | null;
  /** The body as bodies.jsonl will hold it and the summary line, once packed (packPage); then doc.paragraphs is empty. */
  written?: WrittenBody;
}

export type PreparedPage = PreparedScraped | PreparedArticle;

/** One file read by its format; the page keeps the file's name and section, not its raw text. */
export function parsePage(file: SourceFile): ParsedPage {
  const page = file.format === 'html' ? parseHtml(file) : file.format === 'md' ? parseMd(file) : parseTxt(file);
  return { ...page, file: { ...file, text: '' } };
}

export function preparePage(file: SourceFile): PreparedPage {
  return prepareParsed(parsePage(file));
}

/** preparePage, packed (packPage): what the ingester keeps of each file it reads. */
export function preparePacked(file: SourceFile): PreparedPage {
  return packPage(preparePage(file));
}

export function prepareParsed(page: ParsedPage): PreparedPage {
  const source = page.file.name;
  const warning = page.warning ? { warning: page.warning } : {};
  if (page.shape === 'scraped') return { kind: 'scraped', source, ...warning, page };
  const seg = segmentArticle(page.paras, page.meta.title);
  const base = { kind: 'article' as const, source, section: page.file.section, ...warning, meta: page.meta };
  if (!seg.title || seg.body.length === 0) return { ...base, doc: null, key: '', mentions: null, terms: null };
  const published = page.meta.published ?? seg.published ?? dateFromPath(source);
  const refYear = yearIn(seg.title) ?? (published ? Number(published.slice(0, 4)) : null);
  const eventDate = eventDateOf(seg.title, seg.body[0] ?? null, refYear);
  const doc = makeDoc({ id: articleId(source, seg.title), kind: 'article', title: seg.title, published, eventDate, source, paragraphs: toParagraphs(seg.body), briefs: [] });
  const terms = { title: fieldTerms(doc.title), body: fieldTerms(docText(doc)) };
  return { ...base, doc, key: exactKey(seg.title, seg.body), mentions: facetMentions([doc.title, ...seg.body]), terms };
}

/**
 * An article's body made into its bodies.jsonl lines and summary line, its paragraphs let go: what the
 * ingester keeps of a page until the archive is written (UTF-8 bytes, not paragraph objects), made where
 * the page was prepared (a worker thread) so the writing thread only copies bytes. Other pages unchanged.
 */
export function packPage(p: PreparedPage): PreparedPage {
  if (p.kind !== 'article' || !p.doc) return p;
  const written = { body: bodyBytes(p.doc), summary: summaryLine(p.doc.title, p.doc.paragraphs) };
  return { ...p, doc: { ...p.doc, paragraphs: [] }, written };
}

/**
 * Each paragraph in the language of most of its letters. One with no letters at all (a year, a number, a
 * dash) takes the language of the whole text: a Russian article with a line "2019" is not also English.
 */
export function toParagraphs(texts: string[]): Paragraph[] {
  const counts = texts.map(letterCounts);
  const whole = langOf({ cyr: counts.reduce((n, c) => n + c.cyr, 0), lat: counts.reduce((n, c) => n + c.lat, 0) });
  return texts.map((text, i) => ({ text, lang: counts[i].cyr + counts[i].lat === 0 ? whole : langOf(counts[i]) }));
}

export function makeDoc(d: Omit<Doc, 'languages' | 'year' | 'facets' | 'textHash'>): Doc {
  const languages: Lang[] = (['en', 'ru'] as const).filter((l) => d.paragraphs.some((p) => p.lang === l));
  const date = d.published ?? d.eventDate;
  return {
    ...d,
    languages,
    year: date ? Number(date.slice(0, 4)) : null,
    facets: { people: [], places: [], organizations: [] },
    textHash: sha256(docText(d)),
  };
}
