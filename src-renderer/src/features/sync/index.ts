/** Sync: Settings > Sync and the one running sync of the window. */
export { SyncSettings } from './SyncSettings';
export { refreshSync, useSyncStatus } from './sync-runner';
