/**
 * What every exporter takes and gives. Exporters are pure: they turn the
 * person's annotations plus the article metadata they cite into text. No DOM,
 * no Dexie, no Node: the renderer, the browser host and the Node CLI all call
 * the same code, so an export made from the app and one made from a backup file
 * on the command line are byte-for-byte alike.
 */
import type { Annotation, ColorDef, TagDef } from './annotation-model';
import type { DocSummary } from '../model';

/** The article fields an export cites. A full Doc or a DocSummary both fit. */
export type CitedDoc = Pick<DocSummary, 'id' | 'title' | 'published'> & Partial<Pick<DocSummary, 'source' | 'kind' | 'eventDate'>>;

export interface ExportInput {
  /** In the order they should appear (the caller sorts: by article, by date, or the person's order). */
  annotations: readonly Annotation[];
  /** Articles by id. An annotation whose article is missing is still exported, cited by its id. */
  docs: ReadonlyMap<string, CitedDoc>;
  /** Colour names as the person set them (DEFAULT_COLORS if absent). */
  colors?: readonly ColorDef[];
  tags?: readonly TagDef[];
  /** Base of passage links: "archive-reader://" in Electron, the host's base URL in a browser (AppInfo.linkBase). */
  linkBase?: string;
  /**
   * The archive the articles are in: passage links to whole articles name it (links to a highlight name the
   * highlight's own archive). Defaults to the archive of the first exported annotation, else "bundled".
   */
  archiveId?: string;
  /** Title of the exported document; defaults to the article's title when every excerpt comes from one article. */
  title?: string;
  /** ISO timestamp written into the file, so that exports are reproducible in tests. Defaults to now. */
  generatedAt?: string;
  appVersion?: string;
  /**
   * What the person wrote about whole articles (note, tags, star), exported
   * with the excerpts ("Everything", "This article"). Rows with nothing
   * written are left out.
   */
  articleNotes?: readonly ArticleNote[];
}

/** An article note as exports carry it: the article state less its reading place. */
export interface ArticleNote {
  docId: string;
  note: string;
  tags: readonly string[];
  starred: boolean;
}

/** Called while a long export runs: `done` of `total` annotations rendered. */
export type ProgressCallback = (done: number, total: number) => void;

export type ExportFormat = 'md' | 'html' | 'json' | 'csv' | 'csl';

export interface ExportFile {
  /** File contents (UTF-8 text). */
  text: string;
  mimeType: string;
  /** Suggested file name, with extension. */
  fileName: string;
}
