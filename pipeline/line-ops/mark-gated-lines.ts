/**
 * Gate rows 1–3 of metrics.md §1: lines that never count, decided before any pairing.
 */
import type { CommitLineTable, LineColumns } from './commit-line-table.js';
import { COMMENT, NOOP, TRIVIAL, UNDECIDED } from './op-codes.js';
import { pairEqualLines, type EqualLinePairing } from './pair-equal-lines.js';

/**
 * Pairs identical normalised lines inside one hunk, the k-th removed occurrence of a text with
 * its k-th added occurrence.
 *
 * Why every occurrence and not only a diff's longest common subsequence: a line whose text
 * survives inside the same hunk carries no new work whether it was re-indented or reordered
 * there; the hunk already localises it, so reordering inside one hunk is no move.
 *
 * Why both lines must share the comment flag: uncommenting code inside a block comment leaves
 * the text unchanged but turns a comment into code, which is work.
 */
const REINDENTED: EqualLinePairing = Object.freeze({ minAlphanumeric: 0, sameComment: true, op: NOOP });

/**
 * Marks, in this order of precedence:
 * 1. blank and whitespace-only lines → `noop`;
 * 2. within one hunk, a removed and an added line with the same normalised text (re-indented,
 *    or spacing changed at the ends or in runs) → both `noop`;
 * 3. comment-only lines → `comment`;
 * 4. lines with fewer than `trivialMinAlphanumeric` alphanumerics, or keyword-only → `trivial`.
 *
 * Why re-indentation comes before comments: a re-indented comment is a whitespace-only change
 * (gate row 1); either way it weighs nothing.
 */
export function markGatedLines(table: CommitLineTable, trivialMinAlphanumeric: number): void {
  const { removed, added, removedStart, addedStart } = table;
  markBlankLines(removed);
  markBlankLines(added);
  for (let hunk = 0; hunk < table.hunkCount; hunk++) {
    pairEqualLines(removed, removedStart[hunk]!, removedStart[hunk + 1]!, added, addedStart[hunk]!, addedStart[hunk + 1]!, REINDENTED);
  }
  markCommentAndTrivial(removed, trivialMinAlphanumeric);
  markCommentAndTrivial(added, trivialMinAlphanumeric);
}

function markBlankLines({ normalisedLengths, ops }: LineColumns): void {
  for (let i = 0; i < ops.length; i++) if (normalisedLengths[i] === 0) ops[i] = NOOP;
}

function markCommentAndTrivial({ ops, comment, keywordOnly, alphanumerics }: LineColumns, trivialMinAlphanumeric: number): void {
  for (let i = 0; i < ops.length; i++) {
    if (ops[i] !== UNDECIDED) continue;
    if (comment[i] === 1) ops[i] = COMMENT;
    else if (keywordOnly[i] === 1 || alphanumerics[i]! < trivialMinAlphanumeric) ops[i] = TRIVIAL;
  }
}
