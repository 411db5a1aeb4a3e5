/**
 * Markdown for Obsidian (and any CommonMark reader): YAML front matter (title,
 * date, source, tags), then one section per article, cited once under its
 * heading, and one blockquote per excerpt holding the quote, the note, tags,
 * colour name and a link to the passage.
 *
 * Quotes are article text, not Markdown: they are escaped so that "#", "*",
 * "[", "<", "|", "---" and the like show as written. Notes are the person's
 * Markdown and keep their syntax, minus raw HTML (see escape.ts). Everything of
 * an excerpt is inside one blockquote, so nothing a note holds (an unclosed
 * code fence, a heading) can spill into the next excerpt.
 */
import type { Annotation } from './annotation-model';
import { PUBLISHER, citationText, citedDoc, formatDate } from './citation';
import { blockquote, escapeMarkdownText, neutralizeNoteHtml, obsidianTag, oneLine, yamlString } from './escape';
import { exportContext, type ExportContext } from './export-context';
import { renderSync, type ItemRenderer } from './run-export';
import type { ExportInput, ProgressCallback } from './types';

export function frontMatter(ctx: ExportContext): string {
  const docs = ctx.citedDocs;
  const source = docs.length === 1 ? ctx.articleLink(docs[0].id) : `${PUBLISHER} news archive (Archive Reader)`;
  const lines = [
    '---',
    `title: ${yamlString(ctx.title)}`,
    `date: ${yamlString(ctx.generatedAt.slice(0, 10))}`,
    `source: ${yamlString(source)}`,
  ];
  if (ctx.allTags.length === 0) lines.push('tags: []');
  else {
    lines.push('tags:');
    const seen = new Set<string>();
    for (const t of ctx.allTags) {
      const slug = obsidianTag(t);
      if (seen.has(slug)) continue;
      seen.add(slug);
      lines.push(`  - ${yamlString(slug)}`);
    }
  }
  lines.push('---');
  return lines.join('\n');
}

/** One excerpt as a blockquote: quote, note, tags and colour, then `citation` (default: a link to the passage; the article is cited above it). */
export function excerptMarkdown(a: Annotation, ctx: ExportContext, citation?: string): string {
  const parts: string[] = [escapeMarkdownText(a.quote.exact)];
  if (a.note.trim()) parts.push(`**Note:**\n\n${neutralizeNoteHtml(a.note.trim())}`);
  const meta: string[] = [];
  if (a.tags.length) meta.push(`Tags: ${a.tags.map((t) => `#${obsidianTag(t)}`).join(' ')}`);
  meta.push(`Colour: ${escapeMarkdownText(ctx.colorLabel(a))}`);
  parts.push(meta.join(' · '));
  parts.push(citation ?? `[Open passage](<${ctx.link(a)}>)`);
  return blockquote(parts.join('\n\n'));
}

export function markdownRenderer(ctx: ExportContext): ItemRenderer<Annotation, string> {
  // Each article is cited once, under its first heading; its excerpts link to their passages.
  const cited = new Set<string>();
  return {
    item: (a, i) => {
      const prev = ctx.input.annotations[i - 1];
      let heading = '';
      if (!prev || prev.docId !== a.docId) {
        const cite = cited.has(a.docId)
          ? '*Cited above.*'
          : `Cite as: ${escapeMarkdownText(citationText(ctx.doc(a)))} [Open article](<${ctx.articleLink(a.docId)}>)`;
        cited.add(a.docId);
        heading = `## ${escapeMarkdownText(oneLine(ctx.doc(a).title))}\n\n${cite}\n\n`;
      }
      return heading + excerptMarkdown(a, ctx);
    },
    assemble: (pieces) => {
      // Article notes after the excerpts, so an article cited above is not cited twice.
      const notes = ctx.articleNotes.map((n) => {
        const doc = citedDoc(ctx.input.docs, n.docId);
        const cite = cited.has(n.docId)
          ? '*Cited above.*'
          : `Cite as: ${escapeMarkdownText(citationText(doc))} [Open article](<${ctx.articleLink(n.docId)}>)`;
        cited.add(n.docId);
        const meta = [n.starred ? '★ Starred' : '', n.tags.length ? `Tags: ${n.tags.map((t) => `#${obsidianTag(t)}`).join(' ')}` : ''].filter(Boolean).join(' · ');
        const body = [n.note.trim() ? neutralizeNoteHtml(n.note.trim()) : '', meta].filter(Boolean).join('\n\n');
        return `### ${escapeMarkdownText(oneLine(doc.title))}\n\n${cite}\n\n${blockquote(body)}`;
      });
      const notesSection = notes.length ? `${pieces.length ? '\n\n' : ''}## Article notes\n\n${notes.join('\n\n')}` : '';
      const body = pieces.join('\n\n') + notesSection;
      return `${frontMatter(ctx)}\n\n# ${escapeMarkdownText(oneLine(ctx.title))}\n\n${body}${body ? '\n' : 'No excerpts.\n'}`;
    },
  };
}

export function exportMarkdown(input: ExportInput, onProgress?: ProgressCallback): string {
  const ctx = exportContext(input);
  return renderSync(markdownRenderer(ctx), input.annotations, onProgress);
}
