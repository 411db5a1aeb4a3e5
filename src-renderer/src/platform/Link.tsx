/**
 * An in-app link: a real `<a href="#/…">` (so it can be copied, opened in a
 * new tab and read as a link by screen readers) whose plain click goes
 * through the router. A link to an article asks for it ahead when the
 * pointer rests on it or goes down (doc-ahead.ts).
 */
import { useRef, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { useApiIfAny } from './api-context';
import { askAhead } from './doc-ahead';
import { formatRoute, type Route } from './routes';
import { linkClick } from './router';

/** A pointer passing over a list is not a person about to open: ask only after it rests this long. */
const REST_MS = 80;

export function Link({
  to,
  replace = false,
  children,
  ...rest
}: { to: Route; replace?: boolean; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const api = useApiIfAny();
  const resting = useRef<ReturnType<typeof setTimeout>>(undefined);
  const ask = to.name === 'article' && api ? () => askAhead(api, to.id) : undefined;
  const ahead = ask
    ? {
        onPointerEnter: () => {
          clearTimeout(resting.current);
          resting.current = setTimeout(ask, REST_MS);
        },
        onPointerLeave: () => clearTimeout(resting.current),
        onPointerDown: ask,
      }
    : {};
  return (
    <a href={formatRoute(to)} onClick={linkClick(to, { replace })} {...ahead} {...rest}>
      {children}
    </a>
  );
}
