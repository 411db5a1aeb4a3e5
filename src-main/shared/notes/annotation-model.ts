/**
 * The person's own data: annotations (highlights with notes and tags),
 * per-document state, tags and settings. Shared by the renderer's storage,
 * anchoring, export and backup code and by the CLI's export-from-backup, so it
 * holds types and pure constants only.
 *
 * Selectors follow the W3C Web Annotation Data Model; offsets count UTF-16 code
 * units into docText(doc) (see model.ts).
 */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Up to 32 characters before `exact`. */
  prefix: string;
  /** Up to 32 characters after `exact`. */
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export const QUOTE_CONTEXT_CHARS = 32;

/** Highlight colours: the id is stable and stored; the label is the person's. */
export type ColorId = 'yellow' | 'green' | 'blue' | 'pink' | 'purple' | 'orange';

export interface ColorDef {
  id: ColorId;
  label: string;
  /** CSS colour used for the highlight background in light theme. */
  hex: string;
}

export const DEFAULT_COLORS: readonly ColorDef[] = [
  { id: 'yellow', label: 'Key fact', hex: '#ffe066' },
  { id: 'green', label: 'Evidence', hex: '#8ce99a' },
  { id: 'blue', label: 'Context', hex: '#74c0fc' },
  { id: 'pink', label: 'Question', hex: '#faa2c1' },
  { id: 'purple', label: 'Follow up', hex: '#d0bfff' },
  { id: 'orange', label: 'Disputed', hex: '#ffc078' },
];

export interface Annotation {
  /** Random id (crypto.randomUUID()). */
  id: string;
  docId: string;
  color: ColorId;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** textHash of the document text the annotation was made on. */
  textHash: string;
  /** Markdown. */
  note: string;
  /** Tag names (case-preserving; compared case-insensitively). */
  tags: string[];
  /** ISO timestamps. */
  created: string;
  modified: string;
}

/** Per-document state the person controls. */
export interface DocState {
  docId: string;
  tags: string[];
  /** Markdown note on the whole document. */
  note: string;
  starred: boolean;
  /** Scroll position as a fraction 0..1 of the document, or null. */
  readingPosition: number | null;
  modified: string;
}

export interface TagDef {
  name: string;
  /** CSS colour. */
  color: string;
  created: string;
}

/** Where an annotation ended up when the document was opened. */
export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';
