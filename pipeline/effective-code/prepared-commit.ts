import type { FileDiff, ParsedCommit } from '../../collectors/git/types.js';
import type { FileClassification } from '../classify/classify-file.js';
import type { LineScanColumns } from '../line-ops/line-scan.js';
import { OPS_LINE_COMMENT, OPS_LINE_KEYWORD_ONLY, type OpsContextHashes } from '../line-ops/types.js';

/** Per-line flag bits computed while preparing a file: the line-op detector's own bits, so the arrays are handed over as they are. */
export const LINE_COMMENT = OPS_LINE_COMMENT;
export const LINE_KEYWORD_ONLY = OPS_LINE_KEYWORD_ONLY;

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
  /**
   * Flags of every removed / added line, per hunk: LINE_COMMENT from the preparer (it needs the
   * whole file version); the scoring stage adds LINE_KEYWORD_ONLY to the files it decides.
   */
  removedFlags: Uint8Array[];
  addedFlags: Uint8Array[];
  /** CCN of the function around every removed / added line, per hunk; 0 outside any function. */
  removedCcn: Int32Array[];
  addedCcn: Int32Array[];
  /**
   * `scanLineInto` results of every removed / added line, per hunk, when the preparer computed
   * them (the line-op detector then does not scan the lines again).
   */
  removedScan?: LineScanColumns[];
  addedScan?: LineScanColumns[];
  /** CCN of the old version's function at each hunk's start (for updates); 0 when none. */
  hunkOldStartCcn: Int32Array;
  /** Survival tags must restart from `oldLineCount` untagged lines before this diff (the content was reloaded). */
  resetBefore: boolean;
  oldLineCount: number;
  /** Survival tags must restart after this diff (the new version was reloaded because the diff did not apply). */
  resetAfter: boolean;
  newLineCount: number;
  /**
   * For text files whose lines seed the copy/paste history: the hashes of the window lines of
   * the new version around each hunk (taken from up to CONTEXT_LINES lines on each side), which
   * the history records together with the hunk's added lines. Null: the file is not recorded.
   */
  contextHashes: OpsContextHashes | null;
}

/** A commit ready for scoring: its metadata and its prepared files. */
export interface PreparedCommit {
  commit: Omit<ParsedCommit, 'files'>;
  files: PreparedFile[];
}

/** Rough bytes a line costs beyond its characters once cloned to another thread (string header, flags, CCN). */
const LINE_OVERHEAD_BYTES = 24;
/** Rough bytes of a file's fixed parts (paths, classification, diff header fields). */
const FILE_OVERHEAD_BYTES = 400;

/**
 * An estimate of the memory a prepared commit takes while it travels to the scoring thread and
 * waits there, dominated by its changed lines. Used to bound the hand-over queue by bytes, since
 * one commit importing a large tree outweighs thousands of ordinary ones.
 *
 * @example
 * preparedCommitBytes(prepared); // ≈ 1.2e6 for a commit adding 30,000 short lines
 */
export function preparedCommitBytes(prepared: PreparedCommit): number {
  let bytes = prepared.commit.message.length + FILE_OVERHEAD_BYTES;
  for (const file of prepared.files) {
    bytes += FILE_OVERHEAD_BYTES + (file.contextHashes ? file.contextHashes.hashes.byteLength + file.contextHashes.offsets.byteLength : 0);
    for (const hunk of file.diff.hunks) {
      for (const line of hunk.removed) bytes += line.length + LINE_OVERHEAD_BYTES;
      for (const line of hunk.added) bytes += line.length + LINE_OVERHEAD_BYTES;
    }
  }
  return bytes;
}
