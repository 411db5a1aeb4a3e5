/**
 * The XSS suite's detectors (xss.test.ts): what a payload would do if it ran,
 * watched from outside the page (requests to the marker host or to
 * javascript: URLs, dialogs, navigations of the main frame, frames, popups,
 * CSP messages) and checked inside it (window.__xss, CSP violation events
 * collected by an init script, and a scan of the DOM for active content:
 * scripts the app did not serve, on* attributes, javascript:/data:/vbscript:
 * URLs, frames, objects, <base>, meta refresh, url()/expression() in styles).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { MARKER_HOST } from './xss-payloads';

export interface Watch {
  failures: string[];
  csp: string[];
  checks: number;
}

/**
 * Watch every page of a context: CSP violation events collected by an init
 * script (ours, so the page's CSP does not apply to it), marker requests,
 * dialogs, navigations away from `allowedOrigin`, frames and popups.
 */
export async function watchContext(watch: Watch, context: BrowserContext, allowedOrigin: string | null): Promise<void> {
  await context.addInitScript(() => {
    const w = globalThis as unknown as { __csp: string[]; addEventListener(t: string, f: (e: { violatedDirective: string; blockedURI: string }) => void): void };
    w.__csp = [];
    w.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  context.on('request', (r) => {
    const url = r.url();
    if (url.includes(MARKER_HOST)) watch.failures.push(`request to a marker URL: ${url}`);
    if (/^(javascript|vbscript):/i.test(url)) watch.failures.push(`request to ${url.slice(0, 80)}`);
  });
  context.on('page', (p) => {
    p.on('dialog', (d) => {
      watch.failures.push(`dialog (${d.type()}): ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    p.on('framenavigated', (f) => {
      const url = f.url();
      if (f === p.mainFrame()) {
        if (allowedOrigin && !url.startsWith(allowedOrigin) && url !== 'about:blank') watch.failures.push(`navigation to ${url.slice(0, 120)}`);
      } else if (url !== 'about:blank' && url !== '') watch.failures.push(`a frame loaded ${url.slice(0, 120)}`);
    });
    p.on('frameattached', () => watch.failures.push(`a frame was attached in ${p.url()}`));
    p.on('popup', (pop) => watch.failures.push(`a popup opened: ${pop.url()}`));
    p.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) watch.csp.push(msg.text().slice(0, 160));
    });
  });
}

/** Run in the page: has anything run, and does the DOM hold anything active? */
export async function inspectPage(watch: Watch, page: Page, where: string, opts: { ownScripts: boolean }): Promise<string> {
  const r = await page.evaluate((ownScripts) => {
    type El = { tagName: string; attributes: ArrayLike<{ name: string; value: string }>; outerHTML: string; textContent: string | null; getAttribute(n: string): string | null; parentElement: El | null };
    const w = globalThis as unknown as { __xss?: unknown; __csp?: string[]; document: { querySelectorAll(s: string): ArrayLike<El>; body: { innerText: string }; location: { origin: string } } };
    const bad: string[] = [];
    const all = Array.from(w.document.querySelectorAll('*'));
    for (const el of all) {
      const tag = el.tagName.toLowerCase();
      const snippet = el.outerHTML.slice(0, 160);
      if (tag === 'script') {
        const src = el.getAttribute('src');
        if (!ownScripts || !src || !new URL(src, w.document.location.origin + '/').href.startsWith(w.document.location.origin + '/')) bad.push(`script: ${snippet}`);
      }
      if (['iframe', 'frame', 'object', 'embed', 'base', 'applet', 'portal'].includes(tag)) bad.push(`${tag}: ${snippet}`);
      if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) bad.push(`meta refresh: ${snippet}`);
      if (tag === 'style' && /xss|javascript:|@import/i.test(el.textContent ?? '')) bad.push(`style: ${snippet}`);
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase();
        const value = a.value.replace(/[\u0000-\u0020\u200b]/g, '').toLowerCase();
        if (name.startsWith('on')) bad.push(`${name} on ${tag}: ${snippet}`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc'].includes(name)) {
          // The app's own icon is an inline SVG in <head>; http(s) links (<a href>) are inert until clicked.
          const ownIcon = tag === 'link' && /icon/.test(el.getAttribute('rel') ?? '') && /^data:image\/svg\+xml,/.test(value) && el.parentElement?.tagName.toLowerCase() === 'head';
          const link = tag === 'a' && name === 'href' && /^https?:/.test(value);
          if (!ownIcon && !link && (name === 'srcdoc' || /^(javascript|vbscript|data):/.test(value) || value.includes('xss-marker'))) bad.push(`${name}=${a.value.slice(0, 80)} on ${tag}`);
        }
        if (name === 'style' && /url\(|expression\(|javascript:/.test(value)) bad.push(`style=${a.value.slice(0, 80)} on ${tag}`);
      }
    }
    return { flag: w.__xss, bad, csp: w.__csp ?? [], text: w.document.body.innerText };
  }, opts.ownScripts);
  watch.checks++;
  if (r.flag !== undefined) watch.failures.push(`${where}: payload ${String(r.flag)} RAN (window.__xss set)`);
  for (const b of r.bad) watch.failures.push(`${where}: active content in the DOM: ${b}`);
  for (const c of r.csp) watch.csp.push(`${where}: ${c}`);
  return r.text;
}
