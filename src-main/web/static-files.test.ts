/** Request path -> renderer file mapping and the Host/Origin rules of the web host, as pure functions. */
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentType, resolveStaticPath } from './static-files';
import { refuseReason } from './request-guard';

const root = resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  test('maps paths to files under the renderer folder, routes to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveStaticPath(root, '/library')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a%20b.css')).toBe(join(root, 'assets/a b.css'));
  });

  test('never leaves the renderer folder', () => {
    for (const bad of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd.txt', '/assets/..%2f..%2fsecret.txt', '/..\\..\\x.js', '/%00.js', '/%E0%A4%A.js']) {
      const got = resolveStaticPath(root, bad);
      if (got !== null) expect(got.startsWith(root + '/')).toBe(true);
    }
    expect(resolveStaticPath(root, '/../package.json')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A.js')).toBeNull();
  });

  test('content types', () => {
    expect(contentType('x.js')).toMatch(/javascript/);
    expect(contentType('x.HTML')).toMatch(/text\/html/);
    expect(contentType('x.unknown')).toBe('application/octet-stream');
  });
});

describe('refuseReason', () => {
  test('accepts this server by IP or localhost, with or without its own Origin', () => {
    expect(refuseReason({ host: '127.0.0.1:5174' }, 5174)).toBeNull();
    expect(refuseReason({ host: 'localhost:5174', origin: 'http://localhost:5174' }, 5174)).toBeNull();
    expect(refuseReason({ host: '127.0.0.1:5174', origin: 'http://127.0.0.1:5174', 'sec-fetch-site': 'same-origin' }, 5174)).toBeNull();
  });

  test('refuses other hosts (DNS rebinding), other origins and cross-site fetches', () => {
    expect(refuseReason({ host: 'evil.example:5174' }, 5174)).toMatch(/Host/);
    expect(refuseReason({}, 5174)).toMatch(/Host/);
    expect(refuseReason({ host: '127.0.0.1:5175' }, 5174)).toMatch(/Host/);
    expect(refuseReason({ host: '127.0.0.1:5174', origin: 'http://127.0.0.1:8080' }, 5174)).toMatch(/Origin/);
    expect(refuseReason({ host: '127.0.0.1:5174', origin: 'null' }, 5174)).toMatch(/Origin/);
    expect(refuseReason({ host: '127.0.0.1:5174', origin: 'https://127.0.0.1:5174' }, 5174)).toMatch(/Origin/);
    expect(refuseReason({ host: '127.0.0.1:5174', 'sec-fetch-site': 'cross-site' }, 5174)).toMatch(/Cross-site/);
  });

  test('lets a person follow a passage link from another site or a file (a top-level GET navigation), nothing else', () => {
    const nav = { host: '127.0.0.1:5174', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
    expect(refuseReason(nav, 5174, 'GET')).toBeNull();
    expect(refuseReason(nav, 5174, 'POST')).toMatch(/Cross-site/); // a form posted from another site
    expect(refuseReason({ ...nav, 'sec-fetch-dest': 'iframe' }, 5174, 'GET')).toMatch(/Cross-site/); // framing
    expect(refuseReason({ ...nav, 'sec-fetch-mode': 'cors' }, 5174, 'GET')).toMatch(/Cross-site/); // a script's fetch
    expect(refuseReason({ ...nav, host: 'evil.example:5174' }, 5174, 'GET')).toMatch(/Host/);
  });
});
