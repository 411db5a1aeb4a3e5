import { expect, test } from 'vitest';
import type { ApiClient, ListRequest } from '../../../../src-main/shared/contract';
import { listRequest } from './library-query';
import { readFirstPageAhead, takeFirstPage } from './first-page';
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
