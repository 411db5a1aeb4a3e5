/**
 * The folder reader's public name, kept for callers (bundled.ts, tests) that
 * predate the recursive reader: reading a folder is walk-folder.ts's job.
 */
export { walkFolder as readFolder, textProblem, type FolderContents, type SourceFile, type SourceFormat, type FileWarning, type WalkOptions } from './walk-folder';
