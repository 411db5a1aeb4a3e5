/**
 * "Copy with citation" for the reader: the export module's payloads
 * (src-main/shared/notes/citation.ts) put on the clipboard as text and HTML, so a copied
 * quote is worded exactly like the same excerpt in an exported file. The
 * passage-link base (archive-reader:// in Electron, the page's URL in a
 * browser) comes from the app through LinkBaseContext.
 */
import { createContext, useContext } from 'react';
import { copyWithCitation as citationPayload, DEFAULT_LINK_BASE } from '../../../../src-main/shared/notes/citation';
import type { CitedDoc } from '../../../../src-main/shared/notes/types';
import { copyRich } from '../../platform/clipboard';

export const LinkBaseContext = createContext<string>(DEFAULT_LINK_BASE);

/** The base of passage links in this host (AppInfo.linkBase). */
export function useLinkBase(): string {
  return useContext(LinkBaseContext);
}

/** Put the quote with its citation (and a link to the passage) on the clipboard. */
export function copyWithCitation(doc: CitedDoc, quote: string, opts: { linkBase?: string; annotationId?: string; archiveId?: string } = {}): Promise<boolean> {
  return copyRich(citationPayload(quote, doc, opts));
}
