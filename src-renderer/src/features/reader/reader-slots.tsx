/**
 * Where other features plug into the reader without editing it: an
 * annotations sidebar beside the text and a toolbar that appears over a
 * text selection. The App supplies the components through ReaderSlotsContext;
 * the reader renders them with the open document and the element that holds
 * its paragraphs (`[data-paragraph]` children, plain text nodes inside, the
 * offsets of docText(doc)).
 */
import { createContext, useContext, type ComponentType } from 'react';
import type { Doc } from '../../../../src-main/shared/model';
import type { ArticleRoute } from '../../platform/routes';

export interface ReaderSlotProps {
  doc: Doc;
  /** docText(doc), computed once. */
  text: string;
  /** Start offset of each paragraph in `text` (paragraphOffsets(doc)). */
  starts: number[];
  /** The element holding the paragraph elements; null until mounted. */
  container: HTMLElement | null;
  /** The element that scrolls the text (for scrolling to a passage). */
  scroller: HTMLElement | null;
  route: ArticleRoute;
}

export interface ReaderSlots {
  /** Shown to the right of the text (e.g. the article's annotations). */
  Sidebar?: ComponentType<ReaderSlotProps>;
  /** Rendered over the text; shows itself when there is a selection. */
  SelectionToolbar?: ComponentType<ReaderSlotProps>;
  /** Mounted as soon as an article is asked for, before its text arrives (e.g. to read its notes ahead). */
  Opening?: ComponentType<{ docId: string }>;
}

export const ReaderSlotsContext = createContext<ReaderSlots>({});

export function useReaderSlots(): ReaderSlots {
  return useContext(ReaderSlotsContext);
}
