/**
 * A dossier: excerpts picked from many articles, in the person's order, with
 * headings between them, exported as one document whose excerpts carry
 * numbered footnote citations (Markdown footnotes `[^1]`, or an HTML list of
 * notes at the end). Pure: the dossier builder UI holds the item list and
 * calls these.
 */
import type { Annotation } from './annotation-model';
import { citationHtml, citationText } from './citation';
import { escapeHtml, escapeMarkdownText, oneLine, yamlString } from './escape';
import { exportContext } from './export-context';
import { excerptHtml, htmlDocument } from './html-export';
import { excerptMarkdown } from './markdown-export';
import type { ExportInput } from './types';

export type DossierItem =
  | { kind: 'heading'; id: string; text: string }
  | { kind: 'excerpt'; id: string; annotationId: string };

export interface DossierInput extends Omit<ExportInput, 'annotations'> {
  title: string;
  items: readonly DossierItem[];
  /** Every annotation the items may name, by id. */
  annotations: ReadonlyMap<string, Annotation>;
}

/** Items whose annotation no longer exists are reported, not silently dropped. */
export interface DossierResult {
  text: string;
  missing: string[];
}

function resolve(d: DossierInput) {
  const missing: string[] = [];
  const excerpts: Annotation[] = [];
  for (const it of d.items) {
    if (it.kind !== 'excerpt') continue;
    const a = d.annotations.get(it.annotationId);
    if (a) excerpts.push(a);
    else missing.push(it.annotationId);
  }
  const ctx = exportContext({ ...d, annotations: excerpts });
  return { ctx, missing };
}

export function dossierMarkdown(d: DossierInput): DossierResult {
  const { ctx, missing } = resolve(d);
  const body: string[] = [];
  const notes: string[] = [];
  for (const it of d.items) {
    if (it.kind === 'heading') {
      body.push(`## ${escapeMarkdownText(oneLine(it.text))}`);
      continue;
    }
    const a = d.annotations.get(it.annotationId);
    if (!a) continue;
    const n = notes.length + 1;
    notes.push(`[^${n}]: ${escapeMarkdownText(oneLine(citationText(ctx.doc(a))))} <${ctx.link(a)}>`);
    body.push(excerptMarkdown(a, ctx, `[^${n}]`));
  }
  const text = [
    `---\ntitle: ${yamlString(d.title)}\ndate: ${yamlString(ctx.generatedAt.slice(0, 10))}\n---`,
    `# ${escapeMarkdownText(oneLine(d.title))}`,
    ...body,
    notes.join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  return { text: text + '\n', missing };
}

export function dossierHtml(d: DossierInput): DossierResult {
  const { ctx, missing } = resolve(d);
  const body: string[] = [];
  const notes: string[] = [];
  for (const it of d.items) {
    if (it.kind === 'heading') {
      body.push(`<h2 class="dossier-heading">${escapeHtml(it.text)}</h2>`);
      continue;
    }
    const a = d.annotations.get(it.annotationId);
    if (!a) continue;
    const n = notes.length + 1;
    notes.push(`<li id="fn${n}">${citationHtml(ctx.doc(a), ctx.link(a))} <a href="#ref${n}" aria-label="Back to excerpt ${n}">↩</a></li>`);
    body.push(excerptHtml(a, ctx, `<sup id="ref${n}"><a href="#fn${n}">${n}</a></sup>`));
  }
  const footnotes = notes.length ? `<section class="footnotes"><h2>Sources</h2>\n<ol>\n${notes.join('\n')}\n</ol></section>` : '';
  return {
    text: htmlDocument(d.title, `<h1>${escapeHtml(d.title)}</h1>\n${body.join('\n')}\n${footnotes}`),
    missing,
  };
}
