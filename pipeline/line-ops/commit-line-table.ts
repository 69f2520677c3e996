/**
 * A commit's changed lines flattened into column arrays, so every detection step walks typed
 * arrays instead of nested objects and records its decision in one byte per line.
 */
import { analyseLine } from './normalise.js';
import { UNDECIDED } from './op-codes.js';
import type { OpsFile, OpsLine } from './types.js';

/** One side (removed or added) of every hunk of a commit, in file, hunk and line order. */
export interface LineColumns {
  /** Normalised text of each line. */
  normalised: string[];
  /** Alphanumeric count of each normalised line. */
  alphanumerics: Int32Array;
  /** `hashString` of each normalised line; filled for added lines only (copy/paste windows), 0 otherwise. */
  hashes: Float64Array;
  /** 1 when the engine flagged the line comment-only. */
  comment: Uint8Array;
  /** 1 when the engine flagged the line keyword/punctuation-only. */
  keywordOnly: Uint8Array;
  /** Decided op code of each line (see op-codes.ts); `UNDECIDED` until a step claims it. */
  ops: Uint8Array;
}

/** Every changed line of one commit. Hunks are numbered across all files in order. */
export interface CommitLineTable {
  removed: LineColumns;
  added: LineColumns;
  hunkCount: number;
  /** Removed lines of hunk h are `[removedStart[h], removedStart[h + 1])`. */
  removedStart: Int32Array;
  /** Added lines of hunk h are `[addedStart[h], addedStart[h + 1])`. */
  addedStart: Int32Array;
}

function emptyColumns(size: number, withHashes: boolean): LineColumns {
  return {
    // Filled by push: `new Array(n)` with a large n starts as a slow dictionary-backed array.
    normalised: [],
    alphanumerics: new Int32Array(size),
    hashes: new Float64Array(withHashes ? size : 0),
    comment: new Uint8Array(size),
    keywordOnly: new Uint8Array(size),
    ops: new Uint8Array(size).fill(UNDECIDED),
  };
}

function fill(columns: LineColumns, at: number, lines: readonly OpsLine[]): number {
  const withHashes = columns.hashes.length > 0;
  let index = at;
  for (const line of lines) {
    const { normalised, alphanumerics, hash } = analyseLine(line.text, withHashes);
    columns.normalised.push(normalised);
    columns.alphanumerics[index] = alphanumerics;
    if (withHashes) columns.hashes[index] = hash;
    columns.comment[index] = line.comment ? 1 : 0;
    columns.keywordOnly[index] = line.keywordOnly ? 1 : 0;
    index++;
  }
  return index;
}

/**
 * Normalises every changed line of a commit once and lays the results out as columns.
 *
 * @example
 * const table = buildCommitLineTable(files);
 * table.added.normalised[table.addedStart[0]] // first added line of the first hunk
 */
export function buildCommitLineTable(files: readonly OpsFile[]): CommitLineTable {
  let hunkCount = 0;
  let removedCount = 0;
  let addedCount = 0;
  for (const file of files) {
    hunkCount += file.hunks.length;
    for (const hunk of file.hunks) {
      removedCount += hunk.removed.length;
      addedCount += hunk.added.length;
    }
  }
  const table: CommitLineTable = {
    removed: emptyColumns(removedCount, false),
    added: emptyColumns(addedCount, true),
    hunkCount,
    removedStart: new Int32Array(hunkCount + 1),
    addedStart: new Int32Array(hunkCount + 1),
  };
  let hunkIndex = 0;
  let removedAt = 0;
  let addedAt = 0;
  for (const file of files) {
    for (const hunk of file.hunks) {
      table.removedStart[hunkIndex] = removedAt;
      table.addedStart[hunkIndex] = addedAt;
      removedAt = fill(table.removed, removedAt, hunk.removed);
      addedAt = fill(table.added, addedAt, hunk.added);
      hunkIndex++;
    }
  }
  table.removedStart[hunkCount] = removedAt;
  table.addedStart[hunkCount] = addedAt;
  return table;
}
