/**
 * Anchors an article's annotations in its current text and orders them the
 * way the sidebar lists them: by position in the text, orphans last (oldest
 * first). Results are cached per annotation version and text, so a live-query
 * refresh after one edit does not re-run fuzzy matching for all the others.
 */
import { useMemo, useRef } from 'react';
import type { Annotation } from '../../../../src-main/shared/notes/annotation-model';
import { anchor, type AnchorResult } from '../../../../src-main/shared/notes/anchoring/anchor';
import { useDocAnnotations, type RowsRead } from '../../db';

export interface AnchoredAnnotation {
  annotation: Annotation;
  anchor: AnchorResult;
}

export function orderAnchored(items: AnchoredAnnotation[]): AnchoredAnnotation[] {
  return [...items].sort((a, b) => {
    const ao = a.anchor.status === 'orphaned';
    const bo = b.anchor.status === 'orphaned';
    if (ao !== bo) return ao ? 1 : -1;
    if (a.anchor.status !== 'orphaned' && b.anchor.status !== 'orphaned') {
      return a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end || a.annotation.created.localeCompare(b.annotation.created);
    }
    return a.annotation.created.localeCompare(b.annotation.created);
  });
}

export function anchorAnnotations(text: string, annotations: Annotation[]): AnchoredAnnotation[] {
  return orderAnchored(annotations.map((annotation) => ({ annotation, anchor: anchor(text, annotation) })));
}

export interface DocAnchors {
  items: AnchoredAnnotation[];
  /** Stored rows that could not be read (left untouched). */
  invalid: string[];
  loading: boolean;
}

/**
 * The answer for each read of the rows: the painter and the sidebar watch the same read
 * (db/doc-annotations-feed.ts), so the second to render takes the first one's work.
 */
const anchoredByRead = new WeakMap<RowsRead<Annotation>, { text: string; keys: string; value: DocAnchors }>();

export function useAnchoredAnnotations(docId: string, text: string): DocAnchors {
  const read = useDocAnnotations(docId);
  const cache = useRef<{ text: string; results: Map<string, AnchorResult> }>({ text, results: new Map() });
  const last = useRef<{ keys: string; value: DocAnchors } | null>(null);
  return useMemo(() => {
    const shared = read ? anchoredByRead.get(read) : undefined;
    if (shared && shared.text === text) {
      last.current = { keys: shared.keys, value: shared.value };
      return shared.value;
    }
    if (cache.current.text !== text) cache.current = { text, results: new Map() };
    const results = cache.current.results;
    const keys: string[] = [];
    const items = (read?.rows ?? []).map((annotation) => {
      const key = `${annotation.id}|${annotation.modified}|${annotation.position.start}|${annotation.quote.exact.length}`;
      keys.push(`${key}|${annotation.color}|${annotation.tags.join(',')}|${annotation.note}`);
      let result = results.get(key);
      if (!result) results.set(key, (result = anchor(text, annotation)));
      return { annotation, anchor: result };
    });
    // The same rows read again (the live query answering after a write that changed nothing here):
    // the same answer object, so the highlights are not repainted nor the cards re-rendered.
    const allKeys = `${text.length}\n${read === undefined}\n${(read?.invalid ?? []).join('\n')}\n${keys.join('\n')}`;
    const value =
      last.current?.keys === allKeys ? last.current.value : { items: orderAnchored(items), invalid: read?.invalid ?? [], loading: read === undefined };
    last.current = { keys: allKeys, value };
    if (read) anchoredByRead.set(read, { text, keys: allKeys, value });
    return value;
  }, [read, text]);
}
