import type { LineScanColumns } from './line-scan.js';

/**
 * Shapes exchanged between the effective-code engine and the line-operation detector.
 *
 * The engine hands over one commit at a time, already stripped of everything the file- and
 * commit-level gates exclude (generated, vendored, documentation, bots, …). The detector
 * decides, for every remaining changed line, what happened to it.
 */

/**
 * What happened to one changed line.
 *
 * - `noop`: blank, or the same normalised text removed and re-added within one hunk (re-indentation).
 * - `comment`: a comment-only line (flag computed by the engine's tokenizer).
 * - `trivial`: punctuation- or keyword-only (too few alphanumerics, or only keywords).
 * - `move`: a long line removed in one place and re-added elsewhere in the same commit (both sides).
 * - `copy_paste`: an added line inside a block that already existed in earlier history or earlier in this commit.
 * - `update` / `update_pair`: the added / removed side of a similar pair within one hunk (an update counts once, on its added side).
 * - `find_replace` / `find_replace_pair`: an update that is one token substitution repeated across many lines of the commit.
 * - `add` / `delete`: any other added / removed line.
 */
export type LineOp =
  | 'noop'
  | 'comment'
  | 'trivial'
  | 'move'
  | 'copy_paste'
  | 'update'
  | 'update_pair'
  | 'find_replace'
  | 'find_replace_pair'
  | 'add'
  | 'delete';

/** One changed line as the engine supplies it. */
export interface OpsLine {
  /** The raw line, without its diff marker and line terminator. */
  text: string;
  /** The line holds only a comment (per-language comment syntax, decided by the engine). */
  comment: boolean;
  /** The line holds only keywords and punctuation (`else`, `end`, `} else {`), decided by the engine. */
  keywordOnly: boolean;
}

/** One zero-context hunk: its removed lines and its added lines, each in file order. */
export interface OpsHunk {
  removed: OpsLine[];
  added: OpsLine[];
}

/** Flag bit of an {@link OpsTextHunk} line: the line holds only a comment (see {@link OpsLine.comment}). */
export const OPS_LINE_COMMENT = 1;
/** Flag bit of an {@link OpsTextHunk} line: the line holds only keywords and punctuation (see {@link OpsLine.keywordOnly}). */
export const OPS_LINE_KEYWORD_ONLY = 2;

/**
 * The same hunk as {@link OpsHunk} in column form: the raw line texts, and one byte of
 * `OPS_LINE_*` flag bits per line. Why: a caller that already holds the diff's string arrays
 * and per-line flags can hand them over as they are, instead of building an object per line.
 */
export interface OpsTextHunk {
  removed: readonly string[];
  added: readonly string[];
  /** Flag bits of each removed line (`removedFlags[i]` for `removed[i]`). */
  removedFlags: Uint8Array;
  /** Flag bits of each added line. */
  addedFlags: Uint8Array;
  /**
   * Optional `scanLineInto` results of `removed` (index i for `removed[i]`), computed ahead of
   * time — for instance in the worker thread that prepared the diff — so detection copies them
   * instead of scanning every line again. They must describe exactly these texts.
   */
  removedScan?: LineScanColumns;
  /** Optional `scanLineInto` results of `added`, like {@link removedScan}. */
  addedScan?: LineScanColumns;
}

/** Lines of a file's new version around one hunk (when the caller does not hold the whole file). */
export interface OpsContextRegion {
  /** 1-based line number, in the new version, of `lines[0]`. */
  start: number;
  lines: readonly string[];
}

/**
 * The context of every hunk of a file already reduced to what the copy/paste history takes
 * from it: the line hashes (`scanLineInto` hashes) of up to N − 1 window lines before and after
 * each hunk (see `ContextWindowScanner`). For hunk h, the "before" hashes are
 * `hashes[offsets[2h] … offsets[2h + 1])` and the "after" hashes `hashes[offsets[2h + 1] … offsets[2h + 2])`,
 * each in file order. Why: whoever holds the file can compute these few numbers instead of
 * handing over dozens of context lines per hunk.
 */
export interface OpsContextHashes {
  offsets: Int32Array;
  hashes: Float64Array;
}

/** The surviving hunks of one file in one commit, each in either form. */
export interface OpsFile {
  hunks: ReadonlyArray<OpsHunk | OpsTextHunk>;
  /**
   * Lines of the file after the commit, used to record copy/paste windows that reach past a
   * hunk's edges; null when the engine does not have them (only the added lines are recorded then).
   */
  newContent: readonly string[] | null;
  /**
   * Instead of `newContent` (used when it is null): the new-version lines around each hunk,
   * `hunkContexts[h]` for hunk h (null or missing: no context for that hunk). Context is then
   * only looked for inside each region.
   */
  hunkContexts?: ReadonlyArray<OpsContextRegion | null>;
  /**
   * Instead of `newContent` and `hunkContexts` (used when both are absent): the window-line
   * hashes those would have given, per hunk.
   */
  hunkContextHashes?: OpsContextHashes;
  /**
   * False to leave this file out of `CopyPasteHistory.recordCommit` (detection still reads
   * it), e.g. when its content is not trustworthy. Lets a caller record the very array it
   * detected, which reuses detection's line analysis. Default true.
   */
  recordWindows?: boolean;
  /**
   * The 1-based `newStart` of each hunk as git prints it (`@@ -a,b +newStart,newCount @@`).
   * For a pure deletion (`newCount` 0) git gives the line *before* the deletion point.
   */
  hunkNewStarts: number[];
}

/** The thresholds of metrics.md §1 that decide line operations. The config module supplies them. */
export interface OpsThresholds {
  /** Minimum normalised similarity (0–1) for a removed/added pair to be an update. Default 0.5. */
  updateSimilarity: number;
  /** Minimum alphanumerics for a normalised line to count as moved. Default 20. */
  moveMinAlphanumeric: number;
  /** Minimum block length, in substantive lines, for copy/paste. Default 5. */
  copyPasteMinLines: number;
  /** Minimum lines in one commit sharing the same token substitution for find/replace. Default 5. */
  findReplaceMinLines: number;
  /** Lines with fewer alphanumerics than this (after normalising) are trivial. Default 3. */
  trivialMinAlphanumeric: number;
}

/**
 * Performance bounds of the detector. They are not metric weights, but they can change a
 * result on pathological input (very large hunks), so they are parameters like the thresholds.
 */
export interface OpsLimits {
  /**
   * Average number of similarity comparisons allowed per line when pairing updates inside one
   * hunk. Hunks small enough are aligned exhaustively; larger ones are cut into proportional
   * blocks so the work stays linear in the hunk's size. Default 32.
   */
  alignmentComparisonsPerLine: number;
}

/** The decided op of every line of one file, in the same shape as its {@link OpsFile}. */
export interface FileOps {
  hunks: Array<{ removed: LineOp[]; added: LineOp[] }>;
}
