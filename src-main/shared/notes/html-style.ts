/**
 * The typography of exported HTML (and dossiers): a readable serif column like
 * the reader's, colour swatches for highlight names, and print rules (no link
 * underlines eating ink, excerpts not split across pages). Inline only: the
 * exported file's CSP allows inline styles and nothing else.
 */
export const EXPORT_CSS = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 42rem; padding: 2.5rem 1.5rem 4rem; font: 1.0625rem/1.65 "Literata Variable", Literata, Charter, "Iowan Old Style", Georgia, "Noto Serif", serif; color: #1f2328; background: #fffdf8; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.5rem 0 .25rem; border-bottom: 1px solid #e5e0d5; padding-bottom: .25rem; }
.meta, .doc-meta { color: #6a6f76; font: .85rem/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, "Noto Sans", Roboto, Arial, sans-serif; margin: 0 0 1rem; }
.excerpt { margin: 1.25rem 0 1.75rem; break-inside: avoid; }
.excerpt blockquote { margin: 0; padding: .5rem 1rem; border-left: .3rem solid var(--swatch, #ffe066); background: #faf7ef; }
.excerpt blockquote p { margin: .4rem 0; }
.note { margin: .6rem 0 0 1.3rem; }
.note p:first-child { margin-top: 0; }
.note pre { white-space: pre-wrap; background: #f2efe8; padding: .5rem; }
code, pre { font: .85em/1.5 ui-monospace, "SF Mono", "Cascadia Code", Menlo, Consolas, "Liberation Mono", monospace; }
.tags, .cite { font: .85rem/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, "Noto Sans", Roboto, Arial, sans-serif; color: #4b5058; margin: .4rem 0 0 1.3rem; }
.tag { display: inline-block; padding: 0 .45rem; margin-right: .3rem; border-radius: .6rem; background: #eef0f3; }
.swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%; background: var(--swatch, #ffe066); vertical-align: -.05rem; margin-right: .25rem; }
a { color: #0b5cad; }
sup a { text-decoration: none; }
.footnotes { margin-top: 3rem; border-top: 1px solid #e5e0d5; font-size: .9rem; }
.dossier-heading { margin-top: 2.5rem; }
[lang="ru"] { hyphens: auto; }
@media print {
  body { background: #fff; max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .excerpt blockquote { background: none; }
  h2 { break-after: avoid; }
}
`.trim();

/** The Content-Security-Policy of exported files: styles inline, nothing else at all. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";
