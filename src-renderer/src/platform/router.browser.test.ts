/**
 * The router's address writes, in a real Chromium's history: typing-driven
 * (`replace`) navigations reach the screen at once and the address once the
 * typing pauses; nothing typed is lost to a push, a Back or the page going.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADDRESS_PAUSE_MS, currentAddress, currentRoute, navigate } from './router';

const search = (q: string) => ({ name: 'search', q }) as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const popped = () => new Promise<void>((r) => addEventListener('popstate', () => r(), { once: true }));

let writes: string[] = [];
const realReplace = history.replaceState.bind(history);

beforeEach(async () => {
  navigate({ name: 'library' });
  await sleep(ADDRESS_PAUSE_MS + 50);
  writes = [];
  vi.spyOn(history, 'replaceState').mockImplementation((state, unused, url) => {
    writes.push(String(url));
    realReplace(state, unused, url);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the address while typing', () => {
  it('shows each keystroke at once and writes the address once, when the typing pauses', async () => {
    navigate(search('b'));
    for (const q of ['bo', 'bor', 'bord']) {
      await sleep(40);
      navigate(search(q), { replace: true });
      expect(currentRoute()).toEqual(expect.objectContaining({ name: 'search', q }));
    }
    expect(decodeURIComponent(location.hash)).toBe('#/search?q=b');
    expect(currentAddress()).toBe('#/search?q=bord');
    await sleep(ADDRESS_PAUSE_MS + 100);
    expect(decodeURIComponent(location.hash)).toBe('#/search?q=bord');
    expect(writes).toEqual(['#/search?q=bord']);
  });

  it('a push writes the typed address first, so Back returns to the last query typed', async () => {
    navigate(search('b'));
    navigate(search('border'), { replace: true });
    navigate({ name: 'article', id: 'a1' });
    expect(location.hash).toBe('#/article/a1');
    const back = popped();
    history.back();
    await back;
    expect(decodeURIComponent(location.hash)).toBe('#/search?q=border');
    expect(currentRoute()).toEqual(expect.objectContaining({ name: 'search', q: 'border' }));
  });

  it('Back while an address waits leaves the entry it arrives at as it was', async () => {
    navigate(search('b'));
    navigate(search('bo'), { replace: true });
    const back = popped();
    history.back();
    await back;
    expect(location.hash).toBe('#/library');
    expect(currentRoute().name).toBe('library');
    await sleep(ADDRESS_PAUSE_MS + 100);
    expect(location.hash).toBe('#/library');
    expect(writes).toEqual([]);
  });

  it('the page going writes the address at once', () => {
    navigate(search('b'));
    navigate(search('border'), { replace: true });
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(decodeURIComponent(location.hash)).toBe('#/search?q=border');
  });
});
