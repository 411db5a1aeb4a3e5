/**
 * Each archive remembers its own place: the view and filters (the URL hash:
 * `#/library?year=2019`, `#/article/<id>`) are kept per archive id in
 * localStorage, so switching away and back lands where the person was.
 * Switching reloads the page: every view, list and cache starts afresh on the
 * new archive, and nothing of the old one can leak into it.
 */
import { currentAddress, flushAddress } from '../../platform/router';
import { forgetStartSnapshot } from '../../platform/start-snapshot';

const key = (archiveId: string) => `archive-reader:place:${archiveId}`;

export function rememberPlace(archiveId: string): void {
  try {
    localStorage.setItem(key(archiveId), currentAddress() || '#/library');
  } catch {
    // Storage full or denied: the place is a convenience, the switch still happens.
  }
}

export function placeOf(archiveId: string): string {
  try {
    const saved = localStorage.getItem(key(archiveId));
    return saved && saved.startsWith('#/') ? saved : '#/library';
  } catch {
    return '#/library';
  }
}

/** Leaves `fromId` (remembering where it was) for `toId`'s remembered place, and reloads. */
export function goToArchive(fromId: string | undefined, toId: string): void {
  if (fromId) rememberPlace(fromId);
  // The library kept for the next start is the old archive's: the new one's first start draws its own.
  forgetStartSnapshot();
  flushAddress();
  location.hash = placeOf(toId);
  location.reload();
}
