import { describe, expect, test } from 'vitest';
import type { ListResponse } from '../../../../src-main/shared/contract';
import type { DocSummary } from '../../../../src-main/shared/model';
import type { Result } from '../../../../src-main/shared/result';
import { PagedList } from './paged-list';

const summary = (i: number): DocSummary => ({
  id: `d${i}`,
  kind: 'article',
  title: `Item ${i}`,
  published: null,
  eventDate: null,
  source: 'x.txt',
  languages: ['en'],
  year: null,
});

function archiveOf(total: number) {
  const calls: [number, number][] = [];
  let failNext = false;
  const fetchPage = async (offset: number, limit: number): Promise<Result<ListResponse>> => {
    calls.push([offset, limit]);
    if (failNext) {
      failNext = false;
      return { ok: false, error: { code: 'io', message: 'host went away' } };
    }
    const items: DocSummary[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(summary(i));
    return { ok: true, value: { items, total } };
  };
  return { calls, fetchPage, failOnce: () => (failNext = true) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('PagedList', () => {
  test('the first page tells the total; later pages load only when asked', async () => {
    const a = archiveOf(50_000);
    const list = new PagedList(a.fetchPage, () => undefined, 100);
    await list.start();
    expect(list.total).toBe(50_000);
    expect(list.get(99)?.id).toBe('d99');
    expect(list.get(100)).toBeUndefined();
    list.ensure(49_990, 49_999);
    await flush();
    expect(list.get(49_999)?.title).toBe('Item 49999');
    expect(a.calls).toEqual([
      [0, 100],
      [49_900, 100],
    ]);
  });

  test('a seeded first page is there at once, without a request; later pages load as before', async () => {
    const a = archiveOf(1000);
    let changes = 0;
    const list = new PagedList(a.fetchPage, () => changes++, 100);
    list.seed({ items: [summary(0), summary(1)], total: 1000 });
    expect(list.started).toBe(true);
    expect(list.total).toBe(1000);
    expect(list.get(1)?.id).toBe('d1');
    expect(a.calls).toEqual([]);
    list.ensure(150, 160);
    await flush();
    expect(list.get(150)?.id).toBe('d150');
    expect(a.calls).toEqual([[100, 100]]);
    expect(changes).toBe(1);
  });

  test('a closed list drops answers until it is opened again', async () => {
    const a = archiveOf(1000);
    let changes = 0;
    const list = new PagedList(a.fetchPage, () => changes++, 100);
    list.close();
    await list.start();
    expect(changes).toBe(0);
    expect(list.total).toBeNull();
    list.open();
    await list.start();
    expect(changes).toBe(1);
    expect(list.total).toBe(1000);
  });

  test('finds a loaded document by id', async () => {
    const a = archiveOf(1000);
    const list = new PagedList(a.fetchPage, () => undefined, 100);
    await list.start();
    list.ensure(500, 510);
    await flush();
    expect(list.indexOf('d7')).toBe(7);
    expect(list.indexOf('d505')).toBe(505);
    expect(list.indexOf('d300')).toBe(-1);
  });

  test('a page already loading is not asked for twice', async () => {
    const a = archiveOf(1000);
    const list = new PagedList(a.fetchPage, () => undefined, 100);
    await list.start();
    list.ensure(150, 160);
    list.ensure(150, 260);
    await flush();
    expect(a.calls.map((c) => c[0])).toEqual([0, 100, 200]);
  });

  test('ranges past the end are clipped', async () => {
    const a = archiveOf(30);
    const list = new PagedList(a.fetchPage, () => undefined, 100);
    await list.start();
    list.ensure(0, 10_000);
    await flush();
    expect(a.calls).toEqual([[0, 100]]);
  });

  test('a failed page is reported and can be retried', async () => {
    const a = archiveOf(500);
    let changes = 0;
    const list = new PagedList(a.fetchPage, () => changes++, 100);
    await list.start();
    a.failOnce();
    list.ensure(200, 210);
    await flush();
    expect(list.error?.message).toBe('host went away');
    expect(list.get(200)).toBeUndefined();
    list.retry(200, 210);
    await flush();
    expect(list.error).toBeNull();
    expect(list.get(205)?.id).toBe('d205');
    expect(changes).toBeGreaterThanOrEqual(3);
  });

  test('answers for a closed list are dropped', async () => {
    const a = archiveOf(500);
    let changes = 0;
    const list = new PagedList(a.fetchPage, () => changes++, 100);
    const started = list.start();
    list.close();
    await started;
    expect(changes).toBe(0);
    expect(list.total).toBeNull();
  });
});
