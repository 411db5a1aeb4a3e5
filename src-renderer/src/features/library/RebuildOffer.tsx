/**
 * What the library offers when the bundled archive could not be opened
 * (a file damaged or cut short): rebuild it from its pages, in place of only
 * showing the message. Imported archives are rebuilt by importing them again
 * (the switcher's "Import again"): only the person can give their folder.
 */
import { useState } from 'react';
import { useApi } from '../../platform/api-context';

export function RebuildOffer({ onRebuilt }: { onRebuilt: () => void }) {
  const api = useApi();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const rebuild = async () => {
    setState({ busy: true, error: null });
    const r = await api.archiveRebuild();
    if (r.ok) {
      setState({ busy: false, error: null });
      onRebuilt();
    } else setState({ busy: false, error: r.error.message });
  };
  return (
    <div className="state-actions">
      <button type="button" className="button" onClick={() => void rebuild()} disabled={state.busy} aria-busy={state.busy || undefined}>
        {state.busy ? 'Rebuilding the archive…' : 'Rebuild the archive from its pages'}
      </button>
      {state.error ? (
        <p className="state-text" role="alert">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
