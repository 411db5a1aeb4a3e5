/**
 * What a person (or an attacker) would notice in exported files, checked by
 * parsing the output rather than comparing text: exported HTML holds no active
 * content, Markdown keeps its structure whatever the quotes hold, the front
 * matter is valid YAML, CSV parses back to the same cells with formulas
 * neutralized, CSL-JSON cites each article once.
 */
import { Parser } from 'htmlparser2';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula } from './csv-export';
import { escapeMarkdownText, neutralizeNoteHtml, yamlString } from './escape';
import { exportSync } from './formats';
import { FIXTURE_ANNOTATIONS, FIXTURE_DOCS, fixtureInput } from './test-fixtures';

interface Tag {
  name: string;
  attrs: Record<string, string>;
}

function parseHtml(html: string): { tags: Tag[]; text: string } {
  const tags: Tag[] = [];
  let text = '';
  const p = new Parser({
    onopentag: (name, attrs) => tags.push({ name, attrs }),
    ontext: (t) => (text += t),
  });
  p.write(html);
  p.end();
  return { tags, text };
}

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=window.__pwned=1>',
  '<svg onload=window.__pwned=1>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '[x](javascript:window.__pwned=1)',
  '[x](JaVaScRiPt:window.__pwned=1)',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '![i](javascript:window.__pwned=1)',
  '<a href="javascript:window.__pwned=1">a</a>',
  '<div style="background:url(javascript:window.__pwned=1)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  '[x]: javascript:window.__pwned=1\n\n[x]',
  '<javascript:window.__pwned=1>',
  '\u202Egnp.exe <b onmouseover=window.__pwned=1>',
  '<style>body{background:url(http://evil.example/)}</style>',
  '<object data="data:text/html,x"></object><embed src=x>',
  '<form action="javascript:x"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:x">',
  '<base href="javascript:x//">',
  '"><script>window.__pwned=1</script>',
];

describe('exported HTML has no active content', () => {
  const annotations = PAYLOADS.map((p, i) => ({
    ...FIXTURE_ANNOTATIONS[0],
    id: `p${i}-${p.slice(0, 10)}`,
    quote: { ...FIXTURE_ANNOTATIONS[0].quote, exact: p },
    note: p,
    tags: [p.slice(0, 100)],
  }));
  const docs = new Map(FIXTURE_DOCS.map((d) => [d.id, { ...d, title: `${d.title} <script>window.__pwned=9</script>` }]));
  const html = exportSync('html', fixtureInput({ annotations, docs, title: '<img src=x onerror=alert(1)>' })).text;
  const { tags } = parseHtml(html);

  it('has no script, iframe, object, embed, form, base, img, svg or style outside the head', () => {
    const names = new Set(tags.map((t) => t.name));
    for (const bad of ['script', 'iframe', 'object', 'embed', 'form', 'base', 'img', 'svg', 'math', 'button', 'link']) {
      expect(names.has(bad), bad).toBe(false);
    }
    expect(tags.filter((t) => t.name === 'style')).toHaveLength(1);
    expect(tags.filter((t) => t.name === 'meta' && t.attrs['http-equiv']?.toLowerCase() === 'refresh')).toHaveLength(0);
  });

  it('has no event-handler attributes and only safe link schemes', () => {
    for (const t of tags) {
      for (const [k, v] of Object.entries(t.attrs)) {
        expect(k.startsWith('on'), `${t.name} ${k}`).toBe(false);
        if (k === 'href' || k === 'src' || k === 'action') {
          expect(v, `${t.name} ${k}`).toMatch(/^(https?:|mailto:|archive-reader:|#)/);
        }
        if (k === 'style') expect(v).toMatch(/^--swatch: #[0-9a-f]{3,6}$/i);
      }
    }
  });

  it('declares a CSP that forbids everything but inline styles', () => {
    const csp = tags.find((t) => t.name === 'meta' && t.attrs['http-equiv'] === 'Content-Security-Policy');
    expect(csp?.attrs.content).toBe("default-src 'none'; style-src 'unsafe-inline'");
    // The CSP must come before any content the browser could act on.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<body>'));
  });

  it('still shows the payloads as text, so the person sees what they wrote', () => {
    const { text } = parseHtml(html);
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('<img src=x onerror=window.__pwned=1>');
  });

  it('a hostile link base cannot put javascript: into passage links', () => {
    const out = exportSync('html', fixtureInput({ linkBase: 'javascript:alert(1)//' })).text;
    const hrefs = parseHtml(out).tags.flatMap((t) => (t.attrs.href ? [t.attrs.href] : []));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const h of hrefs) expect(h).toMatch(/^(https?:|archive-reader:)/);
    expect(out).toContain('href="archive-reader://article/');
  });
});

describe('Markdown keeps its structure', () => {
  const md = new MarkdownIt({ html: false });
  const out = exportSync('md', fixtureInput()).text;

  it('front matter is valid YAML with title, date, source and tags', () => {
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(out);
    expect(fm).not.toBeNull();
    const fields: Record<string, unknown> = {};
    let list: string[] | null = null;
    for (const line of fm![1].split('\n')) {
      const item = /^ {2}- (".*")$/.exec(line);
      if (item && list) {
        list.push(JSON.parse(item[1])); // our double-quoted YAML escapes are a subset of JSON's
        continue;
      }
      const kv = /^(\w+):(?: (.*))?$/.exec(line);
      expect(kv, line).not.toBeNull();
      if (kv![2] === undefined) fields[kv![1]] = list = [];
      else if (kv![2] === '[]') fields[kv![1]] = [];
      else fields[kv![1]] = JSON.parse(kv![2]);
    }
    expect(fields.title).toBe('Fixture excerpts: "quotes", #hash & <tags>');
    expect(fields.date).toBe('2026-01-15');
    expect(typeof fields.source).toBe('string');
    expect(fields.tags).toContain('Центральная-Азия');
    expect((fields.tags as string[]).every((t) => !/\s/.test(t))).toBe(true);
  });

  it('yamlString escapes line breaks and quotes that would end the scalar', () => {
    expect(yamlString('a"b\\c\nd\u2028e')).toBe('"a\\"b\\\\c\\nd\\u2028e"');
  });

  it('each excerpt is exactly one top-level blockquote, and quotes add no headings, lists, links or HTML', () => {
    const tokens = md.parse(out.replace(/^---[\s\S]*?\n---\n/, ''), {});
    const topQuotes = tokens.filter((t) => t.type === 'blockquote_open' && t.level === 0);
    expect(topQuotes).toHaveLength(FIXTURE_ANNOTATIONS.length);
    const headings = tokens.filter((t) => t.type === 'heading_open').map((t) => t.level);
    // One h1 (title) + one h2 per run of articles; none nested inside quotes.
    expect(headings.every((l) => l === 0)).toBe(true);
    expect(tokens.filter((t) => t.type === 'bullet_list_open' || t.type === 'ordered_list_open')).toHaveLength(0);
    const html = md.render(out);
    expect(html).not.toMatch(/<a href="javascript:/i);
    expect(html).toContain('# Not a heading *not bold* [not a link](javascript:alert(1)) | a | table |');
  });

  it('escapeMarkdownText round-trips through a Markdown renderer as the same text', () => {
    const samples = ['# h', '- item', '1. one', '***', '> q', '`c`', 'a *b* _c_', '[l](u)', '<b>', 'a | b', '==m==', '&amp;', '    indented'];
    for (const s of samples) {
      const rendered = md.renderInline(escapeMarkdownText(s));
      const unescaped = rendered.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      expect(unescaped, s).toBe(s.trimStart());
    }
  });

  it('notes keep Markdown but lose raw HTML and dangerous link schemes (not inside code)', () => {
    const n = neutralizeNoteHtml('**b** <img src=x onerror=y> [x](javascript:y) `<i>` <https://ok.example>\n```\n<script>\n```');
    expect(n).toBe('**b** &lt;img src=x onerror=y> [x](unsafe-javascript:y) `<i>` <https://ok.example>\n```\n<script>\n```');
  });
});

/** A strict RFC 4180 reader, as the oracle for the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (cell += c), i++;
    } else if (c === '"' && cell === '') (quoted = true), i++;
    else if (c === ',') row.push(cell), (cell = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 2);
    else if (c === '"' || c === '\r' || c === '\n') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else (cell += c), i++;
  }
  if (cell || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

describe('CSV', () => {
  const text = exportSync('csv', fixtureInput()).text;
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));

  it('one header row and one row per excerpt, every row the same width', () => {
    expect(rows).toHaveLength(FIXTURE_ANNOTATIONS.length + 1);
    expect(rows[0][0]).toBe('annotation_id');
    for (const r of rows) expect(r).toHaveLength(rows[0].length);
  });

  it('cells round-trip (commas, quotes, CRLF inside a quote) and formulas are neutralized', () => {
    const csvRow = rows.find((r) => r[0] === 'a4-csv')!;
    const col = (name: string) => csvRow[rows[0].indexOf(name)];
    expect(col('quote')).toBe(`'${FIXTURE_ANNOTATIONS[3].quote.exact}`);
    expect(col('note')).toBe("'+cmd|' /C calc'!A0");
    expect(col('tags')).toBe("'@SUM(1+1); -minus");
    expect(col('colour')).toBe('Doubt "why?"');
    const undated = rows.find((r) => r[0] === 'a7-undated')!;
    expect(undated[rows[0].indexOf('quote')]).toBe("'-starts with a minus and\ttab");
    // No cell of the file starts with a formula character.
    for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralizes each formula lead character and leaves other cells alone', () => {
    for (const c of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1']) expect(neutralizeFormula(c)).toBe(`'${c}`);
    expect(neutralizeFormula('1-1')).toBe('1-1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});

describe('CSL-JSON', () => {
  it('one article-newspaper item per cited article, with date parts, publisher and link', () => {
    const items = JSON.parse(exportSync('csl', fixtureInput()).text) as Array<Record<string, unknown>>;
    expect(items.map((i) => i.id).sort()).toEqual(
      ['csto-2013-05-28-minsk', 'csto-2019-11-29-bishkek', 'csto-2024-02-01-ru', 'csto-removed-article', 'csto-undated'].sort(),
    );
    const minsk = items.find((i) => i.id === 'csto-2013-05-28-minsk')!;
    expect(minsk).toMatchObject({
      type: 'article-newspaper',
      publisher: 'Collective Security Treaty Organization',
      issued: { 'date-parts': [[2013, 5, 28]] },
      URL: 'archive-reader://article/csto-2013-05-28-minsk',
    });
    expect(items.find((i) => i.id === 'csto-undated')!.issued).toBeUndefined();
  });
});

describe('progress', () => {
  it('reports progress up to the total and ends at total', () => {
    const many = Array.from({ length: 1234 }, (_, i) => ({ ...FIXTURE_ANNOTATIONS[0], id: `n${i}` }));
    const seen: number[] = [];
    exportSync('md', fixtureInput({ annotations: many }), (done, total) => {
      expect(total).toBe(1234);
      seen.push(done);
    });
    expect(seen).toEqual([500, 1000, 1234]);
  });
});
