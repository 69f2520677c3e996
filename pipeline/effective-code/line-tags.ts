import type { DiffHunk } from '../../collectors/git/types.js';
import { spliceHunks } from './hunk-splice.js';

/** Origin id of a line whose introducing commit is not tracked (older than the window, or not counted). */
export const NO_ORIGIN = -1;

/** A survival tag: the origin row (commit × file) that introduced a line, and the weight it earned. */
export interface LineTag {
  origin: number;
  weight: number;
}

const UNTAGGED: LineTag = Object.freeze({ origin: NO_ORIGIN, weight: 0 }) as LineTag;

/** Tags of `count` lines whose origin is not tracked. */
export function untaggedLines(count: number): LineTag[] {
  return new Array<LineTag>(count).fill(UNTAGGED);
}

/**
 * Apply zero-context hunks to a file's survival tags and return the tags of the lines each hunk
 * removed. Added lines start untagged; the engine tags them once their weights are known.
 */
export function applyHunksToTags(tags: readonly LineTag[], hunks: readonly DiffHunk[]): { tags: LineTag[]; removed: LineTag[][] } {
  const { values, removed } = spliceHunks(tags, hunks, () => UNTAGGED, true);
  return { tags: values, removed };
}
