/**
 * One live read of an article's annotations, shared by everyone who needs it.
 *
 * Opening an article used to read its rows three times: once ahead (while the
 * text was on its way) and once more by each of the reader's two annotation
 * slots (the painter and the sidebar), each with a Dexie live query of its
 * own. With 500 highlights each read is an IndexedDB round trip plus 500 rows
 * through restore.ts, on the main thread while the article is being shown.
 *
 * Here there is one Dexie liveQuery per (database, article): started ahead
 * (the route change, before the reader's chunk commits), joined by the hooks
 * that mount with the article (they see its current answer at their first
 * render, so the text and its highlights are painted together), and kept
 * live while anyone watches. It stays open a few seconds after the last
 * watcher leaves, so a read ahead that is not watched yet is not lost, then
 * closes. Because it is live, what a watcher sees is never a stale copy: a
 * write in this window or another re-runs the one query for all of them.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { Annotation } from '../../../src-main/shared/notes/annotation-model';
import type { NotesDatabase } from './database';
import { readAnnotations, type RowsRead } from './annotations-store';

/** How long a feed nobody watches stays open (a read ahead waiting for the reader to mount, a quick re-open). */
export const UNWATCHED_KEEP_MS = 5000;

type Listener = () => void;

/** What watchers see: a new object on each answer (so React's store hook notices), never changed in place. */
export interface DocAnnotationsState {
  /** The latest answer; undefined until the first one. */
  value?: RowsRead<Annotation>;
  /** The query's failure (the hook rethrows it to the error boundary, as useLiveQuery does). */
  error?: unknown;
}

interface Feed {
  state: DocAnnotationsState;
  listeners: Set<Listener>;
  /** Unset only while Dexie's subscribe() call is running (it answers asynchronously). */
  subscription: Subscription | undefined;
  closeTimer: ReturnType<typeof setTimeout> | undefined;
}

const feeds = new WeakMap<NotesDatabase, Map<string, Feed>>();

function feedsOf(db: NotesDatabase): Map<string, Feed> {
  let m = feeds.get(db);
  if (!m) feeds.set(db, (m = new Map()));
  return m;
}

function drop(db: NotesDatabase, docId: string, feed: Feed): void {
  clearTimeout(feed.closeTimer);
  feed.subscription?.unsubscribe();
  const table = feedsOf(db);
  if (table.get(docId) === feed) table.delete(docId);
}

function open(db: NotesDatabase, docId: string): Feed {
  const table = feedsOf(db);
  const have = table.get(docId);
  // A failed feed is kept only while its watchers are being shown the failure; a new one reads again.
  if (have && (!('error' in have.state) || have.listeners.size > 0)) return have;
  if (have) drop(db, docId, have);
  const feed: Feed = { state: {}, listeners: new Set(), subscription: undefined, closeTimer: undefined };
  table.set(docId, feed);
  const notify = () => feed.listeners.forEach((l) => l());
  feed.subscription = liveQuery(() => readAnnotations(db, docId)).subscribe({
    next: (value) => {
      feed.state = { value };
      notify();
    },
    error: (error: unknown) => {
      // Its watchers are shown the failure (each rethrows it to its error boundary and unmounts, which drops
      // the feed); with none, it is dropped now, so the reader's own watch starts a fresh read.
      feed.state = { value: feed.state.value, error };
      if (feed.listeners.size === 0) drop(db, docId, feed);
      else notify();
    },
  });
  return feed;
}

function closeLater(db: NotesDatabase, docId: string, feed: Feed): void {
  clearTimeout(feed.closeTimer);
  feed.closeTimer = setTimeout(() => {
    if (feed.listeners.size === 0) drop(db, docId, feed);
  }, UNWATCHED_KEEP_MS);
}

/** Starts reading an article's annotations now (the route to it changed; its reader is not mounted yet). */
export function readAheadDocAnnotations(db: NotesDatabase, docId: string): void {
  const feed = open(db, docId);
  if (feed.listeners.size === 0) closeLater(db, docId, feed);
}

/** Calls `listener` on each new answer for the article; returns the unwatch. */
export function watchDocAnnotations(db: NotesDatabase, docId: string, listener: Listener): () => void {
  const feed = open(db, docId);
  clearTimeout(feed.closeTimer);
  feed.listeners.add(listener);
  return () => {
    feed.listeners.delete(listener);
    if (feed.listeners.size > 0) return;
    if ('error' in feed.state) drop(db, docId, feed);
    else closeLater(db, docId, feed);
  };
}

const NOTHING_YET: DocAnnotationsState = {};

/** The article's latest state (nothing yet while the first read is on its way or no feed is open). */
export function docAnnotationsState(db: NotesDatabase, docId: string): DocAnnotationsState {
  return feedsOf(db).get(docId)?.state ?? NOTHING_YET;
}
