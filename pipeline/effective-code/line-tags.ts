import type { DiffHunk } from '../../collectors/git/types.js';

/**
 * Survival tags of a file's current lines, one per line: a tag id handed out by
 * `SurvivalTracker.tagFor` (the origin row that introduced the line and the weight it earned),
 * or {@link UNTAGGED}. Why ids in a typed array rather than an object per line: a repository's
 * files hold millions of lines, and the tags of all of them are kept for the whole replay.
 */
export type LineTags = Int32Array;

/** Tag of a line whose introducing commit is not tracked (older than the window, or not counted). */
export const UNTAGGED = 0;

/**
 * Tags of `count` lines whose origin is not tracked.
 *
 * @example
 * untaggedLines(3); // Int32Array [0, 0, 0]
 */
export function untaggedLines(count: number): LineTags {
  return new Int32Array(count);
}

/**
 * Apply zero-context hunks to a file's survival tags and return the tags of the lines each hunk
 * removed. Added lines start untagged; the engine tags them once their weights are known. The
 * input is left unchanged (the removed tags are views of it). Lines move exactly as the replay
 * stage moves the file's text (`FileContent.applyHunks`).
 *
 * "@@ -5,0 +6,2 @@" inserts after old line 5; otherwise the hunk's old lines start at oldStart (1-based).
 *
 * @example
 * const { tags, removed } = applyHunksToTags(Int32Array.of(1, 2, 3), hunks);
 */
export function applyHunksToTags(tags: LineTags, hunks: readonly DiffHunk[]): { tags: LineTags; removed: LineTags[] } {
  let size = tags.length;
  for (const hunk of hunks) size += hunk.added.length - hunk.oldCount;
  let next: Int32Array = new Int32Array(Math.max(size, 0));
  const removed: LineTags[] = [];
  let at = 0;
  let cursor = 0;
  const keep = (from: number, to: number): void => {
    if (to <= from) return;
    if (at + (to - from) > next.length) next = grown(next, at + (to - from));
    next.set(tags.subarray(from, to), at);
    at += to - from;
  };
  for (const hunk of hunks) {
    const removeAt = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1;
    const keepUntil = Math.min(Math.max(removeAt, cursor), tags.length);
    keep(cursor, keepUntil);
    const removedEnd = Math.min(keepUntil + hunk.oldCount, tags.length);
    removed.push(tags.subarray(keepUntil, removedEnd));
    // Added lines are untagged: the new array is zero-filled already.
    if (at + hunk.added.length > next.length) next = grown(next, at + hunk.added.length);
    at += hunk.added.length;
    cursor = removedEnd;
  }
  keep(cursor, tags.length);
  return { tags: at === next.length ? next : next.slice(0, at), removed };
}

function grown(tags: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(Math.max(size, tags.length * 2));
  bigger.set(tags);
  return bigger;
}
