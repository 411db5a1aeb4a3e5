/**
 * The library list at archive scale, in a real Chromium: 50,000 items render
 * only the rows in view, fetch pages only as they scroll into view, and
 * keyboard selection still reaches any row.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, test } from 'vitest';
import type { ListResponse } from '../../../../src-main/shared/contract';
import type { DocSummary } from '../../../../src-main/shared/model';
import type { Result } from '../../../../src-main/shared/result';
import '../../styles/index.css';
import { LibraryList, ROW_HEIGHT } from './LibraryList';
import { PagedList } from './paged-list';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TOTAL = 50_000;

function summary(i: number): DocSummary {
  return {
    id: `doc-${i}`,
    kind: i % 3 === 0 ? 'article' : 'brief',
    title: i % 2 === 0 ? `Synthetic item ${i}` : `Synthetic item ${i}: ${'a headline long enough to need more than one line of the row '.repeat(3)}`,
    ...(i % 5 === 4 ? {} : { summary: `The first sentence of item ${i}, which says what it is about.` }),
    published: '2020-01-01',
    eventDate: null,
    source: 'synthetic.txt',
    languages: ['en'],
    year: 2020,
  };
}

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

async function mount(fetched: number[]): Promise<{ list: PagedList; scroller: HTMLElement }> {
  const fetchPage = async (offset: number, limit: number): Promise<Result<ListResponse>> => {
    fetched.push(offset);
    const items = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) => summary(offset + k));
    return { ok: true, value: { items, total: TOTAL } };
  };
  let rerender = () => undefined as void;
  const list = new PagedList(fetchPage, () => rerender());
  await list.start();
  host = document.createElement('div');
  host.style.cssText = 'display:flex;flex-direction:column;height:600px;width:800px';
  document.body.append(host);
  root = createRoot(host);
  const render = () => root!.render(<LibraryList list={list} listKey="synthetic" label="Library items" />);
  rerender = () => act(render);
  act(render);
  await settle();
  return { list, scroller: host.querySelector<HTMLElement>('.list-scroll')! };
}

const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 50)));

test('50,000 items: only the rows in view are in the DOM', async () => {
  const fetched: number[] = [];
  const { scroller } = await mount(fetched);
  const rows = () => scroller.querySelectorAll('[role="listitem"]');
  expect(rows().length).toBeGreaterThan(5);
  expect(rows().length).toBeLessThan(60);
  expect(rows()[0]!.getAttribute('aria-setsize')).toBe(String(TOTAL));
  expect(rows()[0]!.textContent).toContain('Synthetic item 0');
  // The scrollbar covers every item from the start.
  expect(scroller.scrollHeight).toBeGreaterThan(TOTAL * 50);
});

test('scrolling to the end loads only the pages in view and shows the last item', async () => {
  const fetched: number[] = [];
  const { scroller } = await mount(fetched);
  scroller.scrollTop = scroller.scrollHeight;
  for (let i = 0; i < 20 && !scroller.textContent?.includes(`Synthetic item ${TOTAL - 1}`); i++) await settle();
  expect(scroller.textContent).toContain(`Synthetic item ${TOTAL - 1}`);
  expect(scroller.querySelectorAll('[role="listitem"]').length).toBeLessThan(60);
  // The first page, and the one or two pages at the end: never the 250 in between.
  expect(fetched.length).toBeLessThanOrEqual(4);
  expect(fetched).toContain(0);
});

test('j moves the selection and focus down the list, k back up', async () => {
  const fetched: number[] = [];
  const { scroller } = await mount(fetched);
  const press = async (key: string) => {
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    await settle();
  };
  // The list registers j/k as view keys; the app's window listener dispatches them.
  const { useGlobalKeys } = await import('../../platform/shortcuts');
  const keysHost = document.createElement('div');
  document.body.append(keysHost);
  const keysRoot = createRoot(keysHost);
  function Keys() {
    useGlobalKeys({ focusSearch: () => undefined, back: () => undefined });
    return null;
  }
  act(() => keysRoot.render(<Keys />));
  await press('j');
  await press('j');
  await press('j');
  expect(document.activeElement?.textContent).toContain('Synthetic item 2');
  await press('k');
  expect(document.activeElement?.textContent).toContain('Synthetic item 1');
  expect(scroller.querySelector('.list-row.active')?.textContent).toContain('Synthetic item 1');
  act(() => keysRoot.unmount());
  keysHost.remove();
});

test('each row shows its first sentence under the title, and every row is the same height', async () => {
  const { scroller } = await mount([]);
  const rows = [...scroller.querySelectorAll<HTMLElement>('[role="listitem"]')].slice(0, 6);
  for (const row of rows) {
    const i = Number(row.dataset.index);
    const title = row.querySelector<HTMLElement>('.row-title')!;
    const meta = row.querySelector<HTMLElement>('.row-meta')!;
    const line = row.querySelector<HTMLElement>('.row-summary');
    if (i % 5 === 4) expect(line).toBeNull();
    else {
      expect(line!.textContent).toBe(`The first sentence of item ${i}, which says what it is about.`);
      // Under the title, above the date, on one line, and wholly inside the row.
      expect(line!.getBoundingClientRect().top).toBeGreaterThanOrEqual(title.getBoundingClientRect().bottom - 1);
      expect(line!.getBoundingClientRect().height).toBeLessThan(24);
      // A long title keeps to one line when there is a summary under it.
      expect(title.getBoundingClientRect().height).toBeLessThan(24);
    }
    expect(meta.getBoundingClientRect().bottom).toBeLessThanOrEqual(row.getBoundingClientRect().bottom);
    expect(row.getBoundingClientRect().height).toBe(ROW_HEIGHT);
  }
});

test('a fling that moves more than a screen per frame draws only the rows on screen, and the rows either side once it stops', async () => {
  const { scroller } = await mount([]);
  const rows = () => scroller.querySelectorAll('[role="listitem"]').length;
  const onScreen = Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 1;
  const during: number[] = [];
  for (let i = 1; i <= 5; i++) {
    await act(async () => {
      scroller.scrollTop = i * 8000;
      await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    });
    during.push(rows());
  }
  // Every frame's rows were new: none drawn ahead of the screen.
  for (const n of during) expect(n, `rows in each frame of the fling: ${during.join(', ')}`).toBeLessThanOrEqual(onScreen + 2);
  // At rest again (the virtualizer's scrolling state ends 150 ms after the last scroll): rows either side for the next screenful.
  await act(() => new Promise<void>((r) => setTimeout(r, 400)));
  expect(rows()).toBeGreaterThanOrEqual(onScreen + 20);
  expect(scroller.textContent).toContain(`Synthetic item ${Math.floor(40_000 / ROW_HEIGHT)}`);
});
