/**
 * The tag manager: every tag with how many highlights and articles carry it,
 * its colour, and rename, merge and delete. Merge and delete change many
 * items at once, so each asks for confirmation first and says what it will
 * touch; deleting a tag never deletes a highlight or an article note.
 */
import { useState } from 'react';
import { deleteTag, mergeTags, renameTag, setTagColor, tagKey, useNotesDb, useTagUsage, type TagUsage } from '../../db';
import { showToast } from '../annotations';
import { formatCount } from '../../platform/format';

type Pending =
  | { kind: 'merge'; from: string; into: string }
  | { kind: 'delete'; name: string }
  | null;

const uses = (u: TagUsage) =>
  `${formatCount(u.annotations, 'highlight', 'highlights')}, ${formatCount(u.articles, 'article', 'articles')}`;

export function TagManager() {
  const db = useNotesDb();
  const usage = useTagUsage();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [mergeInto, setMergeInto] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);

  if (!usage) return <p className="ann-empty">Loading tags…</p>;
  const byKey = new Map(usage.map((u) => [tagKey(u.name), u]));

  const doRename = async (from: string) => {
    const clash = byKey.get(tagKey(newName));
    if (clash && tagKey(clash.name) !== tagKey(from)) {
      // Renaming onto an existing tag is a merge: ask first.
      setPending({ kind: 'merge', from, into: clash.name });
      return;
    }
    const r = await renameTag(db, from, newName);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setRenaming(null);
  };

  const confirm = async () => {
    if (!pending) return;
    const r = pending.kind === 'merge' ? await mergeTags(db, [pending.from], pending.into) : await deleteTag(db, pending.name);
    if (!r.ok) setError(r.error.message);
    else {
      setError(null);
      showToast(pending.kind === 'merge' ? `Merged “${pending.from}” into “${pending.into}”.` : `Deleted tag “${pending.name}”.`);
    }
    setPending(null);
    setRenaming(null);
  };

  const pendingUsage = pending ? byKey.get(tagKey(pending.kind === 'merge' ? pending.from : pending.name)) : undefined;

  return (
    <section className="tag-manager" aria-labelledby="tag-manager-title">
      <h2 id="tag-manager-title" className="section-label">
        Tags
      </h2>
      {usage.length === 0 ? <p className="ann-empty">No tags yet.</p> : null}
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      {pending && pendingUsage ? (
        <div role="alertdialog" aria-label="Confirm" className="card tag-confirm">
          <p>
            {pending.kind === 'merge'
              ? `Merge “${pending.from}” into “${pending.into}”? “${pending.from}” is on ${uses(pendingUsage)}; they will carry “${pending.into}” instead.`
              : `Delete the tag “${pending.name}”? It is on ${uses(pendingUsage)}. They stay; only the tag is removed.`}
          </p>
          <button type="button" className="button" onClick={() => void confirm()}>
            {pending.kind === 'merge' ? 'Merge tags' : 'Delete tag'}
          </button>{' '}
          <button type="button" className="button-quiet" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      ) : null}
      <ul className="tag-manager-list">
        {usage.map((u) => (
          <li key={u.name} className="tag-row" data-tag={u.name}>
            <input
              type="color"
              aria-label={`Colour of tag ${u.name}`}
              value={u.color.length === 4 ? `#${[...u.color.slice(1)].map((c) => c + c).join('')}` : u.color}
              onChange={(e) => void setTagColor(db, u.name, e.target.value)}
            />
            {renaming === u.name ? (
              <>
                <input
                  aria-label={`New name for ${u.name}`}
                  value={newName}
                  autoFocus
                  onChange={(e) => setNewName(e.target.value)}
                  onKeyDown={(e) => e.key === 'Enter' && void doRename(u.name)}
                />
                <button type="button" className="button" onClick={() => void doRename(u.name)}>
                  Save name
                </button>
                <button type="button" className="button-quiet" onClick={() => setRenaming(null)}>
                  Cancel
                </button>
              </>
            ) : (
              <span className="chip" style={{ borderColor: u.color }}>
                {u.name}
              </span>
            )}
            <span className="tag-count">{uses(u)}</span>
            <span className="tag-actions">
            <button
              type="button"
              className="link-button"
              aria-label={`Rename ${u.name}`}
              onClick={() => {
                setRenaming(u.name);
                setNewName(u.name);
              }}
            >
              Rename
            </button>
            <select
              aria-label={`Merge ${u.name} into`}
              value={mergeInto[u.name] ?? ''}
              onChange={(e) => setMergeInto((m) => ({ ...m, [u.name]: e.target.value }))}
            >
              <option value="">Merge into…</option>
              {usage
                .filter((o) => o.name !== u.name)
                .map((o) => (
                  <option key={o.name} value={o.name}>
                    {o.name}
                  </option>
                ))}
            </select>
            <button
              type="button"
              className="link-button"
              disabled={!mergeInto[u.name]}
              aria-label={`Merge ${u.name}`}
              onClick={() => setPending({ kind: 'merge', from: u.name, into: mergeInto[u.name] })}
            >
              Merge
            </button>
            <button
              type="button"
              className="link-button ann-delete"
              aria-label={`Delete tag ${u.name}`}
              onClick={() => setPending({ kind: 'delete', name: u.name })}
            >
              Delete
            </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
