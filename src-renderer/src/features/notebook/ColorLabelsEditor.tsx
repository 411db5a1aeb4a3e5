/**
 * The person's names for the highlight colours ("Key fact", "Question", ...),
 * which name the colour buttons in the selection toolbar. Saved on Enter or
 * when the field loses focus.
 */
import { useState } from 'react';
import type { ColorDef } from '../../../../src-main/shared/notes/annotation-model';
import { setColorLabel, useColors, useNotesDb } from '../../db';

function LabelField({ color }: { color: ColorDef }) {
  const db = useNotesDb();
  const [value, setValue] = useState(color.label);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (value === color.label) return;
    const r = await setColorLabel(db, color.id, value);
    setError(r.ok ? null : r.error.message);
    if (!r.ok) setValue(color.label);
  };
  return (
    <li className="color-label-row">
      <span className="ann-swatch" data-color={color.id} aria-hidden="true" />
      <input
        aria-label={`Name of the ${color.id} highlight colour`}
        value={value}
        maxLength={40}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => e.key === 'Enter' && void save()}
      />
      {error ? (
        <span role="alert" className="inline-error">
          {error}
        </span>
      ) : null}
    </li>
  );
}

export function ColorLabelsEditor() {
  const colors = useColors();
  return (
    <section aria-labelledby="color-labels-title">
      <h2 id="color-labels-title" className="section-label">
        Highlight colours
      </h2>
      <ul className="color-labels">
        {colors.map((c) => (
          <LabelField key={`${c.id}:${c.label}`} color={c} />
        ))}
      </ul>
    </section>
  );
}
