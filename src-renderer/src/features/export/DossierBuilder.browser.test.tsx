/**
 * The dossier builder in Chromium: items render in order, Move up/down and a
 * drag-and-drop reorder them, headings are added, and the export gets
 * numbered footnotes in the chosen order.
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { ok } from '../../../../src-main/shared/result';
import type { DossierItem } from '../../../../src-main/shared/notes/dossier';
import { FIXTURE_ANNOTATIONS, FIXTURE_DOCS } from '../../../../src-main/shared/notes/test-fixtures';
import type { ExportFile } from '../../../../src-main/shared/notes/types';
import '../../styles/index.css';
import { DossierBuilder } from './DossierBuilder';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
});

const saved: ExportFile[] = [];
const START: DossierItem[] = [
  { kind: 'excerpt', id: 'e1', annotationId: 'a1-plain' },
  { kind: 'excerpt', id: 'e5', annotationId: 'a5-cyrillic' },
  { kind: 'excerpt', id: 'e7', annotationId: 'a7-undated' },
];

function Harness() {
  const [items, setItems] = useState<DossierItem[]>(START);
  const [title, setTitle] = useState('Dossier');
  return (
    <DossierBuilder
      title={title}
      onTitleChange={setTitle}
      items={items}
      onChange={setItems}
      annotations={new Map(FIXTURE_ANNOTATIONS.map((a) => [a.id, a]))}
      docs={new Map(FIXTURE_DOCS.map((d) => [d.id, d]))}
      linkBase="archive-reader://"
      save={async (f) => (saved.push(f), ok({ savedAs: f.fileName }))}
    />
  );
}

const order = () => [...host.querySelectorAll('.dossier-item-body')].map((b) => b.textContent?.slice(0, 12));

it('reorders with buttons and drag and drop, adds a heading, exports footnotes in that order', async () => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<Harness />));
  expect(order()).toEqual(['“The heads o', '“Министры об', '“-starts wit']);

  await act(async () => host.querySelector<HTMLButtonElement>('button[aria-label^="Move up: Excerpt: Министры"]')!.click());
  expect(order()[0]).toBe('“Министры об');

  // Drag the last item onto the first.
  const items = host.querySelectorAll('li.dossier-item');
  const dt = new DataTransfer();
  await act(async () => {
    items[2].dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: dt }));
    items[0].dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
    items[0].dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  expect(order()).toEqual(['“-starts wit', '“Министры об', '“The heads o']);

  const input = host.querySelector<HTMLInputElement>('input[aria-label="New heading"]')!;
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, 'Conclusions');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => host.querySelector<HTMLButtonElement>('.dossier-add button')!.click());
  expect(order()[3]).toBe('Conclusions');

  await act(async () => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Export dossier as Markdown')!.click());
  await expect.poll(() => saved.length).toBe(1);
  const md = saved[0].text;
  expect(md.indexOf('starts with a minus')).toBeLessThan(md.indexOf('Министры'));
  expect(md).toMatch(/\[\^1\]: “Brief: exercises "Interaction"”/);
  expect(md).toMatch(/\[\^3\]: “CSTO Collective Security Council meets in Minsk”/);
  expect(md.trim().endsWith('?annotation=a1-plain>')).toBe(true);
  expect(md).toContain('## Conclusions');
});

it('gives an excerpt most of the panel: its actions stack in a narrow column', async () => {
  host = document.createElement('div');
  host.style.width = '300px'; // the Notebook's side panel
  host.className = 'dossier-panel';
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<Harness />));
  const item = host.querySelector<HTMLElement>('.dossier-item')!;
  const body = item.querySelector<HTMLElement>('.dossier-item-body')!;
  expect(body.getBoundingClientRect().width / item.getBoundingClientRect().width).toBeGreaterThan(0.7);
});
