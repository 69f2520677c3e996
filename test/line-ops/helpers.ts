import { CopyPasteHistory } from '../../pipeline/line-ops/copy-paste-history.js';
import { DEFAULT_OPS_THRESHOLDS } from '../../pipeline/line-ops/defaults.js';
import { detectLineOps } from '../../pipeline/line-ops/detect-line-ops.js';
import type { FileOps, LineOp, OpsFile, OpsHunk, OpsLine, OpsThresholds } from '../../pipeline/line-ops/types.js';

/** A plain code line (no comment, not keyword-only). */
export function code(text: string): OpsLine {
  return { text, comment: false, keywordOnly: false };
}

/** A comment-only line as the engine would flag it. */
export function comment(text: string): OpsLine {
  return { text, comment: true, keywordOnly: false };
}

/** A keyword-only line as the engine would flag it. */
export function keyword(text: string): OpsLine {
  return { text, comment: false, keywordOnly: true };
}

/** A hunk from raw texts (plain code lines). */
export function hunk(removed: readonly string[], added: readonly string[]): OpsHunk {
  return { removed: removed.map(code), added: added.map(code) };
}

/** A file without known new content. */
export function file(...hunks: OpsHunk[]): OpsFile {
  return { hunks, newContent: null, hunkNewStarts: hunks.map(() => 1) };
}

/** Runs detection for one commit with default (or overridden) thresholds and a fresh history. */
export function detect(
  files: OpsFile[],
  overrides: Partial<OpsThresholds> = {},
  history?: CopyPasteHistory,
): FileOps[] {
  const thresholds = { ...DEFAULT_OPS_THRESHOLDS, ...overrides };
  return detectLineOps(files, history ?? new CopyPasteHistory(thresholds), thresholds);
}

/** How many lines of each op a result holds. */
export function countOps(result: readonly FileOps[]): Partial<Record<LineOp, number>> {
  const counts: Partial<Record<LineOp, number>> = {};
  for (const fileOps of result) {
    for (const { removed, added } of fileOps.hunks) {
      for (const op of [...removed, ...added]) counts[op] = (counts[op] ?? 0) + 1;
    }
  }
  return counts;
}

/** Distinct, realistic-looking code lines (each well over 20 alphanumerics). */
export function distinctLines(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `const ${prefix}Value${i} = compute${prefix}(input${i}, options);`);
}
