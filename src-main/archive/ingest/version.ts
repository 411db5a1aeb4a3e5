/**
 * The version of the ingestion rules and archive layout, on its own so that
 * checking an archive's freshness does not load the ingester (and its
 * gazetteer, segmenter and index builder) into a process that only reads.
 * Bump when ingestion rules or the index format change: bundled archives are
 * rebuilt when it differs.
 */
export const BUILDER_VERSION = 'ingest-5'; // 5: the recursive folder reader (ingest-4) and bodies stored in parts (store/layout.ts partsOf)
