/**
 * A view whose code is in a chunk of its own (views.ts): rendered at once when
 * the chunk has loaded (prefetched, or shown before), else a loading state
 * until it arrives. React.lazy alone would suspend on every first render, even
 * for a chunk already in memory: one more frame and a flash of the spinner on
 * opening an article.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingState } from '../platform/StateViews';
import type { Chunk } from './views';

export function lazyView<M, P extends object>(chunk: Chunk<M>, pick: (m: M) => ComponentType<P>, label: string): ComponentType<P> {
  const Lazy = lazy(() => chunk.load().then((m) => ({ default: pick(m) })));
  function LazyView(props: P) {
    const mod = chunk.loaded();
    if (mod) {
      const View = pick(mod);
      return <View {...props} />;
    }
    return (
      <Suspense fallback={<LoadingState label={label} />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyView;
}
