/**
 * The Notebook and the tag manager against real IndexedDB: filter by tag and
 * colour, search notes, tag many at once, rename/merge/delete tags with
 * confirmation (annotations survive a tag's deletion).
 */
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ColorId } from '../../../../src-main/shared/notes/annotation-model';
import { createAnnotation, NotesDbProvider, readAnnotations, readTagUsage, updateDocState, type NotesDatabase } from '../../db';
import { freshDb } from '../../db/test-helpers';
import { FILTER_KEY, filterKey, Notebook } from './Notebook';
import { openNotesDatabase } from '../../db/database';
import { TagManager } from './TagManager';

let db: NotesDatabase;
let dispose: () => Promise<void>;
let cleanup: (() => void) | undefined;

beforeEach(async () => {
  ({ db, dispose } = await freshDb());
  localStorage.removeItem(FILTER_KEY);
});
afterEach(async () => {
  cleanup?.();
  cleanup = undefined;
  await dispose();
});

function mount(node: React.ReactNode): HTMLElement {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  root.render(<NotesDbProvider db={db}>{node}</NotesDbProvider>);
  cleanup = () => {
    root.unmount();
    host.remove();
  };
  return host;
}

async function seed() {
  const mk = async (docId: string, exact: string, color: ColorId, note: string, tags: string[]) => {
    const r = await createAnnotation(db, {
      docId,
      color,
      textHash: 'h',
      note,
      tags,
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  await mk('minsk', 'The Collective Security Council met in Minsk', 'yellow', 'Check the **date**', ['summit']);
  await mk('minsk', 'heads of the CSTO member states', 'pink', 'Which states objected?', ['question', 'summit']);
  await mk('almaty', 'Committee of Secretaries of Security Councils', 'pink', 'Almaty meeting agenda', []);
  await updateDocState(db, 'almaty', { tags: ['summit'] });
}

const docs = [
  { id: 'minsk', title: 'Session in Minsk', published: '2017-11-30' },
  { id: 'almaty', title: 'Meeting in Almaty', published: '2024-06-06' },
];
const items = (host: HTMLElement) => Array.from(host.querySelectorAll('.notebook-list > li blockquote')).map((b) => b.textContent);

describe('Notebook', () => {
  it('lists every annotation and filters by tag and colour', async () => {
    await seed();
    const host = mount(<Notebook docs={docs} />);
    await vi.waitFor(() => expect(items(host)).toHaveLength(3));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Tag' }), 'summit');
    await vi.waitFor(() => expect(items(host)).toHaveLength(2));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Colour' }), 'Question');
    await vi.waitFor(() => expect(items(host)).toEqual(['“heads of the CSTO member states”']));
    await expect.element(page.getByText('1 of 3 highlights')).toBeVisible();
  });

  it('searches notes and quotes', async () => {
    await seed();
    const host = mount(<Notebook docs={docs} />);
    await vi.waitFor(() => expect(items(host)).toHaveLength(3));
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search notes' }), 'agenda');
    await vi.waitFor(() => expect(items(host)).toEqual(['“Committee of Secretaries of Security Councils”']));
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search notes' }), 'nothing like this');
    await expect.element(page.getByText('No highlights match these filters.')).toBeVisible();
  });

  it('keeps its filters per archive: another archive starts with its own, and coming back finds them as they were', async () => {
    await seed();
    let host = mount(<Notebook docs={docs} />);
    await vi.waitFor(() => expect(items(host)).toHaveLength(3));
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search notes' }), 'agenda');
    await vi.waitFor(() => expect(items(host)).toHaveLength(1));
    cleanup?.();
    // The same database opened for an imported archive: its Notebook does not inherit the bundled one's search.
    const other = openNotesDatabase(db.name, undefined, 'i-0123456789ab');
    const otherHost = document.createElement('div');
    document.body.appendChild(otherHost);
    const root = createRoot(otherHost);
    root.render(<NotesDbProvider db={other}>{<Notebook docs={docs} />}</NotesDbProvider>);
    await expect.element(page.getByRole('searchbox', { name: 'Search notes' })).toHaveValue('');
    root.unmount();
    otherHost.remove();
    other.close();
    expect(localStorage.getItem(filterKey('i-0123456789ab'))).toContain('"query":""');
    host = mount(<Notebook docs={docs} />);
    await expect.element(page.getByRole('searchbox', { name: 'Search notes' })).toHaveValue('agenda');
    await vi.waitFor(() => expect(items(host)).toHaveLength(1));
    localStorage.removeItem(filterKey('i-0123456789ab'));
  });

  it('lists article notes, stars and article tags, and its search finds them', async () => {
    await seed();
    await updateDocState(db, 'minsk', { note: 'Compare with the **2012** summit', starred: true });
    await updateDocState(db, 'reading-only', { readingPosition: 0.5 }); // a place in an article is no note
    const opened: string[] = [];
    const host = mount(<Notebook docs={docs} onOpenArticle={(d) => opened.push(d)} />);
    const articles = () => Array.from(host.querySelectorAll('[data-article-card]')).map((c) => c.getAttribute('data-article-card'));
    await vi.waitFor(() => expect(articles().sort()).toEqual(['almaty', 'minsk']));
    await expect.element(page.getByRole('img', { name: 'Starred' })).toBeVisible();
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search notes' }), '2012');
    await vi.waitFor(() => expect(articles()).toEqual(['minsk']));
    expect(host.querySelector('[data-article-card="minsk"] strong')?.textContent).toBe('2012');
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search notes' }), 'almaty');
    await vi.waitFor(() => expect(articles()).toEqual(['almaty'])); // by title
    await page.getByRole('button', { name: 'Open article' }).click();
    expect(opened).toEqual(['almaty']);
  });

  it('lists notes on a document the archive no longer has as orphans: shown, marked, counted, never deleted', async () => {
    await seed();
    await updateDocState(db, 'almaty', { note: 'Almaty article note' });
    // A re-import found almaty's file gone: the archive's list no longer has it.
    const host = mount(<Notebook docs={docs.filter((d) => d.id !== 'almaty')} docsComplete onOpen={() => {}} onOpenArticle={() => {}} />);
    await vi.waitFor(() => expect(items(host)).toHaveLength(3));
    await expect.element(page.getByTestId('notebook-orphans')).toHaveTextContent(/1 highlight is on documents no longer in this archive/);
    const orphan = host.querySelector('[data-orphan]')!;
    expect(orphan.querySelector('blockquote')?.textContent).toBe('“Committee of Secretaries of Security Councils”');
    expect(orphan.textContent).toContain('No longer in this archive');
    expect(orphan.textContent).not.toContain('Open in article');
    expect(host.querySelector('[data-article-card="almaty"]')?.textContent).toContain('No longer in this archive');
    expect((await readAnnotations(db)).rows).toHaveLength(3);
    // Without the whole list (still loading), nothing is called an orphan.
    cleanup?.();
    const loading = mount(<Notebook docs={[]} />);
    await vi.waitFor(() => expect(items(loading)).toHaveLength(3));
    expect(loading.querySelector('[data-orphan]')).toBeNull();
    expect(loading.querySelector('[data-testid="notebook-orphans"]')).toBeNull();
  });

  it('keeps its filters across a reload', async () => {
    await seed();
    let host = mount(<Notebook docs={docs} />);
    await vi.waitFor(() => expect(items(host)).toHaveLength(3));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Colour' }), 'Question');
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search notes' }), 'states');
    await vi.waitFor(() => expect(items(host)).toHaveLength(1));
    cleanup?.();
    host = mount(<Notebook docs={docs} />);
    await vi.waitFor(() => expect(items(host)).toEqual(['“heads of the CSTO member states”']));
    await expect.element(page.getByRole('searchbox', { name: 'Search notes' })).toHaveValue('states');
  });

  it('shows one date format and keeps a long title on one line', async () => {
    await seed();
    const long = [{ id: 'minsk', title: 'A very long title '.repeat(12).trim(), published: '2017-11-30' }, docs[1]!];
    const host = mount(<Notebook docs={long} />);
    await vi.waitFor(() => expect(items(host)).toHaveLength(3));
    const head = host.querySelector<HTMLElement>('[data-annotation-card] .notebook-item-head')!;
    const line = parseFloat(getComputedStyle(head).fontSize) * 2;
    expect(head.getBoundingClientRect().height).toBeLessThan(line * 1.3);
    const dates = Array.from(host.querySelectorAll('time')).map((t) => t.textContent ?? '');
    expect(dates.every((d) => /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(d)), dates.join(' | ')).toBe(true);
  });

  it('sorts by article and opens an annotation in its article', async () => {
    await seed();
    const opened: string[] = [];
    const host = mount(<Notebook docs={docs} onOpen={(d, a) => opened.push(`${d}:${a}`)} />);
    await vi.waitFor(() => expect(items(host)).toHaveLength(3));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Sort by' }), 'Article');
    await vi.waitFor(() => expect(items(host)[0]).toBe('“Committee of Secretaries of Security Councils”'));
    await page.getByRole('button', { name: 'Open in article' }).first().click();
    expect(opened[0]).toMatch(/^almaty:/);
  });

  it('tags many selected annotations at once and reports the selection', async () => {
    await seed();
    let selection: string[] = [];
    const host = mount(<Notebook docs={docs} onSelectionChange={(ids) => (selection = ids)} />);
    await vi.waitFor(() => expect(items(host)).toHaveLength(3));
    await page.getByRole('checkbox', { name: 'Select all shown' }).click();
    await vi.waitFor(() => expect(selection).toHaveLength(3));
    await userEvent.fill(page.getByRole('combobox', { name: 'Tag for selected' }), 'review');
    await page.getByRole('button', { name: 'Tag selected' }).click();
    await vi.waitFor(async () => expect((await readAnnotations(db)).rows.every((r) => r.tags.includes('review'))).toBe(true));
  });
});

describe('TagManager', () => {
  it('shows counts, and deletes a tag after confirmation without deleting annotations', async () => {
    await seed();
    const host = mount(<TagManager />);
    await vi.waitFor(() => expect(host.querySelector('[data-tag="summit"]')?.textContent).toContain('2 highlights, 1 article'));
    const row = page.getByRole('listitem').filter({ hasText: '2 highlights, 1 article' });
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect.element(page.getByRole('alertdialog')).toHaveTextContent(/on 2 highlights, 1 article/);
    // Nothing happens before confirming.
    expect((await readTagUsage(db)).some((u) => u.name === 'summit')).toBe(true);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete tag' }).click();
    await vi.waitFor(async () => expect((await readTagUsage(db)).some((u) => u.name === 'summit')).toBe(false));
    expect((await readAnnotations(db)).rows).toHaveLength(3);
  });

  it('gives new tags their own colours, and each tag its actions on its own band', async () => {
    await seed();
    const host = mount(<TagManager />);
    await vi.waitFor(() => expect(host.querySelectorAll('.tag-row')).toHaveLength(2));
    const colours = (await readTagUsage(db)).map((u) => u.color);
    expect(new Set(colours).size).toBe(colours.length);
    expect(colours).not.toContain('#868e96');
    const rows = Array.from(host.querySelectorAll<HTMLElement>('.tag-row'));
    const del = rows[0]!.querySelector<HTMLElement>('.ann-delete')!.getBoundingClientRect();
    const next = rows[1]!.getBoundingClientRect();
    expect(next.top - del.bottom).toBeGreaterThanOrEqual(8); // not against the next tag
  });

  it('renaming onto an existing tag asks to merge', async () => {
    await seed();
    mount(<TagManager />);
    const row = page.getByRole('listitem').filter({ hasText: '1 highlight, 0 articles' });
    await row.getByRole('button', { name: 'Rename' }).click();
    await userEvent.fill(page.getByRole('textbox', { name: 'New name for question' }), 'Summit');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.element(page.getByRole('alertdialog')).toHaveTextContent(/Merge “question” into “summit”/);
    await page.getByRole('button', { name: 'Merge tags' }).click();
    await vi.waitFor(async () => expect((await readTagUsage(db)).map((u) => [u.name, u.annotations, u.articles])).toEqual([['summit', 2, 1]]));
  });
});
