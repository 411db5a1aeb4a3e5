/**
 * The briefs that appeared with an article's page, or, for a brief, the
 * pages it appeared on. Each is fetched by id (a page carries a handful), and
 * one that cannot be loaded is left out rather than breaking the article.
 */
import { useEffect, useState } from 'react';
import type { Doc } from '../../../../src-main/shared/model';
import { useApi } from '../../platform/api-context';
import { formatDate } from '../../platform/format';
import { Link } from '../../platform/Link';

export function RelatedDocs({ doc }: { doc: Doc }) {
  const api = useApi();
  const ids = (doc.kind === 'article' ? doc.briefs : doc.appearsIn) ?? [];
  const [docs, setDocs] = useState<Doc[] | null>(null);
  const key = ids.join('\n');

  useEffect(() => {
    let live = true;
    setDocs(null);
    const wanted = key ? key.split('\n') : [];
    void Promise.all(wanted.map((id) => api.getDoc({ id }))).then((results) => {
      if (live) setDocs(results.flatMap((r) => (r.ok ? [r.value] : [])));
    });
    return () => {
      live = false;
    };
  }, [api, key]);

  if (ids.length === 0) return null;
  const heading = doc.kind === 'article' ? 'Briefs on this page' : 'Appeared on these pages';
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading" className="section-label">
        {heading} <span className="count-pill">{ids.length}</span>
      </h2>
      {docs === null ? (
        <p className="subtle">Loading…</p>
      ) : (
        <ul className="related-list">
          {docs.map((d) => {
            // A brief's title is usually the start of its text: show the text once, not twice.
            const first = d.paragraphs[0];
            const stem = d.title.replace(/…$/, '');
            const titleIsLead = d.kind === 'brief' && first !== undefined && first.text.startsWith(stem);
            const date = d.published ?? d.eventDate;
            return (
              <li key={d.id}>
                <Link to={{ name: 'article', id: d.id }} className="related-link">
                  {date ? <span className="related-meta">{formatDate(date)}</span> : null}
                  {titleIsLead ? (
                    <span className="related-lead" lang={first.lang === 'ru' ? 'ru' : undefined}>
                      {first.text}
                    </span>
                  ) : (
                    <span className="related-title">{d.title}</span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
