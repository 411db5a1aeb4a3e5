/**
 * Shows a Markdown note rendered by the notes core's one Markdown pipeline (sanitized). Links open
 * outside the app: they carry target="_blank", and a click on one that is not
 * http(s)/mailto is stopped here as a second guard. In Electron, where the
 * main process refuses new windows, the app supplies OpenExternalContext and
 * an http(s) link goes to the system browser, a mailto: link to the system's
 * mail program, through the contract's openExternal (after the click).
 */
import { createContext, useContext, useMemo, type MouseEvent } from 'react';
import { renderMarkdown } from '../../../../src-main/shared/notes/markdown';

/** How this host opens an http(s) link outside the app; null: the browser's own target=_blank. */
export const OpenExternalContext = createContext<((url: string) => void) | null>(null);

export function MarkdownView({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const openExternal = useContext(OpenExternalContext);
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
  return (
    <div
      className={className ? `markdown ${className}` : 'markdown'}
      onClick={onClick}
      // Sanitized by renderMarkdown (markdown-it without HTML + sanitize-html allow-list, src-main/shared/notes/markdown.ts).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
