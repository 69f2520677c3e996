/**
 * Updates: similar removed/added pairs inside one hunk.
 */
import { alignSimilarLines } from './align-similar-lines.js';
import type { CommitLineTable } from './commit-line-table.js';
import { UNDECIDED, UPDATE, UPDATE_PAIR } from './op-codes.js';

/**
 * For every hunk, aligns its still-undecided removed and added lines by similarity (see
 * {@link alignSimilarLines}) and marks each pair: the added side `update`, the removed side
 * `update_pair`, so an update is counted once.
 *
 * @returns the pairs as a flat list `[removedIndex, addedIndex, …]` of indices into the
 *   table's columns, for the find/replace step.
 */
export function markUpdates(
  table: CommitLineTable,
  minSimilarity: number,
  comparisonsPerLine: number,
): number[] {
  const { removed, added } = table;
  const updates: number[] = [];
  const removedIndices: number[] = [];
  const addedIndices: number[] = [];
  const removedTexts: string[] = [];
  const addedTexts: string[] = [];

  for (let hunk = 0; hunk < table.hunkCount; hunk++) {
    collectUndecided(removed.ops, removed.normalised, table.removedStart[hunk]!, table.removedStart[hunk + 1]!, removedIndices, removedTexts);
    if (removedIndices.length === 0) continue;
    collectUndecided(added.ops, added.normalised, table.addedStart[hunk]!, table.addedStart[hunk + 1]!, addedIndices, addedTexts);
    if (addedIndices.length === 0) continue;

    const pairs = alignSimilarLines(removedTexts, addedTexts, minSimilarity, comparisonsPerLine);
    for (let k = 0; k < pairs.length; k += 2) {
      const r = removedIndices[pairs[k]!]!;
      const a = addedIndices[pairs[k + 1]!]!;
      removed.ops[r] = UPDATE_PAIR;
      added.ops[a] = UPDATE;
      updates.push(r, a);
    }
  }
  return updates;
}

/** Refills `indices` and `texts` with the undecided lines of `[from, to)`. */
function collectUndecided(
  ops: Uint8Array,
  normalised: readonly string[],
  from: number,
  to: number,
  indices: number[],
  texts: string[],
): void {
  indices.length = 0;
  texts.length = 0;
  for (let i = from; i < to; i++) {
    if (ops[i] !== UNDECIDED) continue;
    indices.push(i);
    texts.push(normalised[i]!);
  }
}
