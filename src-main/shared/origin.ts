/**
 * Where the person's notes live. IndexedDB is keyed by origin, so the
 * production renderer's origin and the database name must never change between
 * versions: every value that decides it is here, in one place, and a test
 * pins them (see origin.test.ts).
 */

/** Custom protocol serving the production renderer (never file://). */
export const APP_PROTOCOL = 'app';
/** Host part of the renderer origin: app://archive */
export const APP_HOST = 'archive';
export const APP_ORIGIN = `${APP_PROTOCOL}://${APP_HOST}`;

/** Protocol of passage links (archive-reader://article/<id>?annotation=<id>). */
export const LINK_PROTOCOL = 'archive-reader';

/** Electron app name: decides the user-data folder. Dev mode uses another. */
export const APP_NAME = 'Archive Reader';
export const DEV_APP_NAME = 'Archive Reader (dev)';

/** IndexedDB database name for notes. */
export const DB_NAME = 'archive-reader-notes';
export const DEV_DB_NAME = 'archive-reader-notes-dev';
