/**
 * Marks the article read the first time the end of its text is on screen
 * (the person got there: by scrolling, or at once for a short one), so the
 * library can tell read from unread and list what is still being read.
 */
import { useEffect } from 'react';
import { readDocState, updateDocState, useNotesDb } from '../../db';

export function useMarkRead(docId: string, end: HTMLElement | null, scroller: HTMLElement | null): void {
  const db = useNotesDb();
  useEffect(() => {
    if (!end || !scroller) return;
    let done = false;
    const observer = new IntersectionObserver(
      (entries) => {
        if (done || !entries.some((e) => e.isIntersecting)) return;
        done = true;
        observer.disconnect();
        void readDocState(db, docId).then((s) => (s.readAt ? undefined : updateDocState(db, docId, { readAt: new Date().toISOString() })));
      },
      { root: scroller },
    );
    observer.observe(end);
    return () => observer.disconnect();
  }, [db, docId, end, scroller]);
}
