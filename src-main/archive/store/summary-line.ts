/**
 * The library row's summary line: the first sentence of a document's text,
 * computed once when the archive is written (list.json carries it), so the
 * host's `list` answer never reads a body to show it. Kept short: the row
 * shows one line of it, and 50,000 of them sit in memory.
 */
import type { Paragraph } from '../../shared/model';
import { firstSentence } from '../ingest/dates';

/** Characters kept at most (the row clamps to one line long before this). */
export const SUMMARY_MAX = 200;

/** Shorter paragraphs are taken for a dateline or a heading, not a sentence. */
const MIN_PARAGRAPH = 40;
/** A paragraph ending like this is a salutation or a lead-in ("Dear members of the Council,"). */
const LEAD_IN = /[,:;]$/;

/**
 * The first sentence of the first paragraph that reads as prose (not the title
 * repeated, not a line like "Dear Chairman,"); '' when there is no text. When
 * the title is the text's beginning (a brief's title is its first words), the
 * text from where the title stopped, so the line says what the title does not.
 */
export function summaryLine(title: string, paragraphs: readonly Paragraph[]): string {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const t = norm(title).replace(/(?:…|\.\.\.)$/u, '').trim().toLowerCase();
  // The first prose paragraph, else the first that is not a lead-in, else the first: paragraphs are
  // normalized only until the first prose one (the write of a large archive went through every one).
  let first: string | undefined;
  let notLeadIn: string | undefined;
  let any: string | undefined;
  for (const para of paragraphs) {
    const p = norm(para.text);
    if (p === '' || p.toLowerCase() === t) continue;
    any ??= p;
    if (LEAD_IN.test(p)) continue;
    notLeadIn ??= p;
    if (p.length >= MIN_PARAGRAPH) {
      first = p;
      break;
    }
  }
  first ??= notLeadIn ?? any;
  if (!first) return '';
  let s = firstSentence(first);
  if (t !== '' && first.toLowerCase().startsWith(t)) {
    // The text goes on where the title stopped: show that, marked as a continuation when mid-sentence.
    const rest = first.slice(t.length).replace(/^[\s.…]+/u, '');
    if (rest === '') return '';
    s = (/[.!?]$/.test(t) ? '' : '…') + firstSentence(rest);
  }
  if (s.length <= SUMMARY_MAX) return s;
  const cut = s.slice(0, SUMMARY_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, '')}…`;
}
