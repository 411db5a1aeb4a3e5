/**
 * The date an article is shown with wherever it appears (library rows, search
 * results, the reader's header): the one its citation gives (citationDate),
 * its publication date, else the date of the event it reports. One rule, so
 * an article is never dated in one place and undated in another.
 */
import { citationDate } from '../../../src-main/shared/notes/citation';
import { formatDate } from './format';

export function DocDate({
  doc,
  style = 'long',
  sayUndated = true,
}: {
  doc: { published: string | null; eventDate: string | null };
  style?: 'long' | 'short';
  /** With no date at all: "Undated" (true), or nothing. */
  sayUndated?: boolean;
}) {
  const { iso } = citationDate(doc);
  if (!iso && !sayUndated) return null;
  return <time dateTime={iso ?? undefined}>{formatDate(iso, style)}</time>;
}
