/**
 * What the CLI prints: the JSON shapes the issue specifies and the readable
 * text versions of the same data. Every string from the archive goes through
 * forTerminal in text mode (no escape sequences reach the terminal).
 */
import type { Doc, DocSummary } from '../shared/model';
import type { SearchResponse } from '../shared/contract';
import { forTerminal as t } from './terminal-text';

export const listJson = (items: DocSummary[]) =>
  items.map((s) => ({ id: s.id, kind: s.kind, title: s.title, published: s.published, eventDate: s.eventDate, source: s.source, languages: s.languages }));

export function showJson(d: Doc) {
  return {
    ...listJson([d])[0],
    paragraphs: d.paragraphs.map((p) => ({ text: p.text, lang: p.lang })),
    ...(d.kind === 'article' ? { briefs: d.briefs ?? [] } : { appearsIn: d.appearsIn ?? [] }),
    facets: d.facets,
    // Only when the source had them (folder trees, merged duplicates, saved web pages, front matter).
    ...(d.section ? { section: d.section } : {}),
    ...(d.sources ? { sources: d.sources } : {}),
    ...(d.url ? { url: d.url } : {}),
    ...(d.author ? { author: d.author } : {}),
    ...(d.tags ? { tags: d.tags } : {}),
  };
}

const date = (s: { published: string | null; eventDate?: string | null }) => t(s.published ?? (s.eventDate ? `(${s.eventDate})` : '—'));

export function formatList(items: DocSummary[]): string {
  return items.map((s) => `${s.kind === 'article' ? 'A' : 'b'}  ${date(s).padEnd(12)} ${t(s.id)}\n   ${t(s.title)}`).join('\n');
}

export function formatDoc(d: Doc): string {
  const lines = [
    d.title,
    `${d.kind} · published ${d.published ?? 'undated'} · event ${d.eventDate ?? '—'} · ${d.source} · ${d.languages.join('+')}`,
    '',
    ...d.paragraphs.map((p) => (p.lang === 'en' ? p.text : `[${p.lang}] ${p.text}`)).flatMap((x) => [x, '']),
  ];
  if (d.author || d.url) lines.push([d.author && `by ${d.author}`, d.url].filter(Boolean).join(' · '));
  if (d.sources) lines.push(`Also saved as: ${d.sources.slice(1).join(', ')}`);
  if (d.briefs?.length) lines.push(`Briefs on this page: ${d.briefs.join(', ')}`);
  if (d.appearsIn?.length) lines.push(`Appears on: ${d.appearsIn.join(', ')}`);
  for (const [k, v] of Object.entries(d.facets)) if (v.length) lines.push(`${k}: ${v.join('; ')}`);
  return lines.map((l) => t(l)).join('\n');
}

export function formatSearch(r: SearchResponse): string {
  const lines: string[] = [];
  if (r.notice) lines.push(`note: ${t(r.notice)}`);
  lines.push(`${r.total} result${r.total === 1 ? '' : 's'} for ${t(r.query)} (${r.interpretedAs}, ${r.tookMs} ms)`);
  for (const h of r.hits) {
    lines.push('', `${h.kind === 'article' ? 'A' : 'b'}  ${t(h.title)}  [${t(h.published ?? '—')}, score ${h.score}]`, `   ${t(h.id)}`);
    for (const s of h.snippets) lines.push(`   … ${mark(s.text, s.highlights)} …`);
  }
  return lines.join('\n');
}

function mark(text: string, hl: [number, number][]): string {
  let out = '';
  let pos = 0;
  for (const [a, b] of hl) {
    out += t(text.slice(pos, a)) + '[' + t(text.slice(a, b)) + ']';
    pos = b;
  }
  return out + t(text.slice(pos));
}
