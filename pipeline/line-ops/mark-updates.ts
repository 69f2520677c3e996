/**
 * Updates: similar removed/added pairs inside one hunk.
 */
import { alignProfiles } from './align-similar-lines.js';
import { normalisedTextOf, type CommitLineTable, type LineColumns } from './commit-line-table.js';
import { BigramProfiles } from './line-similarity.js';
import { UNDECIDED, UPDATE, UPDATE_PAIR } from './op-codes.js';

/** Profiles of one hunk's undecided lines, reused for every hunk. */
const profiles = new BigramProfiles();
const removedIndices: number[] = [];
const addedIndices: number[] = [];
const pairs: number[] = [];

/**
 * For every hunk, aligns its still-undecided removed and added lines by similarity (see
 * `alignSimilarLines`) and marks each pair: the added side `update`, the removed side
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
  for (let hunk = 0; hunk < table.hunkCount; hunk++) {
    const removedFrom = table.removedStart[hunk]!;
    const removedTo = table.removedStart[hunk + 1]!;
    const addedFrom = table.addedStart[hunk]!;
    const addedTo = table.addedStart[hunk + 1]!;
    // Profiles are built only for hunks with undecided lines on both sides.
    if (!hasUndecided(removed.ops, removedFrom, removedTo) || !hasUndecided(added.ops, addedFrom, addedTo)) continue;
    profiles.clear();
    addUndecided(removed, removedFrom, removedTo, removedIndices);
    addUndecided(added, addedFrom, addedTo, addedIndices);

    pairs.length = 0;
    alignProfiles(profiles, removedIndices.length, addedIndices.length, minSimilarity, comparisonsPerLine, pairs);
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

function hasUndecided(ops: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (ops[i] === UNDECIDED) return true;
  return false;
}

/**
 * Refills `indices` with the undecided lines of `[from, to)` and adds their profiles, reading
 * the normalised text straight out of the raw line when it is a plain slice of it.
 */
function addUndecided(columns: LineColumns, from: number, to: number, indices: number[]): void {
  indices.length = 0;
  for (let i = from; i < to; i++) {
    if (columns.ops[i] !== UNDECIDED) continue;
    indices.push(i);
    const start = columns.normalisedStarts[i]!;
    if (start >= 0) profiles.add(columns.texts[i]!, start, start + columns.normalisedLengths[i]!);
    else profiles.add(normalisedTextOf(columns, i));
  }
}
