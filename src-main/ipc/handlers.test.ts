/**
 * The shared handlers over the real bundled archive: validation answers
 * invalid-argument with a message, unknown ids answer not-found, the loading
 * and failed states answer not-ready, and no argument of any shape makes a
 * handler throw.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBundledArchive, openArchive } from '../archive/index';
import type { ArchiveService } from '../archive/types';
import { API_METHODS, type AppInfo, type ListResponse, type SearchResponse } from '../shared/contract';
import type { Doc } from '../shared/model';
import type { Result } from '../shared/result';
import { ArchiveSlot } from './archive-slot';
import { createHandlers, dispatch, type HandlerDeps } from './handlers';

let service: ArchiveService;
beforeAll(async () => {
  service = await openArchive(await ensureBundledArchive());
  await service.searchReady;
});
afterAll(() => service?.close());

const base = (archive: ArchiveSlot, extra: Partial<HandlerDeps> = {}) =>
  createHandlers({ archive, host: 'web', appName: 'Archive Reader', version: '1.2.3', linkBase: 'archive-reader://', archiveId: 'bundled', log: () => {}, ...extra });

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

function code(r: Result<unknown>): string {
  return r.ok ? 'ok' : r.error.code;
}

describe('handlers over the real archive', () => {
  test('appInfo reports the archive and the host', async () => {
    const info = value<AppInfo>(await dispatch(base(ArchiveSlot.of(service)), 'appInfo', undefined));
    expect(info).toMatchObject({ name: 'Archive Reader', version: '1.2.3', host: 'web', linkBase: 'archive-reader://', archiveId: 'bundled' });
    expect(info.archive.status).toBe('ready');
    expect(info.archive.searchStatus).toBe('ready');
    expect(info.archive.articles).toBeGreaterThan(0);
  });

  test('list, getDoc, search, findInDoc and facets answer with data', async () => {
    const h = base(ArchiveSlot.of(service));
    const list = value<ListResponse>(await dispatch(h, 'list', { sort: 'date', order: 'desc', limit: 3 }));
    expect(list.items).toHaveLength(3);
    expect(list.total).toBeGreaterThanOrEqual(3);
    const doc = value<Doc>(await dispatch(h, 'getDoc', { id: list.items[0].id }));
    expect(doc.id).toBe(list.items[0].id);
    expect(doc.paragraphs.length).toBeGreaterThan(0);
    const found = value<SearchResponse>(await dispatch(h, 'search', { query: 'CSTO' }));
    expect(found.hits.length).toBeGreaterThan(0);
    const broken = await dispatch(h, 'search', { query: 'title:(( +-"unclosed' });
    expect(code(broken)).toBe('ok');
    expect(code(await dispatch(h, 'findInDoc', { id: found.hits[0].id, query: 'CSTO' }))).toBe('ok');
    expect(code(await dispatch(h, 'facets', null))).toBe('ok');
  });

  test('unknown ids answer not-found with the id in the message', async () => {
    const h = base(ArchiveSlot.of(service));
    const r = await dispatch(h, 'getDoc', { id: 'no-such-article' });
    expect(r).toEqual({ ok: false, error: { code: 'not-found', message: expect.stringContaining('no-such-article') } });
    expect(code(await dispatch(h, 'findInDoc', { id: 'no-such-article', query: 'x' }))).toBe('not-found');
    expect(code(await dispatch(h, 'noSuchMethod', {}))).toBe('not-found');
    expect(code(await dispatch(h, '__proto__', {}))).toBe('not-found');
  });

  test('bad arguments answer invalid-argument naming the method, for every method', async () => {
    const h = base(ArchiveSlot.of(service));
    const cases: [string, unknown][] = [
      ['appInfo', { x: 1 }],
      ['facets', 'all'],
      ['list', { kind: 'video' }],
      ['list', { limit: '10' }],
      ['getDoc', {}],
      ['getDoc', { id: 42 }],
      ['getDoc', 'abc'],
      ['search', { query: null }],
      ['search', { query: 'x', limit: 0 }],
      ['findInDoc', { id: 'x' }],
      ['saveFile', { suggestedName: 'a.txt' }],
      ['openExternal', { url: 'javascript:alert(1)' }],
      ['backupWrite', { text: '{}' }],
      ['backupWrite', { text: '{}', reason: 'hourly' }],
      ['backupWrite', { text: '', reason: 'auto' }],
      ['backupList', { all: true }],
      ['backupRead', { name: '../../etc/passwd' }],
      ['backupRead', { name: 'a\\b.json' }],
      ['backupRead', {}],
      ['printToPdf', { html: 42 }],
      ['printToPdf', { html: '<p>', landscape: true }],
    ];
    for (const [method, arg] of cases) {
      const r = await dispatch(h, method, arg);
      expect(r.ok, `${method} ${JSON.stringify(arg)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code, `${method} ${JSON.stringify(arg)}`).toBe('invalid-argument');
        expect(r.error.message.startsWith(`${method}:`)).toBe(true);
      }
    }
    expect(code(await dispatch(h, 'search', { query: 'x'.repeat(5000) }))).toBe('too-large');
    expect(code(await dispatch(h, 'backupRead', { name: 'x'.repeat(101) }))).toBe('too-large');
  });

  test('no argument of any shape makes any method throw', async () => {
    const h = base(ArchiveSlot.of(service));
    const shapes: unknown[] = [undefined, null, 0, -1, NaN, '', 'x', true, [], [1, 2], {}, { id: {} }, { query: ['a'] },
      { toString: 'x' }, { constructor: 1 }, JSON.parse('{"__proto__": {"polluted": true}}'), { id: 'x'.repeat(10_000) }, { url: 'x' }];
    for (const method of API_METHODS) {
      for (const [i, arg] of shapes.entries()) {
        const r = await dispatch(h, method, arg);
        expect(typeof r.ok, `${method}(shape #${i})`).toBe('boolean');
        if (!r.ok) expect(r.error.code).not.toBe('internal');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a failure inside the archive becomes an internal Result, not a thrown error', async () => {
    const broken = Object.create(service) as ArchiveService;
    broken.get = async () => {
      throw new Error('disk on fire');
    };
    const logged: string[] = [];
    const r = await dispatch(base(ArchiveSlot.of(broken)), 'getDoc', { id: 'x' }, (m) => logged.push(m));
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('disk on fire') } });
    expect(logged.join('')).toMatch(/getDoc failed/);
  });

  test('host abilities: absent -> unsupported; present -> called with the validated request', async () => {
    const save = { suggestedName: 'notes.md', mimeType: 'text/markdown', data: '# Notes' };
    expect(code(await dispatch(base(ArchiveSlot.of(service)), 'saveFile', save))).toBe('unsupported');
    expect(code(await dispatch(base(ArchiveSlot.of(service)), 'openExternal', { url: 'https://example.org' }))).toBe('unsupported');
    const seen: unknown[] = [];
    const h = base(ArchiveSlot.of(service), {
      saveFile: async (req) => (seen.push(req), { ok: true, value: { savedAs: '/tmp/notes.md' } }),
      openExternal: async (req) => (seen.push(req), { ok: true, value: { opened: true } }),
    });
    expect(value(await dispatch(h, 'saveFile', save))).toEqual({ savedAs: '/tmp/notes.md' });
    expect(code(await dispatch(h, 'openExternal', { url: 'HTTPS://Example.org/a b' }))).toBe('ok');
    expect(seen).toEqual([save, { url: 'https://example.org/a%20b' }]);
    // Backups and PDF: a host without them says so.
    expect(code(await dispatch(base(ArchiveSlot.of(service)), 'backupList', undefined))).toBe('unsupported');
    expect(code(await dispatch(base(ArchiveSlot.of(service)), 'backupWrite', { text: '{}', reason: 'auto' }))).toBe('unsupported');
    expect(code(await dispatch(base(ArchiveSlot.of(service)), 'printToPdf', { html: '<p>x</p>' }))).toBe('unsupported');
  });
});

describe('while the archive opens, and when it cannot', () => {
  test('loading: appInfo says loading, data methods answer not-ready, then everything answers', async () => {
    let release!: (s: ArchiveService) => void;
    const slot = new ArchiveSlot();
    const settled = slot.load(new Promise<ArchiveService>((r) => (release = r)));
    const h = base(slot);
    expect(value<AppInfo>(await dispatch(h, 'appInfo', undefined)).archive.status).toBe('loading');
    expect(await dispatch(h, 'list', {})).toEqual({ ok: false, error: { code: 'not-ready', message: 'The archive is still loading.' } });
    expect(code(await dispatch(h, 'search', { query: 'CSTO' }))).toBe('not-ready');
    release(service);
    await settled;
    expect(code(await dispatch(h, 'list', {}))).toBe('ok');
    expect(slot.openMs).toBeGreaterThanOrEqual(0);
  });

  test('a folder that is not an archive: appInfo carries the reason, data methods answer not-ready with it', async () => {
    const slot = new ArchiveSlot();
    const empty = mkdtempSync(join(tmpdir(), 'not-an-archive-'));
    const state = await slot.load(openArchive(empty));
    expect(state.status).toBe('error');
    const h = base(slot);
    const info = value<AppInfo>(await dispatch(h, 'appInfo', undefined));
    expect(info.archive.status).toBe('error');
    expect(info.archive.message).toMatch(/could not be opened/);
    const r = await dispatch(h, 'getDoc', { id: 'x' });
    expect(code(r)).toBe('not-ready');
    if (!r.ok) expect(r.error.message).toBe(info.archive.message);
  });
});
