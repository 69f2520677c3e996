/**
 * Moves: long lines removed in one place and re-added elsewhere in the same commit.
 */
import type { CommitLineTable } from './commit-line-table.js';
import { MOVE } from './op-codes.js';
import { pairEqualLines } from './pair-equal-lines.js';

/**
 * Pairs each still-undecided added line of at least `minAlphanumeric` alphanumerics with an
 * undecided removed line of the same normalised text anywhere in the commit, and marks both
 * `move`. Each removed line pairs with at most one added line (multiset matching, earliest
 * removed occurrence first).
 *
 * Such a pair always spans two hunks (or two files): identical lines inside one hunk were
 * already paired as re-indentation no-ops, so a hunk never keeps both sides of a text.
 *
 * Why a length floor: short lines (`return null;`, `i += 1;`) recur everywhere, so an equal
 * short line elsewhere in the commit is no evidence that it was moved.
 */
export function markMoves(table: CommitLineTable, minAlphanumeric: number): void {
  const { removed, added } = table;
  pairEqualLines(removed, 0, removed.ops.length, added, 0, added.ops.length, { minAlphanumeric, sameComment: false, op: MOVE });
}
