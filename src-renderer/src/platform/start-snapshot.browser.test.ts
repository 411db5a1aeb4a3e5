/**
 * The picture of the last library screen (start-snapshot.ts), in a real
 * Chromium: what is kept (a library at the top of its list, nothing else),
 * where it is shown again (the same address only), that it takes no focus or
 * clicks, and that it goes when the host names another archive.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropStartSnapshot, forgetStartSnapshot, saveStartSnapshot, startSnapshotArchive } from './start-snapshot';
import { SNAPSHOT_KEY, readStartSnapshot, showStartSnapshot } from './start-snapshot-show';

/** A library screen as the app draws one: a scrolling list of row links. */
function library(rows: string[]): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `<div class="app"><header class="app-header">Archive Reader</header><main class="app-main"><div class="list-scroll" style="height:120px;overflow:auto"><div class="list-inner" style="height:2000px"></div></div></main></div>`;
  const inner = root.querySelector('.list-inner')!;
  rows.forEach((title, i) => {
    // Titles are text, as React sets them.
    inner.insertAdjacentHTML('beforeend', `<div class="list-row" style="transform:translateY(${i * 80}px)"><a class="row-link" href="#/article/${i}"></a></div>`);
    inner.querySelector<HTMLElement>(`.list-row:last-child .row-link`)!.textContent = title;
  });
  document.body.append(root);
  return root;
}

beforeEach(() => {
  location.hash = '#/library';
  forgetStartSnapshot();
});
afterEach(() => {
  document.body.replaceChildren();
  forgetStartSnapshot();
});

describe('keeping the library screen', () => {
  it('keeps the screen with its archive and address, its text escaped, and shows it again inert at the same address', () => {
    const before = library(['Minsk summit', 'A title with <script>window.__pwned = 1</script> in it']);
    saveStartSnapshot(before, 'bundled');
    expect(readStartSnapshot()).toMatchObject({ archiveId: 'bundled', address: '#/library' });

    const root = document.createElement('div');
    document.body.append(root);
    expect(showStartSnapshot(root, '#/library')).toBe(true);
    expect([...root.querySelectorAll('.row-link')].map((a) => a.textContent)).toEqual(['Minsk summit', 'A title with <script>window.__pwned = 1</script> in it']);
    expect(root.querySelector('script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // A picture: nothing in it takes focus or a click until the app replaces it.
    const link = root.querySelector<HTMLAnchorElement>('.row-link')!;
    link.focus();
    expect(document.activeElement).not.toBe(link);
    expect((root.firstElementChild as HTMLElement).inert).toBe(true);
    expect(startSnapshotArchive(root)).toBe('bundled');
  });

  it('shows the fields as they were: the sort order chosen, a box ticked, text typed', () => {
    const before = library(['Row']);
    before.insertAdjacentHTML(
      'afterbegin',
      '<select aria-label="Sort"><option>Newest first</option><option>Oldest first</option></select><input type="checkbox" aria-label="Only starred"><input type="text" aria-label="Filter">',
    );
    // As React sets them: properties, not attributes.
    before.querySelector('select')!.selectedIndex = 1;
    before.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked = true;
    before.querySelector<HTMLInputElement>('input[type="text"]')!.value = 'Minsk';
    saveStartSnapshot(before, 'bundled');
    // The screen itself is left as it was.
    expect(before.querySelector('option[selected]')).toBeNull();
    const root = document.createElement('div');
    showStartSnapshot(root, '#/library');
    expect(root.querySelector('select')!.value).toBe('Oldest first');
    expect(root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[type="text"]')!.value).toBe('Minsk');
  });

  it('is painted in the theme it was taken in, before the app applies the settings', () => {
    const page = document.documentElement;
    page.dataset.theme = 'dark';
    page.style.colorScheme = 'dark';
    saveStartSnapshot(library(['Row']), 'bundled');
    page.dataset.theme = 'light';
    page.style.colorScheme = 'light';
    showStartSnapshot(document.createElement('div'), '#/library');
    expect([page.dataset.theme, page.style.colorScheme]).toEqual(['dark', 'dark']);
  });

  it('a start with no address is the library: the picture taken there shows', () => {
    location.hash = '';
    saveStartSnapshot(library(['Row']), 'bundled');
    const root = document.createElement('div');
    expect(showStartSnapshot(root, '')).toBe(true);
    expect(showStartSnapshot(document.createElement('div'), '#/library')).toBe(true);
  });

  it('is not shown at another address, in a root the app already drew, or when what is stored is damaged', () => {
    saveStartSnapshot(library(['Row']), 'bundled');
    expect(showStartSnapshot(document.createElement('div'), '#/library?sort=title')).toBe(false);
    expect(showStartSnapshot(document.createElement('div'), '#/article/x')).toBe(false);
    const drawn = document.createElement('div');
    drawn.innerHTML = '<p>the app</p>';
    expect(showStartSnapshot(drawn, '#/library')).toBe(false);
    expect(drawn.textContent).toBe('the app');
    localStorage.setItem(SNAPSHOT_KEY, '{"v":1,"address":"#/library"');
    expect(readStartSnapshot()).toBeNull();
    expect(showStartSnapshot(document.createElement('div'), '#/library')).toBe(false);
  });

  it('keeps nothing but a library drawn by the app at the top of its list, with no dialog open', () => {
    // Scrolled down: its rows sit below the top, and the next start opens at the top.
    const scrolled = library(['A', 'B', 'C', 'D']);
    scrolled.querySelector('.list-scroll')!.scrollTop = 200;
    saveStartSnapshot(scrolled, 'bundled');
    expect(readStartSnapshot()).toBeNull();
    // A dialog open over it.
    const withDialog = library(['A']);
    withDialog.insertAdjacentHTML('beforeend', '<div role="dialog" aria-label="Import">…</div>');
    saveStartSnapshot(withDialog, 'bundled');
    expect(readStartSnapshot()).toBeNull();
    // A toast ("Highlight deleted. Undo") showing.
    const withToast = library(['A']);
    withToast.insertAdjacentHTML('beforeend', '<div class="ann-toasts" role="status"><div class="ann-toast">Highlight deleted.</div></div>');
    saveStartSnapshot(withToast, 'bundled');
    expect(readStartSnapshot()).toBeNull();
    // Another view, or a list with no rows yet.
    location.hash = '#/notebook';
    saveStartSnapshot(library(['A']), 'bundled');
    location.hash = '#/library';
    saveStartSnapshot(library([]), 'bundled');
    expect(readStartSnapshot()).toBeNull();
    // The picture itself, still on screen, is not kept again as if the app had drawn it.
    saveStartSnapshot(library(['Kept']), 'bundled');
    const root = document.createElement('div');
    showStartSnapshot(root, '#/library');
    localStorage.removeItem(SNAPSHOT_KEY);
    saveStartSnapshot(root, 'bundled');
    expect(readStartSnapshot()).toBeNull();
  });

  it('goes when the host names another archive; the app`s own screen is never taken down for it', () => {
    saveStartSnapshot(library(['Row']), 'bundled');
    const root = document.createElement('div');
    showStartSnapshot(root, '#/library');
    dropStartSnapshot(root);
    expect(root.childElementCount).toBe(0);
    const app = library(['Row']);
    dropStartSnapshot(app);
    expect(app.querySelector('.row-link')).not.toBeNull();
  });
});
