/**
 * A short guide to the query syntax. The archive reads anything it cannot
 * parse literally and says so, so this is help, not a set of rules.
 */
import { memo } from 'react';
import { Link } from '../../platform/Link';

const EXAMPLES: { query: string; meaning: string }[] = [
  { query: 'border security', meaning: 'Articles with either word; both rank higher' },
  { query: '"collective security"', meaning: 'The exact phrase' },
  { query: '+exercise -Belarus', meaning: 'Must have “exercise”, must not have “Belarus”' },
  { query: 'title:minsk', meaning: 'Only in titles (also body:)' },
  { query: 'secur*', meaning: 'Words starting with “secur”' },
  { query: 'Bordyuzha~1', meaning: 'Allow one typo' },
  { query: 'граница', meaning: 'Russian words, any ending (границы, границе…)' },
];

/** Memoized: the results above it change with every key, the help never does. */
export const SyntaxHelp = memo(function SyntaxHelp({ open = false }: { open?: boolean }) {
  return (
    <details className="syntax-help" open={open}>
      <summary>Search syntax</summary>
      <dl className="syntax-list">
        {EXAMPLES.map((e) => (
          <div key={e.query} className="syntax-row">
            <dt>
              <Link to={{ name: 'search', q: e.query }} className="syntax-query">
                <code>{e.query}</code>
              </Link>
            </dt>
            <dd>{e.meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="syntax-note">
        The word you are still typing finds the words it begins. Typos are forgiven: when nothing matches, close
        spellings are tried and the results say so. Anything the syntax cannot read is searched as plain text.
      </p>
    </details>
  );
});
