/**
 * Where the notes live, pinned. IndexedDB is keyed by origin and database
 * name: if either changed between builds, every person's notes would seem to
 * vanish after an update. This is the one place that asserts the literal
 * values; change them only with a migration that moves existing databases.
 * It also checks that main really registers and serves the pinned protocol and
 * host, that the window loads that origin under the pinned app name (the
 * user-data folder), and that the built renderer opens the pinned database.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { APP_HOST, APP_NAME, APP_ORIGIN, APP_PROTOCOL, DB_NAME, DEV_DB_NAME, LINK_PROTOCOL } from '../../src-main/shared/origin';

vi.mock('electron', () => import('../../src-main/electron/test/fake-electron'));
const fake = await import('../../src-main/electron/test/fake-electron');

const root = resolve(import.meta.dirname, '..', '..');

/** THE pinned values. */
const PINNED = {
  protocol: 'app',
  host: 'archive',
  origin: 'app://archive',
  database: 'archive-reader-notes',
  appName: 'Archive Reader',
  linkProtocol: 'archive-reader',
};

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
  // The built main bundle (out/main/index.js), as the app runs it: it must serve the built renderer.
  const mainBundle = resolve(root, 'out/main/index.js');
  if (!existsSync(mainBundle)) throw new Error('out/main/index.js is missing: run "npm run build" first (npm test does).');
  await import(/* @vite-ignore */ mainBundle);
  fake.app.fireReady();
  await vi.waitFor(() => expect(fake.BrowserWindow.all.length).toBe(1));
});

describe('the notes origin and database name', () => {
  test('origin.ts holds the pinned values', () => {
    expect({ protocol: APP_PROTOCOL, host: APP_HOST, origin: APP_ORIGIN, database: DB_NAME, appName: APP_NAME, linkProtocol: LINK_PROTOCOL }).toEqual(PINNED);
    expect(DEV_DB_NAME).not.toBe(DB_NAME);
  });

  test('package.json agrees: product name (user-data folder) and the registered link scheme', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { productName: string; build: { productName: string; protocols: { schemes: string[] }[] } };
    expect(pkg.productName).toBe(PINNED.appName);
    expect(pkg.build.productName).toBe(PINNED.appName);
    expect(pkg.build.protocols.flatMap((p) => p.schemes)).toEqual([PINNED.linkProtocol]);
  });

  test('main registers the pinned scheme as standard and secure, serves it, and loads the pinned origin', async () => {
    expect(fake.protocol.privileged).toContainEqual({ scheme: PINNED.protocol, privileges: expect.objectContaining({ standard: true, secure: true }) });
    expect(fake.app.getName()).toBe(PINNED.appName);
    expect(fake.app.getPath('userData').endsWith(PINNED.appName)).toBe(true);
    expect(fake.BrowserWindow.all[0].loadedUrl).toBe(`${PINNED.origin}/index.html`);
    const serve = fake.session.defaultSession.handlers.get(PINNED.protocol);
    expect(serve).toBeDefined();
    const index = (await serve!({ url: `${PINNED.origin}/index.html`, method: 'GET' })) as Response;
    expect(index.status).toBe(200);
    expect(await index.text()).toBe(readFileSync(join(root, 'out/renderer/index.html'), 'utf8'));
    expect(((await serve!({ url: `${PINNED.protocol}://elsewhere/index.html`, method: 'GET' })) as Response).status).toBe(404);
  });

  test('the renderer names its database from origin.ts, and the built renderer opens the pinned name', () => {
    const source = readFileSync(join(root, 'src-renderer/src/db/database.ts'), 'utf8');
    expect(source).toMatch(/import \{[^}]*\bDB_NAME\b[^}]*\} from '\.\.\/\.\.\/\.\.\/src-main\/shared\/origin'/);
    const assets = join(root, 'out/renderer/assets');
    if (!existsSync(assets)) throw new Error('out/renderer is missing: run "npm run build" first (npm test does).');
    const code = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
    expect(code).toMatch(new RegExp(`["'\`]${PINNED.database}["'\`]`));
    // The production bundle never opens the development database.
    expect(code).not.toContain(DEV_DB_NAME);
  });
});
