/**
 * What the annotation components need from the reader. Structurally the same
 * as the reader's ReaderSlotProps (features/reader/reader-slots.tsx), so the
 * components plug straight into its slots; kept here so this feature does not
 * depend on the reader's internals.
 */
import type { Doc } from '../../../../src-main/shared/model';

export interface AnnotationSlotProps {
  doc: Pick<Doc, 'id' | 'title' | 'published' | 'paragraphs' | 'textHash'>;
  /** docText(doc). */
  text: string;
  /** paragraphOffsets(doc). */
  starts: number[];
  /** The element holding the [data-paragraph] elements; null until mounted. */
  container: HTMLElement | null;
  /** The element that scrolls the text, if not the window. */
  scroller?: HTMLElement | null;
  /** `annotation`: an annotation to scroll to and open (passage links). */
  route?: { annotation?: string };
}
