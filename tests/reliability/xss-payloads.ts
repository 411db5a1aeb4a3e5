/**
 * Payloads for the XSS suite (xss.test.ts). Each one, if it ever ran, would
 * set `window.__xss` to its number, open a dialog, or make a request to (or
 * navigate to) a marker URL on `xss-marker.test`; the suite watches for all
 * three. Drawn from the classic lists: script tags, event handlers,
 * javascript:/data:/vbscript: URLs, SVG, CSS expressions and url(javascript:),
 * Markdown link tricks, autolinks, HTML entities, Unicode direction overrides,
 * iframe srcdoc, meta refresh, forms, base, templates and mutation-XSS shapes.
 */

export const MARKER_HOST = 'xss-marker.test';
const m = (n: number) => `http://${MARKER_HOST}/${n}`;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export interface Payload {
  id: number;
  kind: string;
  text: string;
}

const RAW: [string, (n: number) => string][] = [
  ['script tag', (n) => `<script>window.__xss=${n}</script>`],
  ['img onerror', (n) => `<img src=x onerror=window.__xss=${n}>`],
  ['svg onload', (n) => `<svg onload=window.__xss=${n}>`],
  ['script inside svg', (n) => `<svg><script>window.__xss=${n}</script></svg>`],
  ['iframe javascript: src', (n) => `<iframe src="javascript:top.__xss=${n}"></iframe>`],
  ['iframe srcdoc', (n) => `<iframe srcdoc="<script>parent.__xss=${n}</script>"></iframe>`],
  ['anchor javascript: href', (n) => `<a href="javascript:window.__xss=${n}">click me</a>`],
  ['markdown javascript: link', (n) => `[click me](javascript:window.__xss=${n})`],
  ['markdown mixed-case scheme', (n) => `[click me](JaVaScRiPt:window.__xss=${n})`],
  ['markdown entity-encoded scheme', (n) => `[click me](java&#115;cript:window.__xss=${n})`],
  ['markdown data: html link', (n) => `[click me](data:text/html;base64,${b64(`<script>opener.__xss=${n}</script>`)})`],
  ['markdown image javascript:', (n) => `![pic](javascript:window.__xss=${n})`],
  ['markdown autolink javascript:', (n) => `<javascript:window.__xss=${n}>`],
  ['markdown reference link', (n) => `[ref]: javascript:window.__xss=${n}\n\n[ref]`],
  ['css url(javascript:)', (n) => `<div style="background:url(javascript:window.__xss=${n})">css</div>`],
  ['css expression()', (n) => `<div style="width:expression(window.__xss=${n})">expr</div>`],
  ['style @import marker', (n) => `<style>@import '${m(n)}';</style>`],
  ['stylesheet link marker', (n) => `<link rel=stylesheet href=${m(n)}>`],
  ['remote image marker', (n) => `<img src="${m(n)}">`],
  ['meta refresh', (n) => `<meta http-equiv="refresh" content="0;url=${m(n)}">`],
  ['form javascript: action', (n) => `<form action="javascript:window.__xss=${n}"><button>go</button></form>`],
  ['object data: html', (n) => `<object data="data:text/html,<script>parent.__xss=${n}</script>"></object>`],
  ['embed javascript:', (n) => `<embed src="javascript:window.__xss=${n}">`],
  ['mXSS math/mglyph/style', (n) => `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=${n}>`],
  ['mXSS noscript title', (n) => `<noscript><p title="</noscript><img src=x onerror=window.__xss=${n}>">`],
  ['template content', (n) => `<template><img src=x onerror=window.__xss=${n}></template>`],
  ['entity-escaped img', (n) => `&lt;img src=x onerror=window.__xss=${n}&gt;`],
  ['numeric-entity script', (n) => `&#60;script&#62;window.__xss=${n}&#60;/script&#62;`],
  ['RTL override + handler', (n) => `\u202Egnp.exe<b onmouseover=window.__xss=${n}>evil\u202C`],
  ['base javascript:', (n) => `<base href="javascript:window.__xss=${n}//">`],
  ['attribute breakout', (n) => `"><script>window.__xss=${n}</script>`],
  ['single-quote breakout svg', (n) => `'><svg/onload=window.__xss=${n}>`],
  ['details ontoggle', (n) => `<details open ontoggle=window.__xss=${n}>x</details>`],
  ['body onload', (n) => `<body onload=window.__xss=${n}>`],
  ['svg xlink javascript:', (n) => `<svg><a xlink:href="javascript:window.__xss=${n}"><text x=20 y=20>svg link</text></a></svg>`],
  ['input autofocus onfocus', (n) => `<input autofocus onfocus=window.__xss=${n}>`],
  ['video source onerror', (n) => `<video><source onerror=window.__xss=${n}></video>`],
  ['template injection', (n) => `{{constructor.constructor('window.__xss=${n}')()}}`],
  ['bare javascript: url', (n) => `javascript:window.__xss=${n}`],
  ['alert dialog', (n) => `<img src=x onerror=alert(${n})>`],
  ['script navigation', (n) => `<script>location='${m(n)}'</script>`],
  ['zero-width split scheme', (n) => `[click me](java\u200Bscript:window.__xss=${n})`],
];

export const PAYLOADS: readonly Payload[] = RAW.map(([kind, make], i) => ({ id: i + 1, kind, text: make(i + 1) }));
