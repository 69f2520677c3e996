import type { DiffHunk } from '../../collectors/git/types.js';
import type { SourceAnalysis } from '../source-analysis/analyse-source.js';

/** Origin id of a line whose introducing commit is not tracked (older than the window, or not counted). */
export const NO_ORIGIN = -1;

/**
 * The current content of one file on the replayed first-parent history, with a survival tag per
 * line: the origin row (commit × file) that introduced it and the effective-code weight it earned.
 *
 * History is replayed from zero-context hunks, so the content is exactly git's as long as every
 * diff of the file was seen; `lost` marks a file whose content is no longer trustworthy (a diff was
 * skipped or did not match), to be reloaded from its blob.
 */
export class FileState {
  lines: string[];
  origins: number[];
  weights: number[];
  /** Source analysis of the current version, computed lazily and dropped when the content changes. */
  analysis: SourceAnalysis | null = null;
  /** Language the cached analysis was made for (a rename can change it). */
  analysisLanguage: string | null = null;
  lost = false;

  constructor(lines: string[] = []) {
    this.lines = lines;
    this.origins = new Array<number>(lines.length).fill(NO_ORIGIN);
    this.weights = new Array<number>(lines.length).fill(0);
  }

  /** Replace the content wholesale (a reload from a blob); survival tags are reset. */
  reset(lines: string[]): void {
    this.lines = lines;
    this.origins = new Array<number>(lines.length).fill(NO_ORIGIN);
    this.weights = new Array<number>(lines.length).fill(0);
    this.analysis = null;
    this.lost = false;
  }

  /** The whole text, as the tokenizer wants it. */
  text(): string {
    return this.lines.join('\n');
  }
}

/** What one hunk removed, read from the state before it was applied. */
export interface RemovedSurvival {
  origins: number[];
  weights: number[];
}

/**
 * Check that the removed lines of every hunk match the current content (a cheap guard against a
 * state that drifted, for example after a diff was skipped).
 */
export function hunksMatch(state: FileState, hunks: readonly DiffHunk[]): boolean {
  for (const hunk of hunks) {
    if (hunk.oldCount === 0) {
      if (hunk.oldStart > state.lines.length) return false;
      continue;
    }
    const start = hunk.oldStart - 1;
    if (start + hunk.removed.length > state.lines.length) return false;
    for (let i = 0; i < hunk.removed.length; i++) {
      if (state.lines[start + i] !== hunk.removed[i]) return false;
    }
  }
  return true;
}

/**
 * Apply zero-context hunks (in old-file order, as git prints them) to the state and return the
 * survival tags of the lines each hunk removed. Added lines start untagged; the engine tags them
 * once their weights are known.
 */
export function applyHunks(state: FileState, hunks: readonly DiffHunk[]): RemovedSurvival[] {
  const removed: RemovedSurvival[] = [];
  const oldLines = state.lines;
  const oldOrigins = state.origins;
  const oldWeights = state.weights;
  const lines: string[] = [];
  const origins: number[] = [];
  const weights: number[] = [];
  let cursor = 0;
  for (const hunk of hunks) {
    // "@@ -5,0 +6,2 @@" inserts after old line 5; otherwise old lines start at oldStart (1-based).
    const removeAt = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1;
    const keepUntil = Math.min(Math.max(removeAt, cursor), oldLines.length);
    for (let i = cursor; i < keepUntil; i++) {
      lines.push(oldLines[i]!);
      origins.push(oldOrigins[i]!);
      weights.push(oldWeights[i]!);
    }
    const removedEnd = Math.min(keepUntil + hunk.oldCount, oldLines.length);
    removed.push({
      origins: oldOrigins.slice(keepUntil, removedEnd),
      weights: oldWeights.slice(keepUntil, removedEnd),
    });
    for (const text of hunk.added) {
      lines.push(text);
      origins.push(NO_ORIGIN);
      weights.push(0);
    }
    cursor = removedEnd;
  }
  for (let i = cursor; i < oldLines.length; i++) {
    lines.push(oldLines[i]!);
    origins.push(oldOrigins[i]!);
    weights.push(oldWeights[i]!);
  }
  state.lines = lines;
  state.origins = origins;
  state.weights = weights;
  state.analysis = null;
  return removed;
}
