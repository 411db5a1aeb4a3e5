/**
 * Kind, "mentions" (one person, place or organization: the archive filters
 * by one facet at a time; a searchable combobox, as an archive names
 * thousands of them), section (the sub-folder a document came from,
 * shown when the archive has more than one), my notes and tag, plus the active
 * filters as removable chips. Everything writes to the route, so Back undoes
 * a filter.
 */
import { useMemo } from 'react';
import type { FacetsResponse } from '../../../../src-main/shared/contract';
import type { DocKind, FacetType } from '../../../../src-main/shared/model';
import { formatNumber } from '../../platform/format';
import type { LibraryRoute, NotesFilter } from '../../platform/routes';
import { FacetCombobox } from './FacetCombobox';
import { SORT_OPTIONS, sortOf } from './library-query';

const FACET_GROUPS: { type: FacetType; label: string; singular: string }[] = [
  { type: 'people', label: 'People', singular: 'Person' },
  { type: 'places', label: 'Places', singular: 'Place' },
  { type: 'organizations', label: 'Organizations', singular: 'Organization' },
];
const NONE: never[] = [];

export function LibraryFilters({
  route,
  facets,
  onChange,
  tags = [],
  archiveCounts,
}: {
  route: LibraryRoute;
  facets: FacetsResponse | undefined;
  /** The archive's own counts, known before facets answer (the kind counts are the whole archive's; how many folders): drawn from the first frame. */
  archiveCounts?: { articles: number; briefs: number; sections: number };
  onChange: (next: LibraryRoute) => void;
  /** Tags in use on the person's notes (the tag filter's choices). */
  tags?: readonly string[];
}) {
  // One rule for both sources: a kind the archive has none of counts 0 (facets leave it out of their list).
  const kindCount = (k: DocKind) => (facets ? (facets.kinds.find((x) => x.kind === k)?.count ?? 0) : archiveCounts?.[k === 'article' ? 'articles' : 'briefs']);
  const all = facets ? facets.kinds.reduce((n, k) => n + k.count, 0) : archiveCounts ? archiveCounts.articles + archiveCounts.briefs : undefined;
  const kinds: { id: DocKind | undefined; label: string; count: number | undefined }[] = [
    { id: undefined, label: 'All', count: all },
    { id: 'article', label: 'Articles', count: kindCount('article') },
    { id: 'brief', label: 'Briefs', count: kindCount('brief') },
  ];
  // New arrays only with a new facets answer: the combobox folds each value once per answer.
  const facetGroups = useMemo(() => FACET_GROUPS.map((g) => ({ id: g.type, label: g.label, values: facets?.[g.type] ?? NONE })), [facets]);
  const hasFilters = route.kind || route.year !== undefined || route.facet || route.section || route.notes || route.tag;
  const sections = facets?.sections ?? [];

  return (
    <div className="filters">
      <div className="filters-row">
        <div className="segmented" role="radiogroup" aria-label="Kind">
          {kinds.map((k) => (
            <label key={k.label} className="segment">
              <input
                type="radio"
                name="library-kind"
                checked={route.kind === k.id}
                onChange={() => onChange({ ...route, kind: k.id })}
              />
              <span>
                {k.label}
                {k.count !== undefined ? <span className="segment-count">{formatNumber(k.count)}</span> : null}
              </span>
            </label>
          ))}
        </div>

        <FacetCombobox
          label="Mentions"
          anyLabel="Anyone or anything"
          groups={facetGroups}
          selected={route.facet ? { group: route.facet.type, value: route.facet.value } : undefined}
          onPick={(c) => onChange({ ...route, facet: c ? { type: c.group, value: c.value } : undefined })}
        />

        {/* Held from the first frame when the archive says it has several folders: arriving with facets, it wrapped the row. */}
        {sections.length > 1 || route.section || (!facets && (archiveCounts?.sections ?? 0) > 1) ? (
          <label className="select-field">
            <span className="select-label">Section</span>
            <select value={route.section ?? ''} disabled={!facets && !route.section} onChange={(e) => onChange({ ...route, section: e.target.value || undefined })}>
              <option value="">Every folder</option>
              {sections.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.value} ({formatNumber(s.count)})
                </option>
              ))}
              {route.section && !sections.some((s) => s.value === route.section) ? <option value={route.section}>{route.section}</option> : null}
            </select>
          </label>
        ) : null}

        <label className="select-field">
          <span className="select-label">My notes</span>
          <select
            value={route.notes ?? ''}
            onChange={(e) => onChange({ ...route, notes: (e.target.value || undefined) as NotesFilter | undefined })}
          >
            <option value="">Any article</option>
            <option value="annotated">Annotated</option>
            <option value="starred">Starred</option>
          </select>
        </label>

        {/* Always there, so the row keeps its shape when the notes (and their tags) are read after the rows. */}
        <label className="select-field">
          <span className="select-label">Tag</span>
          <select
            value={route.tag ?? ''}
            disabled={tags.length === 0 && !route.tag}
            onChange={(e) => onChange({ ...route, tag: e.target.value || undefined })}
          >
            <option value="">{tags.length === 0 && !route.tag ? 'No tags yet' : 'Any tag'}</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
            {route.tag && !tags.some((t) => t.toLocaleLowerCase() === route.tag!.toLocaleLowerCase()) ? (
              <option value={route.tag}>{route.tag}</option>
            ) : null}
          </select>
        </label>
      </div>

      {hasFilters ? (
        <ul className="chips" aria-label="Active filters">
          {route.year !== undefined ? (
            <li>
              <button type="button" className="chip" aria-label={`Remove filter: year ${route.year}`} onClick={() => onChange({ ...route, year: undefined })}>
                {route.year} <span aria-hidden="true">×</span>
              </button>
            </li>
          ) : null}
          {route.facet ? (
            <li>
              <button
                type="button"
                className="chip"
                aria-label={`Remove filter: ${route.facet.value}`}
                onClick={() => onChange({ ...route, facet: undefined })}
              >
                <span className="chip-kind">{FACET_GROUPS.find((g) => g.type === route.facet?.type)?.singular}</span>
                {route.facet.value} <span aria-hidden="true">×</span>
              </button>
            </li>
          ) : null}
          {route.section ? (
            <li>
              <button type="button" className="chip" aria-label={`Remove filter: section ${route.section}`} onClick={() => onChange({ ...route, section: undefined })}>
                <span className="chip-kind">Section</span>
                {route.section} <span aria-hidden="true">×</span>
              </button>
            </li>
          ) : null}
          {route.kind ? (
            <li>
              <button type="button" className="chip" aria-label={`Remove filter: ${route.kind}s only`} onClick={() => onChange({ ...route, kind: undefined })}>
                {route.kind === 'article' ? 'Articles' : 'Briefs'} <span aria-hidden="true">×</span>
              </button>
            </li>
          ) : null}
          {route.notes ? (
            <li>
              <button type="button" className="chip" aria-label={`Remove filter: ${route.notes} only`} onClick={() => onChange({ ...route, notes: undefined })}>
                {route.notes === 'annotated' ? 'Annotated' : 'Starred'} <span aria-hidden="true">×</span>
              </button>
            </li>
          ) : null}
          {route.tag ? (
            <li>
              <button type="button" className="chip" aria-label={`Remove filter: tag ${route.tag}`} onClick={() => onChange({ ...route, tag: undefined })}>
                <span className="chip-kind">Tag</span>
                {route.tag} <span aria-hidden="true">×</span>
              </button>
            </li>
          ) : null}
          <li>
            <button type="button" className="link-button" onClick={() => onChange({ name: 'library', sort: route.sort, order: route.order })}>
              Clear filters
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The order of the list. It sits in the library's header, not in the filters' row: that row then fits one
 * line on a laptop, and the list keeps the height it needs.
 */
export function SortField({ route, onChange }: { route: LibraryRoute; onChange: (next: LibraryRoute) => void }) {
  const sort = sortOf(route);
  return (
    <label className="select-field sort-field">
      <span className="select-label">Sort</span>
      <select
        value={sort.id}
        onChange={(e) => {
          const o = SORT_OPTIONS.find((s) => s.id === e.target.value) ?? SORT_OPTIONS[0]!;
          onChange({ ...route, sort: o.sort, order: o.order });
        }}
      >
        {SORT_OPTIONS.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
