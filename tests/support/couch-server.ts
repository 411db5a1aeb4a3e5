/**
 * A real CouchDB-protocol server for the sync tests, on 127.0.0.1: PouchDB's
 * own express-pouchdb over LevelDB (leveldown, prebuilt inside its npm
 * package) in a temporary data folder, so the tests see what lands on disk.
 * Like CouchDB with `require_valid_user`, every request must carry the right
 * Basic credentials, else 401 (without WWW-Authenticate, as CouchDB answers
 * JSON clients).
 *
 * `pause()` closes the listener and every open connection (the server is
 * "down" for the app); `resume()` listens again on the same port over the
 * same data.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import expressPouchdb from 'express-pouchdb';
// Through their lib/ files: @types/pouchdb-core pulls the DOM library into the Node typecheck (pouch-modules.d.ts types these).
import PouchDB, { type ServerDatabase } from 'pouchdb-core/lib/index.js';
import leveldb from 'pouchdb-adapter-leveldb/lib/index.js';
import http from 'pouchdb-adapter-http/lib/index.js';
import replication from 'pouchdb-replication/lib/index.js';
import mapreduce from 'pouchdb-mapreduce/lib/index.js';

PouchDB.plugin(leveldb).plugin(http).plugin(replication).plugin(mapreduce);

export interface CouchServer {
  /** The database's URL (what a person types in Settings > Sync). */
  dbUrl: string;
  user: string;
  password: string;
  /** The database, opened in this process (read what the app wrote). */
  db: ServerDatabase;
  /** Requests seen, by method and path (writes counted by tests). */
  requests: { method: string; path: string }[];
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

export async function startCouchServer(dataDir: string, dbName = 'notes'): Promise<CouchServer> {
  const user = 'reader';
  const password = 'correct horse battery staple';
  const Local = PouchDB.defaults({ prefix: `${dataDir}/` });
  const requests: { method: string; path: string }[] = [];
  const app = express();
  app.use((req, res, next) => {
    requests.push({ method: req.method, path: req.path });
    const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.status(401).json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
      return;
    }
    next();
  });
  app.use('/', expressPouchdb(Local, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: `${dataDir}/log.txt` }));
  let server: Server;
  const sockets = new Set<Socket>();
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(app);
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  await listen();
  // Created through the server, as a person does (Fauxton or curl -X PUT), so the server lists it.
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const created = await fetch(`http://127.0.0.1:${port}/${dbName}`, { method: 'PUT', headers: { authorization: auth } });
  if (!created.ok) throw new Error(`test CouchDB: creating ${dbName} answered ${created.status}`);
  const db = new Local(dbName);
  return {
    dbUrl: `http://127.0.0.1:${port}/${dbName}`,
    user,
    password,
    db,
    requests,
    pause: stop,
    resume: listen,
    async close() {
      await stop();
      await db.close();
    },
  };
}
