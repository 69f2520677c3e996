/**
 * Find/replace: the same token substitution applied to many lines of one commit.
 */
import { normalisedTextOf, type CommitLineTable } from './commit-line-table.js';
import { FIND_REPLACE, FIND_REPLACE_PAIR } from './op-codes.js';
import { findTokenSubstitution } from './token-substitution.js';

/**
 * Among the commit's update pairs (`[removedIndex, addedIndex, …]` from `markUpdates`), finds
 * those whose only difference is one token substitution (see {@link findTokenSubstitution});
 * when the same `old → new` substitution appears on at least `minLines` pairs anywhere in the
 * commit, those pairs become `find_replace` (added side) and `find_replace_pair` (removed side).
 *
 * Why a commit-wide count: a rename applied by an editor or a codemod touches many files at
 * once; the same substitution on a handful of lines is an ordinary edit.
 */
export function markFindReplace(table: CommitLineTable, updates: readonly number[], minLines: number): void {
  const pairCount = updates.length / 2;
  const keys: Array<string | null> = [];
  const counts = new Map<string, number>();
  for (let p = 0; p < pairCount; p++) {
    const substitution = findTokenSubstitution(
      normalisedTextOf(table.removed, updates[2 * p]!),
      normalisedTextOf(table.added, updates[2 * p + 1]!),
    );
    // Unambiguous: word tokens never contain NUL and every other token is a single character.
    const key = substitution === null ? null : `${substitution.from}\u0000${substitution.to}`;
    keys.push(key);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (let p = 0; p < pairCount; p++) {
    const key = keys[p];
    if (key === null || key === undefined || counts.get(key)! < minLines) continue;
    table.removed.ops[updates[2 * p]!] = FIND_REPLACE_PAIR;
    table.added.ops[updates[2 * p + 1]!] = FIND_REPLACE;
  }
}
