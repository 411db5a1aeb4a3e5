/**
 * The W3C export against the MUSTs of the Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/), checked on every annotation of
 * the fixture export, in both link forms (app and browser):
 *  - Annotation: @context (top level), id (an IRI), type "Annotation", at
 *    least one target; a body, when present, is one or more valid bodies
 *    (never an empty list); created/modified are xsd:dateTime with a zone;
 *  - TextualBody: type and value; SpecificResource target: source (an IRI);
 *    TextQuoteSelector: exact; TextPositionSelector: start and end, 0 <= start <= end;
 *  - styleClass: the class is defined in the stylesheet of the same annotation;
 *  - AnnotationCollection and AnnotationPage: id (an IRI) and type; a page has
 *    items; total matches the items.
 */
import { describe, expect, it } from 'vitest';
import { exportW3c } from './w3c-export';
import { fixtureInput } from './test-fixtures';

// An absolute IRI: a scheme, then no spaces (RFC 3987 in short).
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function annotationProblems(a: Json, where: string): string[] {
  const p: string[] = [];
  if (typeof a.id !== 'string' || !IRI.test(a.id)) p.push(`${where}: id is not an IRI`);
  if (a.type !== 'Annotation') p.push(`${where}: type is not "Annotation"`);
  if ('body' in a) {
    const bodies = Array.isArray(a.body) ? a.body : [a.body];
    if (bodies.length === 0) p.push(`${where}: body is present but empty`);
    for (const b of bodies) {
      if (b?.type !== 'TextualBody' || typeof b.value !== 'string') p.push(`${where}: a body is not a TextualBody with a value`);
    }
  }
  const targets = Array.isArray(a.target) ? a.target : [a.target];
  if (!a.target || targets.length === 0) p.push(`${where}: no target`);
  for (const t of targets) {
    if (typeof t?.source !== 'string' || !IRI.test(t.source)) p.push(`${where}: target source is not an IRI`);
    const selectors = Array.isArray(t?.selector) ? t.selector : [t?.selector];
    for (const s of selectors) {
      if (s?.type === 'TextQuoteSelector' && (typeof s.exact !== 'string' || !s.exact)) p.push(`${where}: TextQuoteSelector without exact`);
      if (s?.type === 'TextPositionSelector' && !(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end)) {
        p.push(`${where}: TextPositionSelector without a valid start and end`);
      }
    }
    if (t?.styleClass !== undefined) {
      const css = a.stylesheet?.type === 'CssStylesheet' ? String(a.stylesheet.value ?? '') : '';
      if (!new RegExp(`\\.${t.styleClass}\\s*\\{[^}]*background-color:\\s*#[0-9a-f]{3,6}`, 'i').test(css)) {
        p.push(`${where}: styleClass "${t.styleClass}" is not defined in the annotation's own stylesheet`);
      }
    }
  }
  for (const k of ['created', 'modified']) if (k in a && !DATE_TIME.test(a[k])) p.push(`${where}: ${k} is not an xsd:dateTime with a time zone`);
  return p;
}

describe('W3C export conforms to the Web Annotation Data Model', () => {
  for (const linkBase of ['archive-reader://', 'http://127.0.0.1:5174/#']) {
    it(`every MUST holds for the collection, its page and each annotation (links ${linkBase})`, () => {
      const doc: Json = JSON.parse(exportW3c(fixtureInput({ linkBase })));
      const problems: string[] = [];
      if (doc['@context'] !== 'http://www.w3.org/ns/anno.jsonld') problems.push('collection: @context');
      if (typeof doc.id !== 'string' || !IRI.test(doc.id)) problems.push('collection: id is not an IRI');
      if (doc.type !== 'AnnotationCollection') problems.push('collection: type');
      const page = doc.first;
      if (typeof page?.id !== 'string' || !IRI.test(page.id)) problems.push('page: id is not an IRI');
      if (page?.type !== 'AnnotationPage') problems.push('page: type');
      if (!Array.isArray(page?.items) || page.items.length === 0) problems.push('page: no items');
      if (doc.total !== page.items.length) problems.push('collection: total does not match the items');
      page.items.forEach((a: Json, i: number) => problems.push(...annotationProblems(a, `annotation ${i + 1}`)));
      expect(problems).toEqual([]);
    });
  }

  it('a highlight without note or tags has no body; one with a note has a commenting body', () => {
    const input = fixtureInput();
    const bare = { ...input.annotations[0], id: 'bare', note: '', tags: [] };
    const doc: Json = JSON.parse(exportW3c({ ...input, annotations: [bare, input.annotations[0]] }));
    expect(doc.first.items[0]).not.toHaveProperty('body');
    expect(doc.first.items[0].motivation).toBe('highlighting');
    expect(doc.first.items[1].body[0]).toMatchObject({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown' });
  });

  it('the checker itself refuses the shapes the old export had', () => {
    const old = { id: 'urn:x:1', type: 'Annotation', body: [], target: { source: 'archive-reader://article/a', styleClass: 'color-yellow', selector: [] } };
    expect(annotationProblems(old, 'old')).toEqual([
      'old: body is present but empty',
      'old: styleClass "color-yellow" is not defined in the annotation\'s own stylesheet',
    ]);
  });

  it('uses the person\'s colour for the style class', () => {
    const input = fixtureInput();
    const colors = input.colors!.map((c) => (c.id === 'yellow' ? { ...c, hex: '#123456' } : c));
    const doc: Json = JSON.parse(exportW3c({ ...input, colors, annotations: [{ ...input.annotations[0], color: 'yellow' }] }));
    expect(doc.first.items[0].stylesheet.value).toBe('.color-yellow { background-color: #123456; }');
  });
});
