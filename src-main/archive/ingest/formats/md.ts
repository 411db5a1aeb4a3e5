/**
 * Markdown files, with or without YAML front matter (title, date, author,
 * tags). The body is parsed by markdown-it (the project's Markdown parser)
 * and each block (paragraph, heading, list item, code block) becomes one
 * paragraph of plain text; raw HTML blocks are dropped, never rendered.
 *
 * Front matter is read for its simple keys only (`key: value`, `[a, b]` and
 * `- item` lists): a full YAML parser would be a dependency for four fields.
 */
import MarkdownIt from 'markdown-it';
import { cleanSpaces } from '../../text';
import { isoFromMeta } from '../dates';
import { asParagraphs, type PageMeta, type ParsedPage } from '../parsed-page';
import type { SourceFile } from '../walk-folder';

const md = new MarkdownIt({ html: true });

export function parseMd(file: SourceFile): ParsedPage {
  const { data, body, problem } = frontMatter(file.text);
  const blocks = markdownBlocks(body);
  const meta: PageMeta = {
    title: str(data.title),
    published: isoFromMeta(str(data.date) ?? str(data.published) ?? str(data.datePublished)),
    author: str(data.author) ?? (Array.isArray(data.authors) ? data.authors.join(', ') : str(data.authors)),
    tags: list(data.tags ?? data.keywords),
    url: str(data.url) ?? str(data.canonical) ?? str(data.source),
  };
  // Without a title in the front matter, a heading that opens the file is the title.
  if (!meta.title && blocks[0]?.heading) meta.title = blocks[0].text;
  return { file, shape: 'article', paras: asParagraphs(blocks.map((b) => b.text)), meta, warning: problem };
}

type Value = string | string[];

/** Splits `---` front matter off the text; reads `key: value` pairs and lists. */
export function frontMatter(text: string): { data: Record<string, Value>; body: string; problem?: string } {
  const t = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (!t.startsWith('---\n')) return { data: {}, body: t };
  const end = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(t.slice(3));
  if (!end) return { data: {}, body: t, problem: 'front matter is not closed (no second ---): read as text' };
  const yaml = t.slice(4, 3 + end.index);
  const body = t.slice(3 + end.index + end[0].length);
  const data: Record<string, Value> = {};
  let listKey: string | null = null;
  for (const line of yaml.split('\n')) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const cur = data[listKey];
      data[listKey] = [...(Array.isArray(cur) ? cur : []), unquote(item[1])];
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const [, key, raw] = kv;
    listKey = raw.trim() === '' ? key : null;
    const v = raw.trim();
    if (v.startsWith('[') && v.endsWith(']')) data[key] = v.slice(1, -1).split(',').map(unquote).filter(Boolean);
    else if (v) data[key] = unquote(v);
  }
  return { data, body };
}

function unquote(s: string): string {
  const t = s.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

const str = (v: Value | undefined): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const list = (v: Value | undefined): string[] | undefined => (Array.isArray(v) ? v : typeof v === 'string' && v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

/** The text blocks of a Markdown body, in order. */
function markdownBlocks(body: string): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
  let heading = false;
  for (const tok of md.parse(body, {})) {
    if (tok.type === 'heading_open') heading = true;
    else if (tok.type === 'heading_close') heading = false;
    else if (tok.type === 'inline') {
      const text = cleanSpaces(
        (tok.children ?? [])
          .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
          .join(''),
      );
      if (text) out.push({ text, heading });
    } else if (tok.type === 'fence' || tok.type === 'code_block') {
      const text = tok.content.trim();
      if (text) out.push({ text, heading: false });
    }
  }
  return out;
}
