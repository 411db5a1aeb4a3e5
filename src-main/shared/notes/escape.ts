/**
 * Escaping for each output language, in one place so every exporter uses the
 * same rules: HTML text and attributes, YAML scalars (front matter), Markdown
 * text (quotes are plain text from the article and must never turn into
 * headings, lists, links or HTML), and raw HTML inside Markdown notes.
 */

/** Text or attribute value for HTML (both quote kinds escaped). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/**
 * A YAML double-quoted scalar. Double quotes are the only YAML style where every
 * character can be written: backslash, quote, control characters and line
 * breaks (including U+0085, U+2028, U+2029 that YAML treats as breaks) are escaped.
 */
export function yamlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029 || code === 0xfeff)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** ASCII punctuation that changes meaning inline in CommonMark or Obsidian (==mark==, $math$, %%comment%%, ^block). */
const MD_INLINE = /[\\`*_{}\[\]<>#|~=$^%&!]/g;

/**
 * Plain text -> Markdown that renders as exactly that text. Inline punctuation
 * is backslash-escaped; line starts that would open a block (list markers,
 * ordered-list numbers, thematic breaks) are escaped too. Blank lines are kept
 * (they separate paragraphs of the quote).
 */
export function escapeMarkdownText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      let l = line.replace(MD_INLINE, (c) => `\\${c}`);
      l = l.replace(/^(\s*)([-+])/, '$1\\$2');
      l = l.replace(/^(\s*\d+)([.)])/, '$1\\$2');
      // Four leading spaces would make an indented code block: keep the text, drop the indentation.
      l = l.replace(/^\s{4,}/, '');
      return l;
    })
    .join('\n');
}

/**
 * A note is Markdown, so its syntax is kept; but the app renders notes with raw
 * HTML disabled, and the exported file must not run anything in a permissive
 * viewer either. So `<` that would open an HTML tag, comment or declaration is
 * written as `&lt;`, and a link to a javascript:, vbscript:, data: or file: URL
 * gets its scheme prefixed with "unsafe-" (no viewer will follow it) — except
 * inside code spans and fenced code blocks, where everything is already literal.
 */
export function neutralizeNoteHtml(note: string): string {
  const lines = note.replace(/\r\n?/g, '\n').split('\n');
  let fence: string | null = null;
  return lines
    .map((line) => {
      const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
        return line;
      }
      if (f) {
        fence = f[1];
        return line;
      }
      // Outside fences: leave inline code spans (backtick runs) and autolinks alone; escape tag openers and
      // defuse link destinations with a scheme that runs code or embeds a document.
      return line.replace(
        /(`+)[\s\S]*?\1|<(?:https?|mailto):[^\s<>]*>|<(?=[A-Za-z/!?])|(\]\(\s*<?|\]:\s*<?|<)\s*(?=(?:javascript|vbscript|data|file):)/gi,
        (m, ticks, linkOpen) => (ticks ? m : linkOpen !== undefined ? `${linkOpen}unsafe-` : m === '<' ? '&lt;' : m),
      );
    })
    .join('\n');
}

/** Prefix every line with "> " so a multi-line block stays inside one blockquote. */
export function blockquote(markdown: string): string {
  return markdown
    .split('\n')
    .map((l) => (l.length ? `> ${l}` : '>'))
    .join('\n');
}

/**
 * An Obsidian-compatible tag: Obsidian tags cannot hold spaces or most
 * punctuation, so those become "-"; letters of any script, digits, "_", "-"
 * and "/" are kept. A tag made only of digits gets a leading "_" (Obsidian
 * ignores numeric tags).
 */
export function obsidianTag(name: string): string {
  let t = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_/-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-/]+|[-/]+$/g, '');
  if (!t) t = 'tag';
  if (/^\d+$/.test(t)) t = `_${t}`;
  return t;
}

/** Text for a one-line context (a Markdown heading, a table cell): runs of whitespace, line breaks included, become one space. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
