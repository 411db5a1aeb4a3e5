/**
 * The little of PouchDB's Node packages the test server (couch-server.ts) uses.
 * Declared here because @types/pouchdb-core references the DOM library, which
 * would change Node's Buffer types for the whole Node typecheck.
 */
declare module 'pouchdb-core/lib/index.js' {
  export interface ServerDatabase {
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    allDocs(options?: { include_docs?: boolean }): Promise<{ total_rows: number; rows: { id: string; value: { rev: string }; doc?: Record<string, unknown> }[] }>;
    get(id: string, options?: Record<string, unknown>): Promise<Record<string, unknown>>;
    bulkDocs(docs: Record<string, unknown>[]): Promise<unknown[]>;
    close(): Promise<void>;
  }
  interface Constructor {
    new (name: string): ServerDatabase;
    plugin(plugin: unknown): Constructor;
    defaults(options: Record<string, unknown>): Constructor;
  }
  const PouchDB: Constructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-leveldb/lib/index.js' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http/lib/index.js' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication/lib/index.js' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce/lib/index.js' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  const expressPouchdb: (pouch: unknown, options?: Record<string, unknown>) => import('express').RequestHandler;
  export default expressPouchdb;
}
