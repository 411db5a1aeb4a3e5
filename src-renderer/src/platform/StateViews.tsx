/**
 * The three states every view can be in besides "here is your content":
 * loading, empty and error. One look for all of them, so the app feels calm
 * and consistent when the archive is slow, empty or broken.
 */
import type { ReactNode } from 'react';
import type { AppError } from '../../../src-main/shared/result';

export function LoadingState({ label, detail }: { label: string; detail?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <p className="state-title">{label}</p>
      {detail ? <p className="state-text">{detail}</p> : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <svg className="state-art" viewBox="0 0 64 64" aria-hidden="true">
        <rect x="14" y="10" width="36" height="44" rx="4" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M22 22h20M22 30h20M22 38h12" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <p className="state-title">{title}</p>
      {children ? <div className="state-text">{children}</div> : null}
    </div>
  );
}

/** Drops a message's opening words when they only repeat the title ("X failed: X failed: why"). */
export function detail(title: string, message: string): string {
  const t = title.replace(/[.:]$/, '').toLowerCase();
  if (message.toLowerCase().startsWith(t)) {
    const rest = message.slice(t.length).replace(/^[\s.:—-]+/, '');
    if (rest) return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return message;
}

export function ErrorState({ title, error, onRetry }: { title: string; error: AppError; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      <p className="state-text">{detail(title, error.message)}</p>
      {onRetry ? (
        <div className="state-actions">
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : null}
    </div>
  );
}
