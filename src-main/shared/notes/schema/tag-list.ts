/**
 * The tag list every row carries (annotations, article state): names cleaned,
 * de-duplicated without regard to case, each within the one tag limit.
 */
import * as v from 'valibot';
import { describe } from './fields';
import { NOTES_LIMITS } from './limits';
import { cleanTagName, normalizeTags } from './tag-names';

/** One tag name: cleaned (NFC, single spaces), not empty, at most NOTES_LIMITS.tagChars. */
export const tagName = v.pipe(
  v.string((i) => `should be text, not ${describe(i.input)}`),
  v.transform((s: string) => cleanTagName(s)),
  v.check((s) => s.length > 0, 'is empty'),
  v.check((s) => s.length <= NOTES_LIMITS.tagChars, (i) => `is too long (${String(i.input).length} characters; the limit is ${NOTES_LIMITS.tagChars})`),
);

export const tagList = v.pipe(
  v.array(tagName, (i) => `should be a list, not ${describe(i.input)}`),
  v.maxLength(NOTES_LIMITS.tagsPerRow, (i) => `has too many tags (${i.received}; the limit is ${NOTES_LIMITS.tagsPerRow})`),
  v.transform((tags: string[]) => normalizeTags(tags)),
);
