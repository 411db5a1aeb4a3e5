// Starts a TypeScript worker from the sources (npm run web, tests): registers tsx in this thread,
// then imports the entry. The built app never comes here: it starts the bundled .js worker directly.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.__entry);
