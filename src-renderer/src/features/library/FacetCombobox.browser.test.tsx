/**
 * The library's "Mentions" filter in a real Chromium, driven by real keys and
 * clicks through LibraryFilters (so what is asserted is the route the library
 * lists by): typing narrows, the keyboard and the mouse pick, Escape and Tab
 * leave the filter alone, accents and Cyrillic match, and however many values
 * the archive names, the page holds at most the cap.
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../styles/index.css';
import type { FacetsResponse } from '../../../../src-main/shared/contract';
import type { LibraryRoute } from '../../platform/routes';
import { FacetCombobox } from './FacetCombobox';
import { LibraryFilters } from './LibraryFilters';
import { listRequest } from './library-query';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const facets = (over: Partial<FacetsResponse> = {}): FacetsResponse => ({
  years: [{ year: 2015, count: 9 }],
  undated: 0,
  kinds: [{ kind: 'article', count: 9 }],
  people: [
    { value: 'Sergey Lavrov', count: 40 },
    { value: 'Vladimir Putin', count: 90 },
    { value: 'Lavrentiy Beria', count: 2 },
  ],
  places: [
    { value: 'Москва', count: 30 },
    { value: 'Minsk', count: 60 },
    { value: 'São Paulo', count: 3 },
  ],
  organizations: [{ value: 'CSTO', count: 120 }],
  sections: [],
  ...over,
});

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function mount(f: FacetsResponse, start: LibraryRoute = { name: 'library' }) {
  host = document.createElement('div');
  document.body.append(host);
  let current: LibraryRoute = start;
  const changes: LibraryRoute[] = [];
  function Harness() {
    const [route, setRoute] = useState<LibraryRoute>(start);
    current = route;
    return (
      <LibraryFilters
        route={route}
        facets={f}
        onChange={(next) => {
          changes.push(next);
          setRoute(next);
        }}
      />
    );
  }
  root = createRoot(host);
  act(() => root!.render(<Harness />));
  return { route: () => current, changes };
}

const box = () => page.getByRole('combobox', { name: 'Mentions' });
const input = () => box().element() as HTMLInputElement;
// The Mentions listbox's options (the other filters are native selects with <option>s of their own).
const listbox = () => page.getByRole('listbox', { name: 'Mentions', includeHidden: true });
const optionNames = () => listbox().getByRole('option').elements().map((o) => o.textContent);
const activeOption = () => {
  const id = input().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.textContent : null;
};

test('the closed combobox puts no option in the page; opening shows each group by count, under its name', async () => {
  mount(facets());
  await expect.element(box()).toHaveAttribute('aria-expanded', 'false');
  expect(host!.querySelectorAll('[role=option]').length).toBe(0);
  expect(input().placeholder).toBe('Anyone or anything');

  await userEvent.click(box());
  await expect.element(box()).toHaveAttribute('aria-expanded', 'true');
  expect(document.getElementById(input().getAttribute('aria-controls')!)?.getAttribute('role')).toBe('listbox');
  const people = page.getByRole('group', { name: 'People' });
  expect(people.getByRole('option').elements().map((o) => o.textContent)).toEqual(['Vladimir Putin 90', 'Sergey Lavrov 40', 'Lavrentiy Beria 2']);
  expect(page.getByRole('group', { name: 'Places' }).getByRole('option').elements().map((o) => o.textContent)).toEqual([
    'Minsk 60',
    'Москва 30',
    'São Paulo 3',
  ]);
  expect(page.getByRole('group', { name: 'Organizations' }).getByRole('option').elements()).toHaveLength(1);
  // "No filter" comes first and is the current choice.
  expect(optionNames()[0]).toBe('Anyone or anything');
  await expect.element(page.getByRole('option', { name: 'Anyone or anything' })).toHaveAttribute('aria-selected', 'true');
});

test('typing narrows the list, prefix matches first; Enter picks the first; the chip removes it', async () => {
  const h = mount(facets());
  await userEvent.click(box());
  await userEvent.keyboard('lav');
  expect(optionNames()).toEqual(['Lavrentiy Beria 2', 'Sergey Lavrov 40']);
  expect(activeOption()).toBe('Lavrentiy Beria 2');
  await userEvent.keyboard('ro');
  expect(optionNames()).toEqual(['Sergey Lavrov 40']);
  await userEvent.keyboard('{Enter}');
  expect(h.route().facet).toEqual({ type: 'people', value: 'Sergey Lavrov' });
  expect(listRequest(h.route()).facet).toEqual({ type: 'people', value: 'Sergey Lavrov' });
  await expect.element(box()).toHaveAttribute('aria-expanded', 'false');
  expect(input().value).toBe('Sergey Lavrov');
  expect(host!.querySelectorAll('[role=option]').length).toBe(0);

  await userEvent.click(page.getByRole('button', { name: 'Remove filter: Sergey Lavrov' }));
  expect(h.route().facet).toBeUndefined();
  expect(input().value).toBe('');
});

test('arrows, Home and End move the active option, Enter picks it; choosing "Anyone or anything" clears the filter', async () => {
  const h = mount(facets());
  input().focus();
  await userEvent.keyboard('{ArrowDown}');
  await expect.element(box()).toHaveAttribute('aria-expanded', 'true');
  expect(activeOption()).toBe('Anyone or anything');
  await userEvent.keyboard('{ArrowDown}{ArrowDown}');
  expect(activeOption()).toBe('Sergey Lavrov 40');
  await userEvent.keyboard('{ArrowUp}');
  expect(activeOption()).toBe('Vladimir Putin 90');
  await userEvent.keyboard('{End}');
  expect(activeOption()).toBe('CSTO 120');
  await userEvent.keyboard('{ArrowDown}');
  expect(activeOption()).toBe('CSTO 120');
  await userEvent.keyboard('{Home}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
  expect(activeOption()).toBe('Москва 30');
  await userEvent.keyboard('{Enter}');
  expect(h.route().facet).toEqual({ type: 'places', value: 'Москва' });

  // Opening again starts on the current choice, which is marked selected.
  await userEvent.keyboard('{ArrowDown}');
  expect(activeOption()).toBe('Москва 30');
  await expect.element(page.getByRole('option', { name: 'Москва 30' })).toHaveAttribute('aria-selected', 'true');
  await userEvent.keyboard('{Home}{Enter}');
  expect(h.route().facet).toBeUndefined();
  expect(h.changes).toHaveLength(2);
});

test('a click picks an option, and the route changes exactly once per pick', async () => {
  const h = mount(facets());
  await userEvent.click(box());
  await userEvent.click(page.getByRole('option', { name: 'CSTO 120' }));
  expect(h.route().facet).toEqual({ type: 'organizations', value: 'CSTO' });
  expect(h.changes).toHaveLength(1);
  await expect.element(box()).toHaveAttribute('aria-expanded', 'false');
  expect(document.activeElement).toBe(input());
});

test('Escape closes and keeps the text, a second Escape clears it; Tab leaves without changing the filter', async () => {
  const h = mount(facets(), { name: 'library', facet: { type: 'places', value: 'Minsk' } });
  expect(input().value).toBe('Minsk');
  await userEvent.click(box());
  await userEvent.keyboard('lav');
  await userEvent.keyboard('{Escape}');
  await expect.element(box()).toHaveAttribute('aria-expanded', 'false');
  expect(input().value).toBe('lav');
  expect(document.activeElement).toBe(input());
  await userEvent.keyboard('{Escape}');
  expect(input().value).toBe('Minsk');

  await userEvent.keyboard('{ArrowDown}');
  await userEvent.keyboard('pu');
  await userEvent.keyboard('{ArrowDown}');
  await userEvent.tab();
  await expect.element(box()).toHaveAttribute('aria-expanded', 'false');
  expect(document.activeElement).not.toBe(input());
  expect(input().value).toBe('Minsk');
  expect(h.route().facet).toEqual({ type: 'places', value: 'Minsk' });
  expect(h.changes).toHaveLength(0);
});

test('case, accents and Cyrillic match as typed: "lavrov", "москва", "sao"', async () => {
  const h = mount(facets());
  await userEvent.click(box());
  await userEvent.keyboard('lavrov');
  expect(optionNames()).toEqual(['Sergey Lavrov 40']);
  await userEvent.fill(box(), 'москва');
  expect(optionNames()).toEqual(['Москва 30']);
  await userEvent.fill(box(), 'МОСК');
  expect(optionNames()).toEqual(['Москва 30']);
  await userEvent.fill(box(), 'sao');
  expect(optionNames()).toEqual(['São Paulo 3']);
  await userEvent.keyboard('{Enter}');
  expect(h.route().facet).toEqual({ type: 'places', value: 'São Paulo' });

  await userEvent.fill(box(), 'nobody at all');
  expect(optionNames()).toEqual([]);
  await expect.element(page.getByText('Nothing matches “nobody at all”.')).toBeVisible();
  await userEvent.keyboard('{Enter}');
  expect(h.route().facet).toEqual({ type: 'places', value: 'São Paulo' });
});

test('with 20,000 values the page holds at most the cap, says how many more, and typing still finds any of them', async () => {
  const people = Array.from({ length: 20_000 }, (_, i) => ({ value: `Person ${String(i).padStart(5, '0')}`, count: 20_000 - i }));
  const h = mount(facets({ people, places: [], organizations: [] }));
  expect(host!.querySelectorAll('*').length).toBeLessThan(100);

  await userEvent.click(box());
  const options = host!.querySelectorAll('[role=option]').length;
  expect(options).toBeGreaterThan(10);
  expect(options).toBeLessThanOrEqual(61);
  expect(host!.querySelectorAll('*').length).toBeLessThan(300);
  await expect.element(page.getByText(`${(20_000 - (options - 1)).toLocaleString('en-GB')} more: type to narrow`)).toBeVisible();
  expect(input().getAttribute('aria-describedby')).toBeTruthy();

  await userEvent.keyboard('19999');
  expect(optionNames()).toEqual(['Person 19999 1']);
  expect(page.getByText(/more: type to narrow/).elements()).toHaveLength(0);
  await userEvent.keyboard('{Enter}');
  expect(h.route().facet).toEqual({ type: 'people', value: 'Person 19999' });
});

test('a filter from a link that is not among the values is shown and can be removed', async () => {
  const h = mount(facets(), { name: 'library', facet: { type: 'people', value: 'Nobody Known' } });
  expect(input().value).toBe('Nobody Known');
  await userEvent.click(page.getByRole('button', { name: 'Remove filter: Nobody Known' }));
  expect(h.route().facet).toBeUndefined();
  expect(input().value).toBe('');
});

test('near the bottom right of the window the popup stays inside it (the page around it does not scroll)', async () => {
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; right: 4px; bottom: 230px;';
  document.body.append(host);
  const values = Array.from({ length: 500 }, (_, i) => ({ value: `Place ${i}`, count: 500 - i }));
  root = createRoot(host);
  act(() =>
    root!.render(
      <FacetCombobox label="Mentions" anyLabel="Anyone or anything" groups={[{ id: 'places', label: 'Places', values }]} selected={undefined} onPick={() => undefined} />,
    ),
  );
  await userEvent.click(box());
  const popup = host.querySelector('.combobox-popup')!.getBoundingClientRect();
  expect(popup.height).toBeGreaterThan(150);
  expect(popup.bottom).toBeLessThanOrEqual(window.innerHeight);
  expect(popup.right).toBeLessThanOrEqual(window.innerWidth);
  expect(popup.left).toBeGreaterThanOrEqual(0);
  // The last options are reached by scrolling the listbox, and End brings the last one into view.
  await userEvent.keyboard('{End}');
  const list = listbox().element().getBoundingClientRect();
  const last = document.getElementById(input().getAttribute('aria-activedescendant')!)!.getBoundingClientRect();
  expect(last.bottom).toBeLessThanOrEqual(list.bottom + 1);
  expect(last.top).toBeGreaterThanOrEqual(list.top - 1);
});
