/**
 * An in-app link: a real `<a href="#/…">` (so it can be copied, opened in a
 * new tab and read as a link by screen readers) whose plain click goes
 * through the router.
 */
import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { formatRoute, type Route } from './routes';
import { linkClick } from './router';

export function Link({
  to,
  replace = false,
  children,
  ...rest
}: { to: Route; replace?: boolean; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a href={formatRoute(to)} onClick={linkClick(to, { replace })} {...rest}>
      {children}
    </a>
  );
}
