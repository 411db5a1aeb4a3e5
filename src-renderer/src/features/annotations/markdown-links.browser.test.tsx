/**
 * Links in a rendered note, clicked in real Chromium: where the host opens
 * links itself (Electron supplies OpenExternalContext), http(s) and mailto:
 * links go to it, after the click; other schemes never navigate.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createRoot, type Root } from 'react-dom/client';
import { act } from 'react';
import { MarkdownView, OpenExternalContext } from './MarkdownView';

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function mount(source: string, opened: string[]) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <OpenExternalContext.Provider value={(url) => void opened.push(url)}>
        <MarkdownView source={source} />
      </OpenExternalContext.Provider>,
    ),
  );
}

test('a mailto: link in a note goes to the host after a click, like an https link', async () => {
  const opened: string[] = [];
  mount('Write to [the editor](mailto:editor@example.org?subject=Minsk) or read [the site](https://example.org/).', opened);
  // The note is rendered once it is near the screen and the Markdown pipeline has loaded.
  await vi.waitFor(() => expect(host!.querySelectorAll('a')).toHaveLength(2));
  expect(opened).toEqual([]);
  await userEvent.click(host!.querySelector('a[href^="mailto:"]')!);
  await userEvent.click(host!.querySelector('a[href^="https:"]')!);
  expect(opened).toEqual(['mailto:editor@example.org?subject=Minsk', 'https://example.org/']);
  expect(location.href).not.toMatch(/^mailto:/);
});

test('a note far below the screen stays plain text until it is scrolled near, then is rendered', async () => {
  host = document.createElement('div');
  host.style.cssText = 'height: 200px; overflow: auto';
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <>
        <div style={{ height: '5000px' }} />
        <MarkdownView source={'**Far** note with [a link](https://example.org/)'} />
      </>,
    ),
  );
  const note = () => host!.querySelector('.markdown')!;
  await new Promise((r) => setTimeout(r, 300));
  expect(note().classList.contains('markdown-pending')).toBe(true);
  expect(note().textContent).toBe('**Far** note with [a link](https://example.org/)');
  expect(note().querySelector('a, strong')).toBeNull();
  note().scrollIntoView();
  await vi.waitFor(() => expect(note().querySelector('strong')?.textContent).toBe('Far'));
  expect(note().classList.contains('markdown-pending')).toBe(false);
  expect(note().querySelector('a')?.getAttribute('href')).toBe('https://example.org/');
});
