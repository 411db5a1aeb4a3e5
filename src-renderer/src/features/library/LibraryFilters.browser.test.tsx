/**
 * The section filter in a real Chromium: an archive read from several
 * sub-folders offers them (with counts) as a "Section" choice; choosing one
 * writes it to the route (so the list asks for it), and its chip removes it.
 * An archive from one folder shows no section choice at all. A kind the
 * archive has none of counts 0 from either source of the counts.
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../styles/index.css';
import type { FacetsResponse } from '../../../../src-main/shared/contract';
import type { LibraryRoute } from '../../platform/routes';
import { LibraryFilters } from './LibraryFilters';
import { listRequest } from './library-query';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const facets = (sections: FacetsResponse['sections']): FacetsResponse => ({
  years: [{ year: 2005, count: 3 }],
  undated: 0,
  kinds: [{ kind: 'article', count: 3 }],
  people: [],
  places: [],
  organizations: [],
  sections,
});

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function mount(f: FacetsResponse): { route: () => LibraryRoute } {
  host = document.createElement('div');
  document.body.append(host);
  let current: LibraryRoute = { name: 'library' };
  function Harness() {
    const [route, setRoute] = useState<LibraryRoute>({ name: 'library' });
    current = route;
    return <LibraryFilters route={route} facets={f} onChange={setRoute} />;
  }
  root = createRoot(host);
  act(() => root!.render(<Harness />));
  return { route: () => current };
}

test('choosing a section filters the list by it; its chip removes it', async () => {
  const h = mount(facets([{ value: 'business', count: 2 }, { value: 'sport/2005', count: 1 }]));
  const select = page.getByRole('combobox', { name: 'Section' });
  await expect.element(select).toBeVisible();
  expect([...(select.element() as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Every folder', 'business (2)', 'sport/2005 (1)']);
  await userEvent.selectOptions(select, 'sport/2005');
  expect(h.route().section).toBe('sport/2005');
  expect(listRequest(h.route()).section).toBe('sport/2005');
  await userEvent.click(page.getByRole('button', { name: 'Remove filter: section sport/2005' }));
  expect(h.route().section).toBeUndefined();
});

test('an archive from one folder offers no section choice', async () => {
  mount(facets([]));
  await expect.element(page.getByRole('combobox', { name: 'Mentions' })).toBeVisible();
  expect(page.getByRole('combobox', { name: 'Section' }).elements()).toHaveLength(0);
});

test('an archive without briefs says "Briefs 0" before the counts of the filters arrive and after', async () => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const briefsLabel = () => page.getByRole('radiogroup', { name: 'Kind' }).element().querySelectorAll('.segment')[2]!.textContent;
  const draw = (f?: FacetsResponse) => act(() => root!.render(<LibraryFilters route={{ name: 'library' }} facets={f} archiveCounts={{ articles: 3, briefs: 0, sections: 1 }} onChange={() => undefined} />));
  draw();
  expect(briefsLabel()).toBe('Briefs0');
  draw(facets([]));
  expect(briefsLabel()).toBe('Briefs0');
});

test('the kind and section counts group their thousands, as the item count above them does', async () => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const f: FacetsResponse = { ...facets([{ value: 'news', count: 12345 }, { value: 'notes', count: 7 }]), kinds: [{ kind: 'article', count: 12352 }] };
  act(() => root!.render(<LibraryFilters route={{ name: 'library' }} facets={f} onChange={() => undefined} />));
  const labels = [...page.getByRole('radiogroup', { name: 'Kind' }).element().querySelectorAll('.segment')].map((e) => e.textContent);
  expect(labels).toEqual(['All12,352', 'Articles12,352', 'Briefs0']);
  const select = page.getByRole('combobox', { name: 'Section' });
  expect([...(select.element() as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Every folder', 'news (12,345)', 'notes (7)']);
});
