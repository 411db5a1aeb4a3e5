/**
 * The person's own data: annotations (highlights with notes and tags),
 * per-document state, tags and settings. Shared by the renderer's storage,
 * anchoring, export and backup code and by the CLI's export-from-backup.
 *
 * The row types are derived from the schemas in schema/ (one per stored row),
 * so a type and its check cannot drift. Selectors follow the W3C Web
 * Annotation Data Model; offsets count UTF-16 code units into docText(doc)
 * (see model.ts).
 */
export type { Annotation, TextQuoteSelector, TextPositionSelector } from './schema/annotation-row';
export type { DocState } from './schema/doc-state-row';
export type { TagDef } from './schema/tag-row';
export type { SettingRow } from './schema/setting-row';
export type { TagRename } from './schema/tag-rename-row';
export { COLOR_IDS, DEFAULT_COLORS, DEFAULT_TAG_COLOR, TAG_PALETTE, tagColorFor, type ColorDef, type ColorId } from './schema/colors';

/** Characters of context stored before and after a quote. */
export const QUOTE_CONTEXT_CHARS = 32;

/** Where an annotation ended up when the document was opened. */
export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';
