/**
 * Multiset pairing of removed and added lines with the same normalised text, shared by the
 * re-indentation no-op step (inside one hunk) and the move step (across the commit).
 */
import type { LineColumns } from './commit-line-table.js';
import { HashIndexMap } from './hash-index-map.js';
import { normalisedEquals } from './line-scan.js';
import { UNDECIDED } from './op-codes.js';

/**
 * Ranges with at most this many removed × added cells are paired by a direct nested scan;
 * larger ones through a hash index. Both give the same pairs; the scan avoids touching the
 * index for the many one- and two-line hunks.
 */
const NESTED_SCAN_MAX_CELLS = 64;

/** Chains of removed lines per hash: `heads` maps a hash to its earliest line, `next` links on. */
const heads = new HashIndexMap();
let next = new Int32Array(1024);

/** What must hold, besides equal normalised text, for two lines to pair. */
export interface EqualLinePairing {
  /** Only lines with at least this many alphanumerics take part. */
  minAlphanumeric: number;
  /** Both lines must carry the same comment flag. */
  sameComment: boolean;
  /** Op code given to both lines of a pair. */
  op: number;
}

/**
 * Pairs undecided removed lines `[removedFrom, removedTo)` with undecided added lines
 * `[addedFrom, addedTo)` of the same normalised text, and marks both lines of each pair with
 * `pairing.op`. Added lines are taken in order; each pairs with the earliest still-unpaired
 * removed line that matches, so the k-th removed occurrence of a text pairs with its k-th added
 * occurrence.
 *
 * Lines are matched by their normalised hash and then confirmed with `normalisedEquals`, so a
 * hash collision can never pair two different texts.
 *
 * @example
 * pairEqualLines(table.removed, 0, 3, table.added, 0, 4, { minAlphanumeric: 0, sameComment: true, op: NOOP });
 */
export function pairEqualLines(
  removed: LineColumns,
  removedFrom: number,
  removedTo: number,
  added: LineColumns,
  addedFrom: number,
  addedTo: number,
  pairing: EqualLinePairing,
): void {
  if (removedFrom >= removedTo || addedFrom >= addedTo) return;
  if ((removedTo - removedFrom) * (addedTo - addedFrom) <= NESTED_SCAN_MAX_CELLS) {
    pairByScan(removed, removedFrom, removedTo, added, addedFrom, addedTo, pairing);
  } else {
    pairByIndex(removed, removedFrom, removedTo, added, addedFrom, addedTo, pairing);
  }
}

function isCandidate(columns: LineColumns, index: number, minAlphanumeric: number): boolean {
  return columns.ops[index] === UNDECIDED && columns.alphanumerics[index]! >= minAlphanumeric;
}

function sameText(removed: LineColumns, r: number, added: LineColumns, a: number, sameComment: boolean): boolean {
  return (
    removed.hashes[r] === added.hashes[a] &&
    (!sameComment || removed.comment[r] === added.comment[a]) &&
    normalisedEquals(removed.texts[r]!, added.texts[a]!)
  );
}

function pairByScan(
  removed: LineColumns,
  removedFrom: number,
  removedTo: number,
  added: LineColumns,
  addedFrom: number,
  addedTo: number,
  { minAlphanumeric, sameComment, op }: EqualLinePairing,
): void {
  for (let a = addedFrom; a < addedTo; a++) {
    if (!isCandidate(added, a, minAlphanumeric)) continue;
    for (let r = removedFrom; r < removedTo; r++) {
      if (isCandidate(removed, r, minAlphanumeric) && sameText(removed, r, added, a, sameComment)) {
        removed.ops[r] = op;
        added.ops[a] = op;
        break;
      }
    }
  }
}

function pairByIndex(
  removed: LineColumns,
  removedFrom: number,
  removedTo: number,
  added: LineColumns,
  addedFrom: number,
  addedTo: number,
  { minAlphanumeric, sameComment, op }: EqualLinePairing,
): void {
  const count = removedTo - removedFrom;
  if (next.length < count) next = new Int32Array(Math.max(count, next.length * 2));
  const links = next;
  heads.reset(count);
  let candidates = 0;
  for (let r = removedTo - 1; r >= removedFrom; r--) {
    if (!isCandidate(removed, r, minAlphanumeric)) continue;
    const hash = removed.hashes[r]!;
    links[r - removedFrom] = heads.get(hash);
    heads.set(hash, r);
    candidates++;
  }
  if (candidates === 0) return;

  for (let a = addedFrom; a < addedTo; a++) {
    if (!isCandidate(added, a, minAlphanumeric)) continue;
    const hash = added.hashes[a]!;
    // Walk the chain to the earliest line with the same text (the head, unless hashes collide
    // or, when comment flags must agree, the head has the other flag) and unlink it.
    let previous = -1;
    let r = heads.get(hash);
    while (r >= 0 && !sameText(removed, r, added, a, sameComment)) {
      previous = r;
      r = links[r - removedFrom]!;
    }
    if (r < 0) continue;
    if (previous < 0) heads.set(hash, links[r - removedFrom]!);
    else links[previous - removedFrom] = links[r - removedFrom]!;
    removed.ops[r] = op;
    added.ops[a] = op;
  }
}
