/**
 * The search engine: builds, saves, loads and queries the Lunr index. Callers
 * see only `buildIndex`, `loadEngine` and `SearchEngine.search`, in terms of
 * neutral clauses, so the inside can change (shards, worker threads, a more
 * compact form) without touching them.
 *
 * Term positions are NOT stored (no metadataWhitelist): snippets and
 * highlights are computed for the shown hits only, from the matched terms
 * (see highlight.ts). That keeps the serialized index several times smaller.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { configureBuilder, setupLunr, lunr } from './lunr-setup';

export const INDEX_FIELDS = ['title', 'body', 'facets'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** Title matches weigh most: a word in the headline says what the article is about. */
const FIELD_BOOST: Record<IndexField, number> = { title: 10, body: 1, facets: 3 };

export interface EngineDoc {
  id: string;
  title: string;
  body: string;
  facets: string;
}

export type Presence = 'optional' | 'required' | 'prohibited';

export interface EngineClause {
  term: string;
  fields?: IndexField[];
  presence: Presence;
  leadingWildcard: boolean;
  trailingWildcard: boolean;
  editDistance: number;
  boost: number;
  /** Run the term through the search pipeline (folding, stemming). Off for wildcard/fuzzy terms. */
  usePipeline: boolean;
}

export interface EngineHit {
  id: string;
  score: number;
  /** Index terms (folded, stemmed) this document matched: used to highlight. */
  terms: string[];
}

export interface SearchEngine {
  readonly docCount: number;
  search(clauses: EngineClause[]): Promise<EngineHit[]>;
  close(): Promise<void>;
}

const INDEX_FILE = 'lunr.json';

/** Builds the index for `docs` into `dir` (created). Returns the size on disk in bytes. */
export async function buildIndex(docs: EngineDoc[], dir: string): Promise<{ bytes: number }> {
  const l = setupLunr();
  const index = l(function () {
    configureBuilder(this);
    this.ref('id');
    for (const f of INDEX_FIELDS) this.field(f, { boost: FIELD_BOOST[f] });
    for (const d of docs) this.add(d);
  });
  const text = JSON.stringify({ engine: 'lunr-1', docCount: docs.length, index });
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(join(dir, INDEX_FILE), text);
  return { bytes: Buffer.byteLength(text) };
}

/** Loads a built index from `dir`. Rejects with a readable message when it is missing or damaged. */
export async function loadEngine(dir: string): Promise<SearchEngine> {
  const file = join(dir, INDEX_FILE);
  let raw: { engine?: string; docCount?: number; index?: object };
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`search index ${file} cannot be read: ${(e as Error).message}`);
  }
  if (raw.engine !== 'lunr-1' || !raw.index) throw new Error(`search index ${file} has an unknown format; rebuild the archive`);
  setupLunr();
  const index = lunr.Index.load(raw.index);
  return new LunrEngine(index, raw.docCount ?? 0);
}

const WILDCARD = lunr.Query.wildcard;
const PRESENCE = lunr.Query.presence;

class LunrEngine implements SearchEngine {
  constructor(
    private index: lunr.Index | null,
    readonly docCount: number,
  ) {}

  async search(clauses: EngineClause[]): Promise<EngineHit[]> {
    const index = this.index;
    if (!index) throw new Error('search index is closed');
    if (clauses.length === 0) return [];
    const results = index.query((q) => {
      for (const c of clauses) {
        // Lunr treats any `editDistance` key (even 0) as fuzzy and then reads `*` literally.
        q.term(c.term, {
          ...(c.editDistance > 0 ? { editDistance: c.editDistance } : {}),
          fields: c.fields ?? [...INDEX_FIELDS],
          presence: c.presence === 'required' ? PRESENCE.REQUIRED : c.presence === 'prohibited' ? PRESENCE.PROHIBITED : PRESENCE.OPTIONAL,
          wildcard: (c.leadingWildcard ? WILDCARD.LEADING : WILDCARD.NONE) | (c.trailingWildcard ? WILDCARD.TRAILING : WILDCARD.NONE),
          boost: c.boost,
          usePipeline: c.usePipeline,
        });
      }
    });
    return results.map((r) => ({ id: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata) }));
  }

  async close(): Promise<void> {
    this.index = null;
  }
}
