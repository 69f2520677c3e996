/**
 * Copy/paste: added blocks of N or more consecutive lines that existed before.
 */
import type { CommitLineTable } from './commit-line-table.js';
import type { CopyPasteHistory } from './copy-paste-history.js';
import { COPY_PASTE, UNDECIDED } from './op-codes.js';
import { HashIndexMap } from './hash-index-map.js';
import { isWindowLineOfLength, WindowSequence } from './window-hash.js';

/** Reusable buffers for one hunk's window lines: their indices into the added columns, their hashes, its window hashes. */
let lineIndices = new Int32Array(1024);
const lineHashes = new WindowSequence();
let windowHashes = new Float64Array(1024);
const firstSeenAt = new HashIndexMap();

/**
 * Marks `copy_paste` every still-undecided added line inside a block of at least N
 * consecutive window lines (N = `history.windowLines`) that either was written by an earlier
 * commit (`history`) or appears earlier in this commit.
 *
 * Decisions:
 * - Blocks are consecutive among one hunk's added lines, counting only window lines
 *   (`isWindowLine`: not blank, at least the trivial alphanumeric count), the same
 *   content-only filter the history applies to file contents — so blank lines and braces
 *   inside a pasted block neither break nor pad it.
 * - A block is found through its windows of exactly N lines; every line covered by a known
 *   window is in a copied block, so a 7-line paste marks all 7 lines and a 4-line one none.
 * - Lines already decided (no-op, comment, trivial, move) keep their op; they still take part
 *   in windows, because the history saw them too.
 * - Within the commit, the first occurrence counts normally and later ones are copies; an
 *   occurrence only counts as "later" once it no longer overlaps the first, so a run of
 *   repeated lines is not a copy of itself shifted by one line.
 */
export function markCopyPaste(table: CommitLineTable, history: CopyPasteHistory): void {
  const { added } = table;
  const windowLines = history.windowLines;
  const minAlphanumeric = history.minAlphanumeric;
  // Window hash → position (in window lines across the whole commit) of its first occurrence.
  firstSeenAt.reset(added.ops.length);
  let positionBase = 0;

  for (let hunk = 0; hunk < table.hunkCount; hunk++) {
    const from = table.addedStart[hunk]!;
    const to = table.addedStart[hunk + 1]!;
    if (to - from < windowLines) continue;
    if (lineIndices.length < to - from) {
      lineIndices = new Int32Array(Math.max(to - from, lineIndices.length * 2));
      windowHashes = new Float64Array(lineIndices.length);
    }
    lineHashes.clear();
    for (let a = from; a < to; a++) {
      if (!isWindowLineOfLength(added.normalisedLengths[a]!, added.alphanumerics[a]!, minAlphanumeric)) continue;
      lineIndices[lineHashes.length] = a;
      lineHashes.push(added.hashes[a]!);
    }
    const length = lineHashes.length;
    const windows = lineHashes.windowHashesInto(windowLines, windowHashes);

    let markedUntil = 0;
    for (let start = 0; start < windows; start++) {
      const hash = windowHashes[start]!;
      const position = positionBase + start;
      let copied = history.has(hash);
      if (!copied) {
        const seenAt = firstSeenAt.getOrSet(hash, position);
        copied = seenAt >= 0 && position - seenAt >= windowLines;
      }
      if (!copied) continue;
      for (let k = Math.max(start, markedUntil); k < start + windowLines; k++) {
        const a = lineIndices[k]!;
        if (added.ops[a] === UNDECIDED) added.ops[a] = COPY_PASTE;
      }
      markedUntil = start + windowLines;
    }
    positionBase += length;
  }
}
