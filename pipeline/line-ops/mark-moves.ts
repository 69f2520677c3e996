/**
 * Moves: long lines removed in one place and re-added elsewhere in the same commit.
 */
import type { CommitLineTable } from './commit-line-table.js';
import { MOVE, UNDECIDED } from './op-codes.js';

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
  // Chains of candidate removed lines per text, earliest first (see mark-gated-lines.ts).
  const first = new Map<string, number>();
  const next = new Int32Array(removed.ops.length);
  for (let r = removed.ops.length - 1; r >= 0; r--) {
    if (removed.ops[r] !== UNDECIDED || removed.alphanumerics[r]! < minAlphanumeric) continue;
    const text = removed.normalised[r]!;
    next[r] = first.get(text) ?? -1;
    first.set(text, r);
  }
  if (first.size === 0) return;
  for (let a = 0; a < added.ops.length; a++) {
    if (added.ops[a] !== UNDECIDED || added.alphanumerics[a]! < minAlphanumeric) continue;
    const text = added.normalised[a]!;
    const r = first.get(text);
    if (r === undefined || r < 0) continue;
    removed.ops[r] = MOVE;
    added.ops[a] = MOVE;
    first.set(text, next[r]!);
  }
}
