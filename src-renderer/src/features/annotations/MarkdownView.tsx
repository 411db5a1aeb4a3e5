/**
 * Shows a Markdown note rendered by the notes core's one Markdown pipeline (sanitized). Links open
 * outside the app: they carry target="_blank", and a click on one that is not
 * http(s)/mailto is stopped here as a second guard. In Electron, where the
 * main process refuses new windows, the app supplies OpenExternalContext and
 * an http(s) link goes to the system browser, a mailto: link to the system's
 * mail program, through the contract's openExternal (after the click).
 *
 * Rendered only when it comes near the screen, and the pipeline (markdown-it
 * and sanitize-html, a chunk of their own) is loaded then: opening an article
 * with hundreds of notes renders the few in view, after the text is painted.
 * Until then the note shows as its plain text (the same words, inert).
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';

type MarkdownModule = typeof import('../../../../src-main/shared/notes/markdown');

let markdown: MarkdownModule | null = null;
let loading: Promise<MarkdownModule> | null = null;

/** The Markdown pipeline's module, loaded once (a failed load is tried again next time). */
export function loadMarkdown(): Promise<MarkdownModule> {
  return (loading ??= import('../../../../src-main/shared/notes/markdown').then(
    (m) => (markdown = m),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  ));
}

/** How far outside the screen a note is rendered ahead of being scrolled to. */
const NEAR_SCREEN = '400px';

/** This host's way to open an http(s) link outside the app; null: the browser's own target=_blank. */
export const OpenExternalContext = createContext<((url: string) => void) | null>(null);

export function MarkdownView({ source, className }: { source: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [md, setMd] = useState(markdown);
  const html = useMemo(() => (near && md ? md.renderMarkdown(source) : null), [near, md, source]);
  const openExternal = useContext(OpenExternalContext);

  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: NEAR_SCREEN });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  useEffect(() => {
    if (!near || md) return;
    let live = true;
    loadMarkdown().then(
      (m) => live && setMd(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [near, md]);

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as Element).closest('a');
    if (!a) return;
    const href = a.getAttribute('href') ?? '';
    if (!/^(?:https?:|mailto:)/i.test(href)) return e.preventDefault();
    if (openExternal && /^(?:https?|mailto):/i.test(href)) {
      e.preventDefault();
      openExternal(href);
    }
  };
  const classes = className ? `markdown ${className}` : 'markdown';
  if (html === null) {
    return (
      <div ref={ref} key="pending" className={`${classes} markdown-pending`}>
        {source}
      </div>
    );
  }
  return (
    <div
      ref={ref}
      key="rendered"
      className={classes}
      onClick={onClick}
      // Sanitized by renderMarkdown (markdown-it without HTML + sanitize-html allow-list, src-main/shared/notes/markdown.ts).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
