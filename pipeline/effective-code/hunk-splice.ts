import type { DiffHunk } from '../../collectors/git/types.js';

/**
 * Apply zero-context hunks (in old-file order, as git prints them) to a per-line array: keep the
 * unchanged stretches, drop each hunk's removed lines and insert `makeAdded(hunk, i)` for each
 * added line. The removed values of every hunk are returned when `collectRemoved` is set.
 *
 * "@@ -5,0 +6,2 @@" inserts after old line 5; otherwise the hunk's old lines start at oldStart (1-based).
 */
export function spliceHunks<T>(
  old: readonly T[],
  hunks: readonly DiffHunk[],
  makeAdded: (hunk: DiffHunk, index: number) => T,
  collectRemoved = false,
): { values: T[]; removed: T[][] } {
  const values: T[] = [];
  const removed: T[][] = [];
  let cursor = 0;
  for (const hunk of hunks) {
    const removeAt = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1;
    const keepUntil = Math.min(Math.max(removeAt, cursor), old.length);
    for (let i = cursor; i < keepUntil; i++) values.push(old[i]!);
    const removedEnd = Math.min(keepUntil + hunk.oldCount, old.length);
    if (collectRemoved) removed.push(old.slice(keepUntil, removedEnd));
    for (let i = 0; i < hunk.added.length; i++) values.push(makeAdded(hunk, i));
    cursor = removedEnd;
  }
  for (let i = cursor; i < old.length; i++) values.push(old[i]!);
  return { values, removed };
}
