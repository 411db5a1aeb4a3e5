/**
 * An opened archive: the ArchiveService every host calls. Opening reads the
 * manifest and the summaries only, so the library can be shown at once; the
 * search index loads afterwards (`searchReady`), and bodies are read from disk
 * when a document is opened or shown as a hit.
 */
import { existsSync } from 'node:fs';
import type { Doc, DocSummary, FacetType } from '../shared/model';
import type { FacetCount, FacetsResponse, FindInDocResponse, ListRequest, ListResponse, SearchRequest, SearchResponse } from '../shared/contract';
import type { ArchiveInfo, ArchiveService } from './types';
import { BodyReader, paths, readManifest, readSummaries, type Manifest, type StoredSummary } from './store/layout';
import { loadEngine, type SearchEngine } from './search/engine';
import { runFindInDoc, runSearch } from './search/search-service';

export async function openArchive(dir: string): Promise<ArchiveService> {
  const p = paths(dir);
  if (!existsSync(p.manifest)) throw new Error(`No archive in ${dir} (manifest.json is missing). Build one with: npm run archive, or: npm run cli -- ingest <folder> --out ${dir}`);
  const manifest = await readManifest(dir);
  if (!manifest) throw new Error(`${p.manifest} is not a readable archive manifest; rebuild the archive`);
  const summaries = await readSummaries(dir);
  return new OpenArchive(dir, manifest, summaries);
}

class OpenArchive implements ArchiveService {
  private readonly byId = new Map<string, StoredSummary>();
  private readonly bodies: BodyReader;
  private engine: SearchEngine | null = null;
  private searchStatus: ArchiveInfo['searchStatus'] = 'loading';
  private message: string | null = null;
  readonly searchReady: Promise<void>;
  private readonly enginePromise: Promise<SearchEngine>;

  constructor(
    private readonly dir: string,
    private readonly manifest: Manifest,
    private readonly summaries: StoredSummary[],
  ) {
    for (const s of summaries) this.byId.set(s.id, s);
    this.bodies = new BodyReader(paths(dir).bodies);
    // Let the caller show the library first; the index parse is the slow part.
    this.enginePromise = new Promise<void>((r) => setImmediate(r)).then(() => loadEngine(paths(dir).index));
    this.enginePromise.then(
      (e) => {
        this.engine = e;
        this.searchStatus = 'ready';
      },
      (e: Error) => {
        this.searchStatus = 'error';
        this.message = e.message;
      },
    );
    this.searchReady = this.enginePromise.then(() => undefined);
    this.searchReady.catch(() => undefined); // observed through info(); callers may await it
  }

  info(): ArchiveInfo {
    return {
      dir: this.dir,
      status: 'ready',
      searchStatus: this.searchStatus,
      message: this.message,
      articles: this.manifest.articles,
      briefs: this.manifest.briefs,
      builtAt: this.manifest.builtAt,
      corpusHash: this.manifest.corpusHash,
    };
  }

  list(req: ListRequest = {}): ListResponse {
    let items = this.summaries.filter((s) => {
      if (req.kind && s.kind !== req.kind) return false;
      if (typeof req.from === 'number' && (s.year === null || s.year < req.from)) return false;
      if (typeof req.to === 'number' && (s.year === null || s.year > req.to)) return false;
      if (req.facet) {
        const values = s.facets[req.facet.type as FacetType];
        if (!Array.isArray(values) || !values.some((v) => v.toLowerCase() === String(req.facet!.value).toLowerCase())) return false;
      }
      return true;
    });
    const dir = req.order === 'asc' ? 1 : req.order === 'desc' ? -1 : req.sort === 'title' ? 1 : -1;
    const key = (s: StoredSummary) => (req.sort === 'title' ? s.title.toLowerCase() : (s.published ?? s.eventDate ?? ''));
    items = [...items].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return (ka < kb ? -1 : ka > kb ? 1 : a.title.localeCompare(b.title)) * dir;
    });
    const total = items.length;
    const offset = Math.max(0, Math.floor(Number(req.offset) || 0));
    const limit = typeof req.limit === 'number' && req.limit >= 0 ? Math.floor(req.limit) : total;
    return { items: items.slice(offset, offset + limit).map(toSummary), total };
  }

  async get(id: string): Promise<Doc | undefined> {
    const s = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (!s) return undefined;
    const paragraphs = await this.bodies.read(s.body);
    const { body: _b, ...rest } = s;
    return { ...rest, paragraphs };
  }

  facets(): FacetsResponse {
    const years = new Map<number, number>();
    const kinds = new Map<string, number>();
    const counts = { people: new Map<string, number>(), places: new Map<string, number>(), organizations: new Map<string, number>() };
    for (const s of this.summaries) {
      if (s.year !== null) years.set(s.year, (years.get(s.year) ?? 0) + 1);
      kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
      for (const t of ['people', 'places', 'organizations'] as const) for (const v of s.facets[t]) counts[t].set(v, (counts[t].get(v) ?? 0) + 1);
    }
    const sorted = (m: Map<string, number>): FacetCount[] =>
      [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      years: [...years].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
      kinds: (['article', 'brief'] as const).filter((k) => kinds.has(k)).map((kind) => ({ kind, count: kinds.get(kind)! })),
      people: sorted(counts.people),
      places: sorted(counts.places),
      organizations: sorted(counts.organizations),
    };
  }

  search(req: SearchRequest): Promise<SearchResponse> {
    return runSearch(req, {
      engine: () => this.enginePromise,
      summary: (id) => this.byId.get(id),
      paragraphs: async (id) => {
        const s = this.byId.get(id);
        return s ? this.bodies.read(s.body) : undefined;
      },
    });
  }

  async findInDoc(id: string, query: string): Promise<FindInDocResponse | undefined> {
    const doc = await this.get(id);
    if (!doc) return undefined;
    return runFindInDoc(doc.paragraphs, typeof query === 'string' ? query : '');
  }

  async close(): Promise<void> {
    await this.bodies.close();
    await this.engine?.close();
  }
}

function toSummary(s: StoredSummary): DocSummary {
  return { id: s.id, kind: s.kind, title: s.title, published: s.published, eventDate: s.eventDate, source: s.source, languages: s.languages, year: s.year };
}
