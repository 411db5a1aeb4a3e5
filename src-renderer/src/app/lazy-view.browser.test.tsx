/**
 * Views in chunks of their own (lazy-view.tsx), in real Chromium and React: a
 * view not loaded yet shows its loading state, then itself; a view already
 * loaded shows at once; and re-rendering the shell never remounts a view
 * (what is typed into it stays).
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, test, vi } from 'vitest';
import { lazyView } from './lazy-view';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
import type { Chunk } from './views';

function Field({ label }: { label: string }) {
  const [value, setValue] = useState('');
  return <input aria-label={label} value={value} onChange={(e) => setValue(e.target.value)} />;
}
type Mod = { Field: typeof Field };

function manualChunk(): Chunk<Mod> & { resolve: () => void } {
  let mod: Mod | null = null;
  let resolve = () => undefined as void;
  const pending = new Promise<Mod>((r) => (resolve = () => r((mod = { Field }))));
  return { load: () => pending, loaded: () => mod, resolve: () => resolve() };
}

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});
function mount(node: React.ReactNode) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(node));
}

test('a view not loaded yet shows its loading state, then the view; re-rendering keeps what was typed', async () => {
  const chunk = manualChunk();
  const View = lazyView(chunk, (m) => m.Field, 'Loading the field…');
  mount(<View label="first" />);
  expect(host!.textContent).toContain('Loading the field…');
  await act(async () => chunk.resolve());
  await vi.waitFor(() => expect(host!.querySelector('input')).not.toBeNull());
  const input = host!.querySelector('input')!;
  act(() => {
    input.focus();
    document.execCommand('insertText', false, 'Minsk');
  });
  expect(input.value).toBe('Minsk');
  act(() => root!.render(<View label="first" />));
  expect(host!.querySelector('input')).toBe(input);
  expect(input.value).toBe('Minsk');
});

test('a view whose chunk is already loaded is shown in its first render, without a loading state', async () => {
  const chunk = manualChunk();
  chunk.resolve();
  await chunk.load();
  const View = lazyView(chunk, (m) => m.Field, 'Loading the field…');
  mount(<View label="second" />);
  expect(host!.textContent).not.toContain('Loading');
  expect(host!.querySelector('input[aria-label="second"]')).not.toBeNull();
});
