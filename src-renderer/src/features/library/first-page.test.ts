import { expect, test } from 'vitest';
import type { ApiClient, ListRequest } from '../../../../src-main/shared/contract';
import { listRequest } from './library-query';
import { firstPageArrived, readFirstPageAhead, takeFirstPage } from './first-page';
import { PAGE_SIZE } from './paged-list';

function client() {
  const asked: ListRequest[] = [];
  const c = { list: async (req: ListRequest) => (asked.push(req), { ok: true as const, value: { items: [], total: 7 } }) } as unknown as ApiClient;
  return { c, asked };
}

test('the library first page asked for at start is the one the library then takes, once', async () => {
  const { c, asked } = client();
  readFirstPageAhead(c, { name: 'library', kind: 'brief' });
  expect(asked).toEqual([{ ...listRequest({ name: 'library', kind: 'brief' }), offset: 0, limit: PAGE_SIZE }]);
  // Another request (the person changed the filter meanwhile) does not get it.
  expect(takeFirstPage(listRequest({ name: 'library' }), 0, PAGE_SIZE)).toBeNull();
  const req = listRequest({ name: 'library', kind: 'brief' });
  expect(await takeFirstPage(req, 0, PAGE_SIZE)).toEqual({ ok: true, value: { items: [], total: 7 } });
  expect(takeFirstPage(req, 0, PAGE_SIZE)).toBeNull();
});

test('nothing is asked for ahead on other pages, or with a notes filter (it needs the notes first)', () => {
  const { c, asked } = client();
  readFirstPageAhead(c, { name: 'search', q: 'treaty' });
  readFirstPageAhead(c, { name: 'library', notes: 'starred' });
  expect(asked).toEqual([]);
});

test('a first page that has arrived is given to the library once, for its first render; one still on its way is not', async () => {
  const { c } = client();
  readFirstPageAhead(c, { name: 'library' });
  const req = listRequest({ name: 'library' });
  expect(firstPageArrived(req, PAGE_SIZE)).toBeNull(); // not arrived yet
  await new Promise((r) => setTimeout(r, 0));
  expect(firstPageArrived(listRequest({ name: 'library', kind: 'brief' }), PAGE_SIZE)).toBeNull(); // another request
  expect(firstPageArrived(req, PAGE_SIZE)).toEqual({ items: [], total: 7 });
  expect(firstPageArrived(req, PAGE_SIZE)).toBeNull();
  expect(takeFirstPage(req, 0, PAGE_SIZE)).toBeNull();
});

test('an error answer read ahead is never shown as rows: the library asks again', async () => {
  const failing = { list: async () => ({ ok: false as const, error: { code: 'io' as const, message: 'still opening' } }) } as unknown as ApiClient;
  readFirstPageAhead(failing, { name: 'library' });
  await new Promise((r) => setTimeout(r, 0));
  expect(firstPageArrived(listRequest({ name: 'library' }), PAGE_SIZE)).toBeNull();
});
