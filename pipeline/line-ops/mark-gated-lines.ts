/**
 * Gate rows 1–3 of metrics.md §1: lines that never count, decided before any pairing.
 */
import type { CommitLineTable } from './commit-line-table.js';
import { COMMENT, NOOP, TRIVIAL, UNDECIDED } from './op-codes.js';

/**
 * Hunks whose removed × added count is at most this are paired by a direct nested scan;
 * larger ones through a map. Both give the same pairs; the scan avoids building a map for
 * the many one- and two-line hunks.
 */
const NESTED_SCAN_MAX_CELLS = 64;

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
  markBlankLines(table.removed.normalised, table.removed.ops);
  markBlankLines(table.added.normalised, table.added.ops);
  for (let hunk = 0; hunk < table.hunkCount; hunk++) pairReindentedLines(table, hunk);
  for (const side of [table.removed, table.added]) {
    const { ops, comment, keywordOnly, alphanumerics } = side;
    for (let i = 0; i < ops.length; i++) {
      if (ops[i] !== UNDECIDED) continue;
      if (comment[i] === 1) ops[i] = COMMENT;
      else if (keywordOnly[i] === 1 || alphanumerics[i]! < trivialMinAlphanumeric) ops[i] = TRIVIAL;
    }
  }
}

function markBlankLines(normalised: readonly string[], ops: Uint8Array): void {
  for (let i = 0; i < ops.length; i++) if (normalised[i]!.length === 0) ops[i] = NOOP;
}

/**
 * Pairs identical normalised lines inside one hunk, the k-th removed occurrence of a text with
 * its k-th added occurrence, and marks both `noop`.
 *
 * Why every occurrence and not only a diff's longest common subsequence: a line whose text
 * survives inside the same hunk carries no new work whether it was re-indented or reordered
 * there; the hunk already localises it, so reordering inside one hunk is no move.
 *
 * Why both lines must share the comment flag: uncommenting code inside a block comment leaves
 * the text unchanged but turns a comment into code, which is work.
 */
function pairReindentedLines(table: CommitLineTable, hunk: number): void {
  const removedFrom = table.removedStart[hunk]!;
  const removedTo = table.removedStart[hunk + 1]!;
  const addedFrom = table.addedStart[hunk]!;
  const addedTo = table.addedStart[hunk + 1]!;
  if (removedFrom === removedTo || addedFrom === addedTo) return;
  const { removed, added } = table;

  if ((removedTo - removedFrom) * (addedTo - addedFrom) <= NESTED_SCAN_MAX_CELLS) {
    for (let a = addedFrom; a < addedTo; a++) {
      if (added.ops[a] !== UNDECIDED) continue;
      const text = added.normalised[a];
      for (let r = removedFrom; r < removedTo; r++) {
        if (removed.ops[r] === UNDECIDED && removed.normalised[r] === text && removed.comment[r] === added.comment[a]) {
          removed.ops[r] = NOOP;
          added.ops[a] = NOOP;
          break;
        }
      }
    }
    return;
  }

  // Chains of removed lines per text, earliest first: `first` maps a key to the head of its
  // chain and `next` links each line to the next one with the same key (-1 ends a chain).
  const first = new Map<string, number>();
  const next = new Int32Array(removedTo - removedFrom);
  for (let r = removedTo - 1; r >= removedFrom; r--) {
    if (removed.ops[r] !== UNDECIDED) continue;
    const key = pairingKey(removed.normalised[r]!, removed.comment[r]!);
    next[r - removedFrom] = first.get(key) ?? -1;
    first.set(key, r);
  }
  for (let a = addedFrom; a < addedTo; a++) {
    if (added.ops[a] !== UNDECIDED) continue;
    const key = pairingKey(added.normalised[a]!, added.comment[a]!);
    const r = first.get(key);
    if (r === undefined || r < 0) continue;
    removed.ops[r] = NOOP;
    added.ops[a] = NOOP;
    first.set(key, next[r - removedFrom]!);
  }
}

/** Comment lines get a prefix no source line starts with, so they only pair with comment lines. */
function pairingKey(normalised: string, comment: number): string {
  return comment === 1 ? `\u0000${normalised}` : normalised;
}
