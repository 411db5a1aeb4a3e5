/**
 * The library as it was last drawn, shown at the next start while the app
 * loads (the idea of VS Code's workbench splash).
 *
 * On two slow cores the page's own start, the app's modules and React's first
 * render take 500-900 ms before the app can draw a row (docs/benchmarks.md).
 * The library's first screen is also what the person saw when they last left
 * it, so its markup is kept in localStorage, and a small script that runs as
 * the page is parsed puts it in `#root` (start-snapshot-show.ts): the rows are
 * in the first paint. The app replaces it with its own first render (React
 * empties the root when it mounts), drawn from the host's answers.
 *
 * The copy is only a picture:
 *  - it is `inert` (no focus, no clicks, out of the accessibility tree), so
 *    nothing typed or clicked before the app is ready is lost;
 *  - it is shown only at the address it was taken at (the same library view,
 *    filters and order), and only a list scrolled to the top is kept;
 *  - it names the archive it shows, and main.tsx takes it down as soon as the
 *    host says another archive is open (switching archives forgets it too).
 *
 * The markup is the app's own DOM serialized by the browser (text escaped),
 * and the page's CSP allows no inline script or handler, so it can paint
 * nothing but markup and styles.
 */
import { SNAPSHOT_ATTR, SNAPSHOT_KEY, SNAPSHOT_VERSION, startAddress, type StartSnapshot } from './start-snapshot-show';

/** A library screen is 20-40 kB; far more means something unexpected is on it, and it is not kept. */
const MAX_CHARS = 200_000;
/** What this window last wrote: the page going after the timer's save writes nothing new. */
let written: string | null = null;

/** The archive the picture in `root` shows, or null when the app (or nothing) is there. */
export function startSnapshotArchive(root: HTMLElement): string | null {
  return root.firstElementChild?.getAttribute(SNAPSHOT_ATTR) ?? null;
}

/** Takes the picture down (the host named another archive): the app's loading state follows. */
export function dropStartSnapshot(root: HTMLElement): void {
  if (startSnapshotArchive(root) !== null) root.replaceChildren();
}

/**
 * Keeps the library screen now in `root` for the next start. Only a library
 * the app drew (not the picture itself), at the top of its list, with rows
 * and no dialog or toast open, is kept.
 */
export function saveStartSnapshot(root: HTMLElement, archiveId: string): void {
  const address = startAddress(location.hash);
  if (!address.startsWith('#/library') || startSnapshotArchive(root) !== null) return;
  // A dialog or a toast belongs to that moment, not to the screen a start comes back to.
  if (root.querySelector('dialog[open], [role="dialog"], [role="alertdialog"], .ann-toast')) return;
  const list = root.querySelector('.list-scroll');
  if (!list || list.scrollTop > 0 || !list.querySelector('.row-link')) return;
  const html = withFormState(root).innerHTML;
  if (html.length > MAX_CHARS) return;
  const page = document.documentElement;
  const snap: StartSnapshot = { v: SNAPSHOT_VERSION, address, archiveId, html, theme: page.dataset.theme ?? '', colorScheme: page.style.colorScheme };
  const text = JSON.stringify(snap);
  if (text === written) return;
  try {
    localStorage.setItem(SNAPSHOT_KEY, text);
    written = text;
  } catch {
    // Storage full or denied: the next start draws the library without it, as before.
  }
}

/**
 * A copy of `root` whose fields show what they show now. React sets a select's
 * choice, a field's text and a box's tick as properties, which markup does not
 * carry: the picture would show the first sort order, not the one chosen.
 */
function withFormState(root: HTMLElement): HTMLElement {
  const copy = root.cloneNode(true) as HTMLElement;
  const copied = copy.querySelectorAll('select, input, textarea');
  root.querySelectorAll('select, input, textarea').forEach((field, i) => {
    const to = copied[i];
    if (field instanceof HTMLSelectElement) {
      Array.from((to as HTMLSelectElement).options).forEach((o, k) => o.toggleAttribute('selected', field.options[k]?.selected ?? false));
    } else if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
      to.toggleAttribute('checked', field.checked);
    } else if (field instanceof HTMLInputElement) {
      to.setAttribute('value', field.value);
    } else if (field instanceof HTMLTextAreaElement) {
      to.textContent = field.value;
    }
  });
  return copy;
}

/** Forgets the picture (the window is about to open another archive). */
export function forgetStartSnapshot(): void {
  written = null;
  try {
    localStorage.removeItem(SNAPSHOT_KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
