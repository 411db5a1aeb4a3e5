/**
 * The version of the ingestion rules and archive layout, on its own so that
 * checking an archive's freshness does not load the ingester (and its
 * gazetteer, segmenter and index builder) into a process that only reads.
 * Bump when ingestion rules or the index format change: bundled archives are
 * rebuilt when it differs.
 */
export const BUILDER_VERSION = 'ingest-8'; // 8: a paragraph with no letters (a year, a page number) takes the language of its text, not English; 7: list.json carries each document's first sentence (summary); 6: heading underlines and ruled lines are breaks, not text; 5: bodies stored in parts
