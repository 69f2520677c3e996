/**
 * Decides the op of every changed line of one commit (metrics.md §1, gate rows 1–3 and the
 * Op table).
 */
import { buildCommitLineTable, type CommitLineTable } from './commit-line-table.js';
import type { CopyPasteHistory } from './copy-paste-history.js';
import { assertValidOpsLimits, assertValidOpsThresholds, DEFAULT_OPS_LIMITS } from './defaults.js';
import { markCopyPaste } from './mark-copy-paste.js';
import { markFindReplace } from './mark-find-replace.js';
import { markGatedLines } from './mark-gated-lines.js';
import { markMoves } from './mark-moves.js';
import { markUpdates } from './mark-updates.js';
import { ADD, DELETE, OP_NAMES, UNDECIDED } from './op-codes.js';
import type { FileOps, LineOp, OpsFile, OpsLimits, OpsThresholds } from './types.js';

/**
 * Classifies every changed line of a commit. Each step only claims lines no earlier step
 * decided, so the order below is the precedence:
 *
 * 1. `noop` — blank lines; identical normalised lines removed and added in one hunk.
 * 2. `comment`, then `trivial` — engine flags; too few alphanumerics.
 * 3. `move` — long normalised lines removed in one place and added in another hunk or file.
 * 4. `copy_paste` — added lines in a block of N window lines already in `history` or earlier in this commit.
 * 5. `update` / `update_pair` — similar pairs inside one hunk; then `find_replace` /
 *    `find_replace_pair` for updates sharing one token substitution on enough lines.
 * 6. `add` / `delete` — everything else.
 *
 * Moves come before copy/paste so a moved block is a move (its removed side is explained
 * too), and copy/paste before updates so a pasted block is not credited as edits of the
 * lines it replaced.
 *
 * `history` is only read; the caller records the commit afterwards with
 * `history.recordCommit(files)` (passing the same array, or one that starts with the same file
 * objects, lets it reuse this call's line hashes).
 *
 * @throws RangeError when the thresholds are invalid or the history was built for other ones.
 * @example
 * const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
 * for (const files of commits) {
 *   const ops = detectLineOps(files, history, DEFAULT_OPS_THRESHOLDS);
 *   history.recordCommit(files);
 *   // ops[f].hunks[h].added[i] is the op of files[f].hunks[h].added[i]
 * }
 */
export function detectLineOps(
  files: readonly OpsFile[],
  history: CopyPasteHistory,
  thresholds: OpsThresholds,
  limits: OpsLimits = DEFAULT_OPS_LIMITS,
): FileOps[] {
  assertValidOpsThresholds(thresholds);
  assertValidOpsLimits(limits);
  history.assertCompatible(thresholds);

  const table = buildCommitLineTable(files);
  markGatedLines(table, thresholds.trivialMinAlphanumeric);
  markMoves(table, thresholds.moveMinAlphanumeric);
  markCopyPaste(table, history);
  const updates = markUpdates(table, thresholds.updateSimilarity, limits.alignmentComparisonsPerLine);
  markFindReplace(table, updates, thresholds.findReplaceMinLines);
  markRemaining(table.removed.ops, DELETE);
  markRemaining(table.added.ops, ADD);
  history.reuseAnalysedAddedLines(files, table.added);
  return toFileOps(files, table);
}

function markRemaining(ops: Uint8Array, op: number): void {
  for (let i = 0; i < ops.length; i++) if (ops[i] === UNDECIDED) ops[i] = op;
}

function toFileOps(files: readonly OpsFile[], table: CommitLineTable): FileOps[] {
  let removedAt = 0;
  let addedAt = 0;
  return files.map((file) => ({
    hunks: file.hunks.map((hunk) => {
      const removed = namesOf(table.removed.ops, removedAt, hunk.removed.length);
      const added = namesOf(table.added.ops, addedAt, hunk.added.length);
      removedAt += hunk.removed.length;
      addedAt += hunk.added.length;
      return { removed, added };
    }),
  }));
}

function namesOf(ops: Uint8Array, from: number, count: number): LineOp[] {
  const names: LineOp[] = [];
  for (let i = 0; i < count; i++) names.push(OP_NAMES[ops[from + i]!]!);
  return names;
}
