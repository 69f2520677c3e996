/**
 * A commit's changed lines flattened into column arrays, so every detection step walks typed
 * arrays instead of nested objects and records its decision in one byte per line.
 */
import { createLineScanColumns, scanLineInto, type LineScanColumns } from './line-scan.js';
import { normaliseLine } from './normalise.js';
import { UNDECIDED } from './op-codes.js';
import { OPS_LINE_COMMENT, OPS_LINE_KEYWORD_ONLY, type OpsFile, type OpsHunk, type OpsLine, type OpsTextHunk } from './types.js';

/**
 * One side (removed or added) of every hunk of a commit, in file, hunk and line order. The scan
 * columns (see `LineScanColumns`) hold each line's normalised hash — the equality key of no-op
 * and move pairing and of copy/paste windows —, normalised length (0 marks a blank line),
 * alphanumeric count and normalised start.
 */
export interface LineColumns extends LineScanColumns {
  /** Raw text of each line (the engine's strings, not copies). */
  texts: string[];
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

/**
 * Grow-only backing arrays of one side's columns, shared by every commit: each commit gets
 * views of the first n entries. Why: a fresh set of typed arrays per commit means an off-heap
 * allocation per column and commit, which adds garbage-collector work the whole pipeline pays for.
 */
class ColumnBuffers {
  private scan = createLineScanColumns(0);
  private comment = new Uint8Array(0);
  private keywordOnly = new Uint8Array(0);
  private ops = new Uint8Array(0);

  /** Columns for `size` lines: every op `UNDECIDED`, every flag 0, the scan columns to be filled. */
  view(size: number): LineColumns {
    if (size > this.ops.length) this.grow(size);
    const { hashes, normalisedLengths, alphanumerics, normalisedStarts } = this.scan;
    return {
      hashes: hashes.subarray(0, size),
      normalisedLengths: normalisedLengths.subarray(0, size),
      alphanumerics: alphanumerics.subarray(0, size),
      normalisedStarts: normalisedStarts.subarray(0, size),
      // Filled by push: `new Array(n)` with a large n starts as a slow dictionary-backed array.
      texts: [],
      comment: this.comment.subarray(0, size).fill(0),
      keywordOnly: this.keywordOnly.subarray(0, size).fill(0),
      ops: this.ops.subarray(0, size).fill(UNDECIDED),
    };
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.ops.length * 2, 1024);
    this.scan = createLineScanColumns(capacity);
    this.comment = new Uint8Array(capacity);
    this.keywordOnly = new Uint8Array(capacity);
    this.ops = new Uint8Array(capacity);
  }
}

const removedBuffers = new ColumnBuffers();
const addedBuffers = new ColumnBuffers();

function fillFromLines(columns: LineColumns, at: number, lines: readonly OpsLine[]): number {
  const { texts, comment, keywordOnly } = columns;
  let index = at;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    scanLineInto(text, columns, index);
    texts.push(text);
    if (line.comment) comment[index] = 1;
    if (line.keywordOnly) keywordOnly[index] = 1;
    index++;
  }
  return index;
}

function fillFromTexts(
  columns: LineColumns,
  at: number,
  lines: readonly string[],
  flags: Uint8Array,
  scanned: LineScanColumns | undefined,
): number {
  const { texts, comment, keywordOnly } = columns;
  if (scanned !== undefined) copyScan(scanned, lines.length, columns, at);
  let index = at;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (scanned === undefined) scanLineInto(text, columns, index);
    texts.push(text);
    const lineFlags = flags[i]!;
    if ((lineFlags & OPS_LINE_COMMENT) !== 0) comment[index] = 1;
    if ((lineFlags & OPS_LINE_KEYWORD_ONLY) !== 0) keywordOnly[index] = 1;
    index++;
  }
  return index;
}

/** Copies `count` precomputed scan results into the columns at `at`. */
function copyScan(scanned: LineScanColumns, count: number, into: LineScanColumns, at: number): void {
  const { hashes, normalisedLengths, alphanumerics, normalisedStarts } = scanned;
  for (const column of [hashes, normalisedLengths, alphanumerics, normalisedStarts]) {
    if (column.length !== count) throw new RangeError(`Precomputed line scans cover ${column.length} lines, the hunk side has ${count}`);
  }
  into.hashes.set(hashes, at);
  into.normalisedLengths.set(normalisedLengths, at);
  into.alphanumerics.set(alphanumerics, at);
  into.normalisedStarts.set(normalisedStarts, at);
}

/**
 * Scans every changed line of a commit once (see `scanLineInto`), or takes the scans a text
 * hunk brings along, and lays the results out as columns. No normalised string is built here;
 * {@link normalisedTextOf} builds one on demand.
 *
 * The columns are views of buffers shared by all calls: a table is valid until the next call.
 *
 * @example
 * const table = buildCommitLineTable(files);
 * table.added.hashes[table.addedStart[0]] // hash of the first added line of the first hunk
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
    removed: removedBuffers.view(removedCount),
    added: addedBuffers.view(addedCount),
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
      if (isTextHunk(hunk)) {
        const { removed, added } = hunk;
        removedAt = fillFromTexts(table.removed, removedAt, removed, hunk.removedFlags, hunk.removedScan);
        addedAt = fillFromTexts(table.added, addedAt, added, hunk.addedFlags, hunk.addedScan);
      } else {
        removedAt = fillFromLines(table.removed, removedAt, hunk.removed);
        addedAt = fillFromLines(table.added, addedAt, hunk.added);
      }
      hunkIndex++;
    }
  }
  table.removedStart[hunkCount] = removedAt;
  table.addedStart[hunkCount] = addedAt;
  return table;
}

/**
 * The normalised text of line `index` of one side, built now (only the few steps that look
 * inside lines — similarity and token substitution — need it).
 */
export function normalisedTextOf(columns: LineColumns, index: number): string {
  const text = columns.texts[index]!;
  const start = columns.normalisedStarts[index]!;
  return start < 0 ? normaliseLine(text) : text.slice(start, start + columns.normalisedLengths[index]!);
}

/** Whether a hunk comes in column form (texts and flag bytes) rather than as line objects. */
export function isTextHunk(hunk: OpsHunk | OpsTextHunk): hunk is OpsTextHunk {
  return 'addedFlags' in hunk;
}

/** Raw text of added line `index` of a hunk in either form. */
export function addedTextOf(hunk: OpsHunk | OpsTextHunk, index: number): string {
  return isTextHunk(hunk) ? hunk.added[index]! : hunk.added[index]!.text;
}
