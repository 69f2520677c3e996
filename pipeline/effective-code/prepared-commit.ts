import type { FileDiff, ParsedCommit } from '../../collectors/git/types.js';
import type { FileClassification } from '../classify/classify-file.js';

/** Per-line flag bits computed while preparing a file. */
export const LINE_COMMENT = 1;
export const LINE_KEYWORD_ONLY = 2;

/** Lines of the new file version around a hunk, for the copy/paste history. */
export interface ContextRegion {
  /** 1-based line number of `lines[0]` in the new version. */
  start: number;
  lines: string[];
}

/**
 * One file of a commit after replay and source analysis: everything the scoring stage needs, so
 * it never has to hold file contents. Built by the commit preparer (possibly in a worker thread)
 * and consumed by the effective-code engine; it is structured-clone friendly.
 */
export interface PreparedFile {
  diff: FileDiff;
  path: string;
  /** Excluded by configuration: no records at all. */
  excluded: boolean;
  classification: FileClassification;
  /** Flags (LINE_COMMENT, LINE_KEYWORD_ONLY) of every removed / added line, per hunk. */
  removedFlags: Uint8Array[];
  addedFlags: Uint8Array[];
  /** CCN of the function around every removed / added line, per hunk; 0 outside any function. */
  removedCcn: Int32Array[];
  addedCcn: Int32Array[];
  /** CCN of the old version's function at each hunk's start (for updates); 0 when none. */
  hunkOldStartCcn: Int32Array;
  /** Survival tags must restart from `oldLineCount` untagged lines before this diff (the content was reloaded). */
  resetBefore: boolean;
  oldLineCount: number;
  /** Survival tags must restart after this diff (the new version was reloaded because the diff did not apply). */
  resetAfter: boolean;
  newLineCount: number;
  /** New-version lines around each hunk (text files whose lines seed the copy/paste history). */
  context: ContextRegion[] | null;
}

/** A commit ready for scoring: its metadata and its prepared files. */
export interface PreparedCommit {
  commit: Omit<ParsedCommit, 'files'>;
  files: PreparedFile[];
}
