/**
 * An opened archive: the ArchiveService every host calls. Opening reads the
 * manifest and the lean library list only, so the library can be shown at
 * once; the search index and the full summaries (facets, links) load
 * afterwards (`searchReady`), and bodies are read from disk when a document
 * is opened or shown as a hit. A call that needs the summaries before they
 * arrived waits for them; with search threads they are read in a thread of
 * their own and never parsed in the host's thread (details-index.ts).
 */
import type { Doc, DocSummary } from '../shared/model';
import { DOC_ANSWER_CHARS, type DocAnswer, type FacetsRequest, type FacetsResponse, type FindInDocResponse, type ListRequest, type ListResponse, type SearchRequest, type SearchResponse } from '../shared/contract';
import type { Paragraph } from '../shared/model';
import type { ArchiveInfo, ArchiveService } from './types';
import { BodyReader, paths, readList, readManifestChecked, readSummaries, sectionOf, type ListEntry, type Manifest, type StoredSummary } from './store/layout';
import { buildDetailsIndex, facetFilter, facetsFrom, type DetailsIndex } from './details-index';
import { yearTally } from './year-tally';
import { DamagedArchive, rebuildAdvice } from './store/archive-schemas';
import type { SearchEngine } from './search/engine';
import type { SearchThread, SearchWorkerOption } from './search/search-thread';
import { ThreadStopped } from './search/search-thread-protocol';

/** The search side (Lunr, the engine, highlighting): imported after the library is shown. */
let searchModules: Promise<[typeof import('./search/engine'), typeof import('./search/search-service')]> | null = null;
const loadSearchModules = () => (searchModules ??= Promise.all([import('./search/engine'), import('./search/search-service')]));

export interface OpenOptions {
  /**
   * Search in a worker thread (the hosts: a long query must not block the window's other requests):
   * `true` from the sources, a path for the built app's bundled worker (search/search-thread.ts
   * `searchWorkerFor` decides). Absent or null: search in this thread (the CLI, most tests).
   */
  searchThread?: SearchWorkerOption | null;
  /** With a search thread: let it load the index at the latest this long after opening (SEARCH_START_LATEST_MS). */
  searchStartLatestMs?: number;
}

export async function openArchive(dir: string, opts: OpenOptions = {}): Promise<ArchiveService> {
  let manifest: Manifest;
  try {
    manifest = await readManifestChecked(dir);
  } catch (e) {
    // A folder with no archive at all is not damage: say how to build one.
    if (e instanceof DamagedArchive && e.problem === 'is missing') {
      throw new Error(`No archive in ${dir} (manifest.json is missing). Build one with: npm run archive, or: npm run --silent cli -- ingest <folder> --out ${dir}`);
    }
    throw e;
  }
  // Every file is checked as it is opened (store/archive-schemas.ts); damage names the file.
  const rebuild = rebuildAdvice(dir, manifest.report.sourceDir);
  const summaries = await readList(dir, rebuild);
  const bodies = new BodyReader(paths(dir).bodies, rebuild);
  await bodies.check(summaries.reduce((m, s) => Math.max(m, s.body[0] + s.body[1]), 0));
  const how = opts.searchThread;
  const threads = how ? (await import('./search/search-thread')).SearchThread : null;
  const thread = threads && how ? new threads({ dir, rebuild, role: 'search' }, how) : null;
  // The details thread starts with the search thread (startSearch): at open, its start would share the
  // cores with the library's first page.
  const detailsThread = threads && how ? () => new threads({ dir, rebuild, role: 'details' }, how) : null;
  return new OpenArchive(dir, manifest, summaries, bodies, rebuild, thread, detailsThread, opts.searchStartLatestMs ?? SEARCH_START_LATEST_MS);
}

const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * A title as it sorts, compared with plain comparisons (a collator call per comparison is slow at
 * 50,000 titles): lowercased, each run of digits written with 12 places, so that numbered titles come in
 * number order ("No. 9" before "No. 10", as a person counts), not character order.
 */
function titleSortKey(title: string): string {
  return title.toLowerCase().replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, '').padStart(12, '0'));
}

/**
 * With a search thread, when it reads the list, the index and docs.json (seconds of CPU and 400 MB at 50,000
 * documents): a moment after the library's first page has been answered, so the window paints its rows before
 * the reads take the machine's other core; at once when a search, an article or the filters are asked for
 * (search-worker.ts starts on any question); and at the latest this long after opening, for a window that
 * opens on a view that asks none of these (Settings). Not sooner: a window starting on a slow machine asks
 * for its first page a second or more after the host opened the archive.
 */
const SEARCH_START_AFTER_FIRST_PAGE_MS = 500;
const SEARCH_START_LATEST_MS = 4000;

class OpenArchive implements ArchiveService {
  private readonly byId = new Map<string, ListEntry>();
  /** Full summaries (facets, links), after the list: from the search thread, or read here without one. */
  private readonly details: Promise<Details>;
  /** The filters' index once it arrived, with each id's place in it. */
  private filters: { index: DetailsIndex; ids: string[]; positionOf: Map<string, number> } | null = null;
  /** The whole list in each sort order asked for so far (filtering keeps the order). */
  private readonly sortedCache = new Map<string, ListEntry[]>();
  private engine: SearchEngine | null = null;
  /** Until the search thread has been let start (SEARCH_START_LATEST_MS). */
  private searchStart: NodeJS.Timeout | null = null;
  /** The start 500 ms after the first page answered (SEARCH_START_AFTER_FIRST_PAGE_MS), once scheduled. */
  private startAfterFirstPage: NodeJS.Timeout | null = null;
  private searchStatus: ArchiveInfo['searchStatus'] = 'loading';
  private message: string | null = null;
  readonly searchReady: Promise<void>;
  private closed = false;
  /** The details thread, once started (it holds docs.json). */
  private detailsThread: SearchThread | null = null;
  /** The engine in this thread; null when it lives in the search thread. */
  private readonly enginePromise: Promise<SearchEngine | null>;
  /** The whole archive's year counts, from the list (ArchiveState.timeline says why). */
  private readonly timeline: ArchiveInfo['timeline'];
  /** How many sub-folders the documents came from (ArchiveState.sections). */
  private readonly sections: number;

  constructor(
    private readonly dir: string,
    private readonly manifest: Manifest,
    private readonly summaries: ListEntry[],
    private readonly bodies: BodyReader,
    private readonly rebuild: string,
    private thread: SearchThread | null,
    private readonly startDetailsThread: (() => SearchThread) | null,
    searchStartLatestMs: number,
  ) {
    // One pass over the list at open: the id map, and the year and folder counts the library's first frame draws.
    const years = yearTally();
    const sections = new Set<string>();
    for (const s of summaries) {
      this.byId.set(s.id, s);
      years.add(s.year);
      const section = sectionOf(s.source);
      if (section) sections.add(section);
    }
    this.timeline = years.counts();
    this.sections = sections.size;
    if (thread) {
      this.searchStart = setTimeout(() => this.startSearch(), searchStartLatestMs);
      this.searchStart.unref();
    }
    // The library opens newest first: have that order ready before its first page is asked for.
    setImmediate(() => this.sorted('date', -1));
    // Let the caller show the library first; then the index, then the full summaries (their
    // JSON is the larger parse, and search should not wait for it). With a search thread the
    // index loads there, and this thread never holds it.
    const loadHere = () => new Promise<void>((r) => setImmediate(r)).then(async () => (await loadSearchModules())[0].loadEngine(paths(dir).index));
    this.enginePromise = thread
      ? thread.ready.then(
          () => null,
          (e) => {
            // Damage is damage wherever it is read. A thread that could not start at all (no worker
            // file, no tsx) must not cost the person their search: it runs here, as the CLI's does.
            if (!(e instanceof ThreadStopped)) throw e;
            console.warn(`archive-reader: searching in the main thread (${(e as Error).message})`);
            void this.thread?.close();
            this.thread = null;
            return loadHere();
          },
        )
      : loadHere();
    // After the index (search should not wait for them), from the details thread when searches run in a
    // thread: docs.json is the largest parse of an archive, seconds at 50,000 documents, and would hold
    // every request here, or every search in the search thread.
    this.details = this.enginePromise
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        if (!this.thread || !this.startDetailsThread) return detailsHere(dir, rebuild);
        if (this.closed) throw new Error('The archive was closed.');
        this.detailsThread ??= this.startDetailsThread();
        return detailsFromThread(this.detailsThread).catch((e) => {
          // As with the search thread: a thread that could not start does not cost the filters.
          if (!(e instanceof ThreadStopped)) throw e;
          void this.detailsThread?.close();
          this.detailsThread = null;
          return detailsHere(dir, rebuild);
        });
      })
      .then((d) => {
        const ids = d.index.ids === '' ? [] : d.index.ids.split('\n');
        this.filters = { index: d.index, ids, positionOf: new Map(ids.map((id, i) => [id, i])) };
        return d;
      });
    this.details.catch(() => undefined); // surfaced by get(), list() and facets()
    // The search thread warms up once docs.json is parsed, so the two do not share the cores.
    this.details.finally(() => this.thread?.warmUp()).catch(() => undefined);
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

  /** What waits on the search thread's reads starts them (else it would wait for SEARCH_START_LATEST_MS). */
  private wanted<T>(p: Promise<T>): Promise<T> {
    this.startSearch();
    return p;
  }

  private startSearch(): void {
    if (!this.searchStart) return; // started already
    clearTimeout(this.searchStart);
    if (this.startAfterFirstPage) clearTimeout(this.startAfterFirstPage);
    this.searchStart = null;
    this.thread?.start();
    // The details thread boots while the index loads; it reads docs.json only when asked, after the index.
    if (this.thread && !this.closed) this.detailsThread ??= this.startDetailsThread?.() ?? null;
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
      timeline: this.timeline,
      sections: this.sections,
    };
  }

  /** The filters' index: at once when it has arrived, else when it does. */
  private async filtersReady(): Promise<NonNullable<OpenArchive['filters']>> {
    if (!this.filters) await this.wanted(this.details);
    return this.filters!;
  }

  async list(req: ListRequest = {}): Promise<ListResponse> {
    // Only a facet or section filter needs docs.json: the library's own pages never wait for it.
    const f = req.facet || req.section ? await this.filtersReady() : null;
    const passes = f ? facetFilter(f.index, req) : null;
    const dir = req.order === 'asc' ? 1 : req.order === 'desc' ? -1 : req.sort === 'title' ? 1 : -1;
    const all = this.sorted(req.sort === 'title' ? 'title' : 'date', dir);
    const filtered = req.kind || typeof req.from === 'number' || typeof req.to === 'number' || req.facet || req.section;
    // Unfiltered (the library as it opens): a page is a slice, with no pass over the whole list.
    const items = !filtered ? all : all.filter((s) => {
      if (req.kind && s.kind !== req.kind) return false;
      if (typeof req.from === 'number' && (s.year === null || s.year < req.from)) return false;
      if (typeof req.to === 'number' && (s.year === null || s.year > req.to)) return false;
      if (f) {
        const i = f.positionOf.get(s.id);
        if (i === undefined || !passes!(i)) return false;
      }
      return true;
    });
    const total = items.length;
    const offset = Math.max(0, Math.floor(Number(req.offset) || 0));
    const limit = typeof req.limit === 'number' && req.limit >= 0 ? Math.floor(req.limit) : total;
    if (this.searchStart && !this.startAfterFirstPage) {
      // Once: the pages asked in the next 500 ms do not each schedule their own start.
      this.startAfterFirstPage = setTimeout(() => this.startSearch(), SEARCH_START_AFTER_FIRST_PAGE_MS);
      this.startAfterFirstPage.unref();
    }
    return { items: items.slice(offset, offset + limit).map(toSummary), total };
  }

  private sorted(sort: 'title' | 'date', dir: number): ListEntry[] {
    const cacheKey = `${sort}:${dir}`;
    let out = this.sortedCache.get(cacheKey);
    if (!out) {
      // By key with plain comparisons, then each run of equal keys by title with the collator:
      // the same order as one sort by (key, title), with far fewer (slow) collator calls.
      // Undated items come last in either date order ("Oldest first" must not open on them), and
      // among themselves by title, A to Z whichever way the dates run.
      const keyed = this.summaries.map((s) => ({ s, k: sort === 'title' ? titleSortKey(s.title) : (s.published ?? s.eventDate ?? '') }));
      keyed.sort((a, b) => (a.k === b.k ? 0 : a.k === '' ? 1 : b.k === '' ? -1 : (a.k < b.k ? -1 : 1) * dir));
      out = [];
      for (let i = 0; i < keyed.length; ) {
        let j = i + 1;
        while (j < keyed.length && keyed[j].k === keyed[i].k) j++;
        let run = keyed.slice(i, j);
        if (run.length > 1 && keyed[i].k === '') {
          run = run.map((x) => ({ s: x.s, k: titleSortKey(x.s.title) }));
          run.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : collator.compare(a.s.title, b.s.title)));
        } else if (run.length > 1) run.sort((a, b) => collator.compare(a.s.title, b.s.title) * dir);
        for (const x of run) out.push(x.s);
        i = j;
      }
      this.sortedCache.set(cacheKey, out);
    }
    return out;
  }

  async get(id: string): Promise<Doc | undefined> {
    if (typeof id !== 'string' || !this.byId.has(id)) return undefined;
    const s = await (await this.wanted(this.details)).summary(id);
    if (!s) return undefined;
    const paragraphs = await this.bodies.read(s);
    const { body: _b, parts: _p, ...rest } = s;
    return { ...rest, paragraphs };
  }

  async getPart(id: string, from = 0): Promise<DocAnswer | undefined> {
    const entry = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (!entry?.parts) {
      // One part: the whole document, as before.
      const doc = await this.get(id);
      if (!doc || from === 0) return doc;
      return { ...doc, paragraphs: doc.paragraphs.slice(from), paragraphsFrom: from, paragraphCount: doc.paragraphs.length };
    }
    const s = await (await this.wanted(this.details)).summary(id);
    if (!s) return undefined;
    const last = entry.parts[entry.parts.length - 1];
    const paragraphs: Paragraph[] = [];
    let chars = 0;
    for await (const part of this.bodies.parts(entry, from)) {
      part.paragraphs.forEach((p, i) => {
        if (part.from + i >= from) {
          paragraphs.push(p);
          chars += p.text.length;
        }
      });
      if (chars >= DOC_ANSWER_CHARS) break;
    }
    const { body: _b, parts: _p, ...rest } = s;
    return { ...rest, paragraphs, paragraphsFrom: from, paragraphCount: last[1] + last[2] };
  }

  /** Year counts over what the filters keep; the facet lists and kind counts are the whole archive's, counted once. */
  async facets(req: FacetsRequest = {}): Promise<FacetsResponse> {
    const f = await this.filtersReady();
    return facetsFrom(f.index, req, f.ids);
  }

  async search(req: SearchRequest): Promise<SearchResponse> {
    if (this.thread) {
      await this.wanted(this.enginePromise).catch(() => undefined); // settles whether the thread started
      if (this.thread) return this.thread.search(req);
    }
    const { runSearch } = (await loadSearchModules())[1];
    return runSearch(req, {
      engine: async () => (await this.enginePromise)!, // in this thread: never null here
      summary: (id) => this.byId.get(id),
      parts: (id) => {
        const s = this.byId.get(id);
        return s ? this.bodies.parts(s) : undefined;
      },
    });
  }

  async findInDoc(id: string, query: string): Promise<FindInDocResponse | undefined> {
    const s = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (!s) return undefined;
    if (this.thread) {
      await this.wanted(this.enginePromise).catch(() => undefined);
      if (this.thread) return this.thread.findInDoc(id, typeof query === 'string' ? query : '');
    }
    const { runFindInDoc } = (await loadSearchModules())[1];
    // Read in parts, never the whole body at once (a document may be hundreds of megabytes).
    return runFindInDoc(() => this.bodies.parts(s), typeof query === 'string' ? query : '');
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.searchStart) clearTimeout(this.searchStart);
    if (this.startAfterFirstPage) clearTimeout(this.startAfterFirstPage);
    this.searchStart = null;
    await this.bodies.close();
    await this.thread?.close();
    await this.detailsThread?.close();
    await this.engine?.close();
  }
}

/** docs.json as an archive needs it: the filters' index, and one document's full summary at a time. */
interface Details {
  index: DetailsIndex;
  summary(id: string): Promise<StoredSummary | undefined>;
}

/** Read and kept in the details thread: only the index and the summaries asked for cross over. */
async function detailsFromThread(thread: SearchThread): Promise<Details> {
  return { index: await thread.detailsIndex(), summary: (id) => thread.summary(id) };
}

/** Without a search thread (the CLI, tests): read here, by the same functions. */
async function detailsHere(dir: string, rebuild: string): Promise<Details> {
  const all = await readSummaries(dir, rebuild);
  const byId = new Map(all.map((s) => [s.id, s]));
  return { index: buildDetailsIndex(all), summary: async (id) => byId.get(id) };
}

function toSummary(s: ListEntry): DocSummary {
  return { id: s.id, kind: s.kind, title: s.title, published: s.published, eventDate: s.eventDate, source: s.source, languages: s.languages, year: s.year, ...(s.summary ? { summary: s.summary } : {}) };
}
