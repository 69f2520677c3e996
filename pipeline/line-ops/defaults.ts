import type { OpsLimits, OpsThresholds } from './types.js';

/**
 * The defaults of metrics.md §1: update similarity 0.5, moves of at least 20 alphanumerics,
 * copy/paste blocks and find/replace runs of at least 5 lines, trivial below 3 alphanumerics.
 */
export const DEFAULT_OPS_THRESHOLDS: Readonly<OpsThresholds> = Object.freeze({
  updateSimilarity: 0.5,
  moveMinAlphanumeric: 20,
  copyPasteMinLines: 5,
  findReplaceMinLines: 5,
  trivialMinAlphanumeric: 3,
});

/**
 * Default performance bounds. 32 comparisons per line keeps a 10,000-line rewrite hunk well
 * under a second while leaving every hunk of up to about 60 lines a side exhaustively aligned.
 */
export const DEFAULT_OPS_LIMITS: Readonly<OpsLimits> = Object.freeze({
  alignmentComparisonsPerLine: 32,
});

/**
 * Throws a `RangeError` naming every invalid field of a thresholds object.
 *
 * @example
 * assertValidOpsThresholds({ ...DEFAULT_OPS_THRESHOLDS, copyPasteMinLines: 0 }); // throws
 */
export function assertValidOpsThresholds(thresholds: OpsThresholds): void {
  const problems: string[] = [];
  const { updateSimilarity } = thresholds;
  if (!(updateSimilarity > 0 && updateSimilarity <= 1)) {
    problems.push(`updateSimilarity: must be in (0, 1], got ${updateSimilarity}`);
  }
  for (const key of ['moveMinAlphanumeric', 'findReplaceMinLines', 'trivialMinAlphanumeric'] as const) {
    const value = thresholds[key];
    if (!Number.isInteger(value) || value < 0) problems.push(`${key}: must be a non-negative integer, got ${value}`);
  }
  const { copyPasteMinLines } = thresholds;
  if (!Number.isInteger(copyPasteMinLines) || copyPasteMinLines < 1) {
    problems.push(`copyPasteMinLines: must be a positive integer, got ${copyPasteMinLines}`);
  }
  if (problems.length > 0) throw new RangeError(`Invalid line-op thresholds:\n${problems.join('\n')}`);
}

/** Throws a `RangeError` when a limits object is unusable. */
export function assertValidOpsLimits(limits: OpsLimits): void {
  const { alignmentComparisonsPerLine } = limits;
  if (!(alignmentComparisonsPerLine >= 1)) {
    throw new RangeError(`Invalid line-op limits:\nalignmentComparisonsPerLine: must be ≥ 1, got ${alignmentComparisonsPerLine}`);
  }
}
