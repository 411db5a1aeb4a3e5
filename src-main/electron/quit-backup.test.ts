/**
 * The backup-before-quit exchange with plain objects for the window and the
 * renderer: asked only when due, the close waits for the renderer's write,
 * and a renderer that never answers or cannot be asked does not keep the app
 * open.
 */
import { describe, expect, test } from 'vitest';
import { QuitBackup, type QuitBackupDeps } from './quit-backup';

type Win = { id: number };

function setup(over: Partial<QuitBackupDeps<Win>> = {}) {
  const asked: Win[] = [];
  const q = new QuitBackup<Win>({
    isDue: async () => true,
    ask: (w) => (asked.push(w), true),
    waitMs: 50,
    log: () => {},
    ...over,
  });
  return { q, asked };
}

describe('QuitBackup', () => {
  test('asks the renderer once and waits for its quit backup to be written', async () => {
    const { q, asked } = setup({ waitMs: 60_000 });
    const win = { id: 1 };
    const running = q.run(win);
    await Promise.resolve();
    await Promise.resolve();
    expect(asked).toEqual([win]);
    expect(q.isDone(win)).toBe(false);
    q.noteQuitWrite(true);
    await expect(running).resolves.toBe('written');
    expect(q.isDone(win)).toBe(true);
    // A second close of the same window does not ask again.
    await expect(q.run(win)).resolves.toBe('written');
    expect(asked).toHaveLength(1);
  });

  test('a failed write still lets the app quit', async () => {
    const { q } = setup({ waitMs: 60_000 });
    const running = q.run({ id: 2 });
    await new Promise((r) => setImmediate(r));
    q.noteQuitWrite(false);
    await expect(running).resolves.toBe('failed');
  });

  test('not due: the renderer is not asked', async () => {
    const { q, asked } = setup({ isDue: async () => false });
    const win = { id: 3 };
    await expect(q.run(win)).resolves.toBe('not-due');
    expect(asked).toEqual([]);
    expect(q.isDone(win)).toBe(true);
  });

  test('a renderer that never answers: the bounded wait ends and the close goes on', async () => {
    const { q, asked } = setup({ waitMs: 20 });
    const win = { id: 4 };
    await expect(q.run(win)).resolves.toBe('timeout');
    expect(asked).toEqual([win]);
    expect(q.isDone(win)).toBe(true);
  });

  test('a renderer that cannot be asked (crashed, loading) and a failing due-check', async () => {
    await expect(setup({ ask: () => false, waitMs: 60_000 }).q.run({ id: 5 })).resolves.toBe('no-renderer');
    // If the backups folder cannot be read, a backup is due rather than skipped.
    const { q, asked } = setup({ isDue: () => Promise.reject(new Error('EACCES')), waitMs: 10 });
    await expect(q.run({ id: 6 })).resolves.toBe('timeout');
    expect(asked).toHaveLength(1);
  });
});
