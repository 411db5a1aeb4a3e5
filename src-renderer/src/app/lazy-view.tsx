/**
 * A view whose code is in a chunk of its own (views.ts): shown at once when
 * the chunk has already loaded (prefetched), else a loading state until it
 * arrives. React.lazy's factory runs once, at the view's first render: when
 * the module is in memory by then, it answers with a thenable that calls back
 * at once, which React reads without suspending (no spinner frame before an
 * article the first time it is opened). The element type never changes
 * afterwards, so the view is never remounted.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingState } from '../platform/StateViews';
import type { Chunk } from './views';

export function lazyView<M, P extends object>(chunk: Chunk<M>, pick: (m: M) => ComponentType<P>, label: string): ComponentType<P> {
  const Lazy = lazy(() => {
    const mod = chunk.loaded();
    if (!mod) return chunk.load().then((m) => ({ default: pick(m) }));
    const now = { default: pick(mod) };
    // Already loaded: a thenable that calls back synchronously (React then renders without suspending).
    return { then: (resolve: (v: typeof now) => void) => resolve(now) } as unknown as Promise<typeof now>;
  });
  function LazyView(props: P) {
    return (
      <Suspense fallback={<LoadingState label={label} />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyView;
}
