/**
 * The git collector: the default branch's first-parent history with diffs, and the small
 * repository queries the effective-code engine needs (tags, attributes, blobs, cursors).
 */
export type { DiffHunk, FileChangeStatus, FileDiff, GitSignature, ParsedCommit } from './types.js';
export type { Logger } from './logger.js';
export { streamFirstParentHistory, type HistoryStreamOptions } from './history-stream.js';
export { PatchParser, PatchParseError } from './patch-parser.js';
export {
  DEFAULT_NETWORK_STALL_MS,
  RepositoryError,
  openRepository,
  resolveDefaultBranch,
  type DefaultBranch,
  type OpenRepositoryOptions,
  type OpenedRepository,
} from './repository.js';
export { findNewestOnFirstParent, planRange, type RangePlan } from './range-plan.js';
export { listTags, releasedCommits, type Release, type ReleaseTag } from './release-tags.js';
export { readBlameIgnoreRevs } from './blame-ignore-revs.js';
export { hasLinguistAttributes, listHistoryPaths, loadLinguistAttributes, type LinguistAttributes } from './linguist-attributes.js';
export { listTree, openBlobReader, type BlobReader, type TreeEntry } from './blob-reader.js';
export { hasNotesRef } from './notes.js';
export { GitCommandError } from './git-command.js';
