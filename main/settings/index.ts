/** The app's own state on disk: data dir, recent files and the crash-recovery file. */
export { resolveDataDir, dataPaths, NETD_HOME_ENV } from './dataDir.ts';
export { createRecentFilesStore, MAX_RECENT_FILES } from './recentFiles.ts';
export type { RecentFilesStore } from './recentFiles.ts';
export { createRecoveryStore } from './recovery.ts';
export type { RecoverySnapshot, RecoveryStore } from './recovery.ts';
export { writeJsonAtomic, readJsonOrUndefined, removeIfExists } from './atomicJson.ts';
