/** Sync: Settings > Sync and the one running sync of the window. */
export { SyncSettings } from './SyncSettings';
export { refreshSync, useSyncAtStart, useSyncStatus } from './sync-runner';
