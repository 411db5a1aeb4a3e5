/**
 * What the archive core offers its hosts (Electron main, the HTTP host, the
 * CLI, tests). Plain Node: nothing here may import electron. The inside
 * (index layout, sharding, workers) can change without touching callers.
 */
import type {
  FacetsRequest,
  FacetsResponse,
  FindInDocResponse,
  ListRequest,
  ListResponse,
  SearchRequest,
  SearchResponse,
  ArchiveState,
  DocAnswer,
} from '../shared/contract';
import type { Doc } from '../shared/model';

export interface ArchiveInfo extends ArchiveState {
  dir: string;
}

export interface ArchiveService {
  info(): ArchiveInfo;
  /** A facet or section filter waits for docs.json (read after the index); the library's own pages never do. */
  list(req: ListRequest): Promise<ListResponse>;
  get(id: string): Promise<Doc | undefined>;
  /** A document for getDoc: whole when small; a large one from paragraph `from`, at most about DOC_ANSWER_CHARS characters. */
  getPart(id: string, from?: number): Promise<DocAnswer | undefined>;
  /** Year counts follow `req`'s kind, facet and ids; kinds and facet lists are the whole archive's. */
  facets(req?: FacetsRequest): Promise<FacetsResponse>;
  /** Never throws for any query string: bad syntax is read literally and says so. */
  search(req: SearchRequest): Promise<SearchResponse>;
  findInDoc(id: string, query: string): Promise<FindInDocResponse | undefined>;
  /** Resolves when search answers (the index is loaded); rejects if it cannot load. */
  readonly searchReady: Promise<void>;
  close(): Promise<void>;
}
