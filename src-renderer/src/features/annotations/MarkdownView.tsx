/**
 * Shows a Markdown note rendered through markdown.ts (sanitized). Links open
 * outside the app: they carry target="_blank", and a click on one that is not
 * http(s)/mailto is stopped here as a second guard.
 */
import { useMemo, type MouseEvent } from 'react';
import { renderMarkdown } from './markdown';

export function MarkdownView({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as Element).closest('a');
    if (a && !/^(?:https?:|mailto:)/i.test(a.getAttribute('href') ?? '')) e.preventDefault();
  };
  return (
    <div
      className={className ? `markdown ${className}` : 'markdown'}
      onClick={onClick}
      // Sanitized by renderMarkdown (markdown-it without HTML + DOMPurify allow-list).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
